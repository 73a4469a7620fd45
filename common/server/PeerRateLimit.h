#pragma once

// A per-peer input rate limit: two token buckets (messages and bytes), each
// refilled at its rate and holding at most `burst` worth of it. The
// connection reads only as many bytes as the byte bucket holds and handles
// only as many messages as the message bucket holds; the rest waits in the
// kernel's receive buffer (TCP flow control slows the peer), so input is
// delayed, never dropped.

#include <QtGlobal>

#include <chrono>

namespace chorus {

struct RateLimit
{
    double messagesPerSecond = 0; // 0: no limit on messages
    double bytesPerSecond = 0;    // 0: no limit on bytes
    // How much a quiet peer may send at once: this long at the rate.
    std::chrono::milliseconds burst{1000};

    bool isOn() const { return messagesPerSecond > 0 || bytesPerSecond > 0; }
    bool operator==(const RateLimit& other) const
    {
        return messagesPerSecond == other.messagesPerSecond &&
               bytesPerSecond == other.bytesPerSecond && burst == other.burst;
    }
};

class PeerRateLimit
{
public:
    using Clock = std::chrono::steady_clock;

    explicit PeerRateLimit(const RateLimit& limit = {});

    bool isOn() const { return m_limit.isOn(); }
    // Tops both buckets up to `now`.
    void refill(Clock::time_point now);
    // Whole messages / bytes that may be taken now (a large number when unlimited).
    qint64 messagesAllowed() const;
    qint64 bytesAllowed() const;
    void takeMessage();
    void takeBytes(qint64 bytes);
    // How long until one more message and `bytes` more bytes (whichever
    // bucket is short) may be taken; zero when they may be taken now.
    std::chrono::milliseconds waitFor(qint64 bytes) const;

private:
    static constexpr qint64 kUnlimited = qint64(1) << 40;
    double capacity(double rate) const;

    RateLimit m_limit;
    double m_messages = 0;
    double m_bytes = 0;
    Clock::time_point m_refilled;
};

} // namespace chorus
