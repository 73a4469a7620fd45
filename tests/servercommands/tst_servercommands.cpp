// The engine's side of issue 13, end to end on loopback: commands to Chorus
// and text peers, acks matched by (connection, seq) across many peers, link
// lost, unknown acks, telemetry, status severities, stale marks.
#include "EngineHarness.h"
#include "wire/VehicleMessages.h"

#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <vector>

using namespace chorus;
using namespace chorus::testing;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(chorus::CommandState)

namespace {

// A loopback peer that speaks Chorus (hello, welcome) and reads cmd lines.
struct ChorusPeer
{
    TestClient client;
    quint64 id = 0;

    bool open(EngineHarness& harness, quint16 port)
    {
        if (!client.connectTo(port))
            return false;
        client.socket.write(encodeChorusMessage(makeHello(QStringLiteral("v"), {})));
        if (!QTest::qWaitFor([this] { return !client.lines().isEmpty(); }, 5000))
            return false;
        id = decodeChorusLine(client.lines().first()).message.id;
        return id != 0 && harness.waitForId(client.socket) == id;
    }

    QList<ChorusMessage> commands() const
    {
        QList<ChorusMessage> out;
        for (const QByteArray& line : client.lines()) {
            const ChorusDecodeResult decoded = decodeChorusLine(line);
            if (decoded.ok() && decoded.message.type == ChorusMessageType::Cmd)
                out << decoded.message;
        }
        return out;
    }

    void send(const ChorusMessage& message) { client.socket.write(encodeChorusMessage(message)); }
};

CommandRequest takeoff(std::chrono::milliseconds timeout = 5s, int retries = 0)
{
    CommandRequest request;
    request.name = QStringLiteral("TAKEOFF");
    request.args = QJsonObject{{"alt", 10}};
    request.payload = "TAKEOFF alt=10";
    request.expectedReply = QStringLiteral("^OK");
    request.ackTimeout = timeout;
    request.retries = retries;
    return request;
}

// The fleet's records as the window would keep them: latest per (id, seq).
struct CommandLog
{
    explicit CommandLog(ServerEngine& engine)
    {
        QObject::connect(&engine.fleet(), &Fleet::commandsChanged, &engine.fleet(),
                         [this](const QList<CommandRecord>& changed) {
                             for (const CommandRecord& record : changed)
                                 records[{record.connectionId, record.seq}] = record;
                         });
    }
    int count(CommandState state) const
    {
        int n = 0;
        for (const CommandRecord& record : records)
            n += record.state == state;
        return n;
    }
    QList<CommandRecord> of(quint64 id) const
    {
        QList<CommandRecord> out;
        for (const CommandRecord& record : records) {
            if (record.connectionId == id)
                out << record;
        }
        return out;
    }
    QMap<std::pair<quint64, quint64>, CommandRecord> records;
};

} // namespace

class TestServerCommands : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void chorusAcks_data();
    void chorusAcks();
    void timeoutWithRetriesResendsSameSeq();
    void linkLostNotTimedOut();
    void textPeerExpectedReply();
    void acksMatchedAcross200Peers();
    void unknownAckCountedAndLogged();
    void telemetryAndHeartbeat();
    void badTelemetryRefused();
    void keyValueTelemetryFromTextPeer();
    void statusLoggedWithSeverity();
    void staleMarking();
};

void TestServerCommands::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestServerCommands::chorusAcks_data()
{
    QTest::addColumn<QStringList>("results"); // acks the vehicle sends, in order
    QTest::addColumn<CommandState>("state");
    QTest::addColumn<int>("progress");
    QTest::newRow("accepted") << QStringList{"accepted"} << CommandState::Accepted << -1;
    QTest::newRow("in progress then accepted")
        << QStringList{"in_progress:20", "in_progress:70", "accepted"} << CommandState::Accepted
        << 100;
    QTest::newRow("denied") << QStringList{"denied"} << CommandState::Denied << -1;
    QTest::newRow("unsupported") << QStringList{"unsupported"} << CommandState::Unsupported << -1;
}

void TestServerCommands::chorusAcks()
{
    QFETCH(QStringList, results);
    QFETCH(CommandState, state);
    QFETCH(int, progress);
    EngineHarness harness;
    CommandLog log(harness.engine);
    const quint16 port = harness.start();
    QVERIFY(port);
    ChorusPeer peer;
    QVERIFY(peer.open(harness, port));
    harness.engine.sendCommand({peer.id}, takeoff());
    QTRY_COMPARE_WITH_TIMEOUT(peer.commands().size(), 1, 5000);
    const ChorusMessage cmd = peer.commands().first();
    QCOMPARE(cmd.name, QStringLiteral("TAKEOFF"));
    QCOMPARE(cmd.args.value("alt").toDouble(), 10.0);
    QTRY_COMPARE_WITH_TIMEOUT(log.count(CommandState::Sent), 1, 5000);
    for (const QString& result : results) {
        const MavResult mav = *mavResultFromName(result.section(QLatin1Char(':'), 0, 0));
        const QString percent = result.section(QLatin1Char(':'), 1);
        peer.send(makeAck(cmd.seq, mav,
                          percent.isEmpty() ? std::nullopt : std::optional<int>(percent.toInt())));
    }
    QTRY_COMPARE_WITH_TIMEOUT(log.count(state), 1, 5000);
    const CommandRecord record = log.of(peer.id).first();
    QCOMPARE(record.seq, cmd.seq);
    QCOMPARE(record.progress, progress);
    QVERIFY(record.rttMs >= 0);
    QCOMPARE(harness.engine.fleet().counters().acks, quint64(results.size()));
}

void TestServerCommands::timeoutWithRetriesResendsSameSeq()
{
    EngineHarness harness;
    CommandLog log(harness.engine);
    const quint16 port = harness.start();
    ChorusPeer peer;
    QVERIFY(peer.open(harness, port));
    harness.engine.sendCommand({peer.id}, takeoff(100ms, 2));
    QTRY_COMPARE_WITH_TIMEOUT(log.count(CommandState::TimedOut), 1, 10000);
    QCOMPARE(peer.commands().size(), 3); // the first send and two retries
    QCOMPARE(peer.commands().at(2).seq, peer.commands().at(0).seq);
    QCOMPARE(log.of(peer.id).first().attempts, 3);
}

void TestServerCommands::linkLostNotTimedOut()
{
    EngineHarness harness;
    CommandLog log(harness.engine);
    const quint16 port = harness.start();
    ChorusPeer peer;
    QVERIFY(peer.open(harness, port));
    harness.engine.sendCommand({peer.id}, takeoff(10s, 3));
    QTRY_COMPARE_WITH_TIMEOUT(peer.commands().size(), 1, 5000);
    peer.client.socket.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(log.count(CommandState::LinkLost), 1, 5000);
    QCOMPARE(log.count(CommandState::TimedOut), 0);
    QCOMPARE(harness.engine.fleet().commands().pendingCount(), 0);
}

void TestServerCommands::textPeerExpectedReply()
{
    EngineHarness harness;
    CommandLog log(harness.engine);
    ReplyEntry bookReply;
    bookReply.text = QStringLiteral("R:{echo}"); // says which message it answers
    harness.book->setEntries({bookReply});
    const quint16 port = harness.start();
    TestClient device;
    QVERIFY(device.connectTo(port));
    device.socket.write("hi\n"); // a line-based text peer
    const quint64 id = harness.waitForId(device.socket);
    QVERIFY(id);
    QTRY_COMPARE_WITH_TIMEOUT(device.lines().size(), 1, 5000); // the book's answer to "hi"
    harness.engine.sendCommand({id}, takeoff());
    QTRY_COMPARE_WITH_TIMEOUT(device.lines().size(), 2, 5000);
    QCOMPARE(device.lines().at(1), QByteArray("TAKEOFF alt=10")); // in the peer's framing
    device.socket.write("BUSY\n"); // not the expected reply: a question for the book
    QTRY_COMPARE_WITH_TIMEOUT(device.lines().size(), 3, 5000);
    QCOMPARE(device.lines().at(2), QByteArray("R:BUSY"));
    // The command's states reach the window in the fleet's batches: wait for it.
    QTRY_COMPARE_WITH_TIMEOUT(log.count(CommandState::Sent), 1, 5000);
    device.socket.write("OK climbing\n");
    QTRY_COMPARE_WITH_TIMEOUT(log.count(CommandState::Accepted), 1, 5000);
    QCOMPARE(log.of(id).first().text, QStringLiteral("OK climbing"));
    // The ack is not answered from the reply book: replies keep their order,
    // so the next line answers the next message, not the ack.
    device.socket.write("hi again\n");
    QTRY_COMPARE_WITH_TIMEOUT(device.lines().size(), 4, 5000);
    QCOMPARE(device.lines().at(3), QByteArray("R:hi again"));
}

void TestServerCommands::acksMatchedAcross200Peers()
{
    EngineHarness harness;
    CommandLog log(harness.engine);
    const quint16 port = harness.start();
    std::vector<std::unique_ptr<ChorusPeer>> peers;
    for (int i = 0; i < 200; ++i) {
        peers.push_back(std::make_unique<ChorusPeer>());
        QVERIFY(peers.back()->open(harness, port));
    }
    harness.engine.sendCommand({}, takeoff()); // to all
    QSet<quint64> seqs;
    for (auto& peer : peers) {
        QTRY_COMPARE_WITH_TIMEOUT(peer->commands().size(), 1, 10000);
        seqs.insert(peer->commands().first().seq);
    }
    QCOMPARE(seqs.size(), 200); // one seq per (peer, command)
    // Every other peer denies; each answers its own seq only.
    for (std::size_t i = 0; i < peers.size(); ++i)
        peers[i]->send(makeAck(peers[i]->commands().first().seq,
                               i % 2 ? MavResult::Denied : MavResult::Accepted));
    QTRY_COMPARE_WITH_TIMEOUT(log.count(CommandState::Accepted) + log.count(CommandState::Denied),
                              200, 20000);
    QCOMPARE(log.count(CommandState::Accepted), 100);
    for (std::size_t i = 0; i < peers.size(); ++i) {
        const QList<CommandRecord> records = log.of(peers[i]->id);
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().seq, peers[i]->commands().first().seq);
        QCOMPARE(records.first().state, i % 2 ? CommandState::Denied : CommandState::Accepted);
    }
    QCOMPARE(harness.engine.fleet().counters().unknownAcks, 0u);
}

void TestServerCommands::unknownAckCountedAndLogged()
{
    EngineHarness harness;
    CommandLog log(harness.engine);
    const quint16 port = harness.start();
    ChorusPeer a;
    ChorusPeer b;
    QVERIFY(a.open(harness, port));
    QVERIFY(b.open(harness, port));
    harness.engine.sendCommand({a.id}, takeoff());
    QTRY_COMPARE_WITH_TIMEOUT(a.commands().size(), 1, 5000);
    // b acks a's command, then a number nobody sent.
    b.send(makeAck(a.commands().first().seq, MavResult::Accepted));
    b.send(makeAck(987654, MavResult::Accepted));
    QTRY_COMPARE_WITH_TIMEOUT(harness.engine.fleet().counters().unknownAcks, 2u, 5000);
    QCOMPARE(log.count(CommandState::Sent), 1); // a's command untouched
    QTRY_VERIFY_WITH_TIMEOUT(harness.entriesOf(b.id, LogKind::Control).size() >= 2, 5000);
    int warnings = 0;
    for (const LogEntry& entry : harness.entriesOf(b.id, LogKind::Control))
        warnings += entry.level == LogLevel::Warning;
    QCOMPARE(warnings, 2);
}

void TestServerCommands::telemetryAndHeartbeat()
{
    EngineHarness harness;
    const quint16 port = harness.start();
    ChorusPeer peer;
    QVERIFY(peer.open(harness, port));
    QSignalSpy changed(&harness.engine.fleet(), &Fleet::telemetryChanged);
    for (int i = 1; i <= 20; ++i)
        peer.send(makeTelemetry({{"alt", double(i)}, {"bat", 100.0 - i}}, {{"alt", "m"}}));
    peer.send(makeHeartbeat(QStringLiteral("active"), QStringLiteral("GUIDED"), true));
    const Fleet& fleet = harness.engine.fleet();
    QTRY_COMPARE_WITH_TIMEOUT(fleet.telemetry().latest(peer.id, "alt"), std::optional<double>(20),
                              5000);
    QTRY_COMPARE_WITH_TIMEOUT(fleet.telemetry().heartbeat(peer.id).mode, QStringLiteral("GUIDED"),
                              5000);
    const QList<TelemetryRow> rows = fleet.telemetry().rows(peer.id, TelemetryStore::Clock::now());
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).unit, QStringLiteral("m"));
    QCOMPARE(rows.at(0).min, 1.0);
    QCOMPARE(rows.at(0).samples, 20u);
    QCOMPARE(fleet.counters().telemetryMessages, 20u);
    // Batched: far fewer signals than messages.
    QVERIFY2(changed.size() < 10, qPrintable(QString::number(changed.size())));
    // Gone with its connection.
    peer.client.socket.disconnectFromHost();
    QTRY_VERIFY_WITH_TIMEOUT(!fleet.telemetry().latest(peer.id, "alt"), 5000);
}

void TestServerCommands::badTelemetryRefused()
{
    EngineHarness harness;
    const quint16 port = harness.start();
    ChorusPeer peer;
    QVERIFY(peer.open(harness, port));
    const qsizetype before = peer.client.lines().size();
    peer.client.socket.write(R"({"type":"telemetry","values":{"alt":"high"}})"
                             "\n");
    QTRY_COMPARE_WITH_TIMEOUT(peer.client.lines().size(), before + 1, 5000);
    const ChorusDecodeResult error = decodeChorusLine(peer.client.lines().last());
    QCOMPARE(error.message.type, ChorusMessageType::Error);
    QCOMPARE(error.message.code, chorusErrorCodeName(ChorusErrorCode::WrongType));
    QTRY_COMPARE_WITH_TIMEOUT(harness.rows.value(peer.id).errors, 1u, 5000);
    QVERIFY(harness.engine.fleet().telemetry().rows(peer.id, {}).isEmpty());
}

void TestServerCommands::keyValueTelemetryFromTextPeer()
{
    ServerConfig config = loopbackConfig();
    config.vehicle.keyValueTelemetry = true;
    EngineHarness harness(config);
    const quint16 port = harness.start();
    TestClient device;
    QVERIFY(device.connectTo(port));
    device.socket.write("alt=12.5m bat=87% mode=GUIDED\n");
    const quint64 id = harness.waitForId(device.socket);
    const Fleet& fleet = harness.engine.fleet();
    QTRY_COMPARE_WITH_TIMEOUT(fleet.telemetry().latest(id, "alt"), std::optional<double>(12.5),
                              5000);
    QCOMPARE(fleet.telemetry().latest(id, "bat"), std::optional<double>(87));
    QCOMPARE(fleet.counters().telemetryRefused, 1u); // mode=GUIDED is not a number
}

void TestServerCommands::statusLoggedWithSeverity()
{
    EngineHarness harness;
    const quint16 port = harness.start();
    ChorusPeer peer;
    QVERIFY(peer.open(harness, port));
    peer.send(makeStatus(StatusSeverity::Critical, QStringLiteral("motor 3 hot")));
    peer.send(makeStatus(StatusSeverity::Debug, QStringLiteral("tick")));
    QList<LogEntry> statuses;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            statuses.clear();
            for (const LogEntry& entry : harness.log) {
                if (entry.severity)
                    statuses << entry;
            }
            return statuses.size() == 2;
        }(),
        5000);
    QCOMPARE(*statuses.at(0).severity, StatusSeverity::Critical);
    QCOMPARE(statuses.at(0).level, LogLevel::Error);
    QCOMPARE(statuses.at(0).payload, QByteArray("motor 3 hot"));
    QCOMPARE(*statuses.at(1).severity, StatusSeverity::Debug);
    QCOMPARE(statuses.at(1).level, LogLevel::Info);
    QVERIFY(passesSeverityFilter(statuses.at(0), StatusSeverity::Warning));
    QVERIFY(!passesSeverityFilter(statuses.at(1), StatusSeverity::Warning));
}

void TestServerCommands::staleMarking()
{
    ServerConfig config = loopbackConfig();
    config.vehicle.heartbeatTimeout = 300ms;
    EngineHarness harness(config);
    const quint16 port = harness.start();
    ChorusPeer silent; // never sends a heartbeat: never judged
    ChorusPeer vehicle;
    QVERIFY(silent.open(harness, port));
    QVERIFY(vehicle.open(harness, port));
    vehicle.send(makeHeartbeat());
    QTRY_VERIFY_WITH_TIMEOUT(harness.rows.value(vehicle.id).stale, 5000);
    QVERIFY(!harness.rows.value(silent.id).stale);
    vehicle.send(makeHeartbeat());
    QTRY_VERIFY_WITH_TIMEOUT(!harness.rows.value(vehicle.id).stale, 5000);
    QVERIFY(harness.logContains(QStringLiteral("stale")));
}

QTEST_MAIN(TestServerCommands)
#include "tst_servercommands.moc"
