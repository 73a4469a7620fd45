#include "SessionKeeper.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>

namespace chorus {

namespace {
constexpr std::chrono::milliseconds kSaveDelay{2000};
} // namespace

SessionKeeper::SessionKeeper(HistoryModel* model, const SessionStore& store, QObject* parent)
    : QObject(parent), m_model(model), m_store(store), m_saveTimer(new QTimer(this))
{
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(kSaveDelay);
    connect(m_saveTimer, &QTimer::timeout, this, [this] {
        if (!m_enabled || !hasServer() || !hasMessages())
            return;
        FileResult result{FileError::None, sessionPath(), {}};
        if (m_lastStale)
            result = rewriteLast();
        if (result.ok())
            result = writeUpTo(m_model->firstUnsettledIndex());
        report(result);
        if (hasUnsaved() && m_model->firstUnsettledIndex() > m_written)
            m_saveTimer->start();
    });
    // Entries leaving memory can no longer change: they go to the file first.
    connect(m_model, &HistoryModel::entriesAboutToBeDropped, this, [this](int, int last) {
        if (!m_enabled || !hasServer())
            return;
        // Reported from the event loop: the window adds an entry for a failure,
        // and the model is in the middle of an append now.
        const FileResult result = writeUpTo(m_model->firstIndex() + last + 1);
        QMetaObject::invokeMethod(
            this, [this, result] { report(result); }, Qt::QueuedConnection);
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& from, const QModelIndex& to) {
                const qint64 firstChanged = m_model->firstIndex() + from.row();
                if (!m_files.empty() && firstChanged < m_written &&
                    m_model->firstIndex() + to.row() >= m_files.back().first)
                    m_lastStale = true;
            });
}

void SessionKeeper::setEnabled(bool keep)
{
    m_enabled = keep;
    if (!keep)
        m_saveTimer->stop();
    else if (hasUnsaved())
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
    for (const KeptFile& file : m_files) {
        if (QFile(file.path).size() == 0)
            QFile::remove(file.path); // reserved, never written
    }
    if (hasServer())
        m_model->clear();
    m_host = host;
    m_port = port;
    m_started = QDateTime::currentDateTime();
    m_files.clear();
    m_written = m_model->firstIndex();
    m_lastStale = false;
}

void SessionKeeper::markChanged()
{
    if (m_enabled && hasServer() && !m_saveTimer->isActive())
        m_saveTimer->start();
}

QString SessionKeeper::sessionPath() const
{
    return m_files.empty() ? QString() : m_files.back().path;
}

QStringList SessionKeeper::sessionPaths() const
{
    QStringList paths;
    for (const KeptFile& file : m_files)
        paths << file.path;
    return paths;
}

bool SessionKeeper::hasMessages() const
{
    if (m_written > 0 || m_model->firstIndex() > 0)
        return true; // the session has been written (or has moved on) before
    for (int row = 0; row < m_model->count(); ++row) {
        const HistoryEntry::Kind kind = m_model->entry(row).kind;
        if (kind != HistoryEntry::Kind::Notice && kind != HistoryEntry::Kind::Error)
            return true;
    }
    return false;
}

bool SessionKeeper::hasUnsaved() const
{
    return m_written < m_model->sessionCount() || m_lastStale;
}

FileResult SessionKeeper::saveNow()
{
    m_saveTimer->stop();
    if (!m_enabled || !hasServer() || !hasUnsaved() || !hasMessages())
        return FileResult{FileError::None, sessionPath(), {}};
    if (m_lastStale) {
        const FileResult rewritten = rewriteLast();
        if (!rewritten.ok()) {
            report(rewritten);
            return rewritten;
        }
    }
    const FileResult saved = writeUpTo(m_model->sessionCount());
    report(saved);
    return saved;
}

FileResult SessionKeeper::writeUpTo(qint64 end)
{
    end = std::min(end, m_model->sessionCount());
    // Entries dropped while keeping was off are gone: a new file starts after
    // the gap, so a file's line n is always session index first + n.
    bool gap = m_written < m_model->firstIndex();
    m_written = std::max(m_written, m_model->firstIndex());
    QByteArray lines;
    qint64 count = 0;
    for (qint64 index = m_written; index < end; ++index) {
        const QByteArray line =
            HistoryModel::toJsonLine(m_model->entry(int(index - m_model->firstIndex())));
        const bool full =
            !m_files.empty() && m_files.back().count + count > 0 &&
            m_files.back().bytes + lines.size() + line.size() > SessionStore::kMaxFileBytes;
        if (m_files.empty() || gap || full) {
            FileResult result = appendToLast(lines, count);
            if (result.ok())
                result = startFile();
            if (!result.ok())
                return result;
            lines.clear();
            count = 0;
            gap = false;
        }
        lines += line;
        ++count;
    }
    const FileResult result = appendToLast(lines, count);
    return result.ok() ? FileResult{FileError::None, sessionPath(), {}} : result;
}

FileResult SessionKeeper::startFile()
{
    QString path;
    const FileResult reserved = m_store.reserve(m_host, m_port, m_started, &path);
    if (!reserved.ok())
        return reserved;
    m_files.push_back(KeptFile{path, m_written, 0, 0});
    m_lastStale = false;
    m_store.prune(m_host, m_port, path);
    return reserved;
}

FileResult SessionKeeper::appendToLast(const QByteArray& lines, qint64 count)
{
    if (count == 0 || m_files.empty())
        return FileResult{FileError::None, sessionPath(), {}};
    KeptFile& file = m_files.back();
    QFile out(file.path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Append))
        return FileResult{FileError::OpenFailed, file.path, out.errorString()};
    // A write cut short (a full disk) is taken back: no half line stays.
    const qint64 before = out.size();
    if (out.write(lines) != lines.size() || !out.flush()) {
        const QString why = out.errorString();
        out.resize(before);
        return FileResult{FileError::WriteFailed, file.path, why};
    }
    file.count += count;
    file.bytes += lines.size();
    m_written += count;
    return FileResult{FileError::None, file.path, {}};
}

FileResult SessionKeeper::rewriteLast()
{
    m_lastStale = false;
    KeptFile& file = m_files.back();
    if (file.first < m_model->firstIndex())
        return FileResult{FileError::None, file.path, {}}; // part of it left memory: it stays
    QByteArray lines;
    for (qint64 index = file.first; index < file.first + file.count; ++index)
        lines += HistoryModel::toJsonLine(m_model->entry(int(index - m_model->firstIndex())));
    const FileResult result = writeFileAtomically(file.path, lines);
    if (result.ok())
        file.bytes = lines.size();
    return result;
}

bool SessionKeeper::hasKeptBefore(qint64 index) const
{
    const qint64 wanted = index - 1;
    for (const KeptFile& file : m_files) {
        if (wanted >= file.first && wanted < file.first + file.count)
            return QFile::exists(file.path);
    }
    return false;
}

FileResult SessionKeeper::readOlder(qint64 before, int maxCount, QList<HistoryEntry>* entries) const
{
    // Newest file first, each slice contiguous with the one after it.
    QList<QList<HistoryEntry>> slices;
    qint64 next = before; // the slices gathered so far start here
    const qint64 from = std::max<qint64>(0, before - maxCount);
    FileResult result{FileError::None, {}, {}};
    for (auto file = m_files.rbegin(); file != m_files.rend() && next > from; ++file) {
        if (file->first >= next)
            continue;
        if (file->first + file->count < next)
            break; // a gap: what came before it was never kept
        QByteArray data;
        result = readRegularFile(file->path, 2 * SessionStore::kMaxFileBytes, &data);
        if (!result.ok())
            break; // pruned, or unreadable: what is newer is still good
        const qint64 wantFirst = std::max(from, file->first);
        QList<HistoryEntry> slice;
        qint64 index = file->first;
        qsizetype pos = 0;
        while (pos < data.size() && index < next) {
            qsizetype end = data.indexOf('\n', pos);
            if (end < 0)
                end = data.size();
            if (index >= wantFirst) {
                const QJsonDocument doc = QJsonDocument::fromJson(data.mid(pos, end - pos));
                std::optional<HistoryEntry> entry;
                if (doc.isObject())
                    entry = HistoryModel::fromJsonObject(doc.object());
                if (!entry) {
                    entry = HistoryEntry{};
                    entry->kind = HistoryEntry::Kind::Error;
                    entry->text = tr("This entry of the kept history could not be read");
                }
                slice.append(*entry);
            }
            ++index;
            pos = end + 1;
        }
        if (index < next)
            break; // the file is shorter than written: not contiguous
        slices.prepend(slice);
        next = wantFirst;
    }
    for (const QList<HistoryEntry>& slice : slices)
        entries->append(slice);
    if (!slices.isEmpty() && result.error == FileError::NotFound)
        return FileResult{FileError::None, {}, {}}; // the oldest files were pruned: not an error
    return result;
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
