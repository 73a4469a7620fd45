// Connection: its UDP channel (issue 12, PROTOCOL.md §5.4). A Chorus
// session's datagrams carry its token; UdpChannel hands them here (in this
// connection's thread), and what is said back leaves through worker 0's
// UdpChannel, to the endpoint the last token datagram came from.

#include "server/Connection.h"
#include "server/ReplyPath.h"
#include "server/ServerWorker.h"
#include "wire/VehicleMessages.h"

namespace chorus {

void Connection::handleSessionDatagram(const QByteArray& line)
{
    if (m_finished || m_snapshot.protocol != PeerProtocol::Chorus)
        return;
    m_udpBound = true;
    m_snapshot.transport = PeerTransport::TcpUdp;
    m_snapshot.lastSeen = QDateTime::currentDateTime();
    m_snapshot.traffic.bytesIn += quint64(line.size());
    m_ledger->traffic.bytesIn += quint64(line.size());
    m_ledger->recordSession(SessionEvent::Kind::In, id(), m_peerLabel, line, true);
    markChanged();
    const ChorusDecodeResult result = decodeChorusLine(line, m_limits.maxMessageBytes);
    if (!result.ok()) {
        ++m_snapshot.errors;
        log(LogLevel::Warning, LogKind::Error,
            tr("protocol error over UDP (%1): %2").arg(result.code(), result.errorMessage.shown),
            ConnectionError::ProtocolError);
        sendSessionDatagram(encodeChorusMessage(result.toErrorMessage()), Traffic::Control);
        return;
    }
    const ChorusMessage& in = result.message;
    if (in.type == ChorusMessageType::Msg) {
        const QByteArray text = in.text.toUtf8();
        countIn(text);
        if (text.isEmpty())
            return;
        ReplyContext context;
        context.connectionId = id();
        context.peer = m_peerLabel;
        context.count = m_snapshot.traffic.messagesIn;
        context.echo = text;
        if (m_rules) {
            answerByRules(text, context, in.seq, Terminator::None, true);
            return;
        }
        const std::optional<QByteArray> reply = replyFor(*m_book, context);
        if (!reply) {
            ++m_snapshot.unanswered;
            ++m_ledger->unanswered;
            return;
        }
        writeReply(*reply, in.seq, QString(), Terminator::None, true);
        return;
    }
    logTraffic(LogKind::Control, line);
    if (in.type == ChorusMessageType::Ack || in.type == ChorusMessageType::Telemetry ||
        in.type == ChorusMessageType::Status || in.type == ChorusMessageType::Heartbeat) {
        // A vehicle's side travels over UDP too (acks of commands sent that way, telemetry).
        handleVehicleMessage(in);
        return;
    }
    if (in.type == ChorusMessageType::Ping) {
        sendSessionDatagram(encodeChorusMessage(makePong(in.t)), Traffic::Control);
        return;
    }
    ++m_snapshot.errors;
    sendSessionDatagram(
        encodeChorusMessage(makeError(ChorusErrorCode::UnexpectedType,
                                      QStringLiteral("only msg, ping, ack, telemetry, status "
                                                     "and heartbeat travel over the UDP channel"))),
        Traffic::Control);
}

void Connection::sendCommandOverUdp(quint64 seq, const CommandRequest& request,
                                    std::chrono::steady_clock::time_point now)
{
    // A command with channel UDP goes over the session's UDP channel; its ack may
    // come back over either. Without one it is not sent, and says so (no fallback).
    if (m_snapshot.protocol == PeerProtocol::Chorus && m_udpBound && m_udpWorker) {
        const QByteArray bytes = encodeChorusMessage(makeCmd(seq, request.name, request.args));
        sendSessionDatagram(bytes, Traffic::Control);
        logTraffic(LogKind::Control, bytes.endsWith('\n') ? bytes.chopped(1) : bytes, false);
        return;
    }
    log(LogLevel::Warning, LogKind::Notice,
        tr("command %1 (#%2) not sent: its channel is UDP and this peer has no UDP channel open")
            .arg(request.name)
            .arg(seq));
    VehicleEvent event;
    event.kind = VehicleEvent::Kind::NoUdpPath;
    event.at = now;
    event.seq = seq;
    pushVehicleEvent(std::move(event));
}

void Connection::sendOverUdp(const QByteArray& bytes)
{
    if (m_finished)
        return;
    if (!m_udpBound) {
        log(LogLevel::Warning, LogKind::Notice, tr("not sent over UDP: no UDP channel is open"));
        return;
    }
    if (const std::optional<QString> text = chorusText(bytes)) {
        sendSessionDatagram(encodeChorusMessage(makeDirect(*text)), Traffic::User);
        logTraffic(LogKind::Sent, bytes, false);
    }
}

void Connection::sendSessionDatagram(const QByteArray& bytes, Traffic traffic)
{
    if (!m_udpWorker)
        return;
    if (traffic == Traffic::User) {
        ++m_snapshot.traffic.messagesOut;
        ++m_ledger->traffic.messagesOut;
    }
    m_snapshot.traffic.bytesOut += quint64(bytes.size());
    m_ledger->traffic.bytesOut += quint64(bytes.size());
    m_ledger->recordSession(SessionEvent::Kind::Out, id(), m_peerLabel,
                            bytes.endsWith('\n') ? bytes.chopped(1) : bytes, true);
    markChanged();
    ServerWorker* worker = m_udpWorker;
    const quint64 session = id();
    if (worker == m_owner) {
        worker->sendSessionDatagram(session, bytes);
        return;
    }
    QMetaObject::invokeMethod(
        worker, [worker, session, bytes] { worker->sendSessionDatagram(session, bytes); },
        Qt::QueuedConnection);
}

} // namespace chorus
