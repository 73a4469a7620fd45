// ServerWindow: commands and telemetry (issue 13): the Commands and
// Telemetry docks, the Commands menu, the presets file. Kept apart so the
// window's own file only names it.

#include "CommandPresetsDialog.h"
#include "CommandTableModel.h"
#include "CommandsPane.h"
#include "ConnectionPane.h"
#include "SendCommandDialog.h"
#include "ServerWindow.h"
#include "TelemetryPanel.h"

#include "command/CommandPresetFile.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>

namespace chorus {

QString ServerWindow::commandPresetsPath() const
{
    return m_paths.commands.isEmpty()
               ? QFileInfo(m_paths.replyBook).dir().filePath(QStringLiteral("commands.json"))
               : m_paths.commands;
}

void ServerWindow::wireCommands()
{
    Fleet& fleet = m_engine->fleet();
    m_commandsPane = new CommandsPane(this);
    m_commandsDock = new QDockWidget(tr("Commands"), this);
    m_commandsDock->setObjectName(QStringLiteral("commandsDock"));
    m_commandsDock->setWidget(m_commandsPane);
    addDockWidget(Qt::BottomDockWidgetArea, m_commandsDock);

    m_telemetryPanel = new TelemetryPanel(&fleet, this);
    m_telemetryDock = new QDockWidget(tr("Telemetry"), this);
    m_telemetryDock->setObjectName(QStringLiteral("telemetryDock"));
    m_telemetryDock->setWidget(m_telemetryPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_telemetryDock);
    // Tabbed, not side by side: the window keeps its width beside the client.
    tabifyDockWidget(m_commandsDock, m_telemetryDock);
    // The traffic chart too: beside them it got a strip of about 100 px, too narrow
    // for its legend. Shown, its tab comes to the front.
    tabifyDockWidget(m_commandsDock, m_trafficDock);
    // (triggered: the dock's own handler, connected first, has shown it by then)
    connect(m_trafficDock->toggleViewAction(), &QAction::triggered, m_trafficDock,
            [this](bool shown) {
                if (shown)
                    m_trafficDock->raise();
            });
    m_commandsDock->raise();
    // A strip under the log, not half the window: the connection table keeps its rows.
    resizeDocks({m_commandsDock}, {220}, Qt::Vertical);

    connect(&fleet, &Fleet::commandsChanged, m_commandsPane->model(),
            &CommandTableModel::applyRecords);
    connect(&fleet, &Fleet::telemetryChanged, m_telemetryPanel,
            &TelemetryPanel::onTelemetryChanged);
    wireTelemetryColumns();
    connect(m_connectionPane, &ConnectionPane::selectionChanged, this,
            [this](const QList<quint64>& ids) {
                const quint64 first = ids.isEmpty() ? 0 : ids.first();
                m_telemetryPanel->showConnection(first);
                m_commandsPane->setSelectedConnection(first);
            });

    m_sendCommandAction = new QAction(tr("Send &command…"), this);
    m_sendCommandAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_sendCommandAction->setStatusTip(
        tr("Send a command preset to the selected connections or to all"));
    connect(m_sendCommandAction, &QAction::triggered, this, &ServerWindow::showSendCommand);
    m_commandPresetsAction = new QAction(tr("Command &presets…"), this);
    connect(m_commandPresetsAction, &QAction::triggered, this, &ServerWindow::editCommandPresets);
    connect(m_commandsPane->sendButton(), &QPushButton::clicked, m_sendCommandAction,
            &QAction::trigger);
    connect(m_commandsPane->presetsButton(), &QPushButton::clicked, m_commandPresetsAction,
            &QAction::trigger);
    connectionView()->addAction(m_sendCommandAction);

    // Before Help, which stays last.
    auto* menu = new QMenu(tr("&Commands"), this);
    const QList<QAction*> menus = menuBar()->actions();
    menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), menu);
    menu->addAction(m_sendCommandAction);
    menu->addAction(m_commandPresetsAction);
    menu->addSeparator();
    QAction* showCommands = m_commandsDock->toggleViewAction();
    showCommands->setText(tr("Commands &pane"));
    menu->addAction(showCommands);
    QAction* showTelemetry = m_telemetryDock->toggleViewAction();
    showTelemetry->setText(tr("&Telemetry panel"));
    menu->addAction(showTelemetry);

    // The presets: the saved file, else the defaults. A file that cannot be
    // read is reported and left as it is (the defaults apply for this run).
    QList<CommandPreset> presets;
    const PresetFileResult loaded = loadCommandPresets(commandPresetsPath(), &presets);
    if (loaded.ok()) {
        m_commandPresets = presets;
    } else {
        m_commandPresets = defaultCommandPresets();
        if (loaded.file.error != FileError::NotFound)
            addLocalLog(LogLevel::Warning, LogKind::Error,
                        loaded.file.ok()
                            ? tr("Command presets %1 not read (%2): the defaults apply")
                                  .arg(commandPresetsPath(), loaded.formatReason)
                            : tr("Command presets not read: %1").arg(loaded.file.describe()),
                        loaded.file.ok() ? LogError() : LogError(loaded.file.error));
    }
}

FileResult ServerWindow::setCommandPresets(const QList<CommandPreset>& presets)
{
    m_commandPresets = presets;
    const PresetFileResult saved = saveCommandPresets(commandPresetsPath(), presets);
    if (!saved.file.ok()) {
        addLocalLog(LogLevel::Error, LogKind::Error,
                    tr("Command presets not saved: %1").arg(saved.file.describe()),
                    saved.file.error);
        statusBar()->showMessage(tr("Command presets not saved: %1").arg(saved.file.describe()),
                                 10000);
    }
    return saved.file;
}

void ServerWindow::showSendCommand()
{
    const QList<quint64> ids = selectedConnectionIds();
    auto* dialog = new SendCommandDialog(m_commandPresets, int(ids.size()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, ids] {
        m_engine->sendCommand(dialog->toAll() ? QList<quint64>() : ids, dialog->request());
        m_commandsDock->show();
    });
    dialog->open();
}

void ServerWindow::editCommandPresets()
{
    auto* dialog = new CommandPresetsDialog(m_commandPresets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { setCommandPresets(dialog->presets()); });
    dialog->open();
}

} // namespace chorus
