#pragma once

// The Telemetry panel (issue 13): the selected connection's latest values
// from Fleet's TelemetryStore (key, value, unit, age, rate, min, max) and
// its last heartbeat. Refreshed when that connection's telemetry changed
// (one signal per engine batch) and once a second for the ages.

#include "command/TelemetryStore.h"

#include <QAbstractTableModel>
#include <QTimer>
#include <QWidget>

class QLabel;
class QTableView;

namespace chorus {

class Fleet;

class TelemetryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        KeyColumn,
        ValueColumn,
        UnitColumn,
        AgeColumn,
        RateColumn,
        MinColumn,
        MaxColumn,
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Same keys as before: values change in place (the view keeps its scroll and selection).
    void setRows(const QList<TelemetryRow>& rows);
    const QList<TelemetryRow>& rows() const { return m_rows; }

private:
    QList<TelemetryRow> m_rows;
};

class TelemetryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TelemetryPanel(const Fleet* fleet, QWidget* parent = nullptr);

    quint64 connection() const { return m_connection; }
    TelemetryModel* model() const { return m_model; }
    QLabel* heartbeatLabel() const { return m_heartbeat; }
    QTableView* view() const { return m_view; }

signals:
    // The context menu's "Show as a column": the user wants `key` in the connection table.
    void columnRequested(const QString& key);

public slots:
    // The connection shown (0: none); the table's first selected row.
    void showConnection(quint64 id);
    void onTelemetryChanged(const QList<quint64>& ids);
    void refresh();

private:
    const Fleet* m_fleet;
    quint64 m_connection = 0;
    TelemetryModel* m_model;
    QTableView* m_view;
    QLabel* m_title;
    QLabel* m_heartbeat;
    QTimer m_ageTimer;
};

} // namespace chorus
