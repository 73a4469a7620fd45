// chorus-client: a chat-style TCP client for testing servers and devices.

#include "ClientCommandLine.h"
#include "ClientWindow.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>
#include <vector>

int main(int argc, char* argv[])
{
    // Our options are parsed before any Qt layer sees argv: the xcb plugin
    // would take "--name NAME" as its own -name (see ClientCommandLine.h).
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const chorus::ClientCommandLine::Result parsed = chorus::ClientCommandLine::parse(arguments);
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
    QCoreApplication::setOrganizationName(QStringLiteral("Chorus"));
    QCoreApplication::setApplicationName(QStringLiteral("chorus-client"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHORUS_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/chorus/icons/chorus-client.svg")));
    // Matches the installed .desktop file, so the desktop shows the right icon and name.
    QApplication::setDesktopFileName(QStringLiteral("net.chorus_tools.ChorusClient"));

    chorus::ClientWindowOptions options;
    options.overrides = parsed.overrides;
    options.connectNow = parsed.connectNow;
    auto* window = new chorus::ClientWindow(options);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    return app.exec();
}
