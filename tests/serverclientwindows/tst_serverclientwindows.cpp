// Both windows together, as a user runs them (offscreen, loopback, port 0):
// the client window (protocol Chorus, as `./dev.sh run` opens it) is
// welcomed by the server window,
// gets a reply from the book with a round-trip time, and a broadcast typed
// into the server window's box arrives in the client window as its own kind
// of entry. "Send message…" on the selected row arrives as a Direct entry,
// and the row's Disconnect is not undone by the client's auto-reconnect.

#include "ByteLineEdit.h"
#include "ClientWindow.h"
#include "ConnectionTableModel.h"
#include "HistoryModel.h"
#include "SendBox.h"
#include "SendMessageDialog.h"
#include "ServerWindow.h"
#include "answer/ReplyBook.h"
#include "client/ClientEngine.h"

#include <QApplication>
#include <QCheckBox>
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
} // namespace

class TestServerClientWindows : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void broadcastFromServerWindowReachesClientWindow();

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

QTEST_MAIN(TestServerClientWindows)
#include "tst_serverclientwindows.moc"
