#pragma once

// The numbers behind the traffic chart, without widgets: one point per
// counters snapshot from ServerEngine (its batched countersUpdated, a few a
// second): messages/s in and out since the previous snapshot, from the
// cumulative counters, and the active connections. Points older than the
// span go, and never more than maxPoints are kept (a bounded ring).

#include "server/ServerTypes.h"

#include <QtGlobal>

#include <chrono>
#include <deque>

namespace chorus {

struct TrafficPoint
{
    qint64 timeMs = 0; // when the snapshot arrived (ms, any monotonic clock)
    double inPerSecond = 0;
    double outPerSecond = 0;
    quint64 active = 0;
};

class TrafficSeries
{
public:
    static constexpr std::chrono::milliseconds kDefaultSpan{std::chrono::minutes(5)};
    // Five minutes of the engine's default 250 ms snapshots.
    static constexpr int kDefaultMaxPoints = 1200;

    explicit TrafficSeries(std::chrono::milliseconds span = kDefaultSpan,
                           int maxPoints = kDefaultMaxPoints);

    // A snapshot taken at `timeMs`. The first one (and the first after counters
    // went back to zero: a new start) only sets the base; the rates need two.
    void add(qint64 timeMs, const ServerCounters& counters);
    void clear();

    const std::deque<TrafficPoint>& points() const { return m_points; }
    bool isEmpty() const { return m_points.empty(); }
    const TrafficPoint& latest() const { return m_points.back(); }
    // The largest rate and connection count among the kept points (axis ranges).
    double peakRate() const;
    quint64 peakActive() const;
    std::chrono::milliseconds span() const { return m_span; }
    int maxPoints() const { return m_maxPoints; }

private:
    std::chrono::milliseconds m_span;
    int m_maxPoints;
    std::deque<TrafficPoint> m_points;
    bool m_hasBase = false;
    qint64 m_baseTimeMs = 0;
    quint64 m_baseIn = 0;
    quint64 m_baseOut = 0;
};

} // namespace chorus
