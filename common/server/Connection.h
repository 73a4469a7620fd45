#pragma once

// One accepted TCP peer of the server: its socket, its framing state, its
// stats. Lives (and is created) in the ServerWorker thread that owns it; all
// its work happens in that thread's event loop.

#include "wire/ChorusProtocol.h"
#include "wire/FrameCodec.h"
#include "answer/ReplyBook.h"
#include "server/ServerTypes.h"

#include <QBasicTimer>
#include <QList>
#include <QObject>

#include <array>
#include <chrono>
#include <memory>

class QAbstractSocket;

namespace chorus {

// Shared tallies of the worker that owns a set of connections. Connections
// add to it directly (same thread, no locking); the worker turns it into
// counter deltas and rate-limited log lines once per batch.
struct ConnectionLedger
{
    quint64 messagesIn = 0;
    quint64 messagesOut = 0;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    quint64 unanswered = 0;
    bool logMessages = true;
    int messageLogBudget = 200; // Received/Sent lines still allowed in this batch
    quint64 messageLogsDropped = 0;
    // Ids of connections whose snapshot changed since the last batch; each
    // connection appears once (it keeps a flag), so a busy peer costs one
    // append per batch instead of a signal and a hash insert per message.
    QList<quint64> changed;

    // The last few replies as sent on the wire. Replies come from a short
    // list, so encoding each one to UTF-8 (and allocating) per message is
    // mostly repeated work; a hit shares the cached bytes (no copy).
    QByteArray encoded(const QString& text, Terminator terminator);

private:
    struct EncodedText
    {
        QString text;
        Terminator terminator = Terminator::None;
        QByteArray bytes;
    };
    static constexpr std::size_t kEncodedCacheSize = 16;
    std::array<EncodedText, kEncodedCacheSize> m_encoded;
    std::size_t m_nextEncoded = 0;
};

// How long a closing connection may take to flush what it still has to send.
inline constexpr std::chrono::milliseconds kCloseFlushTimeout{2000};
// A peer that ended its last message with LF/CRLF is line based: bytes without
// a terminator are more likely a line still in flight than a complete message.
inline constexpr std::chrono::milliseconds kLinePeerIdleGap{250};


class Connection : public QObject
{
    Q_OBJECT
public:
    Connection(quint64 id, Framing framing, const ConnectionLimits& limits,
               std::shared_ptr<ReplyBook> book, ConnectionLedger* ledger,
               QObject* parent = nullptr);
    ~Connection() override;

    // Adopts an accepted descriptor. On failure returns false and sets *error.
    bool open(qintptr socketDescriptor, QString* error);

    quint64 id() const { return m_snapshot.id; }
    // Built on demand: the display strings (last message, framing label) are
    // derived here, once per batch, not once per message.
    ConnectionSnapshot snapshot() const;
    // Stats or state changed: queue this row (once) in the ledger's `changed`.
    void markChanged();
    // Called by the owner once the snapshot went into a batch.
    void clearChangedMark() { m_changedMarked = false; }
    // "address:port" (or "[address]:port").
    const QString& peer() const { return m_peerLabel; }
    bool isFinished() const { return m_finished; }

    enum class Unsolicited { Direct, Broadcast };
    // A message the peer did not ask for: a chorus `direct`/`broadcast`, or
    // plain lines in a text peer's own framing.
    void sendText(const QString& text, Unsolicited kind);
    // Named in the chorus `welcome`.
    void setServerName(const QString& name) { m_serverName = name; }
    // Graceful close: pending replies are flushed, then the socket is closed;
    // aborted if the peer does not take them within kCloseFlushTimeout.
    void close(ConnectionError reason, const QString& text);
    // Immediate close, unsent bytes are dropped.
    void abort(ConnectionError reason, const QString& text);

signals:
    // A line for the log (messages, over-long warnings, write backlog, ...).
    void logged(const chorus::LogEntry& entry);
    // A non-fatal problem (MessageTooLong, ProtocolError) or the reason of a close to come.
    void problem(quint64 id, chorus::ConnectionError error, const QString& reason);
    // The socket is closed; the object is deleted later by its owner.
    void finished(quint64 id, chorus::ConnectionError error, const QString& reason);

protected:
    void timerEvent(QTimerEvent* event) override;

private:
    void onReadyRead();
    void onPeerShutdown();
    void onIdleTimeout();
    void onStateChanged();
    void handleMessage(const FramedMessage& message);
    void handleChorusLine(const FramedMessage& message);
    bool tryChorusHello(const FramedMessage& message);
    void answer(const QString& text, Terminator terminator, std::optional<quint64> seq);
    void countIn(const QString& text); // a message with text: counted, kept, logged
    void countMessageIn();             // counted only (chorus ping, name, bye, error)
    bool writeMessage(const QString& text, Terminator terminator, bool logIt);
    bool writeChorus(const ChorusMessage& message, const QString& logText = {});
    // Writes one encoded message and counts it. false when the connection is
    // gone, was cut off for its backlog, or the send failed (then it is finished).
    bool writeCounted(const QByteArray& bytes);
    // Why the socket failed, from its error(): the peer closed, or Qt's reason.
    std::pair<ConnectionError, QString> socketFailure() const;
    void protocolError(const ChorusMessage& error);
    // Before each write: a peer whose unsent backlog passed the high-water mark is aborted.
    bool cutOffIfBacklogged();
    void armIdleTimer();
    void logMessage(LogKind kind, const QString& text);
    void log(LogLevel level, LogKind kind, const QString& text);
    void finish();
    std::chrono::milliseconds currentIdleGap() const;

    QAbstractSocket* m_socket = nullptr;
    FrameDecoder m_decoder;
    ConnectionLimits m_limits;
    std::shared_ptr<ReplyBook> m_book;
    ConnectionLedger* m_ledger;
    // QBasicTimer, not QTimer: no QObject per timer, and nothing registered
    // with the event loop unless unterminated bytes (or a close) are pending.
    QBasicTimer m_idleTimer;
    QBasicTimer m_closeTimer;
    ConnectionSnapshot m_snapshot; // lastMessage/detectedFraming filled by snapshot()
    QString m_lastText;            // the last message as received (shortened on demand)
    QString m_peerLabel;           // "address:port", formatted once for {peer}
    QString m_serverName;
    bool m_changedMarked = false;
    bool m_lineBasedPeer = false;
    bool m_finished = false;
    ConnectionError m_closeReason = ConnectionError::None;
    QString m_closeText;
    ConnectionError m_socketError = ConnectionError::None;
    QString m_socketErrorText;
};

} // namespace chorus
