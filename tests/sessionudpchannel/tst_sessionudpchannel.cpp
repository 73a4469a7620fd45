// The client's side of the dual channel (SessionUdpChannel through
// ClientEngine, PROTOCOL.md §5.4), end to end against a real engine on
// loopback: the welcome's port and token open the channel, its datagrams
// count on the session's one row (TCP+UDP) and are answered over UDP, the
// channel closes with the link; a token the server does not know is refused
// and counted there, and leaves the client's channel Unanswered.

#include "EngineHarness.h"
#include "LoopbackClient.h"
#include "client/ClientEngine.h"
#include "wire/ChorusProtocol.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace chorus;
using namespace chorus::testing;

namespace {

ClientConfig chorusClient(quint16 port, bool udpChannel)
{
    ClientConfig config = loopbackChorusClient(port, udpChannel);
    config.helloTimeout = std::chrono::milliseconds(500);
    return config;
}

} // namespace

class TestSessionUdpChannel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void channelLandsOnTheSessionsRow()
    {
        EngineHarness harness(loopbackUdpConfig());
        harness.book->setEntries({ReplyEntry{QStringLiteral("re: {echo}")}});
        const quint16 port = harness.start();
        QVERIFY(port != 0);
        ClientEngine client;
        client.setConfig(chorusClient(port, true));
        QSignalSpy events(&client, &ClientEngine::eventOccurred);
        client.connectToServer();
        QTRY_VERIFY(client.isChorusMode());
        // The bind ping is answered: the token is good.
        QTRY_COMPARE(client.udpChannelState(), UdpChannelState::Bound);
        const quint64 id = client.clientId();
        QTRY_COMPARE(harness.rows.value(id).transport, PeerTransport::TcpUdp);

        const SendResult sent = client.sendOverUdpChannel(QByteArray("over udp"));
        QCOMPARE(sent.status, SendStatus::Sent);
        QCOMPARE(sent.messageIds.size(), 1);
        auto replyOverUdp = [&] {
            for (const QList<QVariant>& args : std::as_const(events)) {
                const auto event = args.at(0).value<ClientEvent>();
                if (event.kind == ClientEvent::Kind::Received && event.overUdp &&
                    event.replyTo == sent.messageIds.first())
                    return event.payload;
            }
            return QByteArray();
        };
        QTRY_COMPARE(replyOverUdp(), QByteArray("re: over udp"));
        // One row, TCP+UDP, the datagram counted on it.
        QTRY_COMPARE(harness.rows.value(id).traffic.messagesIn, quint64(1));
        QTRY_COMPARE(harness.rows.value(id).traffic.messagesOut, quint64(1));
        QCOMPARE(harness.rows.size(), 1);
        QCOMPARE(harness.counters.udpBadTokens, quint64(0));

        // The channel closes with the link.
        client.disconnectFromServer();
        QTRY_COMPARE(client.udpChannelState(), UdpChannelState::Off);
        QTRY_VERIFY(harness.removed.contains(id));
    }

    void noChannelUnlessAskedFor()
    {
        EngineHarness harness(loopbackUdpConfig());
        const quint16 port = harness.start();
        QVERIFY(port != 0);
        ClientEngine client;
        client.setConfig(chorusClient(port, false));
        client.connectToServer();
        QTRY_VERIFY(client.isChorusMode());
        QCOMPARE(client.udpChannelState(), UdpChannelState::Off);
        const SendResult refused = client.sendOverUdpChannel(QByteArray("x"));
        QCOMPARE(refused.status, SendStatus::Refused);
        QCOMPARE(refused.error, ClientError::NoUdpChannel);
        const quint64 id = client.clientId();
        QTRY_COMPARE(harness.rows.value(id).transport, PeerTransport::Tcp);
    }

    void unknownTokenIsRefusedAndCounted()
    {
        // The real server's UDP side, reached through a fake welcome whose
        // token it never issued.
        EngineHarness harness(loopbackUdpConfig());
        QVERIFY(harness.start() != 0);
        QTcpServer fake;
        QVERIFY(fake.listen(QHostAddress::LocalHost, 0));
        QByteArray fromClient;
        QTcpSocket* peer = nullptr;
        connect(&fake, &QTcpServer::newConnection, &fake, [&] {
            peer = fake.nextPendingConnection();
            connect(peer, &QTcpSocket::readyRead, peer, [&] {
                fromClient += peer->readAll();
                if (!fromClient.contains('\n'))
                    return;
                ChorusMessage welcome = makeWelcome(42, QStringLiteral("fake"));
                welcome.udpPort = harness.engine.udpPort();
                welcome.token = QStringLiteral("0123456789abcdef0123456789abcdef");
                peer->write(encodeChorusMessage(welcome));
            });
        });
        ClientEngine client;
        client.setConfig(chorusClient(fake.serverPort(), true));
        client.connectToServer();
        QTRY_VERIFY(client.isChorusMode());
        QTRY_COMPARE_WITH_TIMEOUT(client.udpChannelState(), UdpChannelState::Unanswered, 5000);
        QTRY_COMPARE(harness.counters.udpBadTokens, quint64(1));
        QCOMPARE(harness.errorsLogged(ConnectionError::UdpBadToken), 1);
        QCOMPARE(harness.rows.size(), 0); // never attributed to anyone
        const SendResult refused = client.sendOverUdpChannel(QByteArray("x"));
        QCOMPARE(refused.error, ClientError::NoUdpChannel);
    }
};

QTEST_MAIN(TestSessionUdpChannel)
#include "tst_sessionudpchannel.moc"
