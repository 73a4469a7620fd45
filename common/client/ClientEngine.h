#pragma once

// The client side of a Chorus conversation, usable with no window: connects,
// frames what arrives, matches replies to sent messages for round-trip times,
// queues what is typed while the link is down and reconnects with backoff.
// Everything runs on the thread that owns the engine (event loop, no waitFor*).
//
// What it reports is codes, not sentences (ClientTypes.h): the window words them.

#include "base/AtomicFile.h"
#include "client/ChorusNegotiation.h"
#include "client/ClientTypes.h"
#include "client/KnownChorusServers.h"
#include "client/OutgoingMessages.h"
#include "client/ReconnectBackoff.h"
#include "wire/FrameCodec.h"

#include <QAbstractSocket>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>

#include <chrono>
#include <deque>

class QTcpSocket;
class QTimer;

namespace chorus {

class SessionUdpChannel;
class UdpClientLink;
struct UdpProbeStats;
class TlsTrustStore;

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

    // The chorus-servers protocol Auto says hello to (keys: KnownChorusServers::keyOf).
    // The engine adds a server that welcomes it under protocol Chorus and drops
    // a known one that stops welcoming, reporting both by knownChorusServerChanged().
    void setKnownChorusServers(const QStringList& keys) { m_known.setKeys(keys); }
    QStringList knownChorusServers() const { return m_known.keys(); }

    // ClientEngineTls.cpp. Where Use TLS finds the pinned certificates (none: nothing is trusted).
    void setTlsTrustStore(std::shared_ptr<TlsTrustStore> store);
    // The user trusts this certificate for info.endpoint (after TlsCertificateUntrusted or
    // TlsCertificateChanged): pinned and saved; connectToServer() then uses it.
    FileResult trustCertificate(const TlsCertificateInfo& info);
    // "TLS 1.3" while connected with TLS; empty otherwise.
    QString tlsProtocol() const { return m_socket && m_config.useTls ? m_tlsProtocol : QString(); }

    ClientState state() const { return m_state; }
    // Address:port actually connected to, and since when (valid when Connected).
    QString peerLabel() const { return m_peerLabel; }
    QDateTime connectedSince() const { return m_connectedSince; }
    // Reconnecting: the wait left before the next attempt (0 otherwise).
    std::chrono::milliseconds reconnectTimeLeft() const;
    // The wait before the current (or last) retry: the backoff in effect.
    std::chrono::milliseconds reconnectDelay() const { return m_backoff.lastDelay(); }
    // The number of the pending or running retry; 0 when not in a reconnect run.
    int reconnectAttempt() const { return m_attempt; }
    // The failure that ended the last link or attempt.
    ClientError lastError() const { return m_lastError; }
    QString lastErrorReason() const { return m_lastReason; }
    const ClientStats& stats() const { return m_stats; }
    qsizetype queuedCount() const { return qsizetype(m_queue.size()); }
    qsizetype awaitingReplies() const;
    // The UDP transport's loss and round-trip figures; nullptr over TCP.
    const UdpProbeStats* udpProbe() const;

    // Each entry is one message, sent as is in the connection's framing
    // (OutgoingMessages.h); empty ones are skipped. All or nothing: one
    // message refused (too long, not UTF-8 for a Chorus server, too long for
    // a length field) refuses them all, before any byte goes out.
    SendResult send(const QList<QByteArray>& messages);
    SendResult send(const QByteArray& message) { return send(QList<QByteArray>{message}); }

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
    // ClientEngineChannel.cpp: the session's UDP channel (ClientConfig::udpChannel).
    UdpChannelState udpChannelState() const;
    // One message as a datagram over that channel (Refused with NoUdpChannel
    // when none is open); its reply comes back over it, matched by seq.
    SendResult sendOverUdpChannel(const QByteArray& message);
    // Chorus mode only: an ack, telemetry, status or heartbeat (wire/VehicleMessages.h)
    // as one JSON line, with no history event (telemetry comes many times a second).
    // `overUdp`: as one datagram over the session's UDP channel (the answer to a
    // cmd that came that way). False when not in Chorus mode, no such channel is
    // usable, or the socket refused the bytes.
    bool sendVehicleMessage(const ChorusMessage& message, bool overUdp = false);

public slots:
    void connectToServer();
    // User-requested: cancels any reconnect; queued messages stay queued.
    void disconnectFromServer();
    // Reconnecting: try now instead of waiting out the backoff (otherwise nothing).
    void retryNow();
    // Forgets messages queued while disconnected (reported as a notice).
    void discardQueue();

signals:
    void stateChanged(chorus::ClientState state);
    // While Reconnecting, every 100 ms: the wait left, in milliseconds.
    void reconnectCountdown(qint64 msLeft);
    void eventOccurred(const chorus::ClientEvent& event);
    void statsChanged();
    // Chorus or text mode decided (after the hello, or the fallback).
    void modeChanged();
    // A welcome under protocol Chorus made `key` a known chorus-server (true),
    // or a known one gave no welcome and was forgotten (false).
    void knownChorusServerChanged(const QString& key, bool known);
    void udpChannelChanged(chorus::UdpChannelState state);
    // Chorus mode: the server sent a cmd (SimulatedVehicle answers it), over
    // the TCP link or (overUdp) the session's UDP channel.
    void commandReceived(const chorus::ChorusMessage& command, bool overUdp);

private:
    struct QueuedMessage
    {
        quint64 id;
        QByteArray payload;
    };
    // Why a link or an attempt ended.
    struct Failure
    {
        ClientError error = ClientError::None;
        QString reason;
        qint64 limit = 0;
    };

    void setState(ClientState state);
    void emitNotice(ClientNotice notice, qint64 count = 0, const QString& reason = {});
    void emitError(ClientEvent::Kind kind, const Failure& failure, qint64 count = 0);
    QString endpointKey() const;
    void startSocket();
    // ClientEngineTls.cpp: a QTcpSocket or (Use TLS) a QSslSocket, and its connect.
    QTcpSocket* createSocket();
    void openSocket();
    void onTlsEncrypted();
    void refuseCertificate(ClientError error, const std::shared_ptr<TlsCertificateInfo>& info);
    void startRetry();
    void dropSocket();
    void onConnected();
    void onReadyRead();
    void onIdleGap();
    void onSocketError(QAbstractSocket::SocketError error);
    void onConnectTimeout();
    void handleLinkLost(Failure failure);
    void scheduleReconnect(const Failure& failure);
    void linkProven();
    void stopRetries();
    void deliver(const FramedMessage& message);
    void deliverPlain(const FramedMessage& message);
    void deliverChorus(const FramedMessage& message);
    void reportFrameProblem(const FramedMessage& message);
    // Whether messages sent now go to a Chorus server (JSON text).
    bool sendsChorus() const;
    // False only when the socket refused the bytes; a message that cannot
    // go out in this framing is reported and dropped (true).
    bool writeMessage(quint64 id, const QByteArray& payload);
    bool writeLine(const QByteArray& line);
    void flushQueue();
    void finishNegotiation(const ChorusNegotiation::Answer* answer);
    // ClientEngineUdp.cpp: the UDP transport (UdpClientLink) behind the same API.
    bool usesUdp() const { return m_config.transport == ClientTransport::Udp; }
    void startUdp();
    void onUdpOpened(const QString& peerLabel);
    void onUdpEvent(const ClientEvent& event);
    SendResult sendUdp(const QList<QByteArray>& messages);
    void closeUdp();
    // ClientEngineChannel.cpp.
    void openUdpChannel(const ChorusNegotiation::Answer& welcome);
    void closeUdpChannel();
    void onUdpChannelLine(const QByteArray& line);

    ClientConfig m_config;
    ClientState m_state = ClientState::Disconnected;
    QTcpSocket* m_socket = nullptr;
    QTimer* m_connectTimer;
    QTimer* m_reconnectTimer;
    QTimer* m_countdownTimer;
    QTimer* m_idleTimer;
    QTimer* m_helloTimer;
    QTimer* m_provenTimer;
    KnownChorusServers m_known;
    ChorusNegotiation::Offer m_offer = ChorusNegotiation::Offer::None;
    bool m_chorusMode = false;
    bool m_negotiating = false;
    quint64 m_clientId = 0;
    QString m_serverName;
    QHash<quint64, qint64> m_pendingBySeq; // chorus mode: seq -> send time
    FrameDecoder m_decoder;
    OutgoingFramer m_outgoing;
    bool m_userDisconnect = false;
    bool m_everConnected = false;
    // This link: messages seen, and what the server said before closing it.
    qint64 m_linkMessages = 0;
    bool m_byeReceived = false;
    bool m_linkRefused = false; // access denied or TLS required: the rest is not delivered
    QString m_serverFullLine;
    ReconnectBackoff m_backoff;
    int m_attempt = 0;
    ClientError m_lastError = ClientError::None;
    QString m_lastReason;
    QElapsedTimer m_reconnectClock;
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
    std::shared_ptr<TlsTrustStore> m_trust;
    QString m_tlsProtocol;
    ClientStats m_stats;
    UdpClientLink* m_udp = nullptr;         // created on the first UDP connect
    SessionUdpChannel* m_channel = nullptr; // created on the first welcome that offers one
};

} // namespace chorus
