#pragma once

// chorus-client's one home for its settings: ONE table (name in the file,
// command-line option, kind, range, default, unit, label, help) drives the
// command line (ClientCommandLine), the Settings dialog (SettingsForm) and the
// saved file (~/.config/Chorus/chorus-client.conf, written through
// SettingsFile: verified, never left empty or cut short by a full disk).
//
// Command-line values are a SettingValues with only the given options set;
// they override the saved values for one run and are not saved.

#include "base/SettingsFile.h"
#include "base/SettingsTable.h"
#include "client/ClientTypes.h"
#include "wire/ByteText.h"

#include <QByteArray>
#include <QStringList>

namespace chorus {

struct SimulationConfig;

// Entries the history holds in memory unless the user says otherwise.
inline constexpr int kDefaultHistoryLimit = 50000;

enum class ClientSetting {
    Host,
    Port,
    Connect, // command line only: connect as the window opens (never saved)
    Name,
    Protocol,
    Framing,
    Terminator,
    ConnectTimeout,
    MaxMessage,
    AutoReconnect,
    KeepHistory,
    HistoryLimit,    // entries the history holds in memory; older ones stay in the kept file
    View,            // how the history shows messages: text, hex, mixed
    SendMode,        // how the send box and --console read what is typed: text, hex (--input)
    Udp,             // transport/udp  --udp: each message one UDP datagram
    UdpReplyTimeout, // transport/udpReplyTimeoutMs  --udp-timeout MS
    UdpChannel,      // transport/udpChannel  --udp-channel: the Chorus session's UDP channel
    AccessToken,     // the server's shared access token, sent in the hello (masked in the dialog)
    UseTls,          // connect with TLS; the certificate is pinned per host:port
    Console,         // command line only: no window, lines from standard input (never saved)
    ReplyTimeout,    // --console: how long a line waits for its reply before the next goes
    // Simulate vehicle (SimulatedVehicle): the client answers commands and sends telemetry.
    Simulate,
    SimResult,        // the answer to a known command: accepted, denied, ...
    SimAckDelay,      // ms before the final ack
    SimProgressSteps, // in_progress acks before it
    SimTelemetry,     // ms between telemetry messages; 0: none
    SimHeartbeat,     // ms between heartbeats; 0: none
    SessionLog,       // folder of the session log (JSON lines); empty: none
    Replay,           // command line only: a session log whose sent messages go again (never saved)
    ReplaySpeed,      // the replay's speed factor (text, parseReplaySpeed); 0: as fast as possible
    Count
};
inline int settingId(ClientSetting setting)
{
    return int(setting);
}

// A message as it was typed in the send box, for Up/Down recall.
struct RecalledMessage
{
    QString text;
    ByteInput input = ByteInput::Text;
    bool operator==(const RecalledMessage& other) const
    {
        return text == other.text && input == other.input;
    }
    bool operator!=(const RecalledMessage& other) const { return !(*this == other); }
};

class ClientSettings
{
public:
    static const SettingsTable& table();
    // ~/.config/Chorus/chorus-client.conf (QStandardPaths test mode honoured).
    static QString defaultPath();

    explicit ClientSettings(const QString& path = defaultPath());

    QString path() const { return m_file.path(); }
    // A missing file is not an error. Values the table refuses are left out
    // (their default applies) and listed in *problems.
    FileResult load(QList<SettingProblem>* problems = nullptr);
    // Writes what changed since load()/save(), merged with the file as it is now.
    FileResult save();
    bool hasUnsavedChanges() const { return m_file.hasUnsavedChanges(); }

    // The saved values (rows never saved are not set).
    const SettingValues& saved() const { return m_saved; }
    // Checked (check()); false (nothing changes) when refused.
    bool setValue(ClientSetting setting, const QVariant& value);
    // The table's check, and for Framing a spec parseFrameSpec() accepts,
    // returned in its canonical spelling (FrameSpec::toText()).
    static std::optional<QVariant> check(ClientSetting setting, const QVariant& value,
                                         SettingProblem* problem = nullptr);
    // Why a framing was refused, for the command line and the window.
    static QString describeFramingProblem(const QString& given);

    QStringList recentHosts() const;
    void setRecentHosts(const QStringList& hosts);
    // Entries saved before input modes existed are Text.
    QList<RecalledMessage> sendHistory() const;
    void setSendHistory(const QList<RecalledMessage>& messages);
    QByteArray geometry() const;
    void setGeometry(const QByteArray& geometry);
    // QMainWindow::saveState(): the chart dock's place and whether it shows.
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);

    // The known chorus-servers as the file holds them now (another window may
    // have learnt one), and a change to that list, saved at once.
    QStringList knownChorusServers() const;
    FileResult rememberChorusServer(const QString& key, bool known);

    // `saved` with `overrides` on top, every row set (defaults fill the rest).
    static SettingValues effective(const SettingValues& saved, const SettingValues& overrides);
    // The engine's configuration from effective values.
    static ClientConfig toConfig(const SettingValues& values, ClientConfig base = {});
    // Whether to simulate a vehicle, and how (the Simulate rows).
    static bool simulates(const SettingValues& values);
    static SimulationConfig simulationOf(const SettingValues& values);

    // Choice names of the enums the table stores.
    static Terminator terminatorFromChoice(const QString& choice);
    static QString terminatorChoice(Terminator terminator);
    static ByteView viewOf(const SettingValues& values);
    static ByteInput sendModeOf(const SettingValues& values);

private:
    SettingsFile m_file;
    SettingValues m_saved;
};

} // namespace chorus
