#include "server/VehicleLink.h"

namespace chorus {

void VehicleLink::awaitReply(quint64 seq, const QString& pattern, Clock::time_point deadline)
{
    for (Awaited& awaited : m_awaited) {
        if (awaited.seq == seq) {
            awaited.deadline = deadline;
            return;
        }
    }
    if (m_awaited.size() >= kMaxAwaitedReplies)
        m_awaited.removeFirst(); // its command times out in the tracker
    Awaited awaited;
    awaited.seq = seq;
    awaited.any = pattern.isEmpty();
    if (!awaited.any)
        awaited.pattern = QRegularExpression(pattern);
    awaited.deadline = deadline;
    m_awaited.append(awaited);
}

std::optional<quint64> VehicleLink::matchReply(QByteArrayView reply, Clock::time_point now)
{
    m_awaited.removeIf([now](const Awaited& awaited) { return awaited.deadline < now; });
    if (m_awaited.isEmpty())
        return std::nullopt;
    // Matching only: the reply itself stays bytes everywhere else.
    const QString text = QString::fromUtf8(reply);
    for (qsizetype i = 0; i < m_awaited.size(); ++i) {
        const Awaited& awaited = m_awaited.at(i);
        if (awaited.any || (awaited.pattern.isValid() && awaited.pattern.match(text).hasMatch())) {
            const quint64 seq = awaited.seq;
            m_awaited.removeAt(i);
            return seq;
        }
    }
    return std::nullopt;
}

void VehicleLink::heard(Clock::time_point now, bool heartbeat, const VehicleOptions& options)
{
    if (heartbeat || options.anyMessageCounts)
        m_lastHeard = now;
}

std::optional<bool> VehicleLink::checkStale(Clock::time_point now, const VehicleOptions& options)
{
    const bool stale = m_lastHeard && options.heartbeatTimeout.count() > 0 &&
                       now - *m_lastHeard > options.heartbeatTimeout;
    if (stale == m_stale)
        return std::nullopt;
    m_stale = stale;
    return stale;
}

} // namespace chorus
