#include "ServerCommandLine.h"
#include "base/TranslateIn.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace chorus {

namespace {

QString tr(const char* text)
{
    return translateIn({"chorus::ServerCommandLine", "chorus"}, text);
}

void setUp(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        tr("Chorus Server: a multi-client TCP server that answers every message with a reply "
           "picked from an editable reply book, and a window to watch every connection."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    parser.addVersionOption();
    ServerSettings::table().addOptions(parser);
}

// Qt's own options (QGuiApplication and the platform plugins), with a value or without.
const QStringList& qtOptionsWithValue()
{
    static const QStringList names = {
        QStringLiteral("platform"),      QStringLiteral("platformpluginpath"),
        QStringLiteral("platformtheme"), QStringLiteral("plugin"),
        QStringLiteral("style"),         QStringLiteral("stylesheet"),
        QStringLiteral("session"),       QStringLiteral("geometry"),
        QStringLiteral("display"),       QStringLiteral("title"),
        QStringLiteral("name"),          QStringLiteral("qwindowgeometry"),
        QStringLiteral("qwindowicon"),   QStringLiteral("qwindowtitle"),
        QStringLiteral("fontengine"),    QStringLiteral("qmljsdebugger")};
    return names;
}

const QStringList& qtFlags()
{
    static const QStringList names = {QStringLiteral("reverse"), QStringLiteral("widgetcount"),
                                      QStringLiteral("nograb"), QStringLiteral("dograb"),
                                      QStringLiteral("sync")};
    return names;
}

// Our option `name`: nullopt when it is not ours, else whether it takes a value.
std::optional<bool> ourOptionTakesValue(const QString& name)
{
    static const QStringList builtIn = {QStringLiteral("h"),        QStringLiteral("help"),
                                        QStringLiteral("help-all"), QStringLiteral("?"),
                                        QStringLiteral("v"),        QStringLiteral("version")};
    if (builtIn.contains(name))
        return false;
    const int id = ServerSettings::table().idOfOption(name);
    if (id < 0)
        return std::nullopt;
    return ServerSettings::table().row(id).kind != SettingKind::Boolean;
}

} // namespace

ServerCommandLine::SplitArguments ServerCommandLine::splitArguments(const QStringList& arguments)
{
    SplitArguments out;
    if (arguments.isEmpty())
        return out;
    out.ours.append(arguments.first());
    out.qt.append(arguments.first());
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == QLatin1String("--")) {
            out.ours.append(arguments.mid(i));
            break;
        }
        if (!argument.startsWith(QLatin1Char('-')) || argument == QLatin1String("-")) {
            out.ours.append(argument);
            continue;
        }
        QString name = argument.mid(argument.startsWith(QLatin1String("--")) ? 2 : 1);
        const qsizetype equals = name.indexOf(QLatin1Char('='));
        const QString value = equals >= 0 ? name.mid(equals + 1) : QString();
        if (equals >= 0)
            name.truncate(equals);
        const bool hasNext = i + 1 < arguments.size();
        if (const std::optional<bool> takesValue = ourOptionTakesValue(name)) {
            out.ours.append(argument);
            if (*takesValue && equals < 0 && hasNext)
                out.ours.append(arguments.at(++i));
            continue;
        }
        if (qtOptionsWithValue().contains(name)) {
            // Qt reads "-style Fusion" (or "--style Fusion"), not "--style=Fusion".
            out.qt.append(QLatin1Char('-') + name);
            if (equals >= 0)
                out.qt.append(value);
            else if (hasNext)
                out.qt.append(arguments.at(++i));
            continue;
        }
        if (qtFlags().contains(name)) {
            out.qt.append(QLatin1Char('-') + name);
            continue;
        }
        out.ours.append(argument); // unknown: our parser says so
    }
    return out;
}

ServerCommandLine::Result ServerCommandLine::parse(const QStringList& arguments)
{
    Result result;
    QCommandLineParser parser;
    setUp(parser);
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

    const SettingsTable& table = ServerSettings::table();
    SettingProblem problem;
    std::optional<SettingValues> given = table.fromCommandLine(parser, &problem);
    if (!given)
        return fail(table.describe(problem));

    const int listen = settingId(ServerSetting::Listen);
    if (given->has(listen) && !ListenAddress::fromText(given->get(listen).toString()))
        return fail(tr("--listen: \"%1\" is not any, localhost or an IP address.")
                        .arg(given->get(listen).toString()));
    const int framing = settingId(ServerSetting::Framing);
    FrameSpecError framingError;
    if (given->has(framing) && !ServerSettings::framingOf(given->get(framing), &framingError))
        return fail(tr("--framing: %1.").arg(describeFrameSpecError(framingError)));

    // The command-line-only rows become fields; what stays are the setting overrides.
    ServerCommandLineOptions& out = result.options;
    auto take = [&given](ServerSetting setting) {
        const int id = settingId(setting);
        const QVariant value = given->get(id);
        given->clear(id);
        return value;
    };
    out.headless = take(ServerSetting::Headless).toBool();
    out.startAtOnce = take(ServerSetting::Start).toBool();
    out.repliesPath = take(ServerSetting::Replies).toString();
    out.rulesPath = take(ServerSetting::Rules).toString();
    out.lagReportPath = take(ServerSetting::LagReport).toString();
    if (const QVariant pick = take(ServerSetting::Pick); pick.isValid())
        out.pickMode = pickModeFromName(pick.toString());
    if (const QVariant view = take(ServerSetting::View); view.isValid())
        out.view = byteViewFromName(view.toString());
    out.exportTelemetryFrom = take(ServerSetting::ExportTelemetryCsv).toString();
    out.exportOutput = take(ServerSetting::Output).toString();
    out.overrides = *given;

    if (out.headless && !out.lagReportPath.isEmpty())
        return fail(tr("--lag-report measures the window's event loop; it cannot be used with "
                       "--headless."));
    return result;
}

QString ServerCommandLine::helpText()
{
    QCommandLineParser parser;
    setUp(parser);
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
