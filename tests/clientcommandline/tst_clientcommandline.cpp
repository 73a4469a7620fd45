// ClientCommandLine: every option in both forms ("--opt v", "--opt=v") to the
// same value, Qt's own options passed through and ours never, bad values as
// codes; then the real chorus-client binary with `--name bob` (space form,
// which Qt's xcb plugin used to take as its own -name) against a ServerEngine
// on loopback, under a private Xvfb when there is one.

#include "ClientCommandLine.h"
#include "EngineHarness.h"
#include "wire/FrameSpec.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

Q_DECLARE_METATYPE(chorus::ClientCommandLine::Status)
Q_DECLARE_METATYPE(chorus::ClientCommandLine::Problem)
Q_DECLARE_METATYPE(chorus::SettingProblemKind)

namespace {
const QString kProgram = QStringLiteral("chorus-client");

// Every argument of ours that reached QApplication would be a collision.
bool hasOurOption(const QStringList& qtArguments)
{
    for (const QString& argument : qtArguments.mid(1)) {
        QString name = argument;
        while (name.startsWith(QLatin1Char('-')))
            name.remove(0, 1);
        name = name.section(QLatin1Char('='), 0, 0);
        if (ClientSettings::table().idOfOption(name) >= 0)
            return true;
    }
    return false;
}
} // namespace

class TestClientCommandLine : public QObject
{
    Q_OBJECT
private slots:
    void everyOptionInBothForms_data();
    void everyOptionInBothForms();
    void framingSpellings_data();
    void framingSpellings();
    void badFramingIsACode_data();
    void badFramingIsACode();
    void flags_data();
    void flags();
    void everyTableOptionIsTested();
    void qtOptionsPassThroughOursNever();
    void badInputIsACode_data();
    void badInputIsACode();
    void helpListsEveryOption();
    void realBinaryNameWithASpace();

private:
    QStringList m_tested;
};

void TestClientCommandLine::everyOptionInBothForms_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("given");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("host") << "host"
                          << "bench-7.local" << QVariant(QStringLiteral("bench-7.local"));
    QTest::newRow("port") << "port"
                          << "4242" << QVariant(qint64(4242));
    QTest::newRow("name") << "name"
                          << "bob 드론" << QVariant(QStringLiteral("bob 드론"));
    QTest::newRow("protocol") << "protocol"
                              << "Chorus" << QVariant(QStringLiteral("chorus"));
    QTest::newRow("framing") << "framing"
                             << "raw" << QVariant(QStringLiteral("raw"));
    QTest::newRow("terminator") << "terminator"
                                << "CRLF" << QVariant(QStringLiteral("crlf"));
    QTest::newRow("terminator cr") << "terminator"
                                   << "cr" << QVariant(QStringLiteral("cr"));
    QTest::newRow("view") << "view"
                          << "Mixed" << QVariant(QStringLiteral("mixed"));
    QTest::newRow("connect-timeout") << "connect-timeout"
                                     << "2500" << QVariant(qint64(2500));
    QTest::newRow("max-message") << "max-message"
                                 << "1024" << QVariant(qint64(1024));
    QTest::newRow("history-limit") << "history-limit"
                                   << "2000" << QVariant(qint64(2000));
    QTest::newRow("udp-timeout") << "udp-timeout"
                                 << "250" << QVariant(qint64(250));
    QTest::newRow("access-token") << "access-token"
                                  << "s3cret 토큰" << QVariant(QStringLiteral("s3cret 토큰"));
    QTest::newRow("input") << "input"
                           << "HEX" << QVariant(QStringLiteral("hex"));
    QTest::newRow("reply-timeout") << "reply-timeout"
                                   << "250" << QVariant(qint64(250));
    QTest::newRow("sim-result") << "sim-result"
                                << "temporarily_rejected"
                                << QVariant(QStringLiteral("temporarily_rejected"));
    QTest::newRow("sim-ack-delay") << "sim-ack-delay"
                                   << "0" << QVariant(qint64(0));
    QTest::newRow("sim-progress-steps") << "sim-progress-steps"
                                        << "3" << QVariant(qint64(3));
    QTest::newRow("sim-telemetry") << "sim-telemetry"
                                   << "100" << QVariant(qint64(100));
    QTest::newRow("session-log") << "session-log"
                                 << "/var/tmp/드론 logs"
                                 << QVariant(QStringLiteral("/var/tmp/드론 logs"));
    QTest::newRow("sim-heartbeat") << "sim-heartbeat"
                                   << "0" << QVariant(qint64(0));
    QTest::newRow("replay") << "replay"
                            << "/var/tmp/비행 1.jsonl"
                            << QVariant(QStringLiteral("/var/tmp/비행 1.jsonl"));
    QTest::newRow("replay-speed") << "replay-speed"
                                  << "0.5" << QVariant(QStringLiteral("0.5"));
    QTest::newRow("replay-speed as fast as possible") << "replay-speed"
                                                      << "0" << QVariant(QStringLiteral("0"));
}

void TestClientCommandLine::everyOptionInBothForms()
{
    QFETCH(QString, option);
    QFETCH(QString, given);
    QFETCH(QVariant, expected);
    m_tested.append(option);
    const int id = ClientSettings::table().idOfOption(option);
    QVERIFY(id >= 0);
    const QList<QStringList> forms = {
        {kProgram, QStringLiteral("--") + option, given},
        {kProgram, QStringLiteral("--%1=%2").arg(option, given)},
        {kProgram, QStringLiteral("-") + option, given}, // as Qt writes its own
    };
    for (const QStringList& arguments : forms) {
        const ClientCommandLine::Result result = ClientCommandLine::parse(arguments);
        QCOMPARE(result.status, ClientCommandLine::Status::Ok);
        QCOMPARE(result.overrides.get(id), expected);
        for (int other = 0; other < result.overrides.size(); ++other)
            QCOMPARE(result.overrides.has(other), other == id);
        QCOMPARE(result.qtArguments, QStringList{kProgram});
    }
}

void TestClientCommandLine::framingSpellings_data()
{
    // Every spelling of issue 9, and the canonical text it is kept as.
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("kept");
    QTest::addColumn<FrameSpec>("spec");
    QTest::newRow("auto") << "auto"
                          << "auto" << FrameSpec(Framing::Auto);
    QTest::newRow("line") << "line"
                          << "line" << FrameSpec(Framing::Line);
    QTest::newRow("raw") << "raw"
                         << "raw" << FrameSpec(Framing::Raw);
    QTest::newRow("cr") << "CR"
                        << "cr" << FrameSpec(Framing::Cr);
    QTest::newRow("delimiter:03") << "delimiter:03"
                                  << "delimiter:03" << FrameSpec::delimited("\x03");
    QTest::newRow("delimiter:0D0A") << "delimiter:0d0a"
                                    << "delimiter:0D0A" << FrameSpec::delimited("\r\n");
    QTest::newRow("delimiter escaped") << "delimiter:\\x17"
                                       << "delimiter:17" << FrameSpec::delimited("\x17");
    QTest::newRow("envelope") << "delimiter:02..03"
                              << "delimiter:02..03" << FrameSpec::delimited("\x03", "\x02");
    LengthFieldSpec every;
    every.offset = 2;
    every.size = 4;
    every.bigEndian = false;
    every.adjust = -2;
    every.strip = 6;
    every.maxFrame = 1000;
    QTest::newRow("length: every key")
        << "length:offset=2,size=4,endian=little,adjust=-2,strip=6,max=1000"
        << "length:offset=2,size=4,endian=little,adjust=-2,strip=6,max=1000"
        << FrameSpec::lengthField(every);
    QTest::newRow("length: defaults") << "length:"
                                      << "length:offset=0,size=2,endian=big,adjust=0,strip=0"
                                      << FrameSpec::lengthField(LengthFieldSpec());
    QTest::newRow("fixed:8") << "fixed:8"
                             << "fixed:8" << FrameSpec::fixed(8);
    QTest::newRow("u16be") << "u16be"
                           << "u16be" << FrameSpec::preset(LengthPreset::U16Be);
    QTest::newRow("u32be") << "u32be"
                           << "u32be" << FrameSpec::preset(LengthPreset::U32Be);
    QTest::newRow("modbus-tcp") << "modbus-tcp"
                                << "modbus-tcp" << FrameSpec::preset(LengthPreset::ModbusTcp);
}

void TestClientCommandLine::framingSpellings()
{
    QFETCH(QString, given);
    QFETCH(QString, kept);
    QFETCH(FrameSpec, spec);
    const int id = settingId(ClientSetting::Framing);
    for (const QStringList& arguments :
         {QStringList{kProgram, QStringLiteral("--framing"), given},
          QStringList{kProgram, QStringLiteral("--framing=") + given}}) {
        const ClientCommandLine::Result result = ClientCommandLine::parse(arguments);
        QCOMPARE(result.status, ClientCommandLine::Status::Ok);
        QCOMPARE(result.overrides.get(id).toString(), kept);
        QCOMPARE(ClientSettings::toConfig(result.overrides).framing, spec);
    }
}

void TestClientCommandLine::badFramingIsACode_data()
{
    QTest::addColumn<QString>("given");
    QTest::newRow("unknown name") << "lines";
    QTest::newRow("odd hex") << "delimiter:0";
    QTest::newRow("bad key") << "length:width=2";
    QTest::newRow("size 5") << "length:size=5";
    QTest::newRow("fixed 0") << "fixed:0";
}

void TestClientCommandLine::badFramingIsACode()
{
    QFETCH(QString, given);
    const ClientCommandLine::Result result =
        ClientCommandLine::parse({kProgram, QStringLiteral("--framing=") + given});
    QCOMPARE(result.status, ClientCommandLine::Status::Error);
    QCOMPARE(result.problem, ClientCommandLine::Problem::BadValue);
    QCOMPARE(result.settingProblem.id, settingId(ClientSetting::Framing));
    QCOMPARE(result.settingProblem.kind, SettingProblemKind::WrongType);
    QVERIFY(result.errorText.contains(given));
}

void TestClientCommandLine::flags_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<int>("id");
    QTest::addColumn<bool>("value");
    QTest::newRow("no-auto-reconnect")
        << "no-auto-reconnect" << settingId(ClientSetting::AutoReconnect) << false;
    QTest::newRow("no-keep-history")
        << "no-keep-history" << settingId(ClientSetting::KeepHistory) << false;
    QTest::newRow("udp") << "udp" << settingId(ClientSetting::Udp) << true;
    QTest::newRow("udp-channel") << "udp-channel" << settingId(ClientSetting::UdpChannel) << true;
    QTest::newRow("tls") << "tls" << settingId(ClientSetting::UseTls) << true;
    QTest::newRow("simulate") << "simulate" << settingId(ClientSetting::Simulate) << true;
}

void TestClientCommandLine::flags()
{
    QFETCH(QString, option);
    QFETCH(int, id);
    QFETCH(bool, value);
    m_tested.append(option);
    const auto result = ClientCommandLine::parse({kProgram, QStringLiteral("--") + option});
    QCOMPARE(result.status, ClientCommandLine::Status::Ok);
    QCOMPARE(result.overrides.get(id), QVariant(value));
    QVERIFY(!result.connectNow);
    // --connect is a request for this run, not a setting.
    m_tested.append(QStringLiteral("connect"));
    const auto connect = ClientCommandLine::parse({kProgram, QStringLiteral("--connect")});
    QVERIFY(connect.connectNow);
    QVERIFY(!connect.overrides.has(settingId(ClientSetting::Connect)));
    // --console too: a way to run, not a setting.
    m_tested.append(QStringLiteral("console"));
    const auto console = ClientCommandLine::parse({kProgram, QStringLiteral("--console")});
    QVERIFY(console.console);
    QVERIFY(!console.overrides.has(settingId(ClientSetting::Console)));
    QVERIFY(!result.console);
}

void TestClientCommandLine::everyTableOptionIsTested()
{
    for (int id = 0; id < ClientSettings::table().size(); ++id) {
        const char* option = ClientSettings::table().row(id).option;
        if (option)
            QVERIFY2(m_tested.contains(QLatin1String(option)), option);
    }
}

void TestClientCommandLine::qtOptionsPassThroughOursNever()
{
    const QStringList arguments = {kProgram,
                                   QStringLiteral("-platform"),
                                   QStringLiteral("offscreen"),
                                   QStringLiteral("--name"),
                                   QStringLiteral("bob"),
                                   QStringLiteral("-style=fusion"),
                                   QStringLiteral("--display"),
                                   QStringLiteral(":9"),
                                   QStringLiteral("-geometry"),
                                   QStringLiteral("640x700+0+0"),
                                   QStringLiteral("-reverse"),
                                   QStringLiteral("--port=5"),
                                   QStringLiteral("-qwindowtitle"),
                                   QStringLiteral("bench")};
    const ClientCommandLine::Result result = ClientCommandLine::parse(arguments);
    QCOMPARE(result.status, ClientCommandLine::Status::Ok);
    QCOMPARE(result.qtArguments,
             (QStringList{kProgram, QStringLiteral("-platform"), QStringLiteral("offscreen"),
                          QStringLiteral("-style=fusion"), QStringLiteral("--display"),
                          QStringLiteral(":9"), QStringLiteral("-geometry"),
                          QStringLiteral("640x700+0+0"), QStringLiteral("-reverse"),
                          QStringLiteral("-qwindowtitle"), QStringLiteral("bench")}));
    QVERIFY(!hasOurOption(result.qtArguments));
    QCOMPARE(result.overrides.get(settingId(ClientSetting::Name)), QVariant(QStringLiteral("bob")));
    QCOMPARE(result.overrides.get(settingId(ClientSetting::Port)), QVariant(qint64(5)));
    // Ours, whatever the dashes; Qt's -name is not passed on.
    bool takesValue = false;
    QVERIFY(!ClientCommandLine::isQtOption(QStringLiteral("-name"), &takesValue));
    QVERIFY(!ClientCommandLine::isQtOption(QStringLiteral("--name=x")));
    QVERIFY(ClientCommandLine::isQtOption(QStringLiteral("-platform"), &takesValue));
    QVERIFY(takesValue);
    QVERIFY(ClientCommandLine::isQtOption(QStringLiteral("--platform=xcb"), &takesValue));
    QVERIFY(!takesValue);
}

void TestClientCommandLine::badInputIsACode_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<ClientCommandLine::Status>("status");
    QTest::addColumn<ClientCommandLine::Problem>("problem");
    QTest::addColumn<int>("settingId");
    QTest::addColumn<SettingProblemKind>("kind");
    using S = ClientCommandLine::Status;
    using P = ClientCommandLine::Problem;
    const int none = -1;
    QTest::newRow("port 0") << QStringList{kProgram, "--port", "0"} << S::Error << P::BadValue
                            << settingId(ClientSetting::Port) << SettingProblemKind::OutOfRange;
    QTest::newRow("sim-result unknown")
        << QStringList{kProgram, "--sim-result", "maybe"} << S::Error << P::BadValue
        << settingId(ClientSetting::SimResult) << SettingProblemKind::UnknownChoice;
    QTest::newRow("sim-progress-steps over 20")
        << QStringList{kProgram, "--sim-progress-steps=21"} << S::Error << P::BadValue
        << settingId(ClientSetting::SimProgressSteps) << SettingProblemKind::OutOfRange;
    QTest::newRow("history-limit under 1000")
        << QStringList{kProgram, "--history-limit", "999"} << S::Error << P::BadValue
        << settingId(ClientSetting::HistoryLimit) << SettingProblemKind::OutOfRange;
    QTest::newRow("replay-speed negative")
        << QStringList{kProgram, "--replay-speed=-1"} << S::Error << P::BadValue
        << settingId(ClientSetting::ReplaySpeed) << SettingProblemKind::BadEntry;
    QTest::newRow("replay-speed word")
        << QStringList{kProgram, "--replay-speed", "fast"} << S::Error << P::BadValue
        << settingId(ClientSetting::ReplaySpeed) << SettingProblemKind::BadEntry;
    QTest::newRow("port text") << QStringList{kProgram, "--port=abc"} << S::Error << P::BadValue
                               << settingId(ClientSetting::Port) << SettingProblemKind::NotANumber;
    QTest::newRow("protocol") << QStringList{kProgram, "--protocol", "smoke"} << S::Error
                              << P::BadValue << settingId(ClientSetting::Protocol)
                              << SettingProblemKind::UnknownChoice;
    QTest::newRow("empty host") << QStringList{kProgram, "--host="} << S::Error << P::BadValue
                                << settingId(ClientSetting::Host) << SettingProblemKind::Empty;
    QTest::newRow("unknown") << QStringList{kProgram, "--bogus"} << S::Error << P::UnknownOption
                             << none << SettingProblemKind::WrongType;
    QTest::newRow("no value") << QStringList{kProgram, "--port"} << S::Error << P::MissingValue
                              << none << SettingProblemKind::WrongType;
    QTest::newRow("positional") << QStringList{kProgram, "extra"} << S::Error
                                << P::UnexpectedArgument << none << SettingProblemKind::WrongType;
    QTest::newRow("help") << QStringList{kProgram, "--help"} << S::HelpRequested << P::None << none
                          << SettingProblemKind::WrongType;
    QTest::newRow("help-all") << QStringList{kProgram, "--help-all"} << S::HelpRequested << P::None
                              << none << SettingProblemKind::WrongType;
    QTest::newRow("version") << QStringList{kProgram, "-v"} << S::VersionRequested << P::None
                             << none << SettingProblemKind::WrongType;
}

void TestClientCommandLine::badInputIsACode()
{
    QFETCH(QStringList, arguments);
    QFETCH(ClientCommandLine::Status, status);
    QFETCH(ClientCommandLine::Problem, problem);
    QFETCH(int, settingId);
    QFETCH(SettingProblemKind, kind);
    const ClientCommandLine::Result result = ClientCommandLine::parse(arguments);
    QCOMPARE(result.status, status);
    QCOMPARE(result.problem, problem);
    if (status == ClientCommandLine::Status::Error)
        QVERIFY(!result.errorText.isEmpty());
    if (problem == ClientCommandLine::Problem::BadValue) {
        QCOMPARE(result.settingProblem.id, settingId);
        QCOMPARE(result.settingProblem.kind, kind);
    }
}

void TestClientCommandLine::helpListsEveryOption()
{
    const QString help = ClientCommandLine::helpText();
    for (int id = 0; id < ClientSettings::table().size(); ++id) {
        if (const char* option = ClientSettings::table().row(id).option)
            QVERIFY2(help.contains(QStringLiteral("--") + QLatin1String(option)), option);
    }
    QVERIFY(!help.contains(QStringLiteral("<executable_name>")));
    // --framing names every spelling (issue 9).
    for (const char* spelling : {"auto", "line", "raw", "cr", "delimiter:03", "delimiter:02..03",
                                 "endian=big|little", "fixed:N", "u16be", "u32be", "modbus-tcp"})
        QVERIFY2(help.contains(QLatin1String(spelling)), spelling);
    QVERIFY(ClientCommandLine::versionText().contains(QStringLiteral(CHORUS_VERSION)));
}

void TestClientCommandLine::realBinaryNameWithASpace()
{
    const QString binary = QStringLiteral(CHORUS_BINARY_DIR "/client_gui/chorus-client");
    QVERIFY2(QFile::exists(binary), qPrintable(binary));
    testing::EngineHarness server;
    const quint16 port = server.start();
    QVERIFY(port != 0);
    QTemporaryDir home; // the run's settings and history, not the user's
    QVERIFY(home.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));

    // Under X11 is where -name collided: a private Xvfb when one is installed.
    QProcess xvfb;
    QStringList platform = {QStringLiteral("-platform"), QStringLiteral("offscreen")};
    const QString xvfbBinary = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
    if (!xvfbBinary.isEmpty()) {
        // -displayfd 1: Xvfb picks a free display and writes its number to stdout.
        xvfb.start(xvfbBinary,
                   {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"),
                    QStringLiteral("0"), QStringLiteral("1366x768x24"), QStringLiteral("-nolisten"),
                    QStringLiteral("tcp")});
        QVERIFY2(xvfb.waitForStarted(5000), qPrintable(xvfb.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(xvfb.canReadLine() || xvfb.state() != QProcess::Running, 10000);
        const QByteArray display = xvfb.readLine().trimmed();
        QVERIFY2(!display.isEmpty(), "Xvfb did not report a display");
        env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":") + QString::fromLatin1(display));
        platform = {QStringLiteral("-platform"), QStringLiteral("xcb")};
    } else {
        qInfo("Xvfb is not installed: the binary runs offscreen (the X11 collision is not "
              "reproduced, the parsing still is)");
    }

    QProcess client;
    client.setProcessEnvironment(env);
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(binary,
                 platform + QStringList{QStringLiteral("--name"), QStringLiteral("bob"),
                                        QStringLiteral("--protocol"), QStringLiteral("chorus"),
                                        QStringLiteral("--connect"), QStringLiteral("--host"),
                                        QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                                        QString::number(port)});
    QVERIFY2(client.waitForStarted(5000), qPrintable(client.errorString()));
    auto bobRow = [&server] {
        for (const ConnectionSnapshot& row : server.rows) {
            if (row.name == QStringLiteral("bob") && row.protocol == PeerProtocol::Chorus)
                return true;
        }
        return false;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(bobRow() || client.state() != QProcess::Running,
                              qPrintable(QString::fromLocal8Bit(client.readAll())), 20000);
    QVERIFY2(bobRow(), qPrintable(QString::fromLocal8Bit(client.readAll())));

    client.terminate();
    if (!client.waitForFinished(5000)) {
        client.kill();
        client.waitForFinished(5000);
    }
    if (xvfb.state() != QProcess::NotRunning) {
        xvfb.terminate();
        if (!xvfb.waitForFinished(5000)) {
            xvfb.kill();
            xvfb.waitForFinished(5000);
        }
    }
}

QTEST_GUILESS_MAIN(TestClientCommandLine)
#include "tst_clientcommandline.moc"
