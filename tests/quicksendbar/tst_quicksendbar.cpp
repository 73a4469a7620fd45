// Quick send in the windows (offscreen): a click on a saved message's button
// sends exactly its bytes (the client to its server, the server's broadcast
// bar to every client), the list survives a new window, and the editor
// refuses bytes that do not parse.

#include "ByteLineEdit.h"
#include "ClientWindow.h"
#include "ConnectionPane.h"
#include "ConnectionTableModel.h"
#include "QuickMessageDialog.h"
#include "QuickSendBar.h"
#include "ServerWindow.h"
#include "server/ServerEngine.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace chorus;

namespace {

const QByteArray kBinary("\x00\xFF\r\n\xC3\x28 \xEC\x95\x88", 10);

ClientWindowOptions clientOptions(const QTemporaryDir& dir, quint16 port)
{
    ClientWindowOptions options;
    options.settingsPath = dir.filePath(QStringLiteral("config/chorus-client.conf"));
    options.historyFolder = dir.filePath(QStringLiteral("history"));
    options.set(ClientSetting::Host, QStringLiteral("127.0.0.1"));
    options.set(ClientSetting::Port, port);
    options.set(ClientSetting::Protocol, QStringLiteral("plain"));
    options.set(ClientSetting::Framing, QStringLiteral("raw")); // the bytes as they are
    return options;
}

} // namespace

class TestQuickSendBar : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void clientButtonSendsExactBytes();
    void serverButtonBroadcastsExactBytes();
    void editorRefusesBadHexAndKeepsBytes();

private:
    QTemporaryDir m_dir;
};

void TestQuickSendBar::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestQuickSendBar::init()
{
    // Each case starts with no saved quick messages.
    QFile::remove(QuickMessagesFile::defaultPath(QStringLiteral("chorus-client")));
    QFile::remove(QuickMessagesFile::defaultPath(QStringLiteral("chorus-server")));
}

void TestQuickSendBar::clientButtonSendsExactBytes()
{
    QTcpServer peer;
    QVERIFY(peer.listen(QHostAddress::LocalHost, 0));
    QByteArray received;
    connect(&peer, &QTcpServer::newConnection, this, [&] {
        QTcpSocket* socket = peer.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, this,
                [&, socket] { received += socket->readAll(); });
    });
    const QList<QuickMessage> saved = {
        {QStringLiteral("ARM"), QByteArray("ARM"), ByteInput::Text, QStringLiteral("Ctrl+1")},
        {QStringLiteral("bin"), kBinary, ByteInput::Hex, QString()},
    };
    {
        ClientWindow window(clientOptions(m_dir, peer.serverPort()));
        window.show();
        QVERIFY(window.quickSendBar()->setMessages(saved).ok());
        QVERIFY(window.quickSendBar()->button(1));
        window.connectOrDisconnect();
        QTRY_COMPARE(window.engine()->state(), ClientState::Connected);
        QTest::mouseClick(window.quickSendBar()->button(1), Qt::LeftButton);
        QTRY_COMPARE(received, kBinary);
    }
    // A new window reads the same list back, and its button sends the same bytes.
    ClientWindow again(clientOptions(m_dir, peer.serverPort()));
    again.show();
    QCOMPARE(again.quickSendBar()->messages(), saved);
    again.connectOrDisconnect();
    QTRY_COMPARE(again.engine()->state(), ClientState::Connected);
    received.clear();
    QTest::mouseClick(again.quickSendBar()->button(0), Qt::LeftButton);
    QTRY_COMPARE(received, QByteArray("ARM"));
}

void TestQuickSendBar::serverButtonBroadcastsExactBytes()
{
    ServerCommandLineOptions options;
    options.overrides.set(settingId(ServerSetting::Listen), QStringLiteral("localhost"));
    options.overrides.set(settingId(ServerSetting::Port), qint64(0));
    ServerWindow window(options, ServerFilePaths{m_dir.filePath(QStringLiteral("s/server.conf")),
                                                 m_dir.filePath(QStringLiteral("s/replies.json"))});
    window.show();
    QuickSendBar* bar = window.connectionPane()->quickBroadcastBar();
    QVERIFY(bar);
    QVERIFY(bar->setMessages({{QStringLiteral("bin"), kBinary, ByteInput::Hex, {}}}).ok());
    QTest::mouseClick(window.startStopButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), ServerWindow::State::Listening, 10000);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, window.engine()->listenPort());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionModel()->rowCount(), 1, 10000);
    QTest::mouseClick(bar->button(0), Qt::LeftButton);
    QByteArray got;
    QTRY_VERIFY((got += client.readAll()).startsWith(kBinary));
}

void TestQuickSendBar::editorRefusesBadHexAndKeepsBytes()
{
    QuickMessageDialog dialog(QuickMessage{});
    dialog.nameEdit()->setText(QStringLiteral("takeoff"));
    dialog.bytesEdit()->setMode(ByteInput::Hex);
    dialog.bytesEdit()->setText(QStringLiteral("00 F"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected)); // still open: odd digits
    QVERIFY(dialog.bytesEdit()->hasError());
    dialog.bytesEdit()->setText(QStringLiteral("00 FF 0d"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.message().bytes, QByteArray("\x00\xFF\r", 3));
    QCOMPARE(dialog.message().input, ByteInput::Hex);
    QCOMPARE(dialog.message().name, QStringLiteral("takeoff"));
}

QTEST_MAIN(TestQuickSendBar)
#include "tst_quicksendbar.moc"
