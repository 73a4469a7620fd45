#include "SessionKeeper.h"

#include "HistoryModel.h"

#include <QFile>
#include <QTimer>

namespace chorus {

namespace {
constexpr std::chrono::milliseconds kSaveDelay{2000};
} // namespace

SessionKeeper::SessionKeeper(HistoryModel* model, const SessionStore& store, QObject* parent)
    : QObject(parent), m_model(model), m_store(store), m_saveTimer(new QTimer(this))
{
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(kSaveDelay);
    connect(m_saveTimer, &QTimer::timeout, this, [this] { saveNow(); });
}

void SessionKeeper::setEnabled(bool keep)
{
    m_enabled = keep;
    if (!keep)
        m_saveTimer->stop();
    else if (m_dirty)
        m_saveTimer->start();
}

bool SessionKeeper::isOtherServer(const QString& host, quint16 port) const
{
    return m_host.isEmpty() || SessionStore::serverFolderName(host, port) !=
                                   SessionStore::serverFolderName(m_host, m_port);
}

void SessionKeeper::startNewSession(const QString& host, quint16 port)
{
    if (hasServer())
        saveNow();
    if (!m_path.isEmpty() && QFile(m_path).size() == 0)
        QFile::remove(m_path); // reserved, never written
    if (hasServer())
        m_model->clear();
    m_host = host;
    m_port = port;
    m_started = QDateTime::currentDateTime();
    m_path.clear();
    m_dirty = m_model->count() > 0;
}

void SessionKeeper::markChanged()
{
    m_dirty = true;
    if (m_enabled && hasServer() && !m_saveTimer->isActive())
        m_saveTimer->start();
}

bool SessionKeeper::hasMessages() const
{
    for (int row = 0; row < m_model->count(); ++row) {
        const HistoryEntry::Kind kind = m_model->entry(row).kind;
        if (kind != HistoryEntry::Kind::Notice && kind != HistoryEntry::Kind::Error)
            return true;
    }
    return false;
}

FileResult SessionKeeper::saveNow()
{
    m_saveTimer->stop();
    if (!m_enabled || !hasServer() || !m_dirty || !hasMessages())
        return FileResult{FileError::None, m_path, {}};
    if (m_path.isEmpty()) {
        const FileResult reserved = m_store.reserve(m_host, m_port, m_started, &m_path);
        if (!reserved.ok()) {
            report(reserved);
            return reserved;
        }
    }
    const FileResult saved = m_model->saveJsonLines(m_path, SessionStore::kMaxEntriesPerSession);
    if (saved.ok()) {
        m_dirty = false;
        m_store.prune(m_host, m_port, m_path);
    }
    report(saved);
    return saved;
}

void SessionKeeper::report(const FileResult& result)
{
    const bool wasFailing = !m_last.ok();
    m_last = result;
    if (!result.ok() && !wasFailing)
        emit saveFailed(result);
    else if (result.ok() && wasFailing)
        emit saveRecovered(result.path);
}

} // namespace chorus
