#pragma once

// chorus-server's command line, driven by ServerSettings::table(): --help,
// both "--option value" and "--option=value" for every option, range errors.
// Kept apart from main() so tests can feed it argument lists.

#include "ServerSettings.h"
#include "answer/ReplyEntry.h"
#include "wire/ByteText.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace chorus {

struct ServerCommandLineOptions
{
    // The settings given on the command line, checked; only those given are
    // set. They win over the saved settings for this run.
    SettingValues overrides{ServerSettings::table().size()};
    // Options of the command line only.
    bool headless = false;
    bool startAtOnce = false;         // window: start listening without a click
    QString repliesPath;              // empty: the window's own book
    QString rulesPath;                // --rules; empty: the window's own rules (headless: none)
    QString lagReportPath;            // empty: no lag report
    std::optional<PickMode> pickMode; // empty: the book's own
    std::optional<ByteView> view;     // --view; empty: text (headless), the saved one (window)
    // --export-telemetry-csv LOG --output FILE: export and exit, no window.
    QString exportTelemetryFrom;
    QString exportOutput;

    // Compatibility: the override fields callers set before `overrides`
    // existed (tests/serverclientwindows). The window folds addressText and
    // port into the overrides; `config` is not read. Remove with their last user.
    std::optional<QString> addressText;
    std::optional<quint16> port;
    ServerConfig config;
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

    // Arguments for our parser, and those for QApplication (Qt's own -style,
    // -platform, -name, … with their values, as "-option value"). Each list
    // starts with arguments[0]. Our options never reach QApplication.
    struct SplitArguments
    {
        QStringList ours;
        QStringList qt;
    };
    static SplitArguments splitArguments(const QStringList& arguments);

    // arguments[0] is the program name, as in QCoreApplication::arguments().
    static Result parse(const QStringList& arguments);
    static QString helpText();
    static QString versionText();
};

} // namespace chorus
