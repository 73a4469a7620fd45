#include "EventLoopLagMonitor.h"

#include "base/Percentiles.h"

#include <algorithm>
#include <cmath>

namespace chorus {

EventLoopLagMonitor::EventLoopLagMonitor(QObject* parent) : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kInterval);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopLagMonitor::tick);
}

void EventLoopLagMonitor::start()
{
    m_clock.start();
    m_lastNs = 0;
    m_timer.start();
}

void EventLoopLagMonitor::stop()
{
    m_timer.stop();
}

void EventLoopLagMonitor::setCapacity(qsizetype capacity)
{
    m_capacity = std::max<qsizetype>(1, capacity);
    m_samples.clear();
    m_next = 0;
    m_wrapped = false;
    m_maxMs = 0;
    m_total = 0;
}

void EventLoopLagMonitor::tick()
{
    const qint64 nowNs = m_clock.nsecsElapsed();
    const qint64 expectedNs = std::chrono::nanoseconds(kInterval).count();
    const double lateMs = std::max<qint64>(0, nowNs - m_lastNs - expectedNs) / 1e6;
    m_lastNs = nowNs;
    addSample(lateMs);
}

void EventLoopLagMonitor::addSample(double lateMs)
{
    if (qsizetype(m_samples.size()) < m_capacity) {
        m_samples.push_back(float(lateMs));
    } else {
        m_samples[std::size_t(m_next)] = float(lateMs);
        m_wrapped = true;
    }
    m_next = (m_next + 1) % m_capacity;
    m_maxMs = std::max(m_maxMs, lateMs);
    ++m_total;
}

LagSummary EventLoopLagMonitor::summary() const
{
    const SampleSummary kept = summarize(m_samples);
    LagSummary s;
    s.samples = m_total;
    s.maxMs = m_maxMs; // over the whole run, not only the kept samples
    s.p50Ms = kept.median;
    s.p99Ms = kept.p99;
    return s;
}

QByteArray EventLoopLagMonitor::reportJson() const
{
    // Written by hand to keep the documented key order (QJsonObject sorts keys).
    const LagSummary s = summary();
    auto number = [](double ms) { return QByteArray::number(std::round(ms * 1000.0) / 1000.0); };
    return "{\"samples\":" + QByteArray::number(s.samples) + ",\"p50_ms\":" + number(s.p50Ms) +
           ",\"p99_ms\":" + number(s.p99Ms) + ",\"max_ms\":" + number(s.maxMs) + "}\n";
}

FileResult EventLoopLagMonitor::writeReport(const QString& path) const
{
    return writeFileAtomically(path, reportJson());
}

} // namespace chorus
