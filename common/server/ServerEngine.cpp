#include "server/ServerEngine.h"

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
    }

    void ensureWorkers(int count);
    void joinWorkers();
    void merge(const WorkerBatch& batch);
    void emitPending();
    void log(LogLevel level, LogKind kind, const QString& text);
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
    QHostAddress address;
    quint16 port = 0;
    int drainedWorkers = 0;

    QTimer tick;
    QElapsedTimer sinceTick;
    ServerCounters counters;
    quint64 inAtTick = 0;
    quint64 outAtTick = 0;
    QList<ConnectionSnapshot> pendingChanged;
    QHash<quint64, qsizetype> pendingIndex; // id -> position in pendingChanged
    QList<quint64> pendingRemoved;
    QList<LogEntry> pendingLog;
};

void ServerEnginePrivate::ensureWorkers(int count)
{
    if (int(workers.size()) == count)
        return;
    joinWorkers();
    for (int i = 0; i < count; ++i) {
        auto* thread = new QThread;
        thread->setObjectName(QStringLiteral("chorus-io-%1").arg(i));
        auto* worker = new ServerWorker(i, shared);
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
    QObject::connect(workers.front(), &ServerWorker::listeningStarted, q,
                     [this](const QHostAddress& boundAddress, quint16 boundPort) {
                         if (state != State::Starting)
                             return; // stop() came first
                         state = State::Listening;
                         address = boundAddress;
                         port = boundPort;
                         log(LogLevel::Info, LogKind::Listening,
                             ServerEngine::tr("listening on %1 port %2 (%3 framing, %n I/O "
                                              "thread(s))",
                                              nullptr, int(workers.size()))
                                 .arg(address == QHostAddress::Any
                                          ? ServerEngine::tr("all interfaces (IPv4 and IPv6)")
                                          : address.toString())
                                 .arg(port)
                                 .arg(framingName(config.framing)));
                         emitPending();
                         emit q->listening(address, port);
                     });
    QObject::connect(workers.front(), &ServerWorker::listenFailed, q,
                     [this](const QString& reason) {
                         log(LogLevel::Error, LogKind::Error,
                             ServerEngine::tr("cannot listen on %1 port %2: %3")
                                 .arg(config.address.toString())
                                 .arg(config.port)
                                 .arg(reason));
                         if (state == State::Starting) {
                             state = State::Idle;
                             tick.stop();
                         }
                         emitPending();
                         emit q->startFailed(reason);
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
    counters.totalAccepted += batch.accepted;
    counters.rejectedFull += batch.rejectedFull;
    counters.messagesIn += batch.messagesIn;
    counters.messagesOut += batch.messagesOut;
    counters.bytesIn += batch.bytesIn;
    counters.bytesOut += batch.bytesOut;
    counters.unanswered += batch.unanswered;
}

void ServerEnginePrivate::emitPending()
{
    if (!pendingChanged.isEmpty() || !pendingRemoved.isEmpty()) {
        const QList<ConnectionSnapshot> changed = std::exchange(pendingChanged, {});
        const QList<quint64> removed = std::exchange(pendingRemoved, {});
        pendingIndex.clear();
        emit q->connectionsUpdated(changed, removed);
    }
    if (!pendingLog.isEmpty())
        emit q->logBatch(std::exchange(pendingLog, {}));

    const qint64 elapsedMs = sinceTick.isValid() ? sinceTick.restart() : 0;
    if (elapsedMs > 0) {
        const double seconds = double(elapsedMs) / 1000.0;
        counters.messagesInPerSecond = double(counters.messagesIn - inAtTick) / seconds;
        counters.messagesOutPerSecond = double(counters.messagesOut - outAtTick) / seconds;
    }
    if (!sinceTick.isValid())
        sinceTick.start();
    inAtTick = counters.messagesIn;
    outAtTick = counters.messagesOut;
    counters.active = quint64(std::max(0, shared->active.load()));
    if (state == State::Idle) {
        counters.messagesInPerSecond = 0;
        counters.messagesOutPerSecond = 0;
        sinceTick.invalidate();
    }
    emit q->countersUpdated(counters);
}

void ServerEnginePrivate::log(LogLevel level, LogKind kind, const QString& text)
{
    pendingLog.append(LogEntry::now(level, kind, 0, text));
}

ServerEngine::ServerEngine(std::shared_ptr<ReplyBook> book, QObject* parent)
    : QObject(parent), d(std::make_unique<ServerEnginePrivate>(
                           this, book ? std::move(book) : std::make_shared<ReplyBook>()))
{
    preferUnixDispatcherForThreads();
    qRegisterMetaType<ConnectionSnapshot>();
    qRegisterMetaType<LogEntry>();
    qRegisterMetaType<ServerCounters>();
    qRegisterMetaType<WorkerBatch>();
    qRegisterMetaType<QList<ConnectionSnapshot>>();
    qRegisterMetaType<QList<LogEntry>>();
    qRegisterMetaType<QList<quint64>>();
    connect(&d->tick, &QTimer::timeout, this, [this] { d->emitPending(); });
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
    d->forEachWorker([config](ServerWorker* worker) { worker->configure(config); });
}

ServerConfig ServerEngine::config() const
{
    return d->config;
}

std::shared_ptr<ReplyBook> ServerEngine::replyBook() const
{
    return d->book;
}

bool ServerEngine::isListening() const
{
    return d->state == ServerEnginePrivate::State::Listening;
}

QHostAddress ServerEngine::listenAddress() const
{
    return isListening() ? d->address : QHostAddress();
}

quint16 ServerEngine::listenPort() const
{
    return isListening() ? d->port : 0;
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
    d->state = ServerEnginePrivate::State::Starting;
    d->counters.openFileLimit = raiseOpenFileLimit();
    d->log(LogLevel::Info, LogKind::Notice,
           tr("open file limit: %1 descriptors").arg(d->counters.openFileLimit));
    d->ensureWorkers(std::max(1, d->config.ioThreads));
    const ServerConfig config = d->config;
    d->forEachWorker([config](ServerWorker* worker) { worker->configure(config); });
    ServerWorker* first = d->workers.front();
    QMetaObject::invokeMethod(
        first, [first, config] { first->startListening(config.address, config.port); },
        Qt::QueuedConnection);
    d->sinceTick.invalidate();
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

void ServerEngine::disconnectClients(const QList<quint64>& ids, const QString& reason)
{
    if (ids.isEmpty())
        return;
    d->forEachWorker(
        [ids, reason](ServerWorker* worker) { worker->disconnectClients(ids, reason); });
}

void ServerEngine::sendDirect(const QList<quint64>& ids, const QString& text)
{
    if (ids.isEmpty())
        return;
    d->log(LogLevel::Info, LogKind::Notice,
           tr("direct message to %n connection(s): %1", nullptr, int(ids.size())).arg(text));
    d->forEachWorker([ids, text](ServerWorker* worker) { worker->sendDirect(ids, text); });
}

void ServerEngine::broadcast(const QList<quint64>& ids, const QString& text)
{
    d->log(LogLevel::Info, LogKind::Notice,
           ids.isEmpty()
               ? tr("broadcast to every connection: %1").arg(text)
               : tr("broadcast to %n connection(s): %1", nullptr, int(ids.size())).arg(text));
    d->forEachWorker([ids, text](ServerWorker* worker) { worker->broadcast(ids, text); });
}

} // namespace chorus
