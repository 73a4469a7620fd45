#pragma once

// Plain value types the server engine hands to its users (the window, the
// headless front end, tests). They cross threads by queued signals.

#include "base/TrafficCounters.h"
#include "server/AccessRules.h"
#include "server/ListenAddress.h"
#include "server/LogEntry.h"
#include "server/PeerRateLimit.h"
#include "server/ServerSessionLog.h"
#include "server/VehicleLink.h"
#include "wire/FrameCodec.h"
#include "wire/FrameSpec.h"

#include <QAbstractSocket>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <chrono>

namespace chorus {

enum class ConnectionState { Connected, Closing, Closed };
enum class PeerProtocol { Text, Chorus };
// How a peer reaches the server: a TCP connection, UDP datagrams from one
// address:port, or a Chorus TCP session with its bound UDP channel (PROTOCOL.md §5).
enum class PeerTransport { Tcp, Udp, TcpUdp };
QString connectionStateName(ConnectionState state);
QString peerProtocolName(PeerProtocol protocol);
QString peerTransportName(PeerTransport transport); // "TCP", "UDP", "TCP+UDP"

struct ConnectionLimits
{
    qsizetype maxMessageBytes = kDefaultMaxMessageBytes;
    qint64 highWaterBytes = 1024 * 1024;
    // Most bytes taken from one peer per event-loop pass (the rest waits in the
    // kernel's receive buffer, under TCP flow control): one busy peer cannot
    // starve the others, and nothing unread is buffered in the process. The
    // pass is also capped in messages and time (Connection.h, kPass*).
    qint64 readBufferBytes = 64 * 1024;
    std::chrono::milliseconds idleGap = kDefaultIdleGap;
    // A peer that sends nothing for this long is closed; zero: never.
    std::chrono::milliseconds idleTimeout{0};
    // A message once started must end within this long (slowloris); zero: no limit.
    std::chrono::milliseconds frameTimeout{0};
    RateLimit rateLimit; // per peer; off by default
};

// The Last message column keeps this much of a message (a row per connection).
inline constexpr qsizetype kLastMessageBytes = 256;

struct ConnectionSnapshot
{
    quint64 id = 0; // unique for the engine's lifetime, never reused
    QString peerAddress;
    quint16 peerPort = 0;
    QDateTime connectedSince;
    TrafficCounters traffic; // user messages only; bytes include control traffic
    quint64 errors = 0;
    quint64 unanswered = 0;
    QByteArray lastMessage;        // the last user message's first kLastMessageBytes bytes
    qsizetype lastMessageSize = 0; // its whole size
    FrameSpec framing;             // how this connection's messages are framed
    // The Framing column: the spec's label, or for the text framings the
    // terminator the peer was last seen to use ("LF", "CR", "idle gap").
    QString detectedFraming;
    ConnectionState state = ConnectionState::Connected;
    PeerProtocol protocol = PeerProtocol::Text;
    QString name;                    // chorus peers only
    bool tls = false;                // came in on the TLS port
    QString tlsProtocol;             // "TLS 1.3" once the handshake is done; empty before
    bool rateLimited = false;        // input is being held back by the peer's rate limit
    QMap<QString, quint64> ruleHits; // reply rule name -> replies it gave this peer
    PeerTransport transport = PeerTransport::Tcp;
    QDateTime lastSeen; // UDP peers (and bound channels): the last datagram; else invalid
    bool stale = false; // heard from before, silent past the heartbeat timeout (VehicleLink)
};

// The server's totals: its traffic (read as counters.messagesIn) and the rest.
struct ServerCounters : TrafficCounters
{
    quint64 active = 0;
    quint64 totalAccepted = 0;
    quint64 rejectedFull = 0;
    quint64 rejectedBlocked = 0;
    quint64 rejectedAccess = 0; // refused at accept by the allowlist or the denylist
    quint64 unanswered = 0;
    quint64 udpRefused = 0;   // datagrams from new peers while the UDP peer table was full
    quint64 udpExpired = 0;   // UDP peers that left the table after the idle time
    quint64 udpBadTokens = 0; // dual-channel datagrams with an unknown or stale token
    // User messages per second over the last few seconds (RateWindow).
    double messagesInPerSecond = 0;
    double messagesOutPerSecond = 0;
    quint64 openFileLimit = 0; // soft RLIMIT_NOFILE after raising it
};

// Why the TLS listener could not start (its files); None for socket failures.
enum class TlsSetupError {
    None,
    NoBackend,                 // this Qt has no TLS backend (reason: the backends it has)
    CertificateFileUnreadable, // reason: the file's error
    CertificateInvalid,        // not a PEM (or DER) certificate
    KeyFileUnreadable,
    KeyInvalid,      // not an unencrypted PEM RSA/EC/… key
    KeyDoesNotMatch, // the key is of another kind (RSA, EC, …) than the certificate's
};

QString tlsSetupErrorName(TlsSetupError error); // "certificate expired", translated

// Why start() did not end in listening.
struct ListenFailure
{
    QAbstractSocket::SocketError error = QAbstractSocket::UnknownSocketError;
    QHostAddress address; // the one that could not be bound
    quint16 port = 0;
    QString reason;                               // Qt's errorString(), or the TLS setup's detail
    TlsSetupError tlsError = TlsSetupError::None; // set: the TLS files, not a socket
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

inline constexpr quint16 kDefaultTlsPort = 9443;

// TLS beside the plain listener (TlsServerSetup.h): on when both files are given.
struct TlsListenConfig
{
    QString certificatePath;
    QString keyPath;
    quint16 port = kDefaultTlsPort; // 0 picks a free port
    bool enabled() const { return !certificatePath.isEmpty() && !keyPath.isEmpty(); }
};

struct ServerConfig
{
    ListenAddress address; // every interface, this machine (127.0.0.1 + ::1) or one address
    quint16 port = 9999;   // 0 picks a free port (the same one for every listener)
    FrameSpec framing = Framing::Auto; // of new connections; each may be changed later
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
    // UDP beside TCP (UdpChannel): datagrams on the same addresses.
    bool udp = false;
    int udpPort = -1;                         // -1: the TCP port (as bound); 0: a free port
    std::chrono::milliseconds udpIdle{60000}; // a quiet UDP peer leaves the table after this
    AccessPolicy access;                      // who may connect; open by default
    TlsListenConfig tls;                      // off by default
    VehicleOptions vehicle;      // heartbeats, stale marks, key=value telemetry (issue 13)
    SessionLogConfig sessionLog; // off by default (ServerSessionLog.h)
};

} // namespace chorus

Q_DECLARE_METATYPE(chorus::ConnectionSnapshot)
Q_DECLARE_METATYPE(chorus::ServerCounters)
Q_DECLARE_METATYPE(chorus::ListenFailure)
Q_DECLARE_METATYPE(chorus::BlockedAddress)
