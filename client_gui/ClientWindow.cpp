#include "ClientWindow.h"

#include "client/ClientRepeatSender.h"
#include "HistoryDelegate.h"
#include "HistoryModel.h"
#include "SendBox.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace chorus {

namespace {

// A submenu of mutually exclusive, checkable choices; each action's data is its value.
QActionGroup* addChoiceMenu(QMenu* parent, const QString& title,
                            std::initializer_list<std::pair<int, QString>> choices)
{
    QMenu* menu = parent->addMenu(title);
    auto* group = new QActionGroup(menu);
    for (const auto& [value, label] : choices) {
        QAction* action = menu->addAction(label);
        action->setCheckable(true);
        action->setData(value);
        group->addAction(action);
    }
    return group;
}

constexpr std::chrono::milliseconds kFlushInterval{50};
constexpr std::chrono::milliseconds kHistorySaveDelay{2000};
constexpr int kKeptHistoryEntries = 10000;
constexpr int kMaxRecentHosts = 10;
constexpr int kRttWindow = 100;

QSettings settings()
{
    return QSettings(QStringLiteral("Chorus"), QStringLiteral("chorus-client"));
}

QString formatBytes(quint64 bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeTraditionalFormat);
}
} // namespace

ClientWindow::ClientWindow(const ClientWindowOptions& options, QWidget* parent)
    : QMainWindow(parent), m_engine(new ClientEngine(this)),
      m_repeat(new ClientRepeatSender(m_engine, this)), m_model(new HistoryModel(this)),
      m_flushTimer(new QTimer(this)), m_historySaveTimer(new QTimer(this))
{
    setWindowIcon(QIcon(QStringLiteral(":/chorus/icons/chorus-client.svg")));
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(kFlushInterval);
    connect(m_flushTimer, &QTimer::timeout, this, &ClientWindow::flushPendingEvents);
    m_historySaveTimer->setSingleShot(true);
    m_historySaveTimer->setInterval(kHistorySaveDelay);
    connect(m_historySaveTimer, &QTimer::timeout, this, [this] {
        QString error;
        if (!saveKeptHistory(&error))
            statusBar()->showMessage(error, 10000);
    });

    buildUi();
    buildMenus();
    loadSettings(options);

    connect(m_engine, &ClientEngine::eventOccurred, this, &ClientWindow::onEvent);
    connect(m_engine, &ClientEngine::stateChanged, this, &ClientWindow::onStateChanged);
    connect(m_engine, &ClientEngine::modeChanged, this, [this] {
        m_pingButton->setEnabled(m_engine->isChorusMode());
        updateStateLabel();
    });
    connect(m_engine, &ClientEngine::reconnectCountdown, this, [this](int seconds) {
        m_countdown = seconds;
        updateStateLabel();
    });
    connect(m_engine, &ClientEngine::statsChanged, this, [this] {
        m_statsDirty = true;
        if (!m_flushTimer->isActive())
            m_flushTimer->start();
    });
    connect(m_repeat, &ClientRepeatSender::progress, this,
            [this] { m_repeatLabel->setText(m_repeat->summary()); });
    connect(m_repeat, &ClientRepeatSender::stopped, this, [this](const QString& reason) {
        m_repeatButton->setText(tr("Start"));
        m_repeatLabel->setText(m_repeat->summary());
        statusBar()->showMessage(reason, 5000);
    });

    updateStateLabel();
    updateStats();
    updateTitle();
    m_sendBox->setFocus();
    if (options.connectNow)
        QTimer::singleShot(0, this, &ClientWindow::connectOrDisconnect);
}

ClientWindow::~ClientWindow() = default;

void ClientWindow::buildUi()
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);

    // Connection bar.
    auto* bar = new QHBoxLayout;
    m_host = new QComboBox;
    m_host->setEditable(true);
    m_host->setInsertPolicy(QComboBox::NoInsert);
    m_host->setMinimumContentsLength(18);
    m_host->setToolTip(tr("Host name or address of the server"));
    m_port = new QSpinBox;
    m_port->setRange(1, 65535);
    m_port->setValue(kDefaultClientPort);
    m_port->setToolTip(tr("TCP port of the server"));
    m_connectButton = new QPushButton(tr("Connect"));
    m_connectButton->setDefault(false);
    m_connectButton->setAutoDefault(false);
    m_autoReconnect = new QCheckBox(tr("Auto-reconnect"));
    m_autoReconnect->setToolTip(
        tr("After an unexpected drop, retry with backoff (0.5 s doubling to 30 s)"));
    m_nameEdit = new QLineEdit;
    m_nameEdit->setPlaceholderText(tr("name"));
    m_nameEdit->setMaxLength(64);
    m_nameEdit->setMinimumWidth(90);
    m_nameEdit->setMaximumWidth(160);
    m_nameEdit->setToolTip(tr("Your name as a Chorus server shows it (Enter renames at once)"));
    m_pingButton = new QPushButton(tr("Ping"));
    m_pingButton->setAutoDefault(false);
    m_pingButton->setEnabled(false);
    m_pingButton->setToolTip(tr("Round trip to a Chorus server, without the reply book"));
    m_stateLabel = new QLabel;
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addWidget(new QLabel(tr("Host:")));
    bar->addWidget(m_host, 2);
    bar->addWidget(new QLabel(tr("Port:")));
    bar->addWidget(m_port);
    bar->addWidget(m_connectButton);
    bar->addWidget(m_autoReconnect);
    bar->addWidget(m_nameEdit);
    bar->addWidget(m_pingButton);
    bar->addWidget(m_stateLabel, 3);
    layout->addLayout(bar);
    connect(m_connectButton, &QPushButton::clicked, this, &ClientWindow::connectOrDisconnect);
    connect(m_host->lineEdit(), &QLineEdit::returnPressed, this, [this] {
        if (m_engine->state() == ClientState::Disconnected)
            connectOrDisconnect();
    });
    connect(m_autoReconnect, &QCheckBox::toggled, this,
            [this](bool on) { m_engine->setAutoReconnect(on); });
    connect(m_nameEdit, &QLineEdit::editingFinished, this, [this] {
        const QString name = m_nameEdit->text().trimmed();
        if (name == m_name)
            return;
        m_name = name;
        m_engine->rename(name);
        saveSettings();
    });
    connect(m_pingButton, &QPushButton::clicked, m_engine, &ClientEngine::ping);

    // History.
    m_view = new QListView;
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

    auto* copy = new QAction(tr("&Copy"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &ClientWindow::copySelection);
    m_view->addAction(copy);

    // Find bar (Ctrl+F).
    m_findBar = new QWidget;
    auto* findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(0, 0, 0, 0);
    m_findEdit = new QLineEdit;
    m_findEdit->setObjectName(QStringLiteral("findEdit"));
    m_findEdit->setPlaceholderText(tr("Find in history"));
    m_findEdit->setClearButtonEnabled(true);
    auto* next = new QPushButton(tr("Next"));
    auto* previous = new QPushButton(tr("Previous"));
    auto* close = new QPushButton(tr("Close"));
    m_findStatus = new QLabel;
    findLayout->addWidget(new QLabel(tr("Find:")));
    findLayout->addWidget(m_findEdit, 1);
    findLayout->addWidget(previous);
    findLayout->addWidget(next);
    findLayout->addWidget(m_findStatus);
    findLayout->addWidget(close);
    m_findBar->hide();
    layout->addWidget(m_findBar);
    connect(m_findEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_delegate->setHighlight(text);
        find(true);
    });
    connect(m_findEdit, &QLineEdit::returnPressed, this,
            [this] { find(!(QApplication::keyboardModifiers() & Qt::ShiftModifier)); });
    connect(next, &QPushButton::clicked, this, [this] { find(true); });
    connect(previous, &QPushButton::clicked, this, [this] { find(false); });
    connect(close, &QPushButton::clicked, this, [this] {
        m_findBar->hide();
        m_delegate->setHighlight({});
        m_sendBox->setFocus();
    });
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_findBar);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, close, &QPushButton::click);

    // Send box.
    auto* sendRow = new QHBoxLayout;
    m_sendBox = new SendBox;
    m_sendBox->setFixedHeight(m_sendBox->fontMetrics().lineSpacing() * 3 + 12);
    m_sendButton = new QPushButton(tr("Send"));
    m_sendButton->setAutoDefault(false);
    sendRow->addWidget(m_sendBox, 1);
    sendRow->addWidget(m_sendButton);
    layout->addLayout(sendRow);
    connect(m_sendBox, &SendBox::submitted, this, &ClientWindow::onSubmitted);
    connect(m_sendButton, &QPushButton::clicked, this,
            [this] { onSubmitted(m_sendBox->toPlainText()); });

    // Repeat send.
    auto* repeatRow = new QHBoxLayout;
    m_repeatInterval = new QSpinBox;
    m_repeatInterval->setRange(1, 3600 * 1000);
    m_repeatInterval->setValue(1000);
    m_repeatInterval->setSuffix(tr(" ms"));
    m_repeatCount = new QSpinBox;
    m_repeatCount->setRange(0, 10000000);
    m_repeatCount->setValue(10);
    m_repeatCount->setSpecialValueText(tr("until stopped"));
    m_repeatButton = new QPushButton(tr("Start"));
    m_repeatButton->setAutoDefault(false);
    m_repeatLabel = new QLabel;
    m_repeatLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    repeatRow->addWidget(new QLabel(tr("Repeat every")));
    repeatRow->addWidget(m_repeatInterval);
    repeatRow->addWidget(new QLabel(tr("times")));
    repeatRow->addWidget(m_repeatCount);
    repeatRow->addWidget(m_repeatButton);
    repeatRow->addWidget(m_repeatLabel, 1);
    layout->addLayout(repeatRow);
    connect(m_repeatButton, &QPushButton::clicked, this, &ClientWindow::toggleRepeat);

    setCentralWidget(central);
    m_statsLabel = new QLabel;
    statusBar()->addPermanentWidget(m_statsLabel);
    resize(760, 640);
}

void ClientWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newWindow = file->addAction(tr("&New window"), this, [] {
        auto* window = new ClientWindow;
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
    });
    newWindow->setShortcut(QKeySequence::New);
    file->addAction(tr("Save history as &text…"), this, [this] { promptSaveHistory(false); })
        ->setShortcut(QKeySequence::Save);
    file->addAction(tr("Save history as &JSON…"), this, [this] { promptSaveHistory(true); });
    file->addSeparator();
    file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows)
        ->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Copy selected entries"), this, &ClientWindow::copySelection);
    edit->addAction(tr("&Find…"), this, &ClientWindow::showFindBar)
        ->setShortcut(QKeySequence::Find);
    edit->addAction(tr("Find &next"), this, [this] { find(true); })
        ->setShortcut(QKeySequence::FindNext);
    edit->addAction(tr("Find &previous"), this, [this] { find(false); })
        ->setShortcut(QKeySequence::FindPrevious);
    edit->addSeparator();
    edit->addAction(tr("C&lear history"), this, [this] {
        flushPendingEvents();
        m_model->clear();
        m_historyDirty = true;
        m_historySaveTimer->start();
    });
    edit->addAction(tr("&Discard queued messages"), m_engine, &ClientEngine::discardQueue);

    QMenu* settingsMenu = menuBar()->addMenu(tr("&Settings"));
    m_framingGroup =
        addChoiceMenu(settingsMenu, tr("Receive &framing"),
                      {{int(Framing::Auto), tr("&Auto (line, or idle gap when no terminator)")},
                       {int(Framing::Line), tr("&Line (LF or CRLF)")},
                       {int(Framing::Raw), tr("&Raw (each read is a message)")}});
    m_terminatorGroup =
        addChoiceMenu(settingsMenu, tr("Send &terminator"),
                      {{int(Terminator::Lf), tr("&LF")},
                       {int(Terminator::CrLf), tr("&CRLF")},
                       {int(Terminator::None), tr("&None (as the reference client)")}});
    m_protocolGroup =
        addChoiceMenu(settingsMenu, tr("&Protocol"),
                      {{int(ClientProtocol::Auto),
                        tr("&Auto (Chorus if the server welcomes it, else plain text)")},
                       {int(ClientProtocol::Chorus), tr("&Chorus only")},
                       {int(ClientProtocol::Plain), tr("&Plain text only")}});
    connect(m_protocolGroup, &QActionGroup::triggered, this, [this] {
        applyConfig();
        statusBar()->showMessage(tr("The protocol choice applies from the next connection"), 5000);
    });
    connect(m_framingGroup, &QActionGroup::triggered, this, [this] { applyConfig(); });
    connect(m_terminatorGroup, &QActionGroup::triggered, this, [this] { applyConfig(); });
    settingsMenu->addAction(tr("Connect &timeout…"), this, [this] {
        bool ok = false;
        const int seconds = QInputDialog::getInt(
            this, tr("Connect timeout"), tr("Seconds to wait for a connection:"),
            int(m_engine->config().connectTimeout.count() / 1000), 1, 600, 1, &ok);
        if (!ok)
            return;
        ClientConfig config = m_engine->config();
        config.connectTimeout = std::chrono::seconds(seconds);
        m_engine->setConfig(config);
        saveSettings();
    });
    settingsMenu->addAction(tr("&Maximum message size…"), this, [this] {
        bool ok = false;
        const int bytes = QInputDialog::getInt(
            this, tr("Maximum message size"),
            tr("The server's limit in bytes; longer messages are refused before sending:"),
            int(m_engine->config().maxMessageBytes), 1, 64 * 1024 * 1024, 1024, &ok);
        if (!ok)
            return;
        ClientConfig config = m_engine->config();
        config.maxMessageBytes = bytes;
        m_engine->setConfig(config);
        saveSettings();
    });
    m_keepHistoryAction = settingsMenu->addAction(tr("&Keep history between runs"));
    m_keepHistoryAction->setCheckable(true);
    connect(m_keepHistoryAction, &QAction::toggled, this, [this](bool on) {
        if (!on)
            m_historySaveTimer->stop();
        saveSettings();
    });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Chorus Client"), this, [this] {
        QMessageBox::about(this, tr("About Chorus Client"),
                           tr("<b>Chorus Client</b> %1<br>A chat-style TCP client for testing "
                              "servers and devices.")
                               .arg(QStringLiteral(CHORUS_VERSION)));
    });
}

void ClientWindow::loadSettings(const ClientWindowOptions& options)
{
    QSettings s = settings();
    const QStringList recent = s.value(QStringLiteral("recentHosts")).toStringList();
    m_host->addItems(recent);
    const QString host =
        options.host.value_or(recent.isEmpty() ? QStringLiteral("127.0.0.1") : recent.first());
    m_host->setCurrentText(host);
    m_port->setValue(options.port.value_or(
        quint16(s.value(QStringLiteral("port"), kDefaultClientPort).toUInt())));
    m_autoReconnect->setChecked(s.value(QStringLiteral("autoReconnect"), true).toBool());
    const Framing framing = options.framing.value_or(
        framingFromName(s.value(QStringLiteral("framing")).toString()).value_or(Framing::Auto));
    const Terminator terminator = options.terminator.value_or(
        terminatorFromName(s.value(QStringLiteral("terminator")).toString())
            .value_or(Terminator::Lf));
    const ClientProtocol protocol = options.protocol.value_or(
        clientProtocolFromName(s.value(QStringLiteral("protocol")).toString())
            .value_or(ClientProtocol::Auto));
    for (QAction* action : m_protocolGroup->actions())
        action->setChecked(action->data().toInt() == int(protocol));
    for (QAction* action : m_framingGroup->actions())
        action->setChecked(action->data().toInt() == int(framing));
    for (QAction* action : m_terminatorGroup->actions())
        action->setChecked(action->data().toInt() == int(terminator));
    m_keepHistoryAction->setChecked(s.value(QStringLiteral("keepHistory"), true).toBool());
    m_name = options.name.value_or(s.value(QStringLiteral("name")).toString());
    m_nameEdit->setText(m_name);
    m_sendBox->setRecallHistory(s.value(QStringLiteral("sendHistory")).toStringList());
    restoreGeometry(s.value(QStringLiteral("geometry")).toByteArray());

    ClientConfig config = m_engine->config();
    config.connectTimeout = std::chrono::milliseconds(
        s.value(QStringLiteral("connectTimeoutMs"), qint64(kDefaultConnectTimeout.count()))
            .toLongLong());
    config.maxMessageBytes =
        s.value(QStringLiteral("maxMessageBytes"), qint64(kDefaultMaxMessageBytes)).toLongLong();
    m_engine->setConfig(config);
    applyConfig();
}

void ClientWindow::saveSettings() const
{
    QSettings s = settings();
    QStringList recent;
    for (int i = 0; i < m_host->count(); ++i)
        recent << m_host->itemText(i);
    s.setValue(QStringLiteral("recentHosts"), recent);
    s.setValue(QStringLiteral("port"), m_port->value());
    s.setValue(QStringLiteral("autoReconnect"), m_autoReconnect->isChecked());
    s.setValue(QStringLiteral("framing"), framingName(m_engine->config().framing));
    s.setValue(QStringLiteral("terminator"), terminatorName(m_engine->config().terminator));
    s.setValue(QStringLiteral("protocol"), clientProtocolName(m_engine->config().protocol));
    s.setValue(QStringLiteral("connectTimeoutMs"),
               qint64(m_engine->config().connectTimeout.count()));
    s.setValue(QStringLiteral("maxMessageBytes"), qint64(m_engine->config().maxMessageBytes));
    s.setValue(QStringLiteral("keepHistory"), m_keepHistoryAction->isChecked());
    s.setValue(QStringLiteral("name"), m_name);
    s.setValue(QStringLiteral("sendHistory"), m_sendBox->recallHistory());
    s.setValue(QStringLiteral("geometry"), saveGeometry());
}

void ClientWindow::applyConfig()
{
    ClientConfig config = m_engine->config();
    if (QAction* a = m_framingGroup->checkedAction())
        config.framing = Framing(a->data().toInt());
    if (QAction* a = m_terminatorGroup->checkedAction())
        config.terminator = Terminator(a->data().toInt());
    if (QAction* a = m_protocolGroup->checkedAction())
        config.protocol = ClientProtocol(a->data().toInt());
    config.autoReconnect = m_autoReconnect->isChecked();
    config.name = m_name;
    m_engine->setConfig(config);
}

QString ClientWindow::historyFilePath(const QString& host, quint16 port)
{
    QString safeHost = host;
    safeHost.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/history/%1_%2.jsonl").arg(safeHost).arg(port);
}

void ClientWindow::switchKeptHistory(const QString& host, quint16 port)
{
    if (!m_keepHistoryAction->isChecked())
        return;
    const QString path = historyFilePath(host, port);
    if (path == m_historyPath)
        return;
    flushPendingEvents();
    if (!m_historyPath.isEmpty()) {
        QString error;
        if (!saveKeptHistory(&error))
            addNotice(error, true);
    }
    const bool hadOtherServer = !m_historyPath.isEmpty();
    m_historyPath = path;
    m_historyDirty = false;
    if (hadOtherServer)
        m_model->clear(); // the previous server's conversation is in its own file
    QString error;
    int skipped = 0;
    const int before = m_model->count();
    if (!m_model->loadJsonLines(path, kKeptHistoryEntries, &error, &skipped)) {
        addNotice(error, true);
        return;
    }
    const int loaded = m_model->count() - before;
    if (loaded > 0)
        addNotice(tr("%1 earlier entries with %2:%3 loaded").arg(loaded).arg(host).arg(port));
    if (skipped > 0)
        addNotice(tr("%1 unreadable lines in %2 were skipped").arg(skipped).arg(path), true);
    if (loaded > 0)
        m_view->scrollToBottom();
}

bool ClientWindow::saveKeptHistory(QString* error)
{
    flushPendingEvents();
    if (!m_keepHistoryAction->isChecked() || m_historyPath.isEmpty() || !m_historyDirty)
        return true;
    if (!QDir().mkpath(QFileInfo(m_historyPath).absolutePath())) {
        if (error)
            *error = tr("Cannot create the folder for %1").arg(m_historyPath);
        return false;
    }
    if (!m_model->saveJsonLines(m_historyPath, kKeptHistoryEntries, error))
        return false;
    m_historyDirty = false;
    return true;
}

void ClientWindow::connectOrDisconnect()
{
    if (m_engine->state() != ClientState::Disconnected) {
        m_engine->disconnectFromServer();
        return;
    }
    const QString host = m_host->currentText().trimmed();
    if (host.isEmpty()) {
        statusBar()->showMessage(tr("Enter the server's host name or address"), 5000);
        m_host->setFocus();
        return;
    }
    // Most recent first, no duplicates.
    const int existing = m_host->findText(host);
    if (existing >= 0)
        m_host->removeItem(existing);
    m_host->insertItem(0, host);
    while (m_host->count() > kMaxRecentHosts)
        m_host->removeItem(m_host->count() - 1);
    m_host->setCurrentIndex(0);

    const quint16 port = quint16(m_port->value());
    switchKeptHistory(host, port);
    ClientConfig config = m_engine->config();
    config.host = host;
    config.port = port;
    m_engine->setConfig(config);
    applyConfig();
    updateTitle();
    saveSettings();
    m_engine->connectToServer();
}

void ClientWindow::onSubmitted(const QString& text)
{
    if (text.trimmed().isEmpty())
        return;
    const SendResult result = m_engine->send(text);
    if (result.status == SendStatus::Refused) {
        // Keep the text so nothing typed is lost; the reason is in the history too.
        statusBar()->showMessage(result.reason, 10000);
        return;
    }
    m_sendBox->remember(text);
    m_sendBox->clear();
    if (result.status == SendStatus::Queued)
        statusBar()->showMessage(
            tr("Not connected: %n message(s) queued; they go out when the connection is back",
               nullptr, int(m_engine->queuedCount())),
            5000);
}

void ClientWindow::onEvent(const ClientEvent& event)
{
    if (event.kind == ClientEvent::Kind::Received && event.rttMs) {
        m_recentRtts.push_back(*event.rttMs);
        if (m_recentRtts.size() > kRttWindow)
            m_recentRtts.pop_front();
    }
    if (event.kind == ClientEvent::Kind::Error || event.kind == ClientEvent::Kind::Refused)
        statusBar()->showMessage(event.text, 10000);
    m_pendingEvents.append(event);
    m_statsDirty = true;
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void ClientWindow::flushPendingEvents()
{
    m_flushTimer->stop();
    if (!m_pendingEvents.isEmpty()) {
        const QScrollBar* bar = m_view->verticalScrollBar();
        const bool atBottom = bar->value() >= bar->maximum() - 4;
        const QList<ClientEvent> batch = std::exchange(m_pendingEvents, {});
        m_model->applyEvents(batch);
        if (atBottom)
            m_view->scrollToBottom();
        if (m_keepHistoryAction->isChecked() && !m_historyPath.isEmpty()) {
            m_historyDirty = true;
            if (!m_historySaveTimer->isActive())
                m_historySaveTimer->start();
        }
    }
    if (m_statsDirty)
        updateStats();
}

void ClientWindow::addNotice(const QString& text, bool error)
{
    ClientEvent event;
    event.kind = error ? ClientEvent::Kind::Error : ClientEvent::Kind::Notice;
    event.text = text;
    event.time = QDateTime::currentDateTime();
    onEvent(event);
}

void ClientWindow::onStateChanged(ClientState state)
{
    m_connectButton->setText(state == ClientState::Disconnected ? tr("Connect") : tr("Disconnect"));
    m_host->setEnabled(state == ClientState::Disconnected);
    m_port->setEnabled(state == ClientState::Disconnected);
    if (state == ClientState::Reconnecting)
        m_countdown = m_engine->reconnectSecondsLeft();
    updateStateLabel();
    updateTitle();
}

void ClientWindow::updateStateLabel()
{
    const ClientConfig& config = m_engine->config();
    switch (m_engine->state()) {
    case ClientState::Disconnected:
        m_stateLabel->setText(tr("Disconnected"));
        break;
    case ClientState::Connecting:
        m_stateLabel->setText(tr("Connecting to %1:%2…").arg(config.host).arg(config.port));
        break;
    case ClientState::Connected: {
        QString mode = tr(" · plain text");
        if (m_engine->isChorusMode())
            mode = tr(" · Chorus, you are #%1").arg(m_engine->clientId());
        else if (m_engine->isNegotiating())
            mode = tr(" · offering Chorus…");
        m_stateLabel->setText(tr("Connected to %1 since %2")
                                  .arg(m_engine->peerLabel(), m_engine->connectedSince().toString(
                                                                  QStringLiteral("hh:mm:ss"))) +
                              mode);
        break;
    }
    case ClientState::Reconnecting:
        m_stateLabel->setText(tr("Reconnecting in %1 s").arg(m_countdown));
        break;
    }
}

void ClientWindow::updateStats()
{
    m_statsDirty = false;
    const ClientStats& s = m_engine->stats();
    QString median = tr("–");
    if (!m_recentRtts.empty()) {
        std::vector<double> sorted(m_recentRtts.begin(), m_recentRtts.end());
        const auto mid = sorted.begin() + std::ptrdiff_t(sorted.size() / 2);
        std::nth_element(sorted.begin(), mid, sorted.end());
        median = tr("%1 ms").arg(*mid, 0, 'f', 1);
    }
    QString text = tr("Sent %1 (%2) · received %3 (%4) · median RTT %5")
                       .arg(s.messagesSent)
                       .arg(formatBytes(s.bytesSent))
                       .arg(s.messagesReceived)
                       .arg(formatBytes(s.bytesReceived))
                       .arg(median);
    if (m_engine->queuedCount() > 0)
        text += tr(" · %1 queued").arg(m_engine->queuedCount());
    m_statsLabel->setText(text);
}

void ClientWindow::updateTitle()
{
    setWindowTitle(
        tr("Chorus Client — %1:%2").arg(m_host->currentText().trimmed()).arg(m_port->value()));
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
    statusBar()->showMessage(tr("%n entries copied", nullptr, int(rows.size())), 3000);
}

void ClientWindow::showFindBar()
{
    m_findBar->show();
    m_findEdit->setFocus();
    m_findEdit->selectAll();
    m_delegate->setHighlight(m_findEdit->text());
}

void ClientWindow::find(bool forward)
{
    flushPendingEvents();
    const QString text = m_findEdit->text();
    if (text.isEmpty()) {
        m_findStatus->clear();
        return;
    }
    const QModelIndex current = m_view->currentIndex();
    const int from = current.isValid() ? current.row() : (forward ? -1 : m_model->count());
    const int row = m_model->find(text, from, forward);
    if (row < 0) {
        m_findStatus->setText(tr("Not found"));
        return;
    }
    m_findStatus->setText(tr("Entry %1 of %2").arg(row + 1).arg(m_model->count()));
    const QModelIndex index = m_model->index(row);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void ClientWindow::toggleRepeat()
{
    if (m_repeat->isRunning()) {
        m_repeat->stop();
        return;
    }
    if (m_repeat->start(m_sendBox->toPlainText(),
                        std::chrono::milliseconds(m_repeatInterval->value()),
                        m_repeatCount->value()))
        m_repeatButton->setText(tr("Stop"));
}

bool ClientWindow::saveHistoryAs(const QString& path, bool json, QString* error) const
{
    const_cast<ClientWindow*>(this)->flushPendingEvents();
    return json ? m_model->saveJson(path, error) : m_model->saveText(path, error);
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
    QString error;
    if (!saveHistoryAs(path, json, &error))
        QMessageBox::warning(this, tr("Save history"), error);
    else
        statusBar()->showMessage(tr("History saved to %1").arg(path), 5000);
}

void ClientWindow::closeEvent(QCloseEvent* event)
{
    m_repeat->stop();
    QString error;
    if (!saveKeptHistory(&error))
        qWarning("%s", qPrintable(error));
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace chorus
