#include "server/ServerWorker.h"

#include "base/Endpoint.h"

#include <QTcpSocket>

#include <chrono>

#ifdef Q_OS_UNIX
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

} // namespace

ServerWorker::ServerWorker(int index, std::shared_ptr<ServerShared> shared)
    : m_index(index), m_shared(std::move(shared)), m_batchTimer(this)
{
    m_ledger.messageLogBudget = kMessageLogsPerBatch;
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
    m_batchTimer.start(std::max(config.updateInterval, std::chrono::milliseconds(10)));
}

void ServerWorker::startListening(const QHostAddress& address, quint16 port)
{
    m_stopping = false;
    if (m_listener) {
        emit listenFailed(tr("already listening"));
        return;
    }
    auto* listener = new ServerListener([this](qintptr fd) { dispatch(fd); }, this);
    listener->setListenBacklogSize(kListenBacklog);
    connect(listener, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError) {
        if (!m_listener)
            return;
        log(LogLevel::Error, LogKind::Error, 0,
            tr("cannot accept a connection: %1 (retrying)").arg(m_listener->errorString()));
        m_listener->pauseAccepting();
        QTimer::singleShot(kAcceptRetryDelay, m_listener.data(), [this] {
            if (m_listener)
                m_listener->resumeAccepting();
        });
    });
    if (!listener->listen(address, port)) {
        const QString reason = listener->errorString();
        delete listener;
        emit listenFailed(reason);
        return;
    }
    m_listener = listener;
    emit listeningStarted(listener->serverAddress(), listener->serverPort());
}

void ServerWorker::stopListening()
{
    if (m_listener) {
        m_listener->close();
        delete m_listener.data();
    }
    emit listenerClosed();
}

void ServerWorker::dispatch(qintptr socketDescriptor)
{
    const int limit = m_config.maxConnections;
    const int before = m_shared->active.fetch_add(1);
    if (limit > 0 && before >= limit) {
        m_shared->active.fetch_sub(1);
        rejectFull(socketDescriptor, limit);
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
        adopt(id, socketDescriptor);
    } else {
        // The socket object must be created in the thread that will use it.
        QMetaObject::invokeMethod(
            target, [target, id, socketDescriptor] { target->adopt(id, socketDescriptor); },
            Qt::QueuedConnection);
    }
}

void ServerWorker::rejectFull(qintptr socketDescriptor, int limit)
{
    ++m_rejectedFull;
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        log(LogLevel::Error, LogKind::Error, 0,
            tr("refused a connection (server full, %1 connections): %2")
                .arg(limit)
                .arg(socket->errorString()));
        delete socket;
        closeDescriptor(socketDescriptor);
        return;
    }
    const QString peer = endpointText(socket->peerAddress(), socket->peerPort());
    log(LogLevel::Warning, LogKind::Error, 0,
        tr("refused %1: server full (%2 connections)").arg(peer).arg(limit));
    connect(socket, &QAbstractSocket::stateChanged, socket,
            [socket](QAbstractSocket::SocketState state) {
                if (state == QAbstractSocket::UnconnectedState)
                    socket->deleteLater();
            });
    QTimer::singleShot(kCloseFlushTimeout, socket, [socket] { socket->abort(); });
    socket->write(
        encodeMessage(tr("error: server full (%1 connections)").arg(limit), Terminator::Lf));
    socket->disconnectFromHost();
}

void ServerWorker::adopt(quint64 id, qintptr socketDescriptor)
{
    if (m_stopping) {
        closeDescriptor(socketDescriptor);
        releaseSlot();
        return;
    }
    auto* connection =
        new Connection(id, m_config.framing, m_config.limits, m_shared->book, &m_ledger, this);
    connection->setServerName(m_config.serverName);
    QString error;
    if (!connection->open(socketDescriptor, &error)) {
        delete connection;
        closeDescriptor(socketDescriptor);
        releaseSlot();
        log(LogLevel::Error, LogKind::Error, id, tr("cannot adopt a connection: %1").arg(error));
        return;
    }
    m_connections.insert(id, connection);
    connect(connection, &Connection::logged, this, &ServerWorker::onLogged);
    connect(connection, &Connection::finished, this, &ServerWorker::onFinished);
    ++m_accepted;
    connection->markChanged();
    log(LogLevel::Info, LogKind::Connected, id, tr("connected from %1").arg(connection->peer()));
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
    connection->disconnect(this);
    connection->deleteLater();
    releaseSlot();
    const bool expected = error == ConnectionError::RemoteClosed ||
                          error == ConnectionError::Kicked ||
                          error == ConnectionError::ServerStopping;
    log(expected ? LogLevel::Info : LogLevel::Warning, LogKind::Disconnected, id,
        tr("disconnected (%1): %2").arg(connectionErrorName(error), reason));
    checkDrained();
}

void ServerWorker::stopAll()
{
    m_stopping = true;
    const QList<Connection*> connections = m_connections.values();
    for (Connection* connection : connections) {
        if (m_connections.contains(connection->id()))
            connection->close(ConnectionError::ServerStopping, tr("server stopping"));
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

void ServerWorker::disconnectClients(const QList<quint64>& ids, const QString& reason)
{
    const QString text = reason.isEmpty() ? tr("disconnected by the server") : reason;
    for (quint64 id : ids) {
        if (Connection* connection = m_connections.value(id))
            connection->close(ConnectionError::Kicked, text);
    }
}

void ServerWorker::sendDirect(const QList<quint64>& ids, const QString& text)
{
    sendTo(ids, text, Connection::Unsolicited::Direct);
}

void ServerWorker::broadcast(const QList<quint64>& ids, const QString& text)
{
    sendTo(ids, text, Connection::Unsolicited::Broadcast);
}

void ServerWorker::sendTo(const QList<quint64>& ids, const QString& text,
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
            connection->sendText(text, kind);
    }
}

void ServerWorker::log(LogLevel level, LogKind kind, quint64 id, const QString& text)
{
    m_log.append(LogEntry::now(level, kind, id, text));
}

void ServerWorker::flushBatch()
{
    const quint64 unanswered = m_ledger.unanswered - m_reported.unanswered;
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
    m_ledger.messageLogBudget = kMessageLogsPerBatch;

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
    batch.accepted = m_accepted;
    batch.rejectedFull = m_rejectedFull;
    batch.messagesIn = m_ledger.messagesIn - m_reported.messagesIn;
    batch.messagesOut = m_ledger.messagesOut - m_reported.messagesOut;
    batch.bytesIn = m_ledger.bytesIn - m_reported.bytesIn;
    batch.bytesOut = m_ledger.bytesOut - m_reported.bytesOut;
    batch.unanswered = unanswered;

    m_finalSnapshots.clear();
    m_removed.clear();
    m_log.clear();
    m_accepted = 0;
    m_rejectedFull = 0;
    m_reported.messagesIn = m_ledger.messagesIn;
    m_reported.messagesOut = m_ledger.messagesOut;
    m_reported.bytesIn = m_ledger.bytesIn;
    m_reported.bytesOut = m_ledger.bytesOut;
    m_reported.unanswered = m_ledger.unanswered;
    if (!batch.isEmpty())
        emit batchReady(batch);
}

} // namespace chorus
