#pragma once

// Shared tallies of the worker that owns a set of connections. Connections
// add to it directly (same thread, no locking); the worker turns it into
// counter deltas and rate-limited log lines once per batch.

#include "base/SessionLog.h"
#include "base/TrafficCounters.h"
#include "server/SessionEvent.h"
#include "server/VehicleLink.h"
#include "wire/FrameCodec.h"

#include <QByteArray>
#include <QList>

#include <array>

namespace chorus {

struct ConnectionLedger
{
    // Per batch and worker, so a flood never floods the log: message and
    // control lines, and lines about framing problems (the error counts and
    // the counters still count every one).
    static constexpr int kMessageLogsPerBatch = 200;
    static constexpr int kProblemLogsPerBatch = 100;

    TrafficCounters traffic; // user messages; bytes include control traffic
    quint64 unanswered = 0;
    bool logMessages = true;
    int messageLogBudget = kMessageLogsPerBatch; // lines still allowed in this batch
    quint64 messageLogsDropped = 0;
    int problemLogBudget = kProblemLogsPerBatch;
    quint64 problemLogsDropped = 0;
    // Ids of connections whose snapshot changed since the last batch; each
    // connection appears once (it keeps a flag), so a busy peer costs one
    // append per batch instead of a signal and a hash insert per message.
    QList<quint64> changed;
    // Commands sent, acks, telemetry, status, heartbeats: to the engine in the next batch.
    QList<VehicleEvent> vehicleEvents;
    // The session log (ServerSessionLog), while one is open: this batch's
    // events, handed to its writer thread with the batch.
    bool sessionLogOn = false;
    QList<SessionEvent> sessionEvents;
    void recordSession(SessionEvent::Kind kind, quint64 id, const QString& peer,
                       const QByteArray& bytes = {}, bool overUdp = false)
    {
        if (!sessionLogOn)
            return;
        SessionEvent& event = sessionEvents.emplace_back();
        event.kind = kind;
        event.timeUs = SessionLogWriter::nowUs();
        event.connectionId = id;
        event.peer = peer;
        event.bytes = bytes;
        event.overUdp = overUdp;
    }

    // A reply as sent on the wire to a peer of a text framing: the body and
    // the peer's terminator. Replies come from a short list, so framing each
    // one (an allocation and a copy) per message is mostly repeated work; a
    // hit shares the cached bytes (no copy).
    QByteArray terminated(const QByteArray& body, Terminator terminator);

private:
    struct Framed
    {
        QByteArray body;
        Terminator terminator = Terminator::None;
        QByteArray bytes;
    };
    static constexpr std::size_t kFramedCacheSize = 16;
    std::array<Framed, kFramedCacheSize> m_framed;
    std::size_t m_nextFramed = 0;
};

} // namespace chorus
