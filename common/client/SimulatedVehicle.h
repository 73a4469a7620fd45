#pragma once

// chorus-client --simulate: the client answers as a small vehicle would, so
// the command/telemetry flow can be shown and tested with Chorus alone
// (several clients with --simulate make a fleet). It rides on a ClientEngine:
//
//   Chorus mode  a `cmd` is answered with `ack`s (optional in_progress steps
//                with progress %, then the final result) after the chosen
//                delay; `telemetry` and `heartbeat` go at their intervals
//                (docs/PROTOCOL.md §2.8, wire/VehicleMessages.h).
//   text mode    a received line "NAME key=value ..." (NAME in upper case:
//                "TAKEOFF alt=10") is a command; the acks are lines
//                "OK NAME" (accepted), "IN_PROGRESS NAME 40%", "DENIED NAME",
//                "FAILED NAME", "UNSUPPORTED NAME", "TEMPORARILY_REJECTED NAME";
//                telemetry is "alt=12.50 bat=87.00 lat=37.566500 lon=126.978000"
//                (the key=value telemetry a server reads), heartbeats
//                "HEARTBEAT mode=GUIDED armed=1" (docs/PROTOCOL.md §2.9).
//
// What moves is VehicleSimulation's. Telemetry and heartbeats go only while
// connected (an old position is no use later); commands beyond
// kMaxPendingCommands are answered temporarily_rejected at once.

#include "client/VehicleSimulation.h"
#include "wire/ChorusProtocol.h"

#include <QElapsedTimer>
#include <QObject>

#include <chrono>
#include <optional>

class QTimer;

namespace chorus {

class ClientEngine;
struct ClientEvent;

inline constexpr std::chrono::milliseconds kDefaultSimAckDelay{300};
inline constexpr std::chrono::milliseconds kDefaultSimTelemetryInterval{1000};
inline constexpr std::chrono::milliseconds kDefaultSimHeartbeatInterval{1000};

struct SimulationConfig
{
    MavResult result = MavResult::Accepted; // the answer to a known command
    std::chrono::milliseconds ackDelay = kDefaultSimAckDelay;
    int progressSteps = 0; // in_progress acks before the final one
    std::chrono::milliseconds telemetryInterval = kDefaultSimTelemetryInterval; // 0: none
    std::chrono::milliseconds heartbeatInterval = kDefaultSimHeartbeatInterval; // 0: none
    quint32 seed = 1;
};

// A command as the vehicle read it (from a cmd, or a text line).
struct VehicleCommand
{
    bool fromCmd = false; // a Chorus cmd (answered with ack messages), else a text line
    bool overUdp = false; // the cmd came over the session's UDP channel: so go its acks
    quint64 seq = 0;      // the cmd's number
    QString name;
    QJsonObject args;
};

// A text line as a command: "TAKEOFF alt=10 mode=GUIDED"; nullopt when the
// line is not one (no upper-case name first, or a word without '=').
std::optional<VehicleCommand> parseTextCommand(QByteArrayView line);
// The text ack: "OK TAKEOFF", "IN_PROGRESS TAKEOFF 40%", "DENIED TAKEOFF", ...
QByteArray textAck(const QString& name, MavResult result, std::optional<int> progress = {});
QByteArray textTelemetry(const VehicleValues& values);
QByteArray textHeartbeat(const VehicleValues& values);

class SimulatedVehicle : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxPendingCommands = 1000;
    static constexpr int kMaxProgressSteps = 20;

    SimulatedVehicle(ClientEngine* engine, const SimulationConfig& config,
                     QObject* parent = nullptr);
    ~SimulatedVehicle() override;

    void setConfig(const SimulationConfig& config);
    const SimulationConfig& config() const { return m_config; }
    const VehicleSimulation& simulation() const { return m_simulation; }
    int pendingCommands() const { return m_pending; }

    struct Counts
    {
        quint64 commands = 0;
        quint64 acks = 0;
        quint64 telemetry = 0;
        quint64 heartbeats = 0;
        quint64 skipped = 0; // telemetry and heartbeats not sent: the link was down
    };
    const Counts& counts() const { return m_counts; }

signals:
    void commandReceived(const chorus::VehicleCommand& command);
    // Each ack sent (in_progress ones too).
    void acknowledged(const chorus::VehicleCommand& command, chorus::MavResult result,
                      std::optional<int> progress);

private:
    void onEvent(const ClientEvent& event);
    void onCommand(const ChorusMessage& command, bool overUdp);
    void take(const VehicleCommand& command);
    void sendAck(const VehicleCommand& command, MavResult result, std::optional<int> progress);
    void sendTelemetry();
    void sendHeartbeat();
    bool canSend() const;
    void catchUp();
    void applyTimers();

    ClientEngine* m_engine;
    SimulationConfig m_config;
    VehicleSimulation m_simulation;
    QTimer* m_telemetryTimer;
    QTimer* m_heartbeatTimer;
    QElapsedTimer m_clock;
    qint64 m_lastAdvanceMs = 0;
    int m_pending = 0;
    Counts m_counts;
};

} // namespace chorus
