#pragma once

// Tokens that bind a UDP channel to a Chorus TCP session (PROTOCOL.md §5.4).
// A connection that says hello while UDP is on gets a fresh random token in
// its welcome; datagrams carrying it land on that connection's row. The
// token dies with the TCP link (revoke), so a stale one is refused like an
// unknown one. Shared by every engine thread: a mutex, held briefly.

#include <QHash>
#include <QMutex>
#include <QRandomGenerator>
#include <QString>

#include <atomic>
#include <optional>

namespace chorus {

class ServerWorker;

class UdpSessions
{
public:
    struct Session
    {
        quint64 id = 0;
        ServerWorker* owner = nullptr; // the worker that owns the connection
    };

    // The UDP port tokens are good for; 0 while UDP is off (no tokens then).
    quint16 port() const { return m_port.load(); }
    void setPort(quint16 port) { m_port.store(port); }

    // 128 random bits as 32 hex digits.
    QString issue(quint64 id, ServerWorker* owner)
    {
        quint32 words[4];
        QRandomGenerator::system()->fillRange(words);
        QString token;
        for (quint32 word : words)
            token += QStringLiteral("%1").arg(word, 8, 16, QLatin1Char('0'));
        const QMutexLocker lock(&m_mutex);
        m_byToken.insert(token, Session{id, owner});
        m_tokenOf.insert(id, token);
        return token;
    }
    void revoke(quint64 id)
    {
        const QMutexLocker lock(&m_mutex);
        const QString token = m_tokenOf.take(id);
        if (!token.isEmpty())
            m_byToken.remove(token);
    }
    std::optional<Session> find(const QString& token) const
    {
        const QMutexLocker lock(&m_mutex);
        const auto it = m_byToken.constFind(token);
        if (it == m_byToken.constEnd())
            return std::nullopt;
        return *it;
    }
    bool isBound(quint64 id) const
    {
        const QMutexLocker lock(&m_mutex);
        return m_tokenOf.contains(id);
    }

private:
    mutable QMutex m_mutex;
    QHash<QString, Session> m_byToken;
    QHash<quint64, QString> m_tokenOf;
    std::atomic<quint16> m_port{0};
};

} // namespace chorus
