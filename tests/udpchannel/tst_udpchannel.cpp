// UdpChannel through the ServerEngine: datagrams answered once each to their
// sender, UDP rows in the connection table, expiry, the cap under a flood,
// bad datagrams, and the window's actions (broadcast, direct, disconnect).

#include "EngineHarness.h"
#include "UdpTestPeer.h"

#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <vector>

using namespace chorus;
using namespace chorus::testing;

namespace {

// One reply: the message itself, so every reply says which datagram it answers.
void echoBook(ReplyBook& book)
{
    book.setEntries({ReplyEntry{QStringLiteral("{echo}")}});
}

// Rows the engine still reports as present.
int liveRows(const EngineHarness& harness)
{
    int n = 0;
    for (auto it = harness.rows.cbegin(); it != harness.rows.cend(); ++it) {
        if (!harness.removed.contains(it.key()))
            ++n;
    }
    return n;
}

// The newest UDP row of this source address:port (an expired peer's row stays
// in harness.rows; an IPv4 and an IPv6 peer may have the same port).
const ConnectionSnapshot* rowOf(const EngineHarness& harness, const UdpTestPeer& peer)
{
    const QString address = peer.socket.localAddress().toString();
    const ConnectionSnapshot* newest = nullptr;
    for (const ConnectionSnapshot& row : harness.rows) {
        if (row.peerPort == peer.port() && row.peerAddress == address &&
            row.transport == PeerTransport::Udp && (!newest || row.id > newest->id))
            newest = &row;
    }
    return newest;
}

} // namespace

class TestUdpChannel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void udpPortFollowsTcpPort()
    {
        ServerConfig config = loopbackUdpConfig();
        config.udpPort = -1; // the TCP port
        EngineHarness harness(config);
        const quint16 port = harness.start();
        QVERIFY(port != 0);
        QCOMPARE(harness.engine.udpPort(), port);
        QVERIFY(harness.stop());
        QCOMPARE(harness.engine.udpPort(), quint16(0));
    }

    void everyDatagramAnsweredOnce()
    {
        EngineHarness harness(loopbackUdpConfig());
        echoBook(*harness.book);
        QVERIFY(harness.start() != 0);
        const quint16 port = harness.engine.udpPort();
        QVERIFY(port != 0);

        constexpr int kPeers = 200;
        constexpr int kDatagrams = 20;
        std::vector<std::unique_ptr<UdpTestPeer>> peers;
        for (int i = 0; i < kPeers; ++i) {
            // Every tenth peer over IPv6.
            peers.push_back(std::make_unique<UdpTestPeer>(
                i % 10 == 0 ? QHostAddress(QHostAddress::LocalHostIPv6)
                            : QHostAddress(QHostAddress::LocalHost)));
            QVERIFY(peers.back()->isBound());
        }
        auto message = [](int peer, int k) {
            return QByteArray("p%1-%2")
                .replace("%1", QByteArray::number(peer))
                .replace("%2", QByteArray::number(k));
        };
        // Closed loop: each peer sends its next datagram when the last one was answered.
        for (int i = 0; i < kPeers; ++i) {
            UdpTestPeer* peer = peers[i].get();
            QObject::connect(&peer->socket, &QUdpSocket::readyRead, &peer->socket,
                             [peer, i, port, &message] {
                                 const int got = int(peer->received.size());
                                 if (got < kDatagrams)
                                     peer->send(message(i, got) + '\n', port);
                             });
            QVERIFY(peer->send(message(i, 0) + '\n', port) > 0);
        }
        const bool done = QTest::qWaitFor(
            [&] {
                for (const auto& peer : peers) {
                    if (peer->received.size() < kDatagrams)
                        return false;
                }
                return true;
            },
            60000);
        QVERIFY(done);
        for (int i = 0; i < kPeers; ++i) {
            QCOMPARE(peers[i]->received.size(), kDatagrams);
            for (int k = 0; k < kDatagrams; ++k)
                QCOMPARE(peers[i]->received[k], message(i, k) + '\n'); // the line end kept
        }
        // One row per peer, each with 20 in and 20 out.
        QTRY_COMPARE_WITH_TIMEOUT(liveRows(harness), kPeers, 5000);
        for (int i = 0; i < kPeers; ++i) {
            QTRY_VERIFY(rowOf(harness, *peers[i]));
            QTRY_COMPARE(rowOf(harness, *peers[i])->traffic.messagesOut, quint64(kDatagrams));
            const ConnectionSnapshot* row = rowOf(harness, *peers[i]);
            QCOMPARE(row->traffic.messagesIn, quint64(kDatagrams));
            QCOMPARE(row->peerAddress,
                     i % 10 == 0 ? QStringLiteral("::1") : QStringLiteral("127.0.0.1"));
            QVERIFY(row->lastSeen.isValid());
            QVERIFY(row->connectedSince <= row->lastSeen);
            QCOMPARE(row->lastMessage, message(i, kDatagrams - 1));
        }
        QTRY_COMPARE(harness.counters.messagesOut, quint64(kPeers * kDatagrams));
        QCOMPARE(harness.counters.messagesIn, quint64(kPeers * kDatagrams));
    }

    void quietPeersExpire()
    {
        ServerConfig config = loopbackUdpConfig();
        config.udpIdle = std::chrono::milliseconds(200);
        EngineHarness harness(config);
        QVERIFY(harness.start() != 0);
        UdpTestPeer peer;
        QVERIFY(peer.send("hello", harness.engine.udpPort()) > 0);
        QTRY_COMPARE(peer.received.size(), 1);
        QTRY_VERIFY(rowOf(harness, peer));
        const quint64 id = rowOf(harness, peer)->id;
        QTRY_VERIFY(harness.removed.contains(id));
        QCOMPARE(harness.errorsLogged(ConnectionError::UdpExpired, id), 1);
        QTRY_COMPARE(harness.counters.udpExpired, quint64(1));
        // Coming back makes a new row.
        QVERIFY(peer.send("again", harness.engine.udpPort()) > 0);
        QTRY_COMPARE(peer.received.size(), 2);
        QTRY_VERIFY(rowOf(harness, peer)->id != id);
    }

    void capHoldsUnderAFlood()
    {
        constexpr int kCap = 100;
        constexpr int kSourcePorts = 5000;
        constexpr int kBatch = 250; // sockets open at once
        ServerConfig config = loopbackUdpConfig();
        config.maxConnections = kCap;
        EngineHarness harness(config);
        echoBook(*harness.book);
        int mostLive = 0;
        QObject::connect(&harness.engine, &ServerEngine::connectionsUpdated, &harness.engine,
                         [&] { mostLive = std::max(mostLive, liveRows(harness)); });
        QVERIFY(harness.start() != 0);
        const quint16 port = harness.engine.udpPort();
        for (int sent = 0; sent < kSourcePorts; sent += kBatch) {
            std::vector<std::unique_ptr<UdpTestPeer>> batch;
            for (int i = 0; i < kBatch; ++i) {
                batch.push_back(std::make_unique<UdpTestPeer>());
                QVERIFY(batch.back()->isBound());
                batch.back()->send("flood", port);
            }
            QCoreApplication::processEvents(); // the replies of this batch, before it closes
        }
        // Every datagram read either found room or was refused; the table never grew past the cap.
        QTRY_VERIFY_WITH_TIMEOUT(harness.counters.udpRefused > 0 || harness.counters.udpExpired > 0,
                                 10000);
        QTRY_VERIFY(harness.errorsLogged(ConnectionError::UdpTableFull) > 0 ||
                    harness.counters.udpExpired > 0);
        QVERIFY(mostLive <= kCap);
        QVERIFY(liveRows(harness) <= kCap);
        QVERIFY(mostLive > 0);
    }

    void badDatagrams()
    {
        ServerConfig config = loopbackUdpConfig();
        config.limits.maxMessageBytes = 64;
        EngineHarness harness(config);
        echoBook(*harness.book);
        QVERIFY(harness.start() != 0);
        const quint16 port = harness.engine.udpPort();
        UdpTestPeer peer;
        // Empty: never answered; the next datagram's reply is the first one.
        QCOMPARE(peer.send(QByteArray(), port), qint64(0));
        QTRY_COMPARE(harness.errorsLogged(ConnectionError::EmptyDatagram), 1);
        // Bytes that are not UTF-8: echoed exactly.
        const QByteArray binary = QByteArray::fromHex("010203FFFE00");
        QVERIFY(peer.send(binary, port) > 0);
        QTRY_COMPARE(peer.received.size(), 1);
        QCOMPARE(peer.received[0], binary);
        // Over the limit: discarded, counted, the peer told in one line.
        QVERIFY(peer.send(QByteArray(65, 'x'), port) > 0);
        QTRY_COMPARE(peer.received.size(), 2);
        QVERIFY(peer.received[1].startsWith("error: "));
        QTRY_COMPARE(harness.errorsLogged(ConnectionError::MessageTooLong), 1);
        QTRY_VERIFY(rowOf(harness, peer));
        QTRY_COMPARE(rowOf(harness, peer)->errors, quint64(2));
        QCOMPARE(rowOf(harness, peer)->traffic.messagesIn, quint64(1));
    }

    void windowActionsReachUdpPeers()
    {
        EngineHarness harness(loopbackUdpConfig());
        QVERIFY(harness.start() != 0);
        const quint16 port = harness.engine.udpPort();
        UdpTestPeer a;
        UdpTestPeer b(QHostAddress(QHostAddress::LocalHostIPv6));
        QVERIFY(a.send("hi\r\n", port) > 0);
        QVERIFY(b.send("hi", port) > 0);
        QTRY_COMPARE(a.received.size(), 1);
        QTRY_COMPARE(b.received.size(), 1);
        QVERIFY(a.received[0].endsWith("\r\n")); // a reply ends as the question did
        QVERIFY(!b.received[0].endsWith('\n'));
        QTRY_VERIFY(rowOf(harness, a) && rowOf(harness, b));
        const quint64 idA = rowOf(harness, a)->id;
        const quint64 idB = rowOf(harness, b)->id;

        harness.engine.broadcast({}, QByteArray("\x01\x02", 2));
        QTRY_COMPARE(a.received.size(), 2);
        QTRY_COMPARE(b.received.size(), 2);
        QCOMPARE(a.received[1], QByteArray("\x01\x02\r\n", 4));
        QCOMPARE(b.received[1], QByteArray("\x01\x02", 2));

        harness.engine.sendDirect(QList<quint64>{idB}, QByteArray("only b"));
        QTRY_COMPARE(b.received.size(), 3);
        QCOMPARE(b.received[2], QByteArray("only b"));
        QCOMPARE(a.received.size(), 2);

        harness.engine.disconnectClients({idA}, QString());
        QTRY_VERIFY(harness.removed.contains(idA));
        QCOMPARE(harness.errorsLogged(ConnectionError::Kicked, idA), 1);

        QVERIFY(harness.stop());
        QVERIFY(harness.removed.contains(idB));
    }
};

QTEST_GUILESS_MAIN(TestUdpChannel)
#include "tst_udpchannel.moc"
