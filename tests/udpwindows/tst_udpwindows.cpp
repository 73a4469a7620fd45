// Both windows over UDP, as a user runs them (offscreen, loopback, port 0):
// the server's UDP switch, a UDP row in its table, and the client's UDP
// transport with its probe figures in the status bar.

#include "ClientWindow.h"
#include "ConnectionBar.h"
#include "ConnectionTableModel.h"
#include "HistoryModel.h"
#include "SendBox.h"
#include "ServerWindow.h"
#include "UdpProbeLabel.h"
#include "client/ClientEngine.h"
#include "client/UdpClientLink.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

namespace {
constexpr int kTimeoutMs = 10000;
}

class TestUdpWindows : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    }

    void udpSwitchRowAndClientTransport()
    {
        ServerCommandLineOptions serverOptions;
        serverOptions.addressText = QStringLiteral("localhost");
        serverOptions.config.address = QHostAddress(QHostAddress::LocalHost);
        serverOptions.port = 0;
        serverOptions.config.port = 0;
        serverOptions.repliesPath = m_dir.filePath(QStringLiteral("replies.json"));
        ServerWindow server(serverOptions);
        server.show();
        auto* udpSwitch = server.findChild<QCheckBox*>(QStringLiteral("udpSwitch"));
        QVERIFY(udpSwitch);
        QVERIFY(!udpSwitch->isChecked());
        udpSwitch->click();
        QTest::mouseClick(server.startStopButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(server.state(), ServerWindow::State::Listening, kTimeoutMs);
        QVERIFY(!udpSwitch->isEnabled()); // applies at the next Start
        const quint16 udpPort = server.engine()->udpPort();
        QCOMPARE(udpPort, server.engine()->listenPort()); // the TCP port by default

        ClientWindowOptions clientOptions;
        clientOptions.settingsPath = m_dir.filePath(QStringLiteral("chorus-client.conf"));
        clientOptions.historyFolder = m_dir.filePath(QStringLiteral("history"));
        clientOptions.set(ClientSetting::Host, QStringLiteral("127.0.0.1"));
        clientOptions.set(ClientSetting::Port, udpPort);
        clientOptions.set(ClientSetting::Udp, true);
        clientOptions.connectNow = true;
        ClientWindow client(clientOptions);
        client.show();
        QTRY_COMPARE_WITH_TIMEOUT(client.engine()->state(), ClientState::Connected, kTimeoutMs);
        QCOMPARE(client.engine()->config().transport, ClientTransport::Udp);
        auto* udpAction = client.findChild<QAction*>(QStringLiteral("udpTransportAction"));
        QVERIFY(udpAction);
        QVERIFY(udpAction->isChecked());
        // The state line names the transport: UDP, not plain text over TCP.
        QTRY_COMPARE(client.connectionBar()->linkMode(), ConnectionBar::LinkMode::Udp);

        client.sendBox()->setFocus();
        QTest::keyClicks(client.sendBox(), QStringLiteral("status?"));
        QTest::keyClick(client.sendBox(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            client.engine()->udpProbe() && client.engine()->udpProbe()->answered == 1, kTimeoutMs);
        HistoryModel* history = client.historyModel();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int row = 0; row < history->count(); ++row) {
                    if (history->entry(row).kind == HistoryEntry::Kind::Received &&
                        history->entry(row).hasRtt())
                        return true;
                }
                return false;
            }(),
            kTimeoutMs);
        auto* probe = client.findChild<UdpProbeLabel*>();
        QVERIFY(probe);
        QTRY_VERIFY_WITH_TIMEOUT(probe->isVisible(), kTimeoutMs);

        // The server's table: one row, protocol UDP, the client's port, a last-seen time.
        ConnectionTableModel* table = server.connectionModel();
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, kTimeoutMs);
        QCOMPARE(table->index(0, ConnectionTableModel::ProtocolColumn).data().toString(),
                 peerTransportName(PeerTransport::Udp));
        QVERIFY(!table->index(0, ConnectionTableModel::LastSeenColumn).data().toString().isEmpty());
        // The status bar's Active count names the UDP peer beside the TCP connections.
        auto* active = server.findChild<QLabel*>(QStringLiteral("activeLabel"));
        QVERIFY(active);
        QTRY_COMPARE_WITH_TIMEOUT(active->property("udpActive").toInt(), 1, kTimeoutMs);
        QCOMPARE(active->property("tcpActive").toULongLong(), quint64(0));
        QCOMPARE(table->udpPeerCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(
            table->index(0, ConnectionTableModel::MessagesOutColumn).data().toULongLong(),
            quint64(1), kTimeoutMs);

        // The row's context menu offers Send over UDP.
        auto* sendOverUdp = server.findChild<QAction*>(QStringLiteral("sendOverUdpAction"));
        QVERIFY(sendOverUdp);
        server.connectionView()->selectRow(0);
        QVERIFY(sendOverUdp->isEnabled());
        QVERIFY(server.connectionView()->actions().contains(sendOverUdp));

        // The client's transport choice goes back to TCP for the next connect.
        udpAction->trigger();
        QVERIFY(!udpAction->isChecked());
        QCOMPARE(client.engine()->config().transport, ClientTransport::Udp); // still connected

        QTest::mouseClick(server.startStopButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(server.state(), ServerWindow::State::Stopped, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 0, kTimeoutMs);
    }

    // A Chorus client over TCP opens its session's UDP channel itself: the
    // server shows one row, TCP+UDP, with the datagram counted on it.
    void dualChannelOneRow()
    {
        ServerCommandLineOptions serverOptions;
        serverOptions.addressText = QStringLiteral("localhost");
        serverOptions.config.address = QHostAddress(QHostAddress::LocalHost);
        serverOptions.port = 0;
        serverOptions.config.port = 0;
        serverOptions.repliesPath = m_dir.filePath(QStringLiteral("replies2.json"));
        ServerWindow server(serverOptions);
        server.show();
        auto* udpSwitch = server.findChild<QCheckBox*>(QStringLiteral("udpSwitch"));
        QVERIFY(udpSwitch);
        if (!udpSwitch->isChecked())
            udpSwitch->click();
        QTest::mouseClick(server.startStopButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(server.state(), ServerWindow::State::Listening, kTimeoutMs);

        ClientWindowOptions clientOptions;
        clientOptions.settingsPath = m_dir.filePath(QStringLiteral("chorus-client2.conf"));
        clientOptions.historyFolder = m_dir.filePath(QStringLiteral("history2"));
        clientOptions.set(ClientSetting::Host, QStringLiteral("127.0.0.1"));
        clientOptions.set(ClientSetting::Port, server.engine()->listenPort());
        clientOptions.set(ClientSetting::Protocol, QStringLiteral("chorus"));
        clientOptions.set(ClientSetting::Udp, false);
        clientOptions.set(ClientSetting::UdpChannel, true);
        clientOptions.connectNow = true;
        ClientWindow client(clientOptions);
        client.show();
        QTRY_COMPARE_WITH_TIMEOUT(client.engine()->udpChannelState(), UdpChannelState::Bound,
                                  kTimeoutMs);
        QTRY_COMPARE(client.connectionBar()->linkMode(), ConnectionBar::LinkMode::ChorusUdp);
        QCOMPARE(client.engine()->sendOverUdpChannel(QByteArray("telemetry")).status,
                 SendStatus::Sent);

        ConnectionTableModel* table = server.connectionModel();
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            table->index(0, ConnectionTableModel::ProtocolColumn).data().toString(),
            peerTransportName(PeerTransport::TcpUdp), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            table->index(0, ConnectionTableModel::MessagesInColumn).data().toULongLong(),
            quint64(1), kTimeoutMs);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->udpPeerCount(), 0); // a session's channel is not a UDP peer

        QTest::mouseClick(server.startStopButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(server.state(), ServerWindow::State::Stopped, kTimeoutMs);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestUdpWindows)
#include "tst_udpwindows.moc"
