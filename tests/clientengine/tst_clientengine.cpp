// ClientEngine against a small QTcpServer on loopback (port 0): framing,
// round-trip matching, errors, reconnect with backoff and the send queue.

#include "wire/ChorusProtocol.h"
#include "client/ClientEngine.h"
#include "client/ClientRepeatSender.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace chorus;
using namespace std::chrono_literals;

namespace {

// A loopback peer whose behaviour each test chooses: it records every byte
// received and answers through `onData`.
class TestPeer : public QObject
{
public:
    std::function<void(QTcpSocket*, const QByteArray&)> onData;
    QByteArray received;
    QList<QTcpSocket*> sockets;
    QTcpServer server;

    bool listen(quint16 port = 0)
    {
        QObject::connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = server.nextPendingConnection()) {
                sockets.append(socket);
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    const QByteArray data = socket->readAll();
                    received += data;
                    if (onData)
                        onData(socket, data);
                });
            }
        });
        return server.listen(QHostAddress::LocalHost, port);
    }
    quint16 port() const { return server.serverPort(); }
};

ClientConfig configFor(quint16 port)
{
    ClientConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    config.autoReconnect = false;
    config.protocol = ClientProtocol::Plain; // the Chorus hello has its own tests
    config.reconnectInitial = 50ms;
    config.reconnectMax = 200ms;
    return config;
}

QList<ClientEvent> eventsOf(const QSignalSpy& spy, ClientEvent::Kind kind)
{
    QList<ClientEvent> out;
    for (const QList<QVariant>& args : spy) {
        const auto event = args.at(0).value<ClientEvent>();
        if (event.kind == kind)
            out.append(event);
    }
    return out;
}

bool connectEngine(ClientEngine& engine)
{
    engine.connectToServer();
    return QTest::qWaitFor([&] { return engine.state() == ClientState::Connected; }, 5000);
}

} // namespace

class TestClientEngine : public QObject
{
    Q_OBJECT
private slots:
    void connectSendReplyWithRtt();
    void replySplitAcrossSegmentsAndInsideCharacter();
    void idleGapReplyWithoutNewline();
    void refusedConnection();
    void serverClosesConnection();
    void reconnectsWithBackoffAndSendsQueued();
    void queuedWhileDisconnectedSentInOrder();
    void refusesOverLongMessage();
    void multiLineSendsEachLine();
    void terminatorChoices();
    void noTerminatorCoalescedMessagesShareOneReply();
    void chorusNegotiationReorderedRepliesPingBroadcast();
    void forcedChorusAgainstPlainServerFails();
    void repeatSenderCountsAndStops();
};

void TestClientEngine::connectSendReplyWithRtt()
{
    TestPeer peer;
    peer.onData = [](QTcpSocket* socket, const QByteArray& data) {
        for (const QByteArray& line : data.split('\n'))
            if (!line.isEmpty())
                socket->write("re:" + line + "\n");
    };
    QVERIFY(peer.listen());
    ClientEngine engine;
    engine.setConfig(configFor(peer.port()));
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QVERIFY(connectEngine(engine));
    QVERIFY(engine.peerLabel().startsWith(QStringLiteral("127.0.0.1:")));

    const SendResult result = engine.send(QStringLiteral("hello"));
    QCOMPARE(result.status, SendStatus::Sent);
    QCOMPARE(result.messageIds.size(), 1);
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Received).size(), 1);
    const ClientEvent reply = eventsOf(events, ClientEvent::Kind::Received).first();
    QCOMPARE(reply.text, QStringLiteral("re:hello"));
    QCOMPARE(reply.replyTo, result.messageIds.first());
    QVERIFY(reply.rttMs.has_value());
    QVERIFY(*reply.rttMs >= 0.0 && *reply.rttMs < 5000.0);
    QCOMPARE(peer.received, QByteArray("hello\n"));
    QCOMPARE(engine.stats().messagesSent, 1u);
    QCOMPARE(engine.stats().messagesReceived, 1u);
    QCOMPARE(engine.stats().bytesSent, 6u);
    QCOMPARE(engine.stats().bytesReceived, 9u);
    QCOMPARE(engine.awaitingReplies(), 0);
}

void TestClientEngine::replySplitAcrossSegmentsAndInsideCharacter()
{
    // "안녕하세요!" is 3 bytes per Hangul syllable: cut the second syllable in two.
    const QByteArray reply = QStringLiteral("안녕하세요!").toUtf8();
    TestPeer peer;
    peer.onData = [&](QTcpSocket* socket, const QByteArray&) {
        socket->write(reply.left(4));
        socket->flush();
        QTimer::singleShot(20ms, socket, [socket, reply] {
            socket->write(reply.mid(4, 5));
            socket->flush();
            QTimer::singleShot(20ms, socket,
                               [socket, reply] { socket->write(reply.mid(9) + "\n"); });
        });
    };
    QVERIFY(peer.listen());
    ClientEngine engine;
    ClientConfig config = configFor(peer.port());
    config.framing = Framing::Line;
    engine.setConfig(config);
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QVERIFY(connectEngine(engine));
    QCOMPARE(engine.send(QStringLiteral("hi")).status, SendStatus::Sent);
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Received).size(), 1);
    const ClientEvent event = eventsOf(events, ClientEvent::Kind::Received).first();
    QCOMPARE(event.text, QStringLiteral("안녕하세요!"));
    QVERIFY(event.rttMs.has_value());
    QVERIFY(*event.rttMs >= 30.0); // it only completed after the last segment
}

void TestClientEngine::idleGapReplyWithoutNewline()
{
    TestPeer peer;
    peer.onData = [](QTcpSocket* socket, const QByteArray&) {
        socket->write(QStringLiteral("응답 메시지 전송합니다.").toUtf8()); // no terminator
    };
    QVERIFY(peer.listen());
    ClientEngine engine;
    ClientConfig config = configFor(peer.port());
    config.framing = Framing::Auto;
    config.terminator = Terminator::None;
    engine.setConfig(config);
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QVERIFY(connectEngine(engine));
    QCOMPARE(engine.send(QStringLiteral("one")).status, SendStatus::Sent);
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Received).size(), 1);
    QCOMPARE(peer.received, QByteArray("one"));
    QCOMPARE(engine.send(QStringLiteral("two")).status, SendStatus::Sent);
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Received).size(), 2);
    for (const ClientEvent& event : eventsOf(events, ClientEvent::Kind::Received)) {
        QCOMPARE(event.text, QStringLiteral("응답 메시지 전송합니다."));
        QVERIFY(event.rttMs.has_value());
    }
}

void TestClientEngine::refusedConnection()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    ClientEngine engine;
    engine.setConfig(configFor(port));
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QSignalSpy states(&engine, &ClientEngine::stateChanged);
    engine.connectToServer();
    QCOMPARE(engine.state(), ClientState::Connecting);
    QTRY_COMPARE(engine.state(), ClientState::Disconnected);
    const QList<ClientEvent> errors = eventsOf(events, ClientEvent::Kind::Error);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().text.contains(QStringLiteral("refused"), Qt::CaseInsensitive),
             qPrintable(errors.first().text));
    QVERIFY(errors.first().text.contains(QString::number(port)));
}

void TestClientEngine::serverClosesConnection()
{
    TestPeer peer;
    peer.onData = [](QTcpSocket* socket, const QByteArray&) {
        socket->write("bye\n");
        socket->disconnectFromHost();
    };
    QVERIFY(peer.listen());
    ClientEngine engine;
    engine.setConfig(configFor(peer.port()));
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QVERIFY(connectEngine(engine));
    engine.send(QStringLiteral("x"));
    QTRY_COMPARE(engine.state(), ClientState::Disconnected);
    // The last words before the close still arrive, matched to the message.
    const QList<ClientEvent> received = eventsOf(events, ClientEvent::Kind::Received);
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.first().text, QStringLiteral("bye"));
    bool sawClose = false;
    for (const ClientEvent& event : eventsOf(events, ClientEvent::Kind::Notice))
        sawClose |= event.text.contains(QStringLiteral("server closed the connection"));
    QVERIFY(sawClose);
}

void TestClientEngine::reconnectsWithBackoffAndSendsQueued()
{
    auto peer = std::make_unique<TestPeer>();
    QVERIFY(peer->listen());
    const quint16 port = peer->port();
    ClientEngine engine;
    ClientConfig config = configFor(port);
    config.autoReconnect = true;
    engine.setConfig(config);
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QList<qint64> delays;
    connect(&engine, &ClientEngine::stateChanged, this, [&](ClientState state) {
        if (state == ClientState::Reconnecting)
            delays.append(engine.reconnectDelay().count());
    });
    QVERIFY(connectEngine(engine));
    QTRY_COMPARE(peer->sockets.size(), 1);

    // The server goes away completely: every retry is refused, with growing delays.
    peer.reset();
    QTRY_COMPARE(engine.state(), ClientState::Reconnecting);
    QCOMPARE(engine.send(QStringLiteral("typed while down")).status, SendStatus::Queued);
    QTRY_VERIFY(eventsOf(events, ClientEvent::Kind::Error).size() >= 3);
    QCOMPARE(engine.send(QStringLiteral("and another")).status, SendStatus::Queued);
    QCOMPARE(engine.queuedCount(), 2);

    // Backoff doubles from 50 ms up to the 200 ms cap.
    QVERIFY(delays.size() >= 3);
    QCOMPARE(delays.at(0), 50);
    QCOMPARE(delays.at(1), 100);
    QCOMPARE(delays.at(2), 200);
    if (delays.size() > 3)
        QCOMPARE(delays.at(3), 200);

    TestPeer back;
    QVERIFY(back.listen(port));
    QTRY_COMPARE_WITH_TIMEOUT(engine.state(), ClientState::Connected, 5000);
    QTRY_COMPARE(back.received, QByteArray("typed while down\nand another\n"));
    QCOMPARE(engine.queuedCount(), 0);
    QCOMPARE(eventsOf(events, ClientEvent::Kind::Queued).size(), 2);
    // Each queued message is reported sent, with its id, in order.
    const QList<ClientEvent> queued = eventsOf(events, ClientEvent::Kind::Queued);
    const QList<ClientEvent> sent = eventsOf(events, ClientEvent::Kind::Sent);
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(0).messageId, queued.at(0).messageId);
    QCOMPARE(sent.at(1).messageId, queued.at(1).messageId);

    // A user Disconnect stops the retries for good.
    engine.disconnectFromServer();
    QCOMPARE(engine.state(), ClientState::Disconnected);
    QTest::qWait(300);
    QCOMPARE(engine.state(), ClientState::Disconnected);
}

void TestClientEngine::queuedWhileDisconnectedSentInOrder()
{
    TestPeer peer;
    QVERIFY(peer.listen());
    ClientEngine engine;
    engine.setConfig(configFor(peer.port()));
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QCOMPARE(engine.send(QStringLiteral("first")).status, SendStatus::Queued);
    const SendResult two = engine.send(QStringLiteral("second\nthird"));
    QCOMPARE(two.status, SendStatus::Queued);
    QCOMPARE(two.messageIds.size(), 2);
    QCOMPARE(engine.queuedCount(), 3);
    QVERIFY(connectEngine(engine));
    QTRY_COMPARE(peer.received, QByteArray("first\nsecond\nthird\n"));
    QCOMPARE(eventsOf(events, ClientEvent::Kind::Sent).size(), 3);
}

void TestClientEngine::refusesOverLongMessage()
{
    TestPeer peer;
    QVERIFY(peer.listen());
    ClientEngine engine;
    ClientConfig config = configFor(peer.port());
    config.maxMessageBytes = 10;
    engine.setConfig(config);
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QVERIFY(connectEngine(engine));
    // 4 Hangul syllables = 12 bytes: over the limit though only 4 characters.
    const SendResult result = engine.send(QStringLiteral("안녕하세"));
    QCOMPARE(result.status, SendStatus::Refused);
    QVERIFY2(result.reason.contains(QStringLiteral("12")) && result.reason.contains("10"),
             qPrintable(result.reason));
    QCOMPARE(eventsOf(events, ClientEvent::Kind::Refused).size(), 1);
    QCOMPARE(engine.queuedCount(), 0);
    QCOMPARE(engine.stats().messagesSent, 0u);
    // Refused while disconnected too: never queued then lost.
    engine.disconnectFromServer();
    QCOMPARE(engine.send(QString(11, QLatin1Char('x'))).status, SendStatus::Refused);
    QCOMPARE(engine.send(QStringLiteral("ok")).status, SendStatus::Queued);
    QCOMPARE(engine.send(QStringLiteral("\n\n")).status, SendStatus::Refused);
}

void TestClientEngine::multiLineSendsEachLine()
{
    TestPeer peer;
    peer.onData = [](QTcpSocket* socket, const QByteArray& data) {
        for (const QByteArray& line : data.split('\n'))
            if (!line.isEmpty())
                socket->write(line.toUpper() + "\n");
    };
    QVERIFY(peer.listen());
    ClientEngine engine;
    engine.setConfig(configFor(peer.port()));
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QVERIFY(connectEngine(engine));
    const SendResult result = engine.send(QStringLiteral("a\r\nb\nc"));
    QCOMPARE(result.status, SendStatus::Sent);
    QCOMPARE(result.messageIds.size(), 3);
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Received).size(), 3);
    const QList<ClientEvent> replies = eventsOf(events, ClientEvent::Kind::Received);
    QCOMPARE(replies.at(0).text, QStringLiteral("A"));
    QCOMPARE(replies.at(2).text, QStringLiteral("C"));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(replies.at(i).replyTo, result.messageIds.at(i));
}

void TestClientEngine::terminatorChoices()
{
    TestPeer peer;
    QVERIFY(peer.listen());
    ClientEngine engine;
    ClientConfig config = configFor(peer.port());
    config.terminator = Terminator::CrLf;
    engine.setConfig(config);
    QVERIFY(connectEngine(engine));
    engine.send(QStringLiteral("x"));
    QTRY_COMPARE(peer.received, QByteArray("x\r\n"));
}

void TestClientEngine::noTerminatorCoalescedMessagesShareOneReply()
{
    // Like the reference server: whatever one read returns is one message.
    TestPeer peer;
    peer.onData = [&](QTcpSocket* socket, const QByteArray&) {
        if (peer.received == "ab")
            socket->write("one answer");
    };
    QVERIFY(peer.listen());
    ClientEngine engine;
    ClientConfig config = configFor(peer.port());
    config.terminator = Terminator::None;
    engine.setConfig(config);
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QVERIFY(connectEngine(engine));
    engine.send(QStringLiteral("a"));
    const SendResult b = engine.send(QStringLiteral("b"));
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Received).size(), 1);
    const ClientEvent reply = eventsOf(events, ClientEvent::Kind::Received).first();
    QCOMPARE(reply.replyTo, b.messageIds.first());
    // Nothing left waiting, so the next reply is not matched to a stale message.
    QCOMPARE(engine.awaitingReplies(), 0);
}

void TestClientEngine::chorusNegotiationReorderedRepliesPingBroadcast()
{
    // A minimal Chorus server: welcome, replies held back and sent in reverse
    // order, pong, and a broadcast and a direct message of its own.
    TestPeer peer;
    QList<ChorusMessage> fromClient;
    QList<ChorusMessage> held;
    peer.onData = [&](QTcpSocket* socket, const QByteArray& data) {
        for (const QByteArray& line : data.split('\n')) {
            const ChorusDecodeResult decoded = decodeChorusLine(line);
            if (!decoded.ok())
                continue;
            const ChorusMessage& m = decoded.message;
            fromClient.append(m);
            if (m.type == ChorusMessageType::Hello) {
                socket->write(encodeChorusMessage(makeWelcome(7, QStringLiteral("test"))));
            } else if (m.type == ChorusMessageType::Msg) {
                held.append(makeReply(m.seq, QStringLiteral("re:") + m.text));
                if (held.size() == 2) {
                    socket->write(encodeChorusMessage(held.at(1)));
                    socket->write(encodeChorusMessage(held.at(0)));
                    socket->write(encodeChorusMessage(makeBroadcast(QStringLiteral("모두에게"))));
                    socket->write(encodeChorusMessage(makeDirect(QStringLiteral("just you"))));
                }
            } else if (m.type == ChorusMessageType::Ping) {
                socket->write(encodeChorusMessage(makePong(m.t)));
            }
        }
    };
    QVERIFY(peer.listen());
    ClientEngine engine;
    ClientConfig config = configFor(peer.port());
    config.protocol = ClientProtocol::Auto;
    config.name = QStringLiteral("bench-1");
    engine.setConfig(config);
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QVERIFY(connectEngine(engine));
    // Typed before the welcome: waits, then goes as a chorus msg.
    QCOMPARE(engine.send(QStringLiteral("first")).status, SendStatus::Queued);
    QTRY_VERIFY(engine.isChorusMode());
    QCOMPARE(engine.clientId(), 7u);
    QCOMPARE(fromClient.first().type, ChorusMessageType::Hello);
    QCOMPARE(fromClient.first().name, QStringLiteral("bench-1"));
    bool sawId = false;
    for (const ClientEvent& e : eventsOf(events, ClientEvent::Kind::Notice))
        sawId |= e.text.startsWith(QStringLiteral("You are #7 on 127.0.0.1:"));
    QVERIFY(sawId);
    const SendResult second = engine.send(QStringLiteral("second"));
    QCOMPARE(second.status, SendStatus::Sent);
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Received).size(), 2);
    const QList<ClientEvent> replies = eventsOf(events, ClientEvent::Kind::Received);
    // Reversed on the wire, yet each is matched to its own message by seq.
    QCOMPARE(replies.at(0).text, QStringLiteral("re:second"));
    QCOMPARE(replies.at(0).replyTo, second.messageIds.first());
    QCOMPARE(replies.at(1).text, QStringLiteral("re:first"));
    QVERIFY(replies.at(1).replyTo != second.messageIds.first());
    QVERIFY(replies.at(0).rttMs && replies.at(1).rttMs);
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Direct).size(), 1);
    QCOMPARE(eventsOf(events, ClientEvent::Kind::Broadcast).first().text,
             QStringLiteral("모두에게"));
    QCOMPARE(eventsOf(events, ClientEvent::Kind::Direct).first().text, QStringLiteral("just you"));

    QVERIFY(engine.ping());
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Pong).size(), 1);
    const ClientEvent pong = eventsOf(events, ClientEvent::Kind::Pong).first();
    QVERIFY(pong.rttMs && *pong.rttMs >= 0.0 && *pong.rttMs < 5000.0);

    engine.rename(QStringLiteral("bench-2"));
    QTRY_VERIFY(!fromClient.isEmpty() && fromClient.last().type == ChorusMessageType::Name);
    QCOMPARE(fromClient.last().name, QStringLiteral("bench-2"));
}

void TestClientEngine::forcedChorusAgainstPlainServerFails()
{
    TestPeer peer; // says nothing at all
    QVERIFY(peer.listen());
    ClientEngine engine;
    ClientConfig config = configFor(peer.port());
    config.protocol = ClientProtocol::Chorus;
    config.helloTimeout = 100ms;
    engine.setConfig(config);
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QVERIFY(connectEngine(engine));
    QCOMPARE(engine.send(QStringLiteral("kept")).status, SendStatus::Queued);
    QTRY_COMPARE(engine.state(), ClientState::Disconnected);
    QVERIFY(eventsOf(events, ClientEvent::Kind::Error)
                .first()
                .text.contains(QStringLiteral("did not accept the Chorus protocol")));
    QCOMPARE(engine.queuedCount(), 1); // nothing typed is lost
    QVERIFY(!engine.ping());
}

void TestClientEngine::repeatSenderCountsAndStops()
{
    TestPeer peer;
    peer.onData = [](QTcpSocket* socket, const QByteArray& data) {
        for (const QByteArray& line : data.split('\n'))
            if (!line.isEmpty())
                socket->write("ok\n");
    };
    QVERIFY(peer.listen());
    ClientEngine engine;
    engine.setConfig(configFor(peer.port()));
    ClientRepeatSender repeat(&engine);
    QSignalSpy stopped(&repeat, &ClientRepeatSender::stopped);
    // Not connected: refuses to start, says why.
    QVERIFY(!repeat.start(QStringLiteral("x"), 5ms, 3));
    QCOMPARE(stopped.size(), 1);
    QVERIFY(stopped.first().at(0).toString().contains(QStringLiteral("not connected")));
    QVERIFY(connectEngine(engine));

    QVERIFY(repeat.start(QStringLiteral("tick"), 5ms, 20));
    QVERIFY(repeat.isRunning());
    QTRY_VERIFY(!repeat.isRunning());
    QTRY_COMPARE(repeat.stats().answered, 20);
    const RepeatStats stats = repeat.stats();
    QCOMPARE(stats.sent, 20);
    QVERIFY(stats.minMs <= stats.medianMs && stats.medianMs <= stats.maxMs);
    QVERIFY(stats.minMs >= 0.0);
    QTRY_COMPARE(peer.received.count('\n'), 20);
    QVERIFY(repeat.summary().startsWith(QStringLiteral("sent 20 / answered 20, RTT ")));

    // Until stopped (count 0); a dropped link stops it.
    QVERIFY(repeat.start(QStringLiteral("more"), 5ms, 0));
    QTRY_VERIFY(repeat.stats().sent >= 5);
    peer.sockets.first()->disconnectFromHost();
    QTRY_VERIFY(!repeat.isRunning());
    QVERIFY(stopped.last().at(0).toString().contains(QStringLiteral("connection went down")));
}

QTEST_GUILESS_MAIN(TestClientEngine)
#include "tst_clientengine.moc"
