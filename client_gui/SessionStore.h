#pragma once

// Where each session's history is kept: a session is one window's
// conversation with one server, saved as its own file
//   <folder>/<host>_<port>/<yyyyMMdd-hhmmss>-<n>.jsonl
// so two windows on one server never share (or overwrite) a conversation.
// A session longer than kMaxFileBytes continues in a new file (the next
// number after the same stamp). At most kMaxSessionsPerServer files per
// server are kept; the oldest go.

#include "base/AtomicFile.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace chorus {

struct SessionFileInfo
{
    QString path;
    QString server; // the folder name: host_port
    QDateTime started;
    qint64 bytes = 0;
};

class SessionStore
{
public:
    static constexpr int kMaxSessionsPerServer = 20;
    static constexpr qint64 kMaxFileBytes = 8 * 1024 * 1024;

    // <AppDataLocation>/history (QStandardPaths test mode honoured).
    static QString defaultFolder();
    static QString serverFolderName(const QString& host, quint16 port);

    explicit SessionStore(const QString& folder = defaultFolder());
    QString folder() const { return m_folder; }

    // Claims a new file for a session with host:port that started at `start`
    // (created empty, exclusively, so two windows or programs never pick the
    // same name). On failure the result says why and *path is empty.
    FileResult reserve(const QString& host, quint16 port, const QDateTime& start,
                       QString* path) const;
    // Removes the oldest sessions of host:port beyond kMaxSessionsPerServer, never `keep`.
    void prune(const QString& host, quint16 port, const QString& keep) const;
    // Every server's sessions, newest first, at most `limit`.
    QList<SessionFileInfo> recentSessions(int limit) const;

private:
    QString m_folder;
};

} // namespace chorus
