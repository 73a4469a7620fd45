#pragma once

// chorus-client's command line, parsed BEFORE QApplication exists. Qt's own
// layers take some options out of argv (the xcb plugin eats "-name NAME" and
// "--name NAME", which is how `--name bob` used to vanish), so main() gives
// QApplication only the program name and Qt's documented options
// (qtArguments()), and every option of ours is parsed here from the one
// ClientSettings table, in both forms: "--opt value" and "--opt=value".

#include "ClientSettings.h"

#include <QString>
#include <QStringList>

namespace chorus {

class ClientCommandLine
{
public:
    enum class Status { Ok, Error, HelpRequested, VersionRequested };
    enum class Problem { None, UnknownOption, MissingValue, BadValue, UnexpectedArgument };

    struct Result
    {
        Status status = Status::Ok;
        Problem problem = Problem::None;
        SettingProblem settingProblem; // Problem::BadValue: which row and why
        QString errorText;             // Status::Error: one line for stderr
        // Only the options given are set; they override the saved settings for this run.
        SettingValues overrides{int(ClientSetting::Count)};
        bool connectNow = false;
        bool console = false; // --console: no window (ConsoleClient)
        // What QApplication gets: arguments[0] and Qt's own options, in order.
        QStringList qtArguments;
    };

    // arguments[0] is the program name (as in argv).
    static Result parse(const QStringList& arguments);
    static QString helpText();
    static QString versionText();

    // Whether `argument` ("-style", "--platform=xcb", ...) is one of Qt's
    // own options, and whether it takes the next argument as its value.
    static bool isQtOption(const QString& argument, bool* takesNextValue = nullptr);
};

} // namespace chorus
