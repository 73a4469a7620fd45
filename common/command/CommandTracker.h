#pragma once

// Every command sent to every peer, one entry per (connection, seq), from
// sent to its end: accepted, denied, failed, unsupported, temporarily
// rejected (the vehicle's MAV_RESULT), timed out after its retries, or link
// lost (the peer disconnected first). Lives in the engine's thread (the
// GUI's), fed in batches by ServerEngine.
//
// Acks are matched by (connection id, seq) only: an ack for a command that
// does not exist or has already ended is counted and reported, never
// attached to another command. All deadlines share one timer (a time-ordered
// map), so 1,000 pending commands cost one timer, not 1,000.

#include "command/CommandPreset.h"
#include "wire/VehicleTypes.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <deque>
#include <map>
#include <optional>

namespace chorus {

enum class CommandState {
    Sent,
    InProgress, // an in_progress ack came (progress in %)
    Accepted,
    Denied,
    Failed,
    Unsupported,
    TemporarilyRejected,
    TimedOut,  // no final ack within the timeout, after every retry
    LinkLost,  // the peer disconnected while the command was pending
    NoUdpPath, // channel UDP, but the peer has no UDP path (no session UDP channel): not sent
};
QString commandStateKey(CommandState state); // "sent", "in-progress", "timed-out", ...
bool isFinalCommandState(CommandState state);
CommandState commandStateFor(MavResult result);
inline constexpr int kCommandStateCount = 10;

struct CommandRecord
{
    quint64 connectionId = 0;
    quint64 seq = 0;
    QString peer; // "address:port" when sent
    QString name;
    QJsonObject args;
    CommandChannel channel = CommandChannel::Tcp;
    QDateTime sentAt; // the first send, wall clock
    CommandState state = CommandState::Sent;
    int progress = -1; // 0..100 from the last in_progress ack; -1: none
    int attempts = 1;  // sends so far (1 + retries used)
    // From the last send to the first ack after it (in_progress or final); -1: none yet.
    double rttMs = -1;
    QString text; // the ack's text, or a text peer's matching reply
};

class CommandTracker : public QObject
{
    Q_OBJECT
public:
    using Clock = std::chrono::steady_clock;
    // Finished records kept for late acks and takeChanged(); older ones are forgotten.
    static constexpr qsizetype kMaxFinishedKept = 20000;

    explicit CommandTracker(QObject* parent = nullptr);

    // A command went out at `sentAt` (the worker's clock reading); the
    // request's ackTimeout and retries apply, and a resend sends it again.
    void track(const CommandRecord& record, const CommandRequest& request,
               Clock::time_point sentAt);
    // A resend of a tracked command went out: its deadline starts again.
    void resent(quint64 connectionId, quint64 seq, Clock::time_point at);

    enum class AckMatch { Matched, Unknown, AlreadyFinished };
    AckMatch applyAck(quint64 connectionId, quint64 seq, MavResult result,
                      std::optional<int> progress, const QString& text, Clock::time_point at);
    // The peer is gone: its pending commands end as LinkLost.
    void linkLost(quint64 connectionId);
    // A tracked command could not go out (NoUdpPath): it ends so, with no retry.
    void notSent(quint64 connectionId, quint64 seq, CommandState state);

    int pendingCount() const { return int(m_deadlines.size()); }
    quint64 unknownAcks() const { return m_unknownAcks; }
    quint64 lateAcks() const { return m_lateAcks; }
    std::optional<CommandRecord> record(quint64 connectionId, quint64 seq) const;
    // What a pending command sends (for resendDue); nullopt once it ended.
    std::optional<CommandRequest> request(quint64 connectionId, quint64 seq) const;
    // Records created or changed since the last call, each once, in order of first change.
    QList<CommandRecord> takeChanged();

signals:
    // A command's timeout passed with retries left: send it again (then resent()).
    void resendDue(quint64 connectionId, quint64 seq);
    // Something changed; takeChanged() has it. Emitted at most once between takes.
    void changed();

private:
    struct Key
    {
        quint64 connectionId;
        quint64 seq;
        bool operator==(const Key& other) const
        {
            return connectionId == other.connectionId && seq == other.seq;
        }
    };
    friend size_t qHash(const Key& key, size_t seed)
    {
        return qHashMulti(seed, key.connectionId, key.seq);
    }
    using Deadlines = std::multimap<Clock::time_point, Key>;
    struct Entry
    {
        CommandRecord record;
        CommandRequest request; // dropped when the command ends
        Clock::time_point lastSend;
        std::chrono::milliseconds timeout{};
        int retriesLeft = 0;
        std::optional<Deadlines::iterator> deadline;
        bool changedMarked = false;
    };

    void setDeadline(Entry& entry, Clock::time_point at);
    void clearDeadline(Entry& entry);
    void finish(const Key& key, Entry& entry, CommandState state);
    void markChanged(const Key& key, Entry& entry);
    void armTimer();
    void onTimer();

    QHash<Key, Entry> m_entries;
    Deadlines m_deadlines;
    QHash<quint64, QList<quint64>> m_pendingByConnection; // id -> seqs still pending
    std::deque<Key> m_finishedOrder;
    QList<Key> m_changed;
    QTimer m_timer;
    quint64 m_unknownAcks = 0;
    quint64 m_lateAcks = 0;
};

} // namespace chorus

Q_DECLARE_METATYPE(chorus::CommandRecord)
