#pragma once

// The server's UDP peers: one row per source address:port, least recently
// seen first. Bounded: at the cap a new peer takes the place of the one idle
// longest, but only once that one has been quiet for a while; otherwise the
// new peer is refused. A flood of datagrams from many source ports thus
// cannot grow the table (or memory) beyond the cap, and busy peers are never
// pushed out by it. Plain data, no sockets: UdpChannel drives it.

#include "server/ServerTypes.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <list>
#include <optional>

namespace chorus {

struct UdpEndpoint
{
    QHostAddress address; // as the datagram came (replies go back to it)
    quint16 port = 0;

    bool operator==(const UdpEndpoint& other) const
    {
        return port == other.port && address == other.address;
    }
};

inline size_t qHash(const UdpEndpoint& endpoint, size_t seed = 0)
{
    return qHash(endpoint.address, seed) ^ (size_t(endpoint.port) * 0x9E3779B1u);
}

struct UdpPeer
{
    UdpEndpoint endpoint;
    int socketIndex = 0;         // the bound socket it spoke to: replies leave from it
    ConnectionSnapshot snapshot; // lastMessage/lastMessageSize filled by UdpChannel
    QByteArray lastMessage;
    QString label;                            // "address:port" for {peer}, formatted once
    Terminator terminator = Terminator::None; // its last datagram's line end, given to replies
    qint64 lastSeenMs = 0;                    // monotonic, for expiry and eviction
    bool changedMarked = false;
    int delayedReplies = 0; // rule replies waiting for their delay (UdpChannelRules.cpp)
};

class UdpPeerTable
{
public:
    explicit UdpPeerTable(int capacity = ServerConfig{}.maxConnections) : m_capacity(capacity) {}

    void setCapacity(int capacity) { m_capacity = std::max(1, capacity); }
    int capacity() const { return m_capacity; }
    int size() const { return int(m_byId.size()); }
    bool isEmpty() const { return m_byId.isEmpty(); }

    UdpPeer* find(const UdpEndpoint& endpoint);
    UdpPeer* byId(quint64 id);
    bool contains(quint64 id) const { return m_byId.contains(id); }
    // Seen now: it becomes the most recent.
    void touch(UdpPeer* peer, qint64 nowMs);
    // Room for one more: true when below the cap, or after evicting the peer
    // idle longest if it has been idle at least minEvictIdleMs (then *evicted
    // holds it). false: the table is full of recently active peers.
    bool makeRoom(qint64 nowMs, qint64 minEvictIdleMs, std::optional<UdpPeer>* evicted);
    // Call makeRoom() first; the peer is the most recent one.
    UdpPeer* add(const UdpEndpoint& endpoint, quint64 id, qint64 nowMs);
    // Peers quiet for idleMs or longer, oldest first, removed from the table.
    QList<UdpPeer> expire(qint64 nowMs, qint64 idleMs);
    std::optional<UdpPeer> remove(quint64 id);
    QList<UdpPeer> takeAll();
    QList<quint64> ids() const { return m_byId.keys(); }

private:
    using Iterator = std::list<UdpPeer>::iterator;
    std::list<UdpPeer> m_byAge; // least recently seen first
    QHash<UdpEndpoint, Iterator> m_byEndpoint;
    QHash<quint64, Iterator> m_byId;
    int m_capacity;
};

} // namespace chorus
