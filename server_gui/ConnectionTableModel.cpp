#include "ConnectionTableModel.h"

#include "base/Endpoint.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <chrono>

namespace chorus {

namespace {
constexpr std::chrono::seconds kDurationTick{1};
}

ConnectionTableModel::ConnectionTableModel(QObject* parent) : QAbstractTableModel(parent)
{
    m_now = QDateTime::currentDateTime();
    m_durationTimer.setInterval(kDurationTick);
    connect(&m_durationTimer, &QTimer::timeout, this, &ConnectionTableModel::tickDuration);
    m_durationTimer.start();
}

int ConnectionTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectionTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount + int(m_telemetryKeys.size());
}

QString ConnectionTableModel::durationText(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    const qint64 hours = seconds / 3600;
    const int minutes = int(seconds / 60 % 60);
    const int secs = int(seconds % 60);
    return QStringLiteral("%1:%2:%3")
        .arg(hours)
        .arg(minutes, 2, 10, QLatin1Char('0'))
        .arg(secs, 2, 10, QLatin1Char('0'));
}

QString ConnectionTableModel::addressText(int row) const
{
    const ConnectionSnapshot& s = m_rows[std::size_t(row)];
    return endpointText(s.peerAddress, s.peerPort);
}

QVariant ConnectionTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const ConnectionSnapshot& s = m_rows[std::size_t(index.row())];
    if (index.column() >= ColumnCount)
        return telemetryData(s, telemetryKeyAt(index.column()), role);
    const auto column = Column(index.column());

    if (role == IdRole)
        return QVariant::fromValue(s.id);
    if (role == Qt::TextAlignmentRole) {
        switch (column) {
        case IdColumn:
        case PeerPortColumn:
        case DurationColumn:
        case MessagesInColumn:
        case MessagesOutColumn:
        case BytesInColumn:
        case BytesOutColumn:
        case ErrorsColumn:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole) {
        if (column == ErrorsColumn && s.errors > 0)
            return QBrush(QColor(0xc0, 0x20, 0x20));
        if (s.state != ConnectionState::Connected)
            return QBrush(Qt::gray);
        return {};
    }
    if (column == LastMessageColumn) {
        switch (role) {
        case BytesRole:
            return s.lastMessage;
        case EscapeSpansRole: {
            QList<EscapeSpan> spans;
            if (m_view == ByteView::Text)
                formatLine(s.lastMessage, m_view, kLastMessageChars, &spans);
            return QVariant::fromValue(spans);
        }
        case Qt::ToolTipRole: {
            // Every kept byte, in the view, and the whole size when more came.
            QString tip = formatBytes(s.lastMessage, m_view);
            if (s.lastMessageSize > s.lastMessage.size())
                tip +=
                    QLatin1Char('\n') +
                    tr("(first %1 of %2 bytes)").arg(s.lastMessage.size()).arg(s.lastMessageSize);
            return tip;
        }
        default:
            break;
        }
    }

    if (role == SortRole) {
        switch (column) {
        case IdColumn:
            return QVariant::fromValue(s.id);
        case ConnectedSinceColumn:
        case DurationColumn:
            // Older connections have longer durations: sort by start, reversed for duration.
            return column == DurationColumn ? -s.connectedSince.toMSecsSinceEpoch()
                                            : s.connectedSince.toMSecsSinceEpoch();
        default:
            break; // the display value: numbers for the counters and port, else text
        }
        role = Qt::DisplayRole;
    }
    if (role != Qt::DisplayRole)
        return {};

    switch (column) {
    case IdColumn:
        return QStringLiteral("#%1").arg(s.id);
    case NameColumn:
        return s.name;
    case ProtocolColumn:
        // UDP and dual-channel peers: how they reach us; TCP peers: how they speak
        // (text, chorus), and "chorus, TLS 1.3" for TLS ("TLS…" while handshaking).
        if (s.transport != PeerTransport::Tcp)
            return peerTransportName(s.transport);
        if (s.tls)
            return tr("%1, %2").arg(peerProtocolName(s.protocol),
                                    s.tlsProtocol.isEmpty() ? tr("TLS…") : s.tlsProtocol);
        return peerProtocolName(s.protocol);
    case PeerAddressColumn:
        return s.peerAddress;
    case PeerPortColumn:
        return int(s.peerPort);
    case ConnectedSinceColumn:
        return s.connectedSince.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case DurationColumn:
        return durationText(s.connectedSince.secsTo(m_now));
    case MessagesInColumn:
        return QVariant::fromValue(s.traffic.messagesIn);
    case MessagesOutColumn:
        return QVariant::fromValue(s.traffic.messagesOut);
    case BytesInColumn:
        return QVariant::fromValue(s.traffic.bytesIn);
    case BytesOutColumn:
        return QVariant::fromValue(s.traffic.bytesOut);
    case ErrorsColumn:
        return QVariant::fromValue(s.errors);
    case LastMessageColumn:
        // One line in any view: escapes keep CR and LF visible and on the line.
        return formatLine(s.lastMessage, m_view, kLastMessageChars);
    case FramingColumn:
        return s.detectedFraming;
    case LastSeenColumn:
        return s.lastSeen.isValid() ? s.lastSeen.toString(QStringLiteral("HH:mm:ss")) : QString();
    case StateColumn:
        if (s.stale && s.state == ConnectionState::Connected)
            return tr("stale"); // silent past the heartbeat timeout (issue 13)
        // Input held back by the peer's rate limit (ConnectionLimits::rateLimit).
        if (s.rateLimited && s.state == ConnectionState::Connected)
            return tr("connected, limited");
        return connectionStateName(s.state);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ConnectionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section >= ColumnCount &&
        (role == Qt::DisplayRole || role == Qt::ToolTipRole))
        return role == Qt::DisplayRole
                   ? telemetryKeyAt(section)
                   : tr("Telemetry \"%1\": each peer's latest value").arg(telemetryKeyAt(section));
    // The message counts' headers are short (받음 / 보냄) to keep the columns
    // narrow; their tooltips say what they count.
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == MessagesInColumn)
        return tr("Messages received from this peer");
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == MessagesOutColumn)
        return tr("Messages sent to this peer");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case IdColumn:
        return tr("ID");
    case NameColumn:
        return tr("Name");
    case ProtocolColumn:
        return tr("Protocol");
    case PeerAddressColumn:
        return tr("Peer address");
    case PeerPortColumn:
        return tr("Port");
    case ConnectedSinceColumn:
        return tr("Connected since");
    case DurationColumn:
        return tr("Duration");
    case MessagesInColumn:
        return tr("Msgs in");
    case MessagesOutColumn:
        return tr("Msgs out");
    case BytesInColumn:
        return tr("Bytes in");
    case BytesOutColumn:
        return tr("Bytes out");
    case ErrorsColumn:
        return tr("Errors");
    case LastMessageColumn:
        return tr("Last message");
    case FramingColumn:
        return tr("Framing");
    case LastSeenColumn:
        return tr("Last seen");
    case StateColumn:
        return tr("State");
    case ColumnCount:
        break;
    }
    return {};
}

int ConnectionTableModel::rowForId(quint64 id) const
{
    return m_rowById.value(id, -1);
}

quint64 ConnectionTableModel::idAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)].id : 0;
}

void ConnectionTableModel::rebuildIndex(int fromRow)
{
    for (int row = fromRow; row < int(m_rows.size()); ++row)
        m_rowById.insert(m_rows[std::size_t(row)].id, row);
}

void ConnectionTableModel::applyBatch(const QList<ConnectionSnapshot>& changed,
                                      const QList<quint64>& removed)
{
    m_now = QDateTime::currentDateTime();

    // 1. Removals, as contiguous row ranges from the bottom up so earlier rows keep
    //    their numbers while we go.
    std::vector<int> removedRows;
    removedRows.reserve(std::size_t(removed.size()));
    for (quint64 id : removed) {
        m_telemetry.remove(id);
        const auto it = m_rowById.constFind(id);
        if (it != m_rowById.constEnd())
            removedRows.push_back(it.value());
    }
    if (!removedRows.empty()) {
        std::sort(removedRows.begin(), removedRows.end());
        removedRows.erase(std::unique(removedRows.begin(), removedRows.end()), removedRows.end());
        for (int row : removedRows)
            m_rowById.remove(m_rows[std::size_t(row)].id);
        std::size_t end = removedRows.size();
        while (end > 0) {
            std::size_t begin = end - 1;
            while (begin > 0 && removedRows[begin - 1] == removedRows[begin] - 1)
                --begin;
            const int first = removedRows[begin];
            const int last = removedRows[end - 1];
            beginRemoveRows({}, first, last);
            m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
            endRemoveRows();
            end = begin;
        }
        rebuildIndex(removedRows.front());
    }

    // 2. Updates in place (one dataChanged per run of adjacent rows), new ids collected.
    std::vector<int> updatedRows;
    std::vector<const ConnectionSnapshot*> added;
    QHash<quint64, int> addedIndex; // a batch may carry an id twice: keep the latest
    // A batch may carry a connection's last snapshot and its removal together.
    const QSet<quint64> removedIds(removed.cbegin(), removed.cend());
    for (const ConnectionSnapshot& snapshot : changed) {
        if (removedIds.contains(snapshot.id))
            continue;
        const auto it = m_rowById.constFind(snapshot.id);
        if (it != m_rowById.constEnd()) {
            m_rows[std::size_t(it.value())] = snapshot;
            updatedRows.push_back(it.value());
        } else if (const auto seen = addedIndex.constFind(snapshot.id);
                   seen != addedIndex.constEnd()) {
            added[std::size_t(seen.value())] = &snapshot;
        } else {
            addedIndex.insert(snapshot.id, int(added.size()));
            added.push_back(&snapshot);
        }
    }
    if (!updatedRows.empty()) {
        std::sort(updatedRows.begin(), updatedRows.end());
        std::size_t begin = 0;
        while (begin < updatedRows.size()) {
            std::size_t end = begin + 1;
            while (end < updatedRows.size() && updatedRows[end] <= updatedRows[end - 1] + 1)
                ++end;
            emit dataChanged(index(updatedRows[begin], 0),
                             index(updatedRows[end - 1], columnCount() - 1));
            begin = end;
        }
    }

    // 3. Insertions at the end, in one go.
    if (!added.empty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.reserve(m_rows.size() + added.size());
        for (const ConnectionSnapshot* snapshot : added)
            m_rows.push_back(*snapshot);
        rebuildIndex(first);
        endInsertRows();
    }
}

int ConnectionTableModel::udpPeerCount() const
{
    // Once per counters update (every 250 ms): a scan of the rows costs less
    // than keeping a count right through every batch.
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const ConnectionSnapshot& row) {
        return row.transport == PeerTransport::Udp;
    }));
}

void ConnectionTableModel::clear()
{
    if (m_rows.empty())
        return;
    beginRemoveRows({}, 0, int(m_rows.size()) - 1);
    m_rows.clear();
    m_rowById.clear();
    m_telemetry.clear();
    endRemoveRows();
}

void ConnectionTableModel::setByteView(ByteView view)
{
    if (view == m_view)
        return;
    m_view = view;
    if (!m_rows.empty())
        emit dataChanged(index(0, LastMessageColumn),
                         index(int(m_rows.size()) - 1, LastMessageColumn));
}

void ConnectionTableModel::tickDuration()
{
    m_now = QDateTime::currentDateTime();
    if (!m_rows.empty())
        emit dataChanged(index(0, DurationColumn), index(int(m_rows.size()) - 1, DurationColumn),
                         {Qt::DisplayRole});
}

} // namespace chorus
