#include "CommandTableModel.h"

#include "wire/VehicleMessages.h"

#include <QColor>
#include <QJsonValue>
#include <QLocale>
#include <QMap>

namespace chorus {

namespace {

QString stateWord(CommandState state)
{
    switch (state) {
    case CommandState::Sent:
        return CommandTableModel::tr("sent");
    case CommandState::InProgress:
        return CommandTableModel::tr("in progress");
    case CommandState::Accepted:
        return CommandTableModel::tr("accepted");
    case CommandState::Denied:
        return CommandTableModel::tr("denied");
    case CommandState::Failed:
        return CommandTableModel::tr("failed");
    case CommandState::Unsupported:
        return CommandTableModel::tr("unsupported");
    case CommandState::TemporarilyRejected:
        return CommandTableModel::tr("temporarily rejected");
    case CommandState::TimedOut:
        return CommandTableModel::tr("timed out");
    case CommandState::LinkLost:
        return CommandTableModel::tr("link lost");
    case CommandState::NoUdpPath:
        return CommandTableModel::tr("no UDP path");
    }
    return {};
}

} // namespace

CommandTableModel::CommandTableModel(QObject* parent) : QAbstractTableModel(parent) {}

int CommandTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int CommandTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CommandTableModel::stateText(const CommandRecord& record)
{
    QString text = stateWord(record.state);
    if (record.state == CommandState::InProgress && record.progress >= 0)
        text = tr("in progress %1 %").arg(record.progress);
    if (record.state == CommandState::TimedOut && record.attempts > 1)
        text = tr("timed out (%n send(s))", nullptr, record.attempts);
    return text;
}

QString CommandTableModel::argsText(const QJsonObject& args)
{
    QStringList parts;
    for (auto it = args.constBegin(); it != args.constEnd(); ++it) {
        const QJsonValue value = it.value();
        const QString shown =
            value.isString() ? value.toString()
            : value.isBool() ? (value.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                             : QString::number(value.toDouble(), 'g', 12);
        parts << it.key() + QLatin1Char('=') + shown;
    }
    return parts.join(QStringLiteral(", "));
}

QVariant CommandTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const CommandRecord& r = m_records.at(index.row());
    if (role == StateRole)
        return int(r.state);
    if (role == ConnectionIdRole)
        return r.connectionId;
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        switch (r.state) {
        case CommandState::Accepted:
            return QColor(0x1b, 0x7f, 0x2a);
        case CommandState::Denied:
        case CommandState::Failed:
        case CommandState::Unsupported:
        case CommandState::LinkLost:
        case CommandState::NoUdpPath:
        case CommandState::TimedOut:
            return QColor(0xb0, 0x20, 0x20);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && !r.text.isEmpty())
        return r.text;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case TimeColumn:
        return r.sentAt.toString(QStringLiteral("HH:mm:ss.zzz"));
    case PeerColumn:
        return QStringLiteral("#%1 %2").arg(r.connectionId).arg(r.peer);
    case NameColumn:
        return r.name;
    case ArgsColumn:
        return argsText(r.args);
    case ChannelColumn:
        return commandChannelKey(r.channel).toUpper();
    case StateColumn:
        return stateText(r);
    case RttColumn:
        return r.rttMs < 0 ? QString() : tr("%1 ms").arg(r.rttMs, 0, 'f', 1);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CommandTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case PeerColumn:
        return tr("Peer");
    case NameColumn:
        return tr("Command");
    case ArgsColumn:
        return tr("Arguments");
    case ChannelColumn:
        return tr("Channel");
    case StateColumn:
        return tr("State");
    case RttColumn:
        return tr("Ack RTT");
    case ColumnCount:
        break;
    }
    return {};
}

void CommandTableModel::applyRecords(const QList<CommandRecord>& records)
{
    QList<CommandRecord> fresh;
    int firstChanged = INT_MAX;
    int lastChanged = -1;
    for (const CommandRecord& record : records) {
        const auto it = m_rowOf.constFind({record.connectionId, record.seq});
        if (it != m_rowOf.constEnd() && *it >= m_dropped) {
            const int row = *it - m_dropped;
            m_records[row] = record;
            firstChanged = std::min(firstChanged, row);
            lastChanged = std::max(lastChanged, row);
        } else if (it == m_rowOf.constEnd()) {
            fresh.append(record);
        }
    }
    if (lastChanged >= 0)
        emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    if (!fresh.isEmpty()) {
        const int first = int(m_records.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (const CommandRecord& record : std::as_const(fresh)) {
            m_rowOf.insert({record.connectionId, record.seq}, m_dropped + int(m_records.size()));
            m_records.append(record);
        }
        endInsertRows();
    }
    const int excess = int(m_records.size()) - kMaxRows;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        for (int i = 0; i < excess; ++i)
            m_rowOf.remove({m_records.at(i).connectionId, m_records.at(i).seq});
        m_records.remove(0, excess);
        m_dropped += excess;
        endRemoveRows();
    }
}

void CommandTableModel::clear()
{
    beginResetModel();
    m_records.clear();
    m_rowOf.clear();
    m_dropped = 0;
    endResetModel();
}

QList<CommandTableModel::Summary> CommandTableModel::summaryCounts() const
{
    QList<Summary> out;
    QHash<QString, qsizetype> indexOf;
    for (const CommandRecord& record : m_records) {
        auto it = indexOf.constFind(record.name);
        if (it == indexOf.constEnd()) {
            it = indexOf.insert(record.name, out.size());
            out.append(Summary{record.name, {}});
        }
        ++out[*it].counts[size_t(record.state)];
    }
    return out;
}

QStringList CommandTableModel::summary() const
{
    QStringList lines;
    for (const Summary& summary : summaryCounts()) {
        QStringList parts;
        for (int s = 0; s < kCommandStateCount; ++s) {
            if (summary.counts[size_t(s)] > 0)
                parts << tr("%1 %2").arg(summary.counts[size_t(s)]).arg(stateWord(CommandState(s)));
        }
        lines << tr("%1: %2").arg(summary.name, parts.join(QStringLiteral(", ")));
    }
    return lines;
}

void CommandFilterModel::setConnection(quint64 id)
{
    m_connection = id;
    invalidateFilter();
}

void CommandFilterModel::setState(std::optional<CommandState> state)
{
    m_state = state;
    invalidateFilter();
}

bool CommandFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_connection != 0 &&
        index.data(CommandTableModel::ConnectionIdRole).toULongLong() != m_connection)
        return false;
    return !m_state || index.data(CommandTableModel::StateRole).toInt() == int(*m_state);
}

} // namespace chorus
