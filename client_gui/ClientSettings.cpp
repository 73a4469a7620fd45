#include "ClientSettings.h"

#include "client/KnownChorusServers.h"
#include "client/SessionReplay.h"
#include "client/SimulatedVehicle.h"
#include "wire/VehicleMessages.h"

#include <QCoreApplication>

namespace chorus {

namespace {

const QString kRecentHostsKey = QStringLiteral("recentHosts");
const QString kSendHistoryKey = QStringLiteral("sendHistory");
// Parallel to sendHistory: each entry's input mode ("text", "hex").
const QString kSendHistoryModesKey = QStringLiteral("sendHistoryModes");
const QString kGeometryKey = QStringLiteral("geometry");
const QString kWindowStateKey = QStringLiteral("windowState");
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

    // A Text row: any FrameSpec spelling, checked by ClientSettings::check().
    SettingSpec& framing = row(ClientSetting::Framing);
    framing = spec("framing", "framing", SettingKind::Text, QStringLiteral("auto"));
    framing.minimum = 1;
    framing.valueName = "FRAMING";
    framing.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Framing");
    framing.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "Where a received message ends, and how a sent one is framed: auto (LF, CR LF, a lone "
        "CR or an idle gap), line (LF or CR LF), raw (each read), cr (a CR); delimiter:HEX "
        "(delimiter:03, delimiter:0D0A), delimiter:START..END for an envelope "
        "(delimiter:02..03); length:offset=O,size=S,endian=big|little,adjust=A,strip=N,max=M "
        "(defaults offset 0, size 2, big, adjust 0, strip 0, max = the message size); "
        "fixed:N; the presets u16be, u32be and modbus-tcp. Default auto.");

    SettingSpec& terminator = row(ClientSetting::Terminator);
    terminator = spec("terminator", "terminator", SettingKind::Choice, QStringLiteral("lf"));
    terminator.choices = {QStringLiteral("lf"), QStringLiteral("crlf"), QStringLiteral("cr"),
                          QStringLiteral("none")};
    terminator.valueName = "END";
    terminator.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Send terminator");
    terminator.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "What ends each message sent with a text framing (auto, line, cr): lf, crlf, cr or "
        "none. The other framings frame each message themselves.");

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

    SettingSpec& limit = row(ClientSetting::HistoryLimit);
    limit = spec("historyLimit", "history-limit", SettingKind::Integer,
                 qint64(kDefaultHistoryLimit), 1000, 10000000);
    limit.unit = QT_TRANSLATE_NOOP("chorus::ClientSettings", "entries");
    limit.valueName = "N";
    limit.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "History in memory");
    limit.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "How many entries the history holds in memory (default 50000). Older entries leave "
        "the view; while the session is kept they stay in its file and \"Load older\" reads "
        "them back.");

    SettingSpec& view = row(ClientSetting::View);
    view = spec("view", "view", SettingKind::Choice, QStringLiteral("text"));
    view.choices = {QStringLiteral("text"), QStringLiteral("hex"), QStringLiteral("mixed")};
    view.valueName = "VIEW";
    view.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "History view");
    view.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "How the history shows messages: text (UTF-8, other bytes as \\xNN escapes), hex "
        "(01 02 FF) or mixed (a hex dump with offsets and ASCII).");

    SettingSpec& sendMode = row(ClientSetting::SendMode);
    sendMode = spec("sendMode", "input", SettingKind::Choice, QStringLiteral("text"));
    sendMode.choices = {QStringLiteral("text"), QStringLiteral("hex")};
    sendMode.valueName = "INPUT";
    sendMode.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Send box input");
    sendMode.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "text: each line is a message, with \\r \\n \\t \\0 \\xNN \\\\ escapes; hex: "
        "the whole box is one message (--console: each line is one message either way).");

    SettingSpec& udp = row(ClientSetting::Udp);
    udp = spec("transport/udp", "udp", SettingKind::Boolean, false);
    udp.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "UDP transport");
    udp.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "Send each message as one UDP datagram to host:port instead of over TCP. A message "
        "without a reply within the UDP reply timeout is marked lost; the status bar shows "
        "sent, answered, lost and round trips.");

    SettingSpec& udpTimeout = row(ClientSetting::UdpReplyTimeout);
    udpTimeout = spec("transport/udpReplyTimeoutMs", "udp-timeout", SettingKind::Integer,
                      qint64(kDefaultUdpReplyTimeout.count()), 10, 600000);
    udpTimeout.valueName = "MS";
    udpTimeout.unit = QT_TRANSLATE_NOOP("chorus::ClientSettings", "ms");
    udpTimeout.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "UDP reply timeout");
    udpTimeout.help = QT_TRANSLATE_NOOP("chorus::ClientSettings",
                                        "UDP: how long a sent message waits for its reply "
                                        "before it counts as lost.");

    SettingSpec& udpChannel = row(ClientSetting::UdpChannel);
    udpChannel = spec("transport/udpChannel", "udp-channel", SettingKind::Boolean, false);
    udpChannel.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Also open UDP channel");
    udpChannel.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "Chorus over TCP: when the server's welcome offers a UDP channel (its UDP port and a "
        "session token), open it too; datagrams on it count on this client's row of the "
        "server, which then shows TCP+UDP.");

    SettingSpec& token = row(ClientSetting::AccessToken);
    token = spec("accessToken", "access-token", SettingKind::Secret, QString());
    token.valueName = "TEXT";
    token.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Access token");
    token.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "The chorus-server's access token, sent in the hello (a token makes protocol auto say "
        "hello). Shown masked, never logged.");

    SettingSpec& useTls = row(ClientSetting::UseTls);
    useTls = spec("useTls", "tls", SettingKind::Boolean, false);
    useTls.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Use TLS");
    useTls.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "Connect with TLS. On first contact the server's certificate (SHA-256 fingerprint, "
        "subject) is shown to trust; it is then pinned for that host:port and a changed one "
        "is refused.");

    SettingSpec& console = row(ClientSetting::Console);
    console = spec("console", "console", SettingKind::Boolean, false);
    console.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Console");
    console.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "No window: send each line of standard input as a message, print each reply with its "
        "round-trip time, exit at the end of input or on \"exit\" (status 1 when the "
        "connection fails).");

    SettingSpec& replyTimeout = row(ClientSetting::ReplyTimeout);
    replyTimeout = spec("console/replyTimeoutMs", "reply-timeout", SettingKind::Integer,
                        qint64(5000), 1, 600000);
    replyTimeout.unit = QT_TRANSLATE_NOOP("chorus::ClientSettings", "ms");
    replyTimeout.valueName = "MS";
    replyTimeout.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Console reply timeout");
    replyTimeout.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "--console sends one line at a time: how long a line waits for its reply before the "
        "next line goes (and, after the last line, before the program exits).");

    SettingSpec& simulate = row(ClientSetting::Simulate);
    simulate = spec("simulate/enabled", "simulate", SettingKind::Boolean, false);
    simulate.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Simulate a vehicle");
    simulate.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "Answer commands (a Chorus cmd, or a text line such as \"TAKEOFF alt=10\") "
        "automatically and send telemetry and heartbeats, as a small vehicle would; several "
        "clients with --simulate make a fleet.");

    SettingSpec& result = row(ClientSetting::SimResult);
    result = spec("simulate/result", "sim-result", SettingKind::Choice, QStringLiteral("accepted"));
    result.choices = {QStringLiteral("accepted"), QStringLiteral("denied"),
                      QStringLiteral("failed"), QStringLiteral("unsupported"),
                      QStringLiteral("temporarily_rejected")};
    result.valueName = "RESULT";
    result.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Answer to commands");
    result.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "The result a known command (ARM, DISARM, TAKEOFF, LAND, RTL, SET_MODE) gets; others "
        "get unsupported, a TAKEOFF without alt= gets denied.");

    SettingSpec& delay = row(ClientSetting::SimAckDelay);
    delay =
        spec("simulate/ackDelayMs", "sim-ack-delay", SettingKind::Integer, qint64(300), 0, 600000);
    delay.unit = QT_TRANSLATE_NOOP("chorus::ClientSettings", "ms");
    delay.valueName = "MS";
    delay.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Answer after");
    delay.help = QT_TRANSLATE_NOOP("chorus::ClientSettings",
                                   "How long a command takes before its final ack.");

    SettingSpec& steps = row(ClientSetting::SimProgressSteps);
    steps = spec("simulate/progressSteps", "sim-progress-steps", SettingKind::Integer, qint64(0), 0,
                 20);
    steps.valueName = "N";
    steps.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "In-progress steps");
    steps.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "in_progress acks (with progress %) sent before the final ack, spread over the delay.");

    SettingSpec& telemetry = row(ClientSetting::SimTelemetry);
    telemetry = spec("simulate/telemetryMs", "sim-telemetry", SettingKind::Integer, qint64(1000), 0,
                     3600000);
    telemetry.unit = QT_TRANSLATE_NOOP("chorus::ClientSettings", "ms");
    telemetry.valueName = "MS";
    telemetry.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Telemetry every");
    telemetry.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "How often altitude, battery and position go to the server (0: never). Altitude "
        "follows TAKEOFF and LAND, the battery drains, the position drifts.");

    SettingSpec& heartbeat = row(ClientSetting::SimHeartbeat);
    heartbeat = spec("simulate/heartbeatMs", "sim-heartbeat", SettingKind::Integer, qint64(1000), 0,
                     3600000);
    heartbeat.unit = QT_TRANSLATE_NOOP("chorus::ClientSettings", "ms");
    heartbeat.valueName = "MS";
    heartbeat.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Heartbeat every");
    heartbeat.help = QT_TRANSLATE_NOOP("chorus::ClientSettings",
                                       "How often a heartbeat goes to the server (0: never).");

    SettingSpec& sessionLog = row(ClientSetting::SessionLog);
    sessionLog = spec("sessionLogFolder", "session-log", SettingKind::Text, QString());
    sessionLog.valueName = "DIR";
    sessionLog.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Session log folder");
    sessionLog.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "Write every event (connect, disconnect, each message with its exact bytes, commands "
        "and acks) to DIR as JSON lines with microsecond times, in files of 16 MiB, the newest "
        "8 kept. Empty: no session log.");

    SettingSpec& replay = row(ClientSetting::Replay);
    replay = spec("replay", "replay", SettingKind::Text, QString());
    replay.valueName = "FILE";
    replay.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Replay session");
    replay.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "Once connected, send the sent messages (\"out\" lines) of a session log FILE again, "
        "with their original timing scaled by --replay-speed. With --console the program ends "
        "when the replay has and its replies came (status 3 for a file that cannot be "
        "replayed).");

    SettingSpec& replaySpeed = row(ClientSetting::ReplaySpeed);
    replaySpeed = spec("replay/speed", "replay-speed", SettingKind::Text, QStringLiteral("1"));
    replaySpeed.minimum = 1;
    replaySpeed.acceptsEntry = [](const QString& text) { return bool(parseReplaySpeed(text)); };
    replaySpeed.valueName = "X";
    replaySpeed.label = QT_TRANSLATE_NOOP("chorus::ClientSettings", "Replay speed");
    replaySpeed.help = QT_TRANSLATE_NOOP(
        "chorus::ClientSettings",
        "How fast a replay goes: 1 as recorded, 2 twice as fast, 0.5 half as fast, up to "
        "1000; 0 as fast as possible.");
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
    const int framing = settingId(ClientSetting::Framing);
    if (m_saved.has(framing)) {
        SettingProblem problem;
        if (const auto checked = check(ClientSetting::Framing, m_saved.get(framing), &problem)) {
            m_saved.set(framing, *checked);
        } else {
            m_saved.clear(framing);
            if (problems)
                problems->append(problem);
        }
    }
    // Command-line choices, never saved.
    m_saved.clear(settingId(ClientSetting::Connect));
    m_saved.clear(settingId(ClientSetting::Console));
    m_saved.clear(settingId(ClientSetting::Replay));
    return result;
}

FileResult ClientSettings::save()
{
    return m_file.save();
}

std::optional<QVariant> ClientSettings::check(ClientSetting setting, const QVariant& value,
                                              SettingProblem* problem)
{
    const int id = settingId(setting);
    std::optional<QVariant> checked = table().check(id, value, problem);
    if (!checked || setting != ClientSetting::Framing)
        return checked;
    const std::optional<FrameSpec> spec = parseFrameSpec(checked->toString());
    if (!spec) {
        if (problem)
            *problem = SettingProblem{id, SettingProblemKind::WrongType, value.toString()};
        return std::nullopt;
    }
    return QVariant(spec->toText());
}

QString ClientSettings::describeFramingProblem(const QString& given)
{
    FrameSpecError error;
    if (parseFrameSpec(given, &error))
        return {};
    return QCoreApplication::translate("chorus::ClientSettings", "--framing: \"%1\": %2")
        .arg(given, describeFrameSpecError(error));
}

bool ClientSettings::setValue(ClientSetting setting, const QVariant& value)
{
    const int id = settingId(setting);
    if (setting == ClientSetting::Connect || setting == ClientSetting::Console ||
        setting == ClientSetting::Replay)
        return false;
    const std::optional<QVariant> checked = check(setting, value);
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

QList<RecalledMessage> ClientSettings::sendHistory() const
{
    const QStringList texts = m_file.value(kSendHistoryKey).toStringList();
    const QStringList modes = m_file.value(kSendHistoryModesKey).toStringList();
    QList<RecalledMessage> messages;
    messages.reserve(texts.size());
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const std::optional<ByteInput> input =
            i < modes.size() ? byteInputFromName(modes.at(i)) : std::nullopt;
        messages.append({texts.at(i), input.value_or(ByteInput::Text)});
    }
    return messages;
}

void ClientSettings::setSendHistory(const QList<RecalledMessage>& messages)
{
    QStringList texts;
    QStringList modes;
    for (const RecalledMessage& message : messages) {
        texts.append(message.text);
        modes.append(byteInputName(message.input));
    }
    m_file.setValue(kSendHistoryKey, texts);
    m_file.setValue(kSendHistoryModesKey, modes);
}

QByteArray ClientSettings::windowState() const
{
    return m_file.value(kWindowStateKey).toByteArray();
}

void ClientSettings::setWindowState(const QByteArray& state)
{
    m_file.setValue(kWindowStateKey, state);
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

ByteView ClientSettings::viewOf(const SettingValues& values)
{
    return byteViewFromName(valueOf(values, ClientSetting::View).toString())
        .value_or(ByteView::Text);
}

ByteInput ClientSettings::sendModeOf(const SettingValues& values)
{
    return byteInputFromName(valueOf(values, ClientSetting::SendMode).toString())
        .value_or(ByteInput::Text);
}

bool ClientSettings::simulates(const SettingValues& values)
{
    return valueOf(values, ClientSetting::Simulate).toBool();
}

SimulationConfig ClientSettings::simulationOf(const SettingValues& values)
{
    auto get = [&values](ClientSetting id) { return valueOf(values, id); };
    SimulationConfig config;
    config.result =
        mavResultFromName(get(ClientSetting::SimResult).toString()).value_or(MavResult::Accepted);
    config.ackDelay = std::chrono::milliseconds(get(ClientSetting::SimAckDelay).toLongLong());
    config.progressSteps = int(get(ClientSetting::SimProgressSteps).toLongLong());
    config.telemetryInterval =
        std::chrono::milliseconds(get(ClientSetting::SimTelemetry).toLongLong());
    config.heartbeatInterval =
        std::chrono::milliseconds(get(ClientSetting::SimHeartbeat).toLongLong());
    return config;
}

ClientConfig ClientSettings::toConfig(const SettingValues& values, ClientConfig base)
{
    auto get = [&values](ClientSetting id) { return valueOf(values, id); };
    base.host = get(ClientSetting::Host).toString().trimmed();
    base.port = quint16(get(ClientSetting::Port).toUInt());
    base.name = get(ClientSetting::Name).toString().trimmed();
    base.protocol =
        clientProtocolFromName(get(ClientSetting::Protocol).toString()).value_or(base.protocol);
    base.framing = parseFrameSpec(get(ClientSetting::Framing).toString()).value_or(base.framing);
    base.terminator = terminatorFromChoice(get(ClientSetting::Terminator).toString());
    base.connectTimeout =
        std::chrono::milliseconds(get(ClientSetting::ConnectTimeout).toLongLong());
    base.maxMessageBytes = get(ClientSetting::MaxMessage).toLongLong();
    base.autoReconnect = get(ClientSetting::AutoReconnect).toBool();
    base.transport = get(ClientSetting::Udp).toBool() ? ClientTransport::Udp : ClientTransport::Tcp;
    base.udpReplyTimeout =
        std::chrono::milliseconds(get(ClientSetting::UdpReplyTimeout).toLongLong());
    base.udpChannel = get(ClientSetting::UdpChannel).toBool();
    base.accessToken = get(ClientSetting::AccessToken).toString();
    base.useTls = get(ClientSetting::UseTls).toBool();
    return base;
}

} // namespace chorus
