#include "server/UdpPeerTable.h"

namespace chorus {

UdpPeer* UdpPeerTable::find(const UdpEndpoint& endpoint)
{
    const auto found = m_byEndpoint.constFind(endpoint);
    return found == m_byEndpoint.constEnd() ? nullptr : &**found;
}

UdpPeer* UdpPeerTable::byId(quint64 id)
{
    const auto found = m_byId.constFind(id);
    return found == m_byId.constEnd() ? nullptr : &**found;
}

void UdpPeerTable::touch(UdpPeer* peer, qint64 nowMs)
{
    peer->lastSeenMs = nowMs;
    const Iterator it = m_byId.value(peer->snapshot.id);
    if (std::next(it) != m_byAge.end())
        m_byAge.splice(m_byAge.end(), m_byAge, it); // O(1); iterators stay valid
}

bool UdpPeerTable::makeRoom(qint64 nowMs, qint64 minEvictIdleMs, std::optional<UdpPeer>* evicted)
{
    if (size() < m_capacity)
        return true;
    const UdpPeer& oldest = m_byAge.front();
    if (nowMs - oldest.lastSeenMs < minEvictIdleMs)
        return false;
    *evicted = remove(oldest.snapshot.id);
    return true;
}

UdpPeer* UdpPeerTable::add(const UdpEndpoint& endpoint, quint64 id, qint64 nowMs)
{
    UdpPeer peer;
    peer.endpoint = endpoint;
    peer.snapshot.id = id;
    peer.lastSeenMs = nowMs;
    const Iterator it = m_byAge.insert(m_byAge.end(), std::move(peer));
    m_byEndpoint.insert(endpoint, it);
    m_byId.insert(id, it);
    return &*it;
}

QList<UdpPeer> UdpPeerTable::expire(qint64 nowMs, qint64 idleMs)
{
    QList<UdpPeer> out;
    while (!m_byAge.empty() && nowMs - m_byAge.front().lastSeenMs >= idleMs)
        out.append(*remove(m_byAge.front().snapshot.id));
    return out;
}

std::optional<UdpPeer> UdpPeerTable::remove(quint64 id)
{
    const auto found = m_byId.constFind(id);
    if (found == m_byId.constEnd())
        return std::nullopt;
    const Iterator it = *found;
    UdpPeer peer = std::move(*it);
    m_byId.erase(found);
    m_byEndpoint.remove(peer.endpoint);
    m_byAge.erase(it);
    return peer;
}

QList<UdpPeer> UdpPeerTable::takeAll()
{
    QList<UdpPeer> out;
    out.reserve(size());
    for (UdpPeer& peer : m_byAge)
        out.append(std::move(peer));
    m_byAge.clear();
    m_byEndpoint.clear();
    m_byId.clear();
    return out;
}

} // namespace chorus
