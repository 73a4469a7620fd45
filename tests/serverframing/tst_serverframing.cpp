// The engine end to end in every framing, over loopback: what a device sends,
// what it gets back byte for byte, what the log and the table keep. Replies
// go out in the peer's framing (terminator, envelope, length header,
// Modbus/TCP's MBAP copying the transaction id, fixed size as is).

#include "EngineHarness.h"

#include <QtTest>

using namespace chorus;
using namespace chorus::testing;

namespace {

QByteArray hex(const char* text)
{
    return QByteArray::fromHex(text);
}

ReplyEntry hexReply(const char* text)
{
    return ReplyEntry{QString::fromLatin1(text), true, 1.0, ReplyFormat::Hex};
}

ReplyEntry textReply(const QString& text)
{
    return ReplyEntry{text, true, 1.0, ReplyFormat::Text};
}

ServerConfig framed(const FrameSpec& spec)
{
    ServerConfig config = loopbackConfig();
    config.framing = spec;
    return config;
}

} // namespace

class tst_ServerFraming : public QObject
{
    Q_OBJECT
private slots:
    void repliesInThePeersFraming_data();
    void repliesInThePeersFraming();
    void receivedBytesKeptExactly();
    void crPeerGetsOneReplyPerCommand_data();
    void crPeerGetsOneReplyPerCommand();
    void modbusReplyCopiesTransactionId();
    void fixedSizeReplyOfAnotherSizeIsSentAndWarned();
    void framingColumnShowsEachConnectionsFraming();
};

void tst_ServerFraming::repliesInThePeersFraming_data()
{
    QTest::addColumn<FrameSpec>("spec");
    QTest::addColumn<ReplyEntry>("reply");
    QTest::addColumn<QByteArray>("sent");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray binary = hex("0102FFFE00"); // not UTF-8, a NUL, no 03
    QTest::newRow("delimiter 03, hex reply")
        << FrameSpec::delimited(hex("03")) << hexReply("06 15 FF 00") << binary + hex("03")
        << hex("0615FF0003");
    QTest::newRow("delimiter 03, echo")
        << FrameSpec::delimited(hex("03")) << textReply(QStringLiteral("{echo}"))
        << binary + hex("03") << binary + hex("03");
    QTest::newRow("delimiter 0D0A")
        << FrameSpec::delimited(hex("0D0A")) << textReply(QStringLiteral("OK"))
        << QByteArray("AT\r\n") << QByteArray("OK\r\n");
    QTest::newRow("STX..ETX envelope")
        << FrameSpec::delimited(hex("03"), hex("02")) << textReply(QStringLiteral("<{echo}>"))
        << hex("0241424303") << hex("023C4142433E03");
    // u16be carries any byte, 03 included.
    QTest::newRow("u16be echo") << FrameSpec::preset(LengthPreset::U16Be)
                                << textReply(QStringLiteral("{echo}")) << hex("00060102 03FFFE00")
                                << hex("00060102 03FFFE00");
    QTest::newRow("u16be hex") << FrameSpec::preset(LengthPreset::U16Be) << hexReply("06")
                               << hex("0002 6869") << hex("0001 06");
    QTest::newRow("u32be") << FrameSpec::preset(LengthPreset::U32Be)
                           << textReply(QStringLiteral("ok\\x00")) << hex("00000001 41")
                           << hex("00000003 6F6B00");
    QTest::newRow("raw") << FrameSpec(Framing::Raw) << hexReply("AA") << hex("0102") << hex("AA");
    QTest::newRow("line, escapes in the reply")
        << FrameSpec(Framing::Line) << textReply(QStringLiteral("a\\tb\\x01")) << QByteArray("q\n")
        << QByteArray("a\tb\x01\n");
}

void tst_ServerFraming::repliesInThePeersFraming()
{
    QFETCH(FrameSpec, spec);
    QFETCH(ReplyEntry, reply);
    QFETCH(QByteArray, sent);
    QFETCH(QByteArray, expected);
    EngineHarness harness(framed(spec));
    harness.book->setEntries({reply});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write(sent);
    QTRY_COMPARE(client.received.size(), expected.size());
    QCOMPARE(client.received, expected);
    // And again on the same connection: one reply per message, nothing more.
    client.socket.write(sent);
    QTRY_COMPARE(client.received.size(), 2 * expected.size());
    QCOMPARE(client.received, expected + expected);
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.rows.value(id).traffic.messagesOut, quint64(2));
    QCOMPARE(harness.rows.value(id).errors, quint64(0));
}

void tst_ServerFraming::receivedBytesKeptExactly()
{
    // The table's last message and the log hold the bytes, not a lossy decode.
    EngineHarness harness(framed(FrameSpec::delimited(hex("03"))));
    harness.book->setEntries({hexReply("06")});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    const QByteArray message = hex("0102FFFE00");
    client.socket.write(message + hex("03"));
    QTRY_COMPARE(client.received, hex("0603"));
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.rows.value(id).lastMessage, message);
    QCOMPARE(harness.rows.value(id).lastMessageSize, message.size());
    QTRY_COMPARE(harness.entriesOf(id, LogKind::Received).size(), 1);
    const LogEntry received = harness.entriesOf(id, LogKind::Received).first();
    QCOMPARE(received.payload, message);
    QCOMPARE(received.payloadSize, message.size());
    QCOMPARE(received.format(ByteView::Hex).section(QStringLiteral(": "), -1),
             QStringLiteral("01 02 FF FE 00"));
    QTRY_COMPARE(harness.entriesOf(id, LogKind::Sent).size(), 1);
    QCOMPARE(harness.entriesOf(id, LogKind::Sent).first().payload, hex("06"));
}

void tst_ServerFraming::crPeerGetsOneReplyPerCommand_data()
{
    QTest::addColumn<Framing>("framing");
    QTest::newRow("cr") << Framing::Cr;
    QTest::newRow("auto") << Framing::Auto; // a CR before another byte (or silence) ends one
}

void tst_ServerFraming::crPeerGetsOneReplyPerCommand()
{
    QFETCH(Framing, framing);
    EngineHarness harness(framed(framing));
    harness.book->setEntries({textReply(QStringLiteral("{echo}!"))});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write("A\rB\rC\r");
    // Three replies, each ending with CR as the peer's commands did.
    QTRY_COMPARE(client.received, QByteArray("A!\rB!\rC!\r"));
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.rows.value(id).traffic.messagesIn, quint64(3));
    QCOMPARE(harness.rows.value(id).detectedFraming, QStringLiteral("CR"));
    // A CR LF split across two reads is still one terminator (no empty message).
    client.socket.write("D\r");
    QTRY_COMPARE(client.received, QByteArray("A!\rB!\rC!\rD!\r"));
    client.socket.write("\nE\r\n");
    QTRY_COMPARE(client.received.size(), 16);
    QCOMPARE(client.received.right(4), QByteArray("E!\r\n"));
    QTRY_COMPARE(harness.rows.value(id).traffic.messagesIn, quint64(5));
}

void tst_ServerFraming::modbusReplyCopiesTransactionId()
{
    // Read holding registers: transaction 0x1234, unit 1, function 3, 10 registers at 0.
    EngineHarness harness(framed(FrameSpec::preset(LengthPreset::ModbusTcp)));
    harness.book->setEntries({hexReply("01 03 02 00 2A")}); // unit id + PDU
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write(hex("1234 0000 0006 01 03 0000 000A"));
    QTRY_COMPARE(client.received, hex("1234 0000 0005 01 03 02 002A"));
    // The next request's own transaction id, not the first one's.
    client.socket.write(hex("0001 0000 0006 01 03 0000 000A"));
    QTRY_COMPARE(client.received.size(), 22);
    QCOMPARE(client.received.right(11), hex("0001 0000 0005 01 03 02 002A"));
    const quint64 id = harness.waitForId(client.socket);
    // The message is the whole ADU.
    QTRY_COMPARE(harness.rows.value(id).lastMessage, hex("0001 0000 0006 01 03 0000 000A"));
}

void tst_ServerFraming::fixedSizeReplyOfAnotherSizeIsSentAndWarned()
{
    EngineHarness harness(framed(FrameSpec::fixed(4)));
    harness.book->setEntries({hexReply("AA BB")});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write(hex("0102030405060708")); // two frames
    QTRY_COMPARE(client.received, hex("AABBAABB"));
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.errorsLogged(ConnectionError::ReplySizeMismatch, id), 2);
    QCOMPARE(harness.rows.value(id).errors, quint64(0)); // a warning, not the peer's fault
    QCOMPARE(harness.rows.value(id).traffic.messagesIn, quint64(2));
}

void tst_ServerFraming::framingColumnShowsEachConnectionsFraming()
{
    EngineHarness harness(framed(Framing::Auto));
    harness.book->setEntries({textReply(QStringLiteral("ok"))});
    const quint16 port = harness.start();
    TestClient device;
    TestClient line;
    QVERIFY(device.connectTo(port));
    QVERIFY(line.connectTo(port));
    const quint64 deviceId = harness.waitForId(device.socket);
    const quint64 lineId = harness.waitForId(line.socket);
    // A text framing shows its name until the peer ends a message, then what it ended with.
    QCOMPARE(harness.rows.value(lineId).detectedFraming, QStringLiteral("auto"));
    line.socket.write("hi\r\n");
    QTRY_COMPARE(harness.rows.value(lineId).detectedFraming, QStringLiteral("CRLF"));

    // One connection changes framing (the table's Framing…); the other keeps its own.
    harness.engine.setConnectionFraming({deviceId}, FrameSpec::preset(LengthPreset::U16Be));
    QTRY_COMPARE(harness.rows.value(deviceId).framing, FrameSpec::preset(LengthPreset::U16Be));
    QCOMPARE(harness.rows.value(deviceId).detectedFraming, QStringLiteral("u16 BE"));
    QTRY_COMPARE(harness.entriesOf(deviceId, LogKind::Notice).size(), 1); // "framing changed …"
    QCOMPARE(harness.rows.value(lineId).framing, FrameSpec(Framing::Auto));
    device.socket.write(hex("0003 0A0D03"));
    QTRY_COMPARE(device.received, hex("0002 6F6B"));
    line.socket.write("again\r\n");
    QTRY_COMPARE(line.received, QByteArray("ok\r\nok\r\n"));
}

QTEST_MAIN(tst_ServerFraming)
#include "tst_serverframing.moc"
