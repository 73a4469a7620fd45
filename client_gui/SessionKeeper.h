#pragma once

// Keeps one window's session on disk: the history model of the conversation
// with one server, saved (debounced) to the session's own file from the
// SessionStore. Saves go through writeFileAtomically(): a failed save keeps
// the old file and is reported once (saveFailed), and again when it recovers.

#include "SessionStore.h"

#include <QObject>
#include <QString>

class QTimer;

namespace chorus {

class HistoryModel;

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
    // model is cleared: the old conversation stays in its file).
    void startNewSession(const QString& host, quint16 port);
    bool hasServer() const { return !m_host.isEmpty(); }

    // The model changed: save within a short while.
    void markChanged();
    // Saves now if there is anything unsaved. A session without a single
    // message is not written.
    FileResult saveNow();
    QString sessionPath() const { return m_path; }
    const FileResult& lastResult() const { return m_last; }

signals:
    void saveFailed(const chorus::FileResult& result);
    void saveRecovered(const QString& path);

private:
    bool hasMessages() const;
    void report(const FileResult& result);

    HistoryModel* m_model;
    SessionStore m_store;
    QTimer* m_saveTimer;
    bool m_enabled = true;
    bool m_dirty = false;
    QString m_host;
    quint16 m_port = 0;
    QDateTime m_started;
    QString m_path;
    FileResult m_last;
};

} // namespace chorus
