#include "LogModel.h"

#include <QBrush>
#include <QColor>

#include <algorithm>

namespace chorus {

LogModel::LogModel(QObject* parent) : QAbstractListModel(parent) {}

int LogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant LogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_entries.size()))
        return {};
    const LogEntry& entry = m_entries[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return entry.format(m_view);
    case Qt::ToolTipRole:
        // Every kept byte: the Text view whole, or the view's own rendering.
        return m_view == ByteView::Text ? entry.formatForFile() : entry.format(m_view);
    case EscapeSpansRole: {
        QList<EscapeSpan> spans;
        if (m_view == ByteView::Text && entry.hasPayload())
            entry.format(m_view, &spans);
        return QVariant::fromValue(spans);
    }
    case PayloadRole:
        return entry.hasPayload() ? QVariant(entry.payload) : QVariant();
    case LineCountRole:
        return entry.lineCount(m_view);
    case Qt::ForegroundRole:
        if (entry.level == LogLevel::Error)
            return QBrush(QColor(0xc0, 0x20, 0x20));
        if (entry.level == LogLevel::Warning)
            return QBrush(QColor(0xa0, 0x60, 0x00));
        if (entry.kind == LogKind::Control)
            return QBrush(QColor(0x70, 0x70, 0x70)); // protocol noise, not the conversation
        return {};
    case ConnectionIdRole:
        return QVariant::fromValue(entry.connectionId);
    case LevelRole:
        return int(entry.level);
    case KindRole:
        return int(entry.kind);
    default:
        return {};
    }
}

void LogModel::dropOldest(int count)
{
    count = std::min(count, int(m_entries.size()));
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, count - 1);
    m_entries.erase(m_entries.begin(), m_entries.begin() + count);
    endRemoveRows();
    m_dropped += quint64(count);
}

void LogModel::setCapacity(int lines)
{
    m_capacity = std::max(1, lines);
    dropOldest(int(m_entries.size()) - m_capacity);
}

void LogModel::append(const QList<LogEntry>& entries)
{
    if (entries.isEmpty())
        return;
    // A batch bigger than the whole log only keeps its tail.
    const qsizetype skip = std::max<qsizetype>(0, entries.size() - m_capacity);
    const int incoming = int(entries.size() - skip);
    m_dropped += quint64(skip);
    dropOldest(int(m_entries.size()) + incoming - m_capacity);

    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + incoming - 1);
    m_entries.insert(m_entries.end(), entries.cbegin() + skip, entries.cend());
    endInsertRows();
}

void LogModel::clear()
{
    if (m_entries.empty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

void LogModel::setByteView(ByteView view)
{
    if (view == m_view)
        return;
    m_view = view;
    if (!m_entries.empty())
        emit dataChanged(index(0), index(int(m_entries.size()) - 1));
}

QByteArray LogModel::toUtf8() const
{
    QByteArray out;
    for (const LogEntry& entry : m_entries) {
        out += entry.formatForFile().toUtf8();
        out += '\n';
    }
    return out;
}

QByteArray LogModel::toJsonLines() const
{
    QByteArray out;
    for (const LogEntry& entry : m_entries) {
        out += entry.toJson();
        out += '\n';
    }
    return out;
}

LogFilterModel::LogFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {}

void LogFilterModel::setTextFilter(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

void LogFilterModel::setConnectionFilter(const QSet<quint64>& ids)
{
    if (ids == m_ids)
        return;
    m_ids = ids;
    invalidateFilter();
}

void LogFilterModel::setSeverityFilter(StatusSeverity threshold)
{
    m_severity = threshold;
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_severity != StatusSeverity::Debug) {
        const auto* log = qobject_cast<const LogModel*>(sourceModel());
        if (log && !passesSeverityFilter(log->entryAt(sourceRow), m_severity))
            return false;
    }
    if (!m_ids.isEmpty() &&
        !m_ids.contains(index.data(LogModel::ConnectionIdRole).value<quint64>()))
        return false;
    if (m_text.isEmpty())
        return true;
    return index.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace chorus
