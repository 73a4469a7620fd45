// ServerCommandLine over ServerSettings::table(): every option in the table
// works as "--opt value", "--opt=value" and "-opt value"; bad values give
// one line naming the option; Qt's own options are split off for
// QApplication and ours never reach it.

#include "ServerCommandLine.h"

#include <QRegularExpression>
#include <QtTest>

using namespace chorus;

Q_DECLARE_METATYPE(chorus::FrameSpecErrorKind)

class TestServerCommandLine : public QObject
{
    Q_OBJECT
private slots:
    void defaults();
    void everyOptionEveryForm_data();
    void everyOptionEveryForm();
    void outOfRangeForEveryNumber_data();
    void outOfRangeForEveryNumber();
    void addresses_data();
    void addresses();
    void badValues_data();
    void badValues();
    void helpListsTheTable();
    void framingSpellings_data();
    void framingSpellings();
    void badFramingSpellings_data();
    void badFramingSpellings();
    void splitsQtArguments_data();
    void splitsQtArguments();
};

namespace {

ServerCommandLine::Result parse(QStringList args)
{
    args.prepend(QStringLiteral("chorus-server"));
    return ServerCommandLine::parse(args);
}

const SettingsTable& table()
{
    return ServerSettings::table();
}

// A valid value for the row that is not its default.
QString sampleValue(int id)
{
    const SettingSpec& row = table().row(id);
    switch (row.kind) {
    case SettingKind::Integer:
        return QString::number(row.defaultValue.toLongLong() == row.minimum ? row.maximum
                                                                            : row.minimum);
    case SettingKind::Choice:
        return row.choices.last();
    case SettingKind::Text:
        if (id == settingId(ServerSetting::Listen))
            return QStringLiteral("localhost");
        if (id == settingId(ServerSetting::Framing))
            return QStringLiteral("delimiter:02..03");
        return QStringLiteral("/tmp/chorus file.txt");
    case SettingKind::TextList:
        return QStringLiteral("127.0.0.0/8");
    case SettingKind::Secret:
        return QStringLiteral("s3cret");
    case SettingKind::Boolean:
        return {};
    }
    return {};
}

// What the parse gave for row id: an override, or the field of a command-line-only option.
QVariant given(const ServerCommandLineOptions& o, int id)
{
    switch (ServerSetting(id)) {
    case ServerSetting::Replies:
        return o.repliesPath;
    case ServerSetting::LagReport:
        return o.lagReportPath;
    case ServerSetting::Rules:
        return o.rulesPath;
    case ServerSetting::ExportTelemetryCsv:
        return o.exportTelemetryFrom;
    case ServerSetting::Output:
        return o.exportOutput;
    case ServerSetting::Headless:
        return o.headless;
    case ServerSetting::Start:
        return o.startAtOnce;
    case ServerSetting::Pick:
        return o.pickMode ? pickModeName(*o.pickMode) : QString();
    case ServerSetting::View:
        return o.view ? byteViewName(*o.view) : QString();
    default:
        return o.overrides.get(id);
    }
}

} // namespace

void TestServerCommandLine::defaults()
{
    const auto result = parse({});
    QCOMPARE(result.status, ServerCommandLine::Status::Ok);
    const ServerCommandLineOptions& o = result.options;
    QVERIFY(!o.headless);
    QVERIFY(!o.startAtOnce);
    QVERIFY(!o.pickMode);
    QVERIFY(o.repliesPath.isEmpty());
    for (int id = 0; id < table().size(); ++id)
        QVERIFY2(!o.overrides.has(id), table().row(id).key); // nothing overridden
    const ServerConfig config = ServerSettings::engineConfig(o.overrides);
    QCOMPARE(config.port, quint16(9999));
    QCOMPARE(config.address, ListenAddress::allInterfaces());
    QCOMPARE(config.framing, Framing::Auto);
    QVERIFY(config.logMessages);
}

void TestServerCommandLine::everyOptionEveryForm_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<QString>("value");
    for (int id = 0; id < table().size(); ++id) {
        const SettingSpec& row = table().row(id);
        QVERIFY(row.option); // every setting of the server is an option
        QTest::newRow(row.option) << id << sampleValue(id);
    }
}

void TestServerCommandLine::everyOptionEveryForm()
{
    QFETCH(int, id);
    QFETCH(QString, value);
    const QString option = QLatin1String(table().row(id).option);
    const bool flag = table().row(id).kind == SettingKind::Boolean;
    const QList<QStringList> forms =
        flag ? QList<QStringList>{{QStringLiteral("--") + option}, {QLatin1Char('-') + option}}
             : QList<QStringList>{{QStringLiteral("--") + option, value},
                                  {QStringLiteral("--") + option + QLatin1Char('=') + value},
                                  {QLatin1Char('-') + option, value}};
    const QVariant expected =
        flag ? QVariant(table().row(id).flagValue) : *table().check(id, value);
    for (const QStringList& form : forms) {
        const auto result = parse(form);
        QVERIFY2(result.status == ServerCommandLine::Status::Ok, qPrintable(result.errorText));
        QCOMPARE(given(result.options, id), expected);
        // Only that one: every other row is left alone.
        for (int other = 0; other < table().size(); ++other) {
            if (other != id)
                QVERIFY(!result.options.overrides.has(other));
        }
    }
    // Its split keeps it (and its value) away from QApplication.
    QStringList arguments = {QStringLiteral("chorus-server"), QStringLiteral("--") + option};
    if (!flag)
        arguments << value;
    const auto split = ServerCommandLine::splitArguments(arguments);
    QCOMPARE(split.ours, arguments);
    QCOMPARE(split.qt, QStringList{QStringLiteral("chorus-server")});
}

void TestServerCommandLine::outOfRangeForEveryNumber_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("value");
    for (int id = 0; id < table().size(); ++id) {
        const SettingSpec& row = table().row(id);
        if (row.kind != SettingKind::Integer)
            continue;
        const QByteArray name(row.option);
        QTest::newRow(name + " below")
            << QString::fromLatin1(name) << QString::number(row.minimum - 1);
        QTest::newRow(name + " above")
            << QString::fromLatin1(name) << QString::number(row.maximum + 1);
        QTest::newRow(name + " text") << QString::fromLatin1(name) << QStringLiteral("1e3");
    }
}

void TestServerCommandLine::outOfRangeForEveryNumber()
{
    QFETCH(QString, option);
    QFETCH(QString, value);
    for (const QStringList& form :
         {QStringList{QStringLiteral("--") + option, value},
          QStringList{QStringLiteral("--") + option + QLatin1Char('=') + value}}) {
        const auto result = parse(form);
        QCOMPARE(result.status, ServerCommandLine::Status::Error);
        QVERIFY2(result.errorText.contains(QStringLiteral("--") + option),
                 qPrintable(result.errorText));
        QVERIFY(result.errorText.contains(value));
        QVERIFY(!result.errorText.contains(QLatin1Char('\n')));
    }
}

void TestServerCommandLine::addresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<ListenAddress>("expected");
    QTest::newRow("any") << "any" << ListenAddress::allInterfaces();
    QTest::newRow("ANY") << "ANY" << ListenAddress::allInterfaces();
    QTest::newRow("localhost") << "localhost" << ListenAddress::thisMachine();
    QTest::newRow("ipv4") << "127.0.0.1"
                          << ListenAddress(QHostAddress(QStringLiteral("127.0.0.1")));
    QTest::newRow("ipv6") << "::1" << ListenAddress(QHostAddress(QStringLiteral("::1")));
    QTest::newRow("ipv6 brackets") << "[::1]" << ListenAddress(QHostAddress(QStringLiteral("::1")));
}

void TestServerCommandLine::addresses()
{
    QFETCH(QString, text);
    QFETCH(ListenAddress, expected);
    const auto result = parse({QStringLiteral("--listen=") + text});
    QCOMPARE(result.status, ServerCommandLine::Status::Ok);
    QCOMPARE(ServerSettings::engineConfig(result.options.overrides).address, expected);
}

void TestServerCommandLine::badValues_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mustMention");
    QTest::newRow("port text") << QStringList{"--port", "http"} << "\"http\"";
    QTest::newRow("port missing value") << QStringList{"--port"} << "port";
    QTest::newRow("address") << QStringList{"--listen", "not.an.ip"} << "not.an.ip";
    QTest::newRow("address empty") << QStringList{"--listen", ""} << "--listen";
    QTest::newRow("framing") << QStringList{"--framing", "json"} << "--framing";
    QTest::newRow("view") << QStringList{"--view", "binary"} << "--view";
    QTest::newRow("pick") << QStringList{"--pick=best"} << "--pick";
    QTest::newRow("flag with a value") << QStringList{"--headless=yes"} << "headless";
    QTest::newRow("unknown option") << QStringList{"--colour"} << "colour";
    QTest::newRow("positional") << QStringList{"extra"} << "extra";
    QTest::newRow("lag report headless")
        << QStringList{"--headless", "--lag-report", "/tmp/x"} << "--lag-report";
    QTest::newRow("replies empty") << QStringList{"--replies", " "} << "--replies";
    QTest::newRow("log file empty") << QStringList{"--log-file="} << "--log-file";
}

void TestServerCommandLine::badValues()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mustMention);
    const auto result = parse(args);
    QCOMPARE(result.status, ServerCommandLine::Status::Error);
    QVERIFY2(result.errorText.contains(mustMention), qPrintable(result.errorText));
    QVERIFY(!result.errorText.contains(QLatin1Char('\n')));
}

void TestServerCommandLine::helpListsTheTable()
{
    QCOMPARE(parse({"--help"}).status, ServerCommandLine::Status::HelpRequested);
    QCOMPARE(parse({"-h"}).status, ServerCommandLine::Status::HelpRequested);
    QCOMPARE(parse({"--version"}).status, ServerCommandLine::Status::VersionRequested);
    const QString help = ServerCommandLine::helpText();
    for (int id = 0; id < table().size(); ++id) {
        const QString option = QStringLiteral("--") + QLatin1String(table().row(id).option);
        QVERIFY2(help.contains(option), qPrintable(option));
    }
    QVERIFY(help.contains(QStringLiteral("--help")));
    QVERIFY(help.contains(QStringLiteral("--version")));
    QVERIFY(help.contains(QStringLiteral("127.0.0.1 and ::1")));
    QVERIFY(help.contains(QStringLiteral("256 MiB")));
    // Every framing spelling of --framing is named (the help wraps long words: unwrapped here).
    QString flat = help;
    flat.replace(QRegularExpression(QStringLiteral("\n\\s+")), QString());
    for (const char* spelling : {"auto", "line", "cr", "raw", "delimiter:HEX", "delimiter:HEX..HEX",
                                 "length:offset=O,size=S,endian=big|little,adjust=A,strip=N,max=M",
                                 "fixed:N", "u16be", "u32be", "modbus-tcp"})
        QVERIFY2(flat.contains(QLatin1String(spelling)), spelling);
    QVERIFY(help.contains(QStringLiteral("--view <VIEW>")));
    QVERIFY(ServerCommandLine::versionText().startsWith(QLatin1String("chorus-server ")));
}

void TestServerCommandLine::framingSpellings_data()
{
    QTest::addColumn<QString>("spelling");
    QTest::addColumn<FrameSpec>("expected");
    LengthFieldSpec custom;
    custom.offset = 1;
    custom.size = 4;
    custom.bigEndian = false;
    custom.adjust = -2;
    custom.strip = 5;
    custom.maxFrame = 4096;
    QTest::newRow("auto") << "auto" << FrameSpec(Framing::Auto);
    QTest::newRow("line") << "line" << FrameSpec(Framing::Line);
    QTest::newRow("raw") << "raw" << FrameSpec(Framing::Raw);
    QTest::newRow("cr") << "cr" << FrameSpec(Framing::Cr);
    QTest::newRow("delimiter 03") << "delimiter:03" << FrameSpec::delimited("\x03");
    QTest::newRow("delimiter 0D0A") << "delimiter:0D0A" << FrameSpec::delimited("\r\n");
    QTest::newRow("delimiter escaped") << "delimiter:\\x17" << FrameSpec::delimited("\x17");
    QTest::newRow("envelope") << "delimiter:02..03" << FrameSpec::delimited("\x03", "\x02");
    QTest::newRow("length all keys")
        << "length:offset=1,size=4,endian=little,adjust=-2,strip=5,max=4096"
        << FrameSpec::lengthField(custom);
    QTest::newRow("length defaults") << "length:" << FrameSpec::lengthField(LengthFieldSpec{});
    QTest::newRow("fixed") << "fixed:8" << FrameSpec::fixed(8);
    QTest::newRow("u16be") << "u16be" << FrameSpec::preset(LengthPreset::U16Be);
    QTest::newRow("u32be") << "u32be" << FrameSpec::preset(LengthPreset::U32Be);
    QTest::newRow("modbus-tcp") << "modbus-tcp" << FrameSpec::preset(LengthPreset::ModbusTcp);
}

void TestServerCommandLine::framingSpellings()
{
    QFETCH(QString, spelling);
    QFETCH(FrameSpec, expected);
    // Both forms of the option give the same framing to the engine.
    for (const QStringList& form : {QStringList{QStringLiteral("--framing"), spelling},
                                    QStringList{QStringLiteral("--framing=") + spelling}}) {
        const auto result = parse(form);
        QVERIFY2(result.status == ServerCommandLine::Status::Ok, qPrintable(result.errorText));
        QCOMPARE(ServerSettings::engineConfig(result.options.overrides).framing, expected);
    }
}

void TestServerCommandLine::badFramingSpellings_data()
{
    QTest::addColumn<QString>("spelling");
    QTest::addColumn<FrameSpecErrorKind>("kind");
    QTest::newRow("unknown") << "json" << FrameSpecErrorKind::UnknownFraming;
    QTest::newRow("bad bytes") << "delimiter:0G" << FrameSpecErrorKind::BadBytes;
    QTest::newRow("empty delimiter") << "delimiter:" << FrameSpecErrorKind::EmptyDelimiter;
    QTest::newRow("unknown key") << "length:width=2" << FrameSpecErrorKind::UnknownKey;
    QTest::newRow("size 5") << "length:size=5" << FrameSpecErrorKind::BadValue;
    QTest::newRow("fixed 0") << "fixed:0" << FrameSpecErrorKind::BadValue;
}

void TestServerCommandLine::badFramingSpellings()
{
    // Refused before anything starts, with FrameSpec's own description (main exits 2).
    QFETCH(QString, spelling);
    QFETCH(FrameSpecErrorKind, kind);
    FrameSpecError error;
    QVERIFY(!parseFrameSpec(spelling, &error));
    QCOMPARE(error.kind, kind);
    const auto result = parse({QStringLiteral("--framing=") + spelling});
    QCOMPARE(result.status, ServerCommandLine::Status::Error);
    QCOMPARE(result.errorText, QStringLiteral("--framing: %1.").arg(describeFrameSpecError(error)));
}

void TestServerCommandLine::splitsQtArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("ours");
    QTest::addColumn<QStringList>("qt");
    QTest::newRow("qt style, our port")
        << QStringList{"--style", "Fusion", "--port", "5"} << QStringList{"--port", "5"}
        << QStringList{"-style", "Fusion"};
    QTest::newRow("qt option with =") << QStringList{"--style=Fusion", "--port=5"}
                                      << QStringList{"--port=5"} << QStringList{"-style", "Fusion"};
    QTest::newRow("X11 -name is Qt's") << QStringList{"-name", "x", "--headless"}
                                       << QStringList{"--headless"} << QStringList{"-name", "x"};
    QTest::newRow("our value that looks like a Qt option")
        << QStringList{"--log-file", "-style"} << QStringList{"--log-file", "-style"}
        << QStringList{};
    QTest::newRow("qt flag") << QStringList{"--reverse", "-platform", "offscreen"} << QStringList{}
                             << QStringList{"-reverse", "-platform", "offscreen"};
    QTest::newRow("unknown stays ours for the error")
        << QStringList{"--colour", "red"} << QStringList{"--colour", "red"} << QStringList{};
    QTest::newRow("after --") << QStringList{"--", "--style"} << QStringList{"--", "--style"}
                              << QStringList{};
}

void TestServerCommandLine::splitsQtArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, ours);
    QFETCH(QStringList, qt);
    args.prepend(QStringLiteral("chorus-server"));
    ours.prepend(QStringLiteral("chorus-server"));
    qt.prepend(QStringLiteral("chorus-server"));
    const auto split = ServerCommandLine::splitArguments(args);
    QCOMPARE(split.ours, ours);
    QCOMPARE(split.qt, qt);
}

QTEST_GUILESS_MAIN(TestServerCommandLine)
#include "tst_servercommandline.moc"
