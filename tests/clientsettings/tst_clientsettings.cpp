// ClientSettings: one table for the command line, the dialog and the file;
// saved through SettingsFile; old QSettings files read the same; command-line
// values win for the run only; the known chorus-servers are shared by windows.

#include "ClientSettings.h"
#include "ClientSettingsDialog.h"
#include "FramingChoice.h"
#include "SettingsForm.h"

#include <QComboBox>
#include <QFile>
#include <QSet>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

class TestClientSettings : public QObject
{
    Q_OBJECT
private slots:
    void defaultFileIsTheOneQSettingsUsed();
    void tableIsWhole();
    void defaultsMakeTheEngineDefaults();
    void savedAndReadBack();
    void oldQSettingsFileReadsTheSame();
    void badSavedValuesAreRefusedOneByOne();
    void commandLineWinsForTheRunOnly();
    void knownServersAreSharedByWindows();
    void dialogEditsTheTableRows();
    void framingIsAnyFrameSpec();
    void dialogChoosesAFraming();
    void viewAndSendModeAreKept();
    void sendHistoryWithoutModesIsText();
};

void TestClientSettings::defaultFileIsTheOneQSettingsUsed()
{
    // The settings written before (QSettings("Chorus", "chorus-client")) are
    // read, not a new .ini beside them.
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(ClientSettings::defaultPath(),
             QSettings(QStringLiteral("Chorus"), QStringLiteral("chorus-client")).fileName());
    QVERIFY(ClientSettings::defaultPath().endsWith(QStringLiteral("/Chorus/chorus-client.conf")));
}

void TestClientSettings::tableIsWhole()
{
    const SettingsTable& table = ClientSettings::table();
    QCOMPARE(table.size(), int(ClientSetting::Count));
    QSet<QString> keys;
    QSet<QString> options;
    for (int id = 0; id < table.size(); ++id) {
        const SettingSpec& row = table.row(id);
        QVERIFY(!QString::fromLatin1(row.key).isEmpty());
        QVERIFY(!keys.contains(QLatin1String(row.key)));
        keys.insert(QLatin1String(row.key));
        if (row.option) {
            QVERIFY(!options.contains(QLatin1String(row.option)));
            options.insert(QLatin1String(row.option));
        }
        QVERIFY(!table.label(id).isEmpty());
        QVERIFY(table.check(id, row.defaultValue).has_value()); // defaults pass their own checks
    }
}

void TestClientSettings::defaultsMakeTheEngineDefaults()
{
    const SettingValues values = ClientSettings::effective(SettingValues(), SettingValues());
    const ClientConfig config = ClientSettings::toConfig(values);
    const ClientConfig defaults;
    QCOMPARE(config.host, defaults.host);
    QCOMPARE(config.port, defaults.port);
    QCOMPARE(config.protocol, ClientProtocol::Auto);
    QCOMPARE(config.framing, defaults.framing);
    QCOMPARE(config.terminator, defaults.terminator);
    QCOMPARE(config.connectTimeout, defaults.connectTimeout);
    QCOMPARE(config.maxMessageBytes, defaults.maxMessageBytes);
    QCOMPARE(config.autoReconnect, defaults.autoReconnect);
    QCOMPARE(config.name, QString());
}

void TestClientSettings::savedAndReadBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chorus-client.conf"));
    {
        ClientSettings settings(path);
        QVERIFY(settings.load().ok()); // a missing file is not an error
        QVERIFY(settings.setValue(ClientSetting::Port, 4242));
        QVERIFY(settings.setValue(ClientSetting::Terminator, QStringLiteral("CRLF")));
        QVERIFY(settings.setValue(ClientSetting::Name, QStringLiteral("드론-7")));
        QVERIFY(!settings.setValue(ClientSetting::Port, 0));       // refused, nothing changes
        QVERIFY(!settings.setValue(ClientSetting::Connect, true)); // never saved
        settings.setRecentHosts({QStringLiteral("a"), QStringLiteral("b")});
        settings.setSendHistory({{QStringLiteral("hello"), ByteInput::Text},
                                 {QStringLiteral("01 03 00 0A"), ByteInput::Hex},
                                 {QStringLiteral("안녕\\r"), ByteInput::Text}});
        QVERIFY(settings.hasUnsavedChanges());
        QVERIFY(settings.save().ok());
        QVERIFY(!settings.hasUnsavedChanges());
    }
    ClientSettings again(path);
    QVERIFY(again.load().ok());
    const SettingValues values = ClientSettings::effective(again.saved(), SettingValues());
    QCOMPARE(values.get(settingId(ClientSetting::Port)), QVariant(qint64(4242)));
    QCOMPARE(values.get(settingId(ClientSetting::Terminator)), QVariant(QStringLiteral("crlf")));
    QCOMPARE(values.get(settingId(ClientSetting::Name)), QVariant(QStringLiteral("드론-7")));
    QVERIFY(!again.saved().has(settingId(ClientSetting::Connect)));
    QCOMPARE(again.recentHosts(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    // Each recalled message keeps the input mode it was sent in.
    QCOMPARE(again.sendHistory(),
             (QList<RecalledMessage>{{QStringLiteral("hello"), ByteInput::Text},
                                     {QStringLiteral("01 03 00 0A"), ByteInput::Hex},
                                     {QStringLiteral("안녕\\r"), ByteInput::Text}}));
    QCOMPARE(ClientSettings::toConfig(values).terminator, Terminator::CrLf);
}

void TestClientSettings::oldQSettingsFileReadsTheSame()
{
    // What chorus-client wrote with QSettings before this table existed.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chorus-client.conf"));
    {
        QSettings old(path, QSettings::IniFormat);
        old.setValue(QStringLiteral("recentHosts"),
                     QStringList{QStringLiteral("127.0.0.5"), QStringLiteral("localhost")});
        old.setValue(QStringLiteral("port"), 7000);
        old.setValue(QStringLiteral("autoReconnect"), false);
        old.setValue(QStringLiteral("framing"), QStringLiteral("line"));
        old.setValue(QStringLiteral("terminator"), QStringLiteral("none"));
        old.setValue(QStringLiteral("protocol"), QStringLiteral("plain"));
        old.setValue(QStringLiteral("connectTimeoutMs"), qint64(3000));
        old.setValue(QStringLiteral("maxMessageBytes"), qint64(2048));
        old.setValue(QStringLiteral("keepHistory"), false);
        old.setValue(QStringLiteral("name"), QStringLiteral("rig-3"));
        old.sync();
        QCOMPARE(old.status(), QSettings::NoError);
    }
    ClientSettings settings(path);
    QList<SettingProblem> problems;
    QVERIFY(settings.load(&problems).ok());
    QVERIFY(problems.isEmpty());
    const ClientConfig config =
        ClientSettings::toConfig(ClientSettings::effective(settings.saved(), SettingValues()));
    QCOMPARE(config.port, quint16(7000));
    QCOMPARE(config.autoReconnect, false);
    QCOMPARE(config.framing, Framing::Line);
    QCOMPARE(config.terminator, Terminator::None);
    QCOMPARE(config.protocol, ClientProtocol::Plain);
    QCOMPARE(config.connectTimeout, std::chrono::milliseconds(3000));
    QCOMPARE(config.maxMessageBytes, 2048);
    QCOMPARE(config.name, QStringLiteral("rig-3"));
    QCOMPARE(settings.recentHosts().first(), QStringLiteral("127.0.0.5"));
}

void TestClientSettings::badSavedValuesAreRefusedOneByOne()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chorus-client.conf"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[General]\nport=0\nprotocol=smoke\nframing=raw\nview=sideways\n");
    }
    ClientSettings settings(path);
    QList<SettingProblem> problems;
    QVERIFY(settings.load(&problems).ok());
    QCOMPARE(problems.size(), 3);
    QCOMPARE(problems.at(0).id, settingId(ClientSetting::Port));
    QCOMPARE(problems.at(0).kind, SettingProblemKind::OutOfRange);
    QCOMPARE(problems.at(1).id, settingId(ClientSetting::Protocol));
    QCOMPARE(problems.at(1).kind, SettingProblemKind::UnknownChoice);
    QCOMPARE(problems.at(2).id, settingId(ClientSetting::View));
    QCOMPARE(ClientSettings::viewOf(settings.saved()), ByteView::Text);
    QVERIFY(!settings.saved().has(settingId(ClientSetting::Port)));
    QCOMPARE(settings.saved().get(settingId(ClientSetting::Framing)),
             QVariant(QStringLiteral("raw")));
}

void TestClientSettings::commandLineWinsForTheRunOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chorus-client.conf"));
    ClientSettings settings(path);
    QVERIFY(settings.setValue(ClientSetting::Port, 1111));
    QVERIFY(settings.setValue(ClientSetting::Protocol, QStringLiteral("plain")));
    SettingValues overrides(int(ClientSetting::Count));
    overrides.set(settingId(ClientSetting::Port), qint64(2222));
    const SettingValues values = ClientSettings::effective(settings.saved(), overrides);
    QCOMPARE(values.get(settingId(ClientSetting::Port)), QVariant(qint64(2222)));
    QCOMPARE(values.get(settingId(ClientSetting::Protocol)), QVariant(QStringLiteral("plain")));
    QVERIFY(settings.save().ok());
    ClientSettings again(path);
    QVERIFY(again.load().ok());
    QCOMPARE(again.saved().get(settingId(ClientSetting::Port)), QVariant(qint64(1111)));
}

void TestClientSettings::knownServersAreSharedByWindows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chorus-client.conf"));
    ClientSettings first(path);
    ClientSettings second(path);
    QVERIFY(first.load().ok());
    QVERIFY(second.load().ok());
    QVERIFY(first.rememberChorusServer(QStringLiteral("127.0.0.1:9999"), true).ok());
    QCOMPARE(second.knownChorusServers(), QStringList{QStringLiteral("127.0.0.1:9999")});
    QVERIFY(second.setValue(ClientSetting::Name, QStringLiteral("second")));
    QVERIFY(second.save().ok()); // merges: the first window's list survives
    QCOMPARE(first.knownChorusServers(), QStringList{QStringLiteral("127.0.0.1:9999")});
    QVERIFY(second.rememberChorusServer(QStringLiteral("127.0.0.1:9999"), false).ok());
    QVERIFY(first.knownChorusServers().isEmpty());
}

void TestClientSettings::dialogEditsTheTableRows()
{
    SettingValues current = ClientSettings::effective(SettingValues(), SettingValues());
    current.set(settingId(ClientSetting::ConnectTimeout), qint64(2500));
    ClientSettingsDialog dialog(current);
    const SettingsTable& table = ClientSettings::table();
    const int timeout = settingId(ClientSetting::ConnectTimeout);
    auto* spin = qobject_cast<QSpinBox*>(dialog.form()->editor(timeout));
    QVERIFY(spin);
    QCOMPARE(spin->minimum(), int(table.row(timeout).minimum));
    QCOMPARE(spin->maximum(), int(table.row(timeout).maximum));
    QCOMPARE(spin->value(), 2500);
    QCOMPARE(spin->toolTip(), table.help(timeout));
    spin->setValue(700);
    auto* protocol =
        qobject_cast<QComboBox*>(dialog.form()->editor(settingId(ClientSetting::Protocol)));
    QVERIFY(protocol);
    protocol->setCurrentIndex(protocol->findData(QStringLiteral("chorus")));
    const SettingValues edited = dialog.values();
    QCOMPARE(edited.get(timeout), QVariant(qint64(700)));
    QCOMPARE(edited.get(settingId(ClientSetting::Protocol)), QVariant(QStringLiteral("chorus")));
    for (int id : ClientSettingsDialog::rows())
        QVERIFY(edited.has(id));
    QVERIFY(!edited.has(settingId(ClientSetting::Host)));
}

void TestClientSettings::framingIsAnyFrameSpec()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chorus-client.conf"));
    {
        ClientSettings settings(path);
        // Kept in its canonical spelling; a spelling that is no framing is refused.
        QVERIFY(settings.setValue(ClientSetting::Framing, QStringLiteral("delimiter:\\x17")));
        QCOMPARE(settings.saved().get(settingId(ClientSetting::Framing)),
                 QVariant(QStringLiteral("delimiter:17")));
        QVERIFY(!settings.setValue(ClientSetting::Framing, QStringLiteral("length:size=5")));
        QVERIFY(settings.setValue(ClientSetting::Framing, QStringLiteral("Modbus-TCP")));
        QVERIFY(settings.save().ok());
    }
    ClientSettings again(path);
    QList<SettingProblem> problems;
    QVERIFY(again.load(&problems).ok());
    QVERIFY(problems.isEmpty());
    const ClientConfig config =
        ClientSettings::toConfig(ClientSettings::effective(again.saved(), SettingValues()));
    QCOMPARE(config.framing, FrameSpec::preset(LengthPreset::ModbusTcp));

    // A file edited by hand with a framing that is none: refused, the default applies.
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[General]\nframing=delimiter:0\n");
    }
    ClientSettings edited(path);
    QVERIFY(edited.load(&problems).ok());
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().id, settingId(ClientSetting::Framing));
    QCOMPARE(problems.first().kind, SettingProblemKind::WrongType);
    QCOMPARE(problems.first().given, QStringLiteral("delimiter:0"));
    QVERIFY(!edited.saved().has(settingId(ClientSetting::Framing)));
    QCOMPARE(ClientSettings::toConfig(ClientSettings::effective(edited.saved(), SettingValues()))
                 .framing,
             FrameSpec(Framing::Auto));
}

void TestClientSettings::dialogChoosesAFraming()
{
    SettingValues current = ClientSettings::effective(SettingValues(), SettingValues());
    const int framing = settingId(ClientSetting::Framing);
    current.set(framing, QStringLiteral("u16be"));
    ClientSettingsDialog dialog(current);
    FramingChoice* choice = dialog.framingChoice();
    QCOMPARE(choice->spelling(), QStringLiteral("u16be"));
    QCOMPARE(choice->currentData().toString(), QStringLiteral("u16be"));
    // A framing that is not among the common ones is shown as itself.
    current.set(framing, QStringLiteral("length:size=1,strip=1"));
    ClientSettingsDialog custom(current);
    QCOMPARE(custom.framingChoice()->spelling(),
             QStringLiteral("length:offset=0,size=1,endian=big,adjust=0,strip=1"));
    QVERIFY(custom.framingChoice()->currentText().contains(
        parseFrameSpec(custom.framingChoice()->spelling())->label()));
    QCOMPARE(custom.values().get(framing),
             QVariant(QStringLiteral("length:offset=0,size=1,endian=big,adjust=0,strip=1")));
    // Choosing a common one from the list.
    const int cr = choice->findData(QStringLiteral("cr"));
    QVERIFY(cr >= 0);
    choice->setCurrentIndex(cr);
    emit choice->activated(cr);
    QCOMPARE(dialog.values().get(framing), QVariant(QStringLiteral("cr")));
}

void TestClientSettings::viewAndSendModeAreKept()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chorus-client.conf"));
    const SettingValues defaults = ClientSettings::effective(SettingValues(), SettingValues());
    QCOMPARE(ClientSettings::viewOf(defaults), ByteView::Text);
    QCOMPARE(ClientSettings::sendModeOf(defaults), ByteInput::Text);
    {
        ClientSettings settings(path);
        QVERIFY(settings.setValue(ClientSetting::View, QStringLiteral("mixed")));
        QVERIFY(settings.setValue(ClientSetting::SendMode, QStringLiteral("hex")));
        QVERIFY(!settings.setValue(ClientSetting::SendMode, QStringLiteral("mixed")));
        QVERIFY(settings.save().ok());
    }
    ClientSettings again(path);
    QVERIFY(again.load().ok());
    const SettingValues values = ClientSettings::effective(again.saved(), SettingValues());
    QCOMPARE(ClientSettings::viewOf(values), ByteView::Mixed);
    QCOMPARE(ClientSettings::sendModeOf(values), ByteInput::Hex);
}

void TestClientSettings::sendHistoryWithoutModesIsText()
{
    // Written before the send box had modes: every entry was text.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chorus-client.conf"));
    {
        QSettings old(path, QSettings::IniFormat);
        old.setValue(QStringLiteral("sendHistory"),
                     QStringList{QStringLiteral("AT+VER?"), QStringLiteral("안녕")});
        old.sync();
    }
    ClientSettings settings(path);
    QVERIFY(settings.load().ok());
    QCOMPARE(settings.sendHistory(),
             (QList<RecalledMessage>{{QStringLiteral("AT+VER?"), ByteInput::Text},
                                     {QStringLiteral("안녕"), ByteInput::Text}}));
}

QTEST_MAIN(TestClientSettings)
#include "tst_clientsettings.moc"
