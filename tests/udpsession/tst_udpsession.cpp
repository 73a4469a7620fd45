// The dual channel (UdpSessions, PROTOCOL.md §5.4): a Chorus TCP session's
// welcome carries the UDP port and a token; datagrams with the token land on
// the session's row (TCP+UDP); unknown and stale tokens are refused and
// counted; the server reaches the peer over UDP; the channel drops with TCP.

#include "EngineHarness.h"
#include "UdpTestPeer.h"
#include "wire/ChorusProtocol.h"

#include <QStandardPaths>
#include <QTest>

using namespace chorus;
using namespace chorus::testing;

namespace {

// The chorus messages among a peer's datagrams.
QList<ChorusMessage> decoded(const QList<QByteArray>& datagrams)
{
    QList<ChorusMessage> out;
    for (const QByteArray& datagram : datagrams)
        out.append(decodeChorusLine(datagram.trimmed()).message);
    return out;
}

} // namespace

class TestUdpSession : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void tokenBindsTheChannelToTheSession()
    {
        EngineHarness harness(loopbackUdpConfig());
        harness.book->setEntries({ReplyEntry{QStringLiteral("re: {echo}")}});
        const quint16 port = harness.start();
        QVERIFY(port != 0);
        TestClient tcp;
        QVERIFY(tcp.connectTo(port));
        tcp.socket.write(encodeChorusMessage(makeHello(QStringLiteral("drone"), QString())));
        QTRY_COMPARE(tcp.lines().size(), 1);
        const ChorusMessage welcome = decodeChorusLine(tcp.lines().at(0)).message;
        QCOMPARE(welcome.type, ChorusMessageType::Welcome);
        QCOMPARE(welcome.udpPort, harness.engine.udpPort());
        QCOMPARE(welcome.token.size(), 32);
        const quint64 id = welcome.id;

        // Over TCP, then over UDP: both on the same row.
        tcp.socket.write(encodeChorusMessage(makeMsg(1, QStringLiteral("tcp"))));
        QTRY_COMPARE(tcp.lines().size(), 2);
        UdpTestPeer udp;
        ChorusMessage overUdp = makeMsg(7, QStringLiteral("udp"));
        overUdp.token = welcome.token;
        QVERIFY(udp.send(encodeChorusMessage(overUdp), welcome.udpPort) > 0);
        QTRY_COMPARE(udp.received.size(), 1);
        const ChorusMessage reply = decoded(udp.received).at(0);
        QCOMPARE(reply.type, ChorusMessageType::Reply);
        QCOMPARE(reply.re, quint64(7));
        QCOMPARE(reply.text, QStringLiteral("re: udp"));
        QTRY_COMPARE(harness.rows.value(id).transport, PeerTransport::TcpUdp);
        QTRY_COMPARE(harness.rows.value(id).traffic.messagesIn, quint64(2));
        QTRY_COMPARE(harness.rows.value(id).traffic.messagesOut, quint64(2));
        QVERIFY(harness.rows.value(id).lastSeen.isValid());
        for (const ConnectionSnapshot& row : std::as_const(harness.rows))
            QVERIFY(row.transport != PeerTransport::Udp); // not a new UDP peer

        // The server window's "Send over UDP": a direct datagram.
        harness.engine.sendOverUdp({id}, QByteArray("land now"));
        QTRY_COMPARE(udp.received.size(), 2);
        QCOMPARE(decoded(udp.received).at(1).type, ChorusMessageType::Direct);
        QCOMPARE(decoded(udp.received).at(1).text, QStringLiteral("land now"));

        // An unknown token: refused, counted, never answered or attributed.
        UdpTestPeer stranger;
        ChorusMessage forged = makeMsg(1, QStringLiteral("let me in"));
        forged.token = QStringLiteral("00000000000000000000000000000000");
        QVERIFY(stranger.send(encodeChorusMessage(forged), welcome.udpPort) > 0);
        QTRY_COMPARE(harness.counters.udpBadTokens, quint64(1));
        QCOMPARE(harness.errorsLogged(ConnectionError::UdpBadToken), 1);

        // The channel drops with the TCP link: the token is stale now.
        tcp.socket.disconnectFromHost();
        QTRY_VERIFY(harness.removed.contains(id));
        QVERIFY(udp.send(encodeChorusMessage(overUdp), welcome.udpPort) > 0);
        QTRY_COMPARE(harness.counters.udpBadTokens, quint64(2));
        QCOMPARE(udp.received.size(), 2);
        QCOMPARE(stranger.received.size(), 0);
        for (const ConnectionSnapshot& row : std::as_const(harness.rows))
            QVERIFY(row.transport != PeerTransport::Udp);
    }

    void noTokenWithoutUdp()
    {
        EngineHarness harness; // UDP off
        const quint16 port = harness.start();
        TestClient tcp;
        QVERIFY(tcp.connectTo(port));
        tcp.socket.write(encodeChorusMessage(makeHello(QString(), QString())));
        QTRY_COMPARE(tcp.lines().size(), 1);
        const ChorusMessage welcome = decodeChorusLine(tcp.lines().at(0)).message;
        QCOMPARE(welcome.type, ChorusMessageType::Welcome);
        QVERIFY(welcome.token.isEmpty());
        QCOMPARE(welcome.udpPort, quint16(0));
        QVERIFY(!tcp.lines().at(0).contains("token")); // the welcome of before, byte for byte
    }
};

QTEST_GUILESS_MAIN(TestUdpSession)
#include "tst_udpsession.moc"
