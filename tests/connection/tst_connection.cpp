// One connection as a peer sees it: Auto framing idle gaps, terminator
// mirroring, lines split across writes, UTF-8 split across writes; a hello
// honoured whenever the connection is in text mode; Chorus control traffic
// kept apart from user messages.

#include "EngineHarness.h"
#include "wire/ChorusProtocol.h"

#include <QTimer>
#include <QtTest>

#include <sys/socket.h>

using namespace chorus;
using namespace chorus::testing;

class tst_Connection : public QObject
{
    Q_OBJECT
private slots:
    void unterminatedMessageAnsweredAfterIdleGap();
    void crlfPeerAnsweredWithCrlf();
    void lineSentAsTwoWritesStaysOneMessage();
    void koreanSplitInsideCharacterAcrossWrites();
    void koreanSplitAcrossIdleGap();
    void rawFramingAnswersEachChunk();
    void emptyLineGetsNoReply();
    void halfClosedPeerGetsQueuedReplyBeforeClose();
    void endOfStreamEndsUnterminatedMessage();
    void helloHonouredWheneverInTextMode_data();
    void helloHonouredWheneverInTextMode();
    void controlMessagesAreNotUserMessages();
    void messageAtLimitThenLoneCrIsNotOverLimit();
    void byteOrderMarkKept_data();
    void byteOrderMarkKept();
};

namespace {
// Writes `later` after `delay`, from the event loop (no sleeping).
void writeLater(QTcpSocket& socket, const QByteArray& later, std::chrono::milliseconds delay)
{
    QTimer::singleShot(delay, &socket, [&socket, later] {
        socket.write(later);
        socket.flush();
    });
}
QList<ChorusMessage> chorusLines(const TestClient& client)
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

void tst_Connection::unterminatedMessageAnsweredAfterIdleGap()
{
    EngineHarness harness;
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write("hello");
    QTRY_VERIFY(!client.received.isEmpty());
    // Exactly one factory reply, with no terminator, like the reference server.
    QTRY_VERIFY(factoryTexts().contains(QString::fromUtf8(client.received)));
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.rows.value(id).detectedFraming, QStringLiteral("idle gap"));
    QCOMPARE(harness.rows.value(id).lastMessage, QByteArray("hello"));
}

void tst_Connection::crlfPeerAnsweredWithCrlf()
{
    EngineHarness harness;
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write("one\r\ntwo\r\n");
    QTRY_COMPARE(client.lines().size(), 2);
    for (const QByteArray& line : client.lines()) {
        QVERIFY(line.endsWith('\r'));
        QVERIFY(factoryTexts().contains(QString::fromUtf8(line.chopped(1))));
    }
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.rows.value(id).detectedFraming, QStringLiteral("CRLF"));
}

void tst_Connection::lineSentAsTwoWritesStaysOneMessage()
{
    EngineHarness harness;
    harness.book->setEntries({ReplyEntry{QStringLiteral("[{echo}]")}});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write("first\n");
    QTRY_COMPARE(client.lines().size(), 1);
    // What telnet does when Nagle holds the rest of a line: two writes 40 ms
    // apart, longer than the 30 ms idle gap. A peer that sends lines gets the
    // longer gap, so the halves are one message.
    client.socket.write("hel");
    client.socket.flush();
    writeLater(client.socket, "lo world\n", std::chrono::milliseconds(40));
    QTRY_COMPARE(client.lines().size(), 2);
    QCOMPARE(client.lines().at(1), QByteArray("[hello world]"));
    QTRY_COMPARE(harness.counters.messagesIn, quint64(2));
}

void tst_Connection::koreanSplitInsideCharacterAcrossWrites()
{
    EngineHarness harness;
    harness.book->setEntries({ReplyEntry{QStringLiteral("{echo}")}});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    const QByteArray hello = QStringLiteral("안녕하세요").toUtf8();
    client.socket.write(hello.left(4)); // "안" and the first byte of "녕"
    client.socket.flush();
    writeLater(client.socket, hello.mid(4) + '\n', std::chrono::milliseconds(10));
    QTRY_COMPARE(client.received, hello + '\n');
}

void tst_Connection::koreanSplitAcrossIdleGap()
{
    // No terminator at all and the rest of a character arrives after the idle
    // gap: the complete characters go out as a message, the incomplete
    // sequence is held back for the next one, never turned into U+FFFD.
    // A 150 ms gap and the rest after 200 ms: past one gap, well before the
    // second (forced) one, with margin for a loaded machine.
    ServerConfig config = loopbackConfig();
    config.limits.idleGap = std::chrono::milliseconds(150);
    EngineHarness harness(config);
    harness.book->setEntries({ReplyEntry{QStringLiteral("<{echo}>")}});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    const QByteArray drone = QStringLiteral("드론").toUtf8();
    client.socket.write(drone.left(4)); // "드" and the first byte of "론"
    client.socket.flush();
    writeLater(client.socket, drone.mid(4), std::chrono::milliseconds(200));
    QTRY_COMPARE(client.received, QStringLiteral("<드><론>").toUtf8());
    QTRY_COMPARE(harness.counters.messagesIn, quint64(2));
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.rows.value(id).lastMessage, QStringLiteral("론").toUtf8());
}

void tst_Connection::rawFramingAnswersEachChunk()
{
    ServerConfig config = loopbackConfig();
    config.framing = Framing::Raw;
    EngineHarness harness(config);
    harness.book->setEntries({ReplyEntry{QStringLiteral("<{echo}>")}});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write("a\nb");
    QTRY_COMPARE(client.received, QByteArray("<a\nb>"));
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.rows.value(id).detectedFraming, QStringLiteral("raw"));
}

void tst_Connection::emptyLineGetsNoReply()
{
    EngineHarness harness;
    harness.book->setEntries({ReplyEntry{QStringLiteral("<{echo}>")}});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write("\n\nx\n");
    QTRY_COMPARE(client.received, QByteArray("<x>\n"));
    QTRY_COMPARE(harness.counters.messagesIn, quint64(3));
    QCOMPARE(harness.counters.messagesOut, quint64(1));
    QCOMPARE(harness.counters.unanswered, quint64(0));
}

// `printf 'question\n' | nc host port`: the peer shuts down its sending side
// right after its request. A reply larger than the kernel takes at once is
// queued, and must still arrive whole before the server closes.
void tst_Connection::halfClosedPeerGetsQueuedReplyBeforeClose()
{
    EngineHarness harness;
    const qsizetype replyBytes = 8 * 1024 * 1024;
    harness.book->setEntries({ReplyEntry{QString(replyBytes, QLatin1Char('r'))}});
    const quint16 port = harness.start();
    TestClient client;
    // Not reading at first, so the kernel buffers fill and the server must queue the rest.
    client.socket.setReadBufferSize(1);
    QObject::disconnect(&client.socket, &QTcpSocket::readyRead, nullptr, nullptr);
    QVERIFY(client.connectTo(port));
    const quint64 id = harness.waitForId(client.socket);
    client.socket.write("question\n");
    QVERIFY(client.socket.flush());
    QCOMPARE(::shutdown(int(client.socket.socketDescriptor()), SHUT_WR), 0);
    QTRY_COMPARE(harness.rows.value(id).traffic.messagesOut, quint64(1));
    QVERIFY(!harness.removed.contains(id)); // still flushing, not dropped
    QObject::connect(&client.socket, &QTcpSocket::readyRead, &client.socket,
                     [&client] { client.received += client.socket.readAll(); });
    client.socket.setReadBufferSize(0);
    client.received += client.socket.readAll();
    QTRY_COMPARE_WITH_TIMEOUT(client.received.size(), replyBytes + 1, 10000);
    QVERIFY(client.received.endsWith("r\n"));
    QTRY_VERIFY_WITH_TIMEOUT(harness.removed.contains(id), 5000);
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(harness.counters.messagesOut, quint64(1));
    QVERIFY(harness.logContains(connectionErrorName(ConnectionError::RemoteClosed)));
}

// `printf 'question' | nc host port`: no terminator, then the end of the
// stream. The end ends the message: it is answered (no terminator, like the
// peer) before the server closes.
void tst_Connection::endOfStreamEndsUnterminatedMessage()
{
    ServerConfig config = loopbackConfig();
    config.limits.idleGap = std::chrono::milliseconds(5000); // only the end can end it
    EngineHarness harness(config);
    harness.book->setEntries({ReplyEntry{QStringLiteral("답:{echo}")}});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    const quint64 id = harness.waitForId(client.socket);
    client.socket.write("question");
    QVERIFY(client.socket.flush());
    QCOMPARE(::shutdown(int(client.socket.socketDescriptor()), SHUT_WR), 0);
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QStringLiteral("답:question").toUtf8(), 3000);
    QTRY_VERIFY_WITH_TIMEOUT(harness.removed.contains(id), 5000);
    QCOMPARE(harness.counters.messagesIn, quint64(1));
    QCOMPARE(harness.counters.messagesOut, quint64(1));
}

void tst_Connection::helloHonouredWheneverInTextMode_data()
{
    // What comes before the hello; the server's answer to it is one line each.
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<int>("answers");
    QTest::newRow("nothing") << QByteArray() << 0;
    QTest::newRow("plain lines") << QByteArray("hello there\nsecond\n") << 2;
    QTest::newRow("unsupported version")
        << QByteArray(R"({"type":"hello","proto":99,"name":"future"})"
                      "\n")
        << 1;
    QTest::newRow("malformed hello") << QByteArray(R"({"type":"hello","name":"no proto"})"
                                                   "\n")
                                     << 1;
    QTest::newRow("plain, then a bad hello") << QByteArray("status?\n"
                                                           R"({"type":"hello","proto":"one"})"
                                                           "\n")
                                             << 2;
}

void tst_Connection::helloHonouredWheneverInTextMode()
{
    // A hello was honoured only as the very first message (PROTOCOL.md §2.2 said otherwise).
    QFETCH(QByteArray, before);
    QFETCH(int, answers);
    EngineHarness harness;
    harness.book->setEntries({ReplyEntry{QStringLiteral("re {echo}")}});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write(before);
    QTRY_COMPARE(client.lines().size(), answers);
    client.socket.write(encodeChorusMessage(makeHello(QStringLiteral("late"), QString())));
    QTRY_COMPARE(client.lines().size(), answers + 1);
    const ChorusDecodeResult welcome = decodeChorusLine(client.lines().last());
    QVERIFY(welcome.ok());
    QCOMPARE(welcome.message.type, ChorusMessageType::Welcome);
    const quint64 id = harness.waitForId(client.socket);
    QCOMPARE(welcome.message.id, id);

    client.socket.write(encodeChorusMessage(makeMsg(7, QStringLiteral("now chorus"))));
    QTRY_COMPARE(client.lines().size(), answers + 2);
    QCOMPARE(chorusLines(client).last(), makeReply(7, QStringLiteral("re now chorus")));
    QTRY_COMPARE(harness.rows.value(id).protocol, PeerProtocol::Chorus);
    QCOMPARE(harness.rows.value(id).name, QStringLiteral("late"));
}

void tst_Connection::controlMessagesAreNotUserMessages()
{
    // A hello, pings and a rename once counted as messages: Msgs in, the last
    // message and {count} were off, and the log read `as ""` for a hello without name.
    EngineHarness harness;
    harness.book->setEntries({ReplyEntry{QStringLiteral("{count}:{echo}")}});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write(encodeChorusMessage(makeHello(QString(), QStringLiteral("tst"))));
    QTRY_COMPARE(client.lines().size(), 1);
    const quint64 id = harness.waitForId(client.socket);
    for (int t = 1; t <= 3; ++t)
        client.socket.write(encodeChorusMessage(makePing(t)));
    client.socket.write(encodeChorusMessage(makeName(QStringLiteral("드론"))));
    client.socket.write(encodeChorusMessage(makeError(QStringLiteral("x"), QStringLiteral("y"))));
    client.socket.write(encodeChorusMessage(makeMsg(1, QStringLiteral("status"))));
    QTRY_COMPARE(client.lines().size(), 5); // welcome, three pongs, the reply
    QCOMPARE(chorusLines(client).last(), makeReply(1, QStringLiteral("1:status")));
    QTRY_COMPARE(harness.rows.value(id).name, QStringLiteral("드론"));

    const ConnectionSnapshot row = harness.rows.value(id);
    QCOMPARE(row.traffic.messagesIn, quint64(1));
    QCOMPARE(row.traffic.messagesOut, quint64(1)); // the reply; welcome and pongs are control
    QCOMPARE(row.lastMessage, QByteArray("status"));
    QVERIFY(row.traffic.bytesIn > 6 * 20); // bytes are bytes, control or not
    QTRY_COMPARE(harness.counters.messagesIn, quint64(1));
    QCOMPARE(harness.counters.messagesOut, quint64(1));

    QTRY_COMPARE(harness.entriesOf(id, LogKind::Received).size(), 1);
    QCOMPARE(harness.entriesOf(id, LogKind::Sent).size(), 1);
    // hello, its summary, welcome, 3 pings, 3 pongs, name in and its summary, error in and its
    // line.
    QTRY_COMPARE(harness.entriesOf(id, LogKind::Control).size(), 13);
    for (const LogEntry& entry : harness.entriesOf(id, LogKind::Control))
        QVERIFY2(!entry.text.contains(QStringLiteral("\"\"")), qPrintable(entry.text));

    client.socket.write(encodeChorusMessage(makeBye(QStringLiteral("done"))));
    QTRY_VERIFY(harness.removed.contains(id));
    QCOMPARE(harness.rows.value(id).traffic.messagesIn, quint64(1));
    QCOMPARE(harness.errorsLogged(ConnectionError::RemoteClosed, id), 1);
}

void tst_Connection::messageAtLimitThenLoneCrIsNotOverLimit()
{
    // Fuzzing found 17 bytes echoed at --max-message 16: a message of exactly
    // the limit, then a lone CR.
    ServerConfig config = loopbackConfig();
    config.limits.maxMessageBytes = 16;
    EngineHarness harness(config);
    harness.book->setEntries({ReplyEntry{QStringLiteral("{echo}")}});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write("0123456789abcdef");
    client.socket.flush();
    writeLater(client.socket, "\r", std::chrono::milliseconds(5));
    QTRY_COMPARE(client.received, QByteArray("0123456789abcdef\r"));
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.rows.value(id).lastMessage, QByteArray("0123456789abcdef"));
    QCOMPARE(harness.errorsLogged(ConnectionError::MessageTooLong, id), 0);
}

void tst_Connection::byteOrderMarkKept_data()
{
    QTest::addColumn<bool>("chorus");
    QTest::newRow("text") << false;
    QTest::newRow("chorus") << true;
}

void tst_Connection::byteOrderMarkKept()
{
    // A U+FEFF at the start of a message was dropped on its way back to a
    // Chorus peer (a UTF-8 decoder that strips a leading byte-order mark).
    QFETCH(bool, chorus);
    EngineHarness harness;
    harness.book->setEntries({ReplyEntry{QStringLiteral("{echo}")}});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    const QByteArray bom("\xEF\xBB\xBFhi");
    if (chorus) {
        client.socket.write(encodeChorusMessage(makeHello(QString(), QString())));
        QTRY_COMPARE(client.lines().size(), 1);
        client.socket.write(
            encodeChorusMessage(makeMsg(1, decodeUtf8(bom)))); // not fromUtf8: it drops the mark
        QTRY_COMPARE(client.lines().size(), 2);
        const ChorusDecodeResult reply = decodeChorusLine(client.lines().last());
        QVERIFY(reply.ok());
        QCOMPARE(reply.message.text.toUtf8(), bom);
    } else {
        client.socket.write(bom + '\n');
        QTRY_COMPARE(client.lines().size(), 1);
        QCOMPARE(client.lines().first(), bom);
    }
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.rows.value(id).lastMessage, bom);
}

QTEST_GUILESS_MAIN(tst_Connection)
#include "tst_connection.moc"
