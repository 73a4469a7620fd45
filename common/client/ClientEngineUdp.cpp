// ClientEngine, part 3: the UDP transport. UdpClientLink does the datagrams,
// the reply timeouts and the probe figures; the engine keeps its API, its
// states and its events the same for both transports, so the window and
// scripts need not know which one runs. No reconnect: UDP has no link to
// lose; only a host that does not resolve ends a connect.

#include "client/ClientEngine.h"
#include "client/UdpClientLink.h"

namespace chorus {

qsizetype ClientEngine::awaitingReplies() const
{
    const qsizetype udp = (m_udp && usesUdp()) ? m_udp->awaitingReplies() : 0;
    return qsizetype(m_pendingReplies.size()) + m_pendingBySeq.size() + udp;
}

const UdpProbeStats* ClientEngine::udpProbe() const
{
    return (m_udp && usesUdp()) ? &m_udp->stats() : nullptr;
}

void ClientEngine::startUdp()
{
    dropSocket();
    if (!m_udp) {
        m_udp = new UdpClientLink(this);
        connect(m_udp, &UdpClientLink::opened, this, &ClientEngine::onUdpOpened);
        connect(m_udp, &UdpClientLink::eventOccurred, this, &ClientEngine::onUdpEvent);
        connect(m_udp, &UdpClientLink::statsChanged, this, &ClientEngine::statsChanged);
        connect(m_udp, &UdpClientLink::failed, this,
                [this](ClientError error, const QString& reason) {
                    m_udp->close();
                    m_lastError = error;
                    m_lastReason = reason;
                    emitError(ClientEvent::Kind::Error, {error, reason, 0});
                    setState(ClientState::Disconnected);
                });
    }
    setState(ClientState::Connecting);
    m_udp->setOutgoing(m_outgoing);
    m_udp->open(m_config);
}

void ClientEngine::onUdpOpened(const QString& peerLabel)
{
    m_everConnected = true;
    m_connectedSince = QDateTime::currentDateTime();
    m_peerLabel = peerLabel;
    setState(ClientState::Connected);
    ClientEvent event;
    event.kind = ClientEvent::Kind::Notice;
    event.notice = ClientNotice::Connected;
    event.endpoint = m_peerLabel;
    event.time = m_connectedSince;
    emit eventOccurred(event);
    if (m_queue.empty())
        return;
    emitNotice(ClientNotice::QueueSending, qint64(m_queue.size()));
    while (!m_queue.empty() && m_udp->send(m_queue.front().id, m_queue.front().payload))
        m_queue.pop_front();
}

void ClientEngine::onUdpEvent(const ClientEvent& event)
{
    if (event.kind == ClientEvent::Kind::Sent) {
        ++m_stats.messagesSent;
        m_stats.bytesSent += quint64(event.bytes);
    } else if (event.kind == ClientEvent::Kind::Received) {
        ++m_stats.messagesReceived;
        m_stats.bytesReceived += quint64(event.bytes);
    }
    emit eventOccurred(event);
}

SendResult ClientEngine::sendUdp(const QList<QByteArray>& messages)
{
    SendResult result;
    result.status = SendStatus::Sent;
    for (const QByteArray& message : messages) {
        const quint64 id = m_nextId++;
        m_udp->send(id, message);
        result.messageIds.append(id);
    }
    emit statsChanged();
    return result;
}

void ClientEngine::closeUdp()
{
    if (m_udp)
        m_udp->close();
}

} // namespace chorus
