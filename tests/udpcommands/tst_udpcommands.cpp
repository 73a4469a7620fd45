// Commands over UDP (issue 13 item 1, PROTOCOL.md §2.8.1): a preset whose
// channel is UDP goes as a cmd datagram over the session's UDP channel, the
// simulated vehicle answers over the same channel and the ack is matched;
// to a peer with no UDP channel the command is not sent and ends as
// NoUdpPath, with a warning about that connection in the log.

#include "EngineHarness.h"
#include "LoopbackClient.h"
#include "client/ClientEngine.h"
#include "client/SimulatedVehicle.h"

#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUdpSocket>

using namespace chorus;
using namespace chorus::testing;
using namespace std::chrono_literals;

namespace {

SimulationConfig quickVehicle()
{
    SimulationConfig config;
    config.ackDelay = 0ms;
    config.telemetryInterval = 0ms;
    config.heartbeatInterval = 0ms;
    return config;
}

CommandRequest udpTakeoff()
{
    CommandRequest request;
    request.name = QStringLiteral("TAKEOFF");
    request.args = QJsonObject{{"alt", 10}};
    request.channel = CommandChannel::Udp;
    request.ackTimeout = 5s;
    return request;
}

// The latest record of each command, as the Commands pane keeps them.
struct Records
{
    explicit Records(ServerEngine& engine)
    {
        QObject::connect(&engine.fleet(), &Fleet::commandsChanged, &engine.fleet(),
                         [this](const QList<CommandRecord>& changed) {
                             for (const CommandRecord& record : changed)
                                 latest[{record.connectionId, record.seq}] = record;
                         });
    }
    QMap<std::pair<quint64, quint64>, CommandRecord> latest;
};

} // namespace

class TestUdpCommands : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void acceptedOverTheSessionChannel();
    void tcpOnlyPeerHasNoUdpPath();
    void plainUdpPeerAcksWithItsReply();
};

void TestUdpCommands::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestUdpCommands::acceptedOverTheSessionChannel()
{
    EngineHarness harness(loopbackUdpConfig());
    const quint16 port = harness.start();
    QVERIFY(port != 0);
    Records records(harness.engine);
    ClientEngine client;
    client.setConfig(loopbackChorusClient(port, true));
    SimulatedVehicle vehicle(&client, quickVehicle());
    QList<VehicleCommand> commands;
    connect(&vehicle, &SimulatedVehicle::commandReceived, this,
            [&commands](const VehicleCommand& command) { commands.append(command); });
    client.connectToServer();
    QTRY_COMPARE(client.udpChannelState(), UdpChannelState::Bound);
    const quint64 id = client.clientId();
    QTRY_COMPARE(harness.rows.value(id).transport, PeerTransport::TcpUdp);
    const quint64 tcpBytesBefore = client.stats().bytesReceived;

    harness.engine.sendCommand({id}, udpTakeoff());
    QTRY_COMPARE(commands.size(), 1);
    const VehicleCommand command = commands.first();
    QVERIFY(command.fromCmd);
    QVERIFY(command.overUdp);
    QCOMPARE(command.name, QStringLiteral("TAKEOFF"));
    // Nothing came over the TCP link for it.
    QCOMPARE(client.stats().bytesReceived, tcpBytesBefore);
    QTRY_COMPARE(records.latest.size(), 1);
    QTRY_COMPARE(records.latest.first().state, CommandState::Accepted);
    const CommandRecord record = records.latest.first();
    QCOMPARE(record.connectionId, id);
    QCOMPARE(record.seq, command.seq);
    QCOMPARE(record.channel, CommandChannel::Udp);
    QVERIFY(record.rttMs >= 0);
    QCOMPARE(harness.engine.fleet().counters().acks, 1u);
    QCOMPARE(harness.engine.fleet().counters().unknownAcks, 0u);
}

void TestUdpCommands::tcpOnlyPeerHasNoUdpPath()
{
    EngineHarness harness(loopbackUdpConfig());
    const quint16 port = harness.start();
    QVERIFY(port != 0);
    Records records(harness.engine);
    ClientEngine client;
    client.setConfig(loopbackChorusClient(port, false));
    SimulatedVehicle vehicle(&client, quickVehicle());
    QList<VehicleCommand> commands;
    connect(&vehicle, &SimulatedVehicle::commandReceived, this,
            [&commands](const VehicleCommand& command) { commands.append(command); });
    client.connectToServer();
    QTRY_VERIFY(client.isChorusMode());
    const quint64 id = client.clientId();
    QTRY_COMPARE(harness.rows.value(id).transport, PeerTransport::Tcp);

    harness.engine.sendCommand({id}, udpTakeoff());
    QTRY_COMPARE(records.latest.size(), 1);
    QTRY_COMPARE(records.latest.first().state, CommandState::NoUdpPath);
    QCOMPARE(records.latest.first().connectionId, id);
    QVERIFY(isFinalCommandState(CommandState::NoUdpPath));
    QCOMPARE(commandStateKey(CommandState::NoUdpPath), QStringLiteral("no-udp-path"));
    QTRY_VERIFY(std::any_of(harness.log.cbegin(), harness.log.cend(), [id](const LogEntry& entry) {
        return entry.connectionId == id && entry.level == LogLevel::Warning &&
               entry.kind == LogKind::Notice;
    }));
    // Not sent over TCP instead: the vehicle never saw it.
    QCOMPARE(commands.size(), 0);
    QCOMPARE(harness.engine.fleet().commands().pendingCount(), 0);
}

void TestUdpCommands::plainUdpPeerAcksWithItsReply()
{
    // A plain UDP peer gets the payload as one datagram (with its line end);
    // its reply matching the expected pattern is the ack, and is not answered
    // by the book (the next datagram's echo comes first).
    EngineHarness harness(loopbackUdpConfig());
    harness.book->setEntries({ReplyEntry{QStringLiteral("re: {echo}")}});
    QVERIFY(harness.start() != 0);
    Records records(harness.engine);
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    QList<QByteArray> received;
    connect(&peer, &QUdpSocket::readyRead, this, [&] {
        while (peer.hasPendingDatagrams())
            received.append(peer.receiveDatagram().data());
    });
    auto sendDatagram = [&](const QByteArray& bytes) {
        peer.writeDatagram(bytes, QHostAddress::LocalHost, harness.engine.udpPort());
    };
    sendDatagram("hello\n");
    QTRY_COMPARE(received, QList<QByteArray>{"re: hello\n"});
    quint64 id = 0;
    QTRY_VERIFY((id = [&] {
                    for (const ConnectionSnapshot& row : std::as_const(harness.rows))
                        if (row.transport == PeerTransport::Udp)
                            return row.id;
                    return quint64(0);
                }()) != 0);

    CommandRequest request = udpTakeoff();
    request.payload = "TAKEOFF alt=10";
    request.expectedReply = QStringLiteral("^OK");
    harness.engine.sendCommand({id}, request);
    QTRY_COMPARE(received.size(), 2);
    QCOMPARE(received.last(), QByteArray("TAKEOFF alt=10\n"));
    sendDatagram("OK TAKEOFF\n");
    QTRY_COMPARE(records.latest.size(), 1);
    QTRY_COMPARE(records.latest.first().state, CommandState::Accepted);
    QCOMPARE(records.latest.first().connectionId, id);
    sendDatagram("next\n");
    QTRY_COMPARE(received.size(), 3);
    QCOMPARE(received.last(), QByteArray("re: next\n"));
}

QTEST_GUILESS_MAIN(TestUdpCommands)
#include "tst_udpcommands.moc"
