// ClientEngine, part 2: the messages over an established link. What
// arrives is framed and delivered (plain messages matched to sent ones in
// order, Chorus lines by seq); what the user sends is framed (as bytes, see
// OutgoingMessages.h) and written, or queued.
// Part 1 (ClientEngine.cpp) is the link itself: connecting, the Chorus
// handshake and reconnecting.

#include "client/ClientEngine.h"
#include "client/SessionUdpChannel.h"

#include "wire/ByteText.h"
#include "wire/ChorusProtocol.h"

#include <QTcpSocket>
#include <QTimer>

namespace chorus {

namespace {
// Past this many unsent bytes the server is not reading: refuse rather than
// grow the buffer without bound.
constexpr qint64 kWriteHighWater = 4 * 1024 * 1024;
} // namespace

void ClientEngine::onReadyRead()
{
    if (!m_socket)
        return;
    const QByteArray chunk = m_socket->readAll();
    if (chunk.isEmpty())
        return;
    m_arrivalNs = m_clock.nsecsElapsed();
    m_stats.bytesReceived += quint64(chunk.size());
    const QList<FramedMessage> messages = m_decoder.feed(chunk);
    for (const FramedMessage& message : messages)
        deliver(message);
    if (m_decoder.framing() == Framing::Auto && m_decoder.pendingBytes() > 0)
        m_idleTimer->start(m_config.idleGap);
    else
        m_idleTimer->stop();
    if (!messages.isEmpty())
        emit statsChanged();
}

void ClientEngine::onIdleGap()
{
    if (auto message = m_decoder.flushAfterGap()) {
        deliver(*message);
        emit statsChanged();
    } else if (m_decoder.pendingBytes() > 0) {
        // Only part of a UTF-8 character so far: give it one more gap.
        m_idleTimer->start(m_config.idleGap);
    }
}

void ClientEngine::deliver(const FramedMessage& message)
{
    // After a refusal (access denied, TLS required) the server's bye and
    // anything else on that link are not messages for the user.
    if (m_linkRefused)
        return;
    if (!message.isMessage()) {
        reportFrameProblem(message);
        return;
    }
    const bool first = m_linkMessages++ == 0;
    if (first && !m_chorusMode && ChorusNegotiation::isServerFullLine(message.payload)) {
        // Not a message: the server refuses this connection and closes it.
        m_serverFullLine = formatText(message.payload);
        return;
    }
    if (first && !m_chorusMode && ChorusNegotiation::isTlsRequiredLine(message.payload)) {
        // Not a message: we spoke plain text to a TLS port; retrying would do the same.
        emitError(ClientEvent::Kind::Error,
                  {ClientError::TlsRequired, formatText(message.payload), 0});
        m_linkRefused = true;
        disconnectFromServer();
        return;
    }
    if (m_negotiating) {
        const ChorusNegotiation::Answer answer = ChorusNegotiation::readAnswer(message.payload);
        finishNegotiation(&answer);
    } else if (m_chorusMode) {
        deliverChorus(message);
    } else {
        deliverPlain(message);
    }
}

void ClientEngine::reportFrameProblem(const FramedMessage& message)
{
    ClientEvent event;
    event.kind = ClientEvent::Kind::Error;
    event.endpoint = endpointKey();
    event.time = QDateTime::currentDateTime();
    event.payload = message.payload;
    event.count = message.payload.size();
    switch (message.problem) {
    case FrameProblem::None:
        return;
    case FrameProblem::TooLong: {
        const qint64 frameLimit =
            m_decoder.spec().framing == Framing::LengthField ? m_decoder.spec().length.maxFrame : 0;
        event.error = ClientError::ReceivedTooLong;
        event.count = message.discardedBytes;
        event.limit = frameLimit > 0 ? frameLimit : qint64(m_config.maxMessageBytes);
        break;
    }
    case FrameProblem::BadLength:
        event.error = ClientError::ReceivedBadLength;
        break;
    case FrameProblem::OutsideEnvelope:
        event.error = ClientError::ReceivedOutsideEnvelope;
        break;
    case FrameProblem::Incomplete:
        event.error = ClientError::ReceivedIncomplete;
        break;
    }
    emit eventOccurred(event);
}

void ClientEngine::deliverChorus(const FramedMessage& message)
{
    ChorusLineResult result = readChorusLine(message.payload, m_pendingBySeq, m_arrivalNs);
    if (result.blank)
        return;
    if (result.bye)
        m_byeReceived = true; // the close that follows is on purpose: no reconnect
    if (result.answer)
        linkProven();
    if (result.command) {
        ++m_stats.messagesReceived;
        emit commandReceived(*result.command, false);
        return;
    }
    const ClientEvent::Kind kind = result.event.kind;
    if (kind == ClientEvent::Kind::Received || kind == ClientEvent::Kind::Broadcast ||
        kind == ClientEvent::Kind::Direct)
        ++m_stats.messagesReceived;
    result.event.endpoint = endpointKey();
    emit eventOccurred(result.event);
}

void ClientEngine::deliverPlain(const FramedMessage& message)
{
    ClientEvent event;
    event.kind = ClientEvent::Kind::Received;
    event.bytes = message.payload.size();
    event.time = QDateTime::currentDateTime();
    event.payload = message.payload;
    if (!m_pendingReplies.empty()) {
        // With no terminator (or Raw) the server cannot tell our messages
        // apart: those sent back to back reach it as one read and get one
        // answer. So a reply answers everything sent so far, timed from the
        // last of them. Otherwise replies come one per message, in order.
        if (!m_outgoing.separatesMessages()) {
            while (m_pendingReplies.size() > 1)
                m_pendingReplies.pop_front();
        }
        const PendingReply pending = m_pendingReplies.front();
        m_pendingReplies.pop_front();
        event.replyTo = pending.id;
        event.rttMs = double(m_arrivalNs - pending.sentNs) / 1e6;
        linkProven();
    }
    ++m_stats.messagesReceived;
    emit eventOccurred(event);
}

void ClientEngine::discardQueue()
{
    if (m_queue.empty())
        return;
    const auto count = qint64(m_queue.size());
    m_queue.clear();
    emitNotice(ClientNotice::QueueDiscarded, count);
}

bool ClientEngine::ping()
{
    if (!m_chorusMode || !m_socket) {
        emitError(ClientEvent::Kind::Refused, {ClientError::PingNeedsChorus, {}, 0});
        return false;
    }
    return writeLine(encodeChorusMessage(makePing(m_clock.nsecsElapsed() / 1000)));
}

void ClientEngine::rename(const QString& name)
{
    m_config.name = name;
    if (m_chorusMode && m_socket) {
        writeLine(encodeChorusMessage(makeName(name)));
        emitNotice(ClientNotice::Renamed, 0, name);
    }
}

bool ClientEngine::sendVehicleMessage(const ChorusMessage& message, bool overUdp)
{
    if (!m_chorusMode || !m_socket || m_state != ClientState::Connected)
        return false;
    if (overUdp) {
        if (!m_channel || !m_channel->isUsable() || m_channel->send(message) < 0)
            return false;
        ++m_stats.messagesSent;
        return true;
    }
    if (!writeLine(encodeChorusMessage(message)))
        return false;
    ++m_stats.messagesSent;
    return true;
}

bool ClientEngine::sendsChorus() const
{
    // Protocol Chorus queues for a Chorus connection; a hello in flight may become one.
    return m_chorusMode || m_negotiating || m_config.protocol == ClientProtocol::Chorus;
}

SendResult ClientEngine::send(const QList<QByteArray>& messages)
{
    SendResult result;
    QList<QByteArray> list = messages;
    list.removeIf([](const QByteArray& message) { return message.isEmpty(); });
    auto refuse = [&](ClientError error, qint64 count = 0, qint64 limit = 0) {
        result.status = SendStatus::Refused;
        result.error = error;
        result.count = count;
        result.limit = limit;
        emitError(ClientEvent::Kind::Refused, {error, {}, limit}, count);
        return result;
    };
    if (list.isEmpty())
        return refuse(ClientError::EmptyMessage);
    const bool chorus = sendsChorus();
    for (const QByteArray& message : std::as_const(list)) {
        if (message.size() > m_config.maxMessageBytes)
            return refuse(ClientError::MessageTooLong, message.size(), m_config.maxMessageBytes);
        if (chorus) {
            // JSON text: other bytes would be changed on the way, so they are not sent.
            if (const qsizetype bad = firstInvalidUtf8(message); bad >= 0)
                return refuse(ClientError::NotUtf8ForChorus, bad);
        } else if (!m_outgoing.fits(message.size())) {
            return refuse(ClientError::DoesNotFitFraming, message.size(), m_outgoing.capacity());
        }
    }
    if (m_state == ClientState::Connected && usesUdp() && m_udp)
        return sendUdp(list);
    if (m_state == ClientState::Connected && m_socket && !m_negotiating) {
        if (m_socket->bytesToWrite() > kWriteHighWater)
            return refuse(ClientError::WriteBacklog, m_socket->bytesToWrite(), kWriteHighWater);
        for (const QByteArray& message : std::as_const(list)) {
            const quint64 id = m_nextId++;
            writeMessage(id, message);
            result.messageIds.append(id);
        }
        result.status = SendStatus::Sent;
        emit statsChanged();
        return result;
    }
    if (qsizetype(m_queue.size() + list.size()) > m_config.maxQueuedMessages)
        return refuse(ClientError::QueueFull, qint64(m_queue.size()), m_config.maxQueuedMessages);
    for (const QByteArray& message : std::as_const(list)) {
        const quint64 id = m_nextId++;
        m_queue.push_back({id, message});
        result.messageIds.append(id);
        ClientEvent event;
        event.kind = ClientEvent::Kind::Queued;
        event.messageId = id;
        event.payload = message;
        event.time = QDateTime::currentDateTime();
        emit eventOccurred(event);
    }
    result.status = SendStatus::Queued;
    return result;
}

bool ClientEngine::writeLine(const QByteArray& line)
{
    if (!m_socket || m_socket->write(line) != line.size())
        return false;
    m_stats.bytesSent += quint64(line.size());
    return true;
}

bool ClientEngine::writeMessage(quint64 id, const QByteArray& payload)
{
    // A queued message meets the connection's protocol and framing only now.
    auto drop = [&](ClientError error, qint64 count, qint64 limit) {
        ClientEvent event;
        event.kind = ClientEvent::Kind::Error;
        event.error = error;
        event.messageId = id;
        event.count = count;
        event.limit = limit;
        event.endpoint = endpointKey();
        event.time = QDateTime::currentDateTime();
        emit eventOccurred(event);
        return true;
    };
    std::optional<QByteArray> wire;
    if (m_chorusMode) {
        if (const qsizetype bad = firstInvalidUtf8(payload); bad >= 0)
            return drop(ClientError::NotUtf8ForChorus, bad, 0);
        wire = encodeChorusMessage(makeMsg(id, decodeUtf8(payload))); // keeps a leading U+FEFF
    } else {
        wire = m_outgoing.frame(payload);
        if (!wire)
            return drop(ClientError::DoesNotFitFraming, payload.size(), m_outgoing.capacity());
    }
    if (m_socket->write(*wire) != wire->size())
        return false; // errorOccurred() reports why
    if (m_chorusMode)
        m_pendingBySeq.insert(id, m_clock.nsecsElapsed());
    else
        m_pendingReplies.push_back({id, m_clock.nsecsElapsed()});
    ++m_stats.messagesSent;
    m_stats.bytesSent += quint64(wire->size());
    ClientEvent event;
    event.kind = ClientEvent::Kind::Sent;
    event.messageId = id;
    event.payload = payload;
    event.bytes = wire->size();
    event.time = QDateTime::currentDateTime();
    emit eventOccurred(event);
    if (!m_chorusMode && m_outgoing.differsFromFixedSize(payload.size())) {
        ClientEvent warning = event;
        warning.kind = ClientEvent::Kind::Notice;
        warning.notice = ClientNotice::FixedSizeDiffers;
        warning.payload.clear();
        warning.count = payload.size();
        warning.limit = m_outgoing.spec().fixedSize;
        emit eventOccurred(warning);
    }
    return true;
}

void ClientEngine::flushQueue()
{
    if (m_queue.empty())
        return;
    emitNotice(ClientNotice::QueueSending, qint64(m_queue.size()));
    while (!m_queue.empty() && m_socket && m_state == ClientState::Connected && !m_negotiating) {
        const QueuedMessage message = m_queue.front();
        if (!writeMessage(message.id, message.payload))
            break; // stays queued for the next connection
        m_queue.pop_front();
    }
    emit statsChanged();
}

} // namespace chorus
