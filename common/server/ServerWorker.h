#pragma once

// The engine's event-loop threads. Each ServerWorker lives in its own QThread
// and owns the Connections it serves; worker 0 also owns the listening socket
// and hands accepted descriptors to the least loaded worker. Everything the
// user sees leaves a worker as one WorkerBatch per update interval.

#include "answer/ReplyBook.h"
#include "answer/RuleBook.h"
#include "server/BlockList.h"
#include "server/Connection.h"
#include "server/ServerTypes.h"
#include "server/TlsServerSetup.h"
#include "server/UdpSessions.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTcpServer>
#include <QTimer>

#include <atomic>
#include <memory>
#include <vector>

namespace chorus {

class ServerSessionLog;
class ServerWorker;
class UdpChannel;

// State every worker of one engine shares. Only atomics change while running;
// `workers` is fixed before the threads start and while they run.
struct ServerShared
{
    std::atomic<quint64> nextId{1}; // connection ids, never reused for the engine's lifetime
    std::atomic<int> active{0};     // accepted and not yet closed, over all workers
    std::atomic<quint64> nextCommandSeq{1}; // cmd seqs, never reused for the engine's lifetime
    std::shared_ptr<ReplyBook> book;
    std::shared_ptr<RuleBook> rules; // consulted before the book
    BlockList blocked;
    std::vector<ServerWorker*> workers;
    std::atomic<quint16> udpPort{0}; // bound UDP port while UDP is on, else 0
    UdpSessions sessions;            // Chorus sessions' UDP channels (tokens)
    // Set before start() when TLS is on (null otherwise); read by every worker's adopt().
    std::shared_ptr<const TlsCredentials> tls;
    std::atomic<quint16> tlsPort{0};        // the TLS listeners' port while listening
    ServerSessionLog* sessionLog = nullptr; // the engine's; submit() is thread-safe
};

// What one worker reports per update interval. Apply `changed` before `removed`:
// a connection that came and went within one interval is in both.
struct WorkerBatch
{
    QList<ConnectionSnapshot> changed;
    QList<quint64> removed;
    QList<LogEntry> log;
    TrafficCounters traffic;
    quint64 accepted = 0;
    quint64 rejectedFull = 0;
    quint64 rejectedBlocked = 0;
    quint64 rejectedAccess = 0;
    quint64 unanswered = 0;
    quint64 udpRefused = 0;
    quint64 udpExpired = 0;
    quint64 udpBadTokens = 0;
    QList<VehicleEvent> vehicle;

    bool isEmpty() const
    {
        return changed.isEmpty() && removed.isEmpty() && log.isEmpty() && vehicle.isEmpty() &&
               traffic.isZero() && accepted == 0 && rejectedFull == 0 && rejectedBlocked == 0 &&
               rejectedAccess == 0 && unanswered == 0 && udpRefused == 0 && udpExpired == 0 &&
               udpBadTokens == 0;
    }
};

// The listening socket: accepted descriptors go to a callback instead of
// becoming QTcpSockets here, so they can be adopted in the serving thread.
class ServerListener : public QTcpServer
{
    Q_OBJECT
public:
    explicit ServerListener(std::function<void(qintptr)> onIncoming, QObject* parent = nullptr)
        : QTcpServer(parent), m_onIncoming(std::move(onIncoming))
    {}

protected:
    void incomingConnection(qintptr socketDescriptor) override { m_onIncoming(socketDescriptor); }

private:
    std::function<void(qintptr)> m_onIncoming;
};

class ServerWorker : public QObject
{
    Q_OBJECT
public:
    explicit ServerWorker(std::shared_ptr<ServerShared> shared);
    ~ServerWorker() override;

    // Connections owned (or being handed over); read from the listener's thread.
    int load() const { return m_load.load(std::memory_order_relaxed); }

    // Everything below runs in the worker's thread: call it through
    // QMetaObject::invokeMethod(worker, ..., Qt::QueuedConnection).
    void configure(const ServerConfig& config);
    // Worker 0 only: one listener per bind address, all on one port (port 0:
    // the first listener's free port, tried again if another address has it).
    void startListening(const ListenAddress& address, quint16 port);
    void stopListening();
    // What the listener learnt about a peer before it became a Connection.
    struct AcceptedPeer
    {
        bool plainAllowed = true; // AccessDecision::plainAllowed
        bool tls = false;         // came in on a TLS listener
    };
    void adopt(quint64 id, qintptr socketDescriptor, const AcceptedPeer& peer);
    void stopAll(); // graceful close of every connection, then drained()
    void disconnectClients(const QList<quint64>& ids, const PeerText& reason);
    // Blocks the connections' addresses until `until`, then closes them.
    void disconnectAndBlock(const QList<quint64>& ids, const QDateTime& until);
    void sendDirect(const QList<quint64>& ids, const QByteArray& bytes);
    void broadcast(const QList<quint64>& ids, const QByteArray& bytes);
    void setFraming(const QList<quint64>& ids, const FrameSpec& spec);
    // To these connections, or every one when ids is empty; each gets its own seq.
    void sendCommand(const QList<quint64>& ids, const CommandRequest& request);
    void resendCommand(quint64 id, quint64 seq, const CommandRequest& request);
    void flushBatch();
    // ServerWorkerUdp.cpp, the dual channel: a token datagram for one of this
    // worker's connections (its reply goes back through worker 0), and a
    // message to these peers over their UDP channel.
    void sessionDatagram(quint64 id, const QByteArray& line);
    void sendOverUdp(const QList<quint64>& ids, const QByteArray& bytes);
    // Worker 0: one datagram to a session's UDP endpoint.
    void sendSessionDatagram(quint64 id, const QByteArray& bytes);

signals:
    void batchReady(const chorus::WorkerBatch& batch);
    void listeningStarted(const QList<QHostAddress>& addresses, quint16 port);
    void listenFailed(const chorus::ListenFailure& failure);
    void listenerClosed();
    void drained();

private:
    // Gives back the connection-count slot dispatch() took for a descriptor.
    void releaseSlot();
    void dispatch(qintptr socketDescriptor, bool tls);
    // ServerWorkerAccess.cpp: the access rules, before anything else is done
    // with a descriptor. false: refused, logged, counted and closed.
    bool admit(qintptr socketDescriptor, AcceptedPeer* peer);
    // Says `farewell` to a peer that is not admitted, then closes it.
    void refuse(qintptr socketDescriptor, const QByteArray& farewell, ConnectionError why,
                const QString& logText);
    // A listener for address:port, or nullptr with *failure set.
    ServerListener* openListener(const QHostAddress& address, quint16 port, ListenFailure* failure,
                                 bool tls);
    // Every listener of address, or none (then *failure says why).
    bool listenOn(const ListenAddress& address, quint16 port, QList<QHostAddress>* bound,
                  quint16* boundPort, ListenFailure* failure, bool tls = false);
    // ServerWorkerAccess.cpp: the TLS listeners beside the plain ones (the same
    // addresses, the TLS port); false with *failure set.
    bool listenTls(const ListenAddress& address, quint16 port, ListenFailure* failure);
    void closeListeners();
    // After the TCP listeners: the UDP sockets on the same addresses (ServerWorkerUdp.cpp).
    bool openUdp(const QList<QHostAddress>& addresses, quint16 tcpPort, ListenFailure* failure);
    void closeUdp();
    void onLogged(const LogEntry& entry);
    void onFinished(quint64 id, ConnectionError error, const QString& reason);
    void sendTo(const QList<quint64>& ids, const QByteArray& bytes, Connection::Unsolicited kind);
    void log(LogLevel level, LogKind kind, quint64 id, const QString& text, LogError error = {});
    void checkDrained();

    std::shared_ptr<ServerShared> m_shared;
    std::atomic<int> m_load{0};
    ServerConfig m_config;
    QHash<quint64, Connection*> m_connections;
    QList<QPointer<ServerListener>> m_listeners;
    UdpChannel* m_udp = nullptr; // worker 0, while UDP is on
    QTimer m_batchTimer;
    std::size_t m_nextTarget = 0;
    bool m_stopping = false;

    // The batch being collected.
    ConnectionLedger m_ledger;
    TrafficCounters m_reportedTraffic; // m_ledger's traffic at the last batch
    quint64 m_reportedUnanswered = 0;
    QList<ConnectionSnapshot> m_finalSnapshots;
    QList<quint64> m_removed;
    QList<LogEntry> m_log;
    quint64 m_accepted = 0;
    quint64 m_rejectedFull = 0;
    quint64 m_rejectedBlocked = 0;
    quint64 m_rejectedAccess = 0;
};

} // namespace chorus

Q_DECLARE_METATYPE(chorus::WorkerBatch)
