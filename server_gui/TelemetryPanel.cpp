#include "TelemetryPanel.h"

#include "server/Fleet.h"

#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QTableView>
#include <QVBoxLayout>

namespace chorus {

namespace {

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

QString age(double ms)
{
    if (ms < 1000)
        return TelemetryModel::tr("%1 ms").arg(qRound(ms));
    return TelemetryModel::tr("%1 s").arg(ms / 1000.0, 0, 'f', 1);
}

} // namespace

int TelemetryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TelemetryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TelemetryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const TelemetryRow& row = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() != KeyColumn &&
        index.column() != UnitColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case KeyColumn:
        return row.key;
    case ValueColumn:
        return number(row.value);
    case UnitColumn:
        return row.unit;
    case AgeColumn:
        return age(row.ageMs);
    case RateColumn:
        return tr("%1/s").arg(row.ratePerSecond, 0, 'f', 1);
    case MinColumn:
        return number(row.min);
    case MaxColumn:
        return number(row.max);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TelemetryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case UnitColumn:
        return tr("Unit");
    case AgeColumn:
        return tr("Age");
    case RateColumn:
        return tr("Rate");
    case MinColumn:
        return tr("Min");
    case MaxColumn:
        return tr("Max");
    case ColumnCount:
        break;
    }
    return {};
}

void TelemetryModel::setRows(const QList<TelemetryRow>& rows)
{
    bool sameKeys = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameKeys && i < rows.size(); ++i)
        sameKeys = rows.at(i).key == m_rows.at(i).key;
    if (!sameKeys) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    m_rows = rows;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

TelemetryPanel::TelemetryPanel(const Fleet* fleet, QWidget* parent)
    : QWidget(parent), m_fleet(fleet), m_model(new TelemetryModel(this)),
      m_view(new QTableView(this)), m_title(new QLabel(this)), m_heartbeat(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_heartbeat);
    m_view->setModel(m_model);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        const QModelIndex index = m_view->indexAt(at);
        if (!index.isValid())
            return;
        const QString key = m_model->rows().value(index.row()).key;
        QMenu menu(this);
        menu.addAction(tr("Show \"%1\" as a column of the connection table").arg(key), this,
                       [this, key] { emit columnRequested(key); });
        menu.exec(m_view->viewport()->mapToGlobal(at));
    });
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    layout->addWidget(m_view, 1);
    m_ageTimer.setInterval(1000);
    connect(&m_ageTimer, &QTimer::timeout, this, &TelemetryPanel::refresh);
    showConnection(0);
}

void TelemetryPanel::showConnection(quint64 id)
{
    m_connection = id;
    if (id == 0)
        m_ageTimer.stop();
    else
        m_ageTimer.start();
    refresh();
}

void TelemetryPanel::onTelemetryChanged(const QList<quint64>& ids)
{
    if (m_connection != 0 && ids.contains(m_connection))
        refresh();
}

void TelemetryPanel::refresh()
{
    if (m_connection == 0) {
        m_title->setText(tr("Select a connection to see its telemetry."));
        m_heartbeat->clear();
        m_model->setRows({});
        return;
    }
    const TelemetryStore& store = m_fleet->telemetry();
    const auto now = TelemetryStore::Clock::now();
    const QList<TelemetryRow> rows = store.rows(m_connection, now);
    m_title->setText(rows.isEmpty()
                         ? tr("#%1: no telemetry yet").arg(m_connection)
                         : tr("#%1: %n key(s)", nullptr, int(rows.size())).arg(m_connection));
    const VehicleHeartbeat beat = store.heartbeat(m_connection);
    if (beat.last) {
        QStringList parts;
        parts << tr("heartbeat %1 ago")
                     .arg(age(std::chrono::duration<double, std::milli>(now - *beat.last).count()));
        if (!beat.state.isEmpty())
            parts << tr("state %1").arg(beat.state);
        if (!beat.mode.isEmpty())
            parts << tr("mode %1").arg(beat.mode);
        if (beat.armed)
            parts << (*beat.armed ? tr("armed") : tr("disarmed"));
        m_heartbeat->setText(parts.join(QStringLiteral(" · ")));
    } else {
        m_heartbeat->setText(tr("no heartbeat"));
    }
    m_model->setRows(rows);
}

} // namespace chorus
