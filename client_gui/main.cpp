// chorus-client: a chat-style TCP client for testing servers and devices.

#include "ClientCommandLine.h"
#include "ClientSettings.h"
#include "ClientWindow.h"
#include "ConsoleClient.h"
#include "LanguageMenu.h"
#include "ReplayText.h"
#include "base/UiLanguage.h"
#include "client/ClientSessionRecorder.h"
#include "client/SimulatedVehicle.h"

#include <QApplication>
#include <QFile>
#include <QIcon>
#include <QProcess>
#include <memory>

#include <cstdio>
#include <vector>

namespace {

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Chorus"));
    QCoreApplication::setApplicationName(QStringLiteral("chorus-client"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHORUS_VERSION));
}

// --console: QCoreApplication only, so it runs with no display (ssh, CI).
int runConsole(int argc, char* argv[], const chorus::ClientCommandLine::Result& parsed)
{
    int coreArgc = 1; // our options are parsed already; Qt's own mean nothing here
    QCoreApplication app(coreArgc, argv);
    Q_UNUSED(argc);
    setApplicationNames();
    chorus::UiTranslators translators;
    translators.install(chorus::savedUiLanguage(chorus::ClientSettings::defaultPath()));
    chorus::ClientSettings settings;
    QList<chorus::SettingProblem> problems;
    settings.load(&problems); // a bad saved value falls back to its default
    const chorus::SettingValues values =
        chorus::ClientSettings::effective(settings.saved(), parsed.overrides);
    chorus::ConsoleOptions options;
    options.config = chorus::ClientSettings::toConfig(values);
    options.input = chorus::ClientSettings::sendModeOf(values);
    options.view = chorus::ClientSettings::viewOf(values);
    options.replyTimeout = std::chrono::milliseconds(
        values.get(chorus::settingId(chorus::ClientSetting::ReplyTimeout)).toLongLong());
    QFile out;
    QFile err;
    out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
    err.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    for (const chorus::SettingProblem& problem : problems)
        err.write(QCoreApplication::translate("chorus::ClientCommandLine",
                                              "A saved setting was refused (its default "
                                              "applies): %1\n")
                      .arg(chorus::ClientSettings::table().describe(problem))
                      .toUtf8());
    const QString replayFile =
        values.get(chorus::settingId(chorus::ClientSetting::Replay)).toString();
    if (!replayFile.isEmpty()) {
        // Refused before connecting: nothing of a bad log goes out.
        const chorus::ReplayScript script = chorus::loadReplayScript(replayFile);
        if (!script.ok()) {
            err.write(chorus::describeReplayProblem(script).toUtf8() + '\n');
            return int(chorus::ConsoleExit::ReplayFailed);
        }
        options.replay = script.steps;
        options.replaySpeed =
            chorus::parseReplaySpeed(
                values.get(chorus::settingId(chorus::ClientSetting::ReplaySpeed)).toString())
                .value_or(1.0);
    }
    const bool simulate = chorus::ClientSettings::simulates(values);
    options.keepRunningAfterInput = simulate;
    chorus::ConsoleClient console(options, &out, &err);
    std::unique_ptr<chorus::SimulatedVehicle> vehicle;
    if (simulate)
        vehicle = std::make_unique<chorus::SimulatedVehicle>(
            console.engine(), chorus::ClientSettings::simulationOf(values));
    std::unique_ptr<chorus::ClientSessionRecorder> recorder;
    const QString logFolder =
        values.get(chorus::settingId(chorus::ClientSetting::SessionLog)).toString();
    if (!logFolder.isEmpty()) {
        recorder = std::make_unique<chorus::ClientSessionRecorder>(console.engine(), logFolder);
        if (vehicle)
            recorder->watch(vehicle.get());
        QObject::connect(recorder.get(), &chorus::ClientSessionRecorder::stopped,
                         [&err](const chorus::SessionLogProblem& problem) {
                             err.write(QCoreApplication::translate(
                                           "chorus::ClientCommandLine",
                                           "The session log stopped (%1: %2); the client goes "
                                           "on without it\n")
                                           .arg(problem.path, problem.reason)
                                           .toUtf8());
                         });
    }
    console.engine()->setKnownChorusServers(settings.knownChorusServers());
    console.readFrom(0);
    QObject::connect(&console, &chorus::ConsoleClient::finished, &app, &QCoreApplication::exit,
                     Qt::QueuedConnection);
    console.start();
    return app.exec();
}

} // namespace

int main(int argc, char* argv[])
{
    // Our options are parsed before any Qt layer sees argv: the xcb plugin
    // would take "--name NAME" as its own -name (see ClientCommandLine.h).
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    chorus::ClientCommandLine::Result parsed = chorus::ClientCommandLine::parse(arguments);
    // --help, --version and errors in the chosen language: translators need an
    // application object (no GUI one: no display needed), and the texts are
    // made while parsing.
    std::unique_ptr<QCoreApplication> textApp;
    chorus::UiTranslators textTranslators;
    if (parsed.status != chorus::ClientCommandLine::Status::Ok) {
        static int textArgc = 1;
        setApplicationNames();
        textApp = std::make_unique<QCoreApplication>(textArgc, argv);
        textTranslators.install(chorus::savedUiLanguage(chorus::ClientSettings::defaultPath()));
        parsed = chorus::ClientCommandLine::parse(arguments);
    }
    switch (parsed.status) {
    case chorus::ClientCommandLine::Status::HelpRequested:
        // Answered with no display (ssh, CI): no GUI platform plugin is loaded.
        std::fputs(qPrintable(chorus::ClientCommandLine::helpText()), stdout);
        return 0;
    case chorus::ClientCommandLine::Status::VersionRequested:
        std::fputs(qPrintable(chorus::ClientCommandLine::versionText()), stdout);
        return 0;
    case chorus::ClientCommandLine::Status::Error:
        std::fprintf(stderr, "chorus-client: %s\n", qPrintable(parsed.errorText));
        return 2;
    case chorus::ClientCommandLine::Status::Ok:
        break;
    }

    if (parsed.console)
        return runConsole(argc, argv, parsed);

    // QApplication keeps argc/argv for its lifetime: they live until main returns.
    std::vector<QByteArray> qtStorage;
    for (const QString& argument : parsed.qtArguments)
        qtStorage.push_back(argument.toLocal8Bit());
    std::vector<char*> qtArgv;
    for (QByteArray& argument : qtStorage)
        qtArgv.push_back(argument.data());
    qtArgv.push_back(nullptr);
    int qtArgc = int(qtStorage.size());

    QApplication app(qtArgc, qtArgv.data());
    setApplicationNames();
    chorus::UiTranslators translators;
    translators.install(chorus::savedUiLanguage(chorus::ClientSettings::defaultPath()));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/chorus/icons/chorus-client.svg")));
    // Matches the installed .desktop file, so the desktop shows the right icon and name.
    QApplication::setDesktopFileName(QStringLiteral("net.chorus_tools.ChorusClient"));

    chorus::ClientWindowOptions options;
    options.overrides = parsed.overrides;
    options.connectNow = parsed.connectNow;
    auto* window = new chorus::ClientWindow(options);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    const int code = app.exec();
    // Help → Language asked for a fresh start in the new language.
    if (chorus::LanguageMenu::restartRequested() && code == 0)
        QProcess::startDetached(QString::fromLocal8Bit(argv[0]), arguments.mid(1));
    return code;
}
