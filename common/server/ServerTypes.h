#pragma once

// Plain value types the server engine hands to its users (the window, the
// headless front end, tests). They cross threads by queued signals.

#include "answer/ReplyBookFile.h"
#include "base/AtomicFile.h"
#include "base/TrafficCounters.h"
#include "server/ListenAddress.h"
#include "wire/FrameCodec.h"

#include <QAbstractSocket>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QString>

#include <chrono>
#include <optional>
#include <variant>

namespace chorus {

enum class ConnectionState { Connected, Closing, Closed };
enum class PeerProtocol { Text, Chorus };
QString connectionStateName(ConnectionState state);
QString peerProtocolName(PeerProtocol protocol);

// Why a connection ended, was refused or had a problem; carried with a reason for people.
enum class ConnectionError {
    None,
    RemoteClosed,   // the peer closed its side
    SocketError,    // QAbstractSocket error; the reason holds errorString()
    MessageTooLong, // not fatal: message discarded, peer told
    WriteBacklog,   // peer stopped reading; unsent bytes passed the high-water mark
    ServerFull,     // refused: over maxConnections
    Blocked,        // refused or disconnected: the operator blocked the peer's address
    Kicked,         // disconnected from the window
    ServerStopping, // Stop clicked / SIGTERM
    ProtocolError,  // not fatal: bad chorus JSON line
};
QString connectionErrorName(ConnectionError error);

struct ConnectionLimits
{
    qsizetype maxMessageBytes = kDefaultMaxMessageBytes;
    qint64 highWaterBytes = 1024 * 1024;
    // Most bytes taken from one peer per event-loop pass (the rest waits in the
    // kernel's receive buffer, under TCP flow control): one busy peer cannot
    // starve the others, and nothing unread is buffered in the process.
    qint64 readBufferBytes = 256 * 1024;
    std::chrono::milliseconds idleGap = kDefaultIdleGap;
};

struct ConnectionSnapshot
{
    quint64 id = 0; // unique for the engine's lifetime, never reused
    QString peerAddress;
    quint16 peerPort = 0;
    QDateTime connectedSince;
    TrafficCounters traffic; // user messages only; bytes include control traffic
    quint64 errors = 0;
    quint64 unanswered = 0;
    QString lastMessage;     // shortened to at most 120 characters
    QString detectedFraming; // FrameDecoder::detectedLabel()
    ConnectionState state = ConnectionState::Connected;
    PeerProtocol protocol = PeerProtocol::Text;
    QString name; // chorus peers only
};

enum class LogLevel { Info, Warning, Error };
enum class LogKind {
    Listening,
    Stopped,
    Connected,
    Disconnected,
    Received, // a user message in
    Sent,     // a user message out (reply, broadcast, direct)
    Control,  // Chorus protocol traffic: hello/welcome, ping/pong, name, bye, error
    Error,
    Notice,
};
QString logKindName(LogKind kind);

// What an error line is about, as an enum to switch on (tests, filters):
// a connection's end or refusal, a listener's socket error, a file problem,
// or a reply book whose bytes are no book.
using LogError = std::variant<std::monostate, ConnectionError, QAbstractSocket::SocketError,
                              FileError, BookFormatError>;

struct LogEntry
{
    QDateTime time;
    LogLevel level = LogLevel::Info;
    LogKind kind = LogKind::Notice;
    quint64 connectionId = 0; // 0: not about one connection
    QString text;
    LogError error;

    // An entry stamped with the current time; connectionId 0: not about one connection.
    static LogEntry now(LogLevel level, LogKind kind, quint64 connectionId, const QString& text,
                        LogError error = {});
    // The error as E when it is one.
    template <typename E> std::optional<E> errorAs() const
    {
        if (const E* value = std::get_if<E>(&error))
            return *value;
        return std::nullopt;
    }

    // "2026-11-25 06:04:01.123 [#7] text"
    QString format() const;
};

// The server's totals: its traffic (read as counters.messagesIn) and the rest.
struct ServerCounters : TrafficCounters
{
    quint64 active = 0;
    quint64 totalAccepted = 0;
    quint64 rejectedFull = 0;
    quint64 rejectedBlocked = 0;
    quint64 unanswered = 0;
    // User messages per second over the last few seconds (RateWindow).
    double messagesInPerSecond = 0;
    double messagesOutPerSecond = 0;
    quint64 openFileLimit = 0; // soft RLIMIT_NOFILE after raising it
};

// Why start() did not end in listening.
struct ListenFailure
{
    QAbstractSocket::SocketError error = QAbstractSocket::UnknownSocketError;
    QHostAddress address; // the one that could not be bound
    quint16 port = 0;
    QString reason; // Qt's errorString()
};

// An address the operator keeps out for a while ("Disconnect and block").
struct BlockedAddress
{
    QHostAddress address;
    QDateTime until;
    // How it spoke when blocked: a new connection from it is refused in kind
    // (a Chorus bye, or an "error: …" line).
    PeerProtocol protocol = PeerProtocol::Text;
};

struct ServerConfig
{
    ListenAddress address; // every interface, this machine (127.0.0.1 + ::1) or one address
    quint16 port = 9999;   // 0 picks a free port (the same one for every listener)
    Framing framing = Framing::Auto;
    ConnectionLimits limits;
    // Event-loop threads serving connections. 1 by default: on the 2-core
    // benchmark machine (the load generator takes the other core), LF closed
    // loop, 3 s runs, medians of 3: C=100 161k/s with 1 thread vs 105k/s with
    // 2; C=1000 126k/s vs 110k/s. More threads pay off only with spare cores.
    int ioThreads = 1;
    int maxConnections = 10000; // more get "server full" and are closed
    bool logMessages = true;    // log every message received/sent (rate-limited per batch)
    std::chrono::milliseconds updateInterval{250}; // how often batches reach the user
    QString serverName = QStringLiteral("chorus-server");
};

} // namespace chorus

Q_DECLARE_METATYPE(chorus::ConnectionSnapshot)
Q_DECLARE_METATYPE(chorus::LogEntry)
Q_DECLARE_METATYPE(chorus::ServerCounters)
Q_DECLARE_METATYPE(chorus::ListenFailure)
Q_DECLARE_METATYPE(chorus::BlockedAddress)
