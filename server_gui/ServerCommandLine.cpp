#include "ServerCommandLine.h"

#include "base/Endpoint.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <limits>
#include <memory>

namespace chorus {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("chorus::ServerCommandLine", text);
}

struct Options
{
    QCommandLineOption headless{QStringLiteral("headless"),
                                tr("Run without a window; log to stdout.")};
    QCommandLineOption listen{QStringLiteral("listen"),
                              tr("Address to listen on: any (IPv4+IPv6), localhost or an IP "
                                 "address of this machine. Default: any."),
                              tr("ADDR")};
    QCommandLineOption port{QStringLiteral("port"),
                            tr("TCP port, 0-65535 (0 picks a free port). Default: 9999."), tr("N")};
    QCommandLineOption replies{QStringLiteral("replies"),
                               tr("Reply book file (.json as saved by Chorus, or plain text "
                                  "with one reply per line). Default: the autosaved book."),
                               tr("FILE")};
    QCommandLineOption framing{QStringLiteral("framing"),
                               tr("Message framing: auto, line or raw. Default: auto."),
                               tr("MODE")};
    QCommandLineOption pick{QStringLiteral("pick"),
                            tr("How replies are picked: random, shuffle or sequential."),
                            tr("MODE")};
    QCommandLineOption idleGap{QStringLiteral("idle-gap"),
                               tr("Auto framing: silence that ends an unterminated message, "
                                  "1-60000 ms. Default: 30."),
                               tr("MS")};
    QCommandLineOption maxMessage{QStringLiteral("max-message"),
                                  tr("Longest accepted message, 16 B to 64 MiB. Default: 65536."),
                                  tr("BYTES")};
    QCommandLineOption highWater{QStringLiteral("high-water"),
                                 tr("Unsent bytes to a peer that stopped reading before it is "
                                    "disconnected, 1 KiB to 1 GiB. Default: 1048576."),
                                 tr("BYTES")};
    QCommandLineOption ioThreads{QStringLiteral("io-threads"),
                                 tr("Event-loop threads serving connections, 1-64. Default: 1."),
                                 tr("N")};
    QCommandLineOption maxConnections{QStringLiteral("max-connections"),
                                      tr("Connections served at once, 1-1000000; more get "
                                         "\"server full\". Default: 10000."),
                                      tr("N")};
    QCommandLineOption noLogMessages{QStringLiteral("no-log-messages"),
                                     tr("Do not log every message received and sent.")};
    QCommandLineOption logFile{QStringLiteral("log-file"),
                               tr("Also append every log line to FILE."), tr("FILE")};
    QCommandLineOption start{QStringLiteral("start"), tr("Window: start listening at once.")};
    QCommandLineOption lagReport{QStringLiteral("lag-report"),
                                 tr("Window: measure the GUI event-loop lag and write "
                                    "{samples,p50_ms,p99_ms,max_ms} as JSON to FILE on exit."),
                                 tr("FILE")};

    void addTo(QCommandLineParser& parser) const
    {
        parser.addOptions({headless, listen, port, replies, framing, pick, idleGap, maxMessage,
                           highWater, ioThreads, maxConnections, noLogMessages, logFile, start,
                           lagReport});
    }
};

void setUp(QCommandLineParser& parser, const Options& options)
{
    parser.setApplicationDescription(
        tr("Chorus Server: a multi-client TCP server that answers every message with a reply "
           "picked from an editable reply book, and a window to watch every connection."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    parser.addVersionOption();
    options.addTo(parser);
}

// Parses an integer option within [min, max]; on failure sets *error.
template <typename T>
std::optional<T> integerValue(const QCommandLineParser& parser, const QCommandLineOption& option,
                              qint64 min, qint64 max, QString* error)
{
    const QString text = parser.value(option).trimmed();
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max) {
        *error = tr("--%1: \"%2\" is not a whole number from %3 to %4.")
                     .arg(option.names().constFirst(), text)
                     .arg(min)
                     .arg(max);
        return std::nullopt;
    }
    return static_cast<T>(value);
}

} // namespace

std::optional<QHostAddress> ServerCommandLine::addressFromText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.compare(QLatin1String("any"), Qt::CaseInsensitive) == 0)
        return QHostAddress(QHostAddress::Any);
    if (trimmed.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return QHostAddress(QHostAddress::LocalHost);
    QString literal = trimmed;
    if (literal.startsWith(QLatin1Char('[')) && literal.endsWith(QLatin1Char(']')))
        literal = literal.mid(1, literal.size() - 2);
    QHostAddress address;
    if (literal.isEmpty() || !address.setAddress(literal))
        return std::nullopt;
    return address;
}

QString ServerCommandLine::addressToText(const QHostAddress& address)
{
    if (address == QHostAddress(QHostAddress::Any))
        return QStringLiteral("any");
    if (address == QHostAddress(QHostAddress::LocalHost))
        return QStringLiteral("localhost");
    return address.toString();
}

QString ServerCommandLine::endpointText(const QHostAddress& address, quint16 port)
{
    return chorus::endpointText(address, port);
}

ServerCommandLine::Result ServerCommandLine::parse(const QStringList& arguments)
{
    Result result;
    QCommandLineParser parser;
    const Options o;
    setUp(parser, o);

    auto fail = [&result](const QString& text) {
        result.status = Status::Error;
        result.errorText = text;
        return result;
    };

    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("version"))) {
        result.status =
            parser.isSet(QStringLiteral("help")) ? Status::HelpRequested : Status::VersionRequested;
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(tr("Unexpected argument \"%1\"; see --help.")
                        .arg(parser.positionalArguments().constFirst()));

    ServerCommandLineOptions& out = result.options;
    QString error;
    out.headless = parser.isSet(o.headless);
    out.startAtOnce = parser.isSet(o.start);

    if (parser.isSet(o.listen)) {
        const QString text = parser.value(o.listen);
        const auto address = addressFromText(text);
        if (!address)
            return fail(tr("--listen: \"%1\" is not any, localhost or an IP address.").arg(text));
        out.addressText = text.trimmed();
        out.config.address = *address;
    }
    if (parser.isSet(o.port)) {
        const auto port = integerValue<quint16>(parser, o.port, 0, 65535, &error);
        if (!port)
            return fail(error);
        out.port = *port;
        out.config.port = *port;
    }
    if (parser.isSet(o.framing)) {
        const QString text = parser.value(o.framing).trimmed().toLower();
        const auto framing = framingFromName(text);
        if (!framing)
            return fail(
                tr("--framing: \"%1\" is not auto, line or raw.").arg(parser.value(o.framing)));
        out.framing = *framing;
        out.config.framing = *framing;
    }
    if (parser.isSet(o.pick)) {
        const QString text = parser.value(o.pick).trimmed().toLower();
        const auto mode = pickModeFromName(text);
        if (!mode)
            return fail(tr("--pick: \"%1\" is not random, shuffle or sequential.")
                            .arg(parser.value(o.pick)));
        out.pickMode = *mode;
    }
    if (parser.isSet(o.idleGap)) {
        out.givenEngineOptions.append(QStringLiteral("idle-gap"));
        const auto ms = integerValue<int>(parser, o.idleGap, 1, 60000, &error);
        if (!ms)
            return fail(error);
        out.config.limits.idleGap = std::chrono::milliseconds(*ms);
    }
    if (parser.isSet(o.maxMessage)) {
        out.givenEngineOptions.append(QStringLiteral("max-message"));
        const auto bytes =
            integerValue<qsizetype>(parser, o.maxMessage, 16, 64 * 1024 * 1024, &error);
        if (!bytes)
            return fail(error);
        out.config.limits.maxMessageBytes = *bytes;
    }
    if (parser.isSet(o.highWater)) {
        out.givenEngineOptions.append(QStringLiteral("high-water"));
        const auto bytes =
            integerValue<qint64>(parser, o.highWater, 1024, qint64(1024) * 1024 * 1024, &error);
        if (!bytes)
            return fail(error);
        out.config.limits.highWaterBytes = *bytes;
    }
    if (parser.isSet(o.ioThreads)) {
        out.givenEngineOptions.append(QStringLiteral("io-threads"));
        const auto threads = integerValue<int>(parser, o.ioThreads, 1, 64, &error);
        if (!threads)
            return fail(error);
        out.config.ioThreads = *threads;
    }
    if (parser.isSet(o.maxConnections)) {
        out.givenEngineOptions.append(QStringLiteral("max-connections"));
        const auto max = integerValue<int>(parser, o.maxConnections, 1, 1000000, &error);
        if (!max)
            return fail(error);
        out.config.maxConnections = *max;
    }
    out.config.logMessages = !parser.isSet(o.noLogMessages);
    if (parser.isSet(o.noLogMessages))
        out.givenEngineOptions.append(QStringLiteral("no-log-messages"));

    auto pathValue = [&parser](const QCommandLineOption& option, QString* path) {
        *path = parser.value(option).trimmed();
        return !path->isEmpty();
    };
    if (parser.isSet(o.replies) && !pathValue(o.replies, &out.repliesPath))
        return fail(tr("--replies: the file name is empty."));
    if (parser.isSet(o.logFile) && !pathValue(o.logFile, &out.logFilePath))
        return fail(tr("--log-file: the file name is empty."));
    if (parser.isSet(o.lagReport) && !pathValue(o.lagReport, &out.lagReportPath))
        return fail(tr("--lag-report: the file name is empty."));
    if (out.headless && !out.lagReportPath.isEmpty())
        return fail(tr("--lag-report measures the window's event loop; it cannot be used with "
                       "--headless."));
    return result;
}

QString ServerCommandLine::helpText()
{
    QCommandLineParser parser;
    const Options o;
    setUp(parser, o);
    // Help is printed before any QCoreApplication exists, when Qt cannot know
    // the program's name.
    QString text = parser.helpText();
    text.replace(QLatin1String("<executable_name>"), QLatin1String("chorus-server"));
    return text;
}

QString ServerCommandLine::versionText()
{
    return QStringLiteral("chorus-server %1").arg(QStringLiteral(CHORUS_VERSION));
}

} // namespace chorus
