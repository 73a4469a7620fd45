// chorus-server: the window, or with --headless the bare engine on stdout.

#include "EventLoopLagMonitor.h"
#include "HeadlessServer.h"
#include "ServerCommandLine.h"
#include "ServerWindow.h"
#include "UnixSignalWatcher.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QTextStream>

#include <csignal>
#include <memory>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Chorus"));
    QCoreApplication::setApplicationName(QStringLiteral("chorus-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHORUS_VERSION));
}

// Qt's own options (-platform offscreen, -style Fusion, …) are taken by QApplication
// later; our parser must not call them unknown.
QStringList withoutQtOptions(const QStringList& arguments)
{
    static const QStringList withValue = {
        QStringLiteral("platform"),      QStringLiteral("platformpluginpath"),
        QStringLiteral("platformtheme"), QStringLiteral("plugin"),
        QStringLiteral("style"),         QStringLiteral("stylesheet"),
        QStringLiteral("session"),       QStringLiteral("geometry"),
        QStringLiteral("display"),       QStringLiteral("title"),
        QStringLiteral("name"),          QStringLiteral("qwindowgeometry"),
        QStringLiteral("qwindowicon"),   QStringLiteral("qwindowtitle"),
        QStringLiteral("fontengine")};
    static const QStringList flags = {QStringLiteral("reverse"), QStringLiteral("widgetcount"),
                                      QStringLiteral("nograb"), QStringLiteral("dograb"),
                                      QStringLiteral("sync")};
    QStringList kept;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (i == 0 || !argument.startsWith(QLatin1Char('-')) || argument == QLatin1String("--")) {
            kept.append(argument);
            continue;
        }
        QString name = argument.mid(argument.startsWith(QLatin1String("--")) ? 2 : 1);
        const qsizetype equals = name.indexOf(QLatin1Char('='));
        if (equals >= 0)
            name.truncate(equals);
        if (withValue.contains(name)) {
            if (equals < 0)
                ++i; // skip its value too
            continue;
        }
        if (flags.contains(name))
            continue;
        kept.append(argument);
    }
    return kept;
}

// Returns -1 to go on, else the exit code.
int handleParseResult(const chorus::ServerCommandLine::Result& result)
{
    using Status = chorus::ServerCommandLine::Status;
    switch (result.status) {
    case Status::HelpRequested:
        QTextStream(stdout) << chorus::ServerCommandLine::helpText();
        return 0;
    case Status::VersionRequested:
        QTextStream(stdout) << chorus::ServerCommandLine::versionText() << '\n';
        return 0;
    case Status::Error:
        QTextStream(stderr) << "chorus-server: " << result.errorText << '\n'
                            << QCoreApplication::translate("main", "Try --help.") << '\n';
        return 2;
    case Status::Ok:
        break;
    }
    return -1;
}

int runHeadless(const chorus::ServerCommandLineOptions& options)
{
    chorus::HeadlessServer server(options);
    chorus::UnixSignalWatcher signalWatcher({SIGINT, SIGTERM});
    QObject::connect(&signalWatcher, &chorus::UnixSignalWatcher::signalReceived, &server,
                     &chorus::HeadlessServer::requestStop);
    QObject::connect(&server, &chorus::HeadlessServer::finished, qApp, &QCoreApplication::exit,
                     Qt::QueuedConnection);
    if (!server.start())
        return 1;
    return QCoreApplication::exec();
}

int runWindow(const chorus::ServerCommandLineOptions& options)
{
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/chorus/icons/chorus-server.svg")));
    QApplication::setDesktopFileName(QStringLiteral("chorus-server"));

    std::unique_ptr<chorus::EventLoopLagMonitor> lagMonitor;
    if (!options.lagReportPath.isEmpty()) {
        lagMonitor = std::make_unique<chorus::EventLoopLagMonitor>();
        lagMonitor->start();
    }

    chorus::ServerWindow window(options);
    chorus::UnixSignalWatcher signalWatcher({SIGINT, SIGTERM});
    // close() runs the window's own shutdown (settings saved, engine stopped).
    QObject::connect(&signalWatcher, &chorus::UnixSignalWatcher::signalReceived, &window,
                     [&window] { window.close(); });
    window.show();
    const int code = QApplication::exec();

    if (lagMonitor) {
        QString error;
        if (!lagMonitor->writeReport(options.lagReportPath, &error)) {
            QTextStream(stderr) << "chorus-server: "
                                << QCoreApplication::translate("main",
                                                               "cannot write lag report %1: %2")
                                       .arg(options.lagReportPath, error)
                                << '\n';
            return code == 0 ? 1 : code;
        }
    }
    return code;
}

} // namespace

int main(int argc, char** argv)
{
    setIdentity();
    // Parsed before any application object exists: --help, --version and bad values
    // must work without a display, and --headless decides which application we need.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const auto result = chorus::ServerCommandLine::parse(withoutQtOptions(arguments));
    if (const int code = handleParseResult(result); code >= 0)
        return code;
    if (result.options.headless) {
        QCoreApplication app(argc, argv);
        return runHeadless(result.options);
    }
    QApplication app(argc, argv);
    return runWindow(result.options);
}
