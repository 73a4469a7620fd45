#include "server/PeerRateLimit.h"

#include <algorithm>
#include <cmath>

namespace chorus {

PeerRateLimit::PeerRateLimit(const RateLimit& limit) : m_limit(limit), m_refilled(Clock::now())
{
    // A new peer starts with a full burst.
    m_messages = capacity(m_limit.messagesPerSecond);
    m_bytes = capacity(m_limit.bytesPerSecond);
}

double PeerRateLimit::capacity(double rate) const
{
    // At least one message (and one byte): a burst shorter than one
    // message's time would never let anything through.
    return std::max(1.0, rate * std::chrono::duration<double>(m_limit.burst).count());
}

void PeerRateLimit::refill(Clock::time_point now)
{
    if (!isOn() || now <= m_refilled)
        return;
    const double seconds = std::chrono::duration<double>(now - m_refilled).count();
    m_refilled = now;
    if (m_limit.messagesPerSecond > 0)
        m_messages = std::min(capacity(m_limit.messagesPerSecond),
                              m_messages + seconds * m_limit.messagesPerSecond);
    if (m_limit.bytesPerSecond > 0)
        m_bytes =
            std::min(capacity(m_limit.bytesPerSecond), m_bytes + seconds * m_limit.bytesPerSecond);
}

qint64 PeerRateLimit::messagesAllowed() const
{
    return m_limit.messagesPerSecond > 0 ? qint64(std::floor(m_messages)) : kUnlimited;
}

qint64 PeerRateLimit::bytesAllowed() const
{
    return m_limit.bytesPerSecond > 0 ? qint64(std::floor(m_bytes)) : kUnlimited;
}

void PeerRateLimit::takeMessage()
{
    if (m_limit.messagesPerSecond > 0)
        m_messages -= 1;
}

void PeerRateLimit::takeBytes(qint64 bytes)
{
    if (m_limit.bytesPerSecond > 0)
        m_bytes -= double(bytes);
}

std::chrono::milliseconds PeerRateLimit::waitFor(qint64 bytes) const
{
    double seconds = 0;
    if (m_limit.messagesPerSecond > 0 && m_messages < 1)
        seconds = std::max(seconds, (1 - m_messages) / m_limit.messagesPerSecond);
    if (m_limit.bytesPerSecond > 0) {
        const double wanted = std::min(double(bytes), capacity(m_limit.bytesPerSecond));
        if (m_bytes < wanted)
            seconds = std::max(seconds, (wanted - m_bytes) / m_limit.bytesPerSecond);
    }
    // Rounded up to whole milliseconds (less a rounding error's worth: 0.05 s is 50 ms).
    return std::chrono::milliseconds(qint64(std::ceil(seconds * 1000 - 1e-6)));
}

} // namespace chorus
