// Connection: what is said on a connection. Messages are bytes from the
// decoder to the reply book and back in the peer's framing; nothing here
// formats a message for people (the log carries the bytes, the views render
// them), so the hot path is a pick, one cached framing and one write.

#include "server/Connection.h"
#include "server/ReplyPath.h"
#include "server/UdpSessions.h"

#include <QAbstractSocket>
#include <QStringDecoder>

namespace chorus {

namespace {

// Bytes of an unexpected run that a problem line quotes in hex.
constexpr qsizetype kProblemHexBytes = 32;

QString hexQuote(const QByteArray& bytes)
{
    if (bytes.size() <= kProblemHexBytes)
        return formatHex(bytes);
    return formatHex(QByteArrayView(bytes).first(kProblemHexBytes)) + QStringLiteral(" …");
}

} // namespace

void Connection::handleMessage(const FramedMessage& message)
{
    if (!message.isMessage()) {
        handleProblem(message);
        return;
    }
    if (m_snapshot.protocol == PeerProtocol::Chorus) {
        m_ledger->recordSession(SessionEvent::Kind::In, id(), m_peerLabel, message.payload);
        if (m_vehicleOptions.anyMessageCounts)
            m_vehicle.heard(std::chrono::steady_clock::now(), false, m_vehicleOptions);
        handleChorusLine(message);
        return;
    }
    // A hello is honoured whenever the connection is in text mode, in a text
    // (or raw) framing: after plain lines, an unsupported version or a
    // malformed hello alike (PROTOCOL.md §2.2). A device framing carries device frames.
    const FrameSpec& spec = m_decoder.spec();
    if ((spec.isTextual() || spec.framing == Framing::Raw) &&
        looksLikeChorusHello(message.payload)) {
        handleHello(message); // recorded there, its token masked
        return;
    }
    m_ledger->recordSession(SessionEvent::Kind::In, id(), m_peerLabel, message.payload);
    if (!m_plainAllowed) {
        refusePlainPeer();
        return;
    }
    countIn(message.payload);
    m_lineBasedPeer = message.terminator != Terminator::None;
    if (handleTextVehicle(message))
        return; // a command's ack (ConnectionVehicle.cpp), not a question
    if (message.payload.isEmpty())
        return; // an empty line is not a question
    answer(message.payload, std::nullopt, message.terminator);
}

void Connection::handleProblem(const FramedMessage& message)
{
    const FrameSpec& spec = m_decoder.spec();
    switch (message.problem) {
    case FrameProblem::None:
        return;
    case FrameProblem::TooLong: {
        const bool lengthField = spec.framing == Framing::LengthField;
        const qint64 limit = lengthField && spec.length.maxFrame > 0
                                 ? spec.length.maxFrame
                                 : qint64(m_limits.maxMessageBytes);
        if (admitProblem())
            logProblem(LogLevel::Warning,
                       lengthField
                           ? tr("frame of %1 bytes (header %2) discarded: longer than the limit of "
                                "%3 bytes")
                                 .arg(message.discardedBytes)
                                 .arg(formatHex(message.payload))
                                 .arg(limit)
                           : tr("%1 bytes discarded: a message longer than the limit of %2 bytes")
                                 .arg(message.discardedBytes)
                                 .arg(limit),
                       ConnectionError::MessageTooLong);
        if (m_snapshot.protocol == PeerProtocol::Chorus) {
            writeChorus(makeError(ChorusErrorCode::TooLong,
                                  QStringLiteral("line longer than %1 bytes discarded")
                                      .arg(m_limits.maxMessageBytes)),
                        Traffic::Control);
            return;
        }
        // Only a text framing's peer can read a line; a device gets nothing it did not ask for.
        if (!spec.isTextual())
            return;
        const Terminator style = message.terminator != Terminator::None
                                     ? message.terminator
                                     : m_decoder.lastTerminator();
        // Wire text, the same in every language; the warning above is the log's.
        writeNoticeLine(QStringLiteral("error: message longer than %1 bytes discarded")
                            .arg(m_limits.maxMessageBytes),
                        style);
        return;
    }
    case FrameProblem::BadLength:
        // Netty's rule: the header is skipped and decoding goes on; the connection stays.
        if (admitProblem())
            logProblem(LogLevel::Warning,
                       tr("bad length field (header %1): the frame would be shorter than its "
                          "header; the header was skipped")
                           .arg(formatHex(message.payload)),
                       ConnectionError::BadLength, message.payload);
        return;
    case FrameProblem::OutsideEnvelope:
        if (admitProblem())
            logProblem(LogLevel::Warning,
                       tr("%1 bytes outside an envelope (%2)")
                           .arg(message.payload.size())
                           .arg(hexQuote(message.payload)),
                       ConnectionError::OutsideEnvelope, message.payload);
        return;
    case FrameProblem::Incomplete:
        if (admitProblem())
            logProblem(LogLevel::Warning,
                       tr("the stream ended inside a frame: %1 bytes of it (%2)")
                           .arg(message.payload.size())
                           .arg(hexQuote(message.payload)),
                       ConnectionError::IncompleteFrame, message.payload);
        return;
    }
}

void Connection::countIn(const QByteArray& message)
{
    ++m_snapshot.traffic.messagesIn;
    ++m_ledger->traffic.messagesIn;
    m_lastMessage = message; // shared: no copy
    logTraffic(LogKind::Received, message);
}

void Connection::answer(const QByteArray& message, std::optional<quint64> seq,
                        Terminator terminator)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return; // the peer is gone: counted, nobody to answer
    ReplyContext context;
    context.connectionId = id();
    context.peer = m_peerLabel;
    context.count = m_snapshot.traffic.messagesIn; // user messages only
    context.echo = message;
    // context.now stays invalid: the book reads the clock only for {time}/{date}.
    if (m_rules) {
        answerByRules(message, context, seq, terminator);
        return;
    }
    const std::optional<QByteArray> reply = replyFor(*m_book, context);
    if (!reply) {
        ++m_snapshot.unanswered;
        ++m_ledger->unanswered;
        return;
    }
    if (!seq) {
        writeFramed(*reply, Traffic::User, terminator);
        return;
    }
    if (const std::optional<QString> text = chorusText(*reply))
        writeChorus(makeReply(*seq, *text), Traffic::User, *reply);
}

void Connection::handleHello(const FramedMessage& message)
{
    const ChorusDecodeResult hello = decodeChorusLine(message.payload, m_limits.maxMessageBytes);
    const QByteArray masked = helloForLog(message.payload, hello.ok() ? &hello.message : nullptr);
    m_ledger->recordSession(SessionEvent::Kind::In, id(), m_peerLabel, masked);
    logTraffic(LogKind::Control, masked);
    if (hello.ok() && !acceptHelloToken(hello.message))
        return;
    if (!hello.ok()) {
        // An unsupported version or a malformed hello: say why, stay in text mode.
        protocolError(hello);
        return;
    }
    m_snapshot.protocol = PeerProtocol::Chorus;
    m_snapshot.name = hello.message.name;
    m_lineBasedPeer = true;
    // JSON lines from now on, whatever the server's text framing (PROTOCOL.md §2.2).
    m_decoder.setSpec(Framing::Line);
    // What the peer says of itself is quoted (ByteText's quotedPeerText): it
    // cannot forge a log line.
    const QString app =
        hello.message.app.isEmpty() ? tr("no app named") : quotedPeerText(hello.message.app);
    log(LogLevel::Info, LogKind::Control,
        hello.message.name.isEmpty()
            ? tr("speaks chorus protocol %1, no name (%2)").arg(hello.message.proto).arg(app)
            : tr("speaks chorus protocol %1 as %2 (%3)")
                  .arg(hello.message.proto)
                  .arg(quotedPeerText(hello.message.name), app));
    ChorusMessage welcome = makeWelcome(id(), m_serverName);
    if (m_sessions && m_sessions->port() != 0) {
        welcome.udpPort = m_sessions->port();
        welcome.token = m_sessions->issue(id(), m_owner);
    }
    writeChorus(welcome, Traffic::Control);
}

void Connection::handleChorusLine(const FramedMessage& message)
{
    const ChorusDecodeResult result = decodeChorusLine(message.payload, m_limits.maxMessageBytes);
    if (result.blank)
        return;
    if (!result.ok()) {
        protocolError(result);
        return;
    }
    const ChorusMessage& in = result.message;
    if (in.type == ChorusMessageType::Msg) {
        const QByteArray text = in.text.toUtf8();
        countIn(text);
        if (!text.isEmpty())
            answer(text, in.seq);
        return;
    }
    // Everything else is control traffic: not a message, never the last message.
    logTraffic(LogKind::Control, message.payload);
    switch (in.type) {
    case ChorusMessageType::Ping:
        writeChorus(makePong(in.t), Traffic::Control);
        return;
    case ChorusMessageType::Name:
        log(LogLevel::Info, LogKind::Control,
            m_snapshot.name.isEmpty()
                ? tr("named %1").arg(quotedPeerText(in.name))
                : tr("renamed from %1 to %2")
                      .arg(quotedPeerText(m_snapshot.name), quotedPeerText(in.name)));
        m_snapshot.name = in.name;
        return;
    case ChorusMessageType::Bye:
        close(ConnectionError::RemoteClosed,
              in.reason.isEmpty()
                  ? peerText(QT_TR_NOOP("peer said bye"))
                  : peerText(QT_TR_NOOP("peer said bye: %1")).arg(quotedPeerText(in.reason)));
        return;
    case ChorusMessageType::Error:
        log(LogLevel::Warning, LogKind::Control,
            tr("peer reported an error (%1): %2")
                .arg(quotedPeerText(in.code), quotedPeerText(in.message)));
        return;
    case ChorusMessageType::Ack:
    case ChorusMessageType::Telemetry:
    case ChorusMessageType::Status:
    case ChorusMessageType::Heartbeat:
        handleVehicleMessage(in); // ConnectionVehicle.cpp
        return;
    default:
        protocolError(ChorusErrorCode::UnexpectedType,
                      peerText(QT_TR_NOOP("a client does not send \"%1\" messages here"))
                          .arg(chorusMessageTypeName(in.type)));
        return;
    }
}

void Connection::protocolError(const ChorusDecodeResult& result)
{
    protocolError(result.error, result.errorMessage, result.re);
}

void Connection::protocolError(ChorusErrorCode code, const PeerText& text,
                               std::optional<quint64> re)
{
    ++m_snapshot.errors;
    log(LogLevel::Warning, LogKind::Error,
        tr("protocol error (%1): %2").arg(chorusErrorCodeName(code), text.shown),
        ConnectionError::ProtocolError);
    writeChorus(makeError(code, text.wire, re), Traffic::Control);
}

bool Connection::writeChorus(const ChorusMessage& message, Traffic traffic,
                             const QByteArray& payload)
{
    const QByteArray bytes = encodeChorusMessage(message);
    if (!writeCounted(bytes, traffic))
        return false;
    m_ledger->recordSession(SessionEvent::Kind::Out, id(), m_peerLabel,
                            bytes.endsWith('\n') ? bytes.chopped(1) : bytes);
    if (traffic == Traffic::User)
        logTraffic(LogKind::Sent, payload);
    else
        logTraffic(LogKind::Control, bytes.endsWith('\n') ? bytes.chopped(1) : bytes, false);
    return true;
}

std::optional<QString> Connection::chorusText(const QByteArray& bytes)
{
    // ConvertInitialBom: a U+FEFF the message starts with is a character of
    // it, not a signature to strip (QStringDecoder's default drops it).
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless |
                                                     QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (!decoder.hasError())
        return text;
    if (admitProblem())
        logProblem(LogLevel::Warning,
                   tr("%1 bytes not sent: they are not UTF-8 text, which the chorus protocol "
                      "cannot carry")
                       .arg(bytes.size()),
                   ConnectionError::NotUtf8ForChorus, bytes);
    return std::nullopt;
}

bool Connection::writeFramed(const QByteArray& body, Traffic traffic, Terminator terminator)
{
    const FrameSpec& spec = m_decoder.spec();
    QByteArray framed;
    if (spec.isTextual()) {
        // The LF path: the peer's own terminator, from the ledger's cache.
        framed = m_ledger->terminated(
            body, terminator != Terminator::None ? terminator : m_decoder.lastTerminator());
    } else {
        std::optional<QByteArray> out = m_decoder.frameOutgoing(body);
        if (!out) {
            if (admitProblem())
                logProblem(LogLevel::Warning,
                           tr("%1 bytes not sent: longer than the peer's length field can say")
                               .arg(body.size()),
                           ConnectionError::ReplyNotFramed, body);
            return false;
        }
        framed = std::move(*out);
        if (spec.framing == Framing::Fixed && body.size() != spec.fixedSize && admitProblem(false))
            logProblem(LogLevel::Warning,
                       tr("sent %1 bytes as they are to a peer of %2-byte frames")
                           .arg(body.size())
                           .arg(spec.fixedSize),
                       ConnectionError::ReplySizeMismatch);
    }
    if (!writeCounted(framed, traffic))
        return false;
    m_ledger->recordSession(SessionEvent::Kind::Out, id(), m_peerLabel, body);
    if (traffic == Traffic::User)
        logTraffic(LogKind::Sent, body);
    return true;
}

bool Connection::writeNoticeLine(const QString& text, Terminator terminator)
{
    if (!writeCounted(
            encodeMessage(text, terminator == Terminator::None ? Terminator::Lf : terminator),
            Traffic::Notice))
        return false;
    m_ledger->recordSession(SessionEvent::Kind::Out, id(), m_peerLabel, text.toUtf8());
    return true;
}

void Connection::sendBytes(const QByteArray& bytes, Unsolicited kind)
{
    bool sent = false;
    if (m_snapshot.protocol == PeerProtocol::Chorus) {
        if (const std::optional<QString> text = chorusText(bytes))
            sent = writeChorus(kind == Unsolicited::Broadcast ? makeBroadcast(*text)
                                                              : makeDirect(*text),
                               Traffic::User, bytes);
    } else {
        // One message in the peer's framing, its bytes exactly as given.
        sent = writeFramed(bytes, Traffic::User);
    }
    if (sent)
        markChanged();
}

void Connection::logTraffic(LogKind kind, const QByteArray& payload, bool incoming)
{
    if (!m_ledger->logMessages)
        return;
    if (m_ledger->messageLogBudget <= 0) {
        ++m_ledger->messageLogsDropped;
        return;
    }
    --m_ledger->messageLogBudget;
    QString prose;
    switch (kind) {
    case LogKind::Received:
        prose = tr("received");
        break;
    case LogKind::Sent:
        prose = m_sentNote.isEmpty() ? tr("sent") : m_sentNote;
        break;
    default:
        prose = incoming ? tr("control in") : tr("control out");
        break;
    }
    emit logged(LogEntry::withPayload(LogLevel::Info, kind, id(), prose, payload));
}

bool Connection::admitProblem(bool counts)
{
    if (counts) {
        ++m_snapshot.errors;
        markChanged();
    }
    if (m_ledger->problemLogBudget <= 0) {
        ++m_ledger->problemLogsDropped;
        return false;
    }
    --m_ledger->problemLogBudget;
    return true;
}

void Connection::logProblem(LogLevel level, const QString& text, ConnectionError error,
                            const QByteArray& payload)
{
    emit logged(payload.isEmpty()
                    ? LogEntry::now(level, LogKind::Error, id(), text, error)
                    : LogEntry::withPayload(level, LogKind::Error, id(), text, payload, error));
}

} // namespace chorus
