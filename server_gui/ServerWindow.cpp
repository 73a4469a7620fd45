#include "ServerWindow.h"

#include "BlockListDialog.h"
#include "BookAtStart.h"
#include "ConnectionPane.h"
#include "ConnectionTableModel.h"
#include "ElidedLabel.h"
#include "LanguageMenu.h"
#include "ListenBar.h"
#include "LogPane.h"
#include "ProblemText.h"
#include "ReplyBookEditor.h"
#include "RulesPane.h"
#include "ServerSettingsDialog.h"
#include "TrafficChart.h"
#include "base/Endpoint.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <chrono>

namespace chorus {

namespace {

// Closing while listening waits for the engine's clean stop, but not forever.
constexpr std::chrono::seconds kCloseStopDeadline{5};
// Fits beside a client window on a 1366x768 laptop screen.
constexpr QSize kDefaultSize{720, 700};

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kMainSplitterKey = QStringLiteral("window/mainSplitter");
const QString kBottomSplitterKey = QStringLiteral("window/bottomSplitter");
const QString kTableHeaderKey = QStringLiteral("window/tableHeader");

} // namespace

ServerFilePaths ServerFilePaths::standard()
{
    return ServerFilePaths{ServerSettings::defaultPath(), defaultReplyBookPath()};
}

ServerWindow::ServerWindow(const ServerCommandLineOptions& options, const ServerFilePaths& paths,
                           QWidget* parent)
    : QMainWindow(parent), m_options(options), m_paths(paths), m_settings(paths.settings),
      m_book(std::make_shared<ReplyBook>()), m_engine(new ServerEngine(m_book, this)),
      m_connectionModel(new ConnectionTableModel(this)),
      m_confirmDropping(!QStandardPaths::isTestModeEnabled())
{
    setWindowTitle(tr("Chorus Server"));
    setWindowIcon(QIcon(QStringLiteral(":/chorus/icons/chorus-server.svg")));

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    m_listenBar = new ListenBar(central);
    layout->addWidget(m_listenBar);

    m_connectionPane = new ConnectionPane(m_engine, m_connectionModel, this);
    m_replyEditor = new ReplyBookEditor(m_book, this);
    m_logPane = new LogPane(this);
    m_logPane->setConnectionModel(m_connectionModel);
    m_bottomSplitter = new QSplitter(Qt::Horizontal, this);
    m_bottomSplitter->setObjectName(QStringLiteral("bottomSplitter"));
    m_rulesPane = new RulesPane(m_engine->ruleBook(), m_book, this);
    auto* answers = new QTabWidget(this); // rules beside the book: the window keeps its size
    answers->addTab(m_replyEditor, tr("Reply book"));
    answers->addTab(m_rulesPane, tr("Rules"));
    m_bottomSplitter->addWidget(answers);
    m_bottomSplitter->addWidget(m_logPane);
    m_bottomSplitter->setChildrenCollapsible(false);
    // Halves: the reply book's and rules' bars need the room more than the log's lines do.

    m_mainSplitter = new QSplitter(Qt::Vertical, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(m_connectionPane);
    m_mainSplitter->addWidget(m_bottomSplitter);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 2);
    layout->addWidget(m_mainSplitter, 1);
    setCentralWidget(central);
    // The traffic chart is a dock: resizable, movable, hidden from the View
    // menu, and its place is in saveState() with the rest of the layout.
    m_trafficDock = new QDockWidget(tr("Traffic"), this);
    m_trafficDock->setObjectName(QStringLiteral("trafficDock"));
    m_trafficChart = new TrafficChart(m_trafficDock);
    m_trafficDock->setWidget(m_trafficChart);
    addDockWidget(Qt::BottomDockWidgetArea, m_trafficDock);
    m_trafficDock->hide(); // until the user shows it
    buildStatusBar();
    buildMenus();

    connect(m_engine, &ServerEngine::listening, this, &ServerWindow::onListening);
    connect(m_engine, &ServerEngine::startFailed, this, &ServerWindow::onStartFailed);
    connect(m_engine, &ServerEngine::stopped, this, &ServerWindow::onStopped);
    connect(m_engine, &ServerEngine::connectionsUpdated, m_connectionModel,
            &ConnectionTableModel::applyBatch);
    connect(m_engine, &ServerEngine::logBatch, m_logPane, &LogPane::appendEntries);
    connect(m_engine, &ServerEngine::countersUpdated, this, &ServerWindow::onCounters);
    connect(m_engine, &ServerEngine::countersUpdated, m_trafficChart, &TrafficChart::addCounters);
    connect(m_engine, &ServerEngine::blockListChanged, this,
            [this](const QList<BlockedAddress>& blocked) {
                m_blockedLabel->setText(tr("Blocked: %1").arg(blocked.size()));
                m_blockedLabel->setVisible(!blocked.isEmpty());
            });
    connect(m_connectionPane, &ConnectionPane::problem, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    connect(m_connectionPane, &ConnectionPane::selectionChanged, this,
            [this](const QList<quint64>& ids) {
                m_logPane->setSelectedConnections(QSet<quint64>(ids.cbegin(), ids.cend()));
            });
    connect(m_replyEditor, &ReplyBookEditor::problemShown, this,
            [this](ReplyBookEditor::Problem problem, const QString& text,
                   const BookFileResult& result) {
                const bool lost = problem == ReplyBookEditor::Problem::SaveFailed ||
                                  problem == ReplyBookEditor::Problem::OwnBookUnreadable;
                addLocalLog(lost ? LogLevel::Error : LogLevel::Warning, LogKind::Error, text,
                            result.file.ok() ? LogError(result.format)
                                             : LogError(result.file.error));
            });
    connect(m_listenBar, &ListenBar::startStopClicked, this, [this] {
        if (m_state == State::Listening)
            stopListening();
        else if (m_state == State::Stopped)
            startListening();
    });
    connect(m_listenBar, &ListenBar::addressChosen, this,
            [this](const QString& text) { chooseSetting(ServerSetting::Listen, text); });
    connect(m_listenBar, &ListenBar::portChosen, this,
            [this](int port) { chooseSetting(ServerSetting::Port, qint64(port)); });
    connect(m_listenBar, &ListenBar::udpChosen, this,
            [this](bool on) { chooseSetting(ServerSetting::Udp, on); });
    connect(m_listenBar, &ListenBar::framingChosen, this, [this](const QString& text) {
        chooseSetting(ServerSetting::Framing, text);
        // Framing applies to new connections at once, no restart needed.
        if (m_state == State::Listening)
            m_engine->setConfig(m_settings.engineConfig());
    });

    m_openFileLimit = ServerEngine::raiseOpenFileLimit();
    onCounters(ServerCounters{}); // the limit shows before the first Start
    loadSettings();
    loadReplyBook();
    wireRules();
    wireCommands();
    restoreLayout();
    setState(State::Stopped);

    if (m_options.startAtOnce)
        QTimer::singleShot(0, this, &ServerWindow::startListening);
}

ServerWindow::~ServerWindow() = default;

void ServerWindow::loadSettings()
{
    const FileResult loaded = m_settings.load();
    if (!loaded.ok()) {
        addLocalLog(
            LogLevel::Warning, LogKind::Error,
            tr("The saved settings were not read: %1. Defaults are used.").arg(loaded.describe()),
            loaded.error);
    }
    for (const SettingProblem& problem : m_settings.problems()) {
        addLocalLog(LogLevel::Warning, LogKind::Notice,
                    tr("Saved setting ignored: %1").arg(ServerSettings::table().describe(problem)));
    }
    SettingValues overrides = m_options.overrides;
    if (m_options.addressText) // the compatibility fields
        overrides.set(settingId(ServerSetting::Listen), *m_options.addressText);
    if (m_options.port)
        overrides.set(settingId(ServerSetting::Port), qint64(*m_options.port));
    m_settings.setOverrides(overrides);

    m_listenBar->setAddressText(m_settings.value(ServerSetting::Listen).toString());
    m_listenBar->setPort(int(m_settings.value(ServerSetting::Port).toLongLong()));
    m_listenBar->setFramingText(m_settings.value(ServerSetting::Framing).toString());
    m_listenBar->setUdpEnabled(m_settings.value(ServerSetting::Udp).toBool());
    restoreByteView();

    const QString logFile = m_settings.value(ServerSetting::LogFile).toString();
    if (!logFile.isEmpty())
        m_logPane->startLogToFile(logFile);
    // Connected after the start above: a log file given on the command line is not saved.
    connect(m_logPane, &LogPane::logFileChanged, this, [this](const QString& path) {
        // An empty path (stopped or failed) is saved too: do not resume next time.
        chooseSetting(ServerSetting::LogFile, path);
    });
}

void ServerWindow::loadReplyBook()
{
    const BookAtStart start = loadBookAtStart(*m_book, m_paths.replyBook, m_options.repliesPath,
                                              m_options.pickMode, FrontEnd::Window);
    using Problem = ReplyBookEditor::Problem;
    Problem problem = Problem::None;
    QStringList texts;
    BookFileResult result;
    if (start.ownBook.isCorrupt() && start.setAside.ok()) {
        problem = Problem::OwnBookSetAside;
        result = start.ownBook;
        texts << tr("%1. It was moved to %2 and the factory replies are used.")
                     .arg(describeBookResult(start.ownBook),
                          QDir::toNativeSeparators(start.setAsidePath));
    } else if (start.ownBookUnusable()) {
        // Unreadable, too large, not a file, or corrupt and not movable: left as it is,
        // and never autosaved over.
        problem = Problem::OwnBookUnreadable;
        result = start.ownBook;
        texts << tr("%1. The factory replies are used and edits are not saved, so the file "
                    "stays as it is; Export… keeps your edits.")
                     .arg(describeBookResult(start.ownBook));
    }
    if (start.namedFailed()) {
        problem = Problem::NamedFileFailed;
        result = *start.named;
        texts.prepend(tr("--replies: %1. The previous replies are kept.")
                          .arg(describeBookResult(*start.named)));
    } else if (start.named) {
        const QString named = QDir::toNativeSeparators(m_options.repliesPath);
        m_replyEditor->showNotice(
            start.autosave ? tr("Replies from %1, which is only read; edits are saved to %2.")
                                 .arg(named, QDir::toNativeSeparators(m_paths.replyBook))
                           : tr("Replies from %1, which is only read.").arg(named));
    }
    if (problem != Problem::None)
        m_replyEditor->showProblem(problem, texts.join(QLatin1Char(' ')), result);
}

void ServerWindow::restoreLayout()
{
    restoreGeometry(m_settings.windowValue(kGeometryKey).toByteArray());
    restoreState(m_settings.windowValue(kStateKey).toByteArray());
    if (!m_mainSplitter->restoreState(m_settings.windowValue(kMainSplitterKey).toByteArray()))
        m_mainSplitter->setSizes({260, 340});
    if (!m_bottomSplitter->restoreState(m_settings.windowValue(kBottomSplitterKey).toByteArray()))
        m_bottomSplitter->setSizes({400, 400}); // halves: the answers tab's bars need the room
    connectionView()->horizontalHeader()->restoreState(
        m_settings.windowValue(kTableHeaderKey).toByteArray());
    if (m_settings.windowValue(kGeometryKey).isNull()) {
        QSize size = kDefaultSize;
        if (const QScreen* screen = this->screen())
            size = size.boundedTo(screen->availableSize());
        resize(size);
    }
}

void ServerWindow::saveLayout()
{
    // The port typed but never confirmed (no Enter, no Start) still counts.
    if (m_listenBar->port() != int(m_settings.value(ServerSetting::Port).toLongLong()))
        m_settings.setValue(ServerSetting::Port, qint64(m_listenBar->port()));
    m_settings.setWindowValue(kGeometryKey, saveGeometry());
    m_settings.setWindowValue(kStateKey, saveState());
    m_settings.setWindowValue(kMainSplitterKey, m_mainSplitter->saveState());
    m_settings.setWindowValue(kBottomSplitterKey, m_bottomSplitter->saveState());
    m_settings.setWindowValue(kTableHeaderKey, connectionView()->horizontalHeader()->saveState());
}

FileResult ServerWindow::saveSettings()
{
    m_settingsSave = m_settings.save();
    if (m_settingsSave.ok()) {
        m_settingsProblemLabel->hide();
        return m_settingsSave;
    }
    const QString text = tr("Settings not saved: %1").arg(m_settingsSave.describe());
    m_settingsProblemLabel->setText(text);
    m_settingsProblemLabel->show();
    addLocalLog(LogLevel::Error, LogKind::Error, text, m_settingsSave.error);
    return m_settingsSave;
}

void ServerWindow::chooseSetting(ServerSetting setting, const QVariant& value)
{
    if (value == m_settings.value(setting) && !m_settings.isOverridden(setting))
        return;
    m_settings.setValue(setting, value);
    saveSettings();
}

void ServerWindow::setEngineSettings(const SettingValues& values)
{
    for (int id : ServerSettings::engineSettingIds() + ServerSettings::accessSettingIds()) {
        if (values.has(id))
            m_settings.setValue(ServerSetting(id), values.get(id));
    }
    saveSettings();
    // Limits reach new connections at once; threads and the connection limit at the next Start.
    if (m_state == State::Listening)
        m_engine->setConfig(m_settings.engineConfig());
}

void ServerWindow::editEngineSettings()
{
    auto* dialog = new ServerSettingsDialog(m_settings.values(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { setEngineSettings(dialog->values()); });
    dialog->open();
}

void ServerWindow::showBlockList()
{
    auto* dialog = findChild<BlockListDialog*>();
    if (!dialog) {
        dialog = new BlockListDialog(m_engine, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
}

void ServerWindow::startListening()
{
    if (m_state != State::Stopped)
        return;
    if (m_listenBar->port() != int(m_settings.value(ServerSetting::Port).toLongLong()))
        chooseSetting(ServerSetting::Port, qint64(m_listenBar->port()));
    const ServerConfig config = m_settings.engineConfig();
    m_engine->setConfig(config);
    QStringList endpoints;
    for (const QHostAddress& address : config.address.bindAddresses())
        endpoints << endpointText(address, config.port);
    setState(State::Starting, tr("Starting on %1…").arg(endpoints.join(tr(" and "))));
    m_engine->start();
}

void ServerWindow::confirmDroppingClients(const QString& question, const QString& action,
                                          std::function<void()> go, std::function<void()> declined)
{
    const int clients = m_connectionModel->rowCount();
    if (!m_confirmDropping || clients == 0) {
        go();
        return;
    }
    if (m_confirmation) {
        if (declined)
            declined(); // already asking something else: this question is not asked
        return;
    }
    // Not exec(): the window (and the engine's batches) keep running while it is open.
    m_confirmation =
        new QMessageBox(QMessageBox::Question, windowTitle(),
                        question + QLatin1Char(' ') +
                            tr("%n connected client(s) will be disconnected.", nullptr, clients),
                        QMessageBox::Cancel, this);
    QPushButton* yes = m_confirmation->addButton(action, QMessageBox::AcceptRole);
    m_confirmation->setDefaultButton(QMessageBox::Cancel);
    m_confirmation->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_confirmation, &QMessageBox::finished, this,
            [this, yes, go = std::move(go), declined = std::move(declined)] {
                const bool confirmed = m_confirmation && m_confirmation->clickedButton() == yes;
                m_confirmation = nullptr;
                if (confirmed)
                    go();
                else if (declined)
                    declined();
            });
    m_confirmation->open();
}

void ServerWindow::stopListening()
{
    if (m_state != State::Listening && m_state != State::Starting)
        return;
    confirmDroppingClients(tr("Stop the server?"), tr("Stop"), [this] { stopNow(); });
}

void ServerWindow::stopNow()
{
    if (m_state != State::Listening && m_state != State::Starting)
        return;
    setState(State::Stopping, tr("Stopping: closing every connection…"));
    m_engine->stop();
}

void ServerWindow::quitWithoutAsking()
{
    m_quitConfirmed = true;
    close();
}

void ServerWindow::onListening(const QList<QHostAddress>& addresses, quint16 port)
{
    m_listenBar->showListeningPort(port); // the real port (port 0 resolved)
    QStringList endpoints;
    for (const QHostAddress& address : addresses)
        endpoints << endpointText(address, port);
    QString text = tr("Listening on %1").arg(endpoints.join(tr(" and ")));
    if (const quint16 udpPort = m_engine->udpPort())
        text += tr(", UDP %1").arg(udpPort);
    if (m_engine->exposure() == AccessExposure::Open)
        text =
            tr("%1 — open to anyone on the network (Settings: allowlist, access token)").arg(text);
    setState(State::Listening, text);
}

void ServerWindow::onStartFailed(const ListenFailure& failure)
{
    const QString text = describeListenFailure(failure);
    addLocalLog(LogLevel::Error, LogKind::Error, text, failure.error);
    setState(State::Stopped, text);
    m_listenBar->showState(text, ListenBar::Look::Failed);
}

void ServerWindow::onStopped()
{
    // Every connection is closed; rows the last batch did not remove go now.
    m_connectionModel->clear();
    m_listenBar->showConfiguredPort();
    setState(State::Stopped);
    if (m_closeAfterStop)
        close();
}

void ServerWindow::setState(State state, const QString& detail)
{
    m_state = state;
    const bool stopped = state == State::Stopped;
    const bool busy = state == State::Starting || state == State::Stopping;
    m_listenBar->setStopped(stopped, busy);
    ListenBar::Look look = ListenBar::Look::Plain;
    if (state == State::Listening)
        look = m_engine->exposure() == AccessExposure::Open ? ListenBar::Look::Exposed
                                                            : ListenBar::Look::Listening;
    m_listenBar->showState(stopped && detail.isEmpty() ? tr("Stopped") : detail, look);
    m_connectionPane->setListening(state == State::Listening);
}

void ServerWindow::addLocalLog(LogLevel level, LogKind kind, const QString& text, LogError error)
{
    m_logPane->appendEntries({LogEntry::now(level, kind, 0, text, error)});
}

void ServerWindow::closeEvent(QCloseEvent* event)
{
    const bool running =
        m_state == State::Listening || m_state == State::Starting || m_state == State::Stopping;
    if (running && !m_quitConfirmed && !m_closeAfterStop) {
        event->ignore();
        confirmDroppingClients(
            tr("Quit Chorus Server?"), tr("Quit"),
            [this] {
                m_quitConfirmed = true;
                close();
            },
            // Kept open: a restart Help → Language asked for waits no longer.
            [] { LanguageMenu::cancelRestart(); });
        return;
    }
    if (running) {
        // Let the engine flush pending replies and close peers cleanly first.
        if (!m_closeAfterStop) {
            m_closeAfterStop = true;
            saveLayout();
            saveSettings();
            stopNow();
            QTimer::singleShot(kCloseStopDeadline, this, [this] {
                m_state = State::Stopped;
                close();
            });
        }
        event->ignore();
        return;
    }
    if (!m_closeAfterStop) {
        saveLayout();
        if (!saveSettings().ok())
            qWarning("chorus-server: %s", qPrintable(m_settingsSave.describe()));
    }
    event->accept();
}

} // namespace chorus
