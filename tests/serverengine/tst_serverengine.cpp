// ServerEngine over loopback: listening, concurrency, stats, live book edits,
// over-long messages, stop/start, targeted operations, write backlog.

#include "EngineHarness.h"
#include "PrivateNetwork.h"
#include "wire/ChorusProtocol.h"

#include <QTcpServer>
#include <QtTest>

#include <memory>
#include <vector>

using namespace chorus;
using namespace chorus::testing;

class tst_ServerEngine : public QObject
{
    Q_OBJECT
private slots:
    void listensOnPortZero();
    void thisMachineIsBothLoopbacks_data();
    void thisMachineIsBothLoopbacks();
    void portInUseFailsWithQtReason();
    void thisMachineFailsWholeWhenIpv6PortIsTaken();
    void manyConcurrentClientsAllAnsweredOnce();
    void liveBookEditChangesNextReply();
    void noEnabledEntryMeansNoReply();
    void overLongMessageGetsErrorLine();
    void stopFlushesAndRestartKeepsCountingIds();
    void disconnectDirectBroadcastReachOnlyTargets();
    void peerThatDoesNotReadIsCutOff();
    void serverFullRefusesExtraPeer();
    void chorusHelloGivesDistinctIds();
    void chorusMessagesPingRenameAndErrors();
    void chorusUnsupportedVersionStaysText();
    void broadcastMixedModesExactlyOnceAndKickSaysBye();
    void disconnectAndBlockKeepsTheAddressOut();
    void blockedChorusPeerIsRefusedWithBye();
    void logEntryFormat();
};

namespace {
QList<ChorusMessage> chorusMessages(const TestClient& client)
{
    QList<ChorusMessage> out;
    for (const QByteArray& line : client.lines()) {
        const ChorusDecodeResult result = decodeChorusLine(line);
        if (result.ok())
            out << result.message;
    }
    return out;
}
} // namespace

void tst_ServerEngine::listensOnPortZero()
{
    EngineHarness harness;
    const quint16 port = harness.start();
    QVERIFY(port != 0);
    QVERIFY(harness.engine.isListening());
    QCOMPARE(harness.engine.listenPort(), port);
    // "This machine" is both loopbacks, on one port.
    QCOMPARE(harness.engine.listenAddresses(),
             (QList<QHostAddress>{QHostAddress(QHostAddress::LocalHost),
                                  QHostAddress(QHostAddress::LocalHostIPv6)}));
    QTRY_VERIFY(!harness.entriesOf(0, LogKind::Listening).isEmpty());
    QTRY_VERIFY(harness.counters.openFileLimit > 0);
}

void tst_ServerEngine::thisMachineIsBothLoopbacks_data()
{
    QTest::addColumn<ListenAddress>("address");
    QTest::newRow("localhost") << ListenAddress::thisMachine();
    QTest::newRow("any") << ListenAddress::allInterfaces();
}

void tst_ServerEngine::thisMachineIsBothLoopbacks()
{
    // "localhost" once meant 127.0.0.1 only: a client that resolved it to ::1 was refused.
    QFETCH(ListenAddress, address);
    if (address == ListenAddress::allInterfaces()) {
        // Every interface: only in a network namespace of the test's own.
        const PrivateNetworkRun run = runThisRowInPrivateNetwork();
        if (run.outcome == PrivateNetworkRun::Outcome::Unavailable)
            QSKIP(qPrintable(run.output));
        if (run.outcome != PrivateNetworkRun::Outcome::Inside) {
            QVERIFY2(run.outcome == PrivateNetworkRun::Outcome::Passed, qPrintable(run.output));
            return;
        }
    }
    ServerConfig config = loopbackConfig();
    config.address = address;
    EngineHarness harness(config);
    harness.book->setEntries({ReplyEntry{QStringLiteral("#{id} from {peer}")}});
    const quint16 port = harness.start();
    QVERIFY(port);
    TestClient v4, v6;
    QVERIFY(v4.connectTo(port, QHostAddress(QHostAddress::LocalHost)));
    QVERIFY(v6.connectTo(port, QHostAddress(QHostAddress::LocalHostIPv6)));
    v4.socket.write("4\n");
    v6.socket.write("6\n");
    QTRY_COMPARE(v4.lines().size(), 1);
    QTRY_COMPARE(v6.lines().size(), 1);
    const quint64 id4 = harness.waitForId(v4.socket);
    const quint64 id6 = harness.waitForId(v6.socket);
    QCOMPARE(v4.lines().at(0),
             QStringLiteral("#%1 from 127.0.0.1:%2").arg(id4).arg(v4.socket.localPort()).toUtf8());
    QCOMPARE(v6.lines().at(0),
             QStringLiteral("#%1 from [::1]:%2").arg(id6).arg(v6.socket.localPort()).toUtf8());
    QCOMPARE(harness.rows.value(id6).peerAddress, QStringLiteral("::1"));
}

void tst_ServerEngine::portInUseFailsWithQtReason()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    QTcpServer probe;
    QVERIFY(!probe.listen(QHostAddress::LocalHost, blocker.serverPort()));

    ServerConfig config = loopbackConfig();
    config.port = blocker.serverPort();
    config.address = QHostAddress(QHostAddress::LocalHost);
    EngineHarness harness(config);
    QSignalSpy failed(&harness.engine, &ServerEngine::startFailed);
    harness.engine.start();
    QVERIFY(failed.wait(5000));
    const auto failure = failed.first().at(0).value<ListenFailure>();
    QCOMPARE(failure.error, QAbstractSocket::AddressInUseError);
    QCOMPARE(failure.address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(failure.port, blocker.serverPort());
    QCOMPARE(failure.reason, probe.errorString());
    QVERIFY(!harness.engine.isListening());
    QTRY_COMPARE(harness.errorsLogged(QAbstractSocket::AddressInUseError), 1);
    // A failed start leaves the engine startable.
    config.port = 0;
    harness.engine.setConfig(config);
    QVERIFY(harness.start() != 0);
}

void tst_ServerEngine::thisMachineFailsWholeWhenIpv6PortIsTaken()
{
    // A port P free on 127.0.0.1 and taken on [::1] (bounded tries for one).
    QTcpServer v4;
    QTcpServer blocker;
    for (int attempt = 0; attempt < 20 && !blocker.isListening(); ++attempt) {
        v4.close();
        QVERIFY(v4.listen(QHostAddress::LocalHost, 0));
        (void)blocker.listen(QHostAddress::LocalHostIPv6, v4.serverPort());
    }
    QVERIFY(blocker.isListening());
    const quint16 port = v4.serverPort();
    v4.close();

    ServerConfig config = loopbackConfig();
    config.port = port;
    EngineHarness harness(config);
    QSignalSpy failed(&harness.engine, &ServerEngine::startFailed);
    harness.engine.start();
    QVERIFY(failed.wait(5000));
    const auto failure = failed.first().at(0).value<ListenFailure>();
    QCOMPARE(failure.error, QAbstractSocket::AddressInUseError);
    QCOMPARE(failure.address, QHostAddress(QHostAddress::LocalHostIPv6));
    QCOMPARE(failure.port, port);
    QVERIFY(!harness.engine.isListening());
    // Half a start is no start: 127.0.0.1:P was let go again.
    QVERIFY2(v4.listen(QHostAddress::LocalHost, port), qPrintable(v4.errorString()));
}

void tst_ServerEngine::manyConcurrentClientsAllAnsweredOnce()
{
    constexpr int kClients = 200;
    constexpr int kMessages = 20;
    EngineHarness harness;
    const quint16 port = harness.start();
    QVERIFY(port);
    const QStringList replies = factoryTexts();

    std::vector<std::unique_ptr<TestClient>> clients;
    quint64 bytesSent = 0;
    for (int c = 0; c < kClients; ++c) {
        clients.push_back(std::make_unique<TestClient>());
        clients.back()->socket.connectToHost(QHostAddress::LocalHost, port);
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(clients.begin(), clients.end(),
                                         [](const auto& client) {
                                             return client->socket.state() ==
                                                    QAbstractSocket::ConnectedState;
                                         }),
                             10000);
    for (int c = 0; c < kClients; ++c) {
        QByteArray burst;
        for (int m = 0; m < kMessages; ++m)
            burst += QByteArrayLiteral("client ") + QByteArray::number(c) + " message " +
                     QByteArray::number(m) + '\n';
        bytesSent += quint64(burst.size());
        clients[c]->socket.write(burst);
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(clients.begin(), clients.end(),
                    [](const auto& client) { return client->lines().size() >= kMessages; }),
        30000);
    quint64 bytesReceived = 0;
    for (const auto& client : clients) {
        const QList<QByteArray> lines = client->lines();
        QCOMPARE(lines.size(), kMessages); // exactly once: no extra replies
        for (const QByteArray& line : lines)
            QVERIFY2(replies.contains(QString::fromUtf8(line)), line.constData());
        bytesReceived += quint64(client->received.size());
    }
    const quint64 total = quint64(kClients) * kMessages;
    QTRY_COMPARE(harness.counters.messagesIn, total);
    QTRY_COMPARE(harness.counters.messagesOut, total);
    QCOMPARE(harness.counters.bytesIn, bytesSent);
    QCOMPARE(harness.counters.bytesOut, bytesReceived);
    QCOMPARE(harness.counters.active, quint64(kClients));
    QCOMPARE(harness.counters.totalAccepted, quint64(kClients));
    // Per-connection rows add up to the same.
    QTRY_COMPARE(harness.rows.size(), qsizetype(kClients));
    QTRY_VERIFY(std::all_of(harness.rows.cbegin(), harness.rows.cend(), [](const auto& row) {
        return row.traffic.messagesIn == kMessages && row.traffic.messagesOut == kMessages;
    }));
    for (const ConnectionSnapshot& row : std::as_const(harness.rows)) {
        QCOMPARE(row.detectedFraming, QStringLiteral("LF"));
        QVERIFY(row.lastMessage.endsWith("message 19"));
    }
    // A flood is logged in bounded pieces, not one line per message.
    QVERIFY(harness.logContains(QStringLiteral("not logged")));
}

void tst_ServerEngine::liveBookEditChangesNextReply()
{
    EngineHarness harness;
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write("first\n");
    QTRY_COMPARE(client.lines().size(), 1);
    QVERIFY(factoryTexts().contains(QString::fromUtf8(client.lines().at(0))));

    harness.book->setEntries({ReplyEntry{QStringLiteral("only #{count} to {echo}")}});
    client.socket.write("second\n");
    QTRY_COMPARE(client.lines().size(), 2);
    QCOMPARE(client.lines().at(1), QByteArray("only #2 to second"));
}

void tst_ServerEngine::noEnabledEntryMeansNoReply()
{
    EngineHarness harness;
    const quint16 port = harness.start();
    QList<ReplyEntry> disabled = ReplyBook::factoryEntries();
    for (ReplyEntry& entry : disabled)
        entry.enabled = false;
    harness.book->setEntries(disabled);

    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write("anyone?\n");
    QTRY_COMPARE(harness.counters.unanswered, quint64(1));
    QTRY_VERIFY(harness.logContains(QStringLiteral("no reply is enabled")));
    QCOMPARE(harness.counters.messagesIn, quint64(1));
    QCOMPARE(harness.counters.messagesOut, quint64(0));
    // Re-enabling answers the next message, and that is the first byte the client sees.
    harness.book->setEntries({ReplyEntry{QStringLiteral("back")}});
    client.socket.write("now?\n");
    QTRY_COMPARE(client.received, QByteArray("back\n"));
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.rows.value(id).unanswered, quint64(1));
}

void tst_ServerEngine::overLongMessageGetsErrorLine()
{
    ServerConfig config = loopbackConfig();
    config.limits.maxMessageBytes = 100;
    EngineHarness harness(config);
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write(QByteArray(300, 'x') + "\nshort\n");
    QTRY_COMPARE(client.lines().size(), 2);
    QCOMPARE(client.lines().at(0), QByteArray("error: message longer than 100 bytes discarded"));
    QVERIFY(factoryTexts().contains(QString::fromUtf8(client.lines().at(1))));
    QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.rows.value(id).errors, quint64(1));
    QTRY_COMPARE(harness.errorsLogged(ConnectionError::MessageTooLong, id), 1);
}

void tst_ServerEngine::stopFlushesAndRestartKeepsCountingIds()
{
    EngineHarness harness;
    quint16 port = harness.start();
    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < 5; ++i) {
        clients.push_back(std::make_unique<TestClient>());
        QVERIFY(clients.back()->connectTo(port));
    }
    QTRY_COMPARE(harness.rows.size(), qsizetype(5));
    quint64 highestId = 0;
    for (const ConnectionSnapshot& row : std::as_const(harness.rows))
        highestId = std::max(highestId, row.id);
    QCOMPARE(highestId, quint64(5)); // ids start at 1 for each engine

    // Replies still queued when stop() is called reach the peers before the close.
    harness.book->setEntries({ReplyEntry{QString(4000, QLatin1Char('r'))}});
    for (auto& client : clients)
        client->socket.write(QByteArray("q\n").repeated(50));
    QTRY_COMPARE(harness.counters.messagesIn, quint64(250));
    QSignalSpy stopped(&harness.engine, &ServerEngine::stopped);
    harness.engine.stop();
    QVERIFY(stopped.wait(10000));
    for (auto& client : clients) {
        QTRY_COMPARE(client->socket.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(client->lines().size(), 50);
    }
    QVERIFY(!harness.engine.isListening());
    QCOMPARE(harness.counters.active, quint64(0));
    QCOMPARE(harness.removed.size(), qsizetype(5));
    QCOMPARE(harness.errorsLogged(ConnectionError::ServerStopping), 5);

    port = harness.start();
    QVERIFY(port);
    TestClient late;
    QVERIFY(late.connectTo(port));
    QTRY_VERIFY(harness.idOf(late.socket) != 0);
    QCOMPARE(harness.idOf(late.socket), quint64(6)); // never reused
    QVERIFY(harness.stop());
}

void tst_ServerEngine::disconnectDirectBroadcastReachOnlyTargets()
{
    ServerConfig config = loopbackConfig();
    config.ioThreads = 2; // targets spread over both workers
    EngineHarness harness(config);
    const quint16 port = harness.start();
    TestClient a, b, c;
    QVERIFY(a.connectTo(port));
    QVERIFY(b.connectTo(port));
    QVERIFY(c.connectTo(port));
    c.socket.write("crlf peer\r\n");
    QTRY_COMPARE(c.lines().size(), 1);
    c.received.clear();
    QTRY_VERIFY(harness.idOf(a.socket) && harness.idOf(b.socket) && harness.idOf(c.socket));
    const quint64 idA = harness.idOf(a.socket);
    const quint64 idB = harness.idOf(b.socket);
    const quint64 idC = harness.idOf(c.socket);

    harness.engine.disconnectClients({idA}, QStringLiteral("bye from the test"));
    QTRY_COMPARE(a.socket.state(), QAbstractSocket::UnconnectedState);
    QTRY_VERIFY(harness.removed.contains(idA));
    QTRY_COMPARE(harness.errorsLogged(ConnectionError::Kicked, idA), 1);

    harness.engine.sendDirect({idB}, QStringLiteral("just b"));
    QTRY_COMPARE(b.received, QByteArray("just b\n"));

    harness.engine.broadcast({}, QStringLiteral("everyone"));
    QTRY_COMPARE(b.received, QByteArray("just b\neveryone\n"));
    QTRY_COMPARE(c.received, QByteArray("everyone\r\n")); // in the peer's own framing

    harness.engine.broadcast({idC}, QStringLiteral("only c"));
    QTRY_COMPARE(c.received, QByteArray("everyone\r\nonly c\r\n"));
    // Nothing else arrived anywhere (the direct and broadcast round trips above
    // were all processed in order by now).
    QCOMPARE(b.received, QByteArray("just b\neveryone\n"));
    QCOMPARE(b.socket.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);
}

void tst_ServerEngine::peerThatDoesNotReadIsCutOff()
{
    ServerConfig config = loopbackConfig();
    config.limits.highWaterBytes = 1024;
    EngineHarness harness(config);
    harness.book->setEntries({ReplyEntry{QString(256 * 1024, QLatin1Char('z'))}});
    const quint16 port = harness.start();

    TestClient reader;
    reader.socket.setReadBufferSize(1); // never drains the kernel: a peer that does not read
    QObject::disconnect(&reader.socket, &QTcpSocket::readyRead, nullptr, nullptr);
    QVERIFY(reader.connectTo(port));
    QTRY_VERIFY(harness.idOf(reader.socket) != 0);
    const quint64 id = harness.waitForId(reader.socket);
    // 100 requests for 25 MB of replies it will never read.
    reader.socket.write(QByteArray("more\n").repeated(100));
    QTRY_VERIFY_WITH_TIMEOUT(harness.removed.contains(id), 10000);
    // Once when cut off, once in the disconnect line.
    QTRY_COMPARE(harness.errorsLogged(ConnectionError::WriteBacklog, id), 2);
}

void tst_ServerEngine::serverFullRefusesExtraPeer()
{
    ServerConfig config = loopbackConfig();
    config.maxConnections = 2;
    EngineHarness harness(config);
    const quint16 port = harness.start();
    TestClient a, b, extra;
    QVERIFY(a.connectTo(port));
    QVERIFY(b.connectTo(port));
    QTRY_COMPARE(harness.counters.active, quint64(2));
    QVERIFY(extra.connectTo(port));
    QTRY_COMPARE(extra.received, QByteArray("error: server full (2 connections)\n"));
    QTRY_COMPARE(extra.socket.state(), QAbstractSocket::UnconnectedState);
    QTRY_COMPARE(harness.counters.rejectedFull, quint64(1));
    QCOMPARE(harness.errorsLogged(ConnectionError::ServerFull), 1);
    // The two admitted peers are still served.
    a.socket.write("still here\n");
    QTRY_COMPARE(a.lines().size(), 1);
}

void tst_ServerEngine::chorusHelloGivesDistinctIds()
{
    constexpr int kClients = 100;
    ServerConfig config = loopbackConfig();
    config.ioThreads = 2;
    config.serverName = QStringLiteral("test-server");
    EngineHarness harness(config);
    const quint16 port = harness.start();
    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < kClients; ++i) {
        auto client = std::make_unique<TestClient>();
        QTcpSocket* socket = &client->socket;
        QObject::connect(socket, &QTcpSocket::connected, socket, [socket, i] {
            socket->write(encodeChorusMessage(
                makeHello(QStringLiteral("드론-%1").arg(i), QStringLiteral("tst"))));
        });
        socket->connectToHost(QHostAddress::LocalHost, port);
        clients.push_back(std::move(client));
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(clients.begin(), clients.end(),
                                         [](const auto& c) { return c->lines().size() >= 1; }),
                             20000);
    QSet<quint64> ids;
    for (int i = 0; i < kClients; ++i) {
        const QList<ChorusMessage> in = chorusMessages(*clients[i]);
        QCOMPARE(in.size(), 1);
        QCOMPARE(in.first().type, ChorusMessageType::Welcome);
        QCOMPARE(in.first().server, QStringLiteral("test-server"));
        ids.insert(in.first().id);
        // The welcome id is the row the window shows, with protocol and name.
        const quint64 rowId = harness.waitForId(clients[i]->socket);
        QCOMPARE(rowId, in.first().id);
        QTRY_COMPARE(harness.rows.value(rowId).protocol, PeerProtocol::Chorus);
        QCOMPARE(harness.rows.value(rowId).name, QStringLiteral("드론-%1").arg(i));
    }
    QCOMPARE(ids.size(), qsizetype(kClients));
}

void tst_ServerEngine::chorusMessagesPingRenameAndErrors()
{
    EngineHarness harness;
    harness.book->setEntries({ReplyEntry{QStringLiteral("re: {echo}")}});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write(encodeChorusMessage(makeHello(QStringLiteral("a"), QString())));
    QTRY_COMPARE(chorusMessages(client).size(), 1);

    client.socket.write(encodeChorusMessage(makeMsg(41, QStringLiteral("상태 \"ok\"\n2"))));
    client.socket.write(encodeChorusMessage(makePing(123456789)));
    client.socket.write("this is not json\n");
    client.socket.write(R"({"type":"launch"})"
                        "\n");
    client.socket.write(encodeChorusMessage(makeName(QStringLiteral("renamed"))));
    client.socket.write(encodeChorusMessage(makeMsg(42, QStringLiteral("after"))));
    QTRY_COMPARE(chorusMessages(client).size(), 6);
    const QList<ChorusMessage> in = chorusMessages(client);
    QCOMPARE(in.at(1).type, ChorusMessageType::Reply);
    QCOMPARE(in.at(1).re, quint64(41));
    QCOMPARE(in.at(1).text, QStringLiteral("re: 상태 \"ok\"\n2"));
    QCOMPARE(in.at(2).type, ChorusMessageType::Pong);
    QCOMPARE(in.at(2).t, qint64(123456789));
    QCOMPARE(in.at(3).type, ChorusMessageType::Error);
    QCOMPARE(in.at(3).code, QStringLiteral("bad-json"));
    QCOMPARE(in.at(4).type, ChorusMessageType::Error);
    QCOMPARE(in.at(4).code, QStringLiteral("unknown-type"));
    QCOMPARE(in.at(5).type, ChorusMessageType::Reply);
    QCOMPARE(in.at(5).re, quint64(42));
    QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.rows.value(id).name, QStringLiteral("renamed"));
    QCOMPARE(harness.rows.value(id).errors, quint64(2));
    QTRY_COMPARE(harness.errorsLogged(ConnectionError::ProtocolError, id), 2);
}

void tst_ServerEngine::chorusUnsupportedVersionStaysText()
{
    EngineHarness harness;
    harness.book->setEntries({ReplyEntry{QStringLiteral("plain")}});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write(R"({"type":"hello","proto":99,"name":"future"})"
                        "\n");
    QTRY_COMPARE(client.lines().size(), 1);
    const ChorusDecodeResult error = decodeChorusLine(client.lines().at(0));
    QVERIFY(error.ok());
    QCOMPARE(error.message.type, ChorusMessageType::Error);
    QCOMPARE(error.message.code, QStringLiteral("unsupported-proto"));
    client.socket.write("hello\n");
    QTRY_COMPARE(client.lines().size(), 2);
    QCOMPARE(client.lines().at(1), QByteArray("plain"));
    const quint64 id = harness.waitForId(client.socket);
    QCOMPARE(harness.rows.value(id).protocol, PeerProtocol::Text);
}

void tst_ServerEngine::broadcastMixedModesExactlyOnceAndKickSaysBye()
{
    ServerConfig config = loopbackConfig();
    config.ioThreads = 2;
    EngineHarness harness(config);
    const quint16 port = harness.start();
    TestClient chorusA, chorusB, text;
    for (TestClient* c : {&chorusA, &chorusB, &text})
        QVERIFY(c->connectTo(port));
    chorusA.socket.write(encodeChorusMessage(makeHello(QStringLiteral("A"), QString())));
    chorusB.socket.write(encodeChorusMessage(makeHello(QStringLiteral("B"), QString())));
    text.socket.write("hi\n");
    QTRY_VERIFY(chorusA.lines().size() == 1 && chorusB.lines().size() == 1 &&
                text.lines().size() == 1);
    const quint64 idA = harness.waitForId(chorusA.socket);
    const quint64 idB = harness.waitForId(chorusB.socket);
    QVERIFY(idA && idB);

    harness.engine.broadcast({}, QStringLiteral("to all"));
    harness.engine.sendDirect({idB}, QStringLiteral("to B"));
    QTRY_COMPARE(text.lines().size(), 2);
    QTRY_COMPARE(chorusA.lines().size(), 2);
    QTRY_COMPARE(chorusB.lines().size(), 3);
    QCOMPARE(text.lines().at(1), QByteArray("to all"));
    QCOMPARE(chorusMessages(chorusA).at(1), makeBroadcast(QStringLiteral("to all")));
    QCOMPARE(chorusMessages(chorusB).at(1), makeBroadcast(QStringLiteral("to all")));
    QCOMPARE(chorusMessages(chorusB).at(2), makeDirect(QStringLiteral("to B")));

    harness.engine.disconnectClients({idA}, QStringLiteral("maintenance"));
    QTRY_COMPARE(chorusA.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(chorusMessages(chorusA).last(), makeBye(QStringLiteral("maintenance")));
    QVERIFY(harness.stop());
    QTRY_COMPARE(chorusB.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(chorusMessages(chorusB).last().type, ChorusMessageType::Bye);
    // Exactly once: nothing beyond what was checked.
    QCOMPARE(text.lines().size(), 2);
    QCOMPARE(chorusA.lines().size(), 3);
    QCOMPARE(chorusB.lines().size(), 4);
}

void tst_ServerEngine::disconnectAndBlockKeepsTheAddressOut()
{
    // A plain Disconnect is undone by a client's auto-reconnect within a second.
    EngineHarness harness;
    QSignalSpy blockList(&harness.engine, &ServerEngine::blockListChanged);
    const quint16 port = harness.start();
    TestClient text;
    QVERIFY(text.connectTo(port));
    text.socket.write("hi\n");
    QTRY_COMPARE(text.lines().size(), 1);
    const quint64 id = harness.waitForId(text.socket);

    harness.engine.disconnectAndBlock({id}, std::chrono::minutes(5));
    QTRY_COMPARE(text.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(text.lines().size(), 2);
    QVERIFY2(text.lines().at(1).startsWith("error: "), text.lines().at(1).constData());
    QTRY_COMPARE(harness.errorsLogged(ConnectionError::Blocked, id), 2); // blocked, disconnected
    QCOMPARE(harness.engine.blockedAddresses().size(), 1);
    const BlockedAddress block = harness.engine.blockedAddresses().first();
    QCOMPARE(block.address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(block.protocol, PeerProtocol::Text);
    QVERIFY(block.until > QDateTime::currentDateTime().addSecs(4 * 60));
    QTRY_VERIFY(!blockList.isEmpty());
    QCOMPARE(blockList.last().first().value<QList<BlockedAddress>>().size(), 1);

    // Back at once, as an auto-reconnecting client is: refused with the same line.
    TestClient again;
    QVERIFY(again.connectTo(port));
    QTRY_COMPARE(again.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(again.lines().size(), 1);
    QVERIFY(again.lines().at(0).startsWith("error: "));
    QTRY_COMPARE(harness.counters.rejectedBlocked, quint64(1));
    QCOMPARE(harness.errorsLogged(ConnectionError::Blocked, 0), 3);

    // Another address of this machine is not blocked.
    TestClient v6;
    QVERIFY(v6.connectTo(port, QHostAddress(QHostAddress::LocalHostIPv6)));
    v6.socket.write("still served\n");
    QTRY_COMPARE(v6.lines().size(), 1);

    harness.engine.unblock(QHostAddress(QHostAddress::LocalHost));
    QVERIFY(harness.engine.blockedAddresses().isEmpty());
    QTRY_VERIFY(blockList.last().first().value<QList<BlockedAddress>>().isEmpty());
    TestClient after;
    QVERIFY(after.connectTo(port));
    after.socket.write("back\n");
    QTRY_COMPARE(after.lines().size(), 1);
    QVERIFY(factoryTexts().contains(QString::fromUtf8(after.lines().at(0))));
}

void tst_ServerEngine::blockedChorusPeerIsRefusedWithBye()
{
    EngineHarness harness;
    const quint16 port = harness.start();
    TestClient peer;
    QVERIFY(peer.connectTo(port, QHostAddress(QHostAddress::LocalHostIPv6)));
    peer.socket.write(encodeChorusMessage(makeHello(QStringLiteral("drone"), QString())));
    QTRY_COMPARE(chorusMessages(peer).size(), 1);
    const quint64 id = harness.waitForId(peer.socket);
    harness.engine.disconnectAndBlock({id}, std::chrono::minutes(1));
    QTRY_COMPARE(peer.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(chorusMessages(peer).last().type, ChorusMessageType::Bye);
    QVERIFY(!chorusMessages(peer).last().reason.isEmpty());

    TestClient again; // before it could say hello: a bye, the way it last spoke
    QVERIFY(again.connectTo(port, QHostAddress(QHostAddress::LocalHostIPv6)));
    QTRY_COMPARE(again.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(chorusMessages(again).size(), 1);
    QCOMPARE(chorusMessages(again).first().type, ChorusMessageType::Bye);
    harness.engine.unblockAll();
    QVERIFY(harness.engine.blockedAddresses().isEmpty());
}

void tst_ServerEngine::logEntryFormat()
{
    LogEntry entry;
    entry.time = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 67));
    entry.text = QStringLiteral("listening");
    QCOMPARE(entry.format(), QStringLiteral("2026-01-02 03:04:05.067 listening"));
    entry.connectionId = 42;
    entry.text = QStringLiteral("received: 드론");
    QCOMPARE(entry.format(), QStringLiteral("2026-01-02 03:04:05.067 [#42] received: 드론"));
    entry.time = QDateTime();
    QCOMPARE(entry.format(),
             QString(23, QLatin1Char(' ')) + QStringLiteral(" [#42] received: 드론"));
}

QTEST_GUILESS_MAIN(tst_ServerEngine)
#include "tst_serverengine.moc"
