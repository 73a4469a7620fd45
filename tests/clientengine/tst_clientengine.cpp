// ClientEngine against a small QTcpServer or a real ServerEngine on loopback
// (port 0): framing, round-trip matching, errors as codes, the Chorus
// negotiation (hello only to a known chorus-server), reconnect with a backoff
// that a short-lived link does not reset, and the send queue.

#include "EngineHarness.h"
#include "client/ClientEngine.h"
#include "client/ClientRepeatSender.h"
#include "wire/ChorusProtocol.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace chorus;
using namespace std::chrono_literals;

namespace {

// Each line of `text` as a message, in UTF-8 (the send box's Text mode without escapes).
QList<QByteArray> lines(const QString& text)
{
    QList<QByteArray> out;
    for (QString line : text.split(QLatin1Char('\n'))) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        out.append(line.toUtf8());
    }
    return out;
}

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

QList<ClientEvent> noticesOf(const QSignalSpy& spy, ClientNotice notice)
{
    QList<ClientEvent> out;
    for (const ClientEvent& event : eventsOf(spy, ClientEvent::Kind::Notice)) {
        if (event.notice == notice)
            out.append(event);
    }
    return out;
}

// Accepts every connection and closes it at once, as a device that refuses
// sessions (or a crashed service behind a port forwarder) does.
class ClosingPeer : public QObject
{
public:
    QTcpServer server;
    int accepted = 0;
    bool closing = true;
    QList<QTcpSocket*> kept;

    bool listen()
    {
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = server.nextPendingConnection()) {
                ++accepted;
                if (closing) {
                    socket->disconnectFromHost();
                    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                } else {
                    kept.append(socket);
                }
            }
        });
        return server.listen(QHostAddress::LocalHost, 0);
    }
};

// The RetryWaiting delays reported so far.
QList<qint64> retryDelays(const QSignalSpy& spy)
{
    QList<qint64> out;
    for (const ClientEvent& event : noticesOf(spy, ClientNotice::RetryWaiting))
        out.append(event.delayMs);
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
    void sendFromConnectedSlotWaitsForTheWelcome();
    void forcedChorusAgainstPlainServerFails();
    void forcedChorusRefusedByError();
    void autoSendsOnlyTheUsersBytesToAnUnknownPeer();
    void chorusServerGetsIdsNamesPingAndBroadcasts();
    void knownServerThatStopsWelcomingFallsBack();
    void backoffGrowsWhenTheServerAcceptsAndCloses();
    void backoffResetsOnlyAfterTheLinkProvedItself();
    void serverFullCountsAsAFailure();
    void byeFromTheServerDoesNotReconnect();
    void retryNowSkipsTheWait();
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

    const SendResult result = engine.send(lines(QStringLiteral("hello")));
    QCOMPARE(result.status, SendStatus::Sent);
    QCOMPARE(result.messageIds.size(), 1);
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Received).size(), 1);
    const ClientEvent reply = eventsOf(events, ClientEvent::Kind::Received).first();
    QCOMPARE(reply.payload, QStringLiteral("re:hello").toUtf8());
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
    QCOMPARE(engine.send(lines(QStringLiteral("hi"))).status, SendStatus::Sent);
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Received).size(), 1);
    const ClientEvent event = eventsOf(events, ClientEvent::Kind::Received).first();
    QCOMPARE(event.payload, QStringLiteral("안녕하세요!").toUtf8());
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
    QCOMPARE(engine.send(lines(QStringLiteral("one"))).status, SendStatus::Sent);
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Received).size(), 1);
    QCOMPARE(peer.received, QByteArray("one"));
    QCOMPARE(engine.send(lines(QStringLiteral("two"))).status, SendStatus::Sent);
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Received).size(), 2);
    for (const ClientEvent& event : eventsOf(events, ClientEvent::Kind::Received)) {
        QCOMPARE(event.payload, QStringLiteral("응답 메시지 전송합니다.").toUtf8());
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
    QCOMPARE(errors.first().error, ClientError::ConnectionRefused);
    QVERIFY(!errors.first().reason.isEmpty()); // Qt's errorString()
    QCOMPARE(errors.first().endpoint, QStringLiteral("127.0.0.1:%1").arg(port));
    QCOMPARE(engine.lastError(), ClientError::None); // never connected: no retry run
    QCOMPARE(engine.reconnectAttempt(), 0);
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
    engine.send(lines(QStringLiteral("x")));
    QTRY_COMPARE(engine.state(), ClientState::Disconnected);
    // The last words before the close still arrive, matched to the message.
    const QList<ClientEvent> received = eventsOf(events, ClientEvent::Kind::Received);
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.first().payload, QStringLiteral("bye").toUtf8());
    const QList<ClientEvent> errors = eventsOf(events, ClientEvent::Kind::Error);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().error, ClientError::RemoteClosed);
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
    QCOMPARE(engine.send(lines(QStringLiteral("typed while down"))).status, SendStatus::Queued);
    QTRY_VERIFY(delays.size() >= 3);
    QCOMPARE(engine.send(lines(QStringLiteral("and another"))).status, SendStatus::Queued);
    // The drop is one error; the retries report their failure in the run's status.
    QCOMPARE(eventsOf(events, ClientEvent::Kind::Error).size(), 1);
    QCOMPARE(noticesOf(events, ClientNotice::RetryWaiting).last().error,
             ClientError::ConnectionRefused);
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
    // No retry is pending: nothing can bring the link back by itself.
    QCOMPARE(engine.reconnectAttempt(), 0);
    QCOMPARE(engine.reconnectTimeLeft(), 0ms);
}

void TestClientEngine::queuedWhileDisconnectedSentInOrder()
{
    TestPeer peer;
    QVERIFY(peer.listen());
    ClientEngine engine;
    engine.setConfig(configFor(peer.port()));
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QCOMPARE(engine.send(lines(QStringLiteral("first"))).status, SendStatus::Queued);
    const SendResult two = engine.send(lines(QStringLiteral("second\nthird")));
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
    const SendResult result = engine.send(lines(QStringLiteral("안녕하세")));
    QCOMPARE(result.status, SendStatus::Refused);
    QCOMPARE(result.error, ClientError::MessageTooLong);
    QCOMPARE(result.count, 12);
    QCOMPARE(result.limit, 10);
    QCOMPARE(eventsOf(events, ClientEvent::Kind::Refused).size(), 1);
    QCOMPARE(eventsOf(events, ClientEvent::Kind::Refused).first().error,
             ClientError::MessageTooLong);
    QCOMPARE(engine.queuedCount(), 0);
    QCOMPARE(engine.stats().messagesSent, 0u);
    // Refused while disconnected too: never queued then lost.
    engine.disconnectFromServer();
    QCOMPARE(engine.send(lines(QString(11, QLatin1Char('x')))).status, SendStatus::Refused);
    QCOMPARE(engine.send(lines(QStringLiteral("ok"))).status, SendStatus::Queued);
    QCOMPARE(engine.send(lines(QStringLiteral("\n\n"))).error, ClientError::EmptyMessage);
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
    const SendResult result = engine.send(lines(QStringLiteral("a\r\nb\nc")));
    QCOMPARE(result.status, SendStatus::Sent);
    QCOMPARE(result.messageIds.size(), 3);
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Received).size(), 3);
    const QList<ClientEvent> replies = eventsOf(events, ClientEvent::Kind::Received);
    QCOMPARE(replies.at(0).payload, QStringLiteral("A").toUtf8());
    QCOMPARE(replies.at(2).payload, QStringLiteral("C").toUtf8());
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
    engine.send(lines(QStringLiteral("x")));
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
    engine.send(lines(QStringLiteral("a")));
    const SendResult b = engine.send(lines(QStringLiteral("b")));
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Received).size(), 1);
    const ClientEvent reply = eventsOf(events, ClientEvent::Kind::Received).first();
    QCOMPARE(reply.replyTo, b.messageIds.first());
    // Nothing left waiting, so the next reply is not matched to a stale message.
    QCOMPARE(engine.awaitingReplies(), 0);
}

void TestClientEngine::sendFromConnectedSlotWaitsForTheWelcome()
{
    // A slot of stateChanged(Connected) that sends at once (--console did):
    // the message must wait for the welcome, never go out before the hello.
    chorus::testing::EngineHarness server;
    const quint16 port = server.start();
    QVERIFY(port != 0);
    ClientEngine engine;
    ClientConfig config = configFor(port);
    config.protocol = ClientProtocol::Chorus;
    engine.setConfig(config);
    QList<SendStatus> statuses;
    connect(&engine, &ClientEngine::stateChanged, this, [&](ClientState state) {
        if (state == ClientState::Connected)
            statuses.append(engine.send(lines(QStringLiteral("early"))).status);
    });
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    engine.connectToServer();
    QTRY_VERIFY(engine.isChorusMode());
    QCOMPARE(statuses, QList<SendStatus>{SendStatus::Queued});
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Received).size(), 1);
    QVERIFY(eventsOf(events, ClientEvent::Kind::Received).first().rttMs.has_value());
    QVERIFY(eventsOf(events, ClientEvent::Kind::Error).isEmpty());
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
    config.protocol = ClientProtocol::Chorus;
    config.name = QStringLiteral("bench-1");
    engine.setConfig(config);
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QSignalSpy learnt(&engine, &ClientEngine::knownChorusServerChanged);
    QVERIFY(connectEngine(engine));
    // Typed before the welcome: waits, then goes as a chorus msg.
    QCOMPARE(engine.send(lines(QStringLiteral("first"))).status, SendStatus::Queued);
    QTRY_VERIFY(engine.isChorusMode());
    QCOMPARE(engine.clientId(), 7u);
    QCOMPARE(fromClient.first().type, ChorusMessageType::Hello);
    QCOMPARE(fromClient.first().name, QStringLiteral("bench-1"));
    const QList<ClientEvent> welcome = noticesOf(events, ClientNotice::ChorusWelcome);
    QCOMPARE(welcome.size(), 1);
    QCOMPARE(welcome.first().count, 7);
    QCOMPARE(welcome.first().reason, QStringLiteral("test"));
    // Welcomed under protocol Chorus: remembered as a chorus-server.
    const QString key = QStringLiteral("127.0.0.1:%1").arg(peer.port());
    QCOMPARE(learnt.size(), 1);
    QCOMPARE(learnt.first().at(0).toString(), key);
    QCOMPARE(learnt.first().at(1).toBool(), true);
    QCOMPARE(engine.knownChorusServers(), QStringList{key});
    const SendResult second = engine.send(lines(QStringLiteral("second")));
    QCOMPARE(second.status, SendStatus::Sent);
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Received).size(), 2);
    const QList<ClientEvent> replies = eventsOf(events, ClientEvent::Kind::Received);
    // Reversed on the wire, yet each is matched to its own message by seq.
    QCOMPARE(replies.at(0).payload, QStringLiteral("re:second").toUtf8());
    QCOMPARE(replies.at(0).replyTo, second.messageIds.first());
    QCOMPARE(replies.at(1).payload, QStringLiteral("re:first").toUtf8());
    QVERIFY(replies.at(1).replyTo != second.messageIds.first());
    QVERIFY(replies.at(0).rttMs && replies.at(1).rttMs);
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Direct).size(), 1);
    QCOMPARE(eventsOf(events, ClientEvent::Kind::Broadcast).first().payload,
             QStringLiteral("모두에게").toUtf8());
    QCOMPARE(eventsOf(events, ClientEvent::Kind::Direct).first().payload,
             QStringLiteral("just you").toUtf8());

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
    QCOMPARE(engine.send(lines(QStringLiteral("kept"))).status, SendStatus::Queued);
    QTRY_COMPARE(engine.state(), ClientState::Disconnected);
    QCOMPARE(eventsOf(events, ClientEvent::Kind::Error).first().error, ClientError::WelcomeTimeout);
    QCOMPARE(eventsOf(events, ClientEvent::Kind::Error).first().limit, 100);
    QCOMPARE(engine.queuedCount(), 1);                         // nothing typed is lost
    QCOMPARE(peer.received, ChorusNegotiation::helloLine({})); // the hello, never "kept"
    QVERIFY(!engine.ping());
    QCOMPARE(eventsOf(events, ClientEvent::Kind::Refused).last().error,
             ClientError::PingNeedsChorus);
    QVERIFY(engine.knownChorusServers().isEmpty());
}

void TestClientEngine::forcedChorusRefusedByError()
{
    // A server that answers the hello with an error: a clear code, no fallback.
    TestPeer peer;
    peer.onData = [](QTcpSocket* socket, const QByteArray&) {
        socket->write(encodeChorusMessage(
            makeError(ChorusErrorCode::UnsupportedProto, QStringLiteral("only version 2"))));
    };
    QVERIFY(peer.listen());
    ClientEngine engine;
    ClientConfig config = configFor(peer.port());
    config.protocol = ClientProtocol::Chorus;
    config.autoReconnect = true;
    engine.setConfig(config);
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QVERIFY(connectEngine(engine));
    QTRY_COMPARE(engine.state(), ClientState::Disconnected);
    const ClientEvent error = eventsOf(events, ClientEvent::Kind::Error).first();
    QCOMPARE(error.error, ClientError::ChorusRefused);
    QVERIFY(error.reason.startsWith(QStringLiteral("unsupported-proto: ")));
    QVERIFY(noticesOf(events, ClientNotice::RetryWaiting).isEmpty()); // not retried
    QVERIFY(!engine.isChorusMode());
}

void TestClientEngine::autoSendsOnlyTheUsersBytesToAnUnknownPeer()
{
    // Issue 8, item 2: in the default Auto protocol the client sent a JSON
    // hello to any server; a plain echo device got it before anything typed.
    TestPeer peer;
    QVERIFY(peer.listen());
    ClientEngine engine; // a fresh engine: no known chorus-servers
    ClientConfig config = configFor(peer.port());
    config.protocol = ClientProtocol::Auto;
    QCOMPARE(ClientConfig().protocol, ClientProtocol::Auto); // the default
    engine.setConfig(config);
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QVERIFY(connectEngine(engine));
    QVERIFY(!engine.isNegotiating());
    QVERIFY(!engine.isChorusMode());
    QCOMPARE(noticesOf(events, ClientNotice::PlainText).size(), 1);
    QTRY_COMPARE(peer.sockets.size(), 1);
    QCOMPARE(engine.send(lines(QStringLiteral("AT+STATUS?\n드론"))).status, SendStatus::Sent);
    // From the first byte on: exactly what the user sent, nothing before it.
    QTRY_COMPARE(peer.received, QStringLiteral("AT+STATUS?\n드론\n").toUtf8());
    QCOMPARE(engine.stats().bytesSent, quint64(peer.received.size()));
}

void TestClientEngine::chorusServerGetsIdsNamesPingAndBroadcasts()
{
    testing::EngineHarness server;
    const quint16 port = server.start();
    QVERIFY(port != 0);
    const QString key = QStringLiteral("127.0.0.1:%1").arg(port);
    auto rowNamed = [&server](const QString& name) -> const ConnectionSnapshot* {
        for (const ConnectionSnapshot& row : server.rows) {
            if (row.name == name && !server.removed.contains(row.id))
                return &row;
        }
        return nullptr;
    };

    // Chosen Chorus: hello, welcome, id and name; the server is remembered.
    ClientEngine chosen;
    ClientConfig config = configFor(port);
    config.protocol = ClientProtocol::Chorus;
    config.name = QStringLiteral("드론-1");
    chosen.setConfig(config);
    QSignalSpy chosenEvents(&chosen, &ClientEngine::eventOccurred);
    QVERIFY(connectEngine(chosen));
    QTRY_VERIFY(chosen.isChorusMode());
    QVERIFY(chosen.clientId() != 0);
    QCOMPARE(chosen.serverName(), QStringLiteral("chorus-server"));
    QTRY_VERIFY(rowNamed(QStringLiteral("드론-1")));
    QCOMPARE(rowNamed(QStringLiteral("드론-1"))->id, chosen.clientId());
    QCOMPARE(rowNamed(QStringLiteral("드론-1"))->protocol, PeerProtocol::Chorus);
    QCOMPARE(chosen.knownChorusServers(), QStringList{key});
    QVERIFY(chosen.ping());
    QTRY_COMPARE(eventsOf(chosenEvents, ClientEvent::Kind::Pong).size(), 1);
    const SendResult sent = chosen.send(lines(QStringLiteral("status?")));
    QTRY_COMPARE(eventsOf(chosenEvents, ClientEvent::Kind::Received).size(), 1);
    QCOMPARE(eventsOf(chosenEvents, ClientEvent::Kind::Received).first().replyTo,
             sent.messageIds.first());
    QVERIFY(testing::factoryTexts().contains(
        QString::fromUtf8(eventsOf(chosenEvents, ClientEvent::Kind::Received).first().payload)));

    // Auto with that memory: Chorus again, with its own id.
    ClientEngine remembered;
    config.protocol = ClientProtocol::Auto;
    config.name = QStringLiteral("드론-2");
    remembered.setConfig(config);
    remembered.setKnownChorusServers(chosen.knownChorusServers());
    QSignalSpy rememberedEvents(&remembered, &ClientEngine::eventOccurred);
    QVERIFY(connectEngine(remembered));
    QTRY_VERIFY(remembered.isChorusMode());
    QVERIFY(remembered.clientId() != chosen.clientId());
    QTRY_VERIFY(rowNamed(QStringLiteral("드론-2")));
    QCOMPARE(rowNamed(QStringLiteral("드론-2"))->id, remembered.clientId());
    QVERIFY(remembered.ping());
    QTRY_COMPARE(eventsOf(rememberedEvents, ClientEvent::Kind::Pong).size(), 1);

    // Auto without it: plain text, nothing but what is typed.
    ClientEngine fresh;
    config.name = QStringLiteral("never sent");
    fresh.setConfig(config);
    QVERIFY(connectEngine(fresh));
    QVERIFY(!fresh.isNegotiating() && !fresh.isChorusMode());
    QTRY_COMPARE(server.counters.active, quint64(3));

    server.engine.broadcast({}, QStringLiteral("모두 안녕"));
    QTRY_COMPARE(eventsOf(chosenEvents, ClientEvent::Kind::Broadcast).size(), 1);
    QTRY_COMPARE(eventsOf(rememberedEvents, ClientEvent::Kind::Broadcast).size(), 1);
    QCOMPARE(eventsOf(rememberedEvents, ClientEvent::Kind::Broadcast).first().payload,
             QStringLiteral("모두 안녕").toUtf8());
    QVERIFY(!rowNamed(QStringLiteral("never sent")));
}

void TestClientEngine::knownServerThatStopsWelcomingFallsBack()
{
    TestPeer peer; // listed as a chorus-server, but now a silent plain peer
    QVERIFY(peer.listen());
    const QString key = QStringLiteral("127.0.0.1:%1").arg(peer.port());
    ClientEngine engine;
    ClientConfig config = configFor(peer.port());
    config.protocol = ClientProtocol::Auto;
    config.helloTimeout = 100ms;
    engine.setConfig(config);
    engine.setKnownChorusServers({QStringLiteral("other:1"), key});
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QSignalSpy changed(&engine, &ClientEngine::knownChorusServerChanged);
    QVERIFY(connectEngine(engine));
    QVERIFY(engine.isNegotiating());
    QCOMPARE(engine.send(lines(QStringLiteral("held"))).status, SendStatus::Queued);
    QTRY_COMPARE(noticesOf(events, ClientNotice::KnownServerFellBack).size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toString(), key);
    QCOMPARE(changed.first().at(1).toBool(), false);
    QCOMPARE(engine.knownChorusServers(), QStringList{QStringLiteral("other:1")});
    QCOMPARE(engine.state(), ClientState::Connected);
    QTRY_COMPARE(peer.received, ChorusNegotiation::helloLine({}) + "held\n");
}

void TestClientEngine::backoffGrowsWhenTheServerAcceptsAndCloses()
{
    // Issue 8, item 3: every connect reset the backoff, so a server that
    // accepts and closes at once got a new connection every 0.5 s forever.
    ClosingPeer peer;
    QVERIFY(peer.listen());
    ClientEngine engine;
    ClientConfig config = configFor(peer.server.serverPort());
    config.autoReconnect = true;
    config.reconnectInitial = 20ms;
    config.reconnectMax = 160ms;
    engine.setConfig(config);
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    engine.connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(retryDelays(events).size() >= 6, 10000);
    QCOMPARE(retryDelays(events).mid(0, 6), (QList<qint64>{20, 40, 80, 160, 160, 160}));
    QCOMPARE(engine.reconnectDelay(), 160ms);
    QVERIFY(engine.reconnectAttempt() >= 6);
    // One error line for the drop that started the run; each retry's failure
    // is the run's status, not a new error.
    QCOMPARE(eventsOf(events, ClientEvent::Kind::Error).size(), 1);
    QCOMPARE(noticesOf(events, ClientNotice::Connected).size(), 1);
    QVERIFY(noticesOf(events, ClientNotice::RetryConnected).size() >= 5);
    QCOMPARE(noticesOf(events, ClientNotice::RetryWaiting).last().error, ClientError::RemoteClosed);
    engine.disconnectFromServer();
    QCOMPARE(engine.reconnectAttempt(), 0);
}

void TestClientEngine::backoffResetsOnlyAfterTheLinkProvedItself()
{
    ClosingPeer peer;
    QVERIFY(peer.listen());
    ClientEngine engine;
    ClientConfig config = configFor(peer.server.serverPort());
    config.autoReconnect = true;
    config.reconnectInitial = 20ms;
    config.reconnectMax = 1000ms;
    config.linkProvenAfter = 100ms;
    engine.setConfig(config);
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    engine.connectToServer();
    QTRY_COMPARE(retryDelays(events).size(), 3);
    peer.closing = false; // the next link lasts
    QTRY_COMPARE(peer.kept.size(), 1);
    QTRY_COMPARE(engine.reconnectAttempt(), 0); // proven after 100 ms up
    QCOMPARE(retryDelays(events), (QList<qint64>{20, 40, 80}));
    peer.closing = true;
    peer.kept.first()->disconnectFromHost();
    QTRY_COMPARE(retryDelays(events).size(), 5);
    QCOMPARE(retryDelays(events).mid(3), (QList<qint64>{20, 40})); // from the start again
    // The new run begins with attempt 1 (a window shows it as a new line).
    QCOMPARE(noticesOf(events, ClientNotice::RetryWaiting).at(3).attempt, 1);
    engine.disconnectFromServer();
}

void TestClientEngine::serverFullCountsAsAFailure()
{
    ServerConfig full = testing::loopbackConfig();
    full.maxConnections = 1;
    testing::EngineHarness server(full);
    const quint16 port = server.start();
    QVERIFY(port != 0);
    testing::TestClient occupant;
    QVERIFY(occupant.connectTo(port));
    QVERIFY(server.waitForId(occupant.socket) != 0);

    ClientEngine engine;
    ClientConfig config = configFor(port);
    config.protocol = ClientProtocol::Chorus; // the full line arrives instead of a welcome
    config.autoReconnect = true;
    config.reconnectInitial = 20ms;
    config.reconnectMax = 1000ms;
    engine.setConfig(config);
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    engine.connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(retryDelays(events).size() >= 4, 10000);
    QCOMPARE(retryDelays(events).mid(0, 4), (QList<qint64>{20, 40, 80, 160}));
    const QList<ClientEvent> errors = eventsOf(events, ClientEvent::Kind::Error);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().error, ClientError::ServerFull);
    QVERIFY(errors.first().reason.startsWith(QStringLiteral("error: server full")));
    QCOMPARE(noticesOf(events, ClientNotice::RetryWaiting).last().error, ClientError::ServerFull);
    // Not a message, not an answer to the hello.
    QVERIFY(eventsOf(events, ClientEvent::Kind::Received).isEmpty());
    QCOMPARE(engine.lastError(), ClientError::ServerFull);

    occupant.socket.disconnectFromHost(); // room again: the next retry is welcomed
    QTRY_VERIFY_WITH_TIMEOUT(engine.isChorusMode(), 10000);
    QCOMPARE(engine.reconnectAttempt(), 0);
    engine.disconnectFromServer();
}

void TestClientEngine::byeFromTheServerDoesNotReconnect()
{
    // docs/PROTOCOL.md §2.3: after a bye the client does not reconnect by itself
    // (a server-side Disconnect was undone by the client's reconnect).
    testing::EngineHarness server;
    const quint16 port = server.start();
    QVERIFY(port != 0);
    ClientEngine engine;
    ClientConfig config = configFor(port);
    config.protocol = ClientProtocol::Chorus;
    config.autoReconnect = true;
    config.reconnectInitial = 20ms;
    engine.setConfig(config);
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QList<ClientState> states;
    connect(&engine, &ClientEngine::stateChanged, this,
            [&states](ClientState state) { states.append(state); });
    QVERIFY(connectEngine(engine));
    QTRY_VERIFY(engine.isChorusMode());
    const quint64 chorusId = engine.clientId();
    server.engine.disconnectClients({chorusId}, QStringLiteral("kicked by the operator"));
    QTRY_COMPARE(engine.state(), ClientState::Disconnected);
    QCOMPARE(noticesOf(events, ClientNotice::ServerBye).size(), 1);
    QCOMPARE(noticesOf(events, ClientNotice::ServerBye).first().reason,
             QStringLiteral("kicked by the operator"));
    QVERIFY(!states.contains(ClientState::Reconnecting));
    QVERIFY(noticesOf(events, ClientNotice::RetryWaiting).isEmpty());
    QVERIFY(eventsOf(events, ClientEvent::Kind::Error).isEmpty()); // the bye said why

    // A plain-text peer has no bye: its drop is retried as before.
    ClientEngine plain;
    config.protocol = ClientProtocol::Plain;
    plain.setConfig(config);
    QSignalSpy plainEvents(&plain, &ClientEngine::eventOccurred);
    QVERIFY(connectEngine(plain));
    // The plain peer's own row (not the chorus one, whose removal may still be on its way).
    const auto plainRow = [&server, chorusId] {
        QList<quint64> ids;
        for (const ConnectionSnapshot& row : std::as_const(server.rows)) {
            if (row.id != chorusId && !server.removed.contains(row.id))
                ids.append(row.id);
        }
        return ids;
    };
    QTRY_COMPARE(plainRow().size(), 1);
    server.engine.disconnectClients(plainRow(), QStringLiteral("kicked"));
    QTRY_COMPARE(noticesOf(plainEvents, ClientNotice::RetryWaiting).size(), 1);
    plain.disconnectFromServer();
}

void TestClientEngine::retryNowSkipsTheWait()
{
    ClosingPeer peer;
    QVERIFY(peer.listen());
    ClientEngine engine;
    ClientConfig config = configFor(peer.server.serverPort());
    config.autoReconnect = true;
    config.reconnectInitial = 60s; // a wait no test sits out
    config.reconnectMax = 120s;
    engine.setConfig(config);
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    engine.connectToServer();
    QTRY_COMPARE(engine.state(), ClientState::Reconnecting);
    QVERIFY(engine.reconnectTimeLeft() > 59s && engine.reconnectTimeLeft() <= 60s);
    engine.retryNow();
    QCOMPARE(engine.state(), ClientState::Connecting);
    QCOMPARE(noticesOf(events, ClientNotice::RetryConnecting).size(), 1);
    QCOMPARE(noticesOf(events, ClientNotice::RetryConnecting).first().attempt, 1);
    QTRY_COMPARE(peer.accepted, 2);
    QTRY_COMPARE(retryDelays(events).size(), 2); // failed again: the wait doubled
    QCOMPARE(retryDelays(events).last(), 120000);
    QCOMPARE(engine.reconnectAttempt(), 2);
    engine.disconnectFromServer();
    QCOMPARE(engine.state(), ClientState::Disconnected);
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
    QVERIFY(!repeat.start({"x"}, 5ms, 3));
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(stopped.first().at(0).value<RepeatStop>(), RepeatStop::NotConnected);
    QVERIFY(connectEngine(engine));

    QVERIFY(repeat.start({"tick"}, 5ms, 20));
    QVERIFY(repeat.isRunning());
    QTRY_VERIFY(!repeat.isRunning());
    QTRY_COMPARE(repeat.stats().answered, 20);
    const RepeatStats stats = repeat.stats();
    QCOMPARE(stats.sent, 20);
    QVERIFY(stats.minMs <= stats.medianMs && stats.medianMs <= stats.maxMs);
    QVERIFY(stats.minMs >= 0.0);
    QTRY_COMPARE(peer.received.count('\n'), 20);
    QCOMPARE(stopped.last().at(0).value<RepeatStop>(), RepeatStop::Finished);

    // Until stopped (count 0); a dropped link stops it.
    QVERIFY(repeat.start({"more"}, 5ms, 0));
    QTRY_VERIFY(repeat.stats().sent >= 5);
    peer.sockets.first()->disconnectFromHost();
    QTRY_VERIFY(!repeat.isRunning());
    QCOMPARE(stopped.last().at(0).value<RepeatStop>(), RepeatStop::LinkDown);
}

QTEST_GUILESS_MAIN(TestClientEngine)
#include "tst_clientengine.moc"
