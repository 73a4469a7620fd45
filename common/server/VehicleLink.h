#pragma once

// What a Connection knows about the vehicle behind it (issue 13): commands
// a text peer has yet to acknowledge with a matching reply, and when it was
// last heard from (heartbeat, or any message when so chosen) for the stale
// mark. Events for the engine (VehicleEvent) go out in the worker's batch.

#include "command/CommandPreset.h"
#include "wire/VehicleTypes.h"

#include <QByteArrayView>
#include <QList>
#include <QMetaType>
#include <QRegularExpression>
#include <QString>

#include <chrono>
#include <optional>

namespace chorus {

struct VehicleOptions
{
    // No heartbeat for this long marks a peer stale; zero: never.
    std::chrono::milliseconds heartbeatTimeout{5000};
    // Any message counts as a heartbeat (peers that send none of their own).
    bool anyMessageCounts = false;
    // A text peer's key=value pairs are telemetry (docs/PROTOCOL.md §2.8.3).
    bool keyValueTelemetry = false;
};

// One thing a vehicle did (or was sent), from the worker to the engine.
struct VehicleEvent
{
    using Clock = std::chrono::steady_clock;
    enum class Kind {
        CommandSent,  // seq, peer, request (resend: `resend` set)
        Ack,          // seq (= ack.re), result, progress, text
        Telemetry,    // values, units, refused (key=value pairs not taken)
        Status,       // severity, text (also logged by the connection)
        Heartbeat,    // state, mode, armed
        StaleChanged, // stale
        NoUdpPath,    // seq: a command with channel UDP to a peer with no UDP path (not sent)
    };
    Kind kind = Kind::Heartbeat;
    quint64 connectionId = 0;
    Clock::time_point at;

    quint64 seq = 0;
    bool resend = false;
    QString peer;
    CommandRequest request;
    MavResult result = MavResult::Accepted;
    std::optional<int> progress;
    QString text;
    TelemetryValues values;
    TelemetryUnits units;
    int refused = 0;
    StatusSeverity severity = StatusSeverity::Info;
    QString state;
    QString mode;
    std::optional<bool> armed;
    bool stale = false;
};

class VehicleLink
{
public:
    using Clock = std::chrono::steady_clock;
    // Text-peer commands awaiting their reply, per connection; beyond it the oldest is dropped.
    static constexpr qsizetype kMaxAwaitedReplies = 64;

    // A text peer was sent command `seq`; its first reply matching `pattern`
    // (any reply when empty) before `deadline` is the ack. A resend renews it.
    void awaitReply(quint64 seq, const QString& pattern, Clock::time_point deadline);
    // The oldest awaited command whose pattern the reply matches (removed), if any.
    std::optional<quint64> matchReply(QByteArrayView reply, Clock::time_point now);
    bool awaitsReplies() const { return !m_awaited.isEmpty(); }

    // The peer sent something; `heartbeat`: it was a heartbeat.
    void heard(Clock::time_point now, bool heartbeat, const VehicleOptions& options);
    // The new stale state when it changed. A peer is judged only once it has
    // been heard from (a heartbeat, or any message when that counts).
    std::optional<bool> checkStale(Clock::time_point now, const VehicleOptions& options);
    bool isStale() const { return m_stale; }

private:
    struct Awaited
    {
        quint64 seq = 0;
        QRegularExpression pattern; // invalid/empty: any reply
        bool any = true;
        Clock::time_point deadline;
    };
    QList<Awaited> m_awaited;
    std::optional<Clock::time_point> m_lastHeard;
    bool m_stale = false;
};

} // namespace chorus

Q_DECLARE_METATYPE(chorus::VehicleEvent)
