#pragma once

// Shared tallies of the worker that owns a set of connections. Connections
// add to it directly (same thread, no locking); the worker turns it into
// counter deltas and rate-limited log lines once per batch.

#include "base/TrafficCounters.h"
#include "wire/FrameCodec.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>

namespace chorus {

struct ConnectionLedger
{
    TrafficCounters traffic; // user messages; bytes include control traffic
    quint64 unanswered = 0;
    bool logMessages = true;
    int messageLogBudget = 200; // message and control lines still allowed in this batch
    quint64 messageLogsDropped = 0;
    // Ids of connections whose snapshot changed since the last batch; each
    // connection appears once (it keeps a flag), so a busy peer costs one
    // append per batch instead of a signal and a hash insert per message.
    QList<quint64> changed;

    // The last few replies as sent on the wire. Replies come from a short
    // list, so encoding each one to UTF-8 (and allocating) per message is
    // mostly repeated work; a hit shares the cached bytes (no copy).
    QByteArray encoded(const QString& text, Terminator terminator);

private:
    struct EncodedText
    {
        QString text;
        Terminator terminator = Terminator::None;
        QByteArray bytes;
    };
    static constexpr std::size_t kEncodedCacheSize = 16;
    std::array<EncodedText, kEncodedCacheSize> m_encoded;
    std::size_t m_nextEncoded = 0;
};

} // namespace chorus
