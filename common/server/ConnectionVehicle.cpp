#include "server/Connection.h"

// What a Connection does for the vehicle messages of issue 13
// (docs/PROTOCOL.md §2.8): commands out, acks, telemetry, status texts and
// heartbeats in, the stale mark. Every event also goes to the engine as a
// VehicleEvent in the worker's batch (ConnectionLedger::vehicleEvents).

#include "wire/ByteText.h"
#include "wire/KeyValueTelemetry.h"
#include "wire/VehicleMessages.h"

#include <QAbstractSocket>

namespace chorus {

namespace {

LogLevel logLevelFor(StatusSeverity severity)
{
    if (int(severity) <= int(StatusSeverity::Error))
        return LogLevel::Error;
    if (severity == StatusSeverity::Warning)
        return LogLevel::Warning;
    return LogLevel::Info;
}

// Room for every retry plus a last reply in flight; the tracker decides the timeout.
std::chrono::steady_clock::duration replyWindow(const CommandRequest& request)
{
    return request.ackTimeout * (request.retries + 1) + std::chrono::milliseconds(500);
}

} // namespace

void Connection::pushVehicleEvent(VehicleEvent event)
{
    event.connectionId = id();
    if (m_ledger->sessionLogOn) {
        m_ledger->recordSession(SessionEvent::Kind::Vehicle, id(), m_peerLabel);
        m_ledger->sessionEvents.last().vehicle = std::make_shared<const VehicleEvent>(event);
    }
    m_ledger->vehicleEvents.append(std::move(event));
}

void Connection::sendCommand(quint64 seq, const CommandRequest& request, bool resend)
{
    const auto now = std::chrono::steady_clock::now();
    // Reported whether or not the bytes leave: a peer already closing ends
    // the command as link lost, never as sent-and-forgotten.
    VehicleEvent event;
    event.kind = VehicleEvent::Kind::CommandSent;
    event.at = now;
    event.seq = seq;
    event.resend = resend;
    event.peer = m_peerLabel;
    if (!resend)
        event.request = request;
    pushVehicleEvent(std::move(event));
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (request.channel == CommandChannel::Udp) {
        sendCommandOverUdp(seq, request, now);
        return;
    }
    if (m_snapshot.protocol == PeerProtocol::Chorus) {
        writeChorus(makeCmd(seq, request.name, request.args), Traffic::Control);
        return;
    }
    m_vehicle.awaitReply(seq, request.expectedReply, now + replyWindow(request));
    if (writeFramed(request.payload, Traffic::User))
        markChanged();
}

void Connection::handleVehicleMessage(const ChorusMessage& in)
{
    const auto now = std::chrono::steady_clock::now();
    VehicleEvent event;
    event.at = now;
    switch (in.type) {
    case ChorusMessageType::Ack:
        event.kind = VehicleEvent::Kind::Ack;
        event.seq = in.re;
        event.result = in.result;
        event.progress = in.progress;
        event.text = in.text;
        break;
    case ChorusMessageType::Telemetry:
        event.kind = VehicleEvent::Kind::Telemetry;
        event.values = in.values;
        event.units = in.units;
        break;
    case ChorusMessageType::Status: {
        event.kind = VehicleEvent::Kind::Status;
        event.severity = in.severity;
        event.text = in.text;
        // The text is the line's payload: every view shows it exactly.
        LogEntry entry = LogEntry::withPayload(
            logLevelFor(in.severity), LogKind::Control, id(),
            tr("status (%1)").arg(statusSeverityName(in.severity)), in.text.toUtf8());
        entry.severity = in.severity;
        emit logged(entry);
        break;
    }
    case ChorusMessageType::Heartbeat:
        event.kind = VehicleEvent::Kind::Heartbeat;
        event.state = in.state;
        event.mode = in.mode;
        event.armed = in.armed;
        m_vehicle.heard(now, true, m_vehicleOptions);
        break;
    default:
        return;
    }
    pushVehicleEvent(std::move(event));
}

bool Connection::handleTextVehicle(const FramedMessage& message)
{
    if (!m_vehicleOptions.anyMessageCounts && !m_vehicleOptions.keyValueTelemetry &&
        !m_vehicle.awaitsReplies())
        return false; // the usual text peer: nothing to do, not even a clock read
    const auto now = std::chrono::steady_clock::now();
    m_vehicle.heard(now, false, m_vehicleOptions);
    if (m_vehicleOptions.keyValueTelemetry) {
        KeyValueTelemetry parsed = parseKeyValueTelemetry(message.payload);
        if (!parsed.values.isEmpty() || parsed.refused > 0) {
            VehicleEvent event;
            event.kind = VehicleEvent::Kind::Telemetry;
            event.at = now;
            event.values = std::move(parsed.values);
            event.units = std::move(parsed.units);
            event.refused = parsed.refused;
            pushVehicleEvent(std::move(event));
        }
    }
    if (!m_vehicle.awaitsReplies())
        return false;
    const std::optional<quint64> seq = m_vehicle.matchReply(message.payload, now);
    if (!seq)
        return false;
    VehicleEvent event;
    event.kind = VehicleEvent::Kind::Ack;
    event.at = now;
    event.seq = *seq;
    event.result = MavResult::Accepted;
    // For the Commands pane only; the log keeps the reply's bytes.
    event.text = formatTextLine(message.payload, 200);
    pushVehicleEvent(std::move(event));
    return true;
}

void Connection::checkStale(std::chrono::steady_clock::time_point now)
{
    const std::optional<bool> stale = m_vehicle.checkStale(now, m_vehicleOptions);
    if (!stale)
        return;
    m_snapshot.stale = *stale;
    markChanged();
    if (*stale)
        log(LogLevel::Warning, LogKind::Notice,
            tr("stale: nothing heard for %1 s")
                .arg(m_vehicleOptions.heartbeatTimeout.count() / 1000.0));
    else
        log(LogLevel::Info, LogKind::Notice, tr("heard again: no longer stale"));
    VehicleEvent event;
    event.kind = VehicleEvent::Kind::StaleChanged;
    event.at = now;
    event.stale = *stale;
    pushVehicleEvent(std::move(event));
}

} // namespace chorus
