#include "ClientWindow.h"

#include "ByteViewChoice.h"
#include "CertificateTrustDialog.h"
#include "ClientEventText.h"
#include "ClientSettingsDialog.h"
#include "ClientSettingsMenu.h"
#include "ClientStatusBar.h"
#include "ConnectionBar.h"
#include "ElidedLabel.h"
#include "FindBar.h"
#include "HistoryDelegate.h"
#include "HistoryModel.h"
#include "OlderEntriesBar.h"
#include "QuickSendBar.h"
#include "RepeatBar.h"
#include "RttChart.h"
#include "SendBox.h"
#include "SendRow.h"
#include "SessionKeeper.h"
#include "SessionView.h"
#include "UdpProbeLabel.h"
#include "base/Endpoint.h"
#include "client/ClientRepeatSender.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace chorus {

namespace {

constexpr std::chrono::milliseconds kFlushInterval{50};
// A flood goes into the history a few times a second, not twenty: each insert
// makes the list lay its rows out again.
constexpr std::chrono::milliseconds kBusyFlushInterval{250};
constexpr qsizetype kBusyBatch = 1000;
constexpr int kMaxRecentHosts = 10;
constexpr int kRttWindow = 100;
// Half of a 1366-pixel laptop screen, so the server window fits beside it.
constexpr QSize kDefaultSize{640, 700};

} // namespace

ClientWindow::ClientWindow(const ClientWindowOptions& options, QWidget* parent)
    : QMainWindow(parent), m_settings(options.settingsPath.isEmpty() ? ClientSettings::defaultPath()
                                                                     : options.settingsPath),
      m_overrides(options.overrides), m_engine(new ClientEngine(this)),
      m_repeat(new ClientRepeatSender(m_engine, this)), m_model(new HistoryModel(this)),
      m_keeper(new SessionKeeper(m_model,
                                 SessionStore(options.historyFolder.isEmpty()
                                                  ? SessionStore::defaultFolder()
                                                  : options.historyFolder),
                                 this)),
      m_flushTimer(new QTimer(this))
{
    setWindowIcon(QIcon(QStringLiteral(":/chorus/icons/chorus-client.svg")));
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(kFlushInterval);
    connect(m_flushTimer, &QTimer::timeout, this, &ClientWindow::flushPendingEvents);

    buildUi();
    buildMenus();
    loadSettings();

    connect(m_keeper, &SessionKeeper::saveFailed, this,
            [this](const FileResult& result) { reportSave(SavedFile::History, result); });
    connect(m_keeper, &SessionKeeper::saveRecovered, this,
            [this] { reportSave(SavedFile::History, m_keeper->lastResult()); });
    connect(m_engine, &ClientEngine::eventOccurred, this, &ClientWindow::onEvent);
    CertificateTrustDialog::attach(m_engine, this);
    connect(m_engine, &ClientEngine::stateChanged, this, [this] {
        m_bar->showEngine(*m_engine, m_engine->reconnectTimeLeft().count());
        updateTitle();
    });
    connect(m_engine, &ClientEngine::modeChanged, this,
            [this] { m_bar->showEngine(*m_engine, m_engine->reconnectTimeLeft().count()); });
    connect(m_engine, &ClientEngine::udpChannelChanged, this, [this](UdpChannelState state) {
        m_bar->showEngine(*m_engine, m_engine->reconnectTimeLeft().count());
        m_sendRow->setUdpChannelOpen(state == UdpChannelState::Bound);
    });
    connect(m_engine, &ClientEngine::reconnectCountdown, this,
            [this](qint64 msLeft) { m_bar->showEngine(*m_engine, msLeft); });
    connect(m_engine, &ClientEngine::knownChorusServerChanged, this,
            [this](const QString& key, bool known) {
                reportSave(SavedFile::Settings, m_settings.rememberChorusServer(key, known));
            });
    connect(m_engine, &ClientEngine::statsChanged, this, [this] {
        m_statsDirty = true;
        if (!m_flushTimer->isActive())
            m_flushTimer->start();
    });
    connect(m_repeatBar, &RepeatBar::stopped, this, &ClientWindow::showStatus);

    m_bar->showEngine(*m_engine, 0);
    updateStats();
    updateTitle();
    sendBox()->setFocus();
    if (options.connectNow)
        QTimer::singleShot(0, this, &ClientWindow::connectOrDisconnect);
    if (const QString replay = m_current.get(settingId(ClientSetting::Replay)).toString();
        !replay.isEmpty())
        replaySession(replay);
}

ClientWindow::~ClientWindow()
{
    // The name field loses focus while QWidget's destructor tears the children
    // down, and its editingFinished would reach this half-destroyed window.
    disconnect(m_bar->nameEdit(), nullptr, this, nullptr);
    // Likewise the scroll bar, whose range changes as the history view goes.
    disconnect(m_view->verticalScrollBar(), nullptr, this, nullptr);
}

SendBox* ClientWindow::sendBox() const
{
    return m_sendRow->box();
}

void ClientWindow::buildUi()
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);

    m_bar = new ConnectionBar;
    layout->addWidget(m_bar);
    connect(m_bar->connectButton(), &QPushButton::clicked, this,
            &ClientWindow::connectOrDisconnect);
    connect(m_bar->retryButton(), &QPushButton::clicked, m_engine, &ClientEngine::retryNow);
    connect(m_bar->hostCombo()->lineEdit(), &QLineEdit::returnPressed, this, [this] {
        if (m_engine->state() == ClientState::Disconnected)
            connectOrDisconnect();
    });
    connect(m_bar->autoReconnectBox(), &QCheckBox::toggled, this,
            [this](bool on) { changeSetting(ClientSetting::AutoReconnect, on); });
    connect(m_bar->nameEdit(), &QLineEdit::editingFinished, this, [this] {
        const QString name = m_bar->nameEdit()->text().trimmed();
        if (name == m_current.get(settingId(ClientSetting::Name)).toString())
            return;
        changeSetting(ClientSetting::Name, name);
        m_engine->rename(name);
    });
    connect(m_bar->pingButton(), &QPushButton::clicked, m_engine, &ClientEngine::ping);

    m_view = new QListView;
    m_olderBar = new OlderEntriesBar(m_model, m_keeper, m_view);
    layout->addWidget(m_olderBar);
    connect(m_olderBar, &OlderEntriesBar::loadFailed, this, [this](const FileResult& result) {
        showStatus(tr("Older entries could not be read back: %1").arg(result.describe()));
    });
    m_view->setModel(m_model);
    m_delegate = new HistoryDelegate(m_view);
    m_view->setItemDelegate(m_delegate);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setLayoutMode(QListView::Batched);
    m_view->setBatchSize(2000);
    m_view->setWordWrap(true);
    m_view->setFocusPolicy(Qt::ClickFocus);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    layout->addWidget(m_view, 1);
    followBottom();
    auto* copy = new QAction(tr("&Copy"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &ClientWindow::copySelection);
    m_view->addAction(copy);

    m_findBar = new FindBar;
    m_findBar->hide();
    layout->addWidget(m_findBar);
    connect(m_findBar, &FindBar::textChanged, this, [this](const QString& text) {
        m_delegate->setHighlight(text);
        find(true);
    });
    connect(m_findBar, &FindBar::findRequested, this, &ClientWindow::find);
    connect(m_findBar, &FindBar::closed, this, [this] {
        m_delegate->setHighlight({});
        sendBox()->setFocus();
    });

    m_quickBar = new QuickSendBar;
    m_quickBar->setObjectName(QStringLiteral("quickSend"));
    layout->addWidget(m_quickBar);
    connect(
        m_quickBar, &QuickSendBar::fileProblem, this,
        [this](const QuickMessagesResult& result) { showStatus(QuickSendBar::describe(result)); });
    connect(m_quickBar, &QuickSendBar::sendRequested, this, &ClientWindow::sendQuick);
    if (const QuickMessagesResult loaded =
            m_quickBar->load(QuickMessagesFile::defaultPath(QStringLiteral("chorus-client")));
        !loaded.ok())
        showStatus(QuickSendBar::describe(loaded));
    m_sendRow = new SendRow;
    layout->addWidget(m_sendRow);
    connect(m_sendRow, &SendRow::sendRequested, this, &ClientWindow::sendTyped);
    connect(m_sendRow, &SendRow::modeChosen, this, [this](ByteInput mode) {
        changeSetting(ClientSetting::SendMode, byteInputName(mode));
    });

    m_repeatBar = new RepeatBar(m_repeat);
    layout->addWidget(m_repeatBar);
    connect(m_repeatBar->startButton(), &QPushButton::clicked, this, &ClientWindow::toggleRepeat);

    setCentralWidget(central);
    // The round-trip chart is a dock: resizable, movable, hidden from the View
    // menu; its place is in saveState(), kept with the settings.
    m_rttDock = new QDockWidget(tr("Round trips"), this);
    m_rttDock->setObjectName(QStringLiteral("rttDock"));
    m_rttChart = new RttChart(m_rttDock);
    m_rttDock->setWidget(m_rttChart);
    addDockWidget(Qt::BottomDockWidgetArea, m_rttDock);
    m_rttDock->hide(); // until the user shows it
    m_statusBar = new ClientStatusBar;
    setStatusBar(m_statusBar);
    m_udpProbe = new UdpProbeLabel;
    m_statusBar->addWidget(m_udpProbe, 1);
    resize(kDefaultSize);
}

void ClientWindow::openSettingsDialog()
{
    ClientSettingsDialog dialog(m_current, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const SettingValues values = dialog.values();
    for (int id : ClientSettingsDialog::rows() + ClientSettingsDialog::simulateRows()) {
        if (values.has(id))
            setSetting(ClientSetting(id), values.get(id));
    }
    applySettings();
    saveSettings();
}

void ClientWindow::loadSettings()
{
    QList<SettingProblem> problems;
    const FileResult loaded = m_settings.load(&problems);
    if (!loaded.ok())
        addWindowEntry(tr("The settings were not read (defaults apply): %1").arg(loaded.describe()),
                       true);
    for (const SettingProblem& problem : problems)
        addWindowEntry(tr("A saved setting was refused (its default applies): %1")
                           .arg(ClientSettings::table().describe(problem)),
                       true);
    m_current = ClientSettings::effective(m_settings.saved(), m_overrides);
    m_bar->hostCombo()->addItems(m_settings.recentHosts());
    m_bar->hostCombo()->setCurrentText(m_current.get(settingId(ClientSetting::Host)).toString());
    m_bar->portSpin()->setValue(int(m_current.get(settingId(ClientSetting::Port)).toLongLong()));
    m_bar->nameEdit()->setText(m_current.get(settingId(ClientSetting::Name)).toString());
    sendBox()->setRecallHistory(m_settings.sendHistory());
    sendBox()->setMode(ClientSettings::sendModeOf(m_current));
    restoreGeometry(m_settings.geometry());
    restoreState(m_settings.windowState());
    applySettings();
}

void ClientWindow::setSetting(ClientSetting setting, const QVariant& value)
{
    const std::optional<QVariant> checked = ClientSettings::check(setting, value);
    if (!checked)
        return;
    m_current.set(settingId(setting), *checked);
    m_overrides.clear(settingId(setting)); // the user's choice replaces this run's option
    m_settings.setValue(setting, *checked);
}

void ClientWindow::changeSetting(ClientSetting setting, const QVariant& value)
{
    setSetting(setting, value);
    applySettings();
    saveSettings();
}

void ClientWindow::applySettings()
{
    auto value = [this](ClientSetting setting) { return m_current.get(settingId(setting)); };
    ClientConfig config = ClientSettings::toConfig(m_current, m_engine->config());
    if (m_engine->state() != ClientState::Disconnected) {
        // Host and port change only with the next connect.
        config.host = m_engine->config().host;
        config.port = m_engine->config().port;
        config.transport = m_engine->config().transport;
    }
    m_engine->setConfig(config);
    const QSignalBlocker block(m_bar->autoReconnectBox());
    m_bar->autoReconnectBox()->setChecked(value(ClientSetting::AutoReconnect).toBool());
    m_settingsMenu->showValues(m_current);
    {
        const QSignalBlocker blockUdp(m_udpAction);
        m_udpAction->setChecked(value(ClientSetting::Udp).toBool());
    }
    m_viewChoice->setView(ClientSettings::viewOf(m_current));
    m_model->setByteView(ClientSettings::viewOf(m_current));
    m_keeper->setEnabled(value(ClientSetting::KeepHistory).toBool());
    m_model->setMaxEntries(int(value(ClientSetting::HistoryLimit).toLongLong()));
    m_olderBar->refresh();
    applySessionLog();
    applySimulation();
}

FileResult ClientWindow::saveSettings()
{
    QStringList recent;
    for (int i = 0; i < m_bar->hostCombo()->count(); ++i)
        recent << m_bar->hostCombo()->itemText(i);
    m_settings.setRecentHosts(recent);
    m_settings.setSendHistory(sendBox()->recallHistory());
    const FileResult result = m_settings.save();
    reportSave(SavedFile::Settings, result);
    return result;
}

FileResult ClientWindow::saveKeptHistory()
{
    flushPendingEvents();
    return m_keeper->saveNow(); // failures and recoveries arrive by the keeper's signals
}

FileError ClientWindow::saveError(SavedFile file) const
{
    return (file == SavedFile::Settings ? m_settingsSave : m_historySave).error;
}

QString ClientWindow::sessionPath() const
{
    return m_keeper->sessionPath();
}

void ClientWindow::reportSave(SavedFile file, const FileResult& result)
{
    FileResult& last = file == SavedFile::Settings ? m_settingsSave : m_historySave;
    const bool wasFailing = !last.ok();
    last = result;
    if (result.ok() == !wasFailing)
        return; // said once, when it started failing, and once when it works again
    const QString what = file == SavedFile::Settings ? tr("settings") : tr("session history");
    const QString text =
        result.ok()
            ? tr("The %1 are saved again (%2)").arg(what, QDir::toNativeSeparators(result.path))
            : tr("The %1 could not be saved; the file on disk is unchanged. %2")
                  .arg(what, result.describe());
    addWindowEntry(text, !result.ok());
    showStatus(text);
}

void ClientWindow::addWindowEntry(const QString& text, bool error)
{
    flushPendingEvents();
    HistoryEntry entry;
    entry.kind = error ? HistoryEntry::Kind::Error : HistoryEntry::Kind::Notice;
    entry.timeMs = QDateTime::currentMSecsSinceEpoch();
    entry.text = text;
    m_model->append(entry);
    m_view->scrollToBottom();
}

void ClientWindow::showStatus(const QString& text)
{
    m_statusBar->showText(text);
}

void ClientWindow::connectOrDisconnect()
{
    if (m_engine->state() != ClientState::Disconnected) {
        m_engine->disconnectFromServer();
        return;
    }
    const QString host = m_bar->host();
    if (host.isEmpty()) {
        showStatus(tr("Enter the server's host name or address"));
        m_bar->hostCombo()->setFocus();
        return;
    }
    const auto port = quint16(m_bar->portSpin()->value());
    m_bar->rememberHost(host, kMaxRecentHosts);
    setSetting(ClientSetting::Host, host);
    setSetting(ClientSetting::Port, port);
    flushPendingEvents();
    // This window's conversation with another server is another session.
    if (m_keeper->isOtherServer(host, port))
        m_keeper->startNewSession(host, port);
    applySettings();
    m_engine->setKnownChorusServers(m_settings.knownChorusServers());
    updateTitle();
    saveSettings();
    m_engine->connectToServer();
}

void ClientWindow::sendTyped()
{
    const QString text = sendBox()->toPlainText();
    if (text.trimmed().isEmpty())
        return; // a stray Enter (a space is sent as \x20)
    QString why;
    const std::optional<QList<QByteArray>> messages = m_sendRow->takeMessages(&why);
    if (!messages) {
        showStatus(tr("Not sent: %1").arg(why)); // nothing went out; the text stays
        return;
    }
    if (messages->isEmpty())
        return;
    SendResult result;
    if (m_sendRow->sendsOverUdp()) {
        // One datagram each; the first refusal stops the rest (it is in the history).
        for (const QByteArray& message : *messages) {
            result = m_engine->sendOverUdpChannel(message);
            if (result.status == SendStatus::Refused)
                return;
        }
    } else {
        result = m_engine->send(*messages);
    }
    if (result.status == SendStatus::Refused)
        return; // the text stays in the box; the reason is in the history and status bar
    sendBox()->remember(text, sendBox()->mode());
    sendBox()->clear();
    if (result.status == SendStatus::Queued)
        showStatus(tr("Not connected: %n message(s) queued; they go out when the connection is "
                      "back",
                      nullptr, int(m_engine->queuedCount())));
}

void ClientWindow::sendQuick(const QByteArray& bytes)
{
    // Exactly the saved bytes, as one message; a refusal is in the history.
    const SendResult result = m_engine->send(bytes);
    if (result.status == SendStatus::Queued)
        showStatus(tr("Not connected: %n message(s) queued; they go out when the connection is "
                      "back",
                      nullptr, int(m_engine->queuedCount())));
}

void ClientWindow::toggleRepeat()
{
    if (m_repeatBar->isRunning()) {
        m_repeatBar->stop();
        return;
    }
    QString why;
    if (const std::optional<QList<QByteArray>> messages = m_sendRow->takeMessages(&why))
        m_repeatBar->start(*messages);
    else
        showStatus(tr("Repeat not started: %1").arg(why));
}

void ClientWindow::onEvent(const ClientEvent& event)
{
    if (event.kind == ClientEvent::Kind::Received && event.rttMs) {
        m_recentRtts.push_back(*event.rttMs);
        if (m_recentRtts.size() > kRttWindow)
            m_recentRtts.pop_front();
        m_rttChart->addRtt(*event.rttMs);
    }
    if (event.kind == ClientEvent::Kind::Error || event.kind == ClientEvent::Kind::Refused)
        showStatus(ClientEventText::describe(event));
    m_pendingEvents.append(event);
    m_statsDirty = true;
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void ClientWindow::flushPendingEvents()
{
    m_flushTimer->stop();
    if (!m_pendingEvents.isEmpty()) {
        const QList<ClientEvent> events = std::exchange(m_pendingEvents, {});
        m_flushTimer->setInterval(events.size() >= kBusyBatch ? kBusyFlushInterval
                                                              : kFlushInterval);
        m_pendingEvents.reserve(events.size()); // the next batch is likely as big
        m_model->applyEvents(events);           // followed by followBottom()
        m_keeper->markChanged();
    }
    if (m_statsDirty)
        updateStats();
}

void ClientWindow::followBottom()
{
    // A history read at its end stays at its end whatever changes its height:
    // new entries, a view switch, a scroll bar that appears and narrows the rows.
    QScrollBar* bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_atBottom = value >= bar->maximum() - 4; });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
        if (m_atBottom)
            bar->setValue(maximum);
    });
}

void ClientWindow::updateStats()
{
    m_statsDirty = false;
    m_statusBar->showStats(m_engine->stats(), m_recentRtts, m_engine->queuedCount());
    m_udpProbe->showProbe(m_engine->udpProbe());
}

void ClientWindow::updateTitle()
{
    setWindowTitle(tr("Chorus Client — %1")
                       .arg(endpointText(m_bar->host(), quint16(m_bar->portSpin()->value()))));
}

void ClientWindow::copySelection()
{
    QList<int> rows;
    for (const QModelIndex& index : m_view->selectionModel()->selectedIndexes())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    if (rows.isEmpty())
        return;
    QApplication::clipboard()->setText(m_model->toPlainText(rows));
    showStatus(tr("%n entries copied", nullptr, int(rows.size())));
}

void ClientWindow::clearHistory()
{
    flushPendingEvents();
    if (m_keeper->hasServer()) {
        const ClientConfig& config = m_engine->config();
        m_keeper->startNewSession(config.host, config.port); // the old one stays in its file
    } else {
        m_model->clear();
    }
}

void ClientWindow::find(bool forward)
{
    flushPendingEvents();
    const QString text = m_findBar->text();
    if (text.isEmpty()) {
        m_findBar->setStatus({});
        return;
    }
    const QModelIndex current = m_view->currentIndex();
    const int from = current.isValid() ? current.row() : (forward ? -1 : m_model->count());
    const int row = m_model->find(text, from, forward);
    if (row < 0) {
        m_findBar->setStatus(tr("Not found"));
        return;
    }
    m_findBar->setStatus(tr("Entry %1 of %2").arg(row + 1).arg(m_model->count()));
    const QModelIndex index = m_model->index(row);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

SessionView* ClientWindow::openSession(const QString& path)
{
    auto* view = new SessionView(path, this);
    view->setByteView(m_model->byteView());
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->show();
    if (!view->loadResult().ok())
        showStatus(view->loadResult().describe());
    return view;
}

FileResult ClientWindow::saveHistoryAs(const QString& path, bool json)
{
    flushPendingEvents();
    return json ? m_model->saveJson(path) : m_model->saveText(path);
}

void ClientWindow::promptSaveHistory(bool json)
{
    const QString suggested =
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
        (json ? QStringLiteral("/chorus-history.json") : QStringLiteral("/chorus-history.txt"));
    const QString path = QFileDialog::getSaveFileName(
        this, json ? tr("Save history as JSON") : tr("Save history as text"), suggested,
        json ? tr("JSON (*.json)") : tr("Text (*.txt)"));
    if (path.isEmpty())
        return;
    const FileResult result = saveHistoryAs(path, json);
    if (!result.ok())
        QMessageBox::warning(this, tr("Save history"), result.describe());
    else
        showStatus(tr("History saved to %1").arg(QDir::toNativeSeparators(path)));
}

void ClientWindow::closeEvent(QCloseEvent* event)
{
    m_repeat->stop();
    saveKeptHistory();
    m_settings.setGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace chorus
