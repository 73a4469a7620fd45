// chorus-server: the window, or with --headless the bare engine on stdout.

#include "EventLoopLagMonitor.h"
#include "HeadlessServer.h"
#include "LanguageMenu.h"
#include "ServerCommandLine.h"
#include "ServerSettings.h"
#include "ServerWindow.h"
#include "TelemetryExportCommand.h"
#include "UnixSignalWatcher.h"
#include "base/UiLanguage.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QProcess>
#include <QTextStream>

#include <csignal>
#include <memory>
#include <vector>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Chorus"));
    QCoreApplication::setApplicationName(QStringLiteral("chorus-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHORUS_VERSION));
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

// argc/argv for QApplication that outlive it: Qt's own options only.
class QtArguments
{
public:
    explicit QtArguments(const QStringList& arguments)
    {
        for (const QString& argument : arguments)
            m_storage.push_back(argument.toLocal8Bit());
        for (QByteArray& argument : m_storage)
            m_pointers.push_back(argument.data());
        m_pointers.push_back(nullptr);
        m_count = int(m_storage.size());
    }
    int& count() { return m_count; }
    char** values() { return m_pointers.data(); }

private:
    std::vector<QByteArray> m_storage;
    std::vector<char*> m_pointers;
    int m_count = 0;
};

int runHeadless(const chorus::ServerCommandLineOptions& options)
{
    chorus::HeadlessServer server(options);
    chorus::UnixSignalWatcher signalWatcher({SIGINT, SIGTERM});
    QObject::connect(&signalWatcher, &chorus::UnixSignalWatcher::signalReceived, &server,
                     &chorus::HeadlessServer::requestStop);
    // QCoreApplication::instance(), not qApp: with QtWidgets included qApp casts
    // to QApplication, which the headless server never creates (UBSan).
    QObject::connect(&server, &chorus::HeadlessServer::finished, QCoreApplication::instance(),
                     &QCoreApplication::exit, Qt::QueuedConnection);
    if (const std::optional<int> code = server.start())
        return *code;
    return QCoreApplication::exec();
}

int runWindow(const chorus::ServerCommandLineOptions& options)
{
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/chorus/icons/chorus-server.svg")));
    QApplication::setDesktopFileName(QStringLiteral("net.chorus_tools.ChorusServer"));

    std::unique_ptr<chorus::EventLoopLagMonitor> lagMonitor;
    if (!options.lagReportPath.isEmpty()) {
        lagMonitor = std::make_unique<chorus::EventLoopLagMonitor>();
        lagMonitor->start();
    }

    chorus::ServerWindow window(options);
    chorus::UnixSignalWatcher signalWatcher({SIGINT, SIGTERM});
    // The window's own shutdown (settings saved, engine stopped), without the question.
    QObject::connect(&signalWatcher, &chorus::UnixSignalWatcher::signalReceived, &window,
                     &chorus::ServerWindow::quitWithoutAsking);
    window.show();
    const int code = QApplication::exec();

    if (lagMonitor) {
        const chorus::FileResult written = lagMonitor->writeReport(options.lagReportPath);
        if (!written.ok()) {
            QTextStream(stderr) << "chorus-server: " << written.describe() << '\n';
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
    // Our options go to our parser only; QApplication sees nothing but Qt's own
    // (-style, -platform, -name, …), so none of ours can be taken by Qt.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const auto split = chorus::ServerCommandLine::splitArguments(arguments);
    const auto result = chorus::ServerCommandLine::parse(split.ours);
    const QString settingsPath = chorus::ServerSettings::defaultPath();
    if (result.status != chorus::ServerCommandLine::Status::Ok) {
        // --help, --version and errors in the chosen language: translators need
        // an application object, and the texts are made while parsing.
        int textArgc = 1;
        QCoreApplication textApp(textArgc, argv);
        chorus::UiTranslators translators;
        translators.install(chorus::savedUiLanguage(settingsPath));
        return handleParseResult(chorus::ServerCommandLine::parse(split.ours));
    }
    QtArguments qtArguments(split.qt);
    chorus::UiTranslators translators;
    if (!result.options.exportTelemetryFrom.isEmpty() || !result.options.exportOutput.isEmpty()) {
        QCoreApplication app(qtArguments.count(), qtArguments.values());
        translators.install(chorus::savedUiLanguage(settingsPath));
        return chorus::TelemetryExportCommand::run(result.options.exportTelemetryFrom,
                                                   result.options.exportOutput);
    }
    if (result.options.headless) {
        QCoreApplication app(qtArguments.count(), qtArguments.values());
        translators.install(chorus::savedUiLanguage(settingsPath));
        return runHeadless(result.options);
    }
    int code = 0;
    {
        QApplication app(qtArguments.count(), qtArguments.values());
        translators.install(chorus::savedUiLanguage(settingsPath));
        code = runWindow(result.options);
        translators.remove();
    }
    // Help → Language asked for a fresh start in the new language, once the
    // window has closed (the engine stopped, its port free again).
    if (chorus::LanguageMenu::restartRequested() && code == 0)
        QProcess::startDetached(QString::fromLocal8Bit(argv[0]), arguments.mid(1));
    return code;
}
