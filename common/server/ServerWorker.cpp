#include "server/ServerWorker.h"

#include "base/Endpoint.h"
#include "server/UdpChannel.h"

#include <QTcpSocket>

#include <chrono>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace chorus {

namespace {

// A full kernel backlog of half-open peers at once (2000 clients connecting
// together) must not be dropped to SYN retries; the kernel caps it at somaxconn.
constexpr int kListenBacklog = 4096;
// After accept() fails (out of descriptors), wait a bit instead of spinning.
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};

void closeDescriptor(qintptr socketDescriptor)
{
#ifdef Q_OS_UNIX
    ::close(int(socketDescriptor));
#else
    Q_UNUSED(socketDescriptor);
#endif
}

// The peer of an accepted descriptor, before any socket object exists for it.
QHostAddress peerOf(qintptr socketDescriptor)
{
#ifdef Q_OS_UNIX
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getpeername(int(socketDescriptor), reinterpret_cast<sockaddr*>(&storage), &length) != 0)
        return {};
    return plainAddress(QHostAddress(reinterpret_cast<const sockaddr*>(&storage)));
#else
    Q_UNUSED(socketDescriptor);
    return {};
#endif
}

// What a blocked peer is told, on the way out and when it comes back.
PeerText blockedText(const QDateTime& until)
{
    return PeerText::in(
               "chorus::ServerWorker",
               QT_TRANSLATE_NOOP("chorus::ServerWorker", "blocked by the server operator until %1"))
        .arg(until.toString(QStringLiteral("HH:mm")));
}

} // namespace

ServerWorker::ServerWorker(std::shared_ptr<ServerShared> shared)
    : m_shared(std::move(shared)), m_batchTimer(this)
{
    connect(&m_batchTimer, &QTimer::timeout, this, &ServerWorker::flushBatch);
}

ServerWorker::~ServerWorker()
{
    // The engine is going away: connections die with us, without reporting.
    for (Connection* connection : std::as_const(m_connections))
        connection->disconnect(this);
    if (!m_connections.isEmpty())
        m_shared->active.fetch_sub(int(m_connections.size()));
}

void ServerWorker::configure(const ServerConfig& config)
{
    m_config = config;
    m_ledger.logMessages = config.logMessages;
    m_ledger.sessionLogOn = config.sessionLog.enabled() && m_shared->sessionLog;
    if (m_udp)
        m_udp->configure(config);
    for (Connection* connection : std::as_const(m_connections))
        connection->setVehicleOptions(config.vehicle);
    m_batchTimer.start(std::max(config.updateInterval, std::chrono::milliseconds(10)));
}

ServerListener* ServerWorker::openListener(const QHostAddress& address, quint16 port,
                                           ListenFailure* failure, bool tls)
{
    auto* listener = new ServerListener([this, tls](qintptr fd) { dispatch(fd, tls); }, this);
    listener->setListenBacklogSize(kListenBacklog);
    connect(listener, &QTcpServer::acceptError, this,
            [this, listener](QAbstractSocket::SocketError error) {
                log(LogLevel::Error, LogKind::Error, 0,
                    tr("cannot accept a connection: %1 (retrying)").arg(listener->errorString()),
                    error);
                listener->pauseAccepting();
                QTimer::singleShot(kAcceptRetryDelay, listener,
                                   [listener] { listener->resumeAccepting(); });
            });
    if (listener->listen(address, port))
        return listener;
    *failure = ListenFailure{listener->serverError(), address, port, listener->errorString()};
    delete listener;
    return nullptr;
}

bool ServerWorker::listenOn(const ListenAddress& address, quint16 port, QList<QHostAddress>* bound,
                            quint16* boundPort, ListenFailure* failure, bool tls)
{
    quint16 nextPort = port;
    for (const QHostAddress& bindAddress : address.bindAddresses()) {
        if (ServerListener* listener = openListener(bindAddress, nextPort, failure, tls)) {
            m_listeners.append(listener);
            bound->append(bindAddress);
            nextPort = listener->serverPort(); // port 0: the others take the same one
            continue;
        }
        // A machine without IPv6 still has 127.0.0.1: "this machine" goes on with it.
        const bool noIpv6 = address.scope() == ListenAddress::Scope::ThisMachine &&
                            bindAddress.protocol() == QAbstractSocket::IPv6Protocol &&
                            (failure->error == QAbstractSocket::UnsupportedSocketOperationError ||
                             failure->error == QAbstractSocket::SocketAddressNotAvailableError);
        if (noIpv6 && !bound->isEmpty()) {
            log(LogLevel::Warning, LogKind::Notice, 0,
                tr("not listening on %1: %2").arg(bindAddress.toString(), failure->reason),
                failure->error);
            continue;
        }
        closeListeners();
        bound->clear();
        return false;
    }
    *boundPort = nextPort;
    return true;
}

void ServerWorker::startListening(const ListenAddress& address, quint16 port)
{
    m_stopping = false;
    if (!m_listeners.isEmpty()) {
        emit listenFailed(
            ListenFailure{QAbstractSocket::OperationError, {}, port, tr("already listening")});
        return;
    }
    // Port 0: the free port the first listener got may be taken on another
    // address; then the whole set starts over with a new one.
    constexpr int kFreePortAttempts = 5;
    ListenFailure failure;
    for (int attempt = 0; attempt < (port == 0 ? kFreePortAttempts : 1); ++attempt) {
        QList<QHostAddress> bound;
        quint16 boundPort = 0;
        if (listenOn(address, port, &bound, &boundPort, &failure)) {
            if (m_shared->tls && !listenTls(address, m_config.tls.port, &failure))
                break; // a TLS port in use is not retried: it is the user's choice
            if (!m_config.udp || openUdp(bound, boundPort, &failure)) {
                emit listeningStarted(bound, boundPort);
                return;
            }
            closeListeners();
        }
        if (failure.error != QAbstractSocket::AddressInUseError)
            break;
    }
    emit listenFailed(failure);
}

void ServerWorker::closeListeners()
{
    for (const QPointer<ServerListener>& listener : std::as_const(m_listeners)) {
        if (listener) {
            listener->close();
            delete listener.data();
        }
    }
    m_listeners.clear();
}

void ServerWorker::stopListening()
{
    closeListeners();
    closeUdp();
    emit listenerClosed();
}

void ServerWorker::dispatch(qintptr socketDescriptor, bool tls)
{
    AcceptedPeer peer;
    peer.tls = tls;
    if (!admit(socketDescriptor, &peer))
        return;
    if (!m_shared->blocked.isEmpty()) {
        const QDateTime now = QDateTime::currentDateTime();
        if (const auto block = m_shared->blocked.find(peerOf(socketDescriptor), now)) {
            ++m_rejectedBlocked;
            const PeerText text = blockedText(block->until);
            // A line of prose only for a peer that reads lines: a device framing gets nothing.
            refuse(socketDescriptor,
                   block->protocol == PeerProtocol::Chorus ? encodeChorusMessage(makeBye(text.wire))
                   : m_config.framing.isTextual()
                       ? encodeMessage(QStringLiteral("error: ") + text.wire, Terminator::Lf)
                       : QByteArray(),
                   ConnectionError::Blocked, text.shown);
            return;
        }
    }
    const int limit = m_config.maxConnections;
    const int before = m_shared->active.fetch_add(1);
    if (limit > 0 && before >= limit) {
        m_shared->active.fetch_sub(1);
        ++m_rejectedFull;
        const PeerText text =
            PeerText::in("chorus::ServerWorker", QT_TR_NOOP("server full (%1 connections)"))
                .arg(limit);
        refuse(socketDescriptor,
               m_config.framing.isTextual()
                   ? encodeMessage(QStringLiteral("error: ") + text.wire, Terminator::Lf)
                   : QByteArray(),
               ConnectionError::ServerFull, text.shown);
        return;
    }
    // Least loaded worker; ties go round robin so an idle engine spreads evenly.
    const auto& workers = m_shared->workers;
    ServerWorker* target = this;
    if (!workers.empty()) {
        const std::size_t n = workers.size();
        target = workers[m_nextTarget % n];
        for (std::size_t i = 1; i < n; ++i) {
            ServerWorker* candidate = workers[(m_nextTarget + i) % n];
            if (candidate->load() < target->load())
                target = candidate;
        }
        m_nextTarget = (m_nextTarget + 1) % n;
    }
    target->m_load.fetch_add(1);
    const quint64 id = m_shared->nextId.fetch_add(1);
    if (target == this) {
        adopt(id, socketDescriptor, peer);
    } else {
        // The socket object must be created in the thread that will use it.
        QMetaObject::invokeMethod(
            target,
            [target, id, socketDescriptor, peer] { target->adopt(id, socketDescriptor, peer); },
            Qt::QueuedConnection);
    }
}

void ServerWorker::refuse(qintptr socketDescriptor, const QByteArray& farewell, ConnectionError why,
                          const QString& logText)
{
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        log(LogLevel::Error, LogKind::Error, 0,
            tr("refused a connection (%1): %2").arg(logText, socket->errorString()), why);
        delete socket;
        closeDescriptor(socketDescriptor);
        return;
    }
    const QString peer = endpointText(socket->peerAddress(), socket->peerPort());
    log(LogLevel::Warning, LogKind::Error, 0, tr("refused %1: %2").arg(peer, logText), why);
    connect(socket, &QAbstractSocket::stateChanged, socket,
            [socket](QAbstractSocket::SocketState state) {
                if (state == QAbstractSocket::UnconnectedState)
                    socket->deleteLater();
            });
    QTimer::singleShot(kCloseFlushTimeout, socket, [socket] { socket->abort(); });
    if (!farewell.isEmpty())
        socket->write(farewell);
    socket->disconnectFromHost();
}

void ServerWorker::adopt(quint64 id, qintptr socketDescriptor, const AcceptedPeer& peer)
{
    if (m_stopping) {
        closeDescriptor(socketDescriptor);
        releaseSlot();
        return;
    }
    auto* connection =
        new Connection(id, m_config.framing, m_config.limits, m_shared->book, &m_ledger, this);
    connection->setServerName(m_config.serverName);
    if (peer.tls)
        connection->setTls(m_shared->tls);
    connection->setAccessTerms(m_config.access.token, peer.plainAllowed);
    connection->setRules(m_shared->rules);
    connection->setUdpSessions(&m_shared->sessions, this,
                               m_shared->workers.empty() ? this : m_shared->workers.front());
    connection->setVehicleOptions(m_config.vehicle);
    QString error;
    if (!connection->open(socketDescriptor, &error)) {
        delete connection;
        closeDescriptor(socketDescriptor);
        releaseSlot();
        log(LogLevel::Error, LogKind::Error, id, tr("cannot adopt a connection: %1").arg(error),
            ConnectionError::SocketError);
        return;
    }
    m_connections.insert(id, connection);
    connect(connection, &Connection::logged, this, &ServerWorker::onLogged);
    connect(connection, &Connection::finished, this, &ServerWorker::onFinished);
    ++m_accepted;
    connection->markChanged();
    log(LogLevel::Info, LogKind::Connected, id, tr("connected from %1").arg(connection->peer()));
    m_ledger.recordSession(SessionEvent::Kind::Connect, id, connection->peer());
}

void ServerWorker::releaseSlot()
{
    m_load.fetch_sub(1);
    m_shared->active.fetch_sub(1);
}

void ServerWorker::onLogged(const LogEntry& entry)
{
    m_log.append(entry);
}

void ServerWorker::onFinished(quint64 id, ConnectionError error, const QString& reason)
{
    Connection* connection = m_connections.take(id);
    if (!connection)
        return;
    m_finalSnapshots.append(connection->snapshot());
    m_removed.append(id);
    if (m_ledger.sessionLogOn) {
        m_ledger.recordSession(SessionEvent::Kind::Disconnect, id, connection->peer());
        m_ledger.sessionEvents.last().error = error;
        m_ledger.sessionEvents.last().text = reason;
    }
    connection->disconnect(this);
    connection->deleteLater();
    releaseSlot();
    const bool expected = error == ConnectionError::RemoteClosed ||
                          error == ConnectionError::Kicked || error == ConnectionError::Blocked ||
                          error == ConnectionError::ServerStopping ||
                          error == ConnectionError::AccessDenied;
    log(expected ? LogLevel::Info : LogLevel::Warning, LogKind::Disconnected, id,
        tr("disconnected (%1): %2").arg(connectionErrorName(error), reason), error);
    checkDrained();
}

void ServerWorker::stopAll()
{
    m_stopping = true;
    const QList<Connection*> connections = m_connections.values();
    for (Connection* connection : connections) {
        if (m_connections.contains(connection->id()))
            connection->close(ConnectionError::ServerStopping,
                              PeerText::in("chorus::ServerWorker", QT_TR_NOOP("server stopping")));
    }
    checkDrained();
}

void ServerWorker::checkDrained()
{
    if (!m_stopping || !m_connections.isEmpty())
        return;
    m_stopping = false; // drained once per stopAll()
    flushBatch();
    emit drained();
}

void ServerWorker::disconnectClients(const QList<quint64>& ids, const PeerText& reason)
{
    const PeerText text = reason.isEmpty() ? PeerText::in("chorus::ServerWorker",
                                                          QT_TR_NOOP("disconnected by the server"))
                                           : reason;
    for (quint64 id : ids) {
        if (Connection* connection = m_connections.value(id))
            connection->close(ConnectionError::Kicked, text);
    }
    if (m_udp)
        m_udp->forget(ids, ConnectionError::Kicked, text.shown);
}

void ServerWorker::disconnectAndBlock(const QList<quint64>& ids, const QDateTime& until)
{
    const PeerText text = blockedText(until);
    for (quint64 id : ids) {
        Connection* connection = m_connections.value(id);
        if (!connection)
            continue;
        m_shared->blocked.block(connection->peerAddress(), until, connection->protocol());
        log(LogLevel::Info, LogKind::Notice, id,
            tr("blocked %1 until %2")
                .arg(connection->peerAddress().toString(), until.toString(QStringLiteral("HH:mm"))),
            ConnectionError::Blocked);
        connection->close(ConnectionError::Blocked, text);
    }
    if (m_udp)
        m_udp->block(ids, until);
}

void ServerWorker::sendDirect(const QList<quint64>& ids, const QByteArray& bytes)
{
    sendTo(ids, bytes, Connection::Unsolicited::Direct);
}

void ServerWorker::broadcast(const QList<quint64>& ids, const QByteArray& bytes)
{
    sendTo(ids, bytes, Connection::Unsolicited::Broadcast);
}

void ServerWorker::setFraming(const QList<quint64>& ids, const FrameSpec& spec)
{
    for (quint64 id : ids) {
        if (Connection* connection = m_connections.value(id))
            connection->setFraming(spec);
    }
}

void ServerWorker::sendCommand(const QList<quint64>& ids, const CommandRequest& request)
{
    QList<Connection*> targets;
    if (ids.isEmpty()) {
        targets = m_connections.values();
    } else {
        for (quint64 id : ids) {
            if (Connection* connection = m_connections.value(id))
                targets.append(connection);
        }
    }
    for (Connection* connection : std::as_const(targets)) {
        // A write may close a peer that stopped reading: it is then gone from the map.
        if (m_connections.contains(connection->id()))
            connection->sendCommand(m_shared->nextCommandSeq.fetch_add(1), request, false);
    }
    if (m_udp)
        m_udp->sendCommand(ids, request); // plain UDP peers (worker 0)
}

void ServerWorker::resendCommand(quint64 id, quint64 seq, const CommandRequest& request)
{
    if (Connection* connection = m_connections.value(id))
        connection->sendCommand(seq, request, true);
    else if (m_udp)
        m_udp->resendCommand(id, seq, request);
}

void ServerWorker::sendTo(const QList<quint64>& ids, const QByteArray& bytes,
                          Connection::Unsolicited kind)
{
    const bool emptyMeansAll = kind == Connection::Unsolicited::Broadcast;
    const QList<Connection*> targets =
        (emptyMeansAll && ids.isEmpty()) ? m_connections.values() : [&] {
            QList<Connection*> owned;
            for (quint64 id : ids) {
                if (Connection* connection = m_connections.value(id))
                    owned.append(connection);
            }
            return owned;
        }();
    for (Connection* connection : targets) {
        // A write may close a peer that stopped reading: it is then gone from the map.
        if (m_connections.contains(connection->id()))
            connection->sendBytes(bytes, kind);
    }
    if (m_udp)
        m_udp->send(ids, bytes, emptyMeansAll);
}

void ServerWorker::log(LogLevel level, LogKind kind, quint64 id, const QString& text,
                       LogError error)
{
    m_log.append(LogEntry::now(level, kind, id, text, error));
}

void ServerWorker::flushBatch()
{
    const quint64 unanswered = m_ledger.unanswered - m_reportedUnanswered;
    if (unanswered > 0) {
        // One warning per batch, however many messages went unanswered.
        log(LogLevel::Warning, LogKind::Notice, 0,
            tr("%n message(s) got no reply: no reply is enabled in the reply book", nullptr,
               int(std::min<quint64>(unanswered, INT_MAX))));
    }
    if (m_ledger.messageLogsDropped > 0) {
        log(LogLevel::Info, LogKind::Notice, 0,
            tr("%n more message(s) not logged", nullptr,
               int(std::min<quint64>(m_ledger.messageLogsDropped, INT_MAX))));
        m_ledger.messageLogsDropped = 0;
    }
    if (m_ledger.problemLogsDropped > 0) {
        log(LogLevel::Warning, LogKind::Notice, 0,
            tr("%n more framing problem(s) not logged (each is counted in its row's errors)",
               nullptr, int(std::min<quint64>(m_ledger.problemLogsDropped, INT_MAX))));
        m_ledger.problemLogsDropped = 0;
    }
    m_ledger.messageLogBudget = ConnectionLedger::kMessageLogsPerBatch;
    m_ledger.problemLogBudget = ConnectionLedger::kProblemLogsPerBatch;

    if (m_config.vehicle.heartbeatTimeout.count() > 0) {
        const auto now = std::chrono::steady_clock::now();
        for (Connection* connection : std::as_const(m_connections))
            connection->checkStale(now);
    }

    // The session log's events go to its writer thread (ServerSessionLog.h).
    if (!m_ledger.sessionEvents.isEmpty() && m_shared->sessionLog)
        m_shared->sessionLog->submit(std::exchange(m_ledger.sessionEvents, {}));

    WorkerBatch batch;
    // Ids of connections gone since they were marked are skipped: their
    // final snapshot is in m_finalSnapshots.
    batch.changed.reserve(m_ledger.changed.size() + m_finalSnapshots.size());
    for (quint64 id : std::as_const(m_ledger.changed)) {
        if (Connection* connection = m_connections.value(id)) {
            batch.changed.append(connection->snapshot());
            connection->clearChangedMark();
        }
    }
    m_ledger.changed.clear();
    batch.changed.append(m_finalSnapshots);
    batch.removed = m_removed;
    batch.log = m_log;
    batch.traffic = m_ledger.traffic.since(m_reportedTraffic);
    batch.accepted = m_accepted;
    batch.rejectedFull = m_rejectedFull;
    batch.rejectedBlocked = m_rejectedBlocked;
    batch.rejectedAccess = m_rejectedAccess;
    batch.unanswered = unanswered;
    if (m_udp)
        m_udp->collect(&batch);
    batch.vehicle = std::exchange(m_ledger.vehicleEvents, {});

    m_finalSnapshots.clear();
    m_removed.clear();
    m_log.clear();
    m_accepted = 0;
    m_rejectedFull = 0;
    m_rejectedBlocked = 0;
    m_rejectedAccess = 0;
    m_reportedTraffic = m_ledger.traffic;
    m_reportedUnanswered = m_ledger.unanswered;
    if (!batch.isEmpty())
        emit batchReady(batch);
}

} // namespace chorus
