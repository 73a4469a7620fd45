// ClientSessionRecorder: a conversation with the server engine lands in the
// session log as connect, out (exact bytes), in (with its round trip) and
// disconnect; a simulated vehicle's command and ack are lines of their own.

#include "EngineHarness.h"
#include "client/ClientEngine.h"
#include "client/ClientSessionRecorder.h"
#include "client/SimulatedVehicle.h"

#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace chorus::testing;
using namespace std::chrono_literals;

class TestClientSessionRecorder : public QObject
{
    Q_OBJECT
private slots:
    void conversationIsRecordedWithItsBytes();
};

void TestClientSessionRecorder::conversationIsRecordedWithItsBytes()
{
    EngineHarness harness;
    const quint16 port = harness.start();
    QVERIFY(port != 0);
    QTemporaryDir dir;
    ClientEngine engine;
    ClientConfig config;
    config.port = port;
    config.protocol = ClientProtocol::Plain;
    config.autoReconnect = false;
    engine.setConfig(config);
    ClientSessionRecorder recorder(&engine, dir.path());
    SimulationConfig simulation;
    simulation.ackDelay = 0ms;
    simulation.telemetryInterval = 0ms;
    simulation.heartbeatInterval = 0ms;
    SimulatedVehicle vehicle(&engine, simulation);
    recorder.watch(&vehicle);
    engine.connectToServer();
    QTRY_COMPARE(engine.state(), ClientState::Connected);
    const QByteArray bytes("\x00\xFF\x7F", 3);
    QCOMPARE(engine.send(bytes).status, SendStatus::Sent);
    QTRY_COMPARE(engine.stats().messagesReceived, 1u);
    QTRY_COMPARE(harness.counters.active, quint64(1));
    harness.engine.broadcast({}, QByteArray("LAND"));
    QTRY_COMPARE(vehicle.counts().acks, 1u);
    engine.disconnectFromServer();

    auto kinds = [&recorder] {
        QStringList found;
        for (const SessionRecord& record : readSessionLog(recorder.writer().files()))
            found.append(record.kind);
        return found;
    };
    const QStringList seen = kinds();
    QCOMPARE(seen.first(), QStringLiteral("connect"));
    QCOMPARE(seen.last(), QStringLiteral("disconnect"));
    QVERIFY(seen.contains(QStringLiteral("cmd")));
    QVERIFY(seen.contains(QStringLiteral("ack")));
    const QList<SessionRecord> records = readSessionLog(recorder.writer().files());
    const auto out = std::find_if(records.begin(), records.end(), [](const SessionRecord& r) {
        return r.kind == QLatin1String("out");
    });
    QVERIFY(out != records.end());
    QCOMPARE(out->bytes, std::optional<QByteArray>(bytes));
    QCOMPARE(out->peer, QStringLiteral("127.0.0.1:%1").arg(port));
    const auto in = std::find_if(records.begin(), records.end(), [](const SessionRecord& r) {
        return r.kind == QLatin1String("in") && r.fields.contains(QStringLiteral("rttMs"));
    });
    QVERIFY(in != records.end());
    QVERIFY(in->bytes && !in->bytes->isEmpty());
    for (qsizetype i = 1; i < records.size(); ++i)
        QVERIFY(records.at(i).timeUs >= records.at(i - 1).timeUs);
    QVERIFY(recorder.writer().problem().ok());
}

QTEST_GUILESS_MAIN(TestClientSessionRecorder)
#include "tst_clientsessionrecorder.moc"
