#include "client/SessionReplay.h"

#include "base/SessionLog.h"
#include "client/ClientEngine.h"

#include <cmath>

namespace chorus {

namespace {

// A session log of the default rotation is at most 16 MiB a file.
constexpr qint64 kMaxReplayFileBytes = 256LL * 1024 * 1024;

} // namespace

QString replayErrorName(ReplayError error)
{
    switch (error) {
    case ReplayError::None:
        return {};
    case ReplayError::FileUnreadable:
        return QStringLiteral("file-unreadable");
    case ReplayError::MalformedLine:
        return QStringLiteral("malformed-line");
    case ReplayError::NoOutRecords:
        return QStringLiteral("no-out-records");
    }
    return {};
}

std::optional<double> parseReplaySpeed(const QString& text)
{
    bool ok = false;
    const double speed = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(speed) || speed < 0 || speed > kMaxReplaySpeed)
        return std::nullopt;
    return speed;
}

ReplayScript parseReplayScript(const QByteArray& data)
{
    ReplayScript script;
    qint64 number = 0;
    std::optional<qint64> firstUs;
    for (const QByteArray& line : data.split('\n')) {
        ++number;
        if (line.trimmed().isEmpty())
            continue;
        const std::optional<SessionRecord> record = SessionLogWriter::decode(line);
        if (!record) {
            script.error = ReplayError::MalformedLine;
            script.line = number;
            script.steps.clear();
            return script;
        }
        if (record->kind != QLatin1String("out") || !record->bytes)
            continue;
        if (!firstUs)
            firstUs = record->timeUs;
        // A clock set back mid-session: never a negative wait.
        script.steps.append({std::max<qint64>(0, record->timeUs - *firstUs), *record->bytes});
    }
    if (script.steps.isEmpty())
        script.error = ReplayError::NoOutRecords;
    return script;
}

ReplayScript loadReplayScript(const QString& path)
{
    QByteArray data;
    const FileResult read = readRegularFile(path, kMaxReplayFileBytes, &data);
    if (!read.ok()) {
        ReplayScript script;
        script.error = ReplayError::FileUnreadable;
        script.fileError = read.error;
        script.reason = read.reason;
        script.path = path;
        return script;
    }
    ReplayScript script = parseReplayScript(data);
    script.path = path;
    return script;
}

SessionReplay::SessionReplay(ClientEngine* engine, QObject* parent)
    : QObject(parent), m_engine(engine)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SessionReplay::sendDue);
}

void SessionReplay::start(const QList<ReplayStep>& steps, double speed)
{
    stop();
    m_steps = steps;
    m_speed = speed;
    m_next = 0;
    m_running = true;
    m_clock.start();
    emit progressed(0, totalCount());
    sendDue();
}

void SessionReplay::stop()
{
    if (m_running)
        finish(End::Stopped);
}

void SessionReplay::sendDue()
{
    if (!m_running)
        return;
    const qint64 elapsedUs = m_clock.nsecsElapsed() / 1000;
    while (m_next < m_steps.size()) {
        const ReplayStep& step = m_steps.at(m_next);
        if (m_speed > 0) {
            const qint64 dueUs = qint64(double(step.offsetUs) / m_speed);
            if (dueUs > elapsedUs) {
                // Rounded up: a timer that fires early would only arm itself again.
                m_timer.start(int((dueUs - elapsedUs + 999) / 1000));
                return;
            }
        }
        const SendResult result = m_engine->send(step.bytes);
        if (result.status == SendStatus::Refused) {
            finish(End::SendRefused, result.error);
            return;
        }
        ++m_next;
        emit progressed(m_next, totalCount());
        if (m_speed == 0 && m_next < m_steps.size()) {
            // As fast as possible, but one per pass: replies are read in between.
            m_timer.start(0);
            return;
        }
    }
    finish(End::Done);
}

void SessionReplay::finish(End end, ClientError error)
{
    m_running = false;
    m_timer.stop();
    emit finished(end, error);
}

} // namespace chorus
