#include "HistoryModel.h"
#include "base/TranslateIn.h"

#include "ClientEventText.h"
#include "base/JsonBytes.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace chorus {

namespace {
constexpr qsizetype kToolTipBytes = 256;

QString tr(const char* text)
{
    return translateIn({"chorus::HistoryModel", "chorus"}, text);
}

} // namespace

QString historyKindName(HistoryEntry::Kind kind)
{
    switch (kind) {
    case HistoryEntry::Kind::Sent:
        return QStringLiteral("sent");
    case HistoryEntry::Kind::Received:
        return QStringLiteral("received");
    case HistoryEntry::Kind::Notice:
        return QStringLiteral("notice");
    case HistoryEntry::Kind::Error:
        return QStringLiteral("error");
    case HistoryEntry::Kind::Broadcast:
        return QStringLiteral("broadcast");
    case HistoryEntry::Kind::Direct:
        return QStringLiteral("direct");
    }
    return {};
}

QString historyEntryBody(const HistoryEntry& entry, ByteView view)
{
    return entry.isMessage() ? formatBytes(entry.payload, view) : entry.text;
}

QString historyEntryText(const HistoryEntry& entry, ByteView view)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(entry.timeMs)
                             .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz"));
    QString who;
    switch (entry.kind) {
    case HistoryEntry::Kind::Sent:
        who = entry.queued ? tr("you (queued)") : tr("you");
        break;
    case HistoryEntry::Kind::Received:
        who = tr("server");
        break;
    case HistoryEntry::Kind::Notice:
        who = tr("notice");
        break;
    case HistoryEntry::Kind::Error:
        who = tr("error");
        break;
    case HistoryEntry::Kind::Broadcast:
        who = tr("broadcast");
        break;
    case HistoryEntry::Kind::Direct:
        who = tr("direct");
        break;
    }
    const QString body = historyEntryBody(entry, view);
    const QString gap =
        body.contains(QLatin1Char('\n')) ? QStringLiteral("\n") : QStringLiteral(" ");
    QString line = QStringLiteral("%1  %2:%3%4").arg(time, who, gap, body);
    if (entry.hasRtt())
        line += QStringLiteral("  (%1 ms)").arg(entry.rttMs, 0, 'f', 1);
    return line;
}

HistoryModel::HistoryModel(QObject* parent) : QAbstractListModel(parent) {}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= count())
        return {};
    const HistoryEntry& e = m_entries[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return historyEntryBody(e, m_view);
    case Qt::ToolTipRole: {
        if (!e.isMessage() || e.payload.size() <= kToolTipBytes)
            return historyEntryText(e, m_view);
        HistoryEntry start = e; // a tooltip the size of a screen, not of a 64 KiB message
        start.payload.truncate(kToolTipBytes);
        return historyEntryText(start, m_view) + tr("\n… %1 bytes in all").arg(e.payload.size());
    }
    case KindRole:
        return int(e.kind);
    case TimeRole:
        return QDateTime::fromMSecsSinceEpoch(e.timeMs);
    case RttRole:
        return e.hasRtt() ? QVariant(e.rttMs) : QVariant();
    case QueuedRole:
        return e.queued;
    case MessageIdRole:
        return e.messageId;
    case NoticeRole:
        return int(e.notice);
    case ErrorRole:
        return int(e.error);
    case PayloadRole:
        return e.isMessage() ? QVariant(e.payload) : QVariant();
    case ByteViewRole:
        return int(m_view);
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(TimeRole, "time");
    names.insert(RttRole, "rtt");
    names.insert(QueuedRole, "queued");
    names.insert(MessageIdRole, "messageId");
    names.insert(NoticeRole, "notice");
    names.insert(ErrorRole, "error");
    names.insert(PayloadRole, "payload");
    names.insert(ByteViewRole, "byteView");
    return names;
}

void HistoryModel::append(const HistoryEntry& entry)
{
    append(QList<HistoryEntry>{entry});
}

void HistoryModel::append(const QList<HistoryEntry>& entries)
{
    if (entries.isEmpty())
        return;
    const int countBefore = count();
    beginInsertRows({}, countBefore, countBefore + int(entries.size()) - 1);
    for (const HistoryEntry& e : entries) {
        if (e.queued && e.messageId != 0)
            m_queuedIndexes.insert(e.messageId, sessionCount());
        m_entries.push_back(e);
    }
    endInsertRows();
    const qint64 firstAppended = m_firstIndex + countBefore;
    dropOldest(countBefore);
    emit entriesAppended(int(std::max<qint64>(0, firstAppended - m_firstIndex)), count() - 1);
}

void HistoryModel::dropOldest(int countBefore)
{
    if (m_maxEntries <= 0)
        return;
    const int keep = std::max(m_maxEntries, std::min(countBefore, 2 * m_maxEntries));
    const int drop = count() - keep;
    if (drop <= 0)
        return;
    emit entriesAboutToBeDropped(0, drop - 1);
    beginRemoveRows({}, 0, drop - 1);
    m_entries.erase(m_entries.begin(), m_entries.begin() + drop);
    m_firstIndex += drop;
    for (auto it = m_queuedIndexes.begin(); it != m_queuedIndexes.end();) {
        // Gone from memory: a later Sent event for it adds a Sent entry.
        it = *it < m_firstIndex ? m_queuedIndexes.erase(it) : std::next(it);
    }
    if (m_retryIndex < m_firstIndex)
        m_retryIndex = -1;
    endRemoveRows();
    emit firstIndexChanged(m_firstIndex);
}

void HistoryModel::setMaxEntries(int maxEntries)
{
    m_maxEntries = std::max(0, maxEntries);
    dropOldest(0);
}

int HistoryModel::retryRow() const
{
    return m_retryIndex < 0 ? -1 : int(m_retryIndex - m_firstIndex);
}

qint64 HistoryModel::firstUnsettledIndex() const
{
    qint64 first = m_retryIndex >= 0 ? m_retryIndex : sessionCount();
    for (const qint64 index : m_queuedIndexes)
        first = std::min(first, index);
    return first;
}

int HistoryModel::prependOlder(const QList<HistoryEntry>& entries)
{
    const qsizetype room =
        m_maxEntries > 0 ? std::max(0, 2 * m_maxEntries - count()) : entries.size();
    const qsizetype take = std::min({room, entries.size(), qsizetype(m_firstIndex)});
    if (take <= 0)
        return 0;
    beginInsertRows({}, 0, int(take) - 1);
    // The newest `take` of them: the ones right before row 0.
    m_entries.insert(m_entries.begin(), entries.end() - take, entries.end());
    m_firstIndex -= take;
    endInsertRows();
    emit firstIndexChanged(m_firstIndex);
    return int(take);
}

namespace {
// Entries that close a reconnect run: the next retry starts a new line.
bool endsRetryRun(const ClientEvent& event)
{
    return event.kind == ClientEvent::Kind::Notice &&
           (event.notice == ClientNotice::Connecting ||
            event.notice == ClientNotice::Disconnected || event.notice == ClientNotice::ServerBye ||
            event.notice == ClientNotice::AutoReconnectOff);
}
} // namespace

void HistoryModel::applyEvents(const QList<ClientEvent>& events)
{
    QList<HistoryEntry> batch;
    QHash<quint64, int> queuedInBatch;
    int firstChanged = -1;
    int lastChanged = -1;
    auto changed = [&](int row) {
        firstChanged = firstChanged < 0 ? row : std::min(firstChanged, row);
        lastChanged = std::max(lastChanged, row);
    };
    bool runOpen = m_retryIndex >= 0;
    int retryInBatch = -1; // the run's entry when it is still in `batch`
    for (const ClientEvent& event : events) {
        HistoryEntry e;
        e.timeMs = event.time.isValid() ? event.time.toMSecsSinceEpoch()
                                        : QDateTime::currentMSecsSinceEpoch();
        e.notice = event.notice;
        e.error = event.error;
        switch (event.kind) {
        case ClientEvent::Kind::Sent: {
            if (const auto it = queuedInBatch.constFind(event.messageId);
                it != queuedInBatch.constEnd()) {
                batch[*it].queued = false;
                continue;
            }
            if (const auto it = m_queuedIndexes.constFind(event.messageId);
                it != m_queuedIndexes.constEnd()) {
                const int row = int(*it - m_firstIndex);
                m_entries[size_t(row)].queued = false;
                m_queuedIndexes.erase(it);
                changed(row);
                continue;
            }
            e.kind = HistoryEntry::Kind::Sent;
            e.messageId = event.messageId;
            break;
        }
        case ClientEvent::Kind::Queued:
            e.kind = HistoryEntry::Kind::Sent;
            e.queued = true;
            e.messageId = event.messageId;
            queuedInBatch.insert(event.messageId, int(batch.size()));
            break;
        case ClientEvent::Kind::Received:
            e.kind = HistoryEntry::Kind::Received;
            if (event.rttMs)
                e.rttMs = *event.rttMs;
            break;
        case ClientEvent::Kind::Notice:
            e.kind = HistoryEntry::Kind::Notice;
            break;
        case ClientEvent::Kind::Error:
        case ClientEvent::Kind::Refused:
            e.kind = HistoryEntry::Kind::Error;
            break;
        case ClientEvent::Kind::Pong:
            e.kind = HistoryEntry::Kind::Notice;
            if (event.rttMs)
                e.rttMs = *event.rttMs;
            break;
        case ClientEvent::Kind::Broadcast:
            e.kind = HistoryEntry::Kind::Broadcast;
            break;
        case ClientEvent::Kind::Direct:
            e.kind = HistoryEntry::Kind::Direct;
            break;
        }
        if (e.isMessage())
            e.payload = event.payload;
        else
            e.text = ClientEventText::describe(event);
        if (event.isRetryStatus()) {
            const bool startsRun = event.notice == ClientNotice::RetryWaiting && event.attempt <= 1;
            if (runOpen && !startsRun) {
                if (retryInBatch >= 0) {
                    batch[retryInBatch] = e;
                } else {
                    m_entries[size_t(retryRow())] = e;
                    changed(retryRow());
                }
                continue;
            }
            runOpen = true;
            retryInBatch = int(batch.size());
        } else if (endsRetryRun(event)) {
            runOpen = false;
            retryInBatch = -1;
            m_retryIndex = -1;
        }
        batch.append(e);
    }
    if (firstChanged >= 0)
        emit dataChanged(index(firstChanged), index(lastChanged));
    const qint64 first = sessionCount();
    append(batch);
    if (!runOpen)
        m_retryIndex = -1;
    else if (retryInBatch >= 0 && first + retryInBatch >= m_firstIndex)
        m_retryIndex = first + retryInBatch;
    else if (retryInBatch >= 0)
        m_retryIndex = -1; // dropped with its batch: the next retry starts a new entry
}

void HistoryModel::clear()
{
    beginResetModel();
    std::deque<HistoryEntry>().swap(m_entries); // give the memory back
    m_queuedIndexes.clear();
    m_retryIndex = -1;
    const bool hadDropped = m_firstIndex != 0;
    m_firstIndex = 0;
    endResetModel();
    if (hadDropped)
        emit firstIndexChanged(0);
}

void HistoryModel::setByteView(ByteView view)
{
    if (view == m_view)
        return;
    emit layoutAboutToBeChanged();
    m_view = view;
    emit layoutChanged();
}

QString HistoryModel::toPlainText(const QList<int>& rows) const
{
    QString out;
    for (int row : rows) {
        if (row >= 0 && row < count())
            out += historyEntryText(m_entries[size_t(row)], m_view) + QLatin1Char('\n');
    }
    return out;
}

QString HistoryModel::toPlainText(ByteView view) const
{
    QString out;
    for (const HistoryEntry& e : m_entries)
        out += historyEntryText(e, view) + QLatin1Char('\n');
    return out;
}

QByteArray HistoryModel::toJson() const
{
    QJsonArray array;
    for (const HistoryEntry& e : m_entries)
        array.append(toJsonObject(e));
    return jsonBytes(QJsonDocument(array));
}

FileResult HistoryModel::saveText(const QString& path) const
{
    return writeFileAtomically(path, toPlainText(ByteView::Text).toUtf8());
}

FileResult HistoryModel::saveJson(const QString& path) const
{
    return writeFileAtomically(path, toJson());
}

QByteArray HistoryModel::toJsonLines(int maxEntries) const
{
    QByteArray data;
    const size_t keep = maxEntries < 0 ? m_entries.size() : size_t(maxEntries);
    const size_t first = m_entries.size() > keep ? m_entries.size() - keep : 0;
    for (size_t i = first; i < m_entries.size(); ++i)
        data += toJsonLine(m_entries[i]);
    return data;
}

FileResult HistoryModel::saveJsonLines(const QString& path, int maxEntries) const
{
    return writeFileAtomically(path, toJsonLines(maxEntries));
}

FileResult HistoryModel::readEntries(const QString& path, QList<HistoryEntry>* entries,
                                     int* skipped)
{
    QByteArray data;
    FileResult result = readRegularFile(path, kMaxReadBytes, &data);
    if (!result.ok())
        return result;
    int bad = 0;
    if (data.trimmed().startsWith('[')) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
        if (!doc.isArray())
            return FileResult{FileError::ReadFailed, path,
                              tr("not a history file: %1").arg(parseError.errorString())};
        for (const QJsonValue& value : doc.array()) {
            if (auto e = fromJsonObject(value.toObject()))
                entries->append(*e);
            else
                ++bad;
        }
    } else {
        for (const QByteArray& line : data.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            const QJsonDocument doc = QJsonDocument::fromJson(line);
            if (auto e = fromJsonObject(doc.object()); e && doc.isObject())
                entries->append(*e);
            else
                ++bad;
        }
    }
    if (skipped)
        *skipped = bad;
    return result;
}

int HistoryModel::find(const QString& text, int fromRow, bool forward) const
{
    const int n = count();
    if (text.isEmpty() || n == 0)
        return -1;
    for (int step = 1; step <= n; ++step) {
        int row = forward ? fromRow + step : fromRow - step;
        row = ((row % n) + n) % n;
        if (historyEntryBody(m_entries[size_t(row)], m_view).contains(text, Qt::CaseInsensitive))
            return row;
    }
    return -1;
}

} // namespace chorus
