#include "client/ReconnectBackoff.h"

#include <algorithm>

namespace chorus {

namespace {
constexpr std::chrono::milliseconds kShortestDelay{1};
} // namespace

ReconnectBackoff::ReconnectBackoff(std::chrono::milliseconds initial,
                                   std::chrono::milliseconds maximum)
{
    setLimits(initial, maximum);
}

void ReconnectBackoff::setLimits(std::chrono::milliseconds initial,
                                 std::chrono::milliseconds maximum)
{
    m_initial = std::max(initial, kShortestDelay);
    m_maximum = std::max(maximum, m_initial);
}

std::chrono::milliseconds ReconnectBackoff::nextDelay()
{
    m_last = m_failures == 0 ? m_initial : std::min(m_last * 2, m_maximum);
    ++m_failures;
    return m_last;
}

void ReconnectBackoff::reset()
{
    m_failures = 0;
    m_last = std::chrono::milliseconds{0};
}

} // namespace chorus
