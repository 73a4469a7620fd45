#include "server/ServerEngine.h"

#include "base/Endpoint.h"
#include "base/RateWindow.h"
#include "server/ServerWorker.h"

#include <QElapsedTimer>
#include <QHash>
#include <QThread>
#include <QTimer>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace chorus {

namespace {
// Ceiling when the hard limit is "unlimited" (the kernel's usual nr_open).
constexpr rlim_t kUnlimitedFileCeiling = 1048576;

// The I/O threads run Qt's plain UNIX event dispatcher instead of glib's:
// measured at C=100 closed-loop, LF lines, 3 runs each, same session:
// 76k/73k/93k -> 113k/118k/106k replies/s (glib's per-notifier bookkeeping
// and poll-list rebuilds dominated the profile). Qt reads this variable only
// for threads other than the main one, so the GUI thread keeps glib (the GTK
// platform theme and its dialogs need it). Set once, process-wide, before
// the first engine thread starts; a value the user set is left alone.
void preferUnixDispatcherForThreads()
{
    static const bool once = [] {
        if (!qEnvironmentVariableIsSet("QT_NO_THREADED_GLIB"))
            qputenv("QT_NO_THREADED_GLIB", "1");
        return true;
    }();
    Q_UNUSED(once);
}
} // namespace

class ServerEnginePrivate
{
public:
    enum class State { Idle, Starting, Listening, Stopping };

    explicit ServerEnginePrivate(ServerEngine* engine, std::shared_ptr<ReplyBook> replyBook)
        : q(engine), book(std::move(replyBook)), shared(std::make_shared<ServerShared>())
    {
        shared->book = book;
        shared->rules = std::make_shared<RuleBook>();
        shared->sessionLog = &sessionLog;
    }

    void ensureWorkers(int count);
    void joinWorkers();
    void merge(const WorkerBatch& batch);
    void emitPending();
    void reportBlockList();
    // config.tls's files into shared->tls; false (logged, startFailed) when they cannot serve.
    bool loadTls();
    void log(LogLevel level, LogKind kind, const QString& text, LogError error = {});
    template <typename Call> void forEachWorker(Call call)
    {
        for (ServerWorker* worker : workers)
            QMetaObject::invokeMethod(
                worker, [worker, call] { call(worker); }, Qt::QueuedConnection);
    }

    ServerEngine* q;
    std::shared_ptr<ReplyBook> book;
    std::shared_ptr<ServerShared> shared;
    ServerConfig config;
    std::vector<QThread*> threads;
    std::vector<ServerWorker*> workers;
    State state = State::Idle;
    QList<QHostAddress> addresses;
    quint16 port = 0;
    int drainedWorkers = 0;

    QTimer tick;
    QElapsedTimer clock; // monotonic time for the rate windows
    ServerCounters counters;
    RateWindow inRate;
    RateWindow outRate;
    quint64 reportedBlockVersion = 0;
    QList<ConnectionSnapshot> pendingChanged;
    QHash<quint64, qsizetype> pendingIndex; // id -> position in pendingChanged
    QList<quint64> pendingRemoved;
    QList<LogEntry> pendingLog;
    QList<VehicleEvent> pendingVehicle;
    Fleet fleet;
    ServerSessionLog sessionLog; // its writer thread outlives the workers (joined first)
};

void ServerEnginePrivate::ensureWorkers(int count)
{
    if (int(workers.size()) == count)
        return;
    joinWorkers();
    for (int i = 0; i < count; ++i) {
        auto* thread = new QThread;
        thread->setObjectName(QStringLiteral("chorus-io-%1").arg(i));
        auto* worker = new ServerWorker(shared);
        worker->moveToThread(thread);
        // Sockets are destroyed in the thread that used them.
        QObject::connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        QObject::connect(worker, &ServerWorker::batchReady, q,
                         [this](const WorkerBatch& batch) { merge(batch); });
        QObject::connect(worker, &ServerWorker::drained, q, [this] {
            if (++drainedWorkers < int(workers.size()) || state != State::Stopping)
                return;
            state = State::Idle;
            log(LogLevel::Info, LogKind::Stopped, ServerEngine::tr("stopped"));
            tick.stop();
            emitPending();
            emit q->stopped();
        });
        threads.push_back(thread);
        workers.push_back(worker);
    }
    shared->workers = workers;
    QObject::connect(
        workers.front(), &ServerWorker::listeningStarted, q,
        [this](const QList<QHostAddress>& boundAddresses, quint16 boundPort) {
            if (state != State::Starting)
                return; // stop() came first
            state = State::Listening;
            addresses = boundAddresses;
            port = boundPort;
            QStringList endpoints;
            for (const QHostAddress& bound : boundAddresses)
                endpoints << endpointText(bound, boundPort);
            if (shared->tls) {
                log(LogLevel::Info, LogKind::Notice,
                    ServerEngine::tr("TLS on port %1 (certificate %2, SHA-256 %3)")
                        .arg(shared->tlsPort.load())
                        .arg(shared->tls->certificate.subjectDisplayName(),
                             certificateFingerprint(shared->tls->certificate)));
            }
            if (accessExposure(config.address, config.access) == AccessExposure::Open)
                log(LogLevel::Warning, LogKind::Notice,
                    ServerEngine::tr("open to the network: anyone who can reach port %1 may "
                                     "connect and talk (limit it with --allow, --access-token "
                                     "or --listen localhost)")
                        .arg(boundPort));
            log(LogLevel::Info, LogKind::Listening,
                ServerEngine::tr("listening on %1 (%2 framing, %n I/O thread(s))", nullptr,
                                 int(workers.size()))
                    .arg(endpoints.join(ServerEngine::tr(" and ")), config.framing.toText()));
            if (config.udp)
                log(LogLevel::Info, LogKind::Listening,
                    ServerEngine::tr("UDP on port %1 (idle peers leave after %2 s)")
                        .arg(shared->udpPort.load())
                        .arg(double(config.udpIdle.count()) / 1000.0));
            emitPending();
            emit q->listening(addresses, port);
        });
    QObject::connect(workers.front(), &ServerWorker::listenFailed, q,
                     [this](const ListenFailure& failure) {
                         log(LogLevel::Error, LogKind::Error,
                             ServerEngine::tr("cannot listen on %1: %2")
                                 .arg(endpointText(failure.address, failure.port), failure.reason),
                             failure.error);
                         if (state == State::Starting) {
                             state = State::Idle;
                             tick.stop();
                         }
                         emitPending();
                         emit q->startFailed(failure);
                     });
    QObject::connect(workers.front(), &ServerWorker::listenerClosed, q, [this] {
        if (state != State::Stopping)
            return;
        // Every descriptor accepted before the listener closed is already
        // queued to its worker, ahead of this stopAll().
        drainedWorkers = 0;
        forEachWorker([](ServerWorker* worker) { worker->stopAll(); });
    });
    for (QThread* thread : threads)
        thread->start();
}

void ServerEnginePrivate::joinWorkers()
{
    for (QThread* thread : threads) {
        thread->quit();
        thread->wait();
        delete thread;
    }
    threads.clear();
    workers.clear();
    shared->workers.clear();
}

void ServerEnginePrivate::merge(const WorkerBatch& batch)
{
    for (const ConnectionSnapshot& snapshot : batch.changed) {
        const auto found = pendingIndex.constFind(snapshot.id);
        if (found != pendingIndex.constEnd()) {
            pendingChanged[*found] = snapshot;
        } else {
            pendingIndex.insert(snapshot.id, pendingChanged.size());
            pendingChanged.append(snapshot);
        }
    }
    pendingRemoved.append(batch.removed);
    pendingLog.append(batch.log);
    pendingVehicle.append(batch.vehicle);
    counters += batch.traffic;
    counters.totalAccepted += batch.accepted;
    counters.rejectedFull += batch.rejectedFull;
    counters.rejectedBlocked += batch.rejectedBlocked;
    counters.rejectedAccess += batch.rejectedAccess;
    counters.unanswered += batch.unanswered;
    counters.udpRefused += batch.udpRefused;
    counters.udpExpired += batch.udpExpired;
    counters.udpBadTokens += batch.udpBadTokens;
}

void ServerEnginePrivate::emitPending()
{
    // Commands end as link lost when their peer is gone: events first, then removals.
    if (!pendingVehicle.isEmpty() || !pendingRemoved.isEmpty())
        fleet.apply(std::exchange(pendingVehicle, {}), pendingRemoved, &pendingLog);
    if (!pendingChanged.isEmpty() || !pendingRemoved.isEmpty()) {
        const QList<ConnectionSnapshot> changed = std::exchange(pendingChanged, {});
        const QList<quint64> removed = std::exchange(pendingRemoved, {});
        pendingIndex.clear();
        emit q->connectionsUpdated(changed, removed);
    }
    if (!pendingLog.isEmpty())
        emit q->logBatch(std::exchange(pendingLog, {}));

    counters.active = quint64(std::max(0, shared->active.load()));
    if (state == State::Idle) {
        inRate.clear();
        outRate.clear();
    } else {
        if (!clock.isValid())
            clock.start();
        const std::chrono::milliseconds now(clock.elapsed());
        inRate.add(now, counters.messagesIn);
        outRate.add(now, counters.messagesOut);
    }
    counters.messagesInPerSecond = inRate.perSecond();
    counters.messagesOutPerSecond = outRate.perSecond();
    emit q->countersUpdated(counters);
    fleet.publish();
    reportBlockList();
}

void ServerEnginePrivate::reportBlockList()
{
    // Expiries count as changes too: entries() drops them and bumps the version.
    const QList<BlockedAddress> entries = shared->blocked.entries(QDateTime::currentDateTime());
    const quint64 version = shared->blocked.version();
    if (version == reportedBlockVersion)
        return;
    reportedBlockVersion = version;
    emit q->blockListChanged(entries);
}

bool ServerEnginePrivate::loadTls()
{
    shared->tls.reset();
    shared->tlsPort.store(0);
    if (!config.tls.enabled())
        return true;
    TlsSetupFailure failure;
    const std::optional<TlsCredentials> credentials = loadTlsCredentials(config.tls, &failure);
    if (credentials) {
        shared->tls = std::make_shared<const TlsCredentials>(*credentials);
        if (credentials->isOutsideValidity(QDateTime::currentDateTimeUtc()))
            log(LogLevel::Warning, LogKind::Notice,
                ServerEngine::tr("the TLS certificate is valid from %1 to %2 only: clients will "
                                 "refuse it")
                    .arg(credentials->certificate.effectiveDate().toString(Qt::ISODate),
                         credentials->certificate.expiryDate().toString(Qt::ISODate)),
                ConnectionError::TlsHandshakeFailed);
        return true;
    }
    ListenFailure listenFailure;
    listenFailure.error = QAbstractSocket::SslInvalidUserDataError;
    listenFailure.port = config.tls.port;
    listenFailure.reason = failure.reason;
    listenFailure.tlsError = failure.error;
    log(LogLevel::Error, LogKind::Error,
        ServerEngine::tr("cannot start TLS (%1): %2")
            .arg(tlsSetupErrorName(failure.error), failure.reason),
        listenFailure.error);
    emitPending();
    emit q->startFailed(listenFailure);
    return false;
}

void ServerEnginePrivate::log(LogLevel level, LogKind kind, const QString& text, LogError error)
{
    pendingLog.append(LogEntry::now(level, kind, 0, text, error));
}

ServerEngine::ServerEngine(std::shared_ptr<ReplyBook> book, QObject* parent)
    : QObject(parent), d(std::make_unique<ServerEnginePrivate>(
                           this, book ? std::move(book) : std::make_shared<ReplyBook>()))
{
    preferUnixDispatcherForThreads();
    qRegisterMetaType<ConnectionSnapshot>();
    qRegisterMetaType<LogEntry>();
    qRegisterMetaType<ServerCounters>();
    qRegisterMetaType<ListenFailure>();
    qRegisterMetaType<BlockedAddress>();
    qRegisterMetaType<QList<BlockedAddress>>();
    qRegisterMetaType<QList<QHostAddress>>();
    qRegisterMetaType<WorkerBatch>();
    qRegisterMetaType<QList<ConnectionSnapshot>>();
    qRegisterMetaType<QList<LogEntry>>();
    qRegisterMetaType<QList<quint64>>();
    qRegisterMetaType<FrameSpec>();
    qRegisterMetaType<VehicleEvent>();
    connect(&d->tick, &QTimer::timeout, this, [this] { d->emitPending(); });
    connect(&d->fleet, &Fleet::resendDue, this,
            [this](quint64 id, quint64 seq, const CommandRequest& request) {
                d->forEachWorker([id, seq, request](ServerWorker* worker) {
                    worker->resendCommand(id, seq, request);
                });
            });
}

Fleet& ServerEngine::fleet() const
{
    return d->fleet;
}

ServerSessionLog& ServerEngine::sessionLog() const
{
    return d->sessionLog;
}

std::shared_ptr<RuleBook> ServerEngine::ruleBook() const
{
    return d->shared->rules;
}

ServerEngine::~ServerEngine()
{
    // Threads end with their event loops; their workers (and every socket)
    // are deleted in their own thread on the way out.
    d->joinWorkers();
}

void ServerEngine::setConfig(const ServerConfig& config)
{
    d->config = config;
    if (d->state != ServerEnginePrivate::State::Idle)
        d->sessionLog.open(config.sessionLog); // at once; else at start()
    d->forEachWorker([config](ServerWorker* worker) { worker->configure(config); });
}

bool ServerEngine::isListening() const
{
    return d->state == ServerEnginePrivate::State::Listening;
}

QList<QHostAddress> ServerEngine::listenAddresses() const
{
    return isListening() ? d->addresses : QList<QHostAddress>();
}

QList<BlockedAddress> ServerEngine::blockedAddresses() const
{
    return d->shared->blocked.entries(QDateTime::currentDateTime());
}

quint16 ServerEngine::listenPort() const
{
    return isListening() ? d->port : 0;
}

quint16 ServerEngine::udpPort() const
{
    return isListening() ? d->shared->udpPort.load() : 0;
}

quint16 ServerEngine::tlsPort() const
{
    return isListening() && d->shared->tls ? d->shared->tlsPort.load() : 0;
}

AccessExposure ServerEngine::exposure() const
{
    return isListening() ? accessExposure(d->config.address, d->config.access)
                         : AccessExposure::ThisMachine;
}

quint64 ServerEngine::raiseOpenFileLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    rlim_t target = limit.rlim_max == RLIM_INFINITY ? kUnlimitedFileCeiling : limit.rlim_max;
    if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur >= target)
        return quint64(limit.rlim_cur == RLIM_INFINITY ? target : limit.rlim_cur);
    rlimit raised = limit;
    raised.rlim_cur = target;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
        return quint64(target);
    return quint64(limit.rlim_cur);
#else
    return 0;
#endif
}

void ServerEngine::start()
{
    if (d->state != ServerEnginePrivate::State::Idle) {
        d->log(LogLevel::Warning, LogKind::Notice,
               tr("start ignored: the server is already running"));
        return;
    }
    if (!d->loadTls())
        return;
    d->state = ServerEnginePrivate::State::Starting;
    d->counters.openFileLimit = raiseOpenFileLimit();
    d->log(LogLevel::Info, LogKind::Notice,
           tr("open file limit: %1 descriptors").arg(d->counters.openFileLimit));
    d->ensureWorkers(std::max(1, d->config.ioThreads));
    d->sessionLog.open(d->config.sessionLog);
    const ServerConfig config = d->config;
    d->forEachWorker([config](ServerWorker* worker) { worker->configure(config); });
    ServerWorker* first = d->workers.front();
    QMetaObject::invokeMethod(
        first, [first, config] { first->startListening(config.address, config.port); },
        Qt::QueuedConnection);
    d->tick.start(std::max(config.updateInterval, std::chrono::milliseconds(10)));
}

void ServerEngine::stop()
{
    using State = ServerEnginePrivate::State;
    if (d->state != State::Listening && d->state != State::Starting)
        return;
    d->state = State::Stopping;
    d->log(LogLevel::Info, LogKind::Notice, tr("stopping: closing every connection"));
    ServerWorker* first = d->workers.front();
    QMetaObject::invokeMethod(
        first, [first] { first->stopListening(); }, Qt::QueuedConnection);
}

void ServerEngine::disconnectClients(const QList<quint64>& ids, const PeerText& reason)
{
    if (ids.isEmpty())
        return;
    d->forEachWorker(
        [ids, reason](ServerWorker* worker) { worker->disconnectClients(ids, reason); });
}

void ServerEngine::disconnectAndBlock(const QList<quint64>& ids, std::chrono::minutes duration)
{
    if (ids.isEmpty())
        return;
    const QDateTime until = QDateTime::currentDateTime().addSecs(
        std::chrono::duration_cast<std::chrono::seconds>(duration).count());
    d->forEachWorker(
        [ids, until](ServerWorker* worker) { worker->disconnectAndBlock(ids, until); });
}

void ServerEngine::unblock(const QHostAddress& address)
{
    d->shared->blocked.unblock(address);
    d->log(LogLevel::Info, LogKind::Notice,
           tr("unblocked %1").arg(plainAddress(address).toString()));
    d->emitPending();
}

void ServerEngine::unblockAll()
{
    d->shared->blocked.clear();
    d->log(LogLevel::Info, LogKind::Notice, tr("unblocked every address"));
    d->emitPending();
}

void ServerEngine::sendDirect(const QList<quint64>& ids, const QByteArray& bytes)
{
    if (ids.isEmpty())
        return;
    d->pendingLog.append(LogEntry::withPayload(
        LogLevel::Info, LogKind::Notice, 0,
        tr("direct message to %n connection(s)", nullptr, int(ids.size())), bytes));
    d->forEachWorker([ids, bytes](ServerWorker* worker) { worker->sendDirect(ids, bytes); });
}

void ServerEngine::broadcast(const QList<quint64>& ids, const QByteArray& bytes)
{
    d->pendingLog.append(LogEntry::withPayload(
        LogLevel::Info, LogKind::Notice, 0,
        ids.isEmpty() ? tr("broadcast to every connection")
                      : tr("broadcast to %n connection(s)", nullptr, int(ids.size())),
        bytes));
    d->forEachWorker([ids, bytes](ServerWorker* worker) { worker->broadcast(ids, bytes); });
}

void ServerEngine::sendOverUdp(const QList<quint64>& ids, const QByteArray& bytes)
{
    if (ids.isEmpty())
        return;
    d->pendingLog.append(LogEntry::withPayload(
        LogLevel::Info, LogKind::Notice, 0,
        tr("message over UDP to %n connection(s)", nullptr, int(ids.size())), bytes));
    d->forEachWorker([ids, bytes](ServerWorker* worker) { worker->sendOverUdp(ids, bytes); });
}

void ServerEngine::sendCommand(const QList<quint64>& ids, const CommandRequest& request)
{
    d->log(LogLevel::Info, LogKind::Notice,
           ids.isEmpty()
               ? tr("command %1 to every connection").arg(request.name)
               : tr("command %1 to %n connection(s)", nullptr, int(ids.size())).arg(request.name));
    d->forEachWorker([ids, request](ServerWorker* worker) { worker->sendCommand(ids, request); });
}

void ServerEngine::setConnectionFraming(const QList<quint64>& ids, const FrameSpec& spec)
{
    if (ids.isEmpty())
        return;
    d->forEachWorker([ids, spec](ServerWorker* worker) { worker->setFraming(ids, spec); });
}

} // namespace chorus
