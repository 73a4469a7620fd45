#pragma once

// Addresses the operator keeps out for a while ("Disconnect and block for N
// minutes"). Shared by the engine's threads: the listener asks on every
// accept (a lock-free emptiness check first, so an empty list costs nothing),
// the window adds and removes. Entries past their time are dropped as met.

#include "server/ServerTypes.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMutex>

#include <atomic>
#include <optional>

namespace chorus {

class BlockList
{
public:
    void block(const QHostAddress& address, const QDateTime& until, PeerProtocol protocol);
    void unblock(const QHostAddress& address);
    void clear();
    // The entry for address while it lasts.
    std::optional<BlockedAddress> find(const QHostAddress& address, const QDateTime& now);
    // Those still in force, soonest to end first.
    QList<BlockedAddress> entries(const QDateTime& now);
    bool isEmpty() const { return m_count.load(std::memory_order_relaxed) == 0; }
    // Bumped by every change (expiries included): the engine reports the list when it moved.
    quint64 version() const { return m_version.load(std::memory_order_relaxed); }

private:
    void dropExpired(const QDateTime& now); // with m_mutex held
    void changed();                         // with m_mutex held

    QMutex m_mutex;
    QHash<QHostAddress, BlockedAddress> m_entries;
    std::atomic<int> m_count{0};
    std::atomic<quint64> m_version{0};
};

} // namespace chorus
