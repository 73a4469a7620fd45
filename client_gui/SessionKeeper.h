#pragma once

// Keeps one window's session on disk: the history model of the conversation
// with one server, appended (debounced) to the session's own file from the
// SessionStore. Only entries that can no longer change are appended on the
// timer (a queued message or a running reconnect notice waits); an explicit
// saveNow() writes everything, and an entry of the last file that changes
// afterwards has that file rewritten with writeFileAtomically() while the
// model still holds all of it. A session beyond SessionStore::kMaxFileBytes
// continues in a new file, so files stay small and the store's pruning bounds
// the disk. Entries the model drops (its limit) are written first, and
// readOlder() reads them back. A failed save is reported once (saveFailed),
// and again when it recovers; a failed append leaves the file as it was.

#include "HistoryModel.h"
#include "SessionStore.h"

#include <QObject>
#include <QString>

#include <vector>

class QTimer;

namespace chorus {

class SessionKeeper : public QObject
{
    Q_OBJECT
public:
    SessionKeeper(HistoryModel* model, const SessionStore& store, QObject* parent = nullptr);

    void setEnabled(bool keep);
    bool isEnabled() const { return m_enabled; }
    const SessionStore& store() const { return m_store; }

    // The session in view is with host:port (from now on, if it was not already).
    // Returns true when that is a different server than the session's so far:
    // the caller then starts a fresh view with startNewSession().
    bool isOtherServer(const QString& host, quint16 port) const;
    // Saves the current session and starts a new one with host:port (the
    // model is cleared: the old conversation stays in its files).
    void startNewSession(const QString& host, quint16 port);
    bool hasServer() const { return !m_host.isEmpty(); }

    // The model changed: save within a short while.
    void markChanged();
    // Saves everything now if there is anything unsaved. A session without a
    // single message is not written.
    FileResult saveNow();
    // The file the session is being written to (its newest, when it continued).
    QString sessionPath() const;
    // Every file of this session, oldest first (pruned ones may be gone).
    QStringList sessionPaths() const;
    const FileResult& lastResult() const { return m_last; }

    // Whether the entry with session index `index - 1` is in a kept file.
    bool hasKeptBefore(qint64 index) const;
    // Reads up to `maxCount` kept entries that came right before session index
    // `before`, oldest first, exactly as they were (bytes from the "hex" field).
    // Stops at a file that is gone; a line that does not parse becomes an
    // Error entry, so indexes stay aligned.
    FileResult readOlder(qint64 before, int maxCount, QList<HistoryEntry>* entries) const;

signals:
    void saveFailed(const chorus::FileResult& result);
    void saveRecovered(const QString& path);

private:
    struct KeptFile
    {
        QString path;
        qint64 first = 0; // session index of its first line
        qint64 count = 0;
        qint64 bytes = 0;
    };

    bool hasMessages() const;
    bool hasUnsaved() const;
    // Appends the session's entries [written, end) that are still in the model.
    FileResult writeUpTo(qint64 end);
    FileResult startFile();
    FileResult appendToLast(const QByteArray& lines, qint64 count);
    FileResult rewriteLast();
    void report(const FileResult& result);

    HistoryModel* m_model;
    SessionStore m_store;
    QTimer* m_saveTimer;
    bool m_enabled = true;
    QString m_host;
    quint16 m_port = 0;
    QDateTime m_started;
    std::vector<KeptFile> m_files;
    qint64 m_written = 0;     // session entries before this index are written (or lost)
    bool m_lastStale = false; // an entry already in the last file changed since
    FileResult m_last;
};

} // namespace chorus
