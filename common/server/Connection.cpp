#include "server/Connection.h"

#include "base/Endpoint.h"
#include "server/UdpSessions.h"

#include <QAbstractSocket>
#include <QCoreApplication>
#include <QDateTime>
#include <QSslSocket>
#include <QTimerEvent>

#include <algorithm>

namespace chorus {

Connection::Connection(quint64 id, const FrameSpec& framing, const ConnectionLimits& limits,
                       std::shared_ptr<ReplyBook> book, ConnectionLedger* ledger, QObject* parent)
    : QObject(parent), m_decoder(framing, limits.maxMessageBytes), m_limits(limits),
      m_book(std::move(book)), m_ledger(ledger), m_rate(limits.rateLimit)
{
    m_snapshot.id = id;
}

Connection::~Connection()
{
    // Destroyed with the engine: no signals from a half-destroyed object.
    if (m_socket)
        m_socket->disconnect(this);
}

bool Connection::open(qintptr socketDescriptor, QString* error)
{
    // A QAbstractSocket of type TcpSocket rather than a QTcpSocket: QTcpSocket
    // marks itself buffered in its constructor and only connectToHost() can
    // clear that, so an accepted descriptor given to a QTcpSocket is always
    // buffered, whatever the open mode. Measured with 10,000 held connections:
    // QTcpSocket 241 MB peak RSS, this 59 MB.
    if (m_tlsCredentials) {
        if (!openTlsSocket(socketDescriptor, error)) {
            m_finished = true;
            m_snapshot.state = ConnectionState::Closed;
            return false;
        }
    } else {
        m_socket = new QAbstractSocket(QAbstractSocket::TcpSocket, this);
        // Unbuffered: read() goes straight to the kernel and write() sends at once,
        // buffering only what the kernel did not take (then the write notifier
        // flushes it). A buffered socket only queues a write until the next
        // event-loop pass (a notifier enable/disable and an extra poll per reply)
        // and keeps two 16 KiB ring-buffer chunks per connection after first use.
        // setReadBufferSize() has no effect in this mode: unread bytes stay in the
        // kernel's receive buffer (flow control applies), and onReadyRead() takes
        // at most limits.readBufferBytes per pass. bytesToWrite() is still the
        // unsent backlog, so the high-water mark works as before.
        if (!m_socket->setSocketDescriptor(socketDescriptor, QAbstractSocket::ConnectedState,
                                           QIODevice::ReadWrite | QIODevice::Unbuffered)) {
            if (error)
                *error = m_socket->errorString();
            m_finished = true;
            m_snapshot.state = ConnectionState::Closed;
            return false;
        }
    }
    // Replies are small and answer a request: send them now, not after Nagle's delay.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);

    const QHostAddress peer = plainAddress(m_socket->peerAddress());
    m_snapshot.peerAddress = peer.toString();
    m_snapshot.peerPort = m_socket->peerPort();
    m_snapshot.connectedSince = QDateTime::currentDateTime();
    m_snapshot.state = ConnectionState::Connected;
    m_peerLabel = endpointText(m_snapshot.peerAddress, m_snapshot.peerPort);

    connect(m_socket, &QAbstractSocket::readyRead, this, &Connection::onReadyRead);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this] {
        if (m_socketError == ConnectionError::None)
            std::tie(m_socketError, m_socketErrorText) = socketFailure();
    });
    connect(m_socket, &QAbstractSocket::stateChanged, this, &Connection::onStateChanged);
    m_lastInput = Clock::now();
    armGuardTimer();
    // Bytes already waiting (the peer wrote before we adopted the descriptor)
    // need nothing special: the read notifier is level-triggered.
    return true;
}

QHostAddress Connection::peerAddress() const
{
    return QHostAddress(m_snapshot.peerAddress);
}

ConnectionSnapshot Connection::snapshot() const
{
    ConnectionSnapshot out = m_snapshot;
    // Shared, not copied, unless the message is longer than a row keeps.
    out.lastMessage = m_lastMessage.size() > kLastMessageBytes
                          ? m_lastMessage.first(kLastMessageBytes)
                          : m_lastMessage;
    out.lastMessageSize = m_lastMessage.size();
    const FrameSpec& spec = m_decoder.spec();
    out.framing = spec;
    // Text framings show what the peer was seen to end its messages with.
    out.detectedFraming =
        spec.isTextual() && m_decoder.sawAnyMessage() ? m_decoder.detectedLabel() : spec.label();
    return out;
}

void Connection::markChanged()
{
    if (m_changedMarked)
        return;
    m_changedMarked = true;
    m_ledger->changed.append(id());
}

void Connection::timerEvent(QTimerEvent* event)
{
    if (event->timerId() == m_idleTimer.timerId()) {
        m_idleTimer.stop();
        onIdleTimeout();
    } else if (event->timerId() == m_guardTimer.timerId()) {
        m_guardTimer.stop();
        onGuardTimer();
    } else if (event->timerId() == m_paceTimer.timerId()) {
        m_paceTimer.stop();
        serve(false);
    } else if (event->timerId() == m_closeTimer.timerId()) {
        m_closeTimer.stop();
        if (m_socket)
            m_socket->abort();
    } else {
        QObject::timerEvent(event);
    }
}

void Connection::onReadyRead()
{
    if (!m_socket || m_finished)
        return;
    if (m_snapshot.tls && m_snapshot.tlsProtocol.isEmpty()) {
        // Before the handshake: its first bytes start it (or refuse a plain
        // client); the handshake's own bytes never reach a pass.
        auto* tlsSocket = static_cast<QSslSocket*>(m_socket);
        if (!m_tlsRefusedPlain && !tlsSocket->isEncrypted() &&
            tlsSocket->mode() == QSslSocket::UnencryptedMode)
            onTlsFirstBytes();
        if (m_snapshot.tlsProtocol.isEmpty())
            return;
    }
    serve(true);
}

void Connection::onPeerShutdown()
{
    // The end of the stream also ends a message sent without terminator; answer
    // it, then close once every queued reply is written (bounded by close()).
    m_idleTimer.stop();
    if (m_decoder.hasPending()) {
        if (const std::optional<FramedMessage> last = m_decoder.flushIdle(true))
            handleMessage(*last);
    }
    markChanged();
    close(ConnectionError::RemoteClosed, peerText(QT_TR_NOOP("closed by peer")));
}

std::chrono::milliseconds Connection::currentIdleGap() const
{
    // A line-based peer (its last message ended with LF or CRLF) gets a longer
    // gap: unterminated bytes from it are most likely the rest of a line still
    // in flight, not a message of their own.
    if (m_lineBasedPeer)
        return std::max(m_limits.idleGap, kLinePeerIdleGap);
    return m_limits.idleGap;
}

void Connection::armIdleTimer()
{
    m_idleTimer.start(int(currentIdleGap().count()), Qt::PreciseTimer, this);
}

void Connection::onIdleTimeout()
{
    if (m_finished)
        return;
    if (m_inboxNext < m_inbox.size())
        return; // messages before the pending bytes still wait: the pass re-arms the gap
    const std::optional<FramedMessage> message = m_decoder.flushAfterGap();
    if (message)
        handleMessage(*message);
    else if (m_decoder.hasPending()) // only an incomplete UTF-8 sequence: one more gap
        armIdleTimer();
    markChanged();
}

bool Connection::writeCounted(const QByteArray& bytes, Traffic traffic)
{
    if (!m_socket || m_finished || m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    if (cutOffIfBacklogged())
        return false;
    if (m_batchingWrites) {
        // A pass's replies leave together (flushOutbox): one send for up to kPassMessages.
        if (m_outbox.isEmpty())
            m_outbox = bytes; // shared, no copy: the common one-reply pass
        else
            m_outbox += bytes;
    } else if (m_socket->write(bytes) < 0) {
        // An unbuffered socket reports a failed send only here (no errorOccurred):
        // the peer reset or closed; finish now, nothing will notify us later.
        const auto [error, reason] = socketFailure();
        abort(error, reason);
        return false;
    }
    if (traffic == Traffic::User) {
        ++m_snapshot.traffic.messagesOut;
        ++m_ledger->traffic.messagesOut;
    }
    m_snapshot.traffic.bytesOut += quint64(bytes.size());
    m_ledger->traffic.bytesOut += quint64(bytes.size());
    return true;
}

std::pair<ConnectionError, QString> Connection::socketFailure() const
{
    if (auto tls = tlsFailure())
        return *tls;
    if (m_socket->error() == QAbstractSocket::RemoteHostClosedError)
        return {ConnectionError::RemoteClosed, tr("closed by peer")};
    return {ConnectionError::SocketError, m_socket->errorString()};
}

bool Connection::cutOffIfBacklogged()
{
    const qint64 backlog = m_socket->bytesToWrite();
    if (backlog <= m_limits.highWaterBytes)
        return false;
    const QString reason = tr("peer is not reading: %1 bytes unsent (limit %2), connection aborted")
                               .arg(backlog)
                               .arg(m_limits.highWaterBytes);
    ++m_snapshot.errors;
    log(LogLevel::Error, LogKind::Error, reason, ConnectionError::WriteBacklog);
    abort(ConnectionError::WriteBacklog, reason);
    return true;
}

void Connection::setFraming(const FrameSpec& spec)
{
    if (m_finished)
        return;
    if (m_snapshot.protocol == PeerProtocol::Chorus) {
        log(LogLevel::Info, LogKind::Notice,
            tr("framing not changed: the connection speaks the chorus protocol, in LF lines"));
        return;
    }
    const FrameSpec before = m_decoder.spec();
    if (before == spec)
        return;
    m_decoder.setSpec(spec);
    log(LogLevel::Info, LogKind::Notice,
        tr("framing changed from %1 to %2").arg(before.label(), spec.label()));
    if (spec.framing == Framing::Auto && m_decoder.hasPending())
        armIdleTimer();
    else
        m_idleTimer.stop();
    markChanged();
}

void Connection::close(ConnectionError reason, const PeerText& text)
{
    if (m_finished || m_closeReason != ConnectionError::None || !m_socket)
        return;
    m_closeReason = reason;
    m_closeText = text.shown;
    dropDelayedReplies();
    m_idleTimer.stop();
    m_snapshot.state = ConnectionState::Closing;
    markChanged();
    if (m_snapshot.protocol == PeerProtocol::Chorus && reason != ConnectionError::RemoteClosed)
        // Chorus peers learn why before the close, and whether coming back is welcome:
        // after a Stop yes (the server may start again), after a Disconnect or block no.
        writeChorus(makeBye(text.wire, reason == ConnectionError::ServerStopping),
                    Traffic::Control);
    else if ((reason == ConnectionError::Blocked || reason == ConnectionError::IdleTimeout ||
              reason == ConnectionError::FrameTimeout) &&
             m_decoder.spec().isTextual())
        writeNoticeLine(QStringLiteral("error: ") + text.wire, Terminator::Lf);
    flushOutbox(); // before the close: replies of the pass and the farewell go first
    m_guardTimer.stop();
    m_paceTimer.stop();
    m_closeTimer.start(int(kCloseFlushTimeout.count()), this);
    m_socket->disconnectFromHost(); // may finish() at once when nothing is left to send
}

void Connection::abort(ConnectionError reason, const QString& text)
{
    if (m_finished || !m_socket)
        return;
    if (m_closeReason == ConnectionError::None || reason == ConnectionError::WriteBacklog) {
        m_closeReason = reason;
        m_closeText = text;
    }
    m_outbox.clear();
    m_socket->abort();
    finish(); // abort() of an already unconnected socket emits nothing
}

void Connection::onStateChanged()
{
    if (m_socket && m_socket->state() == QAbstractSocket::UnconnectedState)
        finish();
}

void Connection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    dropDelayedReplies();
    m_idleTimer.stop();
    m_closeTimer.stop();
    m_guardTimer.stop();
    m_paceTimer.stop();
    // Messages read but not yet handled when the peer went away were still received.
    if (m_snapshot.protocol == PeerProtocol::Text) {
        for (qsizetype i = m_inboxNext; i < m_inbox.size(); ++i) {
            if (m_inbox.at(i).isMessage())
                countIn(m_inbox.at(i).payload);
        }
    }
    m_inbox.clear();
    m_inboxNext = 0;
    if (m_sessions)
        m_sessions->revoke(id()); // the UDP channel drops with the TCP link
    // Bytes that never saw their terminator or gap still were a message (a
    // Chorus peer's cut-off line is not one); a cut-off frame is reported.
    if (m_decoder.hasPending() && m_snapshot.protocol == PeerProtocol::Text) {
        if (const std::optional<FramedMessage> last = m_decoder.flushIdle(true)) {
            if (last->isMessage())
                countIn(last->payload);
            else if (!last->overLong())
                handleProblem(*last);
        }
    }
    m_snapshot.state = ConnectionState::Closed;
    ConnectionError error = m_closeReason;
    QString reason = m_closeText;
    if (error == ConnectionError::None) {
        error =
            m_socketError != ConnectionError::None ? m_socketError : ConnectionError::RemoteClosed;
        reason = m_socketError != ConnectionError::None ? m_socketErrorText : tr("closed by peer");
    }
    emit finished(id(), error, reason);
}

void Connection::log(LogLevel level, LogKind kind, const QString& text, LogError error)
{
    emit logged(LogEntry::now(level, kind, id(), text, error));
}

} // namespace chorus
