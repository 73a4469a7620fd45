#include "server/Fleet.h"

namespace chorus {

Fleet::Fleet(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<CommandRecord>();
    qRegisterMetaType<QList<CommandRecord>>();
    qRegisterMetaType<CommandRequest>();
    connect(&m_tracker, &CommandTracker::resendDue, this, [this](quint64 id, quint64 seq) {
        if (const std::optional<CommandRequest> request = m_tracker.request(id, seq))
            emit resendDue(id, seq, *request);
    });
}

void Fleet::apply(const QList<VehicleEvent>& events, const QList<quint64>& removed,
                  QList<LogEntry>* log)
{
    for (const VehicleEvent& event : events) {
        switch (event.kind) {
        case VehicleEvent::Kind::CommandSent: {
            if (event.resend) {
                m_tracker.resent(event.connectionId, event.seq, event.at);
                break;
            }
            CommandRecord record;
            record.connectionId = event.connectionId;
            record.seq = event.seq;
            record.peer = event.peer;
            record.name = event.request.name;
            record.args = event.request.args;
            record.channel = event.request.channel;
            // The wall clock of the send, from the worker's steady reading.
            record.sentAt = QDateTime::currentDateTime().addMSecs(
                -std::chrono::duration_cast<std::chrono::milliseconds>(
                     std::chrono::steady_clock::now() - event.at)
                     .count());
            m_tracker.track(record, event.request, event.at);
            ++m_counters.commandsSent;
            break;
        }
        case VehicleEvent::Kind::Ack: {
            const CommandTracker::AckMatch match = m_tracker.applyAck(
                event.connectionId, event.seq, event.result, event.progress, event.text, event.at);
            if (match == CommandTracker::AckMatch::Matched) {
                ++m_counters.acks;
                break;
            }
            const bool late = match == CommandTracker::AckMatch::AlreadyFinished;
            ++(late ? m_counters.lateAcks : m_counters.unknownAcks);
            if (log) {
                log->append(LogEntry::now(
                    LogLevel::Warning, LogKind::Control, event.connectionId,
                    late ? tr("ack for command %1, which had already ended: ignored").arg(event.seq)
                         : tr("ack for command %1, which this connection was never sent: ignored")
                               .arg(event.seq)));
            }
            break;
        }
        case VehicleEvent::Kind::Telemetry: {
            ++m_counters.telemetryMessages;
            const TelemetryStore::AddResult added =
                m_telemetry.add(event.connectionId, event.values, event.units, event.at);
            m_counters.telemetryRefused +=
                quint64(added.refusedNonFinite + added.refusedOverLimit + event.refused);
            m_telemetryChanged.insert(event.connectionId);
            break;
        }
        case VehicleEvent::Kind::Status:
            ++m_counters.statusMessages;
            break;
        case VehicleEvent::Kind::NoUdpPath:
            m_tracker.notSent(event.connectionId, event.seq, CommandState::NoUdpPath);
            break;
        case VehicleEvent::Kind::Heartbeat: {
            ++m_counters.heartbeats;
            VehicleHeartbeat heartbeat;
            heartbeat.last = event.at;
            heartbeat.state = event.state;
            heartbeat.mode = event.mode;
            heartbeat.armed = event.armed;
            m_telemetry.setHeartbeat(event.connectionId, heartbeat);
            m_telemetryChanged.insert(event.connectionId);
            break;
        }
        case VehicleEvent::Kind::StaleChanged:
            break; // the row's snapshot carries it
        }
    }
    for (quint64 id : removed) {
        m_tracker.linkLost(id);
        m_telemetry.remove(id);
    }
}

void Fleet::publish()
{
    QList<CommandRecord> changed = m_tracker.takeChanged();
    if (!changed.isEmpty())
        emit commandsChanged(changed);
    if (!m_telemetryChanged.isEmpty())
        emit telemetryChanged(std::exchange(m_telemetryChanged, {}).values());
}

} // namespace chorus
