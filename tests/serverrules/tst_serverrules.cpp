// The engine with reply rules, end to end on loopback: rules before the
// book, silence without fallback, delayed replies in their own time and
// dropped on disconnect and Stop (never reaching a new peer), close after a
// reply, the per-connection hits, and an edit while 200 clients send.

#include "EngineHarness.h"

#include <QtTest>

#include <memory>
#include <vector>

using namespace chorus;
using namespace chorus::testing;

class tst_ServerRules : public QObject
{
    Q_OBJECT
private slots:
    void rulesBeforeBook();
    void noFallbackIsSilent();
    void delayedRepliesKeepTheirTime();
    void delayedDroppedOnDisconnectNeverReachNewPeer();
    void stopCancelsDelayedReplies();
    void closeAfterReply();
    void pathologicalRegexLoggedOnce();
    void liveEditWhile200ClientsSend();
};

namespace {

Rule makeRule(const QString& name, MatchKind kind, const QString& pattern, const QString& reply,
              int delayMs = 0)
{
    Rule rule;
    rule.name = name;
    rule.match = kind;
    rule.pattern = pattern;
    rule.reply = reply;
    rule.delayMs = delayMs;
    return rule;
}

QList<QByteArray> asLines(std::initializer_list<const char*> texts)
{
    QList<QByteArray> out;
    for (const char* text : texts)
        out.append(QByteArray(text));
    return out;
}

} // namespace

void tst_ServerRules::rulesBeforeBook()
{
    EngineHarness harness;
    harness.book->setEntries({ReplyEntry{QStringLiteral("from book"), true, 1.0}});
    harness.engine.ruleBook()->setRules({makeRule("ping", MatchKind::Exact, "PING", "PONG")});
    const quint16 port = harness.start();
    QVERIFY(port != 0);
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write("PING\nother\n");
    QTRY_COMPARE(client.lines(), asLines({"PONG", "from book"}));
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.rows.value(id).ruleHits.value(QStringLiteral("ping")), quint64(1));
    QCOMPARE(harness.rows.value(id).ruleHits.size(), 1);
    QCOMPARE(harness.engine.ruleBook()->hits(0), quint64(1));
    // The log names the rule on its sent line.
    QTRY_VERIFY(!harness.entriesOf(id, LogKind::Sent).isEmpty());
    const LogEntry sent = harness.entriesOf(id, LogKind::Sent).first();
    QCOMPARE(sent.payload, QByteArray("PONG"));
    QVERIFY(sent.text.contains(QStringLiteral("\"ping\"")));
}

void tst_ServerRules::noFallbackIsSilent()
{
    EngineHarness harness;
    harness.engine.ruleBook()->setRules({makeRule("ping", MatchKind::Exact, "PING", "PONG")});
    harness.engine.ruleBook()->setFallbackToBook(false);
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write("other\nPING\n");
    QTRY_COMPARE(client.lines(), asLines({"PONG"})); // nothing for "other", and before PONG
    QTRY_COMPARE(harness.counters.unanswered, quint64(1));
}

void tst_ServerRules::delayedRepliesKeepTheirTime()
{
    EngineHarness harness;
    harness.engine.ruleBook()->setRules(
        {makeRule("slow", MatchKind::Regex, "^SLOW(\\d)$", "slow{1}", 300),
         makeRule("fast", MatchKind::Exact, "FAST", "fast")});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write("SLOW1\nSLOW2\nFAST\n");
    // The undelayed reply first; equal delays keep their order.
    QTRY_COMPARE_WITH_TIMEOUT(client.lines(), asLines({"fast", "slow1", "slow2"}), 5000);
}

void tst_ServerRules::delayedDroppedOnDisconnectNeverReachNewPeer()
{
    EngineHarness harness;
    const std::shared_ptr<RuleBook> rules = harness.engine.ruleBook();
    rules->setRules({makeRule("late", MatchKind::Exact, "LATE", "late", 400),
                     makeRule("mark", MatchKind::Exact, "MARK", "mark", 700)});
    const quint16 port = harness.start();
    {
        TestClient gone;
        QVERIFY(gone.connectTo(port));
        const quint64 id = harness.waitForId(gone.socket);
        gone.socket.write("LATE\n");
        QTRY_COMPARE(harness.rows.value(id).traffic.messagesIn, quint64(1));
        gone.socket.abort();
        QTRY_COMPARE(rules->droppedDelayed(), quint64(1));
    }
    // A new peer (likely on the old descriptor): its own reply, due after the
    // dropped one would have been, is all it ever gets.
    TestClient fresh;
    QVERIFY(fresh.connectTo(port));
    fresh.socket.write("MARK\n");
    QTRY_COMPARE_WITH_TIMEOUT(fresh.lines(), asLines({"mark"}), 5000);
    QCOMPARE(fresh.received, QByteArray("mark\n"));
    QCOMPARE(rules->hits(0), quint64(1));
}

void tst_ServerRules::stopCancelsDelayedReplies()
{
    EngineHarness harness;
    const std::shared_ptr<RuleBook> rules = harness.engine.ruleBook();
    rules->setRules({makeRule("very late", MatchKind::Exact, "LATE", "late", 30000)});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    const quint64 id = harness.waitForId(client.socket);
    client.socket.write("LATE\nLATE\n");
    QTRY_COMPARE(harness.rows.value(id).traffic.messagesIn, quint64(2));
    QVERIFY(harness.stop()); // well before 30 s
    QCOMPARE(rules->droppedDelayed(), quint64(2));
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(client.received, QByteArray());
}

void tst_ServerRules::closeAfterReply()
{
    EngineHarness harness;
    Rule quit = makeRule("quit", MatchKind::Exact, "QUIT", "BYE");
    quit.close = true;
    harness.engine.ruleBook()->setRules({quit});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    const quint64 id = harness.waitForId(client.socket);
    client.socket.write("QUIT\n");
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(client.received, QByteArray("BYE\n"));
    QTRY_COMPARE(harness.errorsLogged(ConnectionError::ClosedByRule, id), 1);
}

void tst_ServerRules::pathologicalRegexLoggedOnce()
{
    EngineHarness harness;
    harness.engine.ruleBook()->setRules({makeRule("evil", MatchKind::Regex, "(a+)+$", "never"),
                                         makeRule("fine", MatchKind::Contains, "b", "fine")});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    const QByteArray line = QByteArray(30, 'a') + "b\n";
    client.socket.write(line + line + line);
    QTRY_COMPARE(client.lines(), asLines({"fine", "fine", "fine"}));
    QTRY_COMPARE(harness.engine.ruleBook()->limitHits(0), quint64(3));
    // The warning crosses from the I/O thread as a queued signal: it may land
    // after the counter is seen, so wait for it rather than read it once.
    const auto warnings = [&harness] {
        int count = 0;
        for (const LogEntry& entry : harness.log)
            count += entry.level == LogLevel::Warning && entry.kind == LogKind::Error &&
                     entry.text.contains(QStringLiteral("\"evil\""));
        return count;
    };
    QTRY_COMPARE(warnings(), 1);
    // Three limit hits, one warning: the rule is named once, not per message.
    QCOMPARE(harness.engine.ruleBook()->limitHits(0), quint64(3));
    QCOMPARE(warnings(), 1);
}

void tst_ServerRules::liveEditWhile200ClientsSend()
{
    constexpr int kClients = 200;
    constexpr int kMessages = 10;
    EngineHarness harness;
    const std::shared_ptr<RuleBook> rules = harness.engine.ruleBook();
    rules->setFallbackToBook(false);
    rules->setRules({makeRule("q", MatchKind::Exact, "Q", "old")});
    const quint16 port = harness.start();

    // Each client sends its next message when the previous one is answered.
    struct Peer
    {
        TestClient client;
        int sent = 0;
        int sentBeforeEdit = -1;
    };
    std::vector<std::unique_ptr<Peer>> peers;
    bool edited = false;
    for (int i = 0; i < kClients; ++i) {
        peers.push_back(std::make_unique<Peer>());
        Peer* peer = peers.back().get();
        QVERIFY(peer->client.connectTo(port));
        QObject::connect(&peer->client.socket, &QTcpSocket::readyRead, &peer->client.socket,
                         [peer, &edited, &rules, &peers] {
                             const int lines = int(peer->client.lines().size());
                             if (!edited && lines >= kMessages / 2 && peer == peers.front().get()) {
                                 // The edit lands while the others are mid-stream.
                                 for (const auto& each : peers)
                                     each->sentBeforeEdit = each->sent;
                                 Rule changed = rules->rule(0);
                                 changed.reply = QStringLiteral("new");
                                 rules->updateRule(0, changed);
                                 edited = true;
                             }
                             if (lines == peer->sent && peer->sent < kMessages) {
                                 peer->client.socket.write("Q\n");
                                 ++peer->sent;
                             }
                         });
    }
    for (const auto& peer : peers) {
        peer->client.socket.write("Q\n");
        peer->sent = 1;
    }
    const auto allDone = [&] {
        for (const auto& peer : peers) {
            if (peer->client.lines().size() < kMessages)
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allDone(), 60000);
    QVERIFY(edited);
    // Each message answered exactly once: as many replies as messages, no more arriving.
    QTRY_COMPARE(rules->hits(0), quint64(kClients * kMessages));
    for (const auto& peer : peers) {
        const QList<QByteArray> lines = peer->client.lines();
        QCOMPARE(lines.size(), kMessages);
        QVERIFY(peer->sentBeforeEdit >= 1);
        for (int k = 0; k < kMessages; ++k) {
            if (k >= peer->sentBeforeEdit)
                QCOMPARE(lines.at(k), QByteArray("new")); // sent after the edit
            else if (k + 1 < peer->sentBeforeEdit)
                QCOMPARE(lines.at(k), QByteArray("old")); // answered before the edit
            if (k > 0 && lines.at(k - 1) == "new")
                QCOMPARE(lines.at(k), QByteArray("new")); // never back
        }
    }
}

QTEST_GUILESS_MAIN(tst_ServerRules)
#include "tst_serverrules.moc"
