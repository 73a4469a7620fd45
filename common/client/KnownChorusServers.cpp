#include "client/KnownChorusServers.h"

#include "base/Endpoint.h"

namespace chorus {

QString KnownChorusServers::keyOf(const QString& host, quint16 port)
{
    return endpointText(host.trimmed().toLower(), port);
}

bool KnownChorusServers::add(const QString& key)
{
    if (key.isEmpty() || (!m_keys.isEmpty() && m_keys.constFirst() == key))
        return false;
    m_keys.removeAll(key);
    m_keys.prepend(key);
    while (m_keys.size() > kMaxEntries)
        m_keys.removeLast();
    return true;
}

void KnownChorusServers::setKeys(const QStringList& keys)
{
    m_keys.clear();
    for (const QString& key : keys) {
        if (!key.isEmpty() && !m_keys.contains(key) && m_keys.size() < kMaxEntries)
            m_keys.append(key);
    }
}

} // namespace chorus
