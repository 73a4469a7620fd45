// ServerWindow's chrome: the accessors tests and scripts use, the menus (View
// included: Text, Hex or Mixed for the whole window, saved) and the status bar
// with its counters. ServerWindow.cpp holds the window's life and settings.

#include "ServerWindow.h"

#include "ByteLineEdit.h"
#include "ConnectionPane.h"
#include "ConnectionTableModel.h"
#include "ElidedLabel.h"
#include "FramingChoice.h"
#include "LanguageMenu.h"
#include "ListenBar.h"
#include "LogPane.h"
#include "ReplyBookEditor.h"
#include "RulesPane.h"
#include "SessionLogControls.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace chorus {

namespace {
const QString kViewKey = QStringLiteral("window/view");
} // namespace

QTableView* ServerWindow::connectionView() const
{
    return m_connectionPane->view();
}
QPushButton* ServerWindow::startStopButton() const
{
    return m_listenBar->startStopButton();
}
QComboBox* ServerWindow::addressCombo() const
{
    return m_listenBar->addressCombo();
}
QSpinBox* ServerWindow::portSpin() const
{
    return m_listenBar->portSpin();
}
FramingChoice* ServerWindow::framingCombo() const
{
    return m_listenBar->framingCombo();
}
ElidedLabel* ServerWindow::stateLabel() const
{
    return m_listenBar->stateLabel();
}
ByteLineEdit* ServerWindow::broadcastEdit() const
{
    return m_connectionPane->broadcastEdit();
}
QPushButton* ServerWindow::sendToAllButton() const
{
    return m_connectionPane->sendToAllButton();
}
QPushButton* ServerWindow::sendToSelectedButton() const
{
    return m_connectionPane->sendToSelectedButton();
}
QAction* ServerWindow::disconnectAction() const
{
    return m_connectionPane->disconnectAction();
}
QAction* ServerWindow::sendMessageAction() const
{
    return m_connectionPane->sendMessageAction();
}
QAction* ServerWindow::copyAddressAction() const
{
    return m_connectionPane->copyAddressAction();
}
QAction* ServerWindow::framingAction() const
{
    return m_connectionPane->framingAction();
}
QAction* ServerWindow::trafficChartAction() const
{
    return m_trafficDock->toggleViewAction();
}

QAction* ServerWindow::viewAction(ByteView view) const
{
    return m_viewActions.value(int(view));
}
QList<quint64> ServerWindow::selectedConnectionIds() const
{
    return m_connectionPane->selectedIds();
}

void ServerWindow::buildStatusBar()
{
    m_settingsProblemLabel = new ElidedLabel(this);
    m_settingsProblemLabel->setObjectName(QStringLiteral("settingsProblem"));
    m_settingsProblemLabel->setStyleSheet(QStringLiteral("color: #c02020; font-weight: bold;"));
    m_settingsProblemLabel->hide();
    statusBar()->addWidget(m_settingsProblemLabel, 1);
    m_activeLabel = new QLabel(this);
    m_activeLabel->setObjectName(QStringLiteral("activeLabel"));
    m_acceptedLabel = new QLabel(this);
    m_rateLabel = new QLabel(this);
    m_rateLabel->setToolTip(tr("Messages per second over the last 5 seconds"));
    m_unansweredLabel = new QLabel(this);
    m_fileLimitLabel = new QLabel(this);
    m_fileLimitLabel->setObjectName(QStringLiteral("fileLimitLabel"));
    m_fileLimitLabel->setToolTip(
        tr("Each connection needs one file descriptor; this is the most the process may hold."));
    m_blockedLabel = new QLabel(this);
    m_blockedLabel->setToolTip(tr("Addresses kept out by Disconnect and block; see Server → "
                                  "Blocked addresses…"));
    m_blockedLabel->hide();
    for (QLabel* label : {m_activeLabel, m_acceptedLabel, m_rateLabel, m_unansweredLabel,
                          m_blockedLabel, m_fileLimitLabel})
        statusBar()->addPermanentWidget(label);
}

void ServerWindow::buildMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    // The session log's export and resume (found by findChild in tests).
    auto* sessionLog = new SessionLogControls(m_engine, this);
    connect(sessionLog, &SessionLogControls::logLine, this,
            [this](LogLevel level, const QString& text) {
                addLocalLog(level, level == LogLevel::Info ? LogKind::Notice : LogKind::Error,
                            text);
            });
    fileMenu->addAction(sessionLog->exportAction());
    fileMenu->addAction(sessionLog->resumeAction());
    fileMenu->addSeparator();
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* serverMenu = menuBar()->addMenu(tr("&Server"));
    m_settingsAction =
        serverMenu->addAction(tr("&Settings…"), this, &ServerWindow::editEngineSettings);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_blockListAction =
        serverMenu->addAction(tr("&Blocked addresses…"), this, &ServerWindow::showBlockList);
    // The Rules tab's own actions, where a narrow tab may hide them behind »
    QMenu* rulesMenu = serverMenu->addMenu(tr("&Rules"));
    rulesMenu->addAction(m_rulesPane->addAction());
    rulesMenu->addAction(m_rulesPane->replySetsAction());
    rulesMenu->addSeparator();
    rulesMenu->addAction(m_rulesPane->importAction());
    rulesMenu->addAction(m_rulesPane->exportAction());

    // One choice for the whole window: the table's Last message and the log.
    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    auto* views = new QActionGroup(this);
    const struct
    {
        ByteView view;
        QString text;
        QString tip;
    } choices[] = {
        {ByteView::Text, tr("&Text"),
         tr("UTF-8 text; other bytes and control characters as escapes (\\x01, \\r, \\0) "
            "in their own colour")},
        {ByteView::Hex, tr("&Hex"), tr("Every byte as two hex digits: 01 02 FF")},
        {ByteView::Mixed, tr("&Mixed"),
         tr("A hex dump with offsets and printable ASCII, like a hex editor")},
    };
    int key = Qt::Key_1;
    for (const auto& choice : choices) {
        QAction* action = viewMenu->addAction(choice.text);
        action->setCheckable(true);
        action->setToolTip(choice.tip);
        action->setStatusTip(choice.tip);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(key++)));
        action->setActionGroup(views);
        const ByteView view = choice.view;
        connect(action, &QAction::triggered, this, [this, view] {
            setByteView(view);
            m_settings.setWindowValue(kViewKey, byteViewName(view));
        });
        m_viewActions.append(action);
    }
    m_viewActions.first()->setChecked(true);
    viewMenu->addSeparator();
    QAction* chart = m_trafficDock->toggleViewAction();
    chart->setText(tr("Traffic &chart"));
    chart->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    chart->setStatusTip(
        tr("Messages per second in and out and active connections, last 5 minutes"));
    viewMenu->addAction(chart);

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addMenu(new LanguageMenu(m_settings.path(), this));
    helpMenu->addAction(tr("&About Chorus Server"), this, [this] {
        QMessageBox::about(this, tr("About Chorus Server"),
                           tr("<b>Chorus Server</b> %1<br>A multi-client TCP server that answers "
                              "every message from an editable reply book.<br>Wire format: "
                              "docs/PROTOCOL.md.")
                               .arg(QStringLiteral(CHORUS_VERSION)));
    });
}

void ServerWindow::restoreByteView()
{
    // --view holds for this run; otherwise the view chosen last time.
    setByteView(m_options.view.value_or(
        byteViewFromName(m_settings.windowValue(kViewKey).toString()).value_or(ByteView::Text)));
}

void ServerWindow::setByteView(ByteView view)
{
    m_view = view;
    if (QAction* action = viewAction(view))
        action->setChecked(true);
    m_connectionModel->setByteView(view);
    m_logPane->setByteView(view);
}

void ServerWindow::onCounters(const ServerCounters& counters)
{
    // TCP connections (the engine's count) and UDP peers (rows of the table),
    // each named once UDP is in play.
    const int udpPeers = m_connectionModel->udpPeerCount();
    m_activeLabel->setProperty("tcpActive", quint64(counters.active));
    m_activeLabel->setProperty("udpActive", udpPeers);
    m_activeLabel->setText(udpPeers > 0 || m_engine->udpPort() != 0
                               ? tr("Active: TCP %1 · UDP %2").arg(counters.active).arg(udpPeers)
                               : tr("Active: %1").arg(counters.active));
    QString accepted = tr("Accepted: %1").arg(counters.totalAccepted);
    if (counters.rejectedFull > 0)
        accepted += QLatin1Char(' ') + tr("(refused, server full: %1)").arg(counters.rejectedFull);
    if (counters.rejectedBlocked > 0)
        accepted += QLatin1Char(' ') + tr("(refused, blocked: %1)").arg(counters.rejectedBlocked);
    if (counters.rejectedAccess > 0)
        accepted +=
            QLatin1Char(' ') + tr("(refused by access rules: %1)").arg(counters.rejectedAccess);
    m_acceptedLabel->setText(accepted);
    m_rateLabel->setText(tr("In: %1/s  Out: %2/s")
                             .arg(counters.messagesInPerSecond, 0, 'f', 1)
                             .arg(counters.messagesOutPerSecond, 0, 'f', 1));
    m_unansweredLabel->setText(tr("Unanswered: %1").arg(counters.unanswered));
    if (counters.openFileLimit > 0)
        m_openFileLimit = counters.openFileLimit;
    m_fileLimitLabel->setText(tr("Open-file limit: %1").arg(m_openFileLimit));
    m_replyEditor->setUnansweredCount(counters.unanswered);
}

} // namespace chorus
