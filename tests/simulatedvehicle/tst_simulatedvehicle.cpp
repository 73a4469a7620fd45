// SimulatedVehicle: text commands and acks as documented (data-driven), a
// fleet of 20 simulated clients against the chorus-server engine (TAKEOFF
// by broadcast: 20 accepted, altitude rises), and the Chorus wire against a
// raw JSON peer (cmd -> in_progress acks with progress, then accepted;
// telemetry and heartbeat messages decode).

#include "EngineHarness.h"
#include "client/ClientEngine.h"
#include "client/SimulatedVehicle.h"
#include "wire/VehicleMessages.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using namespace chorus;
using namespace chorus::testing;
using namespace std::chrono_literals;

namespace {

struct SimulatedClient
{
    std::unique_ptr<ClientEngine> engine;
    std::unique_ptr<SimulatedVehicle> vehicle;
};

SimulatedClient simulatedClient(quint16 port, ClientProtocol protocol,
                                const SimulationConfig& simulation)
{
    SimulatedClient client;
    client.engine = std::make_unique<ClientEngine>();
    ClientConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    config.protocol = protocol;
    config.autoReconnect = false;
    client.engine->setConfig(config);
    client.vehicle = std::make_unique<SimulatedVehicle>(client.engine.get(), simulation);
    return client;
}

// The alt= value of a text telemetry line; nullopt for other lines.
std::optional<double> altitudeOf(const QByteArray& line)
{
    if (!line.startsWith("alt="))
        return std::nullopt;
    bool ok = false;
    const double alt = line.mid(4, line.indexOf(' ') - 4).toDouble(&ok);
    return ok ? std::optional<double>(alt) : std::nullopt;
}

} // namespace

class TestSimulatedVehicle : public QObject
{
    Q_OBJECT
private slots:
    void parseTextCommand_data();
    void parseTextCommand();
    void textAcks_data();
    void textAcks();
    void fleetOfTwentyTakesOff();
    void chorusCmdGetsProgressThenAccepted();
    void linkDownSendsNothing();
};

void TestSimulatedVehicle::parseTextCommand_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("isCommand");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("args");
    QTest::newRow("takeoff") << QByteArray("TAKEOFF alt=10") << true << "TAKEOFF"
                             << QJsonObject{{QStringLiteral("alt"), 10.0}};
    QTest::newRow("spaces, CR") << QByteArray("  ARM \r") << true << "ARM" << QJsonObject();
    QTest::newRow("text argument")
        << QByteArray("SET_MODE mode=GUIDED") << true << "SET_MODE"
        << QJsonObject{{QStringLiteral("mode"), QStringLiteral("GUIDED")}};
    QTest::newRow("lower case") << QByteArray("takeoff alt=10") << false << "" << QJsonObject();
    QTest::newRow("korean reply") << QStringLiteral("안녕하세요!").toUtf8() << false << ""
                                  << QJsonObject();
    QTest::newRow("word without =") << QByteArray("TAKEOFF now") << false << "" << QJsonObject();
    QTest::newRow("not utf-8") << QByteArray("ARM x=\xFF") << false << "" << QJsonObject();
    QTest::newRow("nan stays text") << QByteArray("TAKEOFF alt=nan") << true << "TAKEOFF"
                                    << QJsonObject{{QStringLiteral("alt"), QStringLiteral("nan")}};
    QTest::newRow("empty") << QByteArray() << false << "" << QJsonObject();
}

void TestSimulatedVehicle::parseTextCommand()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, isCommand);
    QFETCH(QString, name);
    QFETCH(QJsonObject, args);
    const std::optional<VehicleCommand> command = chorus::parseTextCommand(line);
    QCOMPARE(command.has_value(), isCommand);
    if (!command)
        return;
    QCOMPARE(command->name, name);
    QCOMPARE(command->args, args);
    QVERIFY(!command->fromCmd);
}

void TestSimulatedVehicle::textAcks_data()
{
    QTest::addColumn<MavResult>("result");
    QTest::addColumn<int>("progress"); // -1: none
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("accepted") << MavResult::Accepted << -1 << QByteArray("OK TAKEOFF");
    QTest::newRow("in progress") << MavResult::InProgress << 40
                                 << QByteArray("IN_PROGRESS TAKEOFF 40%");
    QTest::newRow("denied") << MavResult::Denied << -1 << QByteArray("DENIED TAKEOFF");
    QTest::newRow("failed") << MavResult::Failed << -1 << QByteArray("FAILED TAKEOFF");
    QTest::newRow("unsupported") << MavResult::Unsupported << -1
                                 << QByteArray("UNSUPPORTED TAKEOFF");
    QTest::newRow("temporarily rejected")
        << MavResult::TemporarilyRejected << -1 << QByteArray("TEMPORARILY_REJECTED TAKEOFF");
}

void TestSimulatedVehicle::textAcks()
{
    QFETCH(MavResult, result);
    QFETCH(int, progress);
    QFETCH(QByteArray, line);
    QCOMPARE(textAck(QStringLiteral("TAKEOFF"), result,
                     progress < 0 ? std::nullopt : std::optional<int>(progress)),
             line);
}

void TestSimulatedVehicle::fleetOfTwentyTakesOff()
{
    constexpr int kFleet = 20;
    EngineHarness harness;
    const quint16 port = harness.start();
    QVERIFY(port != 0);
    SimulationConfig simulation;
    simulation.ackDelay = 50ms;
    simulation.telemetryInterval = 100ms;
    simulation.heartbeatInterval = 500ms;
    std::vector<SimulatedClient> fleet;
    for (int i = 0; i < kFleet; ++i) {
        simulation.seed = quint32(i + 1);
        fleet.push_back(simulatedClient(port, ClientProtocol::Plain, simulation));
        fleet.back().engine->connectToServer();
    }
    for (const SimulatedClient& client : fleet)
        QTRY_COMPARE_WITH_TIMEOUT(client.engine->state(), ClientState::Connected, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(harness.counters.active, quint64(kFleet), 10000);

    harness.engine.broadcast({}, QByteArray("TAKEOFF alt=10"));

    // Every vehicle acks accepted, each on its own connection.
    auto acceptedFrom = [&harness] {
        QSet<quint64> ids;
        for (const LogEntry& entry : harness.log)
            if (entry.kind == LogKind::Received && entry.payload == "OK TAKEOFF")
                ids.insert(entry.connectionId);
        return ids.size();
    };
    QTRY_COMPARE_WITH_TIMEOUT(acceptedFrom(), kFleet, 10000);
    // And climbs: on every connection a telemetry altitude above 1 m follows.
    auto climbed = [&harness] {
        QSet<quint64> ids;
        for (const LogEntry& entry : harness.log)
            if (entry.kind == LogKind::Received && altitudeOf(entry.payload).value_or(0) > 1.0)
                ids.insert(entry.connectionId);
        return ids.size();
    };
    QTRY_COMPARE_WITH_TIMEOUT(climbed(), kFleet, 10000);
    for (const SimulatedClient& client : fleet) {
        QCOMPARE(client.vehicle->counts().commands, 1u);
        QVERIFY(client.vehicle->simulation().values().alt > 1.0);
        QCOMPARE(client.vehicle->simulation().targetAlt(), 10.0);
    }
}

void TestSimulatedVehicle::chorusCmdGetsProgressThenAccepted()
{
    // A raw Chorus peer: welcome, then a cmd; everything the vehicle says is decoded.
    QTcpServer peer;
    QVERIFY(peer.listen(QHostAddress::LocalHost, 0));
    QList<ChorusMessage> heard;
    QTcpSocket* link = nullptr;
    QByteArray buffer;
    connect(&peer, &QTcpServer::newConnection, this, [&] {
        link = peer.nextPendingConnection();
        connect(link, &QTcpSocket::readyRead, this, [&] {
            buffer += link->readAll();
            qsizetype end;
            while ((end = buffer.indexOf('\n')) >= 0) {
                const ChorusDecodeResult decoded = decodeChorusLine(buffer.left(end + 1));
                buffer.remove(0, end + 1);
                QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage.wire));
                if (decoded.message.type == ChorusMessageType::Hello)
                    link->write(encodeChorusMessage(makeWelcome(7, QStringLiteral("raw"))));
                else
                    heard.append(decoded.message);
            }
        });
    });
    SimulationConfig simulation;
    simulation.ackDelay = 90ms;
    simulation.progressSteps = 2;
    simulation.telemetryInterval = 50ms;
    simulation.heartbeatInterval = 50ms;
    SimulatedClient client = simulatedClient(peer.serverPort(), ClientProtocol::Chorus, simulation);
    client.engine->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(client.engine->isChorusMode(), 10000);
    link->write(encodeChorusMessage(
        makeCmd(41, QStringLiteral("TAKEOFF"), QJsonObject{{QStringLiteral("alt"), 12}})));

    auto acks = [&heard] {
        QList<ChorusMessage> found;
        for (const ChorusMessage& message : heard)
            if (message.type == ChorusMessageType::Ack)
                found.append(message);
        return found;
    };
    QTRY_COMPARE_WITH_TIMEOUT(acks().size(), 3, 10000);
    const QList<ChorusMessage> got = acks();
    QCOMPARE(got.at(0).re, 41u);
    QCOMPARE(got.at(0).result, MavResult::InProgress);
    QCOMPARE(got.at(0).progress, std::optional<int>(33));
    QCOMPARE(got.at(1).result, MavResult::InProgress);
    QCOMPARE(got.at(1).progress, std::optional<int>(66));
    QCOMPARE(got.at(2).re, 41u);
    QCOMPARE(got.at(2).result, MavResult::Accepted);
    // Telemetry carries the four values with units, and the altitude rises.
    auto highest = [&heard] {
        double alt = -1;
        for (const ChorusMessage& message : heard)
            if (message.type == ChorusMessageType::Telemetry)
                alt = std::max(alt, message.values.value(QStringLiteral("alt"), -1));
        return alt;
    };
    QTRY_VERIFY_WITH_TIMEOUT(highest() > 0.2, 10000);
    bool heartbeat = false;
    for (const ChorusMessage& message : heard) {
        if (message.type == ChorusMessageType::Telemetry) {
            QCOMPARE(message.values.keys(), (QStringList{"alt", "bat", "lat", "lon"}));
            QCOMPARE(message.units.value(QStringLiteral("alt")), QStringLiteral("m"));
        }
        heartbeat = heartbeat || message.type == ChorusMessageType::Heartbeat;
    }
    QVERIFY(heartbeat);
}

void TestSimulatedVehicle::linkDownSendsNothing()
{
    // Not connected: telemetry and heartbeats are not queued for later.
    SimulationConfig simulation;
    simulation.telemetryInterval = 10ms;
    simulation.heartbeatInterval = 10ms;
    SimulatedClient client = simulatedClient(1, ClientProtocol::Plain, simulation);
    QTRY_VERIFY(client.vehicle->counts().skipped >= 4); // several timer periods with no link
    QCOMPARE(client.vehicle->counts().telemetry, 0u);
    QCOMPARE(client.vehicle->counts().heartbeats, 0u);
    QCOMPARE(client.engine->queuedCount(), 0);
}

QTEST_GUILESS_MAIN(TestSimulatedVehicle)
#include "tst_simulatedvehicle.moc"
