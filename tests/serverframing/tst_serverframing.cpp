// The engine end to end in every framing, over loopback: what a device sends,
// what it gets back byte for byte, what the log and the table keep. Replies
// go out in the peer's framing (terminator, envelope, length header,
// Modbus/TCP's MBAP copying the transaction id, fixed size as is).

#include "EngineHarness.h"
#include "server/ConnectionLedger.h"

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
    void autoRepliesMirrorEachMessagesTerminator();
    void modbusReplyCopiesTransactionId();
    void fixedSizeReplyOfAnotherSizeIsSentAndWarned();
    void framingColumnShowsEachConnectionsFraming();
    void overLongFrameDiscardedThenGoodOneAnswered_data();
    void overLongFrameDiscardedThenGoodOneAnswered();
    void badLengthLoggedAndConnectionGoesOn();
    void bytesOutsideEnvelopeLogged();
    void incompleteFrameAtEndOfStreamLogged();
    void replyTooLongForItsFieldNotSent();
    void unsolicitedBytesInEachPeersFraming();
    void chorusPeersGetOnlyUtf8();
    void problemLinesBudgetedButAllCounted();
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

void tst_ServerFraming::autoRepliesMirrorEachMessagesTerminator()
{
    // docs/PROTOCOL.md, Auto: one read "A" CR | "B" CR LF | "C" CR NUL | "D",
    // then silence. Each reply ends like the message it answers (CR NUL is
    // answered with CR LF), not like the last message of the read.
    EngineHarness harness(framed(Framing::Auto));
    harness.book->setEntries({textReply(QStringLiteral("{echo}!"))});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write(hex("410D 420D0A 430D00 44"));
    QTRY_COMPARE(client.received, hex("41210D 42210D0A 43210D0A 4421"));
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

void tst_ServerFraming::overLongFrameDiscardedThenGoodOneAnswered_data()
{
    QTest::addColumn<FrameSpec>("spec");
    QTest::addColumn<QByteArray>("tooLong");
    QTest::addColumn<QByteArray>("good");
    QTest::addColumn<QByteArray>("reply");     // to the good one
    QTest::addColumn<QByteArray>("errorLine"); // what the peer is told about the long one
    QTest::addColumn<qsizetype>("dropped");
    const QByteArray twenty(20, 'x');
    QTest::newRow("u16be") << FrameSpec::preset(LengthPreset::U16Be) << hex("0014") + twenty
                           << hex("0002 6869") << hex("0002 6F6B") << QByteArray() << qsizetype(22);
    QTest::newRow("delimiter 03") << FrameSpec::delimited(hex("03")) << twenty + hex("03")
                                  << QByteArray("hi\x03") << QByteArray("ok\x03") << QByteArray()
                                  << qsizetype(20);
    // Only a text framing's peer can read the error line; it gets it in its own terminator.
    QTest::newRow("cr") << FrameSpec(Framing::Cr) << twenty + "\r" << QByteArray("hi\r")
                        << QByteArray("ok\r")
                        << QByteArray("error: message longer than 16 bytes discarded\r")
                        << qsizetype(20);
}

void tst_ServerFraming::overLongFrameDiscardedThenGoodOneAnswered()
{
    QFETCH(FrameSpec, spec);
    QFETCH(QByteArray, tooLong);
    QFETCH(QByteArray, good);
    QFETCH(QByteArray, reply);
    QFETCH(QByteArray, errorLine);
    QFETCH(qsizetype, dropped);
    ServerConfig config = framed(spec);
    config.limits.maxMessageBytes = 16;
    EngineHarness harness(config);
    harness.book->setEntries({textReply(QStringLiteral("ok"))});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write(tooLong + good);
    QTRY_COMPARE(client.received, errorLine + reply);
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.errorsLogged(ConnectionError::MessageTooLong, id), 1);
    QTRY_COMPARE(harness.rows.value(id).errors, quint64(1));
    QCOMPARE(harness.rows.value(id).traffic.messagesIn, quint64(1)); // the good one only
    QVERIFY(harness.logContains(QString::number(dropped)));          // how many bytes went
}

void tst_ServerFraming::badLengthLoggedAndConnectionGoesOn()
{
    // A 1-byte length field with adjust -5: a value under 5 is a frame shorter
    // than its own header. Netty's rule, documented: the header is skipped,
    // the connection stays and decoding goes on.
    LengthFieldSpec length;
    length.size = 1;
    length.adjust = -5;
    length.strip = 1;
    EngineHarness harness(framed(FrameSpec::lengthField(length)));
    harness.book->setEntries({textReply(QStringLiteral("{echo}"))});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write(hex("02 07 6869")); // 02: bad; 07: 1 + 7 - 5 = a 3-byte frame, "hi"
    QTRY_COMPARE(client.received, hex("07 6869"));
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.errorsLogged(ConnectionError::BadLength, id), 1);
    for (const LogEntry& entry : harness.entriesOf(id, LogKind::Error)) {
        if (entry.errorAs<ConnectionError>() == ConnectionError::BadLength) {
            QCOMPARE(entry.payload, hex("02")); // the header, in every view
            QVERIFY(entry.text.contains(QStringLiteral("02")));
        }
    }
    QTRY_COMPARE(harness.rows.value(id).errors, quint64(1));
    QCOMPARE(harness.rows.value(id).state, ConnectionState::Connected);
}

void tst_ServerFraming::bytesOutsideEnvelopeLogged()
{
    EngineHarness harness(framed(FrameSpec::delimited(hex("03"), hex("02"))));
    harness.book->setEntries({hexReply("06")});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write(hex("FFEE 024103"));
    QTRY_COMPARE(client.received, hex("020603"));
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.errorsLogged(ConnectionError::OutsideEnvelope, id), 1);
    for (const LogEntry& entry : harness.entriesOf(id, LogKind::Error))
        QCOMPARE(entry.payload, hex("FFEE")); // reported, not silently dropped
    QTRY_COMPARE(harness.rows.value(id).errors, quint64(1));
}

void tst_ServerFraming::incompleteFrameAtEndOfStreamLogged()
{
    EngineHarness harness(framed(FrameSpec::preset(LengthPreset::U16Be)));
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    const quint64 id = harness.waitForId(client.socket);
    client.socket.write(hex("0010 010203")); // 16 announced, 3 sent
    client.socket.flush();
    client.socket.disconnectFromHost();
    QTRY_VERIFY(harness.removed.contains(id));
    QTRY_COMPARE(harness.errorsLogged(ConnectionError::IncompleteFrame, id), 1);
    for (const LogEntry& entry : harness.entriesOf(id, LogKind::Error))
        QCOMPARE(entry.payload, hex("0010 010203"));
    QCOMPARE(harness.rows.value(id).traffic.messagesIn, quint64(0));
}

void tst_ServerFraming::replyTooLongForItsFieldNotSent()
{
    LengthFieldSpec length;
    length.size = 1;
    length.strip = 1;
    EngineHarness harness(framed(FrameSpec::lengthField(length)));
    harness.book->setEntries(
        {textReply(QString(300, QLatin1Char('r')))}); // a 1-byte field says 255
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write(hex("01 41"));
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.errorsLogged(ConnectionError::ReplyNotFramed, id), 1);
    QTRY_COMPARE(harness.rows.value(id).errors, quint64(1));
    QCOMPARE(harness.rows.value(id).traffic.messagesOut, quint64(0));
    QVERIFY(client.received.isEmpty());
}

void tst_ServerFraming::unsolicitedBytesInEachPeersFraming()
{
    EngineHarness harness(framed(Framing::Auto));
    const quint16 port = harness.start();
    TestClient lf, cr, device;
    QVERIFY(lf.connectTo(port));
    QVERIFY(cr.connectTo(port));
    QVERIFY(device.connectTo(port));
    const quint64 deviceId = harness.waitForId(device.socket);
    harness.engine.setConnectionFraming({deviceId}, FrameSpec::preset(LengthPreset::U16Be));
    QTRY_COMPARE(harness.rows.value(deviceId).framing, FrameSpec::preset(LengthPreset::U16Be));
    harness.book->setEntries({});
    lf.socket.write("a\n");
    cr.socket.write("b\rc");
    const quint64 crId = harness.waitForId(cr.socket);
    QTRY_COMPARE(harness.rows.value(crId).traffic.messagesIn, quint64(2));

    const QByteArray bytes = hex("01 00 FF 0A");
    harness.engine.broadcast({}, bytes);
    QTRY_COMPARE(lf.received, bytes + "\n");
    QTRY_COMPARE(device.received, hex("0004") + bytes);
    // The CR peer's last message ended by the idle gap: no terminator, like its own.
    QTRY_COMPARE(cr.received, bytes);
    harness.engine.sendDirect({deviceId}, hex("06"));
    QTRY_COMPARE(device.received, hex("0004") + bytes + hex("0001 06"));
    QCOMPARE(lf.received, bytes + "\n");
}

void tst_ServerFraming::chorusPeersGetOnlyUtf8()
{
    EngineHarness harness;
    harness.book->setEntries({hexReply("FF 00")});
    const quint16 port = harness.start();
    TestClient chorus;
    QVERIFY(chorus.connectTo(port));
    chorus.socket.write(R"({"type":"hello","proto":1,"name":"rig"})"
                        "\n");
    QTRY_COMPARE(chorus.lines().size(), 1); // welcome
    const quint64 id = harness.waitForId(chorus.socket);
    QTRY_COMPARE(harness.rows.value(id).protocol, PeerProtocol::Chorus);
    QCOMPARE(harness.rows.value(id).detectedFraming, QStringLiteral("LF"));
    // JSON text cannot carry FF: the reply is not sent, and the log says why.
    chorus.socket.write(R"({"type":"msg","seq":1,"text":"q"})"
                        "\n");
    QTRY_COMPARE(harness.errorsLogged(ConnectionError::NotUtf8ForChorus, id), 1);
    harness.engine.broadcast({}, hex("FE"));
    QTRY_COMPARE(harness.errorsLogged(ConnectionError::NotUtf8ForChorus, id), 2);
    harness.engine.broadcast({}, QStringLiteral("안녕\t!").toUtf8());
    QTRY_COMPARE(chorus.lines().size(), 2);
    QCOMPARE(chorus.lines().at(1), QByteArray(R"({"type":"broadcast","from":0,"text":"안녕\t!"})"));
    // The framing of a Chorus peer stays LF lines.
    harness.engine.setConnectionFraming({id}, FrameSpec::preset(LengthPreset::U16Be));
    QTRY_COMPARE(harness.entriesOf(id, LogKind::Notice).size(), 1);
    QCOMPARE(harness.rows.value(id).framing, FrameSpec(Framing::Line));
}

void tst_ServerFraming::problemLinesBudgetedButAllCounted()
{
    // 300 bad headers in one go: every one counted, the log holds a bounded number.
    LengthFieldSpec length;
    length.size = 1;
    length.adjust = -5;
    EngineHarness harness(framed(FrameSpec::lengthField(length)));
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write(QByteArray(300, '\x01'));
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.rows.value(id).errors, quint64(300));
    QTRY_VERIFY(harness.logContains(QStringLiteral("not logged")));
    // At most a batch's budget per batch (the 300 bytes may take two reads).
    QVERIFY(harness.errorsLogged(ConnectionError::BadLength, id) <=
            2 * ConnectionLedger::kProblemLogsPerBatch);
    QVERIFY(harness.errorsLogged(ConnectionError::BadLength, id) < 300);
}

QTEST_MAIN(tst_ServerFraming)
#include "tst_serverframing.moc"
