// One connection's framing as a peer sees it: Auto framing idle gaps,
// terminator mirroring, lines split across writes, UTF-8 split across writes.

#include "EngineHarness.h"

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
    QCOMPARE(harness.rows.value(id).lastMessage, QStringLiteral("hello"));
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
    QTRY_COMPARE(harness.rows.value(id).lastMessage, QStringLiteral("론"));
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
    QTRY_COMPARE(harness.rows.value(id).messagesOut, quint64(1));
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

QTEST_GUILESS_MAIN(tst_Connection)
#include "tst_connection.moc"
