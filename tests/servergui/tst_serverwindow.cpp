// The chorus-server window driven like a user would (offscreen, loopback,
// port 0): Start, a client's row appears, a live book edit changes the very
// next reply, broadcast reaches the client, Disconnect from the row's menu,
// Stop and Start again, a listening failure shown in the window, settings
// kept between runs.

#include "ConnectionTableModel.h"
#include "LogPane.h"
#include "ReplyBookEditor.h"
#include "ServerSettingsDialog.h"
#include "ServerWindow.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

namespace {
constexpr int kTimeoutMs = 10000;
}

class TestServerWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void startConnectEditReplyBroadcastDisconnectStop();
    void listenFailureIsShown();
    void noEnabledReplyWarns();
    void settingsPersist();
    void engineSettingsFromDialogPersistAndYieldToCommandLine();

private:
    ServerCommandLineOptions localOptions() const;
    static QByteArray readLine(QTcpSocket& socket);

    QTemporaryDir m_dir;
};

void TestServerWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Never touch the user's real settings or reply book.
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
}

ServerCommandLineOptions TestServerWindow::localOptions() const
{
    ServerCommandLineOptions options;
    options.addressText = QStringLiteral("localhost");
    options.config.address = QHostAddress(QHostAddress::LocalHost);
    options.port = 0;
    options.config.port = 0;
    options.repliesPath = m_dir.filePath(QStringLiteral("replies.json"));
    return options;
}

QByteArray TestServerWindow::readLine(QTcpSocket& socket)
{
    QByteArray line = socket.readAll();
    QSignalSpy readyRead(&socket, &QTcpSocket::readyRead);
    QDeadlineTimer deadline(kTimeoutMs);
    while (!line.endsWith('\n') && !deadline.hasExpired()) {
        if (readyRead.wait(int(deadline.remainingTime())))
            line += socket.readAll();
    }
    return line;
}

void TestServerWindow::startConnectEditReplyBroadcastDisconnectStop()
{
    ServerWindow window(localOptions());
    window.show();
    QCOMPARE(window.windowTitle(), QStringLiteral("Chorus Server"));
    QVERIFY(!window.windowIcon().isNull());
    QCOMPARE(window.stateLabel()->text(), QStringLiteral("Stopped"));

    QTest::mouseClick(window.startStopButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), ServerWindow::State::Listening, kTimeoutMs);
    const quint16 port = window.engine()->listenPort();
    QVERIFY(port != 0);
    QCOMPARE(window.portSpin()->value(), int(port)); // the real port, not 0
    QVERIFY2(window.stateLabel()->text().contains(QStringLiteral("127.0.0.1:%1").arg(port)),
             qPrintable(window.stateLabel()->text()));
    QCOMPARE(window.startStopButton()->text(), QStringLiteral("Stop"));

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::ConnectedState, kTimeoutMs);
    ConnectionTableModel* model = window.connectionModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kTimeoutMs);
    QCOMPARE(model->index(0, ConnectionTableModel::PeerPortColumn).data().toInt(),
             int(socket.localPort()));

    // Edit the book down to one entry through the model; the next reply must be it.
    ReplyBookModel* book = window.replyBookEditor()->model();
    QList<int> rows;
    for (int row = 1; row < book->rowCount(); ++row)
        rows.append(row);
    QVERIFY(book->removeEntries(rows));
    const QString onlyReply = QStringLiteral("단 하나의 답장 #{id}");
    QVERIFY(book->setData(book->index(0, ReplyBookModel::TextColumn), onlyReply));
    QCOMPARE(window.replyBook()->count(), 1);
    QCOMPARE(window.replyBook()->entry(0).text, onlyReply);
    const quint64 id = model->idAt(0);

    for (int i = 0; i < 3; ++i) {
        socket.write("hello\n");
        const QByteArray reply = readLine(socket);
        QCOMPARE(QString::fromUtf8(reply), QStringLiteral("단 하나의 답장 #%1\n").arg(id));
    }
    QTRY_COMPARE_WITH_TIMEOUT(
        model->index(0, ConnectionTableModel::MessagesInColumn).data().toULongLong(), 3ULL,
        kTimeoutMs);

    // Broadcast box: Send to all reaches the client, as a line in its own framing.
    QVERIFY(!window.sendToAllButton()->isEnabled());
    window.broadcastEdit()->setText(QStringLiteral("모두에게 broadcast"));
    QVERIFY(window.sendToAllButton()->isEnabled());
    QTest::mouseClick(window.sendToAllButton(), Qt::LeftButton);
    QVERIFY(QString::fromUtf8(readLine(socket)).contains(QStringLiteral("모두에게 broadcast")));

    // Select the row; Send to selected and the row's Disconnect become available.
    QTableView* view = window.connectionView();
    QVERIFY(!window.disconnectAction()->isEnabled());
    view->selectRow(0);
    QCOMPARE(window.selectedConnectionIds(), QList<quint64>{id});
    QVERIFY(window.sendToSelectedButton()->isEnabled());
    window.broadcastEdit()->setText(QStringLiteral("just you"));
    QTest::mouseClick(window.sendToSelectedButton(), Qt::LeftButton);
    QVERIFY(QString::fromUtf8(readLine(socket)).contains(QStringLiteral("just you")));

    QVERIFY(view->actions().contains(window.disconnectAction()));
    QVERIFY(window.disconnectAction()->isEnabled());
    window.disconnectAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, kTimeoutMs);

    // The log shows the conversation with its connection id.
    LogModel* log = window.logPane()->model();
    QTRY_VERIFY_WITH_TIMEOUT(log->rowCount() > 0, kTimeoutMs);
    bool sawConnection = false;
    for (int row = 0; row < log->rowCount(); ++row)
        sawConnection = sawConnection || log->entryAt(row).connectionId == id;
    QVERIFY(sawConnection);

    QTest::mouseClick(window.startStopButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), ServerWindow::State::Stopped, kTimeoutMs);
    QCOMPARE(window.startStopButton()->text(), QStringLiteral("Start"));
    QVERIFY(window.portSpin()->isEnabled());

    // Start works again after Stop, and a new client is served.
    QTest::mouseClick(window.startStopButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), ServerWindow::State::Listening, kTimeoutMs);
    QTcpSocket second;
    second.connectToHost(QHostAddress::LocalHost, window.engine()->listenPort());
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), QAbstractSocket::ConnectedState, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kTimeoutMs);
    QVERIFY(model->idAt(0) > id); // ids are never reused
    QTest::mouseClick(window.startStopButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), ServerWindow::State::Stopped, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), QAbstractSocket::UnconnectedState, kTimeoutMs);
    QCOMPARE(model->rowCount(), 0);
}

void TestServerWindow::listenFailureIsShown()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    ServerCommandLineOptions options = localOptions();
    options.port = occupier.serverPort();
    options.config.port = occupier.serverPort();
    ServerWindow window(options);
    window.show();
    QCOMPARE(window.portSpin()->value(), int(occupier.serverPort()));
    QTest::mouseClick(window.startStopButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window.stateLabel()->text().startsWith(QLatin1String("Cannot listen")),
                             kTimeoutMs);
    QCOMPARE(window.state(), ServerWindow::State::Stopped);
    QVERIFY2(window.stateLabel()->text().contains(QLatin1String("in use")),
             qPrintable(window.stateLabel()->text()));
    QVERIFY(window.startStopButton()->isEnabled());
    LogModel* log = window.logPane()->model();
    bool errorLogged = false;
    for (int row = 0; row < log->rowCount(); ++row)
        errorLogged = errorLogged || log->entryAt(row).level == LogLevel::Error;
    QVERIFY(errorLogged);
}

void TestServerWindow::noEnabledReplyWarns()
{
    ServerWindow window(localOptions());
    window.show();
    QLabel* warning = window.replyBookEditor()->warningLabel();
    ReplyBookModel* book = window.replyBookEditor()->model();
    QVERIFY(book->rowCount() > 0);
    QVERIFY(!warning->isVisibleTo(&window));
    for (int row = 0; row < book->rowCount(); ++row)
        QVERIFY(book->setData(book->index(row, ReplyBookModel::EnabledColumn), Qt::Unchecked,
                              Qt::CheckStateRole));
    QCOMPARE(window.replyBook()->enabledCount(), 0);
    QVERIFY(warning->isVisibleTo(&window));
    QVERIFY(warning->text().contains(QLatin1String("No enabled reply")));
    QVERIFY(book->setData(book->index(0, ReplyBookModel::EnabledColumn), Qt::Checked,
                          Qt::CheckStateRole));
    QVERIFY(!warning->isVisibleTo(&window));
    // Bad edits are refused, not stored.
    QVERIFY(!book->setData(book->index(0, ReplyBookModel::TextColumn), QStringLiteral("  ")));
    QVERIFY(!book->setData(book->index(0, ReplyBookModel::WeightColumn), -1.0));
}

void TestServerWindow::settingsPersist()
{
    ServerCommandLineOptions options; // nothing from the command line
    options.repliesPath = m_dir.filePath(QStringLiteral("replies.json"));
    {
        ServerWindow window(options);
        window.show();
        window.addressCombo()->setCurrentIndex(window.addressCombo()->findData("localhost"));
        window.portSpin()->setValue(12345);
        window.framingCombo()->setCurrentIndex(window.framingCombo()->findData("line"));
        window.close();
    }
    {
        ServerWindow window(options);
        QCOMPARE(window.addressCombo()->currentData().toString(), QStringLiteral("localhost"));
        QCOMPARE(window.portSpin()->value(), 12345);
        QCOMPARE(window.framingCombo()->currentData().toString(), QStringLiteral("line"));
    }
    {
        // Command-line values win for that run only; the saved ones stay.
        ServerCommandLineOptions cli = options;
        cli.port = 0;
        cli.framing = Framing::Raw;
        ServerWindow window(cli);
        QCOMPARE(window.portSpin()->value(), 0);
        QCOMPARE(window.framingCombo()->currentData().toString(), QStringLiteral("raw"));
        window.close();
    }
    ServerWindow window(options);
    QCOMPARE(window.portSpin()->value(), 12345);
    QCOMPARE(window.framingCombo()->currentData().toString(), QStringLiteral("line"));
}

void TestServerWindow::engineSettingsFromDialogPersistAndYieldToCommandLine()
{
    {
        ServerWindow window(localOptions());
        QVERIFY(window.settingsAction());
        window.settingsAction()->trigger();
        auto* dialog = window.findChild<ServerSettingsDialog*>();
        QVERIFY(dialog);
        ServerConfig wanted = window.engineSettings();
        wanted.ioThreads = 3;
        wanted.maxConnections = 1234;
        wanted.limits.idleGap = std::chrono::milliseconds(45);
        wanted.limits.maxMessageBytes = 8 * 1024;
        wanted.logMessages = false;
        dialog->setValues(wanted);
        dialog->accept();
        const ServerConfig now = window.engineSettings();
        QCOMPARE(now.ioThreads, 3);
        QCOMPARE(now.maxConnections, 1234);
        QCOMPARE(now.limits.idleGap.count(), 45);
        QCOMPARE(now.limits.maxMessageBytes, qsizetype(8 * 1024));
        QCOMPARE(now.logMessages, false);
    }
    {
        // A new window restores them; an option given on the command line wins.
        ServerCommandLineOptions options = localOptions();
        options.config.ioThreads = 2;
        options.givenEngineOptions = {QStringLiteral("io-threads")};
        ServerWindow window(options);
        QCOMPARE(window.engineSettings().ioThreads, 2);
        QCOMPARE(window.engineSettings().maxConnections, 1234);
        QCOMPARE(window.engineSettings().limits.idleGap.count(), 45);
        QCOMPARE(window.engineSettings().logMessages, false);
        window.setEngineSettings(ServerConfig{}); // leave defaults for the other tests
    }
}

QTEST_MAIN(TestServerWindow)
#include "tst_serverwindow.moc"
