#pragma once

// The Commands pane's rows: one per (peer, command) the server sent, in the
// order sent, updated in batches from Fleet::commandsChanged. Bounded: the
// oldest rows go beyond kMaxRows. summary() gives one line per command name
// ("TAKEOFF: 12 accepted, 1 denied, 2 timed out").

#include "command/CommandTracker.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSortFilterProxyModel>

#include <array>
#include <optional>

namespace chorus {

class CommandTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        PeerColumn,
        NameColumn,
        ArgsColumn,
        ChannelColumn,
        StateColumn,
        RttColumn,
        ColumnCount
    };
    enum Role { StateRole = Qt::UserRole + 1, ConnectionIdRole };
    static constexpr int kMaxRows = 20000;

    explicit CommandTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const CommandRecord& recordAt(int row) const { return m_records.at(row); }
    // Per command name, in order of first use: how many rows are in each state.
    struct Summary
    {
        QString name;
        std::array<int, kCommandStateCount> counts{};
    };
    QList<Summary> summaryCounts() const;
    // "TAKEOFF: 12 accepted, 1 denied, 2 timed out", one line per command name, in order of use.
    QStringList summary() const;
    static QString
    stateText(const CommandRecord& record);           // "in progress 40 %", "timed out (3 sends)"
    static QString argsText(const QJsonObject& args); // "alt=10, mode=GUIDED"

public slots:
    void applyRecords(const QList<chorus::CommandRecord>& records);
    void clear();

private:
    QList<CommandRecord> m_records;
    QHash<std::pair<quint64, quint64>, int> m_rowOf; // (connection, seq) -> row + m_dropped
    int m_dropped = 0;                               // rows removed from the front so far
};

// The pane's filter: one connection (0: all) and one state (nullopt: all).
class CommandFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setConnection(quint64 id);
    void setState(std::optional<CommandState> state);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    quint64 m_connection = 0;
    std::optional<CommandState> m_state;
};

} // namespace chorus
