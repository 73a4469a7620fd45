#pragma once

// Events per second over a sliding window, for rates a person reads (the
// server's status bar). Fed a running total at each tick; the rate is what
// the total grew over the last `window` (5 s by default). Per-tick rates of
// a steady 2 messages/s read 0.0 or 4.0 at a 250 ms tick, depending on which
// tick a message fell in; over 5 s they read 2.0.

#include <QtGlobal>

#include <chrono>
#include <deque>

namespace chorus {

class RateWindow
{
public:
    static constexpr std::chrono::milliseconds kDefaultWindow{5000};
    // A rate over less than this is divided by this instead: the first ticks
    // after a start ramp up rather than jump.
    static constexpr std::chrono::milliseconds kMinimumSpan{1000};

    explicit RateWindow(std::chrono::milliseconds window = kDefaultWindow);

    // `at` is a monotonic time (QElapsedTimer); totals only grow.
    void add(std::chrono::milliseconds at, quint64 total);
    double perSecond() const;
    void clear() { m_samples.clear(); }

private:
    struct Sample
    {
        std::chrono::milliseconds at;
        quint64 total;
    };
    std::chrono::milliseconds m_window;
    std::deque<Sample> m_samples;
};

} // namespace chorus
