#include "ServerSettings.h"

#include <QCoreApplication>

namespace chorus {

namespace {

constexpr qint64 kMiB = 1024 * 1024;

// The rows, in ServerSetting order.
QList<SettingSpec> rows()
{
    QList<SettingSpec> rows(int(ServerSetting::Count));
    auto row = [&rows](ServerSetting id) -> SettingSpec& { return rows[settingId(id)]; };

    SettingSpec& listen = row(ServerSetting::Listen);
    listen.key = "listen/address";
    listen.option = "listen";
    listen.kind = SettingKind::Text;
    listen.minimum = 1;
    listen.defaultValue = QStringLiteral("any");
    listen.valueName = "ADDR";
    listen.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Address");
    listen.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Address to listen on: any (every interface, IPv4 and IPv6), localhost (this machine "
        "only: 127.0.0.1 and ::1) or one IP address of this machine. Default: any.");

    SettingSpec& port = row(ServerSetting::Port);
    port.key = "listen/port";
    port.option = "port";
    port.defaultValue = qint64(9999);
    port.minimum = 0;
    port.maximum = 65535;
    port.valueName = "N";
    port.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Port");
    port.help = QT_TRANSLATE_NOOP("chorus::ServerSettings",
                                  "TCP port; 0 picks a free port (the same one for 127.0.0.1 "
                                  "and ::1).");

    SettingSpec& framing = row(ServerSetting::Framing);
    framing.key = "listen/framing";
    framing.option = "framing";
    framing.kind = SettingKind::Text;
    framing.minimum = 1;
    framing.defaultValue = QStringLiteral("auto");
    framing.valueName = "SPEC";
    framing.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Framing");
    framing.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Where a message ends (docs/PROTOCOL.md §1): auto (LF, CR LF, CR or an idle gap), line "
        "(LF or CR LF), cr (CR), raw (each arrival), delimiter:HEX (delimiter:03, "
        "delimiter:0D0A, delimiter:\\x17), delimiter:HEX..HEX (an envelope: delimiter:02..03), "
        "length:offset=O,size=S,endian=big|little,adjust=A,strip=N,max=M (a length field; "
        "omitted keys: offset 0, size 2, big, adjust 0, strip 0, max the longest message), "
        "fixed:N (N bytes a message), or the presets u16be, u32be and modbus-tcp. Replies go "
        "out in the peer's framing.");

    SettingSpec& idleGap = row(ServerSetting::IdleGap);
    idleGap.key = "engine/idleGapMs";
    idleGap.option = "idle-gap";
    idleGap.defaultValue = qint64(kDefaultIdleGap.count());
    idleGap.minimum = 1;
    idleGap.maximum = 60000;
    idleGap.unit = QT_TRANSLATE_NOOP("chorus::ServerSettings", "ms");
    idleGap.valueName = "MS";
    idleGap.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Idle gap");
    idleGap.help =
        QT_TRANSLATE_NOOP("chorus::ServerSettings",
                          "Auto framing: silence that ends a message sent without a line end.");

    SettingSpec& maxMessage = row(ServerSetting::MaxMessage);
    maxMessage.key = "engine/maxMessageBytes";
    maxMessage.option = "max-message";
    maxMessage.defaultValue = qint64(kDefaultMaxMessageBytes);
    maxMessage.minimum = 16;
    maxMessage.maximum = 64 * kMiB;
    maxMessage.unit = QT_TRANSLATE_NOOP("chorus::ServerSettings", "bytes");
    maxMessage.valueName = "BYTES";
    maxMessage.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Longest message");
    maxMessage.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Longer messages are discarded up to their line end and the peer is told.");

    SettingSpec& highWater = row(ServerSetting::HighWater);
    highWater.key = "engine/highWaterBytes";
    highWater.option = "high-water";
    highWater.defaultValue = qint64(ConnectionLimits{}.highWaterBytes);
    highWater.minimum = 1024;
    highWater.maximum = 1024 * kMiB;
    highWater.unit = QT_TRANSLATE_NOOP("chorus::ServerSettings", "bytes");
    highWater.valueName = "BYTES";
    highWater.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Unsent-data limit per peer");
    highWater.help =
        QT_TRANSLATE_NOOP("chorus::ServerSettings",
                          "A peer that stops reading while this much is unsent is disconnected.");

    SettingSpec& ioThreads = row(ServerSetting::IoThreads);
    ioThreads.key = "engine/ioThreads";
    ioThreads.option = "io-threads";
    ioThreads.defaultValue = qint64(ServerConfig{}.ioThreads);
    ioThreads.minimum = 1;
    ioThreads.maximum = 64;
    ioThreads.valueName = "N";
    ioThreads.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "I/O threads");
    ioThreads.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings", "Event-loop threads serving connections (at the next Start).");

    SettingSpec& maxConnections = row(ServerSetting::MaxConnections);
    maxConnections.key = "engine/maxConnections";
    maxConnections.option = "max-connections";
    maxConnections.defaultValue = qint64(ServerConfig{}.maxConnections);
    maxConnections.minimum = 1;
    maxConnections.maximum = 1000000;
    maxConnections.valueName = "N";
    maxConnections.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Most connections");
    maxConnections.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Connections served at once; more get \"server full\" and are closed (at the next Start).");

    SettingSpec& logMessages = row(ServerSetting::LogMessages);
    logMessages.key = "engine/logMessages";
    logMessages.option = "no-log-messages";
    logMessages.kind = SettingKind::Boolean;
    logMessages.defaultValue = true;
    logMessages.flagValue = false;
    logMessages.label =
        QT_TRANSLATE_NOOP("chorus::ServerSettings", "Log every message received and sent");
    logMessages.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Do not log every message received and sent (and every control message).");

    SettingSpec& idleTimeout = row(ServerSetting::IdleTimeout);
    idleTimeout.key = "engine/idleTimeoutS";
    idleTimeout.option = "idle-timeout";
    idleTimeout.defaultValue = qint64(0);
    idleTimeout.minimum = 0;
    idleTimeout.maximum = 7 * 24 * 3600;
    idleTimeout.unit = QT_TRANSLATE_NOOP("chorus::ServerSettings", "s");
    idleTimeout.valueName = "S";
    idleTimeout.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Idle timeout");
    idleTimeout.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Close a peer that sends nothing for S seconds (a Chorus peer is told why in a bye, a "
        "text peer in an \"error: …\" line). 0: never. Default: 0.");

    SettingSpec& frameTimeout = row(ServerSetting::FrameTimeout);
    frameTimeout.key = "engine/frameTimeoutS";
    frameTimeout.option = "frame-timeout";
    frameTimeout.defaultValue = qint64(0);
    frameTimeout.minimum = 0;
    frameTimeout.maximum = 24 * 3600;
    frameTimeout.unit = QT_TRANSLATE_NOOP("chorus::ServerSettings", "s");
    frameTimeout.valueName = "S";
    frameTimeout.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Message timeout");
    frameTimeout.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Close a peer whose started message is not complete within S seconds (bytes trickling "
        "in without a terminator: slowloris). 0: no limit. Default: 0.");

    // Vehicles (issue 13, docs/PROTOCOL.md §2.8).
    SettingSpec& heartbeatTimeout = row(ServerSetting::HeartbeatTimeout);
    heartbeatTimeout.key = "vehicles/heartbeatTimeoutMs";
    heartbeatTimeout.option = "heartbeat-timeout";
    heartbeatTimeout.defaultValue = qint64(VehicleOptions{}.heartbeatTimeout.count());
    heartbeatTimeout.minimum = 0;
    heartbeatTimeout.maximum = 3600 * 1000;
    heartbeatTimeout.unit = QT_TRANSLATE_NOOP("chorus::ServerSettings", "ms");
    heartbeatTimeout.valueName = "MS";
    heartbeatTimeout.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Heartbeat timeout");
    heartbeatTimeout.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Mark a peer stale when it has sent heartbeats and then none for MS milliseconds. "
        "0: never. Default: 5000.");

    SettingSpec& anyMessage = row(ServerSetting::HeartbeatAnyMessage);
    anyMessage.key = "vehicles/anyMessageCounts";
    anyMessage.option = "heartbeat-any-message";
    anyMessage.kind = SettingKind::Boolean;
    anyMessage.defaultValue = false;
    anyMessage.flagValue = true;
    anyMessage.label =
        QT_TRANSLATE_NOOP("chorus::ServerSettings", "Any message counts as a heartbeat");
    anyMessage.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Any message from a peer counts as a heartbeat for the stale mark (peers that send no "
        "heartbeats of their own).");

    SettingSpec& keyValue = row(ServerSetting::KeyValueTelemetry);
    keyValue.key = "vehicles/keyValueTelemetry";
    keyValue.option = "key-value-telemetry";
    keyValue.kind = SettingKind::Boolean;
    keyValue.defaultValue = false;
    keyValue.flagValue = true;
    keyValue.label = QT_TRANSLATE_NOOP("chorus::ServerSettings",
                                       "Read key=value pairs of text peers as telemetry");
    keyValue.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Text peers' key=value pairs (alt=12.5m bat=87%) are telemetry, shown in the Telemetry "
        "panel.");

    SettingSpec& rateMessages = row(ServerSetting::RateMessages);
    rateMessages.key = "engine/rateMessages";
    rateMessages.option = "rate-limit-messages";
    rateMessages.defaultValue = qint64(0);
    rateMessages.minimum = 0;
    rateMessages.maximum = 10000000;
    rateMessages.unit = QT_TRANSLATE_NOOP("chorus::ServerSettings", "messages/s");
    rateMessages.valueName = "N";
    rateMessages.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Rate limit per peer");
    rateMessages.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Handle at most N messages a second from each peer; the rest waits, unread, in the "
        "network buffers (nothing is dropped) and the peer's row says \"limited\". 0: no "
        "limit. Default: 0.");

    SettingSpec& rateBytes = row(ServerSetting::RateBytes);
    rateBytes.key = "engine/rateBytes";
    rateBytes.option = "rate-limit-bytes";
    rateBytes.defaultValue = qint64(0);
    rateBytes.minimum = 0;
    rateBytes.maximum = 1024 * kMiB;
    rateBytes.unit = QT_TRANSLATE_NOOP("chorus::ServerSettings", "bytes/s");
    rateBytes.valueName = "N";
    rateBytes.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Byte rate limit per peer");
    rateBytes.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Read at most N bytes a second from each peer; the rest waits, unread. 0: no limit. "
        "Default: 0.");

    SettingSpec& rateBurst = row(ServerSetting::RateBurst);
    rateBurst.key = "engine/rateBurstMs";
    rateBurst.option = "rate-burst";
    rateBurst.defaultValue = qint64(RateLimit{}.burst.count());
    rateBurst.minimum = 1;
    rateBurst.maximum = 60000;
    rateBurst.unit = QT_TRANSLATE_NOOP("chorus::ServerSettings", "ms");
    rateBurst.valueName = "MS";
    rateBurst.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Rate limit burst");
    rateBurst.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "A peer that was quiet may send this many milliseconds' worth of the rate limits at "
        "once. Default: 1000.");

    SettingSpec& logFile = row(ServerSetting::LogFile);
    logFile.key = "log/file";
    logFile.option = "log-file";
    logFile.kind = SettingKind::Text;
    logFile.minimum = 1;
    logFile.defaultValue = QString();
    logFile.valueName = "FILE";
    logFile.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Log file");
    logFile.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Also append every log line to FILE. A write error (a full disk) stops file logging and "
        "says so; the server goes on.");

    SettingSpec& allow = row(ServerSetting::Allow);
    allow.key = "access/allow";
    allow.option = "allow";
    allow.kind = SettingKind::TextList;
    allow.defaultValue = QStringList();
    allow.valueName = "RULE";
    allow.acceptsEntry = isAccessRuleText;
    allow.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Allowlist");
    allow.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Only these addresses or CIDR ranges may connect (192.168.1.5, 10.0.0.0/8, "
        "2001:db8::/32; IPv4-mapped IPv6 peers match as IPv4); empty: everyone. Others are "
        "closed at once and logged.");

    SettingSpec& deny = row(ServerSetting::Deny);
    deny.key = "access/deny";
    deny.option = "deny";
    deny.kind = SettingKind::TextList;
    deny.defaultValue = QStringList();
    deny.valueName = "RULE";
    deny.acceptsEntry = isAccessRuleText;
    deny.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Denylist");
    deny.help = QT_TRANSLATE_NOOP("chorus::ServerSettings",
                                  "These addresses or CIDR ranges are closed at once and "
                                  "logged with the rule, even when the allowlist names them.");

    SettingSpec& token = row(ServerSetting::AccessToken);
    token.key = "access/token";
    token.option = "access-token";
    token.kind = SettingKind::Secret;
    token.defaultValue = QString();
    token.valueName = "TEXT";
    token.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Access token");
    token.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Chorus clients must send this token in their hello or are closed; never logged. "
        "Empty: no token.");

    SettingSpec& plainNeedsAllowlist = row(ServerSetting::PlainNeedsAllowlist);
    plainNeedsAllowlist.key = "access/plainPeersNeedAllowlist";
    plainNeedsAllowlist.option = "plain-anywhere";
    plainNeedsAllowlist.kind = SettingKind::Boolean;
    plainNeedsAllowlist.defaultValue = true;
    plainNeedsAllowlist.flagValue = false;
    plainNeedsAllowlist.label = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings", "With a token, plain peers must be on the allowlist");
    plainNeedsAllowlist.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "With an access token set, let plain peers (nc, devices: they cannot send a token) "
        "talk from any admitted address; by default they must be on the allowlist.");

    SettingSpec& tlsCertificate = row(ServerSetting::TlsCertificate);
    tlsCertificate.key = "tls/certificate";
    tlsCertificate.option = "tls-cert";
    tlsCertificate.kind = SettingKind::Text;
    tlsCertificate.defaultValue = QString();
    tlsCertificate.valueName = "FILE";
    tlsCertificate.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "TLS certificate");
    tlsCertificate.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "PEM certificate file; with --tls-key the server also listens with TLS on --tls-port.");

    SettingSpec& tlsKey = row(ServerSetting::TlsKey);
    tlsKey.key = "tls/key";
    tlsKey.option = "tls-key";
    tlsKey.kind = SettingKind::Text;
    tlsKey.defaultValue = QString();
    tlsKey.valueName = "FILE";
    tlsKey.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "TLS private key");
    tlsKey.help = QT_TRANSLATE_NOOP("chorus::ServerSettings",
                                    "PEM private key file (not encrypted) of --tls-cert.");

    SettingSpec& tlsPort = row(ServerSetting::TlsPort);
    tlsPort.key = "tls/port";
    tlsPort.option = "tls-port";
    tlsPort.defaultValue = qint64(kDefaultTlsPort);
    tlsPort.minimum = 0;
    tlsPort.maximum = 65535;
    tlsPort.valueName = "N";
    tlsPort.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "TLS port");
    tlsPort.help = QT_TRANSLATE_NOOP("chorus::ServerSettings",
                                     "TCP port of the TLS listener, beside the plain port; 0 "
                                     "picks a free port.");

    SettingSpec& fallback = row(ServerSetting::Fallback);
    fallback.key = "rules/fallbackToBook";
    fallback.option = "no-fallback";
    fallback.kind = SettingKind::Boolean;
    fallback.defaultValue = true;
    fallback.flagValue = false;
    fallback.label =
        QT_TRANSLATE_NOOP("chorus::ServerSettings", "Unmatched messages get a reply-book reply");
    fallback.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Messages no reply rule matches get no reply, instead of one from the reply book.");

    SettingSpec& udp = row(ServerSetting::Udp);
    udp.key = "udp/enabled";
    udp.option = "udp";
    udp.kind = SettingKind::Boolean;
    udp.defaultValue = false;
    udp.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Also receive UDP datagrams");
    udp.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Also answer UDP datagrams on the same addresses: each datagram is one message, "
        "answered to its sender in one datagram; UDP peers are rows of the table "
        "(docs/PROTOCOL.md §5).");

    SettingSpec& udpPort = row(ServerSetting::UdpPort);
    udpPort.key = "udp/port";
    udpPort.option = "udp-port";
    udpPort.defaultValue = qint64(0);
    udpPort.minimum = 0;
    udpPort.maximum = 65535;
    udpPort.valueName = "N";
    udpPort.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "UDP port");
    udpPort.help = QT_TRANSLATE_NOOP("chorus::ServerSettings",
                                     "UDP port; 0 (the default): the same number as the TCP "
                                     "port, once bound.");

    SettingSpec& udpIdle = row(ServerSetting::UdpIdle);
    udpIdle.key = "udp/idleSeconds";
    udpIdle.option = "udp-idle";
    udpIdle.defaultValue = qint64(60);
    udpIdle.minimum = 1;
    udpIdle.maximum = 86400;
    udpIdle.unit = QT_TRANSLATE_NOOP("chorus::ServerSettings", "s");
    udpIdle.valueName = "S";
    udpIdle.label = QT_TRANSLATE_NOOP("chorus::ServerSettings", "UDP peer idle time");
    udpIdle.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "A UDP peer without a datagram for this long leaves the table (logged as expired).");

    SettingSpec& replies = row(ServerSetting::Replies);
    replies.option = "replies";
    replies.kind = SettingKind::Text;
    replies.minimum = 1;
    replies.defaultValue = QString();
    replies.valueName = "FILE";
    replies.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Reply book to answer from: .json (as the window saves it) or plain text, one reply per "
        "line, at most 256 MiB. Only read, never changed: the window saves edits to its own "
        "book. A file that cannot be used stops --headless with exit code 2. Default: the "
        "window's saved book.");

    SettingSpec& pick = row(ServerSetting::Pick);
    pick.option = "pick";
    pick.kind = SettingKind::Choice;
    pick.choices = {QStringLiteral("random"), QStringLiteral("shuffle"),
                    QStringLiteral("sequential")};
    pick.valueName = "MODE";
    pick.help = QT_TRANSLATE_NOOP("chorus::ServerSettings",
                                  "How replies are picked, instead of the mode saved in the book "
                                  "(the window saves the book with it).");

    SettingSpec& headless = row(ServerSetting::Headless);
    headless.option = "headless";
    headless.kind = SettingKind::Boolean;
    headless.defaultValue = false;
    headless.help = QT_TRANSLATE_NOOP("chorus::ServerSettings",
                                      "Run without a window; log to stdout. Reads the reply book, "
                                      "never writes it.");

    SettingSpec& start = row(ServerSetting::Start);
    start.option = "start";
    start.kind = SettingKind::Boolean;
    start.defaultValue = false;
    start.help = QT_TRANSLATE_NOOP("chorus::ServerSettings", "Window: start listening at once.");

    SettingSpec& lagReport = row(ServerSetting::LagReport);
    lagReport.option = "lag-report";
    lagReport.kind = SettingKind::Text;
    lagReport.minimum = 1;
    lagReport.defaultValue = QString();
    lagReport.valueName = "FILE";
    lagReport.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Window: measure the GUI event-loop lag and write {samples,p50_ms,p99_ms,max_ms} as "
        "JSON to FILE on exit.");

    SettingSpec& view = row(ServerSetting::View);
    view.option = "view";
    view.kind = SettingKind::Choice;
    view.choices = {QStringLiteral("text"), QStringLiteral("hex"), QStringLiteral("mixed")};
    view.valueName = "VIEW";
    view.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "How messages are shown: text (UTF-8, other bytes as escapes such as \\x01 \\r), hex "
        "(01 02 FF) or mixed (a hex dump under the line). --headless: on stdout; the window: "
        "for this run (View menu).");
    SettingSpec& rules = row(ServerSetting::Rules);
    rules.option = "rules";
    rules.kind = SettingKind::Text;
    rules.minimum = 1;
    rules.defaultValue = QString();
    rules.valueName = "FILE";
    rules.help = QT_TRANSLATE_NOOP(
        "chorus::ServerSettings",
        "Reply rules checked before the reply book, top to bottom, the first match answering "
        "(docs/RULES.md): JSON as the window saves it, or a plain request;reply list, one exact "
        "rule per line (detected from the content). Only read, never changed: the window saves "
        "edits to its own rules. A file that cannot be used stops --headless with exit code 2. "
        "Default: the window's saved rules (the window), none (--headless).");
    addSessionLogRows(rows);
    return rows;
}

bool isSaved(int id)
{
    return ServerSettings::table().row(id).key[0] != '\0';
}

} // namespace

const SettingsTable& ServerSettings::table()
{
    static const SettingsTable table("chorus::ServerSettings", rows());
    return table;
}

QString ServerSettings::defaultPath()
{
    return SettingsFile::defaultPath(QStringLiteral("Chorus"), QStringLiteral("chorus-server"));
}

QList<int> ServerSettings::engineSettingIds()
{
    return {settingId(ServerSetting::IdleGap),
            settingId(ServerSetting::MaxMessage),
            settingId(ServerSetting::HighWater),
            settingId(ServerSetting::IoThreads),
            settingId(ServerSetting::MaxConnections),
            settingId(ServerSetting::LogMessages),
            settingId(ServerSetting::IdleTimeout),
            settingId(ServerSetting::FrameTimeout),
            settingId(ServerSetting::RateMessages),
            settingId(ServerSetting::RateBytes),
            settingId(ServerSetting::RateBurst),
            settingId(ServerSetting::UdpPort),
            settingId(ServerSetting::UdpIdle),
            settingId(ServerSetting::HeartbeatTimeout),
            settingId(ServerSetting::HeartbeatAnyMessage),
            settingId(ServerSetting::KeyValueTelemetry),
            settingId(ServerSetting::SessionLog),
            settingId(ServerSetting::SessionLogFileMiB),
            settingId(ServerSetting::SessionLogFiles)};
}

QList<int> ServerSettings::accessSettingIds()
{
    return {settingId(ServerSetting::Allow),          settingId(ServerSetting::Deny),
            settingId(ServerSetting::AccessToken),    settingId(ServerSetting::PlainNeedsAllowlist),
            settingId(ServerSetting::TlsCertificate), settingId(ServerSetting::TlsKey),
            settingId(ServerSetting::TlsPort)};
}

ServerConfig ServerSettings::engineConfig(const SettingValues& values)
{
    const SettingsTable& t = table();
    auto get = [&](ServerSetting setting) {
        const int id = settingId(setting);
        return values.has(id) ? values.get(id) : t.row(id).defaultValue;
    };
    ServerConfig config;
    config.address = ListenAddress::fromText(get(ServerSetting::Listen).toString())
                         .value_or(ListenAddress::allInterfaces());
    config.port = quint16(get(ServerSetting::Port).toLongLong());
    config.framing = framingOf(get(ServerSetting::Framing)).value_or(FrameSpec(Framing::Auto));
    config.limits.idleGap = std::chrono::milliseconds(get(ServerSetting::IdleGap).toLongLong());
    config.limits.maxMessageBytes = qsizetype(get(ServerSetting::MaxMessage).toLongLong());
    config.limits.highWaterBytes = get(ServerSetting::HighWater).toLongLong();
    config.ioThreads = int(get(ServerSetting::IoThreads).toLongLong());
    config.maxConnections = int(get(ServerSetting::MaxConnections).toLongLong());
    config.logMessages = get(ServerSetting::LogMessages).toBool();
    config.access = AccessPolicy::fromTexts(get(ServerSetting::Allow).toStringList(),
                                            get(ServerSetting::Deny).toStringList());
    config.access.token = get(ServerSetting::AccessToken).toString();
    config.access.plainPeersNeedAllowlist = get(ServerSetting::PlainNeedsAllowlist).toBool();
    config.tls.certificatePath = get(ServerSetting::TlsCertificate).toString();
    config.tls.keyPath = get(ServerSetting::TlsKey).toString();
    config.tls.port = quint16(get(ServerSetting::TlsPort).toLongLong());
    config.limits.idleTimeout = std::chrono::seconds(get(ServerSetting::IdleTimeout).toLongLong());
    config.limits.frameTimeout =
        std::chrono::seconds(get(ServerSetting::FrameTimeout).toLongLong());
    config.limits.rateLimit.messagesPerSecond =
        double(get(ServerSetting::RateMessages).toLongLong());
    config.limits.rateLimit.bytesPerSecond = double(get(ServerSetting::RateBytes).toLongLong());
    config.limits.rateLimit.burst =
        std::chrono::milliseconds(get(ServerSetting::RateBurst).toLongLong());
    config.udp = get(ServerSetting::Udp).toBool();
    const qint64 udpPort = get(ServerSetting::UdpPort).toLongLong();
    config.udpPort = udpPort == 0 ? -1 : int(udpPort);
    config.udpIdle = std::chrono::seconds(get(ServerSetting::UdpIdle).toLongLong());
    config.vehicle.heartbeatTimeout =
        std::chrono::milliseconds(get(ServerSetting::HeartbeatTimeout).toLongLong());
    config.vehicle.anyMessageCounts = get(ServerSetting::HeartbeatAnyMessage).toBool();
    config.vehicle.keyValueTelemetry = get(ServerSetting::KeyValueTelemetry).toBool();
    applySessionLogSettings(values, &config);
    return config;
}

std::optional<FrameSpec> ServerSettings::framingOf(const QVariant& value, FrameSpecError* error)
{
    return parseFrameSpec(value.toString(), error);
}

ServerSettings::ServerSettings(const QString& path)
    : m_file(path), m_saved(table().size()), m_overrides(table().size())
{}

FileResult ServerSettings::load()
{
    const FileResult result = m_file.load();
    // Older versions kept the pick mode here as well as in the book; the book's is the one.
    m_file.remove(QStringLiteral("replies/pickMode"));
    m_problems.clear();
    m_saved = table().load(m_file, &m_problems);
    // The table checks that an address is text; whether it is an address is ours to say.
    const int listen = settingId(ServerSetting::Listen);
    if (m_saved.has(listen) && !ListenAddress::fromText(m_saved.get(listen).toString())) {
        m_problems.append(
            SettingProblem{listen, SettingProblemKind::WrongType, m_saved.get(listen).toString()});
        m_saved.clear(listen);
    }
    // And whether a framing is one (a newer version's spelling, a hand edit).
    const int framing = settingId(ServerSetting::Framing);
    if (m_saved.has(framing) && !framingOf(m_saved.get(framing))) {
        m_problems.append(SettingProblem{framing, SettingProblemKind::WrongType,
                                         m_saved.get(framing).toString()});
        m_saved.clear(framing);
    }
    return result;
}

FileResult ServerSettings::save()
{
    return m_file.save();
}

QVariant ServerSettings::value(ServerSetting setting) const
{
    const int id = settingId(setting);
    if (m_overrides.has(id))
        return m_overrides.get(id);
    if (m_saved.has(id))
        return m_saved.get(id);
    return table().row(id).defaultValue;
}

SettingValues ServerSettings::values() const
{
    SettingValues out(table().size());
    for (int id = 0; id < table().size(); ++id)
        out.set(id, value(ServerSetting(id)));
    return out;
}

void ServerSettings::setValue(ServerSetting setting, const QVariant& value)
{
    const int id = settingId(setting);
    m_overrides.clear(id);
    if (!isSaved(id))
        return;
    const QString key = QLatin1String(table().row(id).key);
    const SettingKind kind = table().row(id).kind;
    const bool empty = kind == SettingKind::TextList
                           ? value.toStringList().isEmpty() && value.toString().trimmed().isEmpty()
                           : (kind == SettingKind::Text || kind == SettingKind::Secret) &&
                                 value.toString().isEmpty();
    if (empty) {
        m_saved.clear(id);
        m_file.remove(key);
        return;
    }
    const std::optional<QVariant> checked = table().check(id, value);
    if (!checked)
        return; // the editors keep to the table's range; nothing else reaches here
    m_saved.set(id, *checked);
    m_file.setValue(key, *checked);
}

} // namespace chorus
