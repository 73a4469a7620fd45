// Connection: one pass of the event loop over one peer, and what bounds it.
//
// Fairness: a pass reads, answers and writes for at most kPassMessages
// messages, limits.readBufferBytes bytes and kPassTime, then yields. What the
// peer sent beyond that stays in the kernel's receive buffer (TCP flow
// control), never in our memory: reads are sized to what one pass handles,
// and only one read's messages are ever held (m_inbox). A yielded pass is
// continued by a queued call, after every other ready peer of the thread had
// its turn. The pass's replies leave in one write (m_outbox).
//
// Unbuffered QAbstractSocket: a read notification that is not followed by a
// read() disables the notifier until the next read(), so a peer we do not
// read (a yielded pass, a rate limit) costs no wake-ups; the continuation or
// the pacing timer reads again. Readable with nothing to read is the end of
// the peer's stream (m_readReady remembers the notification).

#include "server/Connection.h"

#include <QAbstractSocket>
#include <QMetaObject>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace chorus {

namespace {

// One read() per call into a per-thread scratch buffer: no allocation per read.
constexpr qsizetype kReadChunkBytes = 64 * 1024;
// A read never asks for less than this (a syscall per few bytes costs more
// than the messages it brings).
constexpr qint64 kMinReadBytes = 512;
// The clock is read every this many messages within a pass.
constexpr int kMessagesPerClockCheck = 16;

} // namespace

void Connection::serve(bool notified)
{
    if (!m_socket || m_finished)
        return;
    if (notified)
        m_readReady = true;
    if (m_paceTimer.isActive() || m_closeReason != ConnectionError::None)
        return; // the rate limit's timer (or the close) decides when to go on
    const Clock::time_point started = Clock::now();
    const Clock::time_point deadline = started + kPassTime;
    const bool limited = m_rate.isOn();
    if (limited)
        m_rate.refill(started);
    int messagesLeft = kPassMessages;
    qint64 bytesLeft = std::max<qint64>(m_limits.readBufferBytes, 1);
    const quint64 bytesOutBefore = m_snapshot.traffic.bytesOut;
    bool yielded = false;
    bool closedByPeer = false;
    bool readAny = false;
    m_batchingWrites = true;
    bool completedAny = false; // a message ended: a partial one after it starts now
    while (!m_finished && m_closeReason == ConnectionError::None) {
        const InboxResult inbox = handleInbox(&messagesLeft, deadline);
        if (inbox == InboxResult::Yield)
            yielded = true;
        if (inbox != InboxResult::Done)
            break;
        if (bytesLeft <= 0) {
            yielded = true;
            break;
        }
        const qint64 available = m_socket->bytesAvailable();
        if (available <= 0) {
            // Readable with nothing to read: the end of the peer's stream. Seen
            // here, before read() reports it: an unbuffered socket that read()
            // finds at its end closes at once, dropping replies still queued for
            // a peer that only shut down its sending side (`printf 'q\n' | nc`).
            // A TLS socket (buffered) reports its end by its state, never like this.
            if (m_readReady && !readAny && !m_snapshot.tls) {
                m_batchingWrites = false;
                flushOutbox();
                onPeerShutdown();
                return;
            }
            break;
        }
        const qint64 want = nextReadBytes(bytesLeft, available);
        if (want <= 0) {
            pace(std::min({available, bytesLeft, kMinReadBytes}));
            break;
        }
        thread_local char buffer[kReadChunkBytes];
        const qint64 n = m_socket->read(buffer, want);
        if (n < 0) {
            // An unbuffered socket reports the end of the stream (or a reset)
            // from read() itself, without stateChanged/errorOccurred.
            closedByPeer = true;
            break;
        }
        if (n == 0)
            break; // nothing more for now
        m_readReady = false;
        readAny = true;
        bytesLeft -= n;
        if (limited)
            m_rate.takeBytes(n);
        m_snapshot.traffic.bytesIn += quint64(n);
        m_ledger->traffic.bytesIn += quint64(n);
        m_inbox.clear();
        m_inboxNext = 0;
        m_decoder.feed(QByteArrayView(buffer, n), m_inbox);
        if (!m_inbox.isEmpty()) {
            completedAny = true;
            m_bytesPerMessage = std::max<qint64>(1, n / m_inbox.size());
        }
        // Took all there was (one FIONREAD and one read a pass in the common
        // case), or less than asked: more arrives with the next notification.
        if (n < want || n == available)
            break;
    }
    // Messages of the last read come first (a read that ended the loop).
    if (!yielded && !closedByPeer && !m_finished && m_closeReason == ConnectionError::None &&
        !m_paceTimer.isActive() && handleInbox(&messagesLeft, deadline) == InboxResult::Yield)
        yielded = true;
    m_batchingWrites = false;
    flushOutbox();
    if (readAny)
        noteInput(started, completedAny);
    if (m_snapshot.rateLimited && !m_paceTimer.isActive()) {
        m_snapshot.rateLimited = false;
        markChanged();
    }
#ifdef Q_OS_LINUX
    // telnet and `nc -C` may send one line as two writes, the second held back
    // by the peer's Nagle until our delayed ACK (~40 ms) arrives. A read that
    // was answered is acknowledged by the reply itself; otherwise TCP_QUICKACK
    // (cleared by the kernel after use, so set again each time) acks at once
    // and releases the rest within the idle gap, so the line stays one message.
    if (readAny && !closedByPeer && !m_finished && m_snapshot.traffic.bytesOut == bytesOutBefore) {
        const int one = 1;
        ::setsockopt(int(m_socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &one,
                     sizeof one);
    }
#endif
    if (!m_finished) {
        // The idle gap is the peer's silence: not while we hold its bytes back.
        if (!yielded && !m_paceTimer.isActive() && m_decoder.framing() == Framing::Auto &&
            m_decoder.hasPending())
            armIdleTimer();
        else
            m_idleTimer.stop();
        if (yielded)
            postResume();
    }
    markChanged();
    if (closedByPeer && !m_finished) {
        if (m_socketError == ConnectionError::None)
            std::tie(m_socketError, m_socketErrorText) = socketFailure();
        finish();
    }
}

Connection::InboxResult Connection::handleInbox(int* messagesLeft, Clock::time_point deadline)
{
    const bool limited = m_rate.isOn();
    while (m_inboxNext < m_inbox.size()) {
        if (m_finished || m_closeReason != ConnectionError::None)
            return InboxResult::Done; // nothing more is said on a closing connection
        if (*messagesLeft <= 0)
            return InboxResult::Yield;
        if (*messagesLeft % kMessagesPerClockCheck == 0 && *messagesLeft != kPassMessages &&
            Clock::now() >= deadline)
            return InboxResult::Yield;
        if (limited && m_inbox.at(m_inboxNext).isMessage()) {
            if (m_rate.messagesAllowed() <= 0) {
                pace(0);
                return InboxResult::Paced;
            }
            m_rate.takeMessage();
        }
        // Moved out: a handled message's bytes are released with it.
        const FramedMessage message = std::move(m_inbox[m_inboxNext++]);
        --*messagesLeft;
        handleMessage(message);
    }
    if (!m_inbox.isEmpty()) {
        m_inbox.clear();
        m_inboxNext = 0;
    }
    return InboxResult::Done;
}

qint64 Connection::nextReadBytes(qint64 passBytesLeft, qint64 available) const
{
    // Sized to the messages one pass handles (at the sizes seen lately), so
    // a peer of tiny messages leaves the rest in the kernel, not in m_inbox.
    const qint64 forMessages = std::max(kMinReadBytes, m_bytesPerMessage * kPassMessages);
    qint64 want = std::min({qint64(kReadChunkBytes), available, passBytesLeft, forMessages});
    if (m_rate.isOn()) {
        want = std::min(want, m_rate.bytesAllowed());
        if (m_rate.messagesAllowed() <= 0)
            return 0;
    }
    return want;
}

void Connection::postResume()
{
    if (m_resumePosted)
        return;
    m_resumePosted = true;
    // Queued: runs after the notifiers of every other ready socket of this thread.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_resumePosted = false;
            serve(false);
        },
        Qt::QueuedConnection);
}

void Connection::flushOutbox()
{
    if (m_outbox.isEmpty())
        return;
    const QByteArray bytes = std::exchange(m_outbox, QByteArray());
    if (!m_socket || m_finished || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (m_socket->write(bytes) < 0) {
        // An unbuffered socket reports a failed send only here (no errorOccurred).
        const auto [error, reason] = socketFailure();
        abort(error, reason);
    }
}

void Connection::pace(qint64 wantedBytes)
{
    const std::chrono::milliseconds wait =
        std::max(m_rate.waitFor(std::max<qint64>(wantedBytes, 1)), std::chrono::milliseconds(1));
    m_paceTimer.start(int(wait.count()), Qt::PreciseTimer, this);
    if (!m_snapshot.rateLimited) {
        m_snapshot.rateLimited = true;
        markChanged();
    }
}

void Connection::noteInput(Clock::time_point now, bool completedAny)
{
    m_lastInput = now;
    if (m_limits.frameTimeout.count() <= 0)
        return;
    // A partial message started (after any that ended in this read): its
    // deadline may be nearer than the timer's.
    const bool partial = m_decoder.hasPending();
    if (partial && (completedAny || m_frameStarted == Clock::time_point{})) {
        // A timer already armed fires no later than an earlier frame's deadline.
        const bool rearm = m_frameStarted == Clock::time_point{} || !m_guardTimer.isActive();
        m_frameStarted = now;
        if (rearm)
            armGuardTimer();
    } else if (!partial) {
        m_frameStarted = {};
    }
}

void Connection::armGuardTimer()
{
    const bool idleOn = m_limits.idleTimeout.count() > 0;
    const bool frameOn = m_limits.frameTimeout.count() > 0 && m_frameStarted != Clock::time_point{};
    if (!idleOn && !frameOn)
        return;
    Clock::time_point due = Clock::time_point::max();
    if (idleOn)
        due = m_lastInput + m_limits.idleTimeout;
    if (frameOn)
        due = std::min(due, m_frameStarted + m_limits.frameTimeout);
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(due - Clock::now());
    m_guardTimer.start(int(std::max<qint64>(wait.count(), 1)), this);
}

void Connection::onGuardTimer()
{
    if (m_finished || m_closeReason != ConnectionError::None)
        return;
    const Clock::time_point now = Clock::now();
    if (m_limits.frameTimeout.count() > 0 && m_frameStarted != Clock::time_point{} &&
        m_decoder.hasPending() && now - m_frameStarted >= m_limits.frameTimeout) {
        const PeerText reason =
            peerText(QT_TR_NOOP("a message was not completed within %1 s (%2 bytes of it arrived)"))
                .arg(double(m_limits.frameTimeout.count()) / 1000.0)
                .arg(m_decoder.pendingBytes());
        ++m_snapshot.errors;
        log(LogLevel::Warning, LogKind::Error, reason.shown, ConnectionError::FrameTimeout);
        close(ConnectionError::FrameTimeout, reason);
        return;
    }
    // Held back by the rate limit is not silence: we are the ones not reading.
    if (m_limits.idleTimeout.count() > 0 && !m_paceTimer.isActive() &&
        now - m_lastInput >= m_limits.idleTimeout) {
        const PeerText reason = peerText(QT_TR_NOOP("nothing received for %1 s"))
                                    .arg(double(m_limits.idleTimeout.count()) / 1000.0);
        log(LogLevel::Info, LogKind::Notice, reason.shown, ConnectionError::IdleTimeout);
        close(ConnectionError::IdleTimeout, reason);
        return;
    }
    if (!m_decoder.hasPending())
        m_frameStarted = {};
    if (m_paceTimer.isActive())
        m_lastInput = now;
    armGuardTimer();
}

} // namespace chorus
