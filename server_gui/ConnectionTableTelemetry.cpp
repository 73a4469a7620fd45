// ConnectionTableModel: telemetry keys as columns (issue 13 item 4). The
// chosen keys follow the fixed columns; each cell is the connection's latest
// value of that key, kept here per engine batch so painting never asks the
// store. A stale peer's values are greyed and italic: they are old news.

#include "ConnectionTableModel.h"

#include "command/TelemetryStore.h"

#include <QColor>
#include <QFont>

namespace chorus {

void ConnectionTableModel::setTelemetryKeys(const QStringList& keys)
{
    QStringList wanted;
    for (const QString& key : keys) {
        if (!key.isEmpty() && !wanted.contains(key))
            wanted.append(key);
    }
    if (wanted == m_telemetryKeys)
        return;
    // Columns come and go at the end only; the fixed ones keep their sections.
    if (!m_telemetryKeys.isEmpty()) {
        beginRemoveColumns({}, ColumnCount, ColumnCount + int(m_telemetryKeys.size()) - 1);
        m_telemetryKeys.clear();
        endRemoveColumns();
    }
    if (!wanted.isEmpty()) {
        beginInsertColumns({}, ColumnCount, ColumnCount + int(wanted.size()) - 1);
        m_telemetryKeys = wanted;
        endInsertColumns();
    }
    // Values of keys no longer shown are not kept; new ones come with the next batch.
    for (auto it = m_telemetry.begin(); it != m_telemetry.end(); ++it) {
        for (auto value = it->begin(); value != it->end();)
            value = m_telemetryKeys.contains(value.key()) ? std::next(value) : it->erase(value);
    }
}

int ConnectionTableModel::telemetryColumn(const QString& key) const
{
    const qsizetype at = m_telemetryKeys.indexOf(key);
    return at < 0 ? -1 : ColumnCount + int(at);
}

QString ConnectionTableModel::telemetryKeyAt(int column) const
{
    return m_telemetryKeys.value(column - ColumnCount);
}

void ConnectionTableModel::applyTelemetry(const TelemetryStore& store, const QList<quint64>& ids)
{
    if (m_telemetryKeys.isEmpty())
        return;
    const int first = ColumnCount;
    const int last = ColumnCount + int(m_telemetryKeys.size()) - 1;
    for (quint64 id : ids) {
        const int row = rowForId(id);
        if (row < 0)
            continue; // gone, or not yet in a batch: its values come with the next change
        QHash<QString, double>& shown = m_telemetry[id];
        shown.clear();
        for (const QString& key : std::as_const(m_telemetryKeys)) {
            if (const std::optional<double> value = store.latest(id, key))
                shown.insert(key, *value);
        }
        emit dataChanged(index(row, first), index(row, last));
    }
}

QVariant ConnectionTableModel::telemetryData(const ConnectionSnapshot& row, const QString& key,
                                             int role) const
{
    const auto peer = m_telemetry.constFind(row.id);
    const bool has = peer != m_telemetry.constEnd() && peer->contains(key);
    const double value = has ? peer->value(key) : 0;
    switch (role) {
    case Qt::DisplayRole:
        return has ? QString::number(value, 'g', 10) : QString();
    case SortRole:
        return has ? QVariant(value) : QVariant();
    case IdRole:
        return QVariant::fromValue(row.id);
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        return row.stale ? QVariant(QColor(0x80, 0x80, 0x80)) : QVariant();
    case Qt::FontRole:
        if (row.stale) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        return row.stale ? tr("%1: the peer is stale; this is its last value").arg(key)
                         : QVariant();
    default:
        return {};
    }
}

} // namespace chorus
