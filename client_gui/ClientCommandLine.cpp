#include "ClientCommandLine.h"
#include "base/TranslateIn.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace chorus {

namespace {

QString tr(const char* text)
{
    return translateIn({"chorus::ClientCommandLine", "chorus"}, text);
}

// Options QGuiApplication, QApplication and the xcb plugin read from argv,
// with a value. "name" is not here: --name is ours.
const QStringList kQtValueOptions = {
    QStringLiteral("platform"),        QStringLiteral("platformpluginpath"),
    QStringLiteral("platformtheme"),   QStringLiteral("plugin"),
    QStringLiteral("qwindowgeometry"), QStringLiteral("qwindowicon"),
    QStringLiteral("qwindowtitle"),    QStringLiteral("session"),
    QStringLiteral("style"),           QStringLiteral("stylesheet"),
    QStringLiteral("display"),         QStringLiteral("geometry"),
    QStringLiteral("title"),           QStringLiteral("icon"),
    QStringLiteral("visual"),          QStringLiteral("qmljsdebugger"),
};
// ... and without one.
const QStringList kQtFlags = {
    QStringLiteral("reverse"), QStringLiteral("nograb"),      QStringLiteral("dograb"),
    QStringLiteral("sync"),    QStringLiteral("widgetcount"), QStringLiteral("testability"),
};

void setUp(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        tr("Chat-style TCP client: send messages, read replies with round-trip times. Options "
           "override the saved settings for this run."));
    // Long options with one dash too ("-name bob"), as Qt's own are written.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    parser.addVersionOption();
    ClientSettings::table().addOptions(parser);
}

} // namespace

bool ClientCommandLine::isQtOption(const QString& argument, bool* takesNextValue)
{
    if (!argument.startsWith(QLatin1Char('-')) || argument == QLatin1String("--"))
        return false;
    QString name = argument.mid(argument.startsWith(QLatin1String("--")) ? 2 : 1);
    const qsizetype equals = name.indexOf(QLatin1Char('='));
    const bool hasInlineValue = equals >= 0;
    if (hasInlineValue)
        name.truncate(equals);
    if (ClientSettings::table().idOfOption(name) >= 0)
        return false; // ours wins
    const bool withValue = kQtValueOptions.contains(name);
    if (!withValue && !kQtFlags.contains(name))
        return false;
    if (takesNextValue)
        *takesNextValue = withValue && !hasInlineValue;
    return true;
}

ClientCommandLine::Result ClientCommandLine::parse(const QStringList& arguments)
{
    Result result;
    const QString program =
        arguments.isEmpty() ? QStringLiteral("chorus-client") : arguments.constFirst();
    result.qtArguments.append(program);
    QStringList ours{program};
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == QLatin1String("--")) { // the rest is positional, and ours
            ours += arguments.mid(i);
            break;
        }
        bool takesNextValue = false;
        if (isQtOption(argument, &takesNextValue)) {
            result.qtArguments.append(argument);
            if (takesNextValue && i + 1 < arguments.size())
                result.qtArguments.append(arguments.at(++i));
            continue;
        }
        ours.append(argument);
    }

    auto fail = [&result](Problem problem, const QString& text) {
        result.status = Status::Error;
        result.problem = problem;
        result.errorText = text;
        return result;
    };
    QCommandLineParser parser;
    setUp(parser);
    if (!parser.parse(ours))
        return fail(parser.unknownOptionNames().isEmpty() ? Problem::MissingValue
                                                          : Problem::UnknownOption,
                    parser.errorText());
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        result.status = Status::HelpRequested;
        return result;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        result.status = Status::VersionRequested;
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(Problem::UnexpectedArgument,
                    tr("Unexpected argument \"%1\"; see --help.")
                        .arg(parser.positionalArguments().constFirst()));
    SettingProblem problem;
    const std::optional<SettingValues> given =
        ClientSettings::table().fromCommandLine(parser, &problem);
    if (!given) {
        result.settingProblem = problem;
        return fail(Problem::BadValue, ClientSettings::table().describe(problem));
    }
    result.overrides = *given;
    // The table takes any text for --framing; the framing grammar decides.
    const int framing = settingId(ClientSetting::Framing);
    if (result.overrides.has(framing)) {
        const QString text = result.overrides.get(framing).toString();
        const std::optional<QVariant> checked =
            ClientSettings::check(ClientSetting::Framing, text, &problem);
        if (!checked) {
            result.settingProblem = problem;
            result.overrides = SettingValues(int(ClientSetting::Count));
            return fail(Problem::BadValue, ClientSettings::describeFramingProblem(text));
        }
        result.overrides.set(framing, *checked);
    }
    const int connect = settingId(ClientSetting::Connect);
    result.connectNow = result.overrides.get(connect).toBool();
    result.overrides.clear(connect);
    const int console = settingId(ClientSetting::Console);
    result.console = result.overrides.get(console).toBool();
    result.overrides.clear(console);
    return result;
}

QString ClientCommandLine::helpText()
{
    QCommandLineParser parser;
    setUp(parser);
    // Parsed before any QCoreApplication exists, when Qt cannot name the program.
    QString text = parser.helpText();
    text.replace(QLatin1String("<executable_name>"), QLatin1String("chorus-client"));
    return text +
           tr("\nQt's own options (-platform, -style, -display, -geometry, ...) are passed to "
              "Qt; --name is this program's.\n");
}

QString ClientCommandLine::versionText()
{
    return QStringLiteral("chorus-client %1\n").arg(QStringLiteral(CHORUS_VERSION));
}

} // namespace chorus
