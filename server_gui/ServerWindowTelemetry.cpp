// ServerWindow: telemetry keys as columns of the connection table (issue 13
// item 4). Keys are chosen from the table header's context menu or the
// Telemetry panel's ("Show as a column"), removed from the header's; the
// choice lives in the window's settings file beside the table's header state.
// Values follow Fleet::telemetryChanged, once per engine batch.

#include "ConnectionTableModel.h"
#include "ServerWindow.h"
#include "TelemetryPanel.h"

#include "server/Fleet.h"

#include <QHeaderView>
#include <QMenu>
#include <QTableView>

namespace chorus {

namespace {
const QString kTelemetryColumnsKey = QStringLiteral("window/telemetryColumns");
} // namespace

void ServerWindow::wireTelemetryColumns()
{
    // Before the header's saved state is restored: it counts these sections too.
    m_connectionModel->setTelemetryKeys(
        m_settings.windowValue(kTelemetryColumnsKey).toStringList());
    connect(&m_engine->fleet(), &Fleet::telemetryChanged, m_connectionModel,
            [this](const QList<quint64>& ids) {
                m_connectionModel->applyTelemetry(m_engine->fleet().telemetry(), ids);
            });
    // Rows appear in the table's own batches, maybe after their first telemetry.
    connect(m_connectionModel, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) {
                if (m_connectionModel->telemetryKeys().isEmpty())
                    return;
                QList<quint64> ids;
                for (int row = first; row <= last; ++row)
                    ids.append(m_connectionModel->idAt(row));
                m_connectionModel->applyTelemetry(m_engine->fleet().telemetry(), ids);
            });
    connect(m_telemetryPanel, &TelemetryPanel::columnRequested, this, [this](const QString& key) {
        QStringList keys = m_connectionModel->telemetryKeys();
        if (!keys.contains(key))
            setTelemetryColumns(keys << key);
    });
    QHeaderView* header = connectionView()->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this,
            &ServerWindow::showTelemetryColumnMenu);
}

void ServerWindow::setTelemetryColumns(const QStringList& keys)
{
    m_connectionModel->setTelemetryKeys(keys);
    const TelemetryStore& store = m_engine->fleet().telemetry();
    m_connectionModel->applyTelemetry(store, store.connections());
    m_settings.setWindowValue(kTelemetryColumnsKey, m_connectionModel->telemetryKeys());
}

void ServerWindow::showTelemetryColumnMenu(const QPoint& at)
{
    QHeaderView* header = connectionView()->horizontalHeader();
    const QStringList shown = m_connectionModel->telemetryKeys();
    QMenu menu(this);
    // The header's sections are the source model's columns (the proxy only sorts rows).
    const QString clicked = m_connectionModel->telemetryKeyAt(header->logicalIndexAt(at));
    if (!clicked.isEmpty()) {
        menu.addAction(tr("Remove column \"%1\"").arg(clicked), this, [this, clicked] {
            QStringList keys = m_connectionModel->telemetryKeys();
            keys.removeAll(clicked);
            setTelemetryColumns(keys);
        });
        menu.addSeparator();
    }
    // Every key a connection has sent, and those shown (a peer may have gone).
    const TelemetryStore& store = m_engine->fleet().telemetry();
    const auto now = std::chrono::steady_clock::now();
    QStringList known = shown;
    for (quint64 id : store.connections()) {
        for (const TelemetryRow& row : store.rows(id, now)) {
            if (!known.contains(row.key))
                known.append(row.key);
        }
    }
    std::sort(known.begin(), known.end());
    QMenu* columns = menu.addMenu(tr("Telemetry columns"));
    if (known.isEmpty())
        columns->addAction(tr("No telemetry received yet"))->setEnabled(false);
    for (const QString& key : std::as_const(known)) {
        QAction* action = columns->addAction(key);
        action->setCheckable(true);
        action->setChecked(shown.contains(key));
        connect(action, &QAction::toggled, this, [this, key](bool on) {
            QStringList keys = m_connectionModel->telemetryKeys();
            if (on)
                keys.append(key);
            else
                keys.removeAll(key);
            setTelemetryColumns(keys);
        });
    }
    menu.exec(header->viewport()->mapToGlobal(at));
}

} // namespace chorus
