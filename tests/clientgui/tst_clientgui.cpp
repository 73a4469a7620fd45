// The chorus-client window driven like a user (offscreen): type, Enter, see
// the message and its reply with a round-trip time; recall; disconnect;
// refusals; saving and the history kept between runs.

#include "wire/ChorusProtocol.h"
#include "ClientWindow.h"
#include "HistoryModel.h"
#include "SendBox.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

namespace {
// Answers every line with "re:<line>".
class EchoPeer : public QObject
{
public:
    QTcpServer server;
    bool listen()
    {
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    const QByteArray data = socket->readAll();
                    for (const QByteArray& line : data.split('\n'))
                        if (!line.isEmpty())
                            socket->write("re:" + line + "\n");
                });
            }
        });
        return server.listen(QHostAddress::LocalHost, 0);
    }
};

int findRow(const HistoryModel* model, HistoryEntry::Kind kind, const QString& text)
{
    for (int row = model->count() - 1; row >= 0; --row)
        if (model->entry(row).kind == kind && model->entry(row).text == text)
            return row;
    return -1;
}

bool hasNotice(const HistoryModel* model, const QString& text)
{
    for (int row = 0; row < model->count(); ++row)
        if (model->entry(row).kind == HistoryEntry::Kind::Notice && model->entry(row).text == text)
            return true;
    return false;
}
} // namespace

class TestClientGui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void conversation();
    void refusedAndQueuedAreVisible();
    void savedHistoryReloads();
    void chorusServerPingAndBroadcast();

private:
    EchoPeer m_peer;
};

void TestClientGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings(QStringLiteral("Chorus"), QStringLiteral("chorus-client")).clear();
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
         QStringLiteral("/history"))
        .removeRecursively();
    QVERIFY(m_peer.listen());
}

void TestClientGui::conversation()
{
    ClientWindowOptions options;
    options.host = QStringLiteral("127.0.0.1");
    options.port = m_peer.server.serverPort();
    ClientWindow window(options);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTRY_COMPARE(QApplication::focusWidget(), window.sendBox());
    QVERIFY(window.windowTitle().contains(
        QStringLiteral("127.0.0.1:%1").arg(m_peer.server.serverPort())));
    QCOMPARE(window.stateLabel()->text(), QStringLiteral("Disconnected"));

    QTest::mouseClick(window.connectButton(), Qt::LeftButton);
    QTRY_COMPARE(window.engine()->state(), ClientState::Connected);
    QVERIFY2(window.stateLabel()->text().startsWith(QStringLiteral("Connected to 127.0.0.1:")),
             qPrintable(window.stateLabel()->text()));
    QCOMPARE(window.connectButton()->text(), QStringLiteral("Disconnect"));

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
    QTRY_VERIFY(window.statsLabel()->text().contains(QStringLiteral("Sent 1")));
    QVERIFY(window.statsLabel()->text().contains(QStringLiteral("received 1")));
    QVERIFY(window.statsLabel()->text().contains(QStringLiteral(" ms")));

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
    QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("server: re:") + message));

    // Ctrl+F opens the find bar; typing selects the matching entry.
    QTest::keyClick(window.sendBox(), Qt::Key_F, Qt::ControlModifier);
    QLineEdit* findEdit = window.findChild<QLineEdit*>(QStringLiteral("findEdit"));
    QVERIFY(findEdit);
    QTRY_VERIFY(findEdit->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), findEdit);
    QTest::keyClicks(findEdit, QStringLiteral("re:two"));
    QCOMPARE(window.historyView()->currentIndex().row(),
             findRow(model, HistoryEntry::Kind::Received, QStringLiteral("re:two")));

    // Disconnect shows a notice and the state.
    QTest::mouseClick(window.connectButton(), Qt::LeftButton);
    QCOMPARE(window.engine()->state(), ClientState::Disconnected);
    QTRY_VERIFY(hasNotice(model, QStringLiteral("Disconnected")));
    QCOMPARE(window.stateLabel()->text(), QStringLiteral("Disconnected"));
    QCOMPARE(window.connectButton()->text(), QStringLiteral("Connect"));
    window.close();
}

void TestClientGui::refusedAndQueuedAreVisible()
{
    ClientWindowOptions options;
    options.host = QStringLiteral("127.0.0.1");
    options.port = m_peer.server.serverPort();
    ClientWindow window(options);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ClientConfig config = window.engine()->config();
    config.maxMessageBytes = 8;
    window.engine()->setConfig(config);

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
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("at most 8 bytes")));
    window.flushPendingEvents();
    QCOMPARE(model->entry(model->count() - 1).kind, HistoryEntry::Kind::Error);

    // On connect the queued message goes out and its entry is no longer queued.
    window.connectOrDisconnect();
    QTRY_VERIFY(findRow(model, HistoryEntry::Kind::Received, QStringLiteral("re:early")) >= 0);
    QTRY_VERIFY(!model->index(findRow(model, HistoryEntry::Kind::Sent, QStringLiteral("early")))
                     .data(HistoryModel::QueuedRole)
                     .toBool());
    window.close();
}

void TestClientGui::savedHistoryReloads()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const quint16 port = m_peer.server.serverPort();
    ClientWindowOptions options;
    options.host = QStringLiteral("127.0.0.1");
    options.port = port;
    int entries = 0;
    {
        ClientWindow window(options);
        window.show();
        window.connectOrDisconnect();
        QTRY_COMPARE(window.engine()->state(), ClientState::Connected);
        window.engine()->send(QStringLiteral("keep me"));
        QTRY_VERIFY(findRow(window.historyModel(), HistoryEntry::Kind::Received,
                            QStringLiteral("re:keep me")) >= 0);
        QString error;
        const QString json = dir.filePath(QStringLiteral("h.json"));
        const QString text = dir.filePath(QStringLiteral("h.txt"));
        QVERIFY2(window.saveHistoryAs(json, true, &error), qPrintable(error));
        QVERIFY2(window.saveHistoryAs(text, false, &error), qPrintable(error));
        QList<HistoryEntry> reloaded;
        QVERIFY(HistoryModel::readEntries(json, &reloaded, &error));
        QCOMPARE(reloaded.size(), window.historyModel()->count());
        QFile file(text);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(file.readAll()).contains(QStringLiteral("server: re:keep me")));
        entries = window.historyModel()->count();
        window.close(); // writes the kept history
    }
    QVERIFY(QFile::exists(ClientWindow::historyFilePath(QStringLiteral("127.0.0.1"), port)));
    ClientWindow again(options);
    again.show();
    again.connectOrDisconnect();
    again.flushPendingEvents();
    QVERIFY(again.historyModel()->count() >= entries);
    QVERIFY(findRow(again.historyModel(), HistoryEntry::Kind::Received,
                    QStringLiteral("re:keep me")) >= 0);
    again.engine()->disconnectFromServer();
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
    ClientWindowOptions options;
    options.host = QStringLiteral("127.0.0.1");
    options.port = server.serverPort();
    options.name = QStringLiteral("tester");
    options.protocol = ClientProtocol::Auto;
    ClientWindow window(options);
    window.show();
    QVERIFY(!window.pingButton()->isEnabled());
    window.connectOrDisconnect();
    QTRY_VERIFY(window.engine()->isChorusMode());
    QVERIFY(helloLine.contains("\"name\":\"tester\""));
    QVERIFY2(window.stateLabel()->text().contains(QStringLiteral("you are #7")),
             qPrintable(window.stateLabel()->text()));
    QVERIFY(window.pingButton()->isEnabled());
    HistoryModel* model = window.historyModel();
    QTRY_VERIFY(hasNotice(
        model, QStringLiteral("You are #7 on 127.0.0.1:%1 (fake)").arg(server.serverPort())));

    QTest::mouseClick(window.pingButton(), Qt::LeftButton);
    QTRY_VERIFY(findRow(model, HistoryEntry::Kind::Notice, QStringLiteral("Ping round trip")) >= 0);
    const int ping = findRow(model, HistoryEntry::Kind::Notice, QStringLiteral("Ping round trip"));
    QVERIFY(model->entry(ping).hasRtt());

    window.engine()->send(QStringLiteral("hi"));
    QTRY_VERIFY(findRow(model, HistoryEntry::Kind::Broadcast, QStringLiteral("to all")) >= 0);
    const int reply = findRow(model, HistoryEntry::Kind::Received, QStringLiteral("ok"));
    QVERIFY(reply >= 0 && model->entry(reply).hasRtt());
    window.engine()->disconnectFromServer();
    QVERIFY(!window.pingButton()->isEnabled());
}

QTEST_MAIN(TestClientGui)
#include "tst_clientgui.moc"
