#include "ReplyBookModel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace chorus {

ReplyBookModel::ReplyBookModel(std::shared_ptr<ReplyBook> book, QObject* parent)
    : QAbstractTableModel(parent), m_book(std::move(book)), m_entries(m_book->entries())
{
    connect(m_book.get(), &ReplyBook::changed, this, &ReplyBookModel::syncFromBook);
}

int ReplyBookModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ReplyBookModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReplyBookModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const ReplyEntry& entry = m_entries.at(index.row());
    switch (Column(index.column())) {
    case EnabledColumn:
        if (role == Qt::CheckStateRole)
            return entry.enabled ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return entry.enabled ? tr("Enabled: may be picked") : tr("Disabled: never picked");
        return {};
    case ModeColumn:
        if (role == Qt::DisplayRole)
            return entry.format == ReplyFormat::Hex ? tr("Hex") : tr("Text");
        if (role == Qt::EditRole)
            return int(entry.format);
        if (role == Qt::ToolTipRole)
            return tr("Text: characters with \\r \\n \\t \\0 \\\\ \\xNN and "
                      "placeholders. Hex: bytes as hex digits, e.g. 06 or 01 03 00 0A.");
        return {};
    case TextColumn: {
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return entry.text;
        if (role != Qt::ToolTipRole && role != Qt::ForegroundRole && role != Qt::BackgroundRole &&
            role != ParseErrorRole)
            return {};
        ByteParseError error;
        const bool valid = ReplyTemplate::compile(entry, &error).has_value();
        switch (role) {
        case ParseErrorRole:
            return int(error.kind);
        case Qt::ToolTipRole:
            return valid ? entry.text : tr("Never picked: %1").arg(describeParseError(error));
        case Qt::ForegroundRole:
            if (!valid)
                return QBrush(QColor(0xc0, 0x20, 0x20));
            return entry.enabled ? QVariant() : QVariant(QBrush(Qt::gray));
        case Qt::BackgroundRole:
            return valid ? QVariant() : QVariant(QBrush(QColor(0xfb, 0xe3, 0xe3)));
        default:
            return {};
        }
    }
    case WeightColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(entry.weight, 'g', 6);
        if (role == Qt::EditRole)
            return entry.weight;
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ToolTipRole)
            return tr("Relative weight for Random picking; 0 never picks this reply.");
        return {};
    case ColumnCount:
        break;
    }
    return {};
}

bool ReplyBookModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return false;
    ReplyEntry entry = m_entries.at(index.row());
    switch (Column(index.column())) {
    case EnabledColumn:
        if (role != Qt::CheckStateRole)
            return false;
        entry.enabled = Qt::CheckState(value.toInt()) == Qt::Checked;
        break;
    case ModeColumn: {
        if (role != Qt::EditRole)
            return false;
        const std::optional<ReplyFormat> format =
            value.userType() == QMetaType::QString
                ? replyFormatFromName(value.toString())
                : std::optional<ReplyFormat>(ReplyFormat(value.toInt() != 0));
        if (!format)
            return false;
        entry = withFormat(entry, *format);
        break;
    }
    case TextColumn: {
        if (role != Qt::EditRole)
            return false;
        const QString text = value.toString();
        if (text.trimmed().isEmpty())
            return false; // an empty reply would send nothing; Delete is the way to remove it
        entry.text = text;
        break;
    }
    case WeightColumn: {
        if (role != Qt::EditRole)
            return false;
        bool ok = false;
        double weight = value.toDouble(&ok);
        if (!ok)
            weight = QLocale().toDouble(value.toString(), &ok);
        if (!ok || weight < 0 || !std::isfinite(weight))
            return false;
        entry.weight = weight;
        break;
    }
    case ColumnCount:
        return false;
    }
    if (entry == m_entries.at(index.row()))
        return true;
    m_entries[index.row()] = entry;
    m_editing = true;
    m_book->updateEntry(index.row(), entry);
    m_editing = false;
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

Qt::ItemFlags ReplyBookModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == EnabledColumn)
        f |= Qt::ItemIsUserCheckable;
    else
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant ReplyBookModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (Column(section)) {
    case EnabledColumn:
        return tr("On");
    case ModeColumn:
        return tr("Mode");
    case TextColumn:
        return tr("Reply");
    case WeightColumn:
        return tr("Weight");
    case ColumnCount:
        break;
    }
    return {};
}

ReplyEntry ReplyBookModel::withFormat(const ReplyEntry& entry, ReplyFormat format)
{
    ReplyEntry out = entry;
    out.format = format;
    if (format == entry.format)
        return out;
    const std::optional<ReplyTemplate> compiled = ReplyTemplate::compile(entry);
    if (!compiled || compiled->hasPlaceholders())
        return out; // kept as written: the user fixes it in the new mode
    const QByteArray bytes = compiled->expand(ReplyContext{});
    if (format == ReplyFormat::Hex) {
        out.text = formatHex(bytes);
    } else {
        out.text = formatText(bytes);
        // Braces in the bytes stay bytes, not placeholders.
        out.text.replace(QLatin1Char('{'), QLatin1String("{{"));
        out.text.replace(QLatin1Char('}'), QLatin1String("}}"));
    }
    return out;
}

void ReplyBookModel::insertEntry(int row, const ReplyEntry& entry)
{
    row = std::clamp(row, 0, int(m_entries.size()));
    beginInsertRows({}, row, row);
    m_entries.insert(row, entry);
    m_editing = true;
    m_book->insertEntry(row, entry);
    m_editing = false;
    endInsertRows();
}

bool ReplyBookModel::removeEntries(QList<int> rows)
{
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    bool removedAny = false;
    for (int row : rows) {
        if (row < 0 || row >= m_entries.size())
            continue;
        beginRemoveRows({}, row, row);
        m_entries.removeAt(row);
        m_editing = true;
        m_book->removeEntry(row);
        m_editing = false;
        endRemoveRows();
        removedAny = true;
    }
    return removedAny;
}

bool ReplyBookModel::moveEntry(int from, int to)
{
    const int count = int(m_entries.size());
    if (from < 0 || from >= count || to < 0 || to >= count || from == to)
        return false;
    // beginMoveRows wants the destination *before* which the row lands.
    const int destination = to > from ? to + 1 : to;
    if (!beginMoveRows({}, from, from, {}, destination))
        return false;
    m_entries.move(from, to);
    m_editing = true;
    m_book->moveEntry(from, to);
    m_editing = false;
    endMoveRows();
    return true;
}

void ReplyBookModel::syncFromBook()
{
    if (m_editing)
        return; // our own edit; rows are being reported by the caller
    const QList<ReplyEntry> entries = m_book->entries();
    if (entries.size() == m_entries.size()) {
        for (int row = 0; row < entries.size(); ++row) {
            if (!(entries.at(row) == m_entries.at(row))) {
                m_entries[row] = entries.at(row);
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
        }
        return;
    }
    // A different shape (import, reset to factory): the whole list is new.
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

} // namespace chorus
