#pragma once

// What the server engine knows of the vehicles behind its connections
// (issue 13): every command and its state (CommandTracker), the latest
// telemetry and heartbeats (TelemetryStore), fed with the workers'
// VehicleEvents once per update interval. Lives in the engine's thread; its
// signals come at most once per batch, never once per message.

#include "command/CommandTracker.h"
#include "command/TelemetryStore.h"
#include "server/LogEntry.h"
#include "server/VehicleLink.h"

#include <QList>
#include <QObject>
#include <QSet>

namespace chorus {

struct FleetCounters
{
    quint64 commandsSent = 0; // one per peer and command (resends not counted)
    quint64 acks = 0;         // matched to their command
    quint64 unknownAcks = 0;  // for no command of that connection
    quint64 lateAcks = 0;     // for a command that had already ended
    quint64 telemetryMessages = 0;
    quint64 telemetryRefused = 0; // values refused: NaN/Inf, over a limit, bad key=value pairs
    quint64 statusMessages = 0;
    quint64 heartbeats = 0;
};

class Fleet : public QObject
{
    Q_OBJECT
public:
    explicit Fleet(QObject* parent = nullptr);

    CommandTracker& commands() { return m_tracker; }
    const CommandTracker& commands() const { return m_tracker; }
    const TelemetryStore& telemetry() const { return m_telemetry; }
    const FleetCounters& counters() const { return m_counters; }

    // One batch of events, in order; then connections that are gone (their
    // pending commands end as link lost, their telemetry is dropped). Log
    // lines for acks that match no command are appended to *log.
    void apply(const QList<VehicleEvent>& events, const QList<quint64>& removed,
               QList<LogEntry>* log);
    // Emits what changed since the last publish (the engine calls it per batch).
    void publish();

signals:
    void commandsChanged(const QList<chorus::CommandRecord>& records);
    void telemetryChanged(const QList<quint64>& connectionIds);
    // A tracked command's timeout passed with retries left: send it again.
    void resendDue(quint64 connectionId, quint64 seq, const chorus::CommandRequest& request);

private:
    CommandTracker m_tracker;
    TelemetryStore m_telemetry;
    FleetCounters m_counters;
    QSet<quint64> m_telemetryChanged;
};

} // namespace chorus
