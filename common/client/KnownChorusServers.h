#pragma once

// The host:port list of chorus-servers that welcomed this client when the user
// chose protocol Chorus. In protocol Auto, only these get a hello: any other
// peer (a device, an echo server) receives exactly what the user types and
// nothing else. A listed server that stops welcoming is dropped again.

#include <QString>
#include <QStringList>

namespace chorus {

class KnownChorusServers
{
public:
    static constexpr int kMaxEntries = 200;

    // The key of host:port: the host as typed, lower case, IPv6 bracketed.
    static QString keyOf(const QString& host, quint16 port);

    KnownChorusServers() = default;
    explicit KnownChorusServers(const QStringList& keys) { setKeys(keys); }

    bool contains(const QString& key) const { return m_keys.contains(key); }
    // Most recent first; the oldest beyond kMaxEntries drop out. True when the list changed.
    bool add(const QString& key);
    bool remove(const QString& key) { return m_keys.removeAll(key) > 0; }
    const QStringList& keys() const { return m_keys; }
    void setKeys(const QStringList& keys);

private:
    QStringList m_keys;
};

} // namespace chorus
