#pragma once

// The numbers behind the client's round-trip chart, without widgets: the
// round trips of the last maxPoints replies (a bounded ring, oldest first),
// numbered from the first reply of the run, and their min, median and p99.

#include "base/Percentiles.h"

#include <QtGlobal>

#include <deque>

namespace chorus {

class RttSeries
{
public:
    static constexpr int kDefaultMaxPoints = 500;

    explicit RttSeries(int maxPoints = kDefaultMaxPoints);

    // One matched reply's round trip.
    void add(double rttMs);
    void clear();

    const std::deque<double>& rtts() const { return m_rtts; }
    // Replies added since the start (or clear()): the newest is number total().
    quint64 total() const { return m_total; }
    // The number of the oldest kept reply (1-based); total() + 1 when empty.
    quint64 firstNumber() const { return m_total - m_rtts.size() + 1; }
    int maxPoints() const { return m_maxPoints; }
    // Over the kept replies (count 0 when none).
    SampleSummary summary() const { return summarize(m_rtts); }

private:
    int m_maxPoints;
    std::deque<double> m_rtts;
    quint64 m_total = 0;
};

} // namespace chorus
