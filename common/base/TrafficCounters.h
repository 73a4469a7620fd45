#pragma once

// Messages and bytes each way: one type for a connection's row, a worker's
// batch, the server's totals and the client's status bar.

#include <QtGlobal>

namespace chorus {

struct TrafficCounters
{
    quint64 messagesIn = 0;
    quint64 messagesOut = 0;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;

    TrafficCounters& operator+=(const TrafficCounters& other)
    {
        messagesIn += other.messagesIn;
        messagesOut += other.messagesOut;
        bytesIn += other.bytesIn;
        bytesOut += other.bytesOut;
        return *this;
    }
    // What changed since `earlier` (counters only grow).
    TrafficCounters since(const TrafficCounters& earlier) const
    {
        return {messagesIn - earlier.messagesIn, messagesOut - earlier.messagesOut,
                bytesIn - earlier.bytesIn, bytesOut - earlier.bytesOut};
    }
    bool isZero() const { return (messagesIn | messagesOut | bytesIn | bytesOut) == 0; }
    bool operator==(const TrafficCounters& other) const
    {
        return messagesIn == other.messagesIn && messagesOut == other.messagesOut &&
               bytesIn == other.bytesIn && bytesOut == other.bytesOut;
    }
};

} // namespace chorus
