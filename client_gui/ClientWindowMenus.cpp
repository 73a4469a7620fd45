// ClientWindow's menus (File, Edit, View, Connection, Settings, Help), apart
// from the window's wiring so that each file stays one responsibility.

#include "ByteViewChoice.h"
#include "ClientSettingsMenu.h"
#include "ClientStatusBar.h"
#include "ClientWindow.h"
#include "FindBar.h"
#include "HistoryDelegate.h"
#include "LanguageMenu.h"
#include "RecentSessionsMenu.h"
#include "SessionKeeper.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>

namespace chorus {

QAction* ClientWindow::rttChartAction() const
{
    return m_rttDock->toggleViewAction();
}

void ClientWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New window"), QKeySequence::New, this, [] {
        auto* window = new ClientWindow;
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
    });
    auto* recent = new RecentSessionsMenu(
        m_keeper->store(), [this] { saveKeptHistory(); }, file);
    file->addMenu(recent);
    connect(recent, &RecentSessionsMenu::openRequested, this, &ClientWindow::openSession);
    file->addSeparator();
    file->addAction(tr("Save history as &text…"), QKeySequence::Save, this,
                    [this] { promptSaveHistory(false); });
    file->addAction(tr("Save history as &JSON…"), this, [this] { promptSaveHistory(true); });
    file->addAction(tr("&Replay session…"), this, &ClientWindow::promptReplay)
        ->setStatusTip(tr("Send the sent messages of a session log again, with their timing"));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Copy selected entries"), this, &ClientWindow::copySelection);
    edit->addAction(tr("&Find…"), QKeySequence::Find, this, [this] {
        m_findBar->open();
        m_delegate->setHighlight(m_findBar->text());
    });
    edit->addAction(tr("Find &next"), QKeySequence::FindNext, this, [this] { find(true); });
    edit->addAction(tr("Find &previous"), QKeySequence::FindPrevious, this,
                    [this] { find(false); });
    edit->addSeparator();
    edit->addAction(tr("C&lear history (a new session)"), this, &ClientWindow::clearHistory);
    edit->addAction(tr("&Discard queued messages"), m_engine, &ClientEngine::discardQueue);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_viewChoice = new ByteViewChoice(view, this);
    m_statusBar->addPermanentWidget(m_viewChoice->comboBox());
    connect(m_viewChoice, &ByteViewChoice::viewChosen, this,
            [this](ByteView chosen) { changeSetting(ClientSetting::View, byteViewName(chosen)); });
    view->addSeparator();
    QAction* chart = m_rttDock->toggleViewAction();
    chart->setText(tr("&Round-trip chart"));
    chart->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    chart->setStatusTip(
        tr("The round trip of each of the last 500 replies, with min, median and p99"));
    view->addAction(chart);

    QMenu* connection = menuBar()->addMenu(tr("&Connection"));
    connection->addAction(tr("Connect / &Disconnect"), this, &ClientWindow::connectOrDisconnect);
    connection->addAction(tr("&Retry now"), QKeySequence(Qt::Key_F5), m_engine,
                          &ClientEngine::retryNow);
    connection->addAction(tr("&Ping"), m_engine, &ClientEngine::ping);
    m_udpAction = connection->addAction(tr("&UDP transport (at the next connect)"));
    m_udpAction->setObjectName(QStringLiteral("udpTransportAction"));
    m_udpAction->setCheckable(true);
    connect(m_udpAction, &QAction::toggled, this,
            [this](bool on) { changeSetting(ClientSetting::Udp, on); });

    m_settingsMenu = new ClientSettingsMenu(this);
    menuBar()->addMenu(m_settingsMenu);
    connect(m_settingsMenu, &ClientSettingsMenu::changeRequested, this,
            [this](ClientSetting setting, const QVariant& value) {
                changeSetting(setting, value);
                if (setting == ClientSetting::Protocol)
                    showStatus(tr("The protocol choice applies from the next connection"));
            });
    connect(m_settingsMenu, &ClientSettingsMenu::dialogRequested, this,
            &ClientWindow::openSettingsDialog);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addMenu(new LanguageMenu(m_settings.path(), this));
    help->addAction(tr("&About Chorus Client"), this, [this] {
        QMessageBox::about(this, tr("About Chorus Client"),
                           tr("<b>Chorus Client</b> %1<br>A chat-style TCP client for testing "
                              "servers and devices.")
                               .arg(QStringLiteral(CHORUS_VERSION)));
    });
}

} // namespace chorus
