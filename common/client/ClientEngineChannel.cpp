// ClientEngine, part 4: a Chorus session's UDP channel beside its TCP link
// (ClientConfig::udpChannel, PROTOCOL.md §5.4). Opened after a welcome that
// offers one, towards the address the TCP link is connected to; closed with
// the link. What comes over it is read like the link's Chorus lines, and its
// events say they came over UDP.

#include "client/ClientEngine.h"
#include "client/SessionUdpChannel.h"
#include "wire/ByteText.h"

#include <QTcpSocket>

namespace chorus {

UdpChannelState ClientEngine::udpChannelState() const
{
    return m_channel ? m_channel->state() : UdpChannelState::Off;
}

void ClientEngine::openUdpChannel(const ChorusNegotiation::Answer& welcome)
{
    if (!m_config.udpChannel || welcome.udpPort == 0 || welcome.token.isEmpty() || !m_socket)
        return;
    if (!m_channel) {
        m_channel = new SessionUdpChannel(this);
        connect(m_channel, &SessionUdpChannel::stateChanged, this,
                &ClientEngine::udpChannelChanged);
        connect(m_channel, &SessionUdpChannel::lineReceived, this, &ClientEngine::onUdpChannelLine);
    }
    m_channel->open(m_socket->peerAddress(), welcome.udpPort, welcome.token, m_config.helloTimeout,
                    m_clock.nsecsElapsed() / 1000);
}

void ClientEngine::closeUdpChannel()
{
    if (m_channel)
        m_channel->close();
}

void ClientEngine::onUdpChannelLine(const QByteArray& line)
{
    ChorusLineResult result = readChorusLine(line, m_pendingBySeq, m_clock.nsecsElapsed());
    if (result.blank)
        return;
    if (result.command) {
        // A cmd over the channel: the vehicle answers it the same way.
        ++m_stats.messagesReceived;
        emit commandReceived(*result.command, true);
        return;
    }
    result.event.overUdp = true;
    if (result.event.kind == ClientEvent::Kind::Received ||
        result.event.kind == ClientEvent::Kind::Direct ||
        result.event.kind == ClientEvent::Kind::Broadcast) {
        ++m_stats.messagesReceived;
        m_stats.bytesReceived += quint64(line.size());
        emit statsChanged();
    }
    // A bye never travels over UDP (PROTOCOL.md §5.4): the TCP link ends a session.
    emit eventOccurred(result.event);
}

SendResult ClientEngine::sendOverUdpChannel(const QByteArray& message)
{
    SendResult result;
    auto refuse = [&](ClientError error, qint64 count = 0, qint64 limit = 0) {
        result.status = SendStatus::Refused;
        result.error = error;
        result.count = count;
        result.limit = limit;
        emitError(ClientEvent::Kind::Refused, {error, {}, limit}, count);
        return result;
    };
    if (message.isEmpty())
        return refuse(ClientError::EmptyMessage);
    if (!m_channel || !m_channel->isUsable() || !m_chorusMode)
        return refuse(ClientError::NoUdpChannel);
    if (message.size() > m_config.maxMessageBytes)
        return refuse(ClientError::MessageTooLong, message.size(), m_config.maxMessageBytes);
    if (const qsizetype bad = firstInvalidUtf8(message); bad >= 0)
        return refuse(ClientError::NotUtf8ForChorus, bad);
    const quint64 id = m_nextId++;
    const qint64 bytes = m_channel->send(makeMsg(id, decodeUtf8(message)));
    if (bytes < 0)
        return refuse(ClientError::NoUdpChannel);
    m_pendingBySeq.insert(id, m_clock.nsecsElapsed());
    ++m_stats.messagesSent;
    m_stats.bytesSent += quint64(bytes);
    ClientEvent event;
    event.kind = ClientEvent::Kind::Sent;
    event.messageId = id;
    event.payload = message;
    event.bytes = qsizetype(bytes);
    event.overUdp = true;
    event.time = QDateTime::currentDateTime();
    emit eventOccurred(event);
    emit statsChanged();
    result.status = SendStatus::Sent;
    result.messageIds.append(id);
    return result;
}

} // namespace chorus
