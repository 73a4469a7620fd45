// ServerWorker: its UDP side (worker 0 only), beside the TCP listeners.

#include "server/ServerWorker.h"
#include "server/UdpChannel.h"

namespace chorus {

bool ServerWorker::openUdp(const QList<QHostAddress>& addresses, quint16 tcpPort,
                           ListenFailure* failure)
{
    // Kept from one start to the next: rows it removed at the last stop
    // may still be waiting for the next batch.
    if (!m_udp)
        m_udp = new UdpChannel(m_shared, &m_ledger, this);
    m_udp->configure(m_config);
    const quint16 port = m_config.udpPort < 0 ? tcpPort : quint16(m_config.udpPort);
    if (!m_udp->open(addresses, port, failure))
        return false;
    m_shared->udpPort.store(m_udp->port());
    m_shared->sessions.setPort(m_udp->port());
    return true;
}

void ServerWorker::closeUdp()
{
    if (!m_udp)
        return;
    // The peers' final rows go out with the next batch.
    m_udp->close(ConnectionError::ServerStopping, tr("server stopping"));
    m_shared->udpPort.store(0);
    m_shared->sessions.setPort(0);
}

void ServerWorker::sessionDatagram(quint64 id, const QByteArray& line)
{
    if (Connection* connection = m_connections.value(id))
        connection->handleSessionDatagram(line);
}

void ServerWorker::sendOverUdp(const QList<quint64>& ids, const QByteArray& bytes)
{
    for (quint64 id : ids) {
        if (Connection* connection = m_connections.value(id))
            connection->sendOverUdp(bytes);
    }
}

void ServerWorker::sendSessionDatagram(quint64 id, const QByteArray& bytes)
{
    if (m_udp)
        m_udp->sendToSession(id, bytes);
}

} // namespace chorus
