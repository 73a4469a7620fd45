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
#include <cstring>
#include <memory>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Chorus"));
    QCoreApplication::setApplicationName(QStringLiteral("chorus-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHORUS_VERSION));
}

bool wantsHeadless(int argc, char** argv)
{
    // Decided before any QApplication exists: headless must run without a display.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0 || std::strcmp(argv[i], "-headless") == 0)
            return true;
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0 ||
            std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0)
            return true; // printing help needs no window either
    }
    return false;
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
    if (wantsHeadless(argc, argv)) {
        QCoreApplication app(argc, argv);
        const auto result = chorus::ServerCommandLine::parse(QCoreApplication::arguments());
        if (const int code = handleParseResult(result); code >= 0)
            return code;
        return runHeadless(result.options);
    }
    QApplication app(argc, argv);
    const auto result = chorus::ServerCommandLine::parse(QCoreApplication::arguments());
    if (const int code = handleParseResult(result); code >= 0)
        return code;
    return runWindow(result.options);
}
