// The server's session log (ServerSessionLog, ServerConfig::sessionLog):
// every kind of event with its exact bytes, over TCP and UDP; rotation; a
// full disk (a real tmpfs) stops the log, not the server, and resume() goes on.

#include "EngineHarness.h"
#include "FullFileSystem.h"
#include "UdpTestPeer.h"
#include "server/ServerSessionLog.h"

#include <QDir>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace chorus::testing;

namespace {

QStringList logFiles(const QString& folder)
{
    QStringList files;
    const QDir dir(folder);
    for (const QString& name :
         dir.entryList({QStringLiteral("chorus-server-*.jsonl")}, QDir::Files, QDir::Name))
        files << dir.filePath(name);
    return files;
}

QList<SessionRecord> recordsIn(ServerEngine& engine, const QString& folder, int* bad = nullptr)
{
    engine.sessionLog().flush();
    return readSessionLog(logFiles(folder), bad);
}

QList<SessionRecord> ofKind(const QList<SessionRecord>& records, const QString& kind)
{
    QList<SessionRecord> out;
    for (const SessionRecord& record : records)
        if (record.kind == kind)
            out << record;
    return out;
}

bool hasBytes(const QList<SessionRecord>& records, const QString& kind, const QByteArray& bytes,
              bool overUdp = false)
{
    for (const SessionRecord& record : records)
        if (record.kind == kind && record.bytes == bytes &&
            (record.fields.value(QStringLiteral("via")).toString() == QLatin1String("udp")) ==
                overUdp)
            return true;
    return false;
}

ServerConfig configWithLog(const QString& folder, qint64 fileBytes = kDefaultSessionLogFileBytes,
                           int files = kDefaultSessionLogFiles)
{
    ServerConfig config = loopbackConfig();
    config.sessionLog.folder = folder;
    config.sessionLog.maxFileBytes = fileBytes;
    config.sessionLog.maxFiles = files;
    return config;
}

} // namespace

class TestServerSessionLog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void tcpEventsWithExactBytes();
    void vehicleEvents();
    void udpEventsWithExactBytes();
    void telemetryOverTheUdpChannel();
    void rotationKeepsTheNewestFiles();
    void fullDiskStopsTheLogNotTheServer();
};

void TestServerSessionLog::tcpEventsWithExactBytes()
{
    QTemporaryDir folder;
    EngineHarness harness(configWithLog(folder.path()));
    const quint16 port = harness.start();
    QVERIFY(port != 0);
    TestClient client;
    QVERIFY(client.connectTo(port));
    const QByteArray message("bytes \x00\xFF\x01 in", 13);
    client.socket.write(message + '\n');
    QTRY_VERIFY_WITH_TIMEOUT(!client.lines().isEmpty(), 5000);
    const QByteArray reply = client.lines().constFirst();
    const quint64 id = harness.waitForId(client.socket);
    client.socket.disconnectFromHost();
    QTRY_VERIFY_WITH_TIMEOUT(harness.removed.contains(id), 5000);

    QList<SessionRecord> records;
    QTRY_VERIFY_WITH_TIMEOUT(
        !ofKind(records = recordsIn(harness.engine, folder.path()), "disconnect").isEmpty(), 5000);
    QCOMPARE(ofKind(records, "connect").size(), 1);
    QCOMPARE(ofKind(records, "connect").constFirst().fields.value("id").toInteger(), qint64(id));
    QVERIFY(hasBytes(records, "in", message));
    QVERIFY(hasBytes(records, "out", reply));
    const SessionRecord gone = ofKind(records, "disconnect").constFirst();
    QCOMPARE(gone.fields.value("error").toInt(), int(ConnectionError::RemoteClosed));
    // In time order within the thread: connect, in, out, disconnect.
    QCOMPARE(records.constFirst().kind, QStringLiteral("connect"));
    QCOMPARE(records.constLast().kind, QStringLiteral("disconnect"));
    for (qsizetype i = 1; i < records.size(); ++i)
        QVERIFY(records.at(i - 1).timeUs <= records.at(i).timeUs);
}

void TestServerSessionLog::vehicleEvents()
{
    QTemporaryDir folder;
    EngineHarness harness(configWithLog(folder.path()));
    const quint16 port = harness.start();
    QVERIFY(port != 0);
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write(R"({"type":"hello","proto":1,"name":"v1","token":"secret-token"})"
                        "\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.received.contains("welcome"), 5000);
    const QByteArray telemetry = R"({"type":"telemetry","values":{"alt":12.5,"bat":87}})";
    const QByteArray status = R"({"type":"status","severity":"warning","text":"low battery"})";
    const QByteArray heartbeat = R"({"type":"heartbeat","mode":"GUIDED"})";
    client.socket.write(telemetry + '\n' + status + '\n' + heartbeat + '\n');
    const quint64 id = harness.waitForId(client.socket);
    CommandRequest takeoff;
    takeoff.name = QStringLiteral("TAKEOFF");
    takeoff.args = {{QStringLiteral("alt"), 10}};
    harness.engine.sendCommand({id}, takeoff);
    QTRY_VERIFY_WITH_TIMEOUT(client.received.contains("\"cmd\""), 5000);
    QByteArray cmdLine;
    for (const QByteArray& line : client.lines())
        if (line.contains("\"cmd\""))
            cmdLine = line;
    const qint64 seq = QJsonDocument::fromJson(cmdLine).object().value("cmd").toInteger();
    const QByteArray ack =
        R"({"type":"ack","re":)" + QByteArray::number(seq) + R"(,"result":"accepted"})";
    client.socket.write(ack + '\n');

    QList<SessionRecord> records;
    QTRY_VERIFY_WITH_TIMEOUT(
        !ofKind(records = recordsIn(harness.engine, folder.path()), "ack").isEmpty(), 5000);
    // The messages as they came and went, the hello's token masked.
    QVERIFY(hasBytes(records, "in", telemetry));
    QVERIFY(hasBytes(records, "in", status));
    QVERIFY(hasBytes(records, "in", heartbeat));
    QVERIFY(hasBytes(records, "in", ack));
    QVERIFY(hasBytes(records, "out", cmdLine));
    for (const SessionRecord& record : std::as_const(records))
        QVERIFY(!record.bytes.value_or(QByteArray()).contains("secret-token"));
    // And what they meant.
    const SessionRecord values = ofKind(records, "telemetry").value(0);
    QCOMPARE(values.fields.value("values").toObject().value("alt").toDouble(), 12.5);
    QCOMPARE(values.fields.value("values").toObject().value("bat").toDouble(), 87.0);
    QCOMPARE(ofKind(records, "status").value(0).fields.value("severity").toString(),
             QStringLiteral("warning"));
    QCOMPARE(ofKind(records, "heartbeat").value(0).fields.value("mode").toString(),
             QStringLiteral("GUIDED"));
    const SessionRecord sent = ofKind(records, "cmd").value(0);
    QCOMPARE(sent.fields.value("cmd").toInteger(), seq);
    QCOMPARE(sent.fields.value("name").toString(), QStringLiteral("TAKEOFF"));
    const SessionRecord acked = ofKind(records, "ack").value(0);
    QCOMPARE(acked.fields.value("re").toInteger(), seq);
    QCOMPARE(acked.fields.value("result").toString(), QStringLiteral("accepted"));
    // The CSV export reads these telemetry lines.
    QVERIFY(telemetryCsv(records).startsWith("time_us,peer,alt,bat\n"));
}

void TestServerSessionLog::udpEventsWithExactBytes()
{
    QTemporaryDir folder;
    ServerConfig config = configWithLog(folder.path());
    config.udp = true;
    config.udpPort = 0;
    EngineHarness harness(config);
    QVERIFY(harness.start() != 0);
    UdpTestPeer peer;
    QVERIFY(peer.isBound());
    const QByteArray datagram("udp \x02\xFE", 6);
    QVERIFY(peer.send(datagram + '\n', harness.engine.udpPort()) > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!peer.received.isEmpty(), 5000);
    const QByteArray reply = peer.received.constFirst();
    QVERIFY(reply.endsWith('\n'));

    QList<SessionRecord> records;
    QTRY_VERIFY_WITH_TIMEOUT(
        !ofKind(records = recordsIn(harness.engine, folder.path()), "out").isEmpty(), 5000);
    QCOMPARE(ofKind(records, "connect").value(0).fields.value("via").toString(),
             QStringLiteral("udp"));
    QVERIFY(hasBytes(records, "in", datagram, true));
    QVERIFY(hasBytes(records, "out", reply.chopped(1), true));
}

void TestServerSessionLog::telemetryOverTheUdpChannel()
{
    QTemporaryDir folder;
    ServerConfig config = configWithLog(folder.path());
    config.udp = true;
    config.udpPort = 0;
    EngineHarness harness(config);
    QVERIFY(harness.start() != 0);
    TestClient client;
    QVERIFY(client.connectTo(harness.engine.listenPort()));
    client.socket.write(R"({"type":"hello","proto":1,"name":"v1"})"
                        "\n");
    QTRY_VERIFY_WITH_TIMEOUT(!client.lines().isEmpty(), 5000);
    const QJsonObject welcome = QJsonDocument::fromJson(client.lines().constFirst()).object();
    const QString token = welcome.value("token").toString();
    QVERIFY(!token.isEmpty());
    UdpTestPeer channel;
    const QByteArray telemetry =
        R"({"type":"telemetry","values":{"alt":30},"token":")" + token.toLatin1() + "\"}";
    const QByteArray heartbeat = R"({"type":"heartbeat","token":")" + token.toLatin1() + "\"}";
    QVERIFY(channel.send(telemetry, harness.engine.udpPort()) > 0);
    QVERIFY(channel.send(heartbeat, harness.engine.udpPort()) > 0);
    // Read as over TCP (before: an unexpected-type error datagram, nothing read).
    QTRY_COMPARE_WITH_TIMEOUT(harness.engine.fleet().counters().heartbeats, quint64(1), 5000);
    QCOMPARE(harness.engine.fleet().counters().telemetryMessages, quint64(1));
    QVERIFY(channel.received.isEmpty()); // never answered

    QList<SessionRecord> records;
    QTRY_VERIFY_WITH_TIMEOUT(
        !ofKind(records = recordsIn(harness.engine, folder.path()), "heartbeat").isEmpty(), 5000);
    QVERIFY(hasBytes(records, "in", telemetry, true));
    const SessionRecord values = ofKind(records, "telemetry").value(0);
    QCOMPARE(values.fields.value("values").toObject().value("alt").toDouble(), 30.0);
}

void TestServerSessionLog::rotationKeepsTheNewestFiles()
{
    QTemporaryDir folder;
    constexpr qint64 kFileBytes = 2048;
    EngineHarness harness(configWithLog(folder.path(), kFileBytes, 3));
    QVERIFY(harness.start() != 0);
    TestClient client;
    QVERIFY(client.connectTo(harness.engine.listenPort()));
    constexpr int kMessages = 60; // about 12 KB of lines: more than 3 files of 2 KiB
    for (int i = 0; i < kMessages; ++i)
        client.socket.write("message " + QByteArray::number(i) + '\n');
    QTRY_COMPARE_WITH_TIMEOUT(client.lines().size(), kMessages, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(hasBytes(recordsIn(harness.engine, folder.path()), "in",
                                      "message " + QByteArray::number(kMessages - 1)),
                             5000);

    const QStringList files = logFiles(folder.path());
    QCOMPARE(files.size(), 3);
    QCOMPARE(harness.engine.sessionLog().files(), files);
    QVERIFY(!files.contains(QDir(folder.path()).filePath("chorus-server-000001.jsonl")));
    for (const QString& file : files)
        QVERIFY(QFileInfo(file).size() <= kFileBytes);
    int bad = -1;
    const QList<SessionRecord> records = recordsIn(harness.engine, folder.path(), &bad);
    QCOMPARE(bad, 0); // every line whole
    QVERIFY(!records.isEmpty());
    QVERIFY(harness.engine.sessionLog().bytesWritten() > 3 * kFileBytes / 2);
}

void TestServerSessionLog::fullDiskStopsTheLogNotTheServer()
{
    FullFileSystem disk(256 * 1024);
    if (!disk.isReady())
        QSKIP(qPrintable(disk.skipReason()));
    const QString folder = disk.filePath(QStringLiteral("session"));
    EngineHarness harness(configWithLog(folder));
    QSignalSpy stopped(&harness.engine.sessionLog(), &ServerSessionLog::stopped);
    QSignalSpy resumed(&harness.engine.sessionLog(), &ServerSessionLog::resumed);
    QVERIFY(harness.start() != 0);
    TestClient client;
    QVERIFY(client.connectTo(harness.engine.listenPort()));
    client.socket.write("before\n");
    QTRY_VERIFY_WITH_TIMEOUT(hasBytes(recordsIn(harness.engine, folder), "in", "before"), 5000);
    const QStringList before = logFiles(folder);
    QCOMPARE(before.size(), 1);
    const qint64 sizeBefore = QFileInfo(before.constFirst()).size();

    const qsizetype answered = client.lines().size();
    QVERIFY(disk.fill());
    // A message too big for what is left: the write fails, whatever the block rounding.
    client.socket.write(QByteArray(8192, 'x') + '\n');
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 5000);
    const auto problem = stopped.constFirst().constFirst().value<SessionLogProblem>();
    QCOMPARE(problem.error, SessionLogError::WriteFailed);
    QVERIFY(harness.engine.sessionLog().isStopped());
    // The earlier lines stay, whole.
    QVERIFY(QFileInfo(before.constFirst()).size() >= sizeBefore);
    int bad = -1;
    QVERIFY(hasBytes(readSessionLog(before, &bad), "in", "before"));
    QCOMPARE(bad, 0);

    // The server goes on serving (the big message and this one are answered).
    client.socket.write("still there\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.lines().size() > answered + 1, 5000);
    QVERIFY(harness.engine.isListening());

    // Room again: resume starts a new file and goes on.
    disk.drain();
    harness.engine.sessionLog().resume();
    QTRY_COMPARE_WITH_TIMEOUT(resumed.size(), 1, 5000);
    client.socket.write("after\n");
    QTRY_VERIFY_WITH_TIMEOUT(hasBytes(recordsIn(harness.engine, folder), "in", "after"), 5000);
    QCOMPARE(logFiles(folder).size(), 2);
    // What the failed write lost and what came while stopped, all said by the
    // note. Before, the failed write's events were counted but never said, and
    // the note was missing when the I/O thread's batch came after the resume.
    const quint64 dropped = harness.engine.sessionLog().dropped();
    QVERIFY(dropped > 0);
    qint64 said = 0;
    for (const SessionRecord& note : ofKind(recordsIn(harness.engine, folder), "note"))
        said += note.fields.value(QStringLiteral("dropped")).toInteger();
    QCOMPARE(quint64(said), dropped);
}

QTEST_GUILESS_MAIN(TestServerSessionLog)
#include "tst_serversessionlog.moc"
