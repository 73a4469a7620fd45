// The chorus-client window with bytes, driven like a user (offscreen) against
// plain QTcpServer peers on loopback: the view switch (menu, combo) re-renders
// what is already in the history and is kept; the Text view draws escapes in
// their own colour; Hex input with an error sends nothing and keeps the text;
// recall keeps each message's mode; a kept session with 00 and FF bytes
// reopens byte-identical. (tst_clientgui has the conversation itself.)

#include "ByteViewChoice.h"
#include "ClientWindow.h"
#include "ElidedLabel.h"
#include "HistoryModel.h"
#include "RepeatBar.h"
#include "SendBox.h"
#include "SendRow.h"
#include "SessionView.h"
#include "client/ClientRepeatSender.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace chorus;

namespace {
// Keeps every byte; answers through `onData`.
class DevicePeer : public QObject
{
public:
    QTcpServer server;
    QByteArray received;
    std::function<void(QTcpSocket*)> onData;

    bool listen()
    {
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    received += socket->readAll();
                    if (onData)
                        onData(socket);
                });
            }
        });
        return server.listen(QHostAddress::LocalHost, 0);
    }
};

ClientWindowOptions optionsFor(const QTemporaryDir& dir, quint16 port, const QString& framing)
{
    ClientWindowOptions options;
    options.settingsPath = dir.filePath(QStringLiteral("config/chorus-client.conf"));
    options.historyFolder = dir.filePath(QStringLiteral("history"));
    options.set(ClientSetting::Host, QStringLiteral("127.0.0.1"));
    options.set(ClientSetting::Port, port);
    options.set(ClientSetting::Protocol, QStringLiteral("plain"));
    options.set(ClientSetting::Framing, framing);
    return options;
}

int rowOf(const HistoryModel* model, HistoryEntry::Kind kind, const QByteArray& payload)
{
    for (int row = model->count() - 1; row >= 0; --row) {
        if (model->entry(row).kind == kind && model->entry(row).payload == payload)
            return row;
    }
    return -1;
}

void chooseInCombo(QComboBox* combo, const QVariant& data)
{
    const int index = combo->findData(data);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
    emit combo->activated(index); // as a click on the item does
}

void typeAndSend(ClientWindow& window, const QString& text)
{
    window.sendBox()->setFocus();
    window.sendBox()->setPlainText(text);
    QTest::keyClick(window.sendBox(), Qt::Key_Return);
}

// Pixels of about this colour in an image (glyphs are antialiased).
int pixelsNear(const QImage& image, const QColor& color)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (std::abs(pixel.red() - color.red()) < 24 &&
                std::abs(pixel.green() - color.green()) < 24 &&
                std::abs(pixel.blue() - color.blue()) < 24)
                ++count;
        }
    }
    return count;
}

QByteArray hex(const char* digits)
{
    return QByteArray::fromHex(digits);
}
} // namespace

class TestClientWindowBytes : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void switchingTheViewRerendersTheHistory();
    void escapesAreDrawnInTheirOwnColour();
    void theNewestEntryStaysInSight();
    void badHexSendsNothingAndKeepsTheText();
    void badEscapeOnALaterLineSaysWhere();
    void recallKeepsEachMessagesMode();
    void repeatSendReadsTheBoxTheSameWay();
    void keptSessionReopensByteIdentical();
};

void TestClientWindowBytes::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestClientWindowBytes::switchingTheViewRerendersTheHistory()
{
    DevicePeer device; // ETX-terminated frames; answers with 40 bytes 00..27 then ETX
    QByteArray answer;
    for (int value = 0; value < 40; ++value)
        answer += char(value == 3 ? 0xFF : value);
    device.onData = [&](QTcpSocket* socket) {
        if (device.received.endsWith('\x03'))
            socket->write(answer + '\x03');
    };
    QVERIFY(device.listen());
    QTemporaryDir dir;
    ClientWindowOptions options =
        optionsFor(dir, device.server.serverPort(), QStringLiteral("delimiter:03"));
    {
        ClientWindow window(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.connectOrDisconnect();
        QTRY_COMPARE(window.engine()->state(), ClientState::Connected);
        typeAndSend(window, QStringLiteral("AT\\r"));
        QTRY_COMPARE(device.received, QByteArray("AT\r\x03"));
        HistoryModel* model = window.historyModel();
        QTRY_VERIFY(rowOf(model, HistoryEntry::Kind::Received, answer) >= 0);
        window.flushPendingEvents();
        const QModelIndex reply = model->index(rowOf(model, HistoryEntry::Kind::Received, answer));
        const QModelIndex sent = model->index(rowOf(model, HistoryEntry::Kind::Sent, "AT\r"));
        QCOMPARE(sent.data().toString(), QStringLiteral("AT\\r"));
        QCOMPARE(reply.data().toString(), formatText(answer));
        QTRY_VERIFY(window.historyView()->visualRect(reply).height() > 0);
        const int textHeight = window.historyView()->visualRect(reply).height();

        // The combo in the status bar: every entry already there is shown anew.
        QComboBox* combo = window.viewChoice()->comboBox();
        QVERIFY(combo->isVisible());
        chooseInCombo(combo, int(ByteView::Mixed));
        QCOMPARE(model->byteView(), ByteView::Mixed);
        QCOMPARE(sent.data().toString(), formatMixed(QByteArray("AT\r")));
        QCOMPARE(reply.data().toString(), formatMixed(answer));
        // Three dump lines for 40 bytes: laid out again, not the Text view's height.
        QTRY_VERIFY(window.historyView()->visualRect(reply).height() != textHeight);
        QCOMPARE(window.currentSettings().get(settingId(ClientSetting::View)).toString(),
                 QStringLiteral("mixed"));

        // The View menu does the same, and the combo follows.
        QAction* hexAction = nullptr;
        for (QAction* action : window.findChildren<QAction*>()) {
            if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_2))
                hexAction = action;
        }
        QVERIFY(hexAction);
        hexAction->trigger();
        QCOMPARE(reply.data().toString(), formatHex(answer));
        QCOMPARE(sent.data().toString(), QStringLiteral("41 54 0D"));
        QCOMPARE(combo->currentData().toInt(), int(ByteView::Hex));
        window.engine()->disconnectFromServer();
        window.close();
    }
    // Kept: the next window opens in the Hex view.
    ClientWindow again(options);
    QCOMPARE(again.historyModel()->byteView(), ByteView::Hex);
    QCOMPARE(again.viewChoice()->comboBox()->currentData().toInt(), int(ByteView::Hex));
}

void TestClientWindowBytes::escapesAreDrawnInTheirOwnColour()
{
    DevicePeer device;
    device.onData = [&](QTcpSocket* socket) {
        if (device.received.endsWith('\n'))
            socket->write("plain\n\x01\x02\x1B\xFF\n");
    };
    QVERIFY(device.listen());
    QTemporaryDir dir;
    ClientWindow window(optionsFor(dir, device.server.serverPort(), QStringLiteral("line")));
    window.resize(640, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.connectOrDisconnect();
    QTRY_COMPARE(window.engine()->state(), ClientState::Connected);
    typeAndSend(window, QStringLiteral("go"));
    QTRY_VERIFY(rowOf(window.historyModel(), HistoryEntry::Kind::Received, "\x01\x02\x1B\xFF") >=
                0);
    window.flushPendingEvents();
    QListView* view = window.historyView();
    const QColor escapeColor(0xc0, 0x30, 0x90); // HistoryDelegate, light palette
    QTRY_VERIFY(view
                    ->visualRect(window.historyModel()->index(rowOf(
                        window.historyModel(), HistoryEntry::Kind::Received, "\x01\x02\x1B\xFF")))
                    .height() > 0);
    auto rowImage = [&](const QByteArray& payload) {
        const QRect rect = view->visualRect(window.historyModel()->index(
            rowOf(window.historyModel(), HistoryEntry::Kind::Received, payload)));
        return view->viewport()->grab(rect).toImage();
    };
    QVERIFY2(pixelsNear(rowImage("\x01\x02\x1B\xFF"), escapeColor) > 10, "no escape colour");
    QCOMPARE(pixelsNear(rowImage("plain"), escapeColor), 0);
    window.engine()->disconnectFromServer();
}

void TestClientWindowBytes::theNewestEntryStaysInSight()
{
    // A history read at its end stays there while every row changes height
    // (a view switch) and while the scroll bar appears; one scrolled up stays put.
    QTemporaryDir dir;
    ClientWindow window(optionsFor(dir, 1, QStringLiteral("auto")));
    window.resize(640, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QList<HistoryEntry> entries;
    for (int i = 0; i < 60; ++i) {
        HistoryEntry entry;
        entry.kind = i % 2 ? HistoryEntry::Kind::Received : HistoryEntry::Kind::Sent;
        entry.timeMs = QDateTime::currentMSecsSinceEpoch();
        entry.payload = QByteArray(20 + i, char(i));
        entries.append(entry);
        window.historyModel()->append(entry);
        QCoreApplication::processEvents();
    }
    QScrollBar* bar = window.historyView()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    chooseInCombo(window.viewChoice()->comboBox(), int(ByteView::Mixed));
    QTRY_COMPARE(bar->value(), bar->maximum());
    chooseInCombo(window.viewChoice()->comboBox(), int(ByteView::Hex));
    QTRY_COMPARE(bar->value(), bar->maximum());
    bar->setValue(0); // the user reads the beginning
    chooseInCombo(window.viewChoice()->comboBox(), int(ByteView::Text));
    window.historyModel()->append(entries.first());
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), 0);
}

void TestClientWindowBytes::badHexSendsNothingAndKeepsTheText()
{
    DevicePeer device;
    QVERIFY(device.listen());
    QTemporaryDir dir;
    ClientWindow window(optionsFor(dir, device.server.serverPort(), QStringLiteral("raw")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.connectOrDisconnect();
    QTRY_COMPARE(window.engine()->state(), ClientState::Connected);
    SendRow* row = window.sendRow();
    chooseInCombo(row->modeSwitch(), int(ByteInput::Hex));
    QCOMPARE(window.sendBox()->mode(), ByteInput::Hex);
    QCOMPARE(window.currentSettings().get(settingId(ClientSetting::SendMode)).toString(),
             QStringLiteral("hex"));

    const QString bad = QStringLiteral("01 03 00 00 00 0A C5 C");
    typeAndSend(window, bad);
    // Refused whole: the text stays, the cursor is on the lone digit, and both
    // the box and the status bar say where.
    QCOMPARE(window.sendBox()->toPlainText(), bad);
    QVERIFY(window.sendBox()->hasError());
    QCOMPARE(window.sendBox()->textCursor().position(), int(bad.size()) - 1);
    QVERIFY(row->problemLabel()->isVisible());
    QVERIFY2(row->problemLabel()->text().contains(QStringLiteral("22")),
             qPrintable(row->problemLabel()->text()));
    QVERIFY(window.statusLabel()->text().contains(QStringLiteral("22")));
    QCOMPARE(window.engine()->stats().messagesSent, 0u);
    QCOMPARE(window.engine()->stats().bytesSent, 0u);

    // Fixed: the mark goes, and exactly the bytes typed go out, nothing before them.
    window.sendBox()->moveCursor(QTextCursor::End);
    QTest::keyClicks(window.sendBox(), QStringLiteral("D"));
    QVERIFY(!window.sendBox()->hasError());
    QVERIFY(!row->problemLabel()->isVisible());
    QTest::keyClick(window.sendBox(), Qt::Key_Return);
    QTRY_COMPARE(device.received, hex("01030000000AC5CD"));
    QCOMPARE(window.sendBox()->toPlainText(), QString());
    window.engine()->disconnectFromServer();
}

void TestClientWindowBytes::badEscapeOnALaterLineSaysWhere()
{
    DevicePeer device;
    QVERIFY(device.listen());
    QTemporaryDir dir;
    ClientWindow window(optionsFor(dir, device.server.serverPort(), QStringLiteral("line")));
    window.show();
    window.connectOrDisconnect();
    QTRY_COMPARE(window.engine()->state(), ClientState::Connected);
    QCOMPARE(window.sendBox()->mode(), ByteInput::Text);
    const QString typed = QStringLiteral("first is fine\nsecond \\xZ1");
    typeAndSend(window, typed);
    QCOMPARE(window.sendBox()->toPlainText(), typed);
    QCOMPARE(window.sendBox()->textCursor().position(), int(typed.indexOf(QLatin1Char('\\'))));
    // "line 2: \x needs two hex digits at column 8"
    const QString why = window.sendRow()->problemLabel()->text();
    QVERIFY2(why.contains(QStringLiteral("2")) && why.contains(QStringLiteral("8")),
             qPrintable(why));
    QCOMPARE(SendBox::describeError(typed, {ByteParseErrorKind::BadEscapeDigits, 21}),
             QStringLiteral("line 2: ") +
                 describeParseError({ByteParseErrorKind::BadEscapeDigits, 7}));
    // Not even the good first line went.
    QCOMPARE(window.engine()->stats().bytesSent, 0u);
    typeAndSend(window, QStringLiteral("ok \\x41\\\\"));
    QTRY_COMPARE(device.received, QByteArray("ok A\\\n"));
    window.engine()->disconnectFromServer();
}

void TestClientWindowBytes::recallKeepsEachMessagesMode()
{
    DevicePeer device;
    QVERIFY(device.listen());
    QTemporaryDir dir;
    const ClientWindowOptions options =
        optionsFor(dir, device.server.serverPort(), QStringLiteral("raw"));
    {
        ClientWindow window(options);
        window.show();
        window.connectOrDisconnect();
        QTRY_COMPARE(window.engine()->state(), ClientState::Connected);
        typeAndSend(window, QStringLiteral("AT\\r"));
        chooseInCombo(window.sendRow()->modeSwitch(), int(ByteInput::Hex));
        typeAndSend(window, QStringLiteral("06"));
        QTRY_COMPARE(device.received, QByteArray("AT\r\x06"));
        // Up recalls "06" in Hex, then "AT\r" in Text; the switch follows.
        QTest::keyClick(window.sendBox(), Qt::Key_Up);
        QCOMPARE(window.sendBox()->toPlainText(), QStringLiteral("06"));
        QCOMPARE(window.sendBox()->mode(), ByteInput::Hex);
        QTest::keyClick(window.sendBox(), Qt::Key_Up);
        QCOMPARE(window.sendBox()->toPlainText(), QStringLiteral("AT\\r"));
        QCOMPARE(window.sendBox()->mode(), ByteInput::Text);
        QCOMPARE(window.sendRow()->modeSwitch()->currentData().toInt(), int(ByteInput::Text));
        QTest::keyClick(window.sendBox(), Qt::Key_Down);
        QCOMPARE(window.sendBox()->mode(), ByteInput::Hex);
        window.engine()->disconnectFromServer();
        window.close();
    }
    ClientWindow again(options);
    QCOMPARE(again.sendBox()->recallHistory(),
             (QList<RecalledMessage>{{QStringLiteral("AT\\r"), ByteInput::Text},
                                     {QStringLiteral("06"), ByteInput::Hex}}));
}

void TestClientWindowBytes::repeatSendReadsTheBoxTheSameWay()
{
    DevicePeer device;
    QVERIFY(device.listen());
    QTemporaryDir dir;
    ClientWindow window(optionsFor(dir, device.server.serverPort(), QStringLiteral("raw")));
    window.show();
    window.connectOrDisconnect();
    QTRY_COMPARE(window.engine()->state(), ClientState::Connected);
    const QList<QSpinBox*> spins = window.repeatBar()->findChildren<QSpinBox*>();
    QCOMPARE(spins.size(), 2); // every N ms, M times
    spins.at(0)->setValue(1);
    spins.at(1)->setValue(3);
    chooseInCombo(window.sendRow()->modeSwitch(), int(ByteInput::Hex));
    window.sendBox()->setPlainText(QStringLiteral("06 1"));
    QTest::mouseClick(window.repeatBar()->startButton(), Qt::LeftButton);
    QVERIFY(!window.repeatSender()->isRunning());
    QVERIFY(window.sendBox()->hasError());
    QVERIFY(window.statusLabel()->text().contains(QStringLiteral("4")));
    QCOMPARE(window.engine()->stats().bytesSent, 0u);
    window.sendBox()->setPlainText(QStringLiteral("06 15"));
    QTest::mouseClick(window.repeatBar()->startButton(), Qt::LeftButton);
    QTRY_COMPARE(device.received, hex("061506150615"));
    QTRY_VERIFY(!window.repeatSender()->isRunning());
    window.engine()->disconnectFromServer();
}

void TestClientWindowBytes::keptSessionReopensByteIdentical()
{
    QByteArray all;
    for (int value = 0; value < 256; ++value)
        all += char(value);
    DevicePeer device; // u16be: answers every frame with all 256 byte values
    device.onData = [&](QTcpSocket* socket) { socket->write(hex("0100") + all); };
    QVERIFY(device.listen());
    QTemporaryDir dir;
    const ClientWindowOptions options =
        optionsFor(dir, device.server.serverPort(), QStringLiteral("u16be"));
    QString path;
    {
        ClientWindow window(options);
        window.show();
        window.connectOrDisconnect();
        QTRY_COMPARE(window.engine()->state(), ClientState::Connected);
        chooseInCombo(window.sendRow()->modeSwitch(), int(ByteInput::Hex));
        typeAndSend(window, QStringLiteral("00 FF 00"));
        QTRY_COMPARE(device.received, hex("000300FF00"));
        QTRY_VERIFY(rowOf(window.historyModel(), HistoryEntry::Kind::Received, all) >= 0);
        window.close(); // keeps the session
        path = window.sessionPath();
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    ClientWindow again(options);
    SessionView* view = again.openSession(path);
    QVERIFY(view->loadResult().ok());
    QCOMPARE(view->skippedLines(), 0);
    HistoryModel* model = view->model();
    QVERIFY(rowOf(model, HistoryEntry::Kind::Sent, hex("00FF00")) >= 0);
    QVERIFY(rowOf(model, HistoryEntry::Kind::Received, all) >= 0);
    QCOMPARE(model->toJsonLines(), saved);
    // The saved session opens in the window's view and has its own switch.
    QCOMPARE(model->byteView(), again.historyModel()->byteView());
    chooseInCombo(view->viewChoice()->comboBox(), int(ByteView::Hex));
    QCOMPARE(model->index(rowOf(model, HistoryEntry::Kind::Sent, hex("00FF00"))).data().toString(),
             QStringLiteral("00 FF 00"));
}

QTEST_MAIN(TestClientWindowBytes)
#include "tst_clientwindowbytes.moc"
