#include "server/ServerSessionLog.h"

#include "wire/VehicleMessages.h"

#include <QJsonObject>
#include <QMetaObject>

namespace chorus {

namespace {

// What an event costs in the queue, roughly: its bytes and its bookkeeping.
constexpr qint64 kEventOverheadBytes = 128;

QJsonObject telemetryFields(const VehicleEvent& event)
{
    QJsonObject values;
    for (auto it = event.values.cbegin(); it != event.values.cend(); ++it)
        values.insert(it.key(), it.value());
    QJsonObject fields{{QStringLiteral("values"), values}};
    if (!event.units.isEmpty()) {
        QJsonObject units;
        for (auto it = event.units.cbegin(); it != event.units.cend(); ++it)
            units.insert(it.key(), it.value());
        fields.insert(QStringLiteral("units"), units);
    }
    if (event.refused > 0)
        fields.insert(QStringLiteral("refused"), event.refused);
    return fields;
}

// A vehicle event's kind and fields (docs/PROTOCOL.md §2.8 names).
void describeVehicle(const VehicleEvent& event, SessionRecord* record)
{
    QJsonObject& fields = record->fields;
    switch (event.kind) {
    case VehicleEvent::Kind::CommandSent:
        record->kind = QStringLiteral("cmd");
        fields.insert(QStringLiteral("cmd"), qint64(event.seq));
        fields.insert(QStringLiteral("name"), event.request.name);
        if (!event.request.args.isEmpty())
            fields.insert(QStringLiteral("args"), event.request.args);
        if (event.resend)
            fields.insert(QStringLiteral("resend"), true);
        return;
    case VehicleEvent::Kind::Ack:
        record->kind = QStringLiteral("ack");
        fields.insert(QStringLiteral("re"), qint64(event.seq));
        fields.insert(QStringLiteral("result"), mavResultName(event.result));
        if (event.progress)
            fields.insert(QStringLiteral("progress"), *event.progress);
        if (!event.text.isEmpty())
            fields.insert(QStringLiteral("text"), event.text);
        return;
    case VehicleEvent::Kind::Telemetry: {
        record->kind = QStringLiteral("telemetry");
        const QJsonObject telemetry = telemetryFields(event);
        for (auto it = telemetry.begin(); it != telemetry.end(); ++it)
            fields.insert(it.key(), it.value());
        return;
    }
    case VehicleEvent::Kind::Status:
        record->kind = QStringLiteral("status");
        fields.insert(QStringLiteral("severity"), statusSeverityName(event.severity));
        fields.insert(QStringLiteral("text"), event.text);
        return;
    case VehicleEvent::Kind::Heartbeat:
        record->kind = QStringLiteral("heartbeat");
        if (!event.state.isEmpty())
            fields.insert(QStringLiteral("state"), event.state);
        if (!event.mode.isEmpty())
            fields.insert(QStringLiteral("mode"), event.mode);
        if (event.armed)
            fields.insert(QStringLiteral("armed"), *event.armed);
        return;
    case VehicleEvent::Kind::StaleChanged:
        record->kind = QStringLiteral("note");
        fields.insert(QStringLiteral("stale"), event.stale);
        return;
    }
}

} // namespace

ServerSessionLog::ServerSessionLog(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<SessionLogProblem>();
}

ServerSessionLog::~ServerSessionLog()
{
    close();
}

SessionRecord ServerSessionLog::toRecord(const SessionEvent& event)
{
    SessionRecord record;
    record.timeUs = event.timeUs;
    record.peer = event.peer;
    if (event.connectionId != 0)
        record.fields.insert(QStringLiteral("id"), qint64(event.connectionId));
    if (event.overUdp)
        record.fields.insert(QStringLiteral("via"), QStringLiteral("udp"));
    switch (event.kind) {
    case SessionEvent::Kind::Connect:
        record.kind = QStringLiteral("connect");
        break;
    case SessionEvent::Kind::Disconnect:
        record.kind = QStringLiteral("disconnect");
        // ConnectionError's number (server/LogEntry.h): stable, unlike its translated name.
        record.fields.insert(QStringLiteral("error"), int(event.error));
        if (!event.text.isEmpty())
            record.fields.insert(QStringLiteral("reason"), event.text);
        break;
    case SessionEvent::Kind::In:
        record.kind = QStringLiteral("in");
        record.bytes = event.bytes;
        break;
    case SessionEvent::Kind::Out:
        record.kind = QStringLiteral("out");
        record.bytes = event.bytes;
        break;
    case SessionEvent::Kind::Vehicle:
        if (event.vehicle)
            describeVehicle(*event.vehicle, &record);
        else
            record.kind = QStringLiteral("note");
        break;
    }
    return record;
}

void ServerSessionLog::open(const SessionLogConfig& config)
{
    if (isOpen() && config == this->config())
        return;
    close();
    if (!config.enabled())
        return;
    std::lock_guard lock(m_mutex);
    m_config = config;
    m_writer = std::make_unique<SessionLogWriter>(config.folder, QStringLiteral("chorus-server"),
                                                  config.maxFileBytes, config.maxFiles);
    m_quit = false;
    m_stopped = false;
    m_problem = {};
    m_thread = std::thread([this] { run(); });
}

void ServerSessionLog::close()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_thread.joinable())
            return;
        m_quit = true;
    }
    m_wake.notify_all();
    m_thread.join();
    std::lock_guard lock(m_mutex);
    m_writer.reset();
    m_config = {};
    m_queue.clear();
    m_pendingBytes = 0;
}

bool ServerSessionLog::isOpen() const
{
    std::lock_guard lock(m_mutex);
    return m_thread.joinable();
}

SessionLogConfig ServerSessionLog::config() const
{
    std::lock_guard lock(m_mutex);
    return m_config;
}

bool ServerSessionLog::isStopped() const
{
    std::lock_guard lock(m_mutex);
    return m_stopped;
}

SessionLogProblem ServerSessionLog::problem() const
{
    std::lock_guard lock(m_mutex);
    return m_problem;
}

QStringList ServerSessionLog::files() const
{
    std::lock_guard lock(m_mutex);
    return m_files;
}

void ServerSessionLog::submit(QList<SessionEvent> events)
{
    if (events.isEmpty())
        return;
    qint64 size = 0;
    for (const SessionEvent& event : std::as_const(events))
        size += event.bytes.size() + kEventOverheadBytes;
    {
        std::lock_guard lock(m_mutex);
        if (!m_thread.joinable())
            return;
        if (m_stopped || m_pendingBytes + size > kMaxPendingBytes) {
            m_droppedUnwritten += quint64(events.size());
            m_droppedTotal += quint64(events.size());
            return;
        }
        m_pendingBytes += size;
        m_queue.append(std::move(events));
    }
    m_wake.notify_one();
}

void ServerSessionLog::flush()
{
    std::unique_lock lock(m_mutex);
    m_written.wait(
        lock, [this] { return !m_thread.joinable() || m_quit || (m_queue.isEmpty() && !m_busy); });
}

void ServerSessionLog::resume()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_thread.joinable() || !m_stopped)
            return;
        m_resumeWanted = true;
    }
    m_wake.notify_one();
}

void ServerSessionLog::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_quit || m_resumeWanted || !m_queue.isEmpty(); });
        if (m_resumeWanted) {
            m_resumeWanted = false;
            lock.unlock();
            const bool resumed = m_writer->resume();
            lock.lock();
            m_stopped = !resumed;
            m_problem = m_writer->problem();
            const SessionLogProblem problem = m_problem;
            QMetaObject::invokeMethod(
                this,
                [this, resumed, problem] {
                    if (resumed)
                        emit this->resumed();
                    else
                        emit stopped(problem);
                },
                Qt::QueuedConnection);
        }
        if (!m_queue.isEmpty() && !m_stopped) {
            QList<QList<SessionEvent>> batches = std::exchange(m_queue, {});
            m_pendingBytes = 0;
            const quint64 dropped = std::exchange(m_droppedUnwritten, 0);
            m_busy = true;
            lock.unlock();
            writeBatch(std::move(batches), dropped);
            lock.lock();
            m_busy = false;
        }
        m_written.notify_all();
        if (m_quit && (m_queue.isEmpty() || m_stopped))
            return;
    }
}

void ServerSessionLog::writeBatch(QList<QList<SessionEvent>> batches, quint64 dropped)
{
    QList<SessionRecord> records;
    if (dropped > 0) {
        SessionRecord note;
        note.timeUs = SessionLogWriter::nowUs();
        note.kind = QStringLiteral("note");
        note.fields.insert(QStringLiteral("dropped"), qint64(dropped));
        records.append(note);
    }
    for (const QList<SessionEvent>& batch : std::as_const(batches))
        for (const SessionEvent& event : batch)
            records.append(toRecord(event));
    const int written = m_writer->write(records);
    m_linesWritten += quint64(written);
    m_bytesWritten.store(m_writer->bytesWritten());
    const bool failed = !m_writer->problem().ok();
    std::lock_guard lock(m_mutex);
    m_files = m_writer->files();
    if (!failed)
        return;
    m_droppedTotal += quint64(records.size() - written);
    // The events this failed write lost are said by the note after a resume,
    // as those dropped while stopped are (and a carried count whose note was
    // not written goes on with them).
    const bool noteLost = dropped > 0 && written == 0;
    m_droppedUnwritten +=
        quint64(records.size() - written - (noteLost ? 1 : 0)) + (noteLost ? dropped : 0);
    m_stopped = true;
    m_problem = m_writer->problem();
    const SessionLogProblem problem = m_problem;
    QMetaObject::invokeMethod(
        this, [this, problem] { emit stopped(problem); }, Qt::QueuedConnection);
}

} // namespace chorus
