#pragma once

// One accepted TCP peer of the server: its socket, its framing state, its
// stats. Lives (and is created) in the ServerWorker thread that owns it; all
// its work happens in that thread's event loop. Messages are bytes from the
// socket to the reply book and back (docs/PROTOCOL.md §1); Connection.cpp
// holds the socket's life, ConnectionPass.cpp one bounded pass of reading and
// answering (fairness, rate limit, timeouts), ConnectionMessages.cpp what is
// said on it.

#include "answer/ReplyBook.h"
#include "answer/RuleBook.h"
#include "base/PeerText.h"
#include "server/ConnectionLedger.h"
#include "server/PeerRateLimit.h"
#include "server/ServerTypes.h"
#include "server/TlsServerSetup.h"
#include "server/VehicleLink.h"
#include "wire/ChorusProtocol.h"
#include "wire/FrameCodec.h"

#include <QBasicTimer>
#include <QHash>
#include <QList>
#include <QObject>

#include <chrono>
#include <memory>
#include <optional>

class QAbstractSocket;

namespace chorus {

class ServerWorker;
class UdpSessions;

// How long a closing connection may take to flush what it still has to send.
inline constexpr std::chrono::milliseconds kCloseFlushTimeout{2000};
// A peer that ended its last message with LF/CRLF is line based: bytes without
// a terminator are more likely a line still in flight than a complete message.
inline constexpr std::chrono::milliseconds kLinePeerIdleGap{250};
// One event-loop pass of one connection (ConnectionPass.cpp) handles at most
// this many messages, limits.readBufferBytes bytes and this much time, then
// yields: the other peers of the thread get their turn before it goes on.
inline constexpr int kPassMessages = 256;
inline constexpr std::chrono::microseconds kPassTime{2000};

class Connection : public QObject
{
    Q_OBJECT
public:
    Connection(quint64 id, const FrameSpec& framing, const ConnectionLimits& limits,
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
    // The peer's address, mapped IPv4 shown as IPv4.
    QHostAddress peerAddress() const;
    PeerProtocol protocol() const { return m_snapshot.protocol; }

    enum class Unsolicited { Direct, Broadcast };
    // A message the peer did not ask for: a chorus `direct`/`broadcast` (only
    // for bytes that are UTF-8 text: JSON cannot carry others), or the bytes
    // in a plain peer's own framing (frameOutgoing).
    void sendBytes(const QByteArray& bytes, Unsolicited kind);
    // From the next byte on (bytes already pending are kept). A Chorus peer
    // keeps its LF lines: the protocol needs them.
    void setFraming(const FrameSpec& spec);
    // Reply rules consulted before the book (ConnectionRules.cpp); null: the book only.
    void setRules(std::shared_ptr<RuleBook> rules) { m_rules = std::move(rules); }
    // ConnectionVehicle.cpp (issue 13): a command as a cmd line (Chorus) or
    // the payload in the peer's framing (text peers: the first reply matching
    // the expected pattern is the ack); reported as a VehicleEvent.
    void sendCommand(quint64 seq, const CommandRequest& request, bool resend);
    void setVehicleOptions(const VehicleOptions& options) { m_vehicleOptions = options; }
    // Marks the row stale (or fresh again) when the heartbeat timeout says so.
    void checkStale(std::chrono::steady_clock::time_point now);
    // Named in the chorus `welcome`.
    void setServerName(const QString& name) { m_serverName = name; }
    // ConnectionUdp.cpp, the dual channel (PROTOCOL.md §5.4): with UDP on, a
    // welcome carries a token for this session; `owner` is this connection's
    // worker, `udpWorker` the one whose UdpChannel sends the datagrams.
    void setUdpSessions(UdpSessions* sessions, ServerWorker* owner, ServerWorker* udpWorker)
    {
        m_sessions = sessions;
        m_owner = owner;
        m_udpWorker = udpWorker;
    }
    // A JSON line that came as a datagram with this session's token.
    void handleSessionDatagram(const QByteArray& line);
    // A `direct` over the session's UDP channel (logged when there is none).
    void sendOverUdp(const QByteArray& bytes);
    // A command whose channel is UDP (ConnectionUdp.cpp): over the session's
    // UDP channel, or, with none, not sent and ended as NoUdpPath.
    void sendCommandOverUdp(quint64 seq, const CommandRequest& request,
                            std::chrono::steady_clock::time_point now);
    // Before open(): the peer came in on the TLS port (ConnectionTls.cpp).
    void setTls(std::shared_ptr<const TlsCredentials> credentials)
    {
        m_tlsCredentials = std::move(credentials);
        m_snapshot.tls = m_tlsCredentials != nullptr;
    }
    // ConnectionAccess.cpp. token: what a hello must carry (empty: none);
    // plainAllowed false: the first message must be that hello.
    void setAccessTerms(const QString& token, bool plainAllowed)
    {
        m_requiredToken = token;
        m_plainAllowed = plainAllowed;
    }
    // Graceful close: pending replies are flushed, then the socket is closed;
    // aborted if the peer does not take them within kCloseFlushTimeout. A
    // Chorus peer is told why with a bye; a text peer blocked by the operator
    // gets one "error: <text>" line (other closes say nothing to text peers).
    // The peer gets text.wire (English), the log text.shown (PeerText.h).
    void close(ConnectionError reason, const PeerText& text);
    // Immediate close, unsent bytes are dropped.
    void abort(ConnectionError reason, const QString& text);
    // A text for the peer and the log, filed by lupdate under chorus::Connection.
    static PeerText peerText(const char* source)
    {
        return PeerText::in("chorus::Connection", source);
    }

signals:
    // A line for the log (messages, over-long warnings, write backlog, ...).
    void logged(const chorus::LogEntry& entry);
    // The socket is closed; the object is deleted later by its owner.
    void finished(quint64 id, chorus::ConnectionError error, const QString& reason);

protected:
    void timerEvent(QTimerEvent* event) override;

private:
    // ConnectionMessages.cpp: what is said on the connection.
    void handleMessage(const FramedMessage& message);
    // TooLong, BadLength, OutsideEnvelope, Incomplete: logged, counted, and
    // (TooLong in a textual framing) told to the peer.
    void handleProblem(const FramedMessage& message);
    // A hello in text mode: welcomed into Chorus mode, or told why not.
    void handleHello(const FramedMessage& message);
    void handleChorusLine(const FramedMessage& message);
    // ConnectionTls.cpp: a QSslSocket on the descriptor, handshake started.
    bool openTlsSocket(qintptr socketDescriptor, QString* error);
    // The first bytes on the TLS port: a TLS handshake is started, anything else refused.
    void onTlsFirstBytes();
    // Why a TLS socket failed before its handshake completed (nullopt: it had completed).
    std::optional<std::pair<ConnectionError, QString>> tlsFailure() const;
    // ConnectionAccess.cpp. A plain message from a peer that may only say a
    // Chorus hello with the token: told (textual framings), closed.
    void refusePlainPeer();
    // false: the hello's token is missing or wrong; the peer is told and closed.
    bool acceptHelloToken(const ChorusMessage& hello);
    // The hello's bytes for the log with the token masked. `decoded`: the
    // hello as read (null: malformed), whose token JSON escapes may hide from a scan.
    static QByteArray helloForLog(const QByteArray& payload, const ChorusMessage* decoded);
    // ConnectionVehicle.cpp: ack, telemetry, status, heartbeat from a Chorus peer.
    void handleVehicleMessage(const ChorusMessage& message);
    // A text peer's message: heard, key=value telemetry, a command's ack
    // (true: it was one; it is then not a question for the reply book).
    bool handleTextVehicle(const FramedMessage& message);
    void pushVehicleEvent(VehicleEvent event);
    // A plain reply ends like the message it answers (`terminator`; None: the
    // peer's last), not like the last message of the same read.
    void answer(const QByteArray& message, std::optional<quint64> seq,
                Terminator terminator = Terminator::None);
    void countIn(const QByteArray& message); // a user message: counted, kept as the last, logged

    // ConnectionRules.cpp: answers decided by the reply rules.
    // `terminator`: the answered message's, which a plain reply ends with.
    // `overUdp`: the message came over the session's UDP channel, and so goes its reply.
    void answerByRules(const QByteArray& message, const ReplyContext& context,
                       std::optional<quint64> seq, Terminator terminator, bool overUdp = false);
    // A reply in the peer's framing or as a chorus reply; `note` says who sent it in the log.
    void writeReply(const QByteArray& reply, std::optional<quint64> seq, const QString& note,
                    Terminator terminator, bool overUdp = false);
    void sendDelayed(quint64 token);
    // The connection is closing: its delayed replies are dropped, counted and logged.
    void dropDelayedReplies();

    // What a write is, for the counters and the log: only user messages count
    // as messages; control traffic (welcome, pong, error, bye) is logged as such.
    enum class Traffic { User, Control, Notice };
    // Bytes in the peer's framing; false when they could not be framed or sent.
    // `terminator` (textual framings): None ends it like the peer's last message.
    bool writeFramed(const QByteArray& body, Traffic traffic,
                     Terminator terminator = Terminator::None);
    // Prose ("error: …") for a plain peer: a line, with its terminator (LF when it has none).
    bool writeNoticeLine(const QString& text, Terminator terminator);
    // User messages log `payload` (the bytes the user wrote); control traffic its JSON line.
    bool writeChorus(const ChorusMessage& message, Traffic traffic, const QByteArray& payload = {});
    // A user message for a Chorus peer as JSON text: nullopt (logged and
    // counted as not sent) when the bytes are not UTF-8.
    std::optional<QString> chorusText(const QByteArray& bytes);
    // Writes one encoded message and counts it. false when the connection is
    // gone, was cut off for its backlog, or the send failed (then it is finished).
    bool writeCounted(const QByteArray& bytes, Traffic traffic);
    // Logs the error (translated) and sends the peer an "error" message (English).
    void protocolError(const ChorusDecodeResult& result);
    void protocolError(ChorusErrorCode code, const PeerText& text,
                       std::optional<quint64> re = std::nullopt);
    // Message and control lines share the ledger's per-batch budget.
    void logTraffic(LogKind kind, const QByteArray& payload, bool incoming = true);
    // A problem (framing, a reply not sent): counted in the errors column
    // when `counts`; true when its line fits the ledger's per-batch budget,
    // so a flood of bad frames costs no formatting.
    bool admitProblem(bool counts = true);
    void logProblem(LogLevel level, const QString& text, ConnectionError error,
                    const QByteArray& payload = {});

    // ConnectionPass.cpp: one bounded pass of reading, answering and one write.
    using Clock = std::chrono::steady_clock;
    // notified: the read notifier fired (readable with nothing to read is then the end).
    void serve(bool notified);
    // Handles the messages of the last read: all (Done), until the pass's
    // budget is spent (Yield) or until the rate limit says wait (Paced).
    enum class InboxResult { Done, Yield, Paced };
    InboxResult handleInbox(int* messagesLeft, Clock::time_point deadline);
    // How many bytes the next read may take (0: the rate limit says wait).
    qint64 nextReadBytes(qint64 passBytesLeft, qint64 available) const;
    void postResume();
    void flushOutbox();
    // The rate limit holds input back: the row says so, a timer resumes reading.
    void pace(qint64 wantedBytes);
    // Idle and frame timeouts (ConnectionLimits): one timer, at the nearer deadline.
    void armGuardTimer();
    void onGuardTimer();
    void noteInput(Clock::time_point now, bool completedAny);

    // Connection.cpp: the socket's life.
    void onReadyRead();
    void onPeerShutdown();
    void onIdleTimeout();
    void onStateChanged();
    // Why the socket failed, from its error(): the peer closed, or Qt's reason.
    std::pair<ConnectionError, QString> socketFailure() const;
    // Before each write: a peer whose unsent backlog passed the high-water mark is aborted.
    bool cutOffIfBacklogged();
    void armIdleTimer();
    void log(LogLevel level, LogKind kind, const QString& text, LogError error = {});
    void finish();
    std::chrono::milliseconds currentIdleGap() const;

    // ConnectionUdp.cpp: one datagram to the session's UDP endpoint, counted.
    void sendSessionDatagram(const QByteArray& bytes, Traffic traffic);

    QAbstractSocket* m_socket = nullptr;
    UdpSessions* m_sessions = nullptr;
    ServerWorker* m_owner = nullptr;
    ServerWorker* m_udpWorker = nullptr;
    bool m_udpBound = false; // a token datagram arrived: the row is TCP+UDP
    FrameDecoder m_decoder;
    ConnectionLimits m_limits;
    std::shared_ptr<ReplyBook> m_book;
    std::shared_ptr<RuleBook> m_rules;
    // Replies a rule delays, by token; each has a single-shot timer bound to
    // this object, so none outlives the connection or reaches another peer.
    struct DelayedReply
    {
        std::optional<QByteArray> reply; // nullopt: a no-reply rule that closes
        std::optional<quint64> seq;
        Terminator terminator = Terminator::None; // the answered message's
        bool close = false;
        QString note;
        bool overUdp = false; // answers a datagram of the session's UDP channel
    };
    QHash<quint64, DelayedReply> m_delayed;
    quint64 m_nextDelayToken = 0;
    QString m_sentNote; // while a reply is written: the log's "sent by rule …"
    ConnectionLedger* m_ledger;
    VehicleLink m_vehicle;
    VehicleOptions m_vehicleOptions;
    // QBasicTimer, not QTimer: no QObject per timer, and nothing registered
    // with the event loop unless unterminated bytes (or a close) are pending.
    QBasicTimer m_idleTimer;
    QBasicTimer m_closeTimer;
    QBasicTimer m_guardTimer; // idle / frame timeout, only when one is set
    QBasicTimer m_paceTimer;  // the rate limit's wait
    PeerRateLimit m_rate;
    // Decoded from the last read and not handled yet: at most one read's worth,
    // the rest stays in the kernel until the next pass.
    QList<FramedMessage> m_inbox;
    qsizetype m_inboxNext = 0;
    // A pass's writes, sent as one.
    QByteArray m_outbox;
    bool m_batchingWrites = false;
    bool m_readReady = false;      // a read notification not yet answered by a read
    bool m_resumePosted = false;   // a continuation of a yielded pass is queued
    qint64 m_bytesPerMessage = 64; // seen lately: sizes reads to a pass's messages
    Clock::time_point m_lastInput;
    Clock::time_point m_frameStarted; // when the pending partial message began; {} none
    ConnectionSnapshot m_snapshot;    // lastMessage/framing filled by snapshot()
    QByteArray m_lastMessage;         // the last user message (shared with the decoder's output)
    QString m_peerLabel;              // "address:port", formatted once for {peer}
    QString m_serverName;
    QString m_requiredToken;
    std::shared_ptr<const TlsCredentials> m_tlsCredentials;
    bool m_tlsRefusedPlain = false;
    bool m_plainAllowed = true;
    bool m_changedMarked = false;
    bool m_lineBasedPeer = false;
    bool m_finished = false;
    ConnectionError m_closeReason = ConnectionError::None;
    QString m_closeText;
    ConnectionError m_socketError = ConnectionError::None;
    QString m_socketErrorText;
};

} // namespace chorus
