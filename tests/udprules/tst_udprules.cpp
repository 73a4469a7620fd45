// UDP answered by the reply rules (UdpChannelRules.cpp, and a session's UDP
// channel through ConnectionRules.cpp), end to end on loopback: a rule
// before the book, silence without fallback, a delayed reply in its own time
// to the same sender, a delayed reply dropped when its peer leaves, "close"
// ending the peer's row, and the hit counters.

#include "EngineHarness.h"
#include "UdpTestPeer.h"
#include "wire/ChorusProtocol.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTest>

using namespace chorus;
using namespace chorus::testing;

namespace {

Rule makeRule(const QString& name, const QString& pattern, const QString& reply, int delayMs = 0,
              bool close = false)
{
    Rule rule;
    rule.name = name;
    rule.match = MatchKind::Exact;
    rule.pattern = pattern;
    rule.reply = reply;
    rule.delayMs = delayMs;
    rule.close = close;
    return rule;
}

// The newest UDP row of this peer (0: none yet).
quint64 udpRowOf(const EngineHarness& harness, const UdpTestPeer& peer)
{
    quint64 id = 0;
    for (const ConnectionSnapshot& row : harness.rows) {
        if (row.transport == PeerTransport::Udp && row.peerPort == peer.port())
            id = std::max(id, row.id);
    }
    return id;
}

QList<QByteArray> datagrams(std::initializer_list<const char*> texts)
{
    QList<QByteArray> out;
    for (const char* text : texts)
        out.append(QByteArray(text));
    return out;
}

} // namespace

class TestUdpRules : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void ruleAnswersBeforeTheBook()
    {
        EngineHarness harness(loopbackUdpConfig());
        harness.book->setEntries({ReplyEntry{QStringLiteral("from book")}});
        harness.engine.ruleBook()->setRules({makeRule("ping", "PING", "PONG")});
        QVERIFY(harness.start() != 0);
        UdpTestPeer peer;
        QVERIFY(peer.send("PING\n", harness.engine.udpPort()) > 0);
        QTRY_COMPARE(peer.received, datagrams({"PONG\n"}));
        QVERIFY(peer.send("other\n", harness.engine.udpPort()) > 0);
        QTRY_COMPARE(peer.received, datagrams({"PONG\n", "from book\n"}));
        QTRY_VERIFY(udpRowOf(harness, peer) != 0);
        const quint64 id = udpRowOf(harness, peer);
        QTRY_COMPARE(harness.rows.value(id).ruleHits.value(QStringLiteral("ping")), quint64(1));
        QCOMPARE(harness.rows.value(id).ruleHits.size(), 1);
        QCOMPARE(harness.engine.ruleBook()->hits(0), quint64(1));
        QTRY_COMPARE(harness.rows.value(id).traffic.messagesOut, quint64(2));
    }

    void noMatchWithoutFallbackSendsNothing()
    {
        EngineHarness harness(loopbackUdpConfig());
        harness.engine.ruleBook()->setRules({makeRule("ping", "PING", "PONG")});
        harness.engine.ruleBook()->setFallbackToBook(false);
        QVERIFY(harness.start() != 0);
        UdpTestPeer peer;
        QVERIFY(peer.send("other\n", harness.engine.udpPort()) > 0);
        // A datagram is answered in order: PONG alone proves "other" got none.
        QVERIFY(peer.send("PING\n", harness.engine.udpPort()) > 0);
        QTRY_COMPARE(peer.received, datagrams({"PONG\n"}));
        QTRY_VERIFY(udpRowOf(harness, peer) != 0);
        const quint64 id = udpRowOf(harness, peer);
        QTRY_COMPARE(harness.rows.value(id).unanswered, quint64(1));
        QTRY_COMPARE(harness.counters.unanswered, quint64(1));
        QCOMPARE(harness.rows.value(id).traffic.messagesOut, quint64(1));
    }

    void delayedReplyComesAfterItsDelay()
    {
        constexpr int kDelayMs = 300;
        EngineHarness harness(loopbackUdpConfig());
        harness.engine.ruleBook()->setRules(
            {makeRule("slow", "SLOW", "slow", kDelayMs), makeRule("fast", "FAST", "fast")});
        QVERIFY(harness.start() != 0);
        UdpTestPeer peer;
        QElapsedTimer sent;
        sent.start();
        QVERIFY(peer.send("SLOW\n", harness.engine.udpPort()) > 0);
        QVERIFY(peer.send("FAST\n", harness.engine.udpPort()) > 0);
        QTRY_COMPARE(peer.received, datagrams({"fast\n"}));
        QTRY_COMPARE_WITH_TIMEOUT(peer.received, datagrams({"fast\n", "slow\n"}), 5000);
        QVERIFY2(sent.elapsed() >= kDelayMs, qPrintable(QString::number(sent.elapsed())));
        const quint64 id = udpRowOf(harness, peer);
        QTRY_COMPARE(harness.rows.value(id).ruleHits.value(QStringLiteral("slow")), quint64(1));
        QTRY_COMPARE(harness.rows.value(id).traffic.messagesOut, quint64(2));
        QCOMPARE(harness.engine.ruleBook()->droppedDelayed(), quint64(0));
    }

    void delayedReplyDroppedWhenThePeerLeaves()
    {
        EngineHarness harness(loopbackUdpConfig());
        harness.engine.ruleBook()->setRules({makeRule("late", "LATE", "late", 400)});
        QVERIFY(harness.start() != 0);
        UdpTestPeer peer;
        QVERIFY(peer.send("LATE\n", harness.engine.udpPort()) > 0);
        QTRY_VERIFY(udpRowOf(harness, peer) != 0);
        const quint64 id = udpRowOf(harness, peer);
        QTRY_COMPARE(harness.rows.value(id).traffic.messagesIn, quint64(1));
        harness.engine.disconnectClients({id}, QStringLiteral("test"));
        QTRY_VERIFY(harness.removed.contains(id));
        QTRY_COMPARE(harness.engine.ruleBook()->droppedDelayed(), quint64(1));
        // The same sender again (a new row): its own reply, due after the
        // dropped one would have been, is the only datagram that comes.
        QVERIFY(peer.send("LATE\n", harness.engine.udpPort()) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(peer.received, datagrams({"late\n"}), 5000);
        QTRY_VERIFY(udpRowOf(harness, peer) > id);
        const quint64 second = udpRowOf(harness, peer);
        QTRY_COMPARE(harness.rows.value(second).traffic.messagesOut, quint64(1));
        QCOMPARE(peer.received.size(), 1);
    }

    void closeRuleEndsThePeersRow()
    {
        EngineHarness harness(loopbackUdpConfig());
        harness.engine.ruleBook()->setRules({makeRule("bye", "BYE", "bye", 0, true)});
        QVERIFY(harness.start() != 0);
        UdpTestPeer peer;
        QVERIFY(peer.send("BYE\n", harness.engine.udpPort()) > 0);
        QTRY_COMPARE(peer.received, datagrams({"bye\n"}));
        QTRY_VERIFY(udpRowOf(harness, peer) != 0);
        const quint64 first = udpRowOf(harness, peer);
        QTRY_VERIFY(harness.removed.contains(first));
        QCOMPARE(harness.errorsLogged(ConnectionError::ClosedByRule, first), 1);
        QCOMPARE(harness.rows.value(first).ruleHits.value(QStringLiteral("bye")), quint64(1));
        // The socket stays open: the next datagram is a new row, answered again.
        QVERIFY(peer.send("BYE\n", harness.engine.udpPort()) > 0);
        QTRY_COMPARE(peer.received, datagrams({"bye\n", "bye\n"}));
        QTRY_VERIFY(udpRowOf(harness, peer) > first);
    }

    void sessionChannelAnsweredByRules()
    {
        EngineHarness harness(loopbackUdpConfig());
        harness.book->setEntries({ReplyEntry{QStringLiteral("from book")}});
        harness.engine.ruleBook()->setRules({makeRule("ping", "PING", "PONG", 200)});
        const quint16 port = harness.start();
        QVERIFY(port != 0);
        TestClient tcp;
        QVERIFY(tcp.connectTo(port));
        tcp.socket.write(encodeChorusMessage(makeHello(QStringLiteral("drone"), QString())));
        QTRY_COMPARE(tcp.lines().size(), 1);
        const ChorusMessage welcome = decodeChorusLine(tcp.lines().at(0)).message;
        QCOMPARE(welcome.type, ChorusMessageType::Welcome);
        UdpTestPeer udp;
        ChorusMessage ping = makeMsg(5, QStringLiteral("PING"));
        ping.token = welcome.token;
        QElapsedTimer sent;
        sent.start();
        QVERIFY(udp.send(encodeChorusMessage(ping), welcome.udpPort) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(udp.received.size(), 1, 5000);
        QVERIFY(sent.elapsed() >= 200);
        const ChorusMessage reply = decodeChorusLine(udp.received.at(0).trimmed()).message;
        QCOMPARE(reply.type, ChorusMessageType::Reply);
        QCOMPARE(reply.re, quint64(5));
        QCOMPARE(reply.text, QStringLiteral("PONG"));
        QCOMPARE(tcp.lines().size(), 1); // nothing over TCP
        QTRY_COMPARE(harness.rows.value(welcome.id).ruleHits.value(QStringLiteral("ping")),
                     quint64(1));
        QCOMPARE(harness.rows.value(welcome.id).transport, PeerTransport::TcpUdp);
    }
};

QTEST_MAIN(TestUdpRules)
#include "tst_udprules.moc"
