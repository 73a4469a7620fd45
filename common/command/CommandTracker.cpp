#include "command/CommandTracker.h"

#include <algorithm>

namespace chorus {

QString commandStateKey(CommandState state)
{
    switch (state) {
    case CommandState::Sent:
        return QStringLiteral("sent");
    case CommandState::InProgress:
        return QStringLiteral("in-progress");
    case CommandState::Accepted:
        return QStringLiteral("accepted");
    case CommandState::Denied:
        return QStringLiteral("denied");
    case CommandState::Failed:
        return QStringLiteral("failed");
    case CommandState::Unsupported:
        return QStringLiteral("unsupported");
    case CommandState::TemporarilyRejected:
        return QStringLiteral("temporarily-rejected");
    case CommandState::TimedOut:
        return QStringLiteral("timed-out");
    case CommandState::LinkLost:
        return QStringLiteral("link-lost");
    case CommandState::NoUdpPath:
        return QStringLiteral("no-udp-path");
    }
    return {};
}

bool isFinalCommandState(CommandState state)
{
    return state != CommandState::Sent && state != CommandState::InProgress;
}

CommandState commandStateFor(MavResult result)
{
    switch (result) {
    case MavResult::Accepted:
        return CommandState::Accepted;
    case MavResult::TemporarilyRejected:
        return CommandState::TemporarilyRejected;
    case MavResult::Denied:
        return CommandState::Denied;
    case MavResult::Unsupported:
        return CommandState::Unsupported;
    case MavResult::Failed:
        return CommandState::Failed;
    case MavResult::InProgress:
        return CommandState::InProgress;
    }
    return CommandState::Failed;
}

CommandTracker::CommandTracker(QObject* parent) : QObject(parent), m_timer(this)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &CommandTracker::onTimer);
}

void CommandTracker::track(const CommandRecord& record, const CommandRequest& request,
                           Clock::time_point sentAt)
{
    const Key key{record.connectionId, record.seq};
    if (m_entries.contains(key))
        return; // seqs are never reused: a second report of one send
    Entry& entry = m_entries[key];
    entry.record = record;
    entry.record.state = CommandState::Sent;
    entry.record.attempts = 1;
    entry.request = request;
    entry.lastSend = sentAt;
    entry.timeout = std::max(request.ackTimeout, std::chrono::milliseconds(1));
    entry.retriesLeft = std::max(0, request.retries);
    m_pendingByConnection[key.connectionId].append(key.seq);
    setDeadline(entry, sentAt + entry.timeout);
    markChanged(key, entry);
    armTimer();
}

void CommandTracker::resent(quint64 connectionId, quint64 seq, Clock::time_point at)
{
    const auto it = m_entries.find(Key{connectionId, seq});
    if (it == m_entries.end() || isFinalCommandState(it->record.state))
        return;
    it->lastSend = at;
    setDeadline(*it, at + it->timeout);
    armTimer();
}

CommandTracker::AckMatch CommandTracker::applyAck(quint64 connectionId, quint64 seq,
                                                  MavResult result, std::optional<int> progress,
                                                  const QString& text, Clock::time_point at)
{
    const Key key{connectionId, seq};
    const auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        ++m_unknownAcks;
        return AckMatch::Unknown;
    }
    Entry& entry = *it;
    if (isFinalCommandState(entry.record.state)) {
        ++m_lateAcks;
        return AckMatch::AlreadyFinished;
    }
    if (entry.record.rttMs < 0 || entry.record.state == CommandState::Sent)
        entry.record.rttMs = std::chrono::duration<double, std::milli>(
                                 std::max(at - entry.lastSend, Clock::duration::zero()))
                                 .count();
    if (!text.isEmpty())
        entry.record.text = text;
    if (progress)
        entry.record.progress = *progress;
    const CommandState state = commandStateFor(result);
    if (state == CommandState::InProgress) {
        // The vehicle is working on it: the timeout runs from this sign of
        // life, and a running command is never sent again.
        entry.record.state = CommandState::InProgress;
        entry.retriesLeft = 0;
        setDeadline(entry, at + entry.timeout);
        markChanged(key, entry);
        armTimer();
    } else {
        if (state == CommandState::Accepted)
            entry.record.progress = entry.record.progress >= 0 ? 100 : -1;
        finish(key, entry, state);
    }
    return AckMatch::Matched;
}

void CommandTracker::linkLost(quint64 connectionId)
{
    const QList<quint64> seqs = m_pendingByConnection.value(connectionId);
    for (quint64 seq : seqs) {
        const Key key{connectionId, seq};
        const auto it = m_entries.find(key);
        if (it != m_entries.end() && !isFinalCommandState(it->record.state))
            finish(key, *it, CommandState::LinkLost);
    }
    m_pendingByConnection.remove(connectionId);
    armTimer();
}

void CommandTracker::notSent(quint64 connectionId, quint64 seq, CommandState state)
{
    const Key key{connectionId, seq};
    const auto it = m_entries.find(key);
    if (it == m_entries.end() || isFinalCommandState(it->record.state))
        return;
    finish(key, *it, state);
    armTimer();
}

std::optional<CommandRecord> CommandTracker::record(quint64 connectionId, quint64 seq) const
{
    const auto it = m_entries.constFind(Key{connectionId, seq});
    if (it == m_entries.constEnd())
        return std::nullopt;
    return it->record;
}

std::optional<CommandRequest> CommandTracker::request(quint64 connectionId, quint64 seq) const
{
    const auto it = m_entries.constFind(Key{connectionId, seq});
    if (it == m_entries.constEnd() || isFinalCommandState(it->record.state))
        return std::nullopt;
    return it->request;
}

QList<CommandRecord> CommandTracker::takeChanged()
{
    QList<CommandRecord> out;
    out.reserve(m_changed.size());
    for (const Key& key : std::as_const(m_changed)) {
        const auto it = m_entries.find(key);
        if (it == m_entries.end())
            continue;
        it->changedMarked = false;
        out.append(it->record);
    }
    m_changed.clear();
    return out;
}

void CommandTracker::setDeadline(Entry& entry, Clock::time_point at)
{
    clearDeadline(entry);
    entry.deadline = m_deadlines.emplace(at, Key{entry.record.connectionId, entry.record.seq});
}

void CommandTracker::clearDeadline(Entry& entry)
{
    if (entry.deadline) {
        m_deadlines.erase(*entry.deadline);
        entry.deadline.reset();
    }
}

void CommandTracker::finish(const Key& key, Entry& entry, CommandState state)
{
    clearDeadline(entry);
    entry.record.state = state;
    entry.request = CommandRequest();
    if (auto pending = m_pendingByConnection.find(key.connectionId);
        pending != m_pendingByConnection.end()) {
        pending->removeOne(key.seq);
        if (pending->isEmpty())
            m_pendingByConnection.erase(pending);
    }
    markChanged(key, entry);
    m_finishedOrder.push_back(key);
    // Bounded: the oldest finished commands are forgotten (a later ack for
    // one of them counts as unknown). One still waiting in m_changed is kept
    // until taken.
    while (qsizetype(m_finishedOrder.size()) > kMaxFinishedKept) {
        const Key oldest = m_finishedOrder.front();
        const auto it = m_entries.find(oldest);
        if (it != m_entries.end() && it->changedMarked)
            break;
        m_finishedOrder.pop_front();
        m_entries.remove(oldest);
    }
}

void CommandTracker::markChanged(const Key& key, Entry& entry)
{
    if (entry.changedMarked)
        return;
    entry.changedMarked = true;
    const bool first = m_changed.isEmpty();
    m_changed.append(key);
    if (first)
        emit changed();
}

void CommandTracker::armTimer()
{
    if (m_deadlines.empty()) {
        m_timer.stop();
        return;
    }
    const auto wait =
        std::chrono::ceil<std::chrono::milliseconds>(m_deadlines.begin()->first - Clock::now());
    m_timer.start(std::max(wait, std::chrono::milliseconds(0)));
}

void CommandTracker::onTimer()
{
    const Clock::time_point now = Clock::now();
    QList<Key> resend;
    while (!m_deadlines.empty() && m_deadlines.begin()->first <= now) {
        const Key key = m_deadlines.begin()->second;
        Entry& entry = m_entries[key];
        if (entry.retriesLeft > 0 && entry.record.state == CommandState::Sent) {
            --entry.retriesLeft;
            ++entry.record.attempts;
            // Until the resend is reported, the deadline runs from now.
            entry.lastSend = now;
            setDeadline(entry, now + entry.timeout);
            markChanged(key, entry);
            resend.append(key);
        } else {
            finish(key, entry, CommandState::TimedOut);
        }
    }
    armTimer();
    for (const Key& key : std::as_const(resend))
        emit resendDue(key.connectionId, key.seq);
}

} // namespace chorus
