#pragma once

// chorus-server's settings, one home for each: ServerSetting names them, the
// table gives each its settings key, command-line option, range, default,
// unit and help, and ServerSettings holds the values of one run:
//   saved     what ~/.config/Chorus/chorus-server.conf holds (SettingsFile:
//             written verified, the old file kept on any failure);
//   overrides what the command line gave, for this run only;
//   value()   the override, else the saved value, else the default.
// The command line (ServerCommandLine), the settings dialog, the listen bar and
// the saved file all read the same table. Rows without a key are options of
// the command line only (never saved). The reply book's pick mode is not a
// setting: it is saved in the book (ReplyBookFile.h); --pick sets it.

#include "base/SettingsFile.h"
#include "base/SettingsTable.h"
#include "server/ServerTypes.h"

namespace chorus {

enum class ServerSetting {
    Listen,         // listen/address      --listen ADDR   any, localhost or an IP
    Port,           // listen/port         --port N
    Framing,        // listen/framing      --framing SPEC  (FrameSpec's spelling)
    IdleGap,        // engine/idleGapMs    --idle-gap MS
    MaxMessage,     // engine/maxMessageBytes --max-message BYTES
    HighWater,      // engine/highWaterBytes  --high-water BYTES
    IoThreads,      // engine/ioThreads    --io-threads N
    MaxConnections, // engine/maxConnections --max-connections N
    LogMessages,    // engine/logMessages  --no-log-messages
    IdleTimeout,    // engine/idleTimeoutS  --idle-timeout S (0: off)
    FrameTimeout,   // engine/frameTimeoutS --frame-timeout S (0: off)
    RateMessages,   // engine/rateMessages  --rate-limit-messages N (per peer, a second; 0: off)
    RateBytes,      // engine/rateBytes     --rate-limit-bytes N (per peer, a second; 0: off)
    RateBurst,      // engine/rateBurstMs   --rate-burst MS
    LogFile,        // log/file            --log-file FILE (the window resumes it)
    Allow,          // access/allow        --allow RULE (repeatable; addresses, CIDR ranges)
    Deny,           // access/deny         --deny RULE (repeatable)
    AccessToken,    // access/token        --access-token TEXT (Chorus clients send it in hello)
    PlainNeedsAllowlist, // access/plainPeersNeedAllowlist --plain-anywhere turns it off
    TlsCertificate,      // tls/certificate     --tls-cert FILE (PEM)
    TlsKey,              // tls/key             --tls-key FILE (PEM, unencrypted)
    TlsPort,             // tls/port            --tls-port N (TLS listens beside the plain port)
    Fallback,            // rules/fallbackToBook --no-fallback (docs/RULES.md)
    Udp,                 // udp/enabled         --udp
    UdpPort,             // udp/port            --udp-port N (0: the TCP port)
    UdpIdle,             // udp/idleSeconds     --udp-idle S

    // Vehicles (issue 13):
    HeartbeatTimeout,    // vehicles/heartbeatTimeoutMs --heartbeat-timeout MS (0: off)
    HeartbeatAnyMessage, // vehicles/anyMessageCounts   --heartbeat-any-message
    KeyValueTelemetry,   // vehicles/keyValueTelemetry  --key-value-telemetry
    // Session log (ServerSettingsSessionLog.cpp):
    SessionLog,        // sessionLog/folder  --session-log DIR
    SessionLogFileMiB, // sessionLog/fileMiB --session-log-file-size MIB
    SessionLogFiles,   // sessionLog/files   --session-log-files N

    // Command line only:
    Replies,            // --replies FILE
    Pick,               // --pick MODE
    Headless,           // --headless
    Start,              // --start
    LagReport,          // --lag-report FILE
    View,               // --view text|hex|mixed
    Rules,              // --rules FILE
    ExportTelemetryCsv, // --export-telemetry-csv LOG (with --output FILE)
    Output,             // --output FILE
    Count
};
constexpr int settingId(ServerSetting setting)
{
    return int(setting);
}

// ServerSettingsSessionLog.cpp: the session log's rows, and their part of the engine config.
void addSessionLogRows(QList<SettingSpec>& rows);
void applySessionLogSettings(const SettingValues& values, ServerConfig* config);

class ServerSettings
{
public:
    static const SettingsTable& table();
    // ~/.config/Chorus/chorus-server.conf (QSettings' file; test mode honoured).
    static QString defaultPath();
    // The engine configuration these values describe (rows without a value: defaults).
    static ServerConfig engineConfig(const SettingValues& values);
    // The framing a Framing value names; nullopt (and *error) when it names none.
    static std::optional<FrameSpec> framingOf(const QVariant& value,
                                              FrameSpecError* error = nullptr);
    // The ids of the engine limits the settings dialog edits.
    static QList<int> engineSettingIds();
    // The ids of the access and TLS settings (the dialog's second page).
    static QList<int> accessSettingIds();

    explicit ServerSettings(const QString& path = defaultPath());

    // Reads the file. Saved values that fail the table's checks are left out
    // (their default applies) and listed in problems().
    FileResult load();
    const QList<SettingProblem>& problems() const { return m_problems; }
    // Writes what changed; on failure the old file stays as it was.
    FileResult save();
    const QString& path() const { return m_file.path(); }

    void setOverrides(const SettingValues& overrides) { m_overrides = overrides; }
    const SettingValues& overrides() const { return m_overrides; }
    bool isOverridden(ServerSetting setting) const { return m_overrides.has(settingId(setting)); }

    QVariant value(ServerSetting setting) const;
    // Every value in force (override, saved or default).
    SettingValues values() const;
    ServerConfig engineConfig() const { return engineConfig(values()); }
    // The user chose this value (listen bar, dialog): saved, and it ends the
    // command line's override of that setting. An empty Text value is removed.
    void setValue(ServerSetting setting, const QVariant& value);

    // Window layout (window/geometry, splitters, …): kept in the same file, not in the table.
    QVariant windowValue(const QString& key) const { return m_file.value(key); }
    void setWindowValue(const QString& key, const QVariant& value) { m_file.setValue(key, value); }

private:
    SettingsFile m_file;
    SettingValues m_saved;
    SettingValues m_overrides;
    QList<SettingProblem> m_problems;
};

} // namespace chorus
