// ClientEngine with bytes and device framings, against plain QTcpServer peers
// on loopback (port 0) that check every byte: each framing frames what the
// client sends and splits what it receives, byte-exact (00 and FF included);
// hex and escaped input; a Chorus server is never sent bytes that are not
// UTF-8; and what the server gets wrong (too long, a bad length, bytes outside
// an envelope, a frame cut by the close) is an error carrying those bytes.
// (tst_clientengine has the link itself: connecting, Chorus, reconnecting.)

#include "client/ClientEngine.h"
#include "client/OutgoingMessages.h"
#include "wire/ChorusProtocol.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>

using namespace chorus;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(chorus::Terminator)

namespace {

// Records every byte; `onData` answers.
class PlainPeer : public QObject
{
public:
    std::function<void(QTcpSocket*)> onData;
    QByteArray received;
    QTcpSocket* socket = nullptr;
    QTcpServer server;

    bool listen()
    {
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* next = server.nextPendingConnection()) {
                socket = next;
                connect(next, &QTcpSocket::readyRead, this, [this, next] {
                    received += next->readAll();
                    if (onData)
                        onData(next);
                });
            }
        });
        return server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return server.serverPort(); }
};

ClientConfig configFor(quint16 port, const QString& framing, Terminator terminator)
{
    ClientConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    config.autoReconnect = false;
    config.protocol = ClientProtocol::Plain;
    config.framing = parseFrameSpec(framing).value_or(FrameSpec());
    config.terminator = terminator;
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

QList<QByteArray> payloadsOf(const QList<ClientEvent>& events)
{
    QList<QByteArray> out;
    for (const ClientEvent& event : events)
        out.append(event.payload);
    return out;
}

bool connectEngine(ClientEngine& engine, PlainPeer& peer)
{
    engine.connectToServer();
    return QTest::qWaitFor([&] { return engine.state() == ClientState::Connected && peer.socket; },
                           5000);
}

QByteArray hex(const char* digits)
{
    return QByteArray::fromHex(digits);
}

} // namespace

class TestClientEngineFraming : public QObject
{
    Q_OBJECT
private slots:
    void eachFramingBothWays_data();
    void eachFramingBothWays();
    void hexInputArrivesByteExact();
    void escapesBecomeBytes();
    void chorusServerNeverGetsBytesThatAreNotUtf8();
    void framingProblemsAreErrorsWithTheirBytes_data();
    void framingProblemsAreErrorsWithTheirBytes();
    void lengthFieldTooSmallRefusesBeforeAnyByte();
    void fixedSizeMismatchGoesOutWithAWarning();
};

void TestClientEngineFraming::eachFramingBothWays_data()
{
    QTest::addColumn<QString>("framing");
    QTest::addColumn<Terminator>("terminator");
    QTest::addColumn<QList<QByteArray>>("messages");
    QTest::addColumn<QByteArray>("onTheWire"); // what the peer must receive, exactly
    QTest::addColumn<QByteArray>("reply");     // what the peer answers, in one write
    QTest::addColumn<QList<QByteArray>>("replies");
    const QByteArray binary("\x01\x00\xFF", 3);
    QTest::newRow("u16be") << "u16be" << Terminator::Lf << QList<QByteArray>{binary, "A"}
                           << hex("0003") + binary + hex("000141") << hex("0002FF00000100")
                           << QList<QByteArray>{hex("FF00"), hex("00")};
    QTest::newRow("delimiter 03") << "delimiter:03" << Terminator::Lf
                                  << QList<QByteArray>{binary, "B"} << binary + "\x03" + "B\x03"
                                  << QByteArray("\xFF\x00\x03\x03", 4)
                                  << QList<QByteArray>{hex("FF00"), QByteArray()};
    QTest::newRow("envelope STX..ETX")
        << "delimiter:02..03" << Terminator::CrLf << QList<QByteArray>{binary}
        << "\x02" + binary + "\x03" << QByteArray("\x02\x00\xFF\x03", 4)
        << QList<QByteArray>{hex("00FF")};
    QTest::newRow("CR: a device that ends commands with CR")
        << "cr" << Terminator::Cr << QList<QByteArray>{"A", "B", "C"} << QByteArray("A\rB\rC\r")
        << QByteArray("1\r2\r\n3\r") << QList<QByteArray>{"1", "2", "3"};
    QTest::newRow("fixed:4") << "fixed:4" << Terminator::Lf
                             << QList<QByteArray>{hex("00010203"), hex("FFFEFDFC")}
                             << hex("00010203FFFEFDFC") << hex("0A0B0C0D00FF00FF")
                             << QList<QByteArray>{hex("0A0B0C0D"), hex("00FF00FF")};
    QTest::newRow("modbus-tcp") << "modbus-tcp" << Terminator::Lf
                                << QList<QByteArray>{hex("01030000000A")}
                                << hex("00000000000601030000000A")
                                << hex("0000000000170103140001000200030004000500060007000800090"
                                       "00A")
                                << QList<QByteArray>{hex("00000000001701031400010002000300040005"
                                                         "0006000700080009000A")};
}

void TestClientEngineFraming::eachFramingBothWays()
{
    QFETCH(QString, framing);
    QFETCH(Terminator, terminator);
    QFETCH(QList<QByteArray>, messages);
    QFETCH(QByteArray, onTheWire);
    QFETCH(QByteArray, reply);
    QFETCH(QList<QByteArray>, replies);
    PlainPeer peer;
    peer.onData = [&](QTcpSocket* socket) {
        if (peer.received == onTheWire) // everything is in: answer all of it at once
            socket->write(reply);
    };
    QVERIFY(peer.listen());
    ClientEngine engine;
    engine.setConfig(configFor(peer.port(), framing, terminator));
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QVERIFY(connectEngine(engine, peer));
    const SendResult sent = engine.send(messages);
    QCOMPARE(sent.status, SendStatus::Sent);
    QTRY_COMPARE(peer.received, onTheWire);
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Received).size(), replies.size());
    const QList<ClientEvent> received = eventsOf(events, ClientEvent::Kind::Received);
    QCOMPARE(payloadsOf(received), replies);
    // The history shows what was sent, not its framing.
    QCOMPARE(payloadsOf(eventsOf(events, ClientEvent::Kind::Sent)), messages);
    // Replies are matched to the messages in order.
    for (qsizetype i = 0; i < std::min(received.size(), sent.messageIds.size()); ++i)
        QCOMPARE(received.at(i).replyTo, sent.messageIds.at(i));
    QVERIFY(eventsOf(events, ClientEvent::Kind::Error).isEmpty());
    QCOMPARE(engine.stats().bytesSent, quint64(onTheWire.size()));
    QCOMPARE(engine.stats().bytesReceived, quint64(reply.size()));
}

void TestClientEngineFraming::hexInputArrivesByteExact()
{
    PlainPeer peer;
    QVERIFY(peer.listen());
    ClientEngine engine;
    engine.setConfig(configFor(peer.port(), QStringLiteral("raw"), Terminator::Lf));
    QVERIFY(connectEngine(engine, peer));
    const std::optional<QList<QByteArray>> modbus =
        parseOutgoing(u"01 03 00 00 00 0A C5 CD", ByteInput::Hex);
    QVERIFY(modbus);
    QCOMPARE(engine.send(*modbus).status, SendStatus::Sent);
    QTRY_COMPARE(peer.received, hex("01030000000AC5CD"));
}

void TestClientEngineFraming::escapesBecomeBytes()
{
    PlainPeer peer;
    QVERIFY(peer.listen());
    ClientEngine engine;
    engine.setConfig(configFor(peer.port(), QStringLiteral("auto"), Terminator::Lf));
    QVERIFY(connectEngine(engine, peer));
    const std::optional<QList<QByteArray>> typed =
        parseOutgoing(u"AT\\r\\n\nbin \\x00\\xFF\\\\ \\t", ByteInput::Text);
    QVERIFY(typed);
    QCOMPARE(engine.send(*typed).status, SendStatus::Sent);
    QTRY_COMPARE(peer.received, QByteArray("AT\r\n\nbin \x00\xFF\\ \t\n", 15));
}

void TestClientEngineFraming::chorusServerNeverGetsBytesThatAreNotUtf8()
{
    PlainPeer peer; // a minimal chorus-server: welcome, and an echo of each msg
    peer.onData = [&peer](QTcpSocket* socket) {
        while (peer.received.contains('\n')) {
            const qsizetype end = peer.received.indexOf('\n');
            const ChorusDecodeResult line = decodeChorusLine(peer.received.left(end + 1));
            peer.received.remove(0, end + 1);
            if (!line.ok())
                continue;
            if (line.message.type == ChorusMessageType::Hello)
                socket->write(encodeChorusMessage(makeWelcome(3, QStringLiteral("test"))));
            else if (line.message.type == ChorusMessageType::Msg)
                socket->write(encodeChorusMessage(makeReply(line.message.seq, line.message.text)));
        }
    };
    QVERIFY(peer.listen());
    ClientEngine engine;
    ClientConfig config = configFor(peer.port(), QStringLiteral("auto"), Terminator::Lf);
    config.protocol = ClientProtocol::Chorus;
    engine.setConfig(config);
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    // Not even queued for a Chorus connection.
    SendResult refused = engine.send(QByteArray("ok\xFF", 3));
    QCOMPARE(refused.status, SendStatus::Refused);
    QCOMPARE(refused.error, ClientError::NotUtf8ForChorus);
    QCOMPARE(engine.queuedCount(), 0);
    QVERIFY(connectEngine(engine, peer));
    QTRY_VERIFY(engine.isChorusMode());
    // All or nothing: the valid message before it does not go either.
    refused = engine.send(QList<QByteArray>{"fine", QByteArray("\xC0\xAF")});
    QCOMPARE(refused.status, SendStatus::Refused);
    QCOMPARE(refused.error, ClientError::NotUtf8ForChorus);
    QCOMPARE(refused.count, 0); // the offset of the first byte that is not UTF-8
    const QList<ClientEvent> refusals = eventsOf(events, ClientEvent::Kind::Refused);
    QCOMPARE(refusals.size(), 2);
    QCOMPARE(refusals.last().error, ClientError::NotUtf8ForChorus);
    QCOMPARE(engine.stats().messagesSent, 0u);
    // NUL and Korean are text: they go, and come back exactly.
    const QByteArray text = QByteArray("a\0b ", 4) + QStringLiteral("드론").toUtf8();
    const SendResult sent = engine.send(text);
    QCOMPARE(sent.status, SendStatus::Sent);
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Received).size(), 1);
    QCOMPARE(eventsOf(events, ClientEvent::Kind::Received).first().payload, text);
    QCOMPARE(eventsOf(events, ClientEvent::Kind::Received).first().replyTo,
             sent.messageIds.first());
}

void TestClientEngineFraming::framingProblemsAreErrorsWithTheirBytes_data()
{
    QTest::addColumn<QString>("framing");
    QTest::addColumn<QByteArray>("fromServer");
    QTest::addColumn<bool>("closeAfter");
    QTest::addColumn<ClientError>("error");
    QTest::addColumn<QByteArray>("errorBytes");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<QList<QByteArray>>("messages"); // still delivered around the problem
    QTest::newRow("too long: 255 bytes over a limit of 16, then a good frame")
        << "u16be" << hex("00FF") + QByteArray(255, 'x') + hex("000141") << false
        << ClientError::ReceivedTooLong << hex("00FF") << qint64(257) << QList<QByteArray>{"A"};
    QTest::newRow("bad length: shorter than its own header")
        << "length:size=1,adjust=-5,strip=1" << hex("00064142") << false
        << ClientError::ReceivedBadLength << hex("00") << qint64(1) << QList<QByteArray>{"A"};
    QTest::newRow("bytes outside the envelope")
        << "delimiter:02..03" << QByteArray("junk\x02ok\x03") << false
        << ClientError::ReceivedOutsideEnvelope << QByteArray("junk") << qint64(4)
        << QList<QByteArray>{"ok"};
    QTest::newRow("a frame cut by the close")
        << "u16be" << hex("0003410000000862") << true << ClientError::ReceivedIncomplete
        << hex("000862") << qint64(3) << QList<QByteArray>{hex("410000")};
}

void TestClientEngineFraming::framingProblemsAreErrorsWithTheirBytes()
{
    QFETCH(QString, framing);
    QFETCH(QByteArray, fromServer);
    QFETCH(bool, closeAfter);
    QFETCH(ClientError, error);
    QFETCH(QByteArray, errorBytes);
    QFETCH(qint64, count);
    QFETCH(QList<QByteArray>, messages);
    PlainPeer peer;
    QVERIFY(peer.listen());
    ClientEngine engine;
    ClientConfig config = configFor(peer.port(), framing, Terminator::Lf);
    config.maxMessageBytes = 16;
    engine.setConfig(config);
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QVERIFY(connectEngine(engine, peer));
    peer.socket->write(fromServer);
    if (closeAfter)
        peer.socket->disconnectFromHost();
    QTRY_COMPARE(eventsOf(events, ClientEvent::Kind::Received).size(), messages.size());
    QTRY_VERIFY(!eventsOf(events, ClientEvent::Kind::Error).isEmpty());
    const ClientEvent problem = eventsOf(events, ClientEvent::Kind::Error).first();
    QCOMPARE(problem.error, error);
    QCOMPARE(problem.payload, errorBytes);
    QCOMPARE(problem.count, count);
    if (error == ClientError::ReceivedTooLong)
        QCOMPARE(problem.limit, 16);
    QCOMPARE(payloadsOf(eventsOf(events, ClientEvent::Kind::Received)), messages);
    QCOMPARE(engine.stats().bytesReceived, quint64(fromServer.size()));
}

void TestClientEngineFraming::lengthFieldTooSmallRefusesBeforeAnyByte()
{
    PlainPeer peer;
    QVERIFY(peer.listen());
    ClientEngine engine;
    engine.setConfig(
        configFor(peer.port(), QStringLiteral("length:size=1,strip=1"), Terminator::Lf));
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QVERIFY(connectEngine(engine, peer));
    const SendResult result = engine.send(QList<QByteArray>{"short", QByteArray(300, 'x')});
    QCOMPARE(result.status, SendStatus::Refused);
    QCOMPARE(result.error, ClientError::DoesNotFitFraming);
    QCOMPARE(result.count, 300);
    QCOMPARE(result.limit, 255);
    QCOMPARE(eventsOf(events, ClientEvent::Kind::Refused).size(), 1);
    // A message that fits shows nothing partial went before: only its own frame arrives.
    QCOMPARE(engine.send(QByteArray("go")).status, SendStatus::Sent);
    QTRY_COMPARE(peer.received, hex("02") + "go");
}

void TestClientEngineFraming::fixedSizeMismatchGoesOutWithAWarning()
{
    PlainPeer peer;
    QVERIFY(peer.listen());
    ClientEngine engine;
    engine.setConfig(configFor(peer.port(), QStringLiteral("fixed:4"), Terminator::Lf));
    QSignalSpy events(&engine, &ClientEngine::eventOccurred);
    QVERIFY(connectEngine(engine, peer));
    const SendResult result = engine.send(hex("010203"));
    QCOMPARE(result.status, SendStatus::Sent);
    QTRY_COMPARE(peer.received, hex("010203"));
    QList<ClientEvent> warnings;
    for (const ClientEvent& event : eventsOf(events, ClientEvent::Kind::Notice)) {
        if (event.notice == ClientNotice::FixedSizeDiffers)
            warnings.append(event);
    }
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.first().count, 3);
    QCOMPARE(warnings.first().limit, 4);
    QCOMPARE(warnings.first().messageId, result.messageIds.first());
}

QTEST_GUILESS_MAIN(TestClientEngineFraming)
#include "tst_clientengineframing.moc"
