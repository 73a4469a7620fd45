#pragma once

// The client side of a Chorus conversation, usable with no window: connects,
// frames what arrives, matches replies to sent messages for round-trip times,
// queues what is typed while the link is down and reconnects with backoff.
// Everything runs on the thread that owns the engine (event loop, no waitFor*).

#include "wire/FrameCodec.h"

#include <QAbstractSocket>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <deque>
#include <optional>

class QTcpSocket;
class QTimer;

namespace chorus {

inline constexpr quint16 kDefaultClientPort = 9999;
inline constexpr std::chrono::milliseconds kDefaultConnectTimeout{5000};
inline constexpr std::chrono::milliseconds kDefaultReconnectInitial{500};
inline constexpr std::chrono::milliseconds kDefaultReconnectMax{30000};

// Auto: say hello and use the Chorus protocol if the server welcomes us
// within helloTimeout, else plain text. Chorus: require it. Plain: never try.
enum class ClientProtocol { Auto, Chorus, Plain };
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
    Framing framing = Framing::Auto;
    std::chrono::milliseconds idleGap = kDefaultIdleGap;
    Terminator terminator = Terminator::Lf;
    // The server's known limit; send() refuses anything longer.
    qsizetype maxMessageBytes = kDefaultMaxMessageBytes;
    // Messages typed while down wait here; past this count send() refuses.
    qsizetype maxQueuedMessages = 10000;
    ClientProtocol protocol = ClientProtocol::Auto;
    QString name; // shown to a Chorus server
    std::chrono::milliseconds helloTimeout{1000};
};

enum class ClientState { Disconnected, Connecting, Connected, Reconnecting };
QString clientStateName(ClientState state);

enum class SendStatus { Sent, Queued, Refused };

struct SendResult
{
    SendStatus status = SendStatus::Refused;
    QString reason;            // why it was refused (empty otherwise)
    QList<quint64> messageIds; // one per line sent or queued
};

// One thing that happened, for the history pane. Small and copyable: at chat
// rates one signal per event is fine; fast senders are coalesced by the GUI.
struct ClientEvent
{
    enum class Kind {
        Sent,      // a message went out (messageId); may follow Queued with the same id
        Queued,    // typed while down; will go out on reconnect, in order
        Received,  // a message from the server (replyTo/rttMs when matched)
        Notice,    // connected, disconnected, reconnecting...
        Error,     // connection refused, timed out, ...
        Refused,   // send() refused a message (text holds the reason)
        Broadcast, // chorus mode: the server's message to every client
        Direct,    // chorus mode: the server's message to this client only
        Pong,      // chorus mode: answer to ping() (rttMs)
    };
    Kind kind = Kind::Notice;
    quint64 messageId = 0;       // Sent/Queued: the message's id
    quint64 replyTo = 0;         // Received: id of the matched sent message, 0 if none
    std::optional<double> rttMs; // Received: round trip when matched
    QString text;
    qsizetype bytes = 0; // bytes on the wire (Sent/Received)
    QDateTime time;
};

struct ClientStats
{
    quint64 messagesSent = 0;
    quint64 messagesReceived = 0;
    quint64 bytesSent = 0;
    quint64 bytesReceived = 0;
};

class ClientEngine : public QObject
{
    Q_OBJECT
public:
    explicit ClientEngine(QObject* parent = nullptr);
    ~ClientEngine() override;

    // Takes effect on the next connect (framing/terminator/limits apply at once).
    void setConfig(const ClientConfig& config);
    const ClientConfig& config() const { return m_config; }
    void setAutoReconnect(bool on);

    ClientState state() const { return m_state; }
    // Address:port actually connected to, and since when (valid when Connected).
    QString peerLabel() const { return m_peerLabel; }
    QDateTime connectedSince() const { return m_connectedSince; }
    int reconnectSecondsLeft() const;
    // Delay of the current (or last) reconnect wait: the backoff in effect.
    std::chrono::milliseconds reconnectDelay() const { return m_reconnectDelay; }
    const ClientStats& stats() const { return m_stats; }
    qsizetype queuedCount() const { return qsizetype(m_queue.size()); }
    qsizetype awaitingReplies() const
    {
        return qsizetype(m_pendingReplies.size()) + m_pendingBySeq.size();
    }

    // Each line of text is its own message. Empty lines are skipped.
    SendResult send(const QString& text);

    // Chorus protocol (after a welcome): our id, the server's name.
    bool isChorusMode() const { return m_chorusMode; }
    bool isNegotiating() const { return m_negotiating; }
    quint64 clientId() const { return m_clientId; }
    QString serverName() const { return m_serverName; }
    // Chorus mode only: measures the round trip without the reply book.
    // Returns false (with a Refused event) otherwise.
    bool ping();
    // Sets the name; tells a Chorus server at once.
    void rename(const QString& name);

public slots:
    void connectToServer();
    // User-requested: cancels any reconnect; queued messages stay queued.
    void disconnectFromServer();
    // Forgets messages queued while disconnected (reported as a notice).
    void discardQueue();

signals:
    void stateChanged(chorus::ClientState state);
    void reconnectCountdown(int secondsLeft);
    void eventOccurred(const chorus::ClientEvent& event);
    void statsChanged();
    // Chorus or text mode decided (after the hello, or the fallback).
    void modeChanged();

private:
    struct QueuedMessage
    {
        quint64 id;
        QString text;
    };

    void setState(ClientState state);
    void emitEvent(ClientEvent::Kind kind, const QString& text, quint64 messageId = 0);
    void startSocket();
    void dropSocket();
    void onConnected();
    void onReadyRead();
    void onIdleGap();
    void onSocketError(QAbstractSocket::SocketError error);
    void onDisconnected();
    void onConnectTimeout();
    void handleLinkLost(const QString& reason, bool isError);
    void scheduleReconnect();
    void onCountdownTick();
    void deliver(const FramedMessage& message);
    bool writeMessage(quint64 id, const QString& text);
    void flushQueue();
    QString describeSocketError(QAbstractSocket::SocketError error) const;
    void onHelloTimeout();
    void finishNegotiation(bool chorus);
    void handleChorusLine(const ClientEvent& base, const QByteArray& payload);
    bool writeLine(const QByteArray& line);

    ClientConfig m_config;
    ClientState m_state = ClientState::Disconnected;
    QTcpSocket* m_socket = nullptr;
    QTimer* m_connectTimer = nullptr;
    QTimer* m_reconnectTimer = nullptr;
    QTimer* m_countdownTimer = nullptr;
    QTimer* m_idleTimer = nullptr;
    QTimer* m_helloTimer = nullptr;
    bool m_chorusMode = false;
    bool m_negotiating = false;
    quint64 m_clientId = 0;
    QString m_serverName;
    QHash<quint64, qint64> m_pendingBySeq; // chorus mode: seq -> send time
    FrameDecoder m_decoder;
    bool m_userDisconnect = false;
    bool m_everConnected = false;
    std::chrono::milliseconds m_nextBackoff{0};
    QElapsedTimer m_reconnectClock;
    std::chrono::milliseconds m_reconnectDelay{0};
    QElapsedTimer m_clock; // monotonic base for round trips
    // When the last bytes arrived: a reply framed by the idle gap arrived
    // then, not when the gap expired, so its round trip excludes the gap.
    qint64 m_arrivalNs = 0;
    struct PendingReply
    {
        quint64 id;
        qint64 sentNs;
    };
    std::deque<PendingReply> m_pendingReplies;
    std::deque<QueuedMessage> m_queue;
    quint64 m_nextId = 1;
    QString m_peerLabel;
    QDateTime m_connectedSince;
    ClientStats m_stats;
};

} // namespace chorus

Q_DECLARE_METATYPE(chorus::ClientEvent)
Q_DECLARE_METATYPE(chorus::ClientState)
