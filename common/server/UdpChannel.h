#pragma once

// The server's UDP side (issue 12): one QUdpSocket per bind address, on
// worker 0's thread, beside the TCP listeners. Each datagram is one message,
// answered by the same reply rules and reply book as a TCP connection
// (UdpChannelRules.cpp), to its sender, in one datagram. Peers are rows of the same connection
// table, keyed by address:port (UdpPeerTable, capped at the connection limit), and leave it after
// ServerConfig::udpIdle without a datagram. The wire rules are in docs/PROTOCOL.md §5.

#include "answer/ReplyBook.h"
#include "server/ConnectionLedger.h"
#include "server/ServerTypes.h"
#include "server/UdpPeerTable.h"
#include "server/VehicleLink.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

class QUdpSocket;

namespace chorus {

struct ServerShared;
struct WorkerBatch;

// Datagrams read from one socket per event-loop pass: a flood on one address
// cannot starve the TCP peers served by the same thread.
inline constexpr int kUdpDatagramsPerPass = 64;
// At the cap, a new peer may take the place of one quiet at least this long.
inline constexpr std::chrono::milliseconds kUdpMinEvictIdle{1000};

class UdpChannel : public QObject
{
    Q_OBJECT
public:
    UdpChannel(std::shared_ptr<ServerShared> shared, ConnectionLedger* ledger,
               QObject* parent = nullptr);
    ~UdpChannel() override;

    void configure(const ServerConfig& config);
    // One socket per address, all on one port (0: the first one's free port).
    // false (nothing bound) with *failure set.
    bool open(const QList<QHostAddress>& addresses, quint16 port, ListenFailure* failure);
    quint16 port() const { return m_port; }
    bool isOpen() const { return !m_sockets.isEmpty(); }
    // Every peer leaves the table; the sockets are closed.
    void close(ConnectionError reason, const QString& text);

    bool owns(quint64 id) const { return m_peers.contains(id); }
    // A message the peers did not ask for, in one datagram each (their last
    // line end added); Broadcast with no ids: every UDP peer.
    void send(const QList<quint64>& ids, const QByteArray& bytes, bool emptyMeansAll);
    // These peers leave the table (a later datagram makes them new rows).
    void forget(const QList<quint64>& ids, ConnectionError reason, const QString& text);
    // Their addresses are blocked (shared BlockList) and they leave the table.
    void block(const QList<quint64>& ids, const QDateTime& until);
    // One datagram to the endpoint a session's last token datagram came from
    // (nothing once the TCP link is gone).
    void sendToSession(quint64 id, const QByteArray& bytes);
    // UdpChannelCommands.cpp: a command to these UDP peers (none: every one),
    // the preset's payload in one datagram; resends keep the seq.
    void sendCommand(const QList<quint64>& ids, const CommandRequest& request);
    void resendCommand(quint64 id, quint64 seq, const CommandRequest& request);
    // Rows, removals, log lines and counts since the last batch.
    void collect(WorkerBatch* batch);

    const UdpPeerTable& peers() const { return m_peers; }

private:
    void onReadable(int socketIndex);
    // A datagram of JSON with a "token": a Chorus session's UDP channel. false
    // when it is not one (then it is a plain message).
    bool handleSessionDatagram(int socketIndex, QByteArrayView datagram, const QHostAddress& from,
                               quint16 fromPort);
    void handleDatagram(int socketIndex, QByteArrayView datagram, const QHostAddress& from,
                        quint16 fromPort);
    void sendCommandTo(quint64 id, quint64 seq, const CommandRequest& request, bool resend);
    // A datagram that is the awaited reply of a command sent to this peer (then not answered).
    bool takeCommandReply(const UdpPeer& peer, const QByteArray& message);
    // UdpChannelRules.cpp: the reply rules (then the book) answer a message.
    void answer(UdpPeer* peer, const QByteArray& message, const ReplyContext& context);
    // A reply to the peer in one datagram, ending with `terminator`; logged with `note`.
    void sendReply(UdpPeer* peer, const QByteArray& reply, Terminator terminator,
                   const QString& note);
    void sendDelayed(quint64 token);
    // The peer leaves the table: its delayed replies are dropped, counted and logged.
    void dropDelayedReplies(const UdpPeer& peer);
    UdpPeer* admit(int socketIndex, const QHostAddress& from, quint16 fromPort, qint64 nowMs);
    bool writeTo(UdpPeer* peer, const QByteArray& bytes, bool userMessage);
    void expireIdle();
    void removed(UdpPeer&& peer, ConnectionError reason, const QString& text, LogLevel level);
    void markChanged(UdpPeer* peer);
    ConnectionSnapshot snapshotOf(const UdpPeer& peer) const;
    // `note`: what the log says of a sent reply (who sent it); empty: "sent".
    void logTraffic(LogKind kind, quint64 id, const QByteArray& payload, const QString& note = {});
    bool admitProblem(UdpPeer* peer);
    void log(LogLevel level, LogKind kind, quint64 id, const QString& text, LogError error = {});

    std::shared_ptr<ServerShared> m_shared;
    ConnectionLedger* m_ledger;
    ServerConfig m_config;
    QList<QUdpSocket*> m_sockets;
    quint16 m_port = 0;
    UdpPeerTable m_peers;
    QElapsedTimer m_clock;
    QTimer m_expiryTimer;
    QDateTime m_passTime; // when the current read pass began

    // Since the last batch.
    QList<quint64> m_changed;
    QList<ConnectionSnapshot> m_finalSnapshots;
    QList<quint64> m_removed;
    QList<LogEntry> m_log;
    quint64 m_refused = 0;
    quint64 m_expired = 0;
    quint64 m_blocked = 0;
    quint64 m_badTokens = 0;
    struct SessionEndpoint
    {
        UdpEndpoint endpoint;
        int socketIndex = 0;
    };
    QHash<quint64, SessionEndpoint> m_sessionEndpoints;
    // Rule replies waiting for their delay, by token; each has a single-shot
    // timer bound to the channel, so none outlives it.
    struct DelayedDatagram
    {
        quint64 peerId = 0;
        std::optional<QByteArray> reply;          // nullopt: a no-reply rule that closes
        Terminator terminator = Terminator::None; // the answered datagram's
        bool close = false;
        QString note;
        QString ruleName;
    };
    QHash<quint64, DelayedDatagram> m_delayed;
    // Commands awaiting their reply, per UDP peer (only peers that were sent one).
    QHash<quint64, VehicleLink> m_vehicles;
    quint64 m_nextDelayToken = 0;
};

} // namespace chorus
