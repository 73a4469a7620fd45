// The chorus-client window driven like a user (offscreen): type, Enter, see
// the message and its reply with a round-trip time; recall; disconnect;
// refusals; a plain peer that receives only what is typed; a reconnect run
// as one updating line; widths that fit half a laptop screen; each window's
// own session, kept and reopened; saves on a full disk that keep old files.

#include "ClientEventText.h"
#include "ClientWindow.h"
#include "ElidedLabel.h"
#include "EngineHarness.h"
#include "FullFileSystem.h"
#include "HistoryModel.h"
#include "SendBox.h"
#include "SessionView.h"
#include "wire/ChorusProtocol.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace std::chrono_literals;

namespace {
QByteArray utf8(const QString& text)
{
    return text.toUtf8();
}

// Answers every line with "re:<line>" and keeps every byte it received.
class EchoPeer : public QObject
{
public:
    QTcpServer server;
    QByteArray received;
    bool closing = false; // accept and close at once instead

    bool listen(const QHostAddress& address = QHostAddress::LocalHost)
    {
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = server.nextPendingConnection()) {
                if (closing) {
                    socket->disconnectFromHost();
                    continue;
                }
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const QByteArray data = socket->readAll();
                    received += data;
                    for (const QByteArray& line : data.split('\n'))
                        if (!line.isEmpty())
                            socket->write("re:" + line + "\n");
                });
            }
        });
        return server.listen(address, 0);
    }
    quint16 port() const { return server.serverPort(); }
};

int findRow(const HistoryModel* model, HistoryEntry::Kind kind, const QString& text)
{
    for (int row = model->count() - 1; row >= 0; --row)
        if (model->entry(row).kind == kind && model->entry(row).payload == text.toUtf8())
            return row;
    return -1;
}

int countNotice(const HistoryModel* model, ClientNotice notice)
{
    int n = 0;
    for (int row = 0; row < model->count(); ++row)
        n += model->entry(row).notice == notice ? 1 : 0;
    return n;
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The window's minimum width once pending layout requests are done: a label
// that grows posts one to its parent, which posts one to its own parent on
// the way up, and the cached minimum is stale until they ran.
int settledMinimumWidth(QWidget& window)
{
    constexpr int kLayoutDepth = 6; // bar, central widget, window, with room to spare
    for (int level = 0; level < kLayoutDepth; ++level)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    return window.minimumSizeHint().width();
}

// Laptop: 1366 px wide; both windows side by side.
constexpr int kHalfScreen = 683;
constexpr int kMaxMinimumWidth = 660;
} // namespace

class TestClientGui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void conversation();
    void refusedAndQueuedAreVisible();
    void plainPeerReceivesOnlyWhatIsTyped();
    void chorusServerPingAndBroadcast();
    void reconnectRunIsOneUpdatingLine();
    void reconnectDelayShownAsItIs();
    void windowFitsHalfALaptopScreen();
    void eachWindowHasItsOwnSession();
    void savedSessionReopensByteExact();
    void fullDiskKeepsOldFilesAndSaysSo();

private:
    // A fresh settings file and history folder for each window set.
    ClientWindowOptions optionsFor(const QTemporaryDir& dir, quint16 port) const;
    EchoPeer m_peer;
};

void TestClientGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_peer.listen());
}

ClientWindowOptions TestClientGui::optionsFor(const QTemporaryDir& dir, quint16 port) const
{
    ClientWindowOptions options;
    options.settingsPath = dir.filePath(QStringLiteral("config/chorus-client.conf"));
    options.historyFolder = dir.filePath(QStringLiteral("history"));
    options.set(ClientSetting::Host, QStringLiteral("127.0.0.1"));
    options.set(ClientSetting::Port, port);
    return options;
}

void TestClientGui::conversation()
{
    QTemporaryDir dir;
    ClientWindow window(optionsFor(dir, m_peer.port()));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTRY_COMPARE(QApplication::focusWidget(), window.sendBox());
    QVERIFY(window.windowTitle().contains(QStringLiteral("127.0.0.1:%1").arg(m_peer.port())));
    QCOMPARE(window.stateLabel()->text(), ClientEventText::state(ClientState::Disconnected));

    QTest::mouseClick(window.connectButton(), Qt::LeftButton);
    QTRY_COMPARE(window.engine()->state(), ClientState::Connected);
    QVERIFY2(window.stateLabel()->text().contains(window.engine()->peerLabel()),
             qPrintable(window.stateLabel()->text()));
    QVERIFY(!window.retryButton()->isEnabled());

    const QString message = QStringLiteral("hello 드론");
    window.sendBox()->setFocus();
    QTest::keyClicks(window.sendBox(), QStringLiteral("hello "));
    // keyClicks takes Latin-1 only; Korean arrives as one key event with text, as from an IME.
    QTest::sendKeyEvent(QTest::Click, window.sendBox(), Qt::Key_unknown, QStringLiteral("드론"),
                        Qt::NoModifier);
    QCOMPARE(window.sendBox()->toPlainText(), message);
    QTest::keyClick(window.sendBox(), Qt::Key_Return);
    QCOMPARE(window.sendBox()->toPlainText(), QString());
    HistoryModel* model = window.historyModel();
    QTRY_VERIFY(findRow(model, HistoryEntry::Kind::Sent, message) >= 0);
    QTRY_VERIFY(findRow(model, HistoryEntry::Kind::Received, QStringLiteral("re:") + message) >= 0);
    const int reply = findRow(model, HistoryEntry::Kind::Received, QStringLiteral("re:") + message);
    QVERIFY(model->index(reply).data(HistoryModel::RttRole).isValid());
    QVERIFY(model->index(reply).data(HistoryModel::RttRole).toDouble() >= 0.0);
    QTRY_COMPARE(window.engine()->stats().messagesReceived, 1u);

    // Shift+Enter adds a line, it does not send; both lines then go separately.
    QTest::keyClicks(window.sendBox(), QStringLiteral("one"));
    QTest::keyClick(window.sendBox(), Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(window.sendBox(), QStringLiteral("two"));
    QCOMPARE(window.sendBox()->toPlainText(), QStringLiteral("one\ntwo"));
    QTest::keyClick(window.sendBox(), Qt::Key_Return);
    QTRY_VERIFY(findRow(model, HistoryEntry::Kind::Received, QStringLiteral("re:two")) >= 0);
    QVERIFY(findRow(model, HistoryEntry::Kind::Received, QStringLiteral("re:one")) >= 0);

    // Up recalls the last message, again the one before; Down comes back.
    QTest::keyClick(window.sendBox(), Qt::Key_Up);
    QCOMPARE(window.sendBox()->toPlainText(), QStringLiteral("one\ntwo"));
    QTest::keyClick(window.sendBox(), Qt::Key_Up); // cursor at the end: on the last line first
    QTest::keyClick(window.sendBox(), Qt::Key_Up);
    QCOMPARE(window.sendBox()->toPlainText(), message);
    QTest::keyClick(window.sendBox(), Qt::Key_Down);
    QCOMPARE(window.sendBox()->toPlainText(), QStringLiteral("one\ntwo"));

    // Ctrl+C on selected entries copies them as text.
    window.historyView()->selectionModel()->select(model->index(reply),
                                                   QItemSelectionModel::ClearAndSelect);
    window.historyView()->setFocus();
    QTest::keyClick(window.historyView(), Qt::Key_C, Qt::ControlModifier);
    QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("re:") + message));

    // Ctrl+F opens the find bar; typing selects the matching entry.
    QTest::keyClick(window.sendBox(), Qt::Key_F, Qt::ControlModifier);
    auto* findEdit = window.findChild<QLineEdit*>(QStringLiteral("findEdit"));
    QVERIFY(findEdit);
    QTRY_VERIFY(findEdit->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), findEdit);
    QTest::keyClicks(findEdit, QStringLiteral("re:two"));
    QCOMPARE(window.historyView()->currentIndex().row(),
             findRow(model, HistoryEntry::Kind::Received, QStringLiteral("re:two")));

    // Disconnect shows a notice and the state.
    QTest::mouseClick(window.connectButton(), Qt::LeftButton);
    QCOMPARE(window.engine()->state(), ClientState::Disconnected);
    QTRY_COMPARE(countNotice(model, ClientNotice::Disconnected), 1);
    QCOMPARE(window.stateLabel()->text(), ClientEventText::state(ClientState::Disconnected));
    window.close();
}

void TestClientGui::refusedAndQueuedAreVisible()
{
    QTemporaryDir dir;
    ClientWindowOptions options = optionsFor(dir, m_peer.port());
    options.set(ClientSetting::MaxMessage, 8);
    ClientWindow window(options);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.engine()->config().maxMessageBytes, 8);

    // Typed while disconnected: queued, visibly.
    QTest::keyClicks(window.sendBox(), QStringLiteral("early"));
    QTest::keyClick(window.sendBox(), Qt::Key_Return);
    HistoryModel* model = window.historyModel();
    QTRY_VERIFY(findRow(model, HistoryEntry::Kind::Sent, QStringLiteral("early")) >= 0);
    const int queuedRow = findRow(model, HistoryEntry::Kind::Sent, QStringLiteral("early"));
    QVERIFY(model->index(queuedRow).data(HistoryModel::QueuedRole).toBool());

    // Over the limit: refused, text kept in the box, reason in history and status bar.
    QTest::keyClicks(window.sendBox(), QStringLiteral("far too long"));
    QTest::keyClick(window.sendBox(), Qt::Key_Return);
    QCOMPARE(window.sendBox()->toPlainText(), QStringLiteral("far too long"));
    window.flushPendingEvents();
    QCOMPARE(model->entry(model->count() - 1).kind, HistoryEntry::Kind::Error);
    QCOMPARE(model->entry(model->count() - 1).error, ClientError::MessageTooLong);
    QCOMPARE(window.statusLabel()->text(), model->entry(model->count() - 1).text);

    // On connect the queued message goes out and its entry is no longer queued.
    window.connectOrDisconnect();
    QTRY_VERIFY(findRow(model, HistoryEntry::Kind::Received, QStringLiteral("re:early")) >= 0);
    QTRY_VERIFY(!model->index(findRow(model, HistoryEntry::Kind::Sent, QStringLiteral("early")))
                     .data(HistoryModel::QueuedRole)
                     .toBool());
    window.close();
}

void TestClientGui::plainPeerReceivesOnlyWhatIsTyped()
{
    // Issue 8, item 2, as a new user meets it: a fresh settings store, the
    // default protocol (Auto), a plain device. It must get the typed bytes
    // and nothing else, from the first byte on.
    EchoPeer device;
    QVERIFY(device.listen());
    QTemporaryDir dir;
    ClientWindow window(optionsFor(dir, device.port()));
    QCOMPARE(window.currentSettings().get(settingId(ClientSetting::Protocol)).toString(),
             QStringLiteral("auto"));
    window.show();
    window.connectOrDisconnect();
    QTRY_COMPARE(window.engine()->state(), ClientState::Connected);
    QTest::keyClicks(window.sendBox(), QStringLiteral("AT+VER?"));
    QTest::keyClick(window.sendBox(), Qt::Key_Return);
    QTRY_COMPARE(device.received, QByteArray("AT+VER?\n"));
    QTRY_VERIFY(findRow(window.historyModel(), HistoryEntry::Kind::Received,
                        QStringLiteral("re:AT+VER?")) >= 0);
    // The window says how to switch, once, in the history.
    QCOMPARE(countNotice(window.historyModel(), ClientNotice::PlainText), 1);
    QVERIFY(!window.pingButton()->isEnabled());
    window.close();
}

void TestClientGui::chorusServerPingAndBroadcast()
{
    // A minimal Chorus server: welcome as #7, pong, and a broadcast after the first msg.
    QTcpServer server;
    QByteArray helloLine;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        QTcpSocket* socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [&, socket] {
            while (socket->canReadLine()) {
                const QByteArray line = socket->readLine();
                const ChorusDecodeResult decoded = decodeChorusLine(line);
                if (!decoded.ok())
                    continue;
                const ChorusMessage& m = decoded.message;
                if (m.type == ChorusMessageType::Hello) {
                    helloLine = line;
                    socket->write(encodeChorusMessage(makeWelcome(7, QStringLiteral("fake"))));
                } else if (m.type == ChorusMessageType::Ping) {
                    socket->write(encodeChorusMessage(makePong(m.t)));
                } else if (m.type == ChorusMessageType::Msg) {
                    socket->write(encodeChorusMessage(makeReply(m.seq, QStringLiteral("ok"))));
                    socket->write(encodeChorusMessage(makeBroadcast(QStringLiteral("to all"))));
                }
            }
        });
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QTemporaryDir dir;
    ClientWindowOptions options = optionsFor(dir, server.serverPort());
    options.set(ClientSetting::Name, QStringLiteral("tester"));
    options.set(ClientSetting::Protocol, QStringLiteral("chorus"));
    ClientWindow window(options);
    window.show();
    QVERIFY(!window.pingButton()->isEnabled());
    window.connectOrDisconnect();
    QTRY_VERIFY(window.engine()->isChorusMode());
    QVERIFY(helloLine.contains("\"name\":\"tester\""));
    QVERIFY2(window.stateLabel()->text().contains(QStringLiteral("#7")),
             qPrintable(window.stateLabel()->text()));
    QVERIFY(window.pingButton()->isEnabled());
    HistoryModel* model = window.historyModel();
    QTRY_COMPARE(countNotice(model, ClientNotice::ChorusWelcome), 1);

    QTest::mouseClick(window.pingButton(), Qt::LeftButton);
    // The pong: a notice with a round trip.
    QTRY_VERIFY([model] {
        for (int row = 0; row < model->count(); ++row) {
            if (model->entry(row).kind == HistoryEntry::Kind::Notice && model->entry(row).hasRtt())
                return true;
        }
        return false;
    }());

    window.engine()->send(utf8(QStringLiteral("hi")));
    QTRY_VERIFY(findRow(model, HistoryEntry::Kind::Broadcast, QStringLiteral("to all")) >= 0);
    const int reply = findRow(model, HistoryEntry::Kind::Received, QStringLiteral("ok"));
    QVERIFY(reply >= 0 && model->entry(reply).hasRtt());
    window.engine()->disconnectFromServer();
    QVERIFY(!window.pingButton()->isEnabled());
}

void TestClientGui::reconnectRunIsOneUpdatingLine()
{
    // Issue 8, item 3: each failed retry added three entries to the kept history.
    EchoPeer closing;
    closing.closing = true;
    QVERIFY(closing.listen());
    QTemporaryDir dir;
    ClientWindow window(optionsFor(dir, closing.port()));
    ClientConfig fast = window.engine()->config();
    fast.reconnectInitial = 10ms;
    fast.reconnectMax = 40ms;
    window.engine()->setConfig(fast);
    window.show();
    window.connectOrDisconnect();
    QTRY_VERIFY(window.engine()->reconnectAttempt() >= 2);
    window.flushPendingEvents();
    const int afterFirstRetry = window.historyModel()->count();
    const int runRow = window.historyModel()->retryRow();
    QVERIFY(runRow >= 0);
    QTRY_VERIFY_WITH_TIMEOUT(window.engine()->reconnectAttempt() >= 12, 10000);
    window.flushPendingEvents();
    QCOMPARE(window.historyModel()->count(), afterFirstRetry);
    QCOMPARE(window.historyModel()->retryRow(), runRow);
    QVERIFY(window.historyModel()->entry(runRow).error == ClientError::RemoteClosed);
    // Connecting, Connected, plain-text notice, the drop, and the run's one line.
    QCOMPARE(countNotice(window.historyModel(), ClientNotice::Connected), 1);
    QCOMPARE(countNotice(window.historyModel(), ClientNotice::RetryWaiting) +
                 countNotice(window.historyModel(), ClientNotice::RetryConnecting) +
                 countNotice(window.historyModel(), ClientNotice::RetryConnected),
             1);
    window.connectOrDisconnect(); // Disconnect ends the run
    QCOMPARE(window.engine()->state(), ClientState::Disconnected);
}

void TestClientGui::reconnectDelayShownAsItIs()
{
    // Issue 8, items 3 and 12: a 0.5 s wait read "Reconnecting in 1 s".
    EchoPeer closing;
    closing.closing = true;
    QVERIFY(closing.listen());
    QTemporaryDir dir;
    ClientWindow window(optionsFor(dir, closing.port()));
    window.show();
    QCOMPARE(window.engine()->config().reconnectInitial, kDefaultReconnectInitial);
    QString shownAtStart;
    connect(window.engine(), &ClientEngine::stateChanged, this, [&](ClientState state) {
        if (state == ClientState::Reconnecting && shownAtStart.isEmpty())
            shownAtStart = window.stateLabel()->text();
    });
    window.connectOrDisconnect();
    QTRY_VERIFY(!shownAtStart.isEmpty());
    QCOMPARE(window.engine()->reconnectDelay(), 500ms);
    QVERIFY2(shownAtStart.contains(QLocale().toString(0.5, 'f', 1)), qPrintable(shownAtStart));
    QVERIFY(!shownAtStart.contains(QStringLiteral(" 1 s")));
    QVERIFY(window.retryButton()->isEnabled());
    QTest::mouseClick(window.retryButton(), Qt::LeftButton);
    QVERIFY(window.engine()->state() == ClientState::Connecting ||
            window.engine()->state() == ClientState::Connected);
    window.engine()->disconnectFromServer();
    QVERIFY(!window.retryButton()->isEnabled());
}

void TestClientGui::windowFitsHalfALaptopScreen()
{
    // Issue 8, item 6: the connection label set a minimum width of ~1125 px.
    QTemporaryDir dir;
    ClientWindow window(optionsFor(dir, m_peer.port()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.width() <= kHalfScreen, qPrintable(QString::number(window.width())));
    QVERIFY(settledMinimumWidth(window) <= kMaxMinimumWidth);

    // A long host name, shown in the state line while connecting.
    const QString longHost = QStringLiteral(
        "ground-station-telemetry-relay-number-seven.hangar-b.flight-test-bench.drone-lab."
        "engineering.example.invalid");
    window.hostCombo()->setCurrentText(longHost);
    window.connectOrDisconnect();
    QCOMPARE(window.engine()->state(), ClientState::Connecting);
    QVERIFY(window.stateLabel()->text().contains(longHost));
    QVERIFY2(settledMinimumWidth(window) <= kMaxMinimumWidth,
             qPrintable(QString::number(settledMinimumWidth(window))));
    window.engine()->disconnectFromServer();

    // Connected over IPv6: "[::1]:port since … · plain text".
    EchoPeer six;
    if (six.listen(QHostAddress::LocalHostIPv6)) {
        window.hostCombo()->setCurrentText(QStringLiteral("::1"));
        window.portSpin()->setValue(six.port());
        window.connectOrDisconnect();
        QTRY_COMPARE(window.engine()->state(), ClientState::Connected);
        QVERIFY(window.stateLabel()->text().contains(QStringLiteral("[::1]:")));
        QVERIFY(settledMinimumWidth(window) <= kMaxMinimumWidth);
        window.engine()->disconnectFromServer();
    } else {
        qInfo("no IPv6 loopback here: the [::1] case is not run");
    }

    // A long error in the status bar, and long figures: elided, full text in the tooltip.
    const QString longError =
        QStringLiteral("Connection to %1 failed: %2").arg(longHost, QString(300, QLatin1Char('x')));
    window.showStatus(longError);
    window.statsLabel()->setText(QString(400, QLatin1Char('9')));
    QVERIFY2(settledMinimumWidth(window) <= kMaxMinimumWidth,
             qPrintable(QString::number(settledMinimumWidth(window))));
    QVERIFY(window.width() <= kHalfScreen);
    QVERIFY(window.statusLabel()->isElided());
    QCOMPARE(window.statusLabel()->toolTip(), longError);
}

void TestClientGui::eachWindowHasItsOwnSession()
{
    // Issue 8, item 7: a second window to the same server showed the first
    // window's conversation ("You are #3" while it was #4).
    testing::EngineHarness server;
    const quint16 port = server.start();
    QVERIFY(port != 0);
    QTemporaryDir dir;
    ClientWindowOptions options = optionsFor(dir, port);
    options.set(ClientSetting::Protocol, QStringLiteral("chorus"));
    ClientWindow first(options);
    first.show();
    first.connectOrDisconnect();
    QTRY_VERIFY(first.engine()->isChorusMode());
    first.engine()->send(utf8(QStringLiteral("from window 1")));
    QTRY_COMPARE(first.engine()->stats().messagesReceived, 1u);
    QVERIFY(first.saveKeptHistory().ok());
    QVERIFY(QFile::exists(first.sessionPath()));

    options.set(ClientSetting::Protocol, QStringLiteral("auto")); // welcomed before: Chorus
    ClientWindow second(options);
    second.show();
    second.connectOrDisconnect();
    QTRY_VERIFY(second.engine()->isChorusMode());
    QVERIFY(second.engine()->clientId() != first.engine()->clientId());
    second.flushPendingEvents();
    first.flushPendingEvents();
    QVERIFY(first.historyModel() != second.historyModel());
    QCOMPARE(
        findRow(second.historyModel(), HistoryEntry::Kind::Sent, QStringLiteral("from window 1")),
        -1);
    QCOMPARE(countNotice(second.historyModel(), ClientNotice::ChorusWelcome), 1);
    QCOMPARE(countNotice(first.historyModel(), ClientNotice::ChorusWelcome), 1);
    second.engine()->send(utf8(QStringLiteral("from window 2")));
    QTRY_COMPARE(second.engine()->stats().messagesReceived, 1u);
    QVERIFY(second.saveKeptHistory().ok());
    QVERIFY(second.sessionPath() != first.sessionPath());
    QCOMPARE(
        findRow(first.historyModel(), HistoryEntry::Kind::Sent, QStringLiteral("from window 2")),
        -1);
    first.engine()->disconnectFromServer();
    second.engine()->disconnectFromServer();
}

void TestClientGui::savedSessionReopensByteExact()
{
    QTemporaryDir dir;
    ClientWindowOptions options = optionsFor(dir, m_peer.port());
    QString path;
    {
        ClientWindow window(options);
        window.show();
        window.connectOrDisconnect();
        QTRY_COMPARE(window.engine()->state(), ClientState::Connected);
        window.engine()->send(utf8(QStringLiteral("keep me 드론 \"quoted\" \\ \t tab")));
        QTRY_COMPARE(window.engine()->stats().messagesReceived, 1u);
        const QString json = dir.filePath(QStringLiteral("h.json"));
        QVERIFY(window.saveHistoryAs(json, true).ok());
        QList<HistoryEntry> exported;
        QVERIFY(HistoryModel::readEntries(json, &exported).ok());
        QCOMPARE(exported.size(), window.historyModel()->count());
        window.close(); // writes the session
        path = window.sessionPath();
    }
    const QByteArray saved = fileBytes(path);
    QVERIFY(!saved.isEmpty());

    // A new window starts empty; File → Recent sessions reopens the old one.
    ClientWindow again(options);
    again.show();
    again.connectOrDisconnect();
    again.flushPendingEvents();
    QCOMPARE(findRow(again.historyModel(), HistoryEntry::Kind::Received,
                     QStringLiteral("re:keep me 드론 \"quoted\" \\ \t tab")),
             -1);
    SessionView* view = again.openSession(path);
    QVERIFY(view->loadResult().ok());
    QCOMPARE(view->skippedLines(), 0);
    QVERIFY(findRow(view->model(), HistoryEntry::Kind::Received,
                    QStringLiteral("re:keep me 드론 \"quoted\" \\ \t tab")) >= 0);
    QCOMPARE(view->model()->toJsonLines(), saved);
    again.engine()->disconnectFromServer();
}

void TestClientGui::fullDiskKeepsOldFilesAndSaysSo()
{
    // Issue 8, item 9: a save on a full disk must keep the old file and say so.
    testing::FullFileSystem disk;
    if (!disk.isReady())
        QSKIP(qPrintable(disk.skipReason()));
    ClientWindowOptions options;
    options.settingsPath = disk.filePath(QStringLiteral("config/chorus-client.conf"));
    options.historyFolder = disk.filePath(QStringLiteral("history"));
    options.set(ClientSetting::Host, QStringLiteral("127.0.0.1"));
    options.set(ClientSetting::Port, m_peer.port());
    ClientWindow window(options);
    window.show();
    window.connectOrDisconnect();
    QTRY_COMPARE(window.engine()->state(), ClientState::Connected);
    window.engine()->send(utf8(QStringLiteral("before the disk filled up")));
    QTRY_COMPARE(window.engine()->stats().messagesReceived, 1u);
    QVERIFY(window.saveKeptHistory().ok());
    QVERIFY(window.saveSettings().ok());
    const QByteArray historyBefore = fileBytes(window.sessionPath());
    const QByteArray settingsBefore = fileBytes(options.settingsPath);
    QVERIFY(!historyBefore.isEmpty());
    QVERIFY(!settingsBefore.isEmpty());

    QVERIFY(disk.fill());
    window.engine()->send(utf8(QStringLiteral("after: %1").arg(QString(8000, QLatin1Char('x')))));
    QTRY_COMPARE(window.engine()->stats().messagesReceived, 2u);
    const FileResult history = window.saveKeptHistory();
    QVERIFY(!history.ok());
    window.changeSetting(ClientSetting::ConnectTimeout, 12345);
    QVERIFY(window.saveError(SavedFile::Settings) != FileError::None);
    QVERIFY(window.saveError(SavedFile::History) != FileError::None);
    QCOMPARE(window.saveError(SavedFile::History), history.error);
    QCOMPARE(fileBytes(window.sessionPath()), historyBefore);
    QCOMPARE(fileBytes(options.settingsPath), settingsBefore);
    // Said in the window: an error entry each, and the status bar.
    int errors = 0;
    for (int row = 0; row < window.historyModel()->count(); ++row)
        errors += window.historyModel()->entry(row).kind == HistoryEntry::Kind::Error ? 1 : 0;
    QVERIFY(errors >= 2);
    QVERIFY(!window.statusLabel()->text().isEmpty());

    // Room again: the next saves work and say so.
    disk.drain();
    QVERIFY(window.saveKeptHistory().ok());
    QVERIFY(window.saveSettings().ok());
    QCOMPARE(window.saveError(SavedFile::History), FileError::None);
    QCOMPARE(window.saveError(SavedFile::Settings), FileError::None);
    QVERIFY(fileBytes(window.sessionPath()).contains("after: xxxx"));
    window.engine()->disconnectFromServer();
}

QTEST_MAIN(TestClientGui)
#include "tst_clientgui.moc"
