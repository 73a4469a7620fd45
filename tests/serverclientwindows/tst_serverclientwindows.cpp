// Both windows together, as a user runs them (offscreen, loopback, port 0):
// the client window (protocol Chorus, as `./dev.sh run` opens it) is
// welcomed by the server window,
// gets a reply from the book with a round-trip time, and a broadcast typed
// into the server window's box arrives in the client window as its own kind
// of entry. "Send message…" on the selected row arrives as a Direct entry,
// and the row's Disconnect is not undone by the client's auto-reconnect.
// With bytes (issue 9): both windows on a delimiter framing, a message typed
// in Hex gets a hex reply from the book byte-exact, both windows show exactly
// those bytes in their Hex views, and the kept session reloads byte-identical.

#include "ByteLineEdit.h"
#include "ByteViewChoice.h"
#include "ClientWindow.h"
#include "ConnectionTableModel.h"
#include "FramingChoice.h"
#include "FramingEditor.h"
#include "HistoryModel.h"
#include "LogPane.h"
#include "SendBox.h"
#include "SendMessageDialog.h"
#include "SendRow.h"
#include "ServerWindow.h"
#include "SessionView.h"
#include "answer/ReplyBook.h"
#include "client/ClientEngine.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace chorus;

namespace {
constexpr int kTimeoutMs = 10000;

int countKind(const HistoryModel* model, HistoryEntry::Kind kind, const QString& text = {})
{
    int n = 0;
    for (int row = 0; row < model->count(); ++row) {
        const HistoryEntry& entry = model->entry(row);
        if (entry.kind == kind && (text.isEmpty() || entry.payload == text.toUtf8()))
            ++n;
    }
    return n;
}
int countNotice(const HistoryModel* model, ClientNotice notice)
{
    int n = 0;
    for (int row = 0; row < model->count(); ++row)
        n += model->entry(row).notice == notice ? 1 : 0;
    return n;
}
// Types `text` into the Send message dialog the next action opens, and accepts it.
void answerNextInputDialog(const QString& text)
{
    auto* poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, text, tries = 0]() mutable {
        if (auto* dialog = qobject_cast<SendMessageDialog*>(QApplication::activeModalWidget())) {
            dialog->input()->setText(text);
            dialog->accept();
            poll->deleteLater();
        } else if (++tries > 500) { // 10 s: let the test fail on its own assertion
            poll->deleteLater();
        }
    });
    poll->start();
}
// Picks the item whose data is `data`, as a click on it does.
void chooseInCombo(QComboBox* combo, const QVariant& data)
{
    const int index = combo->findData(data);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
    emit combo->activated(index);
}
// The row of the last log line of `kind` that carries exactly `payload`; -1 if none.
int logRowOf(const LogModel* log, LogKind kind, const QByteArray& payload)
{
    for (int row = log->rowCount() - 1; row >= 0; --row) {
        const LogEntry& entry = log->entryAt(row);
        if (entry.kind == kind && entry.hasPayload() && entry.payload == payload)
            return row;
    }
    return -1;
}
int historyRowOf(const HistoryModel* model, HistoryEntry::Kind kind, const QByteArray& payload)
{
    for (int row = model->count() - 1; row >= 0; --row) {
        if (model->entry(row).kind == kind && model->entry(row).payload == payload)
            return row;
    }
    return -1;
}
} // namespace

class TestServerClientWindows : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void broadcastFromServerWindowReachesClientWindow();
    void hexMessageOnADelimiterFramingEndToEnd();

private:
    QTemporaryDir m_dir;
};

void TestServerClientWindows::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
}

void TestServerClientWindows::broadcastFromServerWindowReachesClientWindow()
{
    ServerCommandLineOptions serverOptions;
    serverOptions.addressText = QStringLiteral("localhost");
    serverOptions.config.address = QHostAddress(QHostAddress::LocalHost);
    serverOptions.port = 0;
    serverOptions.config.port = 0;
    serverOptions.repliesPath = m_dir.filePath(QStringLiteral("replies.json"));
    ServerWindow server(serverOptions);
    server.show();
    QTest::mouseClick(server.startStopButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(server.state(), ServerWindow::State::Listening, kTimeoutMs);
    const quint16 port = server.engine()->listenPort();
    QVERIFY(port != 0);

    ClientWindowOptions clientOptions;
    clientOptions.settingsPath = m_dir.filePath(QStringLiteral("chorus-client.conf"));
    clientOptions.historyFolder = m_dir.filePath(QStringLiteral("history"));
    clientOptions.set(ClientSetting::Host, QStringLiteral("127.0.0.1"));
    clientOptions.set(ClientSetting::Port, port);
    clientOptions.set(ClientSetting::Name, QStringLiteral("드론-1"));
    clientOptions.set(ClientSetting::Protocol, QStringLiteral("chorus"));
    clientOptions.connectNow = true;
    ClientWindow client(clientOptions);
    client.show();
    QTRY_COMPARE_WITH_TIMEOUT(client.engine()->state(), ClientState::Connected, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(client.engine()->isChorusMode(), kTimeoutMs);

    // The server window's table shows the client with its name and protocol.
    ConnectionTableModel* table = server.connectionModel();
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(table->index(0, ConnectionTableModel::NameColumn).data().toString(),
                              QStringLiteral("드론-1"), kTimeoutMs);
    QCOMPARE(table->index(0, ConnectionTableModel::ProtocolColumn).data().toString(),
             QStringLiteral("chorus"));

    // A message typed into the client window gets a reply from the book, with an RTT.
    HistoryModel* history = client.historyModel();
    client.sendBox()->setFocus();
    QTest::keyClicks(client.sendBox(), QStringLiteral("status?"));
    QTest::keyClick(client.sendBox(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(countKind(history, HistoryEntry::Kind::Received), 1, kTimeoutMs);
    const QStringList book = [&] {
        QStringList texts;
        for (const ReplyEntry& entry : server.replyBook()->entries())
            texts.append(entry.text);
        return texts;
    }();
    for (int row = 0; row < history->count(); ++row) {
        const HistoryEntry& entry = history->entry(row);
        if (entry.kind == HistoryEntry::Kind::Received) {
            QVERIFY2(book.contains(QString::fromUtf8(entry.payload)), entry.payload.constData());
            QVERIFY(entry.hasRtt());
        }
    }

    // Broadcast from the server window's box: a Broadcast entry, not a reply.
    const QString announcement = QStringLiteral("모든 드론: 귀환하세요");
    server.broadcastEdit()->setText(announcement);
    QTest::mouseClick(server.sendToAllButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(countKind(history, HistoryEntry::Kind::Broadcast, announcement), 1,
                              kTimeoutMs);
    QCOMPARE(countKind(history, HistoryEntry::Kind::Received), 1);

    // The row's "Send message…" (a one-off line typed into a dialog): a Direct entry.
    server.connectionView()->selectRow(0);
    answerNextInputDialog(QStringLiteral("just you"));
    server.sendMessageAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(
        countKind(history, HistoryEntry::Kind::Direct, QStringLiteral("just you")), 1, kTimeoutMs);
    QCOMPARE(countKind(history, HistoryEntry::Kind::Broadcast, QStringLiteral("just you")), 0);

    // The row's Disconnect: the client hears the server's bye and stays
    // disconnected; its auto-reconnect does not undo the operator's choice.
    QList<ClientState> states;
    connect(client.engine(), &ClientEngine::stateChanged, this,
            [&states](ClientState state) { states.append(state); });
    server.connectionView()->selectRow(0);
    server.disconnectAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(client.engine()->state(), ClientState::Disconnected, kTimeoutMs);
    QVERIFY(client.connectionBar()->autoReconnectBox()->isChecked());
    QVERIFY(!states.contains(ClientState::Reconnecting));
    client.flushPendingEvents();
    QCOMPARE(countNotice(history, ClientNotice::ServerBye), 1);
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 0, kTimeoutMs);

    QTest::mouseClick(server.startStopButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(server.state(), ServerWindow::State::Stopped, kTimeoutMs);
}

void TestServerClientWindows::hexMessageOnADelimiterFramingEndToEnd()
{
    // ETB (17) ends a message: the message and the reply hold 03, 00, FF and
    // CR, so no other terminator or text framing could carry them whole.
    const QByteArray message = QByteArray::fromHex("010203FFFE00");
    const QByteArray reply = QByteArray::fromHex("0600FFFE030D");
    const FrameSpec etb = FrameSpec::delimited("\x17");

    ServerCommandLineOptions serverOptions;
    serverOptions.overrides.set(settingId(ServerSetting::Listen), QStringLiteral("localhost"));
    serverOptions.overrides.set(settingId(ServerSetting::Port), qint64(0));
    const ServerFilePaths serverPaths{m_dir.filePath(QStringLiteral("bytes/chorus-server.conf")),
                                      m_dir.filePath(QStringLiteral("bytes/replies.json"))};
    ServerWindow server(serverOptions, serverPaths);
    server.show();
    // The book: one entry, written in hex.
    server.replyBook()->setEntries(
        {ReplyEntry{QStringLiteral("06 00 FF FE 03 0D"), true, 1.0, ReplyFormat::Hex}});
    // The listen bar's framing: Custom…, Delimiter, its bytes typed in hex.
    FramingChoice* framing = server.framingCombo();
    framing->setCurrentIndex(framing->findText(QStringLiteral("Custom…")));
    FramingDialog* dialog = framing->pendingDialog();
    QVERIFY(dialog);
    FramingEditor* editor = dialog->editor();
    editor->kindCombo()->setCurrentIndex(editor->kindCombo()->findData(int(Framing::Delimiter)));
    editor->delimiterEdit()->setMode(ByteInput::Hex);
    editor->delimiterEdit()->setText(QStringLiteral("17"));
    QCOMPARE(editor->spec(), std::optional<FrameSpec>(etb));
    dialog->accept();
    QCOMPARE(server.engineSettings().framing, etb);
    server.viewAction(ByteView::Hex)->trigger();
    QTest::mouseClick(server.startStopButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(server.state(), ServerWindow::State::Listening, kTimeoutMs);
    const quint16 port = server.engine()->listenPort();
    QVERIFY(port != 0);

    ClientWindowOptions clientOptions;
    clientOptions.settingsPath = m_dir.filePath(QStringLiteral("bytes/chorus-client.conf"));
    clientOptions.historyFolder = m_dir.filePath(QStringLiteral("bytes/history"));
    clientOptions.set(ClientSetting::Host, QStringLiteral("127.0.0.1"));
    clientOptions.set(ClientSetting::Port, port);
    clientOptions.set(ClientSetting::Protocol, QStringLiteral("plain"));
    clientOptions.set(ClientSetting::Framing, etb.toText());
    clientOptions.connectNow = true;
    ClientWindow client(clientOptions);
    client.show();
    QTRY_COMPARE_WITH_TIMEOUT(client.engine()->state(), ClientState::Connected, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(server.connectionModel()->rowCount(), 1, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(server.connectionModel()->snapshotAt(0).framing, etb, kTimeoutMs);

    // Typed in Hex, like a user: the message and the delimiter, nothing else.
    chooseInCombo(client.sendRow()->modeSwitch(), int(ByteInput::Hex));
    QCOMPARE(client.sendBox()->mode(), ByteInput::Hex);
    client.sendBox()->setFocus();
    QTest::keyClicks(client.sendBox(), QStringLiteral("01 02 03 FF FE 00"));
    QTest::keyClick(client.sendBox(), Qt::Key_Return);
    QCOMPARE(client.sendBox()->toPlainText(), QString());
    HistoryModel* history = client.historyModel();
    QTRY_VERIFY_WITH_TIMEOUT(historyRowOf(history, HistoryEntry::Kind::Received, reply) >= 0,
                             kTimeoutMs);
    client.flushPendingEvents();
    QCOMPARE(client.engine()->stats().bytesSent, quint64(message.size() + 1));
    QCOMPARE(client.engine()->stats().bytesReceived, quint64(reply.size() + 1));
    QCOMPARE(client.engine()->stats().messagesReceived, quint64(1));
    const int sentRow = historyRowOf(history, HistoryEntry::Kind::Sent, message);
    const int replyRow = historyRowOf(history, HistoryEntry::Kind::Received, reply);
    QVERIFY(sentRow >= 0);
    QVERIFY(history->entry(replyRow).hasRtt());

    // The server got exactly the six bytes and answered with the book's bytes.
    const LogModel* log = server.logPane()->model();
    QTRY_VERIFY_WITH_TIMEOUT(logRowOf(log, LogKind::Sent, reply) >= 0, kTimeoutMs);
    const int receivedLine = logRowOf(log, LogKind::Received, message);
    QVERIFY(receivedLine >= 0);
    QCOMPARE(log->byteView(), ByteView::Hex);
    const QString receivedShown = log->index(receivedLine).data().toString();
    const QString replyShown = log->index(logRowOf(log, LogKind::Sent, reply)).data().toString();
    QVERIFY2(receivedShown.endsWith(QStringLiteral(": 01 02 03 FF FE 00")),
             qPrintable(receivedShown));
    QVERIFY2(replyShown.endsWith(QStringLiteral(": 06 00 FF FE 03 0D")), qPrintable(replyShown));
    QCOMPARE(server.connectionModel()
                 ->index(0, ConnectionTableModel::LastMessageColumn)
                 .data()
                 .toString(),
             QStringLiteral("01 02 03 FF FE 00"));

    // The client's history in Hex (the status bar's view switch).
    chooseInCombo(client.viewChoice()->comboBox(), int(ByteView::Hex));
    QCOMPARE(history->byteView(), ByteView::Hex);
    QCOMPARE(history->index(sentRow).data().toString(), QStringLiteral("01 02 03 FF FE 00"));
    QCOMPARE(history->index(replyRow).data().toString(), QStringLiteral("06 00 FF FE 03 0D"));

    // The kept session, saved and opened again: every entry, byte-identical.
    QVERIFY(client.saveKeptHistory().ok());
    const QString sessionPath = client.sessionPath();
    QVERIFY(!sessionPath.isEmpty());
    SessionView* reopened = client.openSession(sessionPath);
    QVERIFY(reopened->loadResult().ok());
    QCOMPARE(reopened->skippedLines(), 0);
    const HistoryModel* loaded = reopened->model();
    QCOMPARE(loaded->count(), history->count());
    for (int row = 0; row < history->count(); ++row) {
        QCOMPARE(loaded->entry(row).kind, history->entry(row).kind);
        QCOMPARE(loaded->entry(row).payload, history->entry(row).payload);
    }
    QCOMPARE(loaded->entry(sentRow).payload, message);
    QCOMPARE(loaded->entry(replyRow).payload, reply);
    QCOMPARE(loaded->index(replyRow).data().toString(), QStringLiteral("06 00 FF FE 03 0D"));

    client.engine()->disconnectFromServer();
    QTRY_COMPARE_WITH_TIMEOUT(server.connectionModel()->rowCount(), 0, kTimeoutMs);
    QTest::mouseClick(server.startStopButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(server.state(), ServerWindow::State::Stopped, kTimeoutMs);
}

QTEST_MAIN(TestServerClientWindows)
#include "tst_serverclientwindows.moc"
