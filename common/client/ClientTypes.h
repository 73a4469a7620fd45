#pragma once

// The values the client engine is configured with and reports: its settings,
// states, the events of a conversation, and why something failed, as enums.
// No sentence is built here: the window turns codes into words with tr(), so
// a translation (or a test) never depends on English text from the engine.

#include "wire/FrameCodec.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

namespace chorus {

inline constexpr quint16 kDefaultClientPort = 9999;
inline constexpr std::chrono::milliseconds kDefaultConnectTimeout{5000};
inline constexpr std::chrono::milliseconds kDefaultReconnectInitial{500};
inline constexpr std::chrono::milliseconds kDefaultReconnectMax{30000};
// A link that stays up this long (or brings a reply or a welcome) has proven
// itself: only then does the reconnect backoff start again from the beginning.
inline constexpr std::chrono::milliseconds kDefaultLinkProvenAfter{5000};
inline constexpr std::chrono::milliseconds kDefaultHelloTimeout{1000};

// Plain: never a hello. Chorus: hello at connect; a welcome is required.
// Auto: plain text to any host:port not known as a chorus-server; Chorus to
// one that welcomed this client before (see KnownChorusServers).
enum class ClientProtocol { Auto, Chorus, Plain };

// How messages travel: a TCP connection, or one UDP datagram each (UdpClientLink).
enum class ClientTransport { Tcp, Udp };
QString clientTransportName(ClientTransport transport); // "tcp", "udp"
std::optional<ClientTransport> clientTransportFromName(QStringView name);
inline constexpr std::chrono::milliseconds kDefaultUdpReplyTimeout{1000};
QString clientProtocolName(ClientProtocol protocol); // "auto", "chorus", "plain"
std::optional<ClientProtocol> clientProtocolFromName(QStringView name);

struct ClientConfig
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = kDefaultClientPort;
    std::chrono::milliseconds connectTimeout = kDefaultConnectTimeout;
    bool autoReconnect = true;
    std::chrono::milliseconds reconnectInitial = kDefaultReconnectInitial;
    std::chrono::milliseconds reconnectMax = kDefaultReconnectMax;
    std::chrono::milliseconds linkProvenAfter = kDefaultLinkProvenAfter;
    // How received bytes become messages, and how sent ones are framed
    // (OutgoingMessages.h): the terminator ends each sent message only with
    // a text framing (Auto, Line, CR); the others frame it themselves.
    FrameSpec framing = Framing::Auto;
    std::chrono::milliseconds idleGap = kDefaultIdleGap;
    Terminator terminator = Terminator::Lf;
    // The server's known limit; send() refuses anything longer.
    qsizetype maxMessageBytes = kDefaultMaxMessageBytes;
    // Messages typed while down wait here; past this count send() refuses.
    qsizetype maxQueuedMessages = 10000;
    ClientProtocol protocol = ClientProtocol::Auto;
    QString name; // shown to a Chorus server
    // The server's shared access token, sent in the hello (never shown or logged in clear).
    QString accessToken;
    // TLS: the server's certificate must be the one pinned for host:port (TlsTrustStore).
    bool useTls = false;
    std::chrono::milliseconds helloTimeout = kDefaultHelloTimeout;
    ClientTransport transport = ClientTransport::Tcp;
    // UDP: a sent message without a reply after this long is counted lost.
    std::chrono::milliseconds udpReplyTimeout = kDefaultUdpReplyTimeout;
    // TCP, Chorus mode: also open the session's UDP channel a welcome offers
    // (SessionUdpChannel, PROTOCOL.md §5.4).
    bool udpChannel = false;
};

// A Chorus session's UDP channel (SessionUdpChannel). Off: none (not asked
// for, not offered, or the link is down); Opening: the bind ping is out;
// Bound: the server answered over it; Unanswered: no answer within the bind
// timeout (the server never answers a token it does not know); Failed: the
// socket reported an error (ICMP port unreachable, ...).
enum class UdpChannelState { Off, Opening, Bound, Unanswered, Failed };

enum class ClientState { Disconnected, Connecting, Connected, Reconnecting };

// A TLS server's certificate, as the trust dialog and the refusal show it.
struct TlsCertificateInfo
{
    QString endpoint;          // host:port the pin is for (KnownChorusServers::keyOf)
    QString fingerprint;       // SHA-256, "AB:CD:…"
    QString pinnedFingerprint; // TlsCertificateChanged: the one trusted before
    QString subject;           // "CN=…, O=…"
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    QString protocol; // "TLS 1.3"
};

// Why something failed. `reason` in the event carries the detail: Qt's
// errorString() for socket errors, the server's words for the others.
enum class ClientError {
    None,
    // Reaching the server and keeping the link.
    ConnectionRefused,  // nothing listens there
    HostNotFound,       // the name does not resolve
    ConnectTimeout,     // no connection within connectTimeout (limit = the timeout in ms)
    NetworkUnreachable, // no route
    RemoteClosed,       // the server closed the connection
    SocketFailure,      // any other socket error (reason says which)
    ServerFull,         // "error: server full (N connections)", then the close (reason = that line)
    // Chorus negotiation (protocol Chorus).
    ChorusRefused,  // the server answered the hello with something else (reason = what it said)
    WelcomeTimeout, // no welcome within helloTimeout (limit = the timeout in ms)
    // From the server once connected.
    ServerError,       // a Chorus error line (reason = "code: message")
    UnreadableLine,    // a line that is not a Chorus message (reason = "code: message")
    UnexpectedMessage, // a valid Chorus message a client does not accept (reason = its type)
    ReceivedTooLong,   // a message over maxMessageBytes (count = bytes discarded, limit = max)
    // Bytes the receive framing could not make a message of (payload = those bytes).
    ReceivedBadLength,       // a length field shorter than its own header (payload = the header)
    ReceivedOutsideEnvelope, // bytes before the envelope's start (count = their number)
    ReceivedIncomplete,      // the link closed inside a length-field or fixed frame (count)
    // send() and ping() refusals.
    EmptyMessage,      // nothing but empty lines
    MessageTooLong,    // a line of `count` bytes; the limit is `limit`
    WriteBacklog,      // `count` bytes still unwritten: the server is not reading
    QueueFull,         // `count` messages already wait for the connection
    PingNeedsChorus,   // ping on a plain-text connection
    NotUtf8ForChorus,  // a Chorus message is JSON text: count = the first byte that is not UTF-8
    DoesNotFitFraming, // a length field cannot say `count` bytes; `limit` is the most it can
    // UDP: an ICMP port unreachable came back (nothing listens on that port now).
    PortUnreachable,
    // sendOverUdpChannel() without an open UDP channel (TCP Chorus sessions only).
    NoUdpChannel,
    // Access control: the server refused our hello's access token (reason = its words).
    AccessDenied,
    // TLS (Use TLS). The certificate ones carry `certificate`; none is retried by itself.
    TlsHandshakeFailed,      // reason = Qt's (OpenSSL's) words; a plain port answers so
    TlsCertificateUntrusted, // first contact: no pin for host:port; the user may trust it
    TlsCertificateChanged,   // not the pinned certificate (both fingerprints in `certificate`)
    TlsCertificateExpired,   // outside its validity (certificate->notBefore/notAfter)
    TlsRequired,             // plain text to the server's TLS port: it said so (reason)
};
QString clientErrorName(ClientError error); // stable machine name: "connection-refused", ...

// What happened that is not a message and not an error.
enum class ClientNotice {
    None,
    Connecting,   // a connect the user asked for (endpoint)
    Connected,    // endpoint = the peer's address:port
    Disconnected, // the user's Disconnect
    // Protocol. Auto on a peer not known as a chorus-server: only the user's bytes are sent.
    PlainText,
    ChorusWelcome,       // count = our id, reason = the server's name, endpoint
    KnownServerFellBack, // a known chorus-server gave no welcome: forgotten, plain text
                         // (reason = its answer to the hello, dropped; empty when none)
    ServerBye,           // the server said bye (reason): no automatic reconnect
    // Reconnecting. One status that a window shows as one line, updated in place:
    // attempt = the retry's number (1, 2, ...), delayMs = the wait before it (0: now),
    // error/reason = the last failure; endpoint set once the retry connected.
    RetryWaiting,
    RetryConnecting,
    RetryConnected,
    // The queue and the rest.
    QueueSending,     // count = messages
    QueueKept,        // count = messages kept for the next connection
    QueueDiscarded,   // count = messages
    RepliesLost,      // count = sent messages the link took down unanswered
    AutoReconnectOff, // a pending retry was cancelled by turning auto-reconnect off
    Renamed,          // reason = the new name
    FixedSizeDiffers, // fixed framing: message messageId of `count` bytes went out as is;
                      // the framing's size is `limit`
    ReplyLost,        // UDP: message messageId (payload: its bytes) got no reply within
                      // `limit` ms: lost
};
QString clientNoticeName(ClientNotice notice); // stable machine name

enum class SendStatus { Sent, Queued, Refused };

struct SendResult
{
    SendStatus status = SendStatus::Refused;
    ClientError error = ClientError::None; // why it was refused
    qint64 count = 0;                      // as in the ClientEvent of the refusal
    qint64 limit = 0;
    QList<quint64> messageIds; // one per line sent or queued
};

// One thing that happened, for the history pane. Small and copyable: at chat
// rates one signal per event is fine; fast senders are coalesced by the GUI.
// A message is its bytes (payload), exactly as sent or received; only a view
// turns them into text (wire/ByteText.h).
struct ClientEvent
{
    enum class Kind {
        Sent,      // a message went out (messageId); may follow Queued with the same id
        Queued,    // typed while down; will go out on reconnect, in order
        Received,  // a message from the server (replyTo/rttMs when matched)
        Notice,    // see `notice`
        Error,     // see `error` (framing problems carry the bytes in payload)
        Refused,   // send() or ping() refused (see `error`)
        Broadcast, // chorus mode: the server's message to every client
        Direct,    // chorus mode: the server's message to this client only
        Pong,      // chorus mode: answer to ping() (rttMs)
    };
    Kind kind = Kind::Notice;
    ClientNotice notice = ClientNotice::None; // Notice
    ClientError error = ClientError::None;    // Error, Refused; Retry* notices: the last failure
    quint64 messageId = 0;                    // Sent/Queued: the message's id
    quint64 replyTo = 0;                      // Received: id of the matched sent message, 0 if none
    std::optional<double> rttMs;              // Received, Pong: round trip when matched
    QByteArray payload;  // messages: their bytes (without framing); framing problems: the bytes
    QString reason;      // errors and some notices: the detail (see the enums)
    QString endpoint;    // host:port the event is about, where it matters
    qint64 count = 0;    // a number the words need (see the enums)
    qint64 limit = 0;    // a second number (see the enums)
    int attempt = 0;     // Retry* notices: the retry's number
    qint64 delayMs = 0;  // Retry* notices: the wait before it
    qsizetype bytes = 0; // bytes on the wire (Sent/Received)
    QDateTime time;
    bool overUdp = false; // travelled over the session's UDP channel
    // TLS certificate errors: the certificate met (shared: events are copied often).
    std::shared_ptr<const TlsCertificateInfo> certificate;

    // Part of a reconnect run (shown as one line that updates in place).
    bool isRetryStatus() const
    {
        return kind == Kind::Notice &&
               (notice == ClientNotice::RetryWaiting || notice == ClientNotice::RetryConnecting ||
                notice == ClientNotice::RetryConnected);
    }
};

// Messages and bytes each way, named from the client's side. (Not
// TrafficCounters: its in/out names are the server's view, and tests outside
// the client's files read these names.)
struct ClientStats
{
    quint64 messagesSent = 0;
    quint64 messagesReceived = 0;
    quint64 bytesSent = 0;
    quint64 bytesReceived = 0;
};

} // namespace chorus

Q_DECLARE_METATYPE(chorus::ClientEvent)
Q_DECLARE_METATYPE(chorus::ClientState)
Q_DECLARE_METATYPE(chorus::ClientError)
Q_DECLARE_METATYPE(chorus::UdpChannelState)
Q_DECLARE_METATYPE(chorus::TlsCertificateInfo)
