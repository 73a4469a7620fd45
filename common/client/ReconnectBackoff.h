#pragma once

// How long to wait before the next reconnect attempt: `initial`, doubling
// after every failure up to `maximum`. A connect that does not last is a
// failure like a refused one: only reset() (the link proved itself: it stayed
// up a while, or the server answered) starts again from `initial`. Without
// that rule a server that accepts and closes at once is hammered every
// `initial` forever.

#include <chrono>

namespace chorus {

class ReconnectBackoff
{
public:
    ReconnectBackoff(std::chrono::milliseconds initial, std::chrono::milliseconds maximum);

    void setLimits(std::chrono::milliseconds initial, std::chrono::milliseconds maximum);
    // One more failure: the wait before the next attempt (initial, 2x, 4x, ... maximum).
    std::chrono::milliseconds nextDelay();
    // The link proved itself: the next failure waits `initial` again.
    void reset();

    // Failures since the last reset(): the number of the next attempt.
    int failures() const { return m_failures; }
    // The wait nextDelay() last returned (0 before the first).
    std::chrono::milliseconds lastDelay() const { return m_last; }

private:
    std::chrono::milliseconds m_initial;
    std::chrono::milliseconds m_maximum;
    std::chrono::milliseconds m_last{0};
    int m_failures = 0;
};

} // namespace chorus
