#include "server/BlockList.h"

#include "base/Endpoint.h"

#include <QMutexLocker>

#include <algorithm>

namespace chorus {

void BlockList::block(const QHostAddress& address, const QDateTime& until, PeerProtocol protocol)
{
    const QHostAddress plain = plainAddress(address);
    QMutexLocker lock(&m_mutex);
    m_entries.insert(plain, BlockedAddress{plain, until, protocol});
    changed();
}

void BlockList::unblock(const QHostAddress& address)
{
    QMutexLocker lock(&m_mutex);
    if (m_entries.remove(plainAddress(address)) > 0)
        changed();
}

void BlockList::clear()
{
    QMutexLocker lock(&m_mutex);
    if (m_entries.isEmpty())
        return;
    m_entries.clear();
    changed();
}

std::optional<BlockedAddress> BlockList::find(const QHostAddress& address, const QDateTime& now)
{
    if (isEmpty())
        return std::nullopt;
    QMutexLocker lock(&m_mutex);
    dropExpired(now);
    const auto it = m_entries.constFind(plainAddress(address));
    if (it == m_entries.cend())
        return std::nullopt;
    return *it;
}

QList<BlockedAddress> BlockList::entries(const QDateTime& now)
{
    QMutexLocker lock(&m_mutex);
    dropExpired(now);
    QList<BlockedAddress> out = m_entries.values();
    std::sort(out.begin(), out.end(),
              [](const BlockedAddress& a, const BlockedAddress& b) { return a.until < b.until; });
    return out;
}

void BlockList::dropExpired(const QDateTime& now)
{
    const qsizetype before = m_entries.size();
    m_entries.removeIf([&now](const auto& entry) { return entry.value().until <= now; });
    if (m_entries.size() != before)
        changed();
}

void BlockList::changed()
{
    m_count.store(int(m_entries.size()), std::memory_order_relaxed);
    m_version.fetch_add(1, std::memory_order_relaxed);
}

} // namespace chorus
