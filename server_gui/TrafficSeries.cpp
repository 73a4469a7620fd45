#include "TrafficSeries.h"

#include <algorithm>

namespace chorus {

TrafficSeries::TrafficSeries(std::chrono::milliseconds span, int maxPoints)
    : m_span(span), m_maxPoints(std::max(2, maxPoints))
{}

void TrafficSeries::add(qint64 timeMs, const ServerCounters& counters)
{
    const bool restarted =
        m_hasBase && (counters.messagesIn < m_baseIn || counters.messagesOut < m_baseOut);
    if (m_hasBase && !restarted && timeMs > m_baseTimeMs) {
        const double seconds = double(timeMs - m_baseTimeMs) / 1000.0;
        m_points.push_back(TrafficPoint{timeMs, double(counters.messagesIn - m_baseIn) / seconds,
                                        double(counters.messagesOut - m_baseOut) / seconds,
                                        counters.active});
    } else if (m_hasBase && !restarted) {
        return; // the same instant twice: no rate to tell
    }
    m_hasBase = true;
    m_baseTimeMs = timeMs;
    m_baseIn = counters.messagesIn;
    m_baseOut = counters.messagesOut;
    while (!m_points.empty() && (m_points.front().timeMs < timeMs - m_span.count() ||
                                 int(m_points.size()) > m_maxPoints))
        m_points.pop_front();
}

void TrafficSeries::clear()
{
    m_points.clear();
    m_hasBase = false;
}

double TrafficSeries::peakRate() const
{
    double peak = 0;
    for (const TrafficPoint& p : m_points)
        peak = std::max({peak, p.inPerSecond, p.outPerSecond});
    return peak;
}

quint64 TrafficSeries::peakActive() const
{
    quint64 peak = 0;
    for (const TrafficPoint& p : m_points)
        peak = std::max(peak, p.active);
    return peak;
}

} // namespace chorus
