#include "ClientSettings.h"

#include "client/KnownChorusServers.h"

#include <QCoreApplication>

namespace chorus {

namespace {

const QString kRecentHostsKey = QStringLiteral("recentHosts");
const QString kSendHistoryKey = QStringLiteral("sendHistory");
const QString kGeometryKey = QStringLiteral("geometry");
const QString kKnownServersKey = QStringLiteral("knownChorusServers");
constexpr int kMaxRecentHosts = 10;

SettingSpec spec(const char* key, const char* option, SettingKind kind, const QVariant& byDefault,
                 qint64 minimum = 0, qint64 maximum = 0)
{
    SettingSpec row;
    row.key = key;
    row.option = option;
    row.kind = kind;
    row.defaultValue = byDefault;
    row.minimum = minimum;
    row.maximum = maximum;
    return row;
}

QList<SettingSpec> clientRows()
{
    // One row per ClientSetting, in order. Labels and help are translated in
    // the context "chorus::ClientSettings".
    QList<SettingSpec> rows(int(ClientSetting::Count));
    auto row = [&rows](ClientSetting id) -> SettingSpec& { return rows[int(id)]; };

    SettingSpec& host = row(ClientSetting::Host);
    host = spec("host", "host", SettingKind::Text, QStringLiteral("127.0.0.1"));
    host.minimum = 1;
    host.valueName = "HOST";
    host.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Host");
    host.help = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Server host name or address.");

    SettingSpec& port = row(ClientSetting::Port);
    port = spec("port", "port", SettingKind::Integer, qint64(kDefaultClientPort), 1, 65535);
    port.valueName = "PORT";
    port.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Port");
    port.help = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Server TCP port.");

    SettingSpec& connect = row(ClientSetting::Connect);
    connect = spec("connectAtStart", "connect", SettingKind::Boolean, false);
    connect.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Connect at start");
    connect.help = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Connect as the window opens.");

    SettingSpec& name = row(ClientSetting::Name);
    name = spec("name", "name", SettingKind::Text, QString());
    name.valueName = "NAME";
    name.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Name");
    name.help = QT_TRANSLATE_NOOP("chorus::ClientSettings",
                                  "Name a chorus-server shows for this client (at most 64 "
                                  "characters).");

    SettingSpec& protocol = row(ClientSetting::Protocol);
    protocol = spec("protocol", "protocol", SettingKind::Choice, QStringLiteral("auto"));
    protocol.choices = {QStringLiteral("auto"), QStringLiteral("chorus"), QStringLiteral("plain")};
    protocol.valueName = "PROTOCOL";
    protocol.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Protocol");
    protocol.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "auto: plain text, except to a host:port that welcomed this client as a chorus-server "
        "before; chorus: say hello and require a welcome; plain: never say hello.");

    SettingSpec& framing = row(ClientSetting::Framing);
    framing = spec("framing", "framing", SettingKind::Choice, QStringLiteral("auto"));
    framing.choices = {QStringLiteral("auto"), QStringLiteral("line"), QStringLiteral("raw")};
    framing.valueName = "MODE";
    framing.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Receive framing");
    framing.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "Where a received message ends: auto (line, or idle gap without a terminator), line or "
        "raw (each read).");

    SettingSpec& terminator = row(ClientSetting::Terminator);
    terminator = spec("terminator", "terminator", SettingKind::Choice, QStringLiteral("lf"));
    terminator.choices = {QStringLiteral("lf"), QStringLiteral("crlf"), QStringLiteral("none")};
    terminator.valueName = "END";
    terminator.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Send terminator");
    terminator.help = QT_TRANSLATE_NOOP("chorus::ClientSettings",
                                        "What ends each message sent: lf, crlf or none.");

    SettingSpec& timeout = row(ClientSetting::ConnectTimeout);
    timeout = spec("connectTimeoutMs", "connect-timeout", SettingKind::Integer,
                   qint64(kDefaultConnectTimeout.count()), 100, 600000);
    timeout.unit = QT_TRANSLATE_NOOP("chorus::ClientSettings", "ms");
    timeout.valueName = "MS";
    timeout.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Connect timeout");
    timeout.help =
        QT_TRANSLATE_NOOP("chorus::ClientSettings", "How long to wait for a connection.");

    SettingSpec& maxMessage = row(ClientSetting::MaxMessage);
    maxMessage = spec("maxMessageBytes", "max-message", SettingKind::Integer,
                      qint64(kDefaultMaxMessageBytes), 1, 64 * 1024 * 1024);
    maxMessage.unit = QT_TRANSLATE_NOOP("chorus::ClientSettings", "bytes");
    maxMessage.valueName = "BYTES";
    maxMessage.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Maximum message size");
    maxMessage.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "The server's limit; longer messages are refused before sending, and longer replies "
        "are discarded.");

    SettingSpec& reconnect = row(ClientSetting::AutoReconnect);
    reconnect = spec("autoReconnect", "no-auto-reconnect", SettingKind::Boolean, true);
    reconnect.flagValue = false;
    reconnect.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Auto-reconnect");
    reconnect.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "Option: do not reconnect after a drop. Setting: after an unexpected drop, retry with "
        "a backoff from 0.5 s doubling to 30 s.");

    SettingSpec& keep = row(ClientSetting::KeepHistory);
    keep = spec("keepHistory", "no-keep-history", SettingKind::Boolean, true);
    keep.flagValue = false;
    keep.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Keep each session's history");
    keep.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "Option: do not save this run's sessions. Setting: save each session to its own file "
        "(File → Recent sessions reopens them).");
    return rows;
}

QVariant valueOf(const SettingValues& values, ClientSetting id)
{
    return values.has(settingId(id)) ? values.get(settingId(id))
                                     : ClientSettings::table().row(settingId(id)).defaultValue;
}

} // namespace

const SettingsTable& ClientSettings::table()
{
    static const SettingsTable table("chorus::ClientSettings", clientRows());
    return table;
}

QString ClientSettings::defaultPath()
{
    return SettingsFile::defaultPath(QStringLiteral("Chorus"), QStringLiteral("chorus-client"));
}

ClientSettings::ClientSettings(const QString& path)
    : m_file(path), m_saved(int(ClientSetting::Count))
{}

FileResult ClientSettings::load(QList<SettingProblem>* problems)
{
    const FileResult result = m_file.load();
    m_saved = table().load(m_file, problems);
    m_saved.clear(settingId(ClientSetting::Connect)); // a command-line choice, never saved
    return result;
}

FileResult ClientSettings::save()
{
    return m_file.save();
}

bool ClientSettings::setValue(ClientSetting setting, const QVariant& value)
{
    const int id = settingId(setting);
    if (setting == ClientSetting::Connect)
        return false;
    const std::optional<QVariant> checked = table().check(id, value);
    if (!checked)
        return false;
    m_saved.set(id, *checked);
    m_file.setValue(QLatin1String(table().row(id).key), *checked);
    return true;
}

QStringList ClientSettings::recentHosts() const
{
    return m_file.value(kRecentHostsKey).toStringList();
}

void ClientSettings::setRecentHosts(const QStringList& hosts)
{
    m_file.setValue(kRecentHostsKey, hosts.mid(0, kMaxRecentHosts));
}

QStringList ClientSettings::sendHistory() const
{
    return m_file.value(kSendHistoryKey).toStringList();
}

void ClientSettings::setSendHistory(const QStringList& messages)
{
    m_file.setValue(kSendHistoryKey, messages);
}

QByteArray ClientSettings::geometry() const
{
    return m_file.value(kGeometryKey).toByteArray();
}

void ClientSettings::setGeometry(const QByteArray& geometry)
{
    m_file.setValue(kGeometryKey, geometry);
}

QStringList ClientSettings::knownChorusServers() const
{
    SettingsFile fresh(m_file.path());
    if (!fresh.load().ok())
        return m_file.value(kKnownServersKey).toStringList();
    return fresh.value(kKnownServersKey).toStringList();
}

FileResult ClientSettings::rememberChorusServer(const QString& key, bool known)
{
    KnownChorusServers servers(knownChorusServers());
    const bool changed = known ? servers.add(key) : servers.remove(key);
    if (!changed)
        return FileResult{FileError::None, m_file.path(), {}};
    m_file.setValue(kKnownServersKey, servers.keys());
    return m_file.save();
}

SettingValues ClientSettings::effective(const SettingValues& saved, const SettingValues& overrides)
{
    SettingValues out(int(ClientSetting::Count));
    for (int id = 0; id < out.size(); ++id) {
        const auto setting = ClientSetting(id);
        out.set(id, overrides.has(id) ? overrides.get(id) : valueOf(saved, setting));
    }
    return out;
}

Terminator ClientSettings::terminatorFromChoice(const QString& choice)
{
    return terminatorFromName(choice.toUpper())
        .value_or(terminatorFromName(choice).value_or(Terminator::Lf));
}

QString ClientSettings::terminatorChoice(Terminator terminator)
{
    return terminatorName(terminator).toLower();
}

ClientConfig ClientSettings::toConfig(const SettingValues& values, ClientConfig base)
{
    auto get = [&values](ClientSetting id) { return valueOf(values, id); };
    base.host = get(ClientSetting::Host).toString().trimmed();
    base.port = quint16(get(ClientSetting::Port).toUInt());
    base.name = get(ClientSetting::Name).toString().trimmed();
    base.protocol =
        clientProtocolFromName(get(ClientSetting::Protocol).toString()).value_or(base.protocol);
    base.framing = framingFromName(get(ClientSetting::Framing).toString()).value_or(base.framing);
    base.terminator = terminatorFromChoice(get(ClientSetting::Terminator).toString());
    base.connectTimeout =
        std::chrono::milliseconds(get(ClientSetting::ConnectTimeout).toLongLong());
    base.maxMessageBytes = get(ClientSetting::MaxMessage).toLongLong();
    base.autoReconnect = get(ClientSetting::AutoReconnect).toBool();
    return base;
}

} // namespace chorus
