// chorus-client: a chat-style TCP client for testing servers and devices.

#include "ClientWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdio>
#include <memory>

namespace {

// --help and --version must work on a machine with no display (ssh, CI): answer
// them from a QCoreApplication before any GUI platform plugin is loaded.
bool asksForHelpOrVersion(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "-h" || argument == "--help" || argument == "-?" ||
            argument == "--help-all" || argument == "-v" || argument == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    std::unique_ptr<QCoreApplication> application;
    if (asksForHelpOrVersion(argc, argv))
        application = std::make_unique<QCoreApplication>(argc, argv);
    else
        application = std::make_unique<QApplication>(argc, argv);
    QCoreApplication& app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Chorus"));
    QCoreApplication::setApplicationName(QStringLiteral("chorus-client"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHORUS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Chat-style TCP client: send messages, read replies with round-trip times."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption host(
        {QStringLiteral("host")},
        QCoreApplication::translate("main", "Server host name or address."),
        QStringLiteral("host"));
    const QCommandLineOption port(
        {QStringLiteral("port")},
        QCoreApplication::translate("main", "Server TCP port (default 9999)."),
        QStringLiteral("port"));
    const QCommandLineOption connectNow({QStringLiteral("connect")},
                                        QCoreApplication::translate("main", "Connect at start."));
    const QCommandLineOption name(
        {QStringLiteral("name")},
        QCoreApplication::translate("main", "Name shown to a Chorus server."),
        QStringLiteral("name"));
    const QCommandLineOption framing(
        {QStringLiteral("framing")},
        QCoreApplication::translate("main", "Receive framing: auto, line or raw."),
        QStringLiteral("framing"));
    const QCommandLineOption terminator(
        {QStringLiteral("terminator")},
        QCoreApplication::translate("main", "Send terminator: lf, crlf or none."),
        QStringLiteral("terminator"));
    const QCommandLineOption protocol(
        {QStringLiteral("protocol")},
        QCoreApplication::translate("main", "Protocol: auto, chorus or plain."),
        QStringLiteral("protocol"));
    parser.addOptions({host, port, connectNow, name, framing, terminator, protocol});
    parser.process(app);

    auto fail = [](const QString& message) {
        std::fprintf(stderr, "chorus-client: %s\n", qPrintable(message));
        return 2;
    };
    chorus::ClientWindowOptions options;
    if (parser.isSet(host))
        options.host = parser.value(host);
    if (parser.isSet(port)) {
        bool ok = false;
        const uint value = parser.value(port).toUInt(&ok);
        if (!ok || value == 0 || value > 65535)
            return fail(QCoreApplication::translate("main", "invalid port: %1 (use 1-65535)")
                            .arg(parser.value(port)));
        options.port = quint16(value);
    }
    if (parser.isSet(name))
        options.name = parser.value(name);
    if (parser.isSet(framing)) {
        options.framing = chorus::framingFromName(parser.value(framing).toLower());
        if (!options.framing)
            return fail(QCoreApplication::translate("main", "invalid framing: %1 (auto, line, raw)")
                            .arg(parser.value(framing)));
    }
    if (parser.isSet(terminator)) {
        options.terminator = chorus::terminatorFromName(parser.value(terminator));
        if (!options.terminator)
            options.terminator = chorus::terminatorFromName(parser.value(terminator).toUpper());
        if (!options.terminator)
            return fail(
                QCoreApplication::translate("main", "invalid terminator: %1 (lf, crlf, none)")
                    .arg(parser.value(terminator)));
    }
    if (parser.isSet(protocol)) {
        options.protocol = chorus::clientProtocolFromName(parser.value(protocol));
        if (!options.protocol)
            return fail(
                QCoreApplication::translate("main", "invalid protocol: %1 (auto, chorus, plain)")
                    .arg(parser.value(protocol)));
    }
    options.connectNow = parser.isSet(connectNow);

    QApplication::setWindowIcon(QIcon(QStringLiteral(":/chorus/icons/chorus-client.svg")));
    auto* window = new chorus::ClientWindow(options);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    return app.exec();
}
