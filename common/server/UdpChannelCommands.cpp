// UdpChannel: commands to plain UDP peers (issue 13 item 1, PROTOCOL.md
// §2.8.7). A UDP peer's only path is UDP, so it gets the preset's payload as
// one datagram (ending with the line end of its last datagram, as replies
// do) whatever the preset's channel; its first datagram matching the
// preset's expected reply within the command's time is the ack, and is not
// answered from the reply book. Events go to the engine in worker 0's batch,
// as a TCP connection's do.

#include "server/ServerWorker.h"
#include "server/UdpChannel.h"
#include "wire/ByteText.h"

namespace chorus {

namespace {

// Room for every retry plus a last reply in flight; the tracker decides the timeout.
std::chrono::steady_clock::duration replyWindow(const CommandRequest& request)
{
    return request.ackTimeout * (request.retries + 1) + std::chrono::milliseconds(500);
}

} // namespace

void UdpChannel::sendCommand(const QList<quint64>& ids, const CommandRequest& request)
{
    const QList<quint64> targets = ids.isEmpty() ? m_peers.ids() : ids;
    for (quint64 id : targets) {
        if (m_peers.contains(id))
            sendCommandTo(id, m_shared->nextCommandSeq.fetch_add(1), request, false);
    }
}

void UdpChannel::resendCommand(quint64 id, quint64 seq, const CommandRequest& request)
{
    if (m_peers.contains(id))
        sendCommandTo(id, seq, request, true);
}

void UdpChannel::sendCommandTo(quint64 id, quint64 seq, const CommandRequest& request, bool resend)
{
    UdpPeer* peer = m_peers.byId(id);
    const auto now = std::chrono::steady_clock::now();
    VehicleEvent event;
    event.kind = VehicleEvent::Kind::CommandSent;
    event.connectionId = id;
    event.at = now;
    event.seq = seq;
    event.resend = resend;
    event.peer = peer->label;
    if (!resend)
        event.request = request;
    m_ledger->vehicleEvents.append(std::move(event));
    m_vehicles[id].awaitReply(seq, request.expectedReply, now + replyWindow(request));
    const QByteArray bytes = peer->terminator == Terminator::None
                                 ? request.payload
                                 : encodeMessage(QByteArrayView(request.payload), peer->terminator);
    if (writeTo(peer, bytes, true))
        logTraffic(LogKind::Sent, id, request.payload);
}

bool UdpChannel::takeCommandReply(const UdpPeer& peer, const QByteArray& message)
{
    const auto vehicle = m_vehicles.find(peer.snapshot.id);
    if (vehicle == m_vehicles.end() || !vehicle->awaitsReplies())
        return false;
    const auto now = std::chrono::steady_clock::now();
    const std::optional<quint64> seq = vehicle->matchReply(message, now);
    if (!vehicle->awaitsReplies())
        m_vehicles.erase(vehicle);
    if (!seq)
        return false;
    VehicleEvent event;
    event.kind = VehicleEvent::Kind::Ack;
    event.connectionId = peer.snapshot.id;
    event.at = now;
    event.seq = *seq;
    event.result = MavResult::Accepted;
    event.text = formatTextLine(message, 200); // for the Commands pane; the log keeps the bytes
    m_ledger->vehicleEvents.append(std::move(event));
    return true;
}

} // namespace chorus
