#pragma once

// The live connection table. Rows are fed by ServerEngine::connectionsUpdated
// batches: changed snapshots update or insert rows, removed ids drop them.
// The model is never reset, so selection and scroll position survive, and a
// batch costs O(rows changed) signals. Duration is computed from
// connectedSince when painted; a 1 s timer repaints that column only. The
// Last message column renders the message's bytes in the window's view
// (Text with escapes, Hex, Mixed); switching the view repaints that column.

#include "server/ServerTypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>
#include <QTimer>

#include <vector>

namespace chorus {

class TelemetryStore;

class ConnectionTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // What a user looks at first comes first, so it shows in a narrow window.
    enum Column {
        IdColumn,
        StateColumn,
        NameColumn,
        ProtocolColumn,
        PeerAddressColumn,
        PeerPortColumn,
        MessagesInColumn,
        MessagesOutColumn,
        LastMessageColumn,
        ErrorsColumn,
        DurationColumn,
        ConnectedSinceColumn,
        BytesInColumn,
        BytesOutColumn,
        FramingColumn,
        LastSeenColumn, // UDP peers and channels: the last datagram
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers as numbers, so 10 sorts after 9
        IdRole,                      // quint64 connection id of the row
        EscapeSpansRole,             // Last message, Text view: QList<EscapeSpan> to colour
        BytesRole,                   // Last message: its (kept) bytes, QByteArray
    };
    // Characters of the Last message cell (the tooltip shows every kept byte).
    static constexpr qsizetype kLastMessageChars = 120;

    explicit ConnectionTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    int rowForId(quint64 id) const; // -1 when unknown
    quint64 idAt(int row) const;
    const ConnectionSnapshot& snapshotAt(int row) const { return m_rows[std::size_t(row)]; }
    QString addressText(int row) const; // "address:port", IPv6 in brackets
    // Rows of UDP peers (PeerTransport::Udp); a TCP+UDP session counts as TCP.
    int udpPeerCount() const;

    // Returns the duration text for a connection that started at `since`.
    static QString durationText(qint64 seconds);

    ByteView byteView() const { return m_view; }
    // Renders the Last message column in this view from now on (repainted at once).
    void setByteView(ByteView view);

    // ConnectionTableTelemetry.cpp (issue 13 item 4): chosen telemetry keys as
    // columns after ColumnCount, each showing the peer's latest value (greyed
    // and italic while the peer is stale). Values come in per engine batch
    // (applyTelemetry), never per message.
    QStringList telemetryKeys() const { return m_telemetryKeys; }
    void setTelemetryKeys(const QStringList& keys);
    // The column showing `key`, -1 when none does; the key a column shows, empty when none.
    int telemetryColumn(const QString& key) const;
    QString telemetryKeyAt(int column) const;
    // These connections' telemetry changed: their shown values are read from
    // `store` and their cells repainted (one dataChanged per row).
    void applyTelemetry(const TelemetryStore& store, const QList<quint64>& ids);

public slots:
    void applyBatch(const QList<chorus::ConnectionSnapshot>& changed,
                    const QList<quint64>& removed);
    void clear();

private:
    void tickDuration();
    void rebuildIndex(int fromRow);
    QVariant telemetryData(const ConnectionSnapshot& row, const QString& key, int role) const;

    std::vector<ConnectionSnapshot> m_rows;
    QHash<quint64, int> m_rowById;
    QTimer m_durationTimer;
    QDateTime m_now; // refreshed every tick, so one repaint shows one consistent time
    ByteView m_view = ByteView::Text;
    QStringList m_telemetryKeys;
    QHash<quint64, QHash<QString, double>> m_telemetry; // shown keys only, per connection
};

} // namespace chorus
