// The client's UDP transport (UdpClientLink behind ClientEngine): one
// datagram per message, loss counted against a peer that drops on purpose,
// round-trip figures, and ICMP port unreachable as a clear error.

#include "client/ClientEngine.h"
#include "client/UdpClientLink.h"

#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

using namespace chorus;

namespace {

// Answers "ok:" + each datagram, except every `dropEvery`-th one (0: none).
class DroppingPeer
{
public:
    explicit DroppingPeer(int dropEvery) : m_dropEvery(dropEvery)
    {
        socket.bind(QHostAddress(QHostAddress::LocalHost), 0);
        QObject::connect(&socket, &QUdpSocket::readyRead, &socket, [this] {
            while (socket.hasPendingDatagrams()) {
                const QNetworkDatagram datagram = socket.receiveDatagram();
                received.append(datagram.data());
                if (m_dropEvery > 0 && received.size() % m_dropEvery == 0)
                    continue;
                socket.writeDatagram(datagram.makeReply("ok:" + datagram.data()));
            }
        });
    }
    QUdpSocket socket;
    QList<QByteArray> received;

private:
    int m_dropEvery;
};

ClientConfig udpConfig(quint16 port)
{
    ClientConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    config.transport = ClientTransport::Udp;
    config.udpReplyTimeout = std::chrono::milliseconds(150);
    return config;
}

bool connectEngine(ClientEngine& engine)
{
    QSignalSpy state(&engine, &ClientEngine::stateChanged);
    engine.connectToServer();
    return QTest::qWaitFor([&] { return engine.state() == ClientState::Connected; }, 5000);
}

} // namespace

class TestUdpClientLink : public QObject
{
    Q_OBJECT
private slots:
    void oneDatagramPerMessage()
    {
        DroppingPeer peer(0);
        ClientEngine engine;
        engine.setConfig(udpConfig(peer.socket.localPort()));
        QSignalSpy events(&engine, &ClientEngine::eventOccurred);
        QVERIFY(connectEngine(engine));
        const QByteArray binary = QByteArray::fromHex("0102FF00");
        const SendResult sent = engine.send(QList<QByteArray>{"hello", binary});
        QCOMPARE(sent.status, SendStatus::Sent);
        QTRY_COMPARE(peer.received.size(), 2);
        QCOMPARE(peer.received[0], QByteArray("hello\n")); // the text framing's terminator
        QCOMPARE(peer.received[1], binary + '\n');
        QTRY_COMPARE(engine.udpProbe()->answered, quint64(2));
        QList<ClientEvent> replies;
        for (const QList<QVariant>& args : std::as_const(events)) {
            const auto event = args.at(0).value<ClientEvent>();
            if (event.kind == ClientEvent::Kind::Received)
                replies.append(event);
        }
        QCOMPARE(replies.size(), 2);
        QCOMPARE(replies[0].payload, QByteArray("ok:hello")); // its line end is not part of it
        QCOMPARE(replies[0].replyTo, sent.messageIds[0]);
        QCOMPARE(replies[1].payload, "ok:" + binary);
        QCOMPARE(replies[1].replyTo, sent.messageIds[1]);
        QVERIFY(replies[1].rttMs.has_value());
        QCOMPARE(engine.stats().messagesSent, quint64(2));
        QCOMPARE(engine.stats().messagesReceived, quint64(2));
    }

    void lossCountedAgainstADroppingPeer()
    {
        DroppingPeer peer(3); // ignores every third datagram
        ClientEngine engine;
        engine.setConfig(udpConfig(peer.socket.localPort()));
        QVERIFY(connectEngine(engine));
        QList<quint64> lostIds;
        QList<quint64> sentIds;
        QObject::connect(&engine, &ClientEngine::eventOccurred, &engine,
                         [&](const ClientEvent& event) {
                             if (event.kind == ClientEvent::Kind::Notice &&
                                 event.notice == ClientNotice::ReplyLost)
                                 lostIds.append(event.messageId);
                         });
        constexpr int kMessages = 30;
        // A probe: each message once the last one was answered or lost.
        for (int i = 0; i < kMessages; ++i) {
            const SendResult sent = engine.send(QByteArray("probe ") + QByteArray::number(i));
            QCOMPARE(sent.status, SendStatus::Sent);
            sentIds.append(sent.messageIds.first());
            QTRY_COMPARE(engine.awaitingReplies(), qsizetype(0));
        }
        const UdpProbeStats& stats = *engine.udpProbe();
        QCOMPARE(stats.sent, quint64(kMessages));
        QCOMPARE(stats.answered, quint64(20));
        QCOMPARE(stats.lost, quint64(10));
        QCOMPARE(qRound(stats.lostPercent() * 10), 333);
        // Exactly the third, sixth, … messages are the lost ones.
        QCOMPARE(lostIds.size(), 10);
        for (int k = 0; k < 10; ++k)
            QCOMPARE(lostIds[k], sentIds[3 * k + 2]);
        // Round trips of the 20 answered ones.
        QCOMPARE(stats.rttCount, std::size_t(20));
        QVERIFY(stats.rttMinMs > 0);
        QVERIFY(stats.rttMinMs <= stats.rttMedianMs);
        QVERIFY(stats.rttMedianMs <= stats.rttMaxMs);
        QVERIFY(stats.rttMaxMs < 150); // an answered message came within the timeout
    }

    void portUnreachableIsAClearError()
    {
        quint16 closedPort = 0;
        {
            QUdpSocket probe;
            QVERIFY(probe.bind(QHostAddress(QHostAddress::LocalHost), 0));
            closedPort = probe.localPort();
        } // closed: nothing receives there now
        ClientEngine engine;
        engine.setConfig(udpConfig(closedPort));
        QVERIFY(connectEngine(engine));
        QList<ClientError> errors;
        QObject::connect(&engine, &ClientEngine::eventOccurred, &engine,
                         [&](const ClientEvent& event) {
                             if (event.kind == ClientEvent::Kind::Error)
                                 errors.append(event.error);
                         });
        // The ICMP report comes after a send; a second send may be needed to see it.
        QCOMPARE(engine.send(QByteArray("anyone?")).status, SendStatus::Sent);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (!errors.contains(ClientError::PortUnreachable))
                    engine.send(QByteArray("anyone?"));
                return errors.contains(ClientError::PortUnreachable);
            }(),
            5000);
        QVERIFY(engine.udpProbe()->portUnreachable);
        QCOMPARE(engine.state(), ClientState::Connected); // a server started later answers
    }

    void disconnectEndsTheLink()
    {
        DroppingPeer peer(0);
        ClientEngine engine;
        engine.setConfig(udpConfig(peer.socket.localPort()));
        QVERIFY(connectEngine(engine));
        engine.disconnectFromServer();
        QCOMPARE(engine.state(), ClientState::Disconnected);
        QCOMPARE(engine.send(QByteArray("later")).status, SendStatus::Queued);
        QVERIFY(connectEngine(engine));
        QTRY_COMPARE(peer.received.size(), 1); // the queued message went out on connect
    }
};

QTEST_GUILESS_MAIN(TestUdpClientLink)
#include "tst_udpclientlink.moc"
