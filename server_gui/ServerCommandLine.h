#pragma once

// Parses chorus-server's command line into a ServerConfig plus the options
// that only the front ends use. Kept apart from main() so tests can feed it
// argument lists, bad values included.

#include "answer/ReplyBook.h"
#include "server/ServerTypes.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

namespace chorus {

struct ServerCommandLineOptions
{
    // Engine settings; only the fields given on the command line differ from
    // ServerConfig's defaults. Address, port and framing are also reported in
    // the optionals below so the window knows they override saved settings.
    ServerConfig config;
    std::optional<QString> addressText; // "any", "localhost" or an IP, as typed
    std::optional<quint16> port;
    std::optional<Framing> framing;
    std::optional<PickMode> pickMode;
    // Engine options given on the command line ("idle-gap", "max-message", "high-water",
    // "io-threads", "max-connections", "no-log-messages"): they override the window's
    // saved engine settings for this run.
    QStringList givenEngineOptions;

    bool headless = false;
    bool startAtOnce = false; // GUI: start listening without a click
    QString repliesPath;      // empty: the autosave file
    QString logFilePath;      // empty: no log file
    QString lagReportPath;    // empty: no lag report
};

class ServerCommandLine
{
public:
    enum class Status { Ok, Error, HelpRequested, VersionRequested };

    struct Result
    {
        Status status = Status::Ok;
        QString errorText; // Status::Error: one line naming the option and the problem
        ServerCommandLineOptions options;
    };

    // arguments[0] is the program name, as in QCoreApplication::arguments().
    static Result parse(const QStringList& arguments);
    static QString helpText();
    static QString versionText();

    // "any" -> Any (IPv4+IPv6), "localhost" -> 127.0.0.1, else a literal IP.
    static std::optional<QHostAddress> addressFromText(const QString& text);
    static QString addressToText(const QHostAddress& address);
    // "[::]:9999", "127.0.0.1:9999"
    static QString endpointText(const QHostAddress& address, quint16 port);
};

} // namespace chorus
