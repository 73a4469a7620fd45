#include "ServerWindow.h"
#include "ServerSettingsDialog.h"

#include "ConnectionTableModel.h"
#include "HeadlessServer.h"
#include "LogPane.h"
#include "ReplyBookEditor.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkInterface>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <chrono>

namespace chorus {

namespace {

// Closing while listening waits for the engine's clean stop, but not forever.
constexpr std::chrono::seconds kCloseStopDeadline{5};

QSettings windowSettings()
{
    return QSettings(QStringLiteral("Chorus"), QStringLiteral("chorus-server"));
}

const QString kAddressKey = QStringLiteral("listen/address");
const QString kPortKey = QStringLiteral("listen/port");
const QString kFramingKey = QStringLiteral("listen/framing");
const QString kPickKey = QStringLiteral("replies/pickMode");
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kMainSplitterKey = QStringLiteral("window/mainSplitter");
const QString kBottomSplitterKey = QStringLiteral("window/bottomSplitter");
const QString kTableHeaderKey = QStringLiteral("window/tableHeader");
const QString kLogFileKey = QStringLiteral("log/file");
const QString kIdleGapKey = QStringLiteral("engine/idleGapMs");
const QString kMaxMessageKey = QStringLiteral("engine/maxMessageBytes");
const QString kHighWaterKey = QStringLiteral("engine/highWaterBytes");
const QString kIoThreadsKey = QStringLiteral("engine/ioThreads");
const QString kMaxConnectionsKey = QStringLiteral("engine/maxConnections");
const QString kLogMessagesKey = QStringLiteral("engine/logMessages");

} // namespace

ServerWindow::ServerWindow(const ServerCommandLineOptions& options, QWidget* parent)
    : QMainWindow(parent), m_options(options), m_book(std::make_shared<ReplyBook>()),
      m_engine(new ServerEngine(m_book, this)), m_connectionModel(new ConnectionTableModel(this)),
      m_connectionProxy(new QSortFilterProxyModel(this))
{
    setWindowTitle(tr("Chorus Server"));
    setWindowIcon(QIcon(QStringLiteral(":/chorus/icons/chorus-server.svg")));

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    auto* listenBar = new QHBoxLayout;
    buildListenBar(central, listenBar);
    layout->addLayout(listenBar);

    m_replyEditor = new ReplyBookEditor(m_book, this);
    m_logPane = new LogPane(this);
    m_bottomSplitter = new QSplitter(Qt::Horizontal, this);
    m_bottomSplitter->setObjectName(QStringLiteral("bottomSplitter"));
    m_bottomSplitter->addWidget(m_replyEditor);
    m_bottomSplitter->addWidget(m_logPane);
    m_bottomSplitter->setStretchFactor(0, 2);
    m_bottomSplitter->setStretchFactor(1, 3);

    m_mainSplitter = new QSplitter(Qt::Vertical, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(buildConnectionArea());
    m_mainSplitter->addWidget(m_bottomSplitter);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 2);
    layout->addWidget(m_mainSplitter, 1);
    setCentralWidget(central);
    buildStatusBar();
    buildMenus();

    connect(m_engine, &ServerEngine::listening, this, &ServerWindow::onListening);
    connect(m_engine, &ServerEngine::startFailed, this, &ServerWindow::onStartFailed);
    connect(m_engine, &ServerEngine::stopped, this, &ServerWindow::onStopped);
    connect(m_engine, &ServerEngine::connectionsUpdated, m_connectionModel,
            &ConnectionTableModel::applyBatch);
    connect(m_engine, &ServerEngine::logBatch, m_logPane, &LogPane::appendEntries);
    connect(m_engine, &ServerEngine::countersUpdated, this, &ServerWindow::onCounters);
    connect(m_logPane, &LogPane::logFileChanged, this, [](const QString& path) {
        // An empty path (stopped or failed) is remembered too: do not resume next time.
        windowSettings().setValue(kLogFileKey, path);
    });
    connect(m_book.get(), &ReplyBook::saveFailed, this, [this](const QString& reason) {
        addLocalLog(LogLevel::Error, LogKind::Error,
                    tr("Saving the reply book failed: %1").arg(reason));
    });

    m_openFileLimit = ServerEngine::raiseOpenFileLimit();
    m_fileLimitLabel->setText(tr("Open-file limit: %1").arg(m_openFileLimit));
    loadReplyBookAtStart();
    restoreSettings();
    loadEngineSettings();
    setState(State::Stopped);
    updateActions();

    if (m_options.startAtOnce)
        QTimer::singleShot(0, this, &ServerWindow::startListening);
}

ServerWindow::~ServerWindow() = default;

void ServerWindow::buildListenBar(QWidget* parent, QHBoxLayout* layout)
{
    m_addressCombo = new QComboBox(parent);
    m_addressCombo->setObjectName(QStringLiteral("addressCombo"));
    m_addressCombo->setMinimumContentsLength(18);
    m_addressCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    fillAddressCombo();

    m_portSpin = new QSpinBox(parent);
    m_portSpin->setObjectName(QStringLiteral("portSpin"));
    m_portSpin->setRange(0, 65535);
    m_portSpin->setValue(9999);
    m_portSpin->setSpecialValueText(tr("any free port"));
    m_portSpin->setToolTip(tr("0 picks any free port; the real port is shown once listening."));
    connect(m_portSpin, &QSpinBox::valueChanged, this, [this](int value) {
        // While listening the spinbox shows the real port; only user edits count.
        if (m_state == State::Stopped)
            m_configuredPort = value;
    });

    m_framingCombo = new QComboBox(parent);
    m_framingCombo->setObjectName(QStringLiteral("framingCombo"));
    m_framingCombo->addItem(tr("Auto (LF, CRLF or idle gap)"), framingName(Framing::Auto));
    m_framingCombo->addItem(tr("Line (LF / CRLF)"), framingName(Framing::Line));
    m_framingCombo->addItem(tr("Raw (each arrival)"), framingName(Framing::Raw));
    connect(m_framingCombo, &QComboBox::currentIndexChanged, this, [this] {
        // Framing applies to new connections at once, no restart needed.
        if (m_state == State::Listening)
            m_engine->setConfig(configFromWidgets());
    });

    m_startStop = new QPushButton(tr("Start"), parent);
    m_startStop->setObjectName(QStringLiteral("startStopButton"));
    m_startStop->setDefault(true);
    connect(m_startStop, &QPushButton::clicked, this, [this] {
        if (m_state == State::Listening)
            stopListening();
        else if (m_state == State::Stopped)
            startListening();
    });

    m_stateLabel = new QLabel(parent);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* addressLabel = new QLabel(tr("&Address:"), parent);
    addressLabel->setBuddy(m_addressCombo);
    auto* portLabel = new QLabel(tr("&Port:"), parent);
    portLabel->setBuddy(m_portSpin);
    auto* framingLabel = new QLabel(tr("&Framing:"), parent);
    framingLabel->setBuddy(m_framingCombo);

    layout->addWidget(addressLabel);
    layout->addWidget(m_addressCombo);
    layout->addWidget(portLabel);
    layout->addWidget(m_portSpin);
    layout->addWidget(framingLabel);
    layout->addWidget(m_framingCombo);
    layout->addWidget(m_startStop);
    layout->addWidget(m_stateLabel, 1);
}

QWidget* ServerWindow::buildConnectionArea()
{
    auto* area = new QWidget(this);
    m_connectionProxy->setSourceModel(m_connectionModel);
    m_connectionProxy->setSortRole(ConnectionTableModel::SortRole);
    m_connectionProxy->setDynamicSortFilter(true);

    m_connectionView = new QTableView(area);
    m_connectionView->setObjectName(QStringLiteral("connectionView"));
    m_connectionView->setModel(m_connectionProxy);
    m_connectionView->setSortingEnabled(true);
    m_connectionView->sortByColumn(ConnectionTableModel::IdColumn, Qt::AscendingOrder);
    m_connectionView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_connectionView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_connectionView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_connectionView->setWordWrap(false);
    m_connectionView->setAlternatingRowColors(true);
    // Fixed row heights and fixed column widths: with 10,000 rows the view never
    // measures contents (ResizeToContents would visit every row on each batch).
    m_connectionView->verticalHeader()->hide();
    m_connectionView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_connectionView->verticalHeader()->setDefaultSectionSize(
        m_connectionView->fontMetrics().height() + 6);
    QHeaderView* header = m_connectionView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    const int charWidth = m_connectionView->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const int widths[ConnectionTableModel::ColumnCount] = {7, 10, 6, 14, 6,  19, 8, 7,
                                                           7, 8,  8, 6,  24, 8,  8};
    for (int column = 0; column < ConnectionTableModel::ColumnCount; ++column)
        header->resizeSection(column, (widths[column] + 1) * charWidth);

    m_disconnectAction = new QAction(tr("Disconnect"), this);
    m_disconnectAction->setShortcut(QKeySequence::Delete);
    m_disconnectAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_disconnectAction, &QAction::triggered, this, &ServerWindow::disconnectSelected);
    m_sendMessageAction = new QAction(tr("Send message…"), this);
    connect(m_sendMessageAction, &QAction::triggered, this, &ServerWindow::sendMessageToSelected);
    m_copyAddressAction = new QAction(tr("Copy address"), this);
    m_copyAddressAction->setShortcut(QKeySequence::Copy);
    m_copyAddressAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_copyAddressAction, &QAction::triggered, this, &ServerWindow::copySelectedAddresses);
    m_connectionView->addActions({m_disconnectAction, m_sendMessageAction, m_copyAddressAction});
    m_connectionView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_connectionView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] {
                updateActions();
                const QList<quint64> ids = selectedConnectionIds();
                m_logPane->setSelectedConnections(QSet<quint64>(ids.cbegin(), ids.cend()));
            });
    // Rows that vanish take their selection with them.
    connect(m_connectionProxy, &QAbstractItemModel::rowsRemoved, this,
            &ServerWindow::updateActions);

    m_broadcastEdit = new QLineEdit(area);
    m_broadcastEdit->setObjectName(QStringLiteral("broadcastEdit"));
    m_broadcastEdit->setPlaceholderText(tr("Broadcast a message to connected clients"));
    m_broadcastEdit->setClearButtonEnabled(true);
    m_sendToAll = new QPushButton(tr("Send to all"), area);
    m_sendToSelected = new QPushButton(tr("Send to selected"), area);
    connect(m_broadcastEdit, &QLineEdit::textChanged, this, &ServerWindow::updateActions);
    connect(m_broadcastEdit, &QLineEdit::returnPressed, this, &ServerWindow::broadcastToAll);
    connect(m_sendToAll, &QPushButton::clicked, this, &ServerWindow::broadcastToAll);
    connect(m_sendToSelected, &QPushButton::clicked, this, &ServerWindow::broadcastToSelected);

    auto* broadcastLabel = new QLabel(tr("&Broadcast:"), area);
    broadcastLabel->setBuddy(m_broadcastEdit);
    auto* broadcastBar = new QHBoxLayout;
    broadcastBar->addWidget(broadcastLabel);
    broadcastBar->addWidget(m_broadcastEdit, 1);
    broadcastBar->addWidget(m_sendToAll);
    broadcastBar->addWidget(m_sendToSelected);

    auto* layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_connectionView, 1);
    layout->addLayout(broadcastBar);
    return area;
}

void ServerWindow::buildStatusBar()
{
    m_activeLabel = new QLabel(this);
    m_acceptedLabel = new QLabel(this);
    m_rateLabel = new QLabel(this);
    m_unansweredLabel = new QLabel(this);
    m_fileLimitLabel = new QLabel(this);
    for (QLabel* label :
         {m_activeLabel, m_acceptedLabel, m_rateLabel, m_unansweredLabel, m_fileLimitLabel})
        statusBar()->addPermanentWidget(label);
    onCounters(ServerCounters{});
}

void ServerWindow::fillAddressCombo()
{
    m_addressCombo->addItem(tr("All interfaces (IPv4+IPv6)"), QStringLiteral("any"));
    m_addressCombo->addItem(tr("Localhost only"), QStringLiteral("localhost"));
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface& interface : interfaces) {
        if (!(interface.flags() & QNetworkInterface::IsUp))
            continue;
        for (const QNetworkAddressEntry& entry : interface.addressEntries()) {
            const QString ip = entry.ip().toString();
            m_addressCombo->addItem(tr("%1 (%2)").arg(ip, interface.humanReadableName()), ip);
        }
    }
}

void ServerWindow::selectAddress(const QString& text)
{
    int index = m_addressCombo->findData(text.toLower() == QLatin1String("any") ||
                                                 text.toLower() == QLatin1String("localhost")
                                             ? text.toLower()
                                             : text);
    if (index < 0) {
        // Not a current local address (interface gone, or typed on the command line):
        // keep it selectable so Start reports Qt's reason instead of silently changing it.
        m_addressCombo->addItem(tr("%1 (not found on this machine)").arg(text), text);
        index = m_addressCombo->count() - 1;
    }
    m_addressCombo->setCurrentIndex(index);
}

void ServerWindow::loadReplyBookAtStart()
{
    QString message;
    const QString autoSavePath = defaultReplyBookPath();
    if (!loadReplyBook(*m_book, m_options.repliesPath, autoSavePath, &message)) {
        // The --replies file is unusable: fall back to the autosaved book, say why.
        QString fallbackWarning;
        loadReplyBook(*m_book, QString(), autoSavePath, &fallbackWarning);
        if (!fallbackWarning.isEmpty())
            message += QLatin1Char('\n') + fallbackWarning;
    }
    if (m_options.pickMode)
        m_book->setPickMode(*m_options.pickMode);
    if (message.isEmpty())
        return;
    m_replyEditor->showProblem(message);
    addLocalLog(LogLevel::Warning, LogKind::Notice, message);
    if (!QStandardPaths::isTestModeEnabled()) {
        // Non-blocking: the window is usable while the box is open.
        auto* box =
            new QMessageBox(QMessageBox::Warning, tr("Reply book"), message, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        QTimer::singleShot(0, box, [box] { box->open(); });
    }
}

void ServerWindow::restoreSettings()
{
    QSettings settings = windowSettings();
    selectAddress(m_options.addressText.value_or(
        settings.value(kAddressKey, QStringLiteral("any")).toString()));
    m_configuredPort = m_options.port ? int(*m_options.port)
                                      : qBound(0, settings.value(kPortKey, 9999).toInt(), 65535);
    m_portSpin->setValue(m_configuredPort);
    const QString framing =
        m_options.framing ? framingName(*m_options.framing)
                          : settings.value(kFramingKey, framingName(Framing::Auto)).toString();
    m_framingCombo->setCurrentIndex(qMax(0, m_framingCombo->findData(framing)));
    if (!m_options.pickMode && settings.contains(kPickKey)) {
        if (const auto mode = pickModeFromName(settings.value(kPickKey).toString()))
            m_book->setPickMode(*mode);
    }

    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    if (!m_mainSplitter->restoreState(settings.value(kMainSplitterKey).toByteArray()))
        m_mainSplitter->setSizes({420, 300});
    if (!m_bottomSplitter->restoreState(settings.value(kBottomSplitterKey).toByteArray()))
        m_bottomSplitter->setSizes({640, 640}); // room for the whole book toolbar
    m_connectionView->horizontalHeader()->restoreState(
        settings.value(kTableHeaderKey).toByteArray());
    if (!settings.contains(kGeometryKey))
        resize(1280, 800);

    const QString logFile = m_options.logFilePath.isEmpty() ? settings.value(kLogFileKey).toString()
                                                            : m_options.logFilePath;
    if (!logFile.isEmpty())
        m_logPane->startLogToFile(logFile);
}

void ServerWindow::saveSettings() const
{
    QSettings settings = windowSettings();
    // Command-line values apply to this run only: keep the saved ones unless the
    // user changed the widget away from what the command line said.
    const QString address = m_addressCombo->currentData().toString();
    if (!m_options.addressText || address != m_options.addressText)
        settings.setValue(kAddressKey, address);
    if (!m_options.port || m_configuredPort != int(*m_options.port))
        settings.setValue(kPortKey, m_configuredPort);
    const QString framing = m_framingCombo->currentData().toString();
    if (!m_options.framing || framing != framingName(*m_options.framing))
        settings.setValue(kFramingKey, framing);
    if (!m_options.pickMode || m_book->pickMode() != *m_options.pickMode)
        settings.setValue(kPickKey, pickModeName(m_book->pickMode()));
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kMainSplitterKey, m_mainSplitter->saveState());
    settings.setValue(kBottomSplitterKey, m_bottomSplitter->saveState());
    settings.setValue(kTableHeaderKey, m_connectionView->horizontalHeader()->saveState());
    if (m_options.logFilePath.isEmpty())
        settings.setValue(kLogFileKey, m_logPane->logFilePath());
}

ServerConfig ServerWindow::configFromWidgets() const
{
    ServerConfig config = m_engineSettings; // limits and threads: settings + command line
    const QString addressText = m_addressCombo->currentData().toString();
    config.address = ServerCommandLine::addressFromText(addressText).value_or(QHostAddress());
    config.port = quint16(m_configuredPort);
    config.framing =
        framingFromName(m_framingCombo->currentData().toString()).value_or(Framing::Auto);
    return config;
}

void ServerWindow::buildMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* serverMenu = menuBar()->addMenu(tr("&Server"));
    m_settingsAction =
        serverMenu->addAction(tr("&Settings…"), this, &ServerWindow::editEngineSettings);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Chorus Server"), this, [this] {
        QMessageBox::about(this, tr("About Chorus Server"),
                           tr("<b>Chorus Server</b> %1<br>A multi-client TCP server that answers "
                              "every message from an editable reply book.<br>Wire format: "
                              "docs/PROTOCOL.md.")
                               .arg(QStringLiteral(CHORUS_VERSION)));
    });
}

void ServerWindow::loadEngineSettings()
{
    // Saved settings first; an option given on the command line wins for this run.
    m_engineSettings = m_options.config;
    const QSettings settings = windowSettings();
    const QStringList& given = m_options.givenEngineOptions;
    auto saved = [&settings, &given](const QString& key, const char* option) {
        return settings.contains(key) && !given.contains(QLatin1String(option));
    };
    ConnectionLimits& limits = m_engineSettings.limits;
    if (saved(kIdleGapKey, "idle-gap"))
        limits.idleGap =
            std::chrono::milliseconds(qBound(1, settings.value(kIdleGapKey).toInt(), 60000));
    if (saved(kMaxMessageKey, "max-message"))
        limits.maxMessageBytes = qsizetype(qBound<qint64>(
            16, settings.value(kMaxMessageKey).toLongLong(), qint64(64) * 1024 * 1024));
    if (saved(kHighWaterKey, "high-water"))
        limits.highWaterBytes = qBound<qint64>(1024, settings.value(kHighWaterKey).toLongLong(),
                                               qint64(1024) * 1024 * 1024);
    if (saved(kIoThreadsKey, "io-threads"))
        m_engineSettings.ioThreads = qBound(1, settings.value(kIoThreadsKey).toInt(), 64);
    if (saved(kMaxConnectionsKey, "max-connections"))
        m_engineSettings.maxConnections =
            qBound(1, settings.value(kMaxConnectionsKey).toInt(), 1000000);
    if (saved(kLogMessagesKey, "no-log-messages"))
        m_engineSettings.logMessages = settings.value(kLogMessagesKey).toBool();
}

void ServerWindow::setEngineSettings(const ServerConfig& engineSettings)
{
    m_engineSettings = engineSettings;
    QSettings settings = windowSettings();
    settings.setValue(kIdleGapKey, qint64(engineSettings.limits.idleGap.count()));
    settings.setValue(kMaxMessageKey, qint64(engineSettings.limits.maxMessageBytes));
    settings.setValue(kHighWaterKey, engineSettings.limits.highWaterBytes);
    settings.setValue(kIoThreadsKey, engineSettings.ioThreads);
    settings.setValue(kMaxConnectionsKey, engineSettings.maxConnections);
    settings.setValue(kLogMessagesKey, engineSettings.logMessages);
    // Limits reach new connections at once; threads and the connection limit at the next Start.
    if (m_state == State::Listening)
        m_engine->setConfig(configFromWidgets());
}

void ServerWindow::editEngineSettings()
{
    auto* dialog = new ServerSettingsDialog(m_engineSettings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { setEngineSettings(dialog->apply(m_engineSettings)); });
    dialog->open();
}

void ServerWindow::startListening()
{
    if (m_state != State::Stopped)
        return;
    m_configuredPort = m_portSpin->value();
    const ServerConfig config = configFromWidgets();
    if (config.address.isNull()) {
        onStartFailed(
            tr("\"%1\" is not a valid address.").arg(m_addressCombo->currentData().toString()));
        return;
    }
    m_engine->setConfig(config);
    setState(
        State::Starting,
        tr("Starting on %1…").arg(ServerCommandLine::endpointText(config.address, config.port)));
    m_engine->start();
}

void ServerWindow::stopListening()
{
    if (m_state != State::Listening && m_state != State::Starting)
        return;
    setState(State::Stopping, tr("Stopping: closing every connection…"));
    m_engine->stop();
}

void ServerWindow::onListening(const QHostAddress& address, quint16 port)
{
    {
        // Show the real port (port 0 resolved) without touching the configured one.
        const QSignalBlocker blocker(m_portSpin);
        m_portSpin->setValue(port);
    }
    setState(State::Listening,
             tr("Listening on %1").arg(ServerCommandLine::endpointText(address, port)));
}

void ServerWindow::onStartFailed(const QString& reason)
{
    const ServerConfig config = configFromWidgets();
    const QString text =
        tr("Cannot listen on %1: %2")
            .arg(ServerCommandLine::endpointText(config.address, config.port), reason);
    addLocalLog(LogLevel::Error, LogKind::Error, text);
    setState(State::Stopped, text);
    m_stateLabel->setStyleSheet(QStringLiteral("color: #c02020; font-weight: bold;"));
}

void ServerWindow::onStopped()
{
    // Every connection is closed; rows the last batch did not remove go now.
    m_connectionModel->clear();
    m_portSpin->setValue(m_configuredPort);
    setState(State::Stopped);
    if (m_closeAfterStop)
        close();
}

void ServerWindow::onCounters(const ServerCounters& counters)
{
    m_activeLabel->setText(tr("Active: %1").arg(counters.active));
    m_acceptedLabel->setText(counters.rejectedFull == 0
                                 ? tr("Accepted: %1").arg(counters.totalAccepted)
                                 : tr("Accepted: %1 (refused, server full: %2)")
                                       .arg(counters.totalAccepted)
                                       .arg(counters.rejectedFull));
    m_rateLabel->setText(tr("In: %1/s  Out: %2/s")
                             .arg(counters.messagesInPerSecond, 0, 'f', 1)
                             .arg(counters.messagesOutPerSecond, 0, 'f', 1));
    m_unansweredLabel->setText(tr("Unanswered: %1").arg(counters.unanswered));
    if (counters.openFileLimit > 0)
        m_openFileLimit = counters.openFileLimit;
    m_fileLimitLabel->setText(tr("Open-file limit: %1").arg(m_openFileLimit));
    m_fileLimitLabel->setToolTip(
        tr("Each connection needs one file descriptor; this is the most the process may hold."));
    m_replyEditor->setUnansweredCount(counters.unanswered);
}

void ServerWindow::setState(State state, const QString& detail)
{
    m_state = state;
    m_stateLabel->setStyleSheet(QString());
    const bool stopped = state == State::Stopped;
    m_addressCombo->setEnabled(stopped);
    m_portSpin->setEnabled(stopped);
    switch (state) {
    case State::Stopped:
        m_startStop->setText(tr("Start"));
        m_startStop->setEnabled(true);
        m_stateLabel->setText(detail.isEmpty() ? tr("Stopped") : detail);
        break;
    case State::Starting:
    case State::Stopping:
        m_startStop->setEnabled(false);
        m_stateLabel->setText(detail);
        break;
    case State::Listening:
        m_startStop->setText(tr("Stop"));
        m_startStop->setEnabled(true);
        m_stateLabel->setText(detail);
        m_stateLabel->setStyleSheet(QStringLiteral("color: #207020; font-weight: bold;"));
        break;
    }
    updateActions();
}

void ServerWindow::updateActions()
{
    const bool listening = m_state == State::Listening;
    const bool hasSelection = m_connectionView->selectionModel()->hasSelection();
    const bool hasText = !m_broadcastEdit->text().isEmpty();
    m_disconnectAction->setEnabled(listening && hasSelection);
    m_sendMessageAction->setEnabled(listening && hasSelection);
    m_copyAddressAction->setEnabled(hasSelection);
    m_sendToAll->setEnabled(listening && hasText);
    m_sendToSelected->setEnabled(listening && hasText && hasSelection);
}

void ServerWindow::addLocalLog(LogLevel level, LogKind kind, const QString& text)
{
    m_logPane->appendEntries({LogEntry::now(level, kind, 0, text)});
}

QList<quint64> ServerWindow::selectedConnectionIds() const
{
    QList<quint64> ids;
    const QModelIndexList rows = m_connectionView->selectionModel()->selectedRows();
    ids.reserve(rows.size());
    for (const QModelIndex& index : rows)
        ids.append(index.data(ConnectionTableModel::IdRole).value<quint64>());
    return ids;
}

void ServerWindow::disconnectSelected()
{
    const QList<quint64> ids = selectedConnectionIds();
    if (!ids.isEmpty())
        m_engine->disconnectClients(ids, tr("disconnected from the server window"));
}

void ServerWindow::sendMessageToSelected()
{
    const QList<quint64> ids = selectedConnectionIds();
    if (ids.isEmpty())
        return;
    bool ok = false;
    const QString text = QInputDialog::getText(
        this, tr("Send message"),
        tr("Message to %n connection(s) (sent once, in each peer's own framing):", nullptr,
           int(ids.size())),
        QLineEdit::Normal, QString(), &ok);
    if (ok && !text.isEmpty())
        m_engine->sendDirect(ids, text);
}

void ServerWindow::copySelectedAddresses()
{
    QStringList lines;
    const QModelIndexList rows = m_connectionView->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows) {
        const int sourceRow = m_connectionProxy->mapToSource(index).row();
        lines.append(m_connectionModel->addressText(sourceRow));
    }
    if (!lines.isEmpty())
        QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

void ServerWindow::broadcastToAll()
{
    const QString text = m_broadcastEdit->text();
    if (text.isEmpty() || m_state != State::Listening)
        return;
    m_engine->broadcast({}, text);
    m_broadcastEdit->selectAll(); // easy to send again or to overwrite
}

void ServerWindow::broadcastToSelected()
{
    const QString text = m_broadcastEdit->text();
    const QList<quint64> ids = selectedConnectionIds();
    if (text.isEmpty() || ids.isEmpty() || m_state != State::Listening)
        return;
    m_engine->broadcast(ids, text);
    m_broadcastEdit->selectAll();
}

void ServerWindow::closeEvent(QCloseEvent* event)
{
    if (m_state == State::Listening || m_state == State::Starting || m_state == State::Stopping) {
        // Let the engine flush pending replies and close peers cleanly first.
        if (!m_closeAfterStop) {
            m_closeAfterStop = true;
            saveSettings();
            stopListening();
            QTimer::singleShot(kCloseStopDeadline, this, [this] {
                m_state = State::Stopped;
                close();
            });
        }
        event->ignore();
        return;
    }
    if (!m_closeAfterStop)
        saveSettings();
    event->accept();
}

} // namespace chorus
