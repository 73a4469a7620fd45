// Connection's bounded pass (ConnectionPass.cpp): a greedy peer pipelining
// tiny lines cannot starve the other peers of its I/O thread; replies of a
// pass leave together and none is lost; input over a rate limit waits unread
// and is handled later, never dropped.

#include "EngineHarness.h"

#include <QElapsedTimer>
#include <QtTest>

#include <memory>
#include <vector>

using namespace chorus;
using namespace chorus::testing;

class tst_ConnectionPass : public QObject
{
    Q_OBJECT
private slots:
    void greedyPeerDoesNotStarveOthers();
    void pipelinedBurstAnsweredInOrder();
    void rateLimitHoldsAndReleases_data();
    void rateLimitHoldsAndReleases();
};

namespace {

// Pipelines "g\n" as fast as the socket takes it (keeping about 256 KiB in
// flight) and counts the replies it reads.
class GreedyPeer
{
public:
    explicit GreedyPeer(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                         [this] { replies += socket.readAll().count('\n'); });
        QObject::connect(&socket, &QTcpSocket::bytesWritten, &socket, [this] { feed(); });
        socket.connectToHost(QHostAddress::LocalHost, port);
        QObject::connect(&socket, &QTcpSocket::connected, &socket, [this] { feed(); });
    }
    void feed()
    {
        static const QByteArray block = QByteArray("g\n").repeated(32 * 1024);
        while (socket.bytesToWrite() < 4 * block.size())
            socket.write(block);
    }
    QTcpSocket socket;
    qint64 replies = 0;
};

// Closed loop: one line, wait for its reply, the next line.
class NormalPeer
{
public:
    explicit NormalPeer(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] {
            const qint64 lines = socket.readAll().count('\n');
            replies += lines;
            if (lines > 0)
                socket.write("n\n");
        });
        QObject::connect(&socket, &QTcpSocket::connected, &socket, [this] { socket.write("n\n"); });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }
    QTcpSocket socket;
    qint64 replies = 0;
};

} // namespace

void tst_ConnectionPass::greedyPeerDoesNotStarveOthers()
{
    // One read pass once answered up to 256 KiB of a greedy peer's 2-byte lines
    // (~130,000 replies) before any other peer of the thread had a turn: the
    // others' round trips grew to half a second and more.
    ServerConfig config = loopbackConfig();
    config.ioThreads = 1;
    config.logMessages = false;
    EngineHarness harness(config);
    harness.book->setEntries({ReplyEntry{QStringLiteral("ok")}});
    const quint16 port = harness.start();
    QVERIFY(port != 0);

    GreedyPeer greedy(port);
    QTRY_VERIFY_WITH_TIMEOUT(greedy.replies > 100000, 20000);

    std::vector<std::unique_ptr<NormalPeer>> normal;
    for (int i = 0; i < 20; ++i)
        normal.push_back(std::make_unique<NormalPeer>(port));
    const qint64 greedyBefore = greedy.replies;
    // 100 round trips each within 10 s: 100 ms a round trip at worst, a
    // bound unfair passes (hundreds of ms each) cannot meet.
    const auto allFlowing = [&] {
        for (const auto& peer : normal) {
            if (peer->replies < 100)
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allFlowing(), 10000);
    // And the greedy peer was served all along, not shut out.
    QVERIFY(greedy.replies > greedyBefore + 10000);
    QCOMPARE(greedy.socket.state(), QAbstractSocket::ConnectedState);
}

void tst_ConnectionPass::pipelinedBurstAnsweredInOrder()
{
    // 5,000 lines in one write: answered over many passes, each pass's replies
    // in one write, every one of them once and in order.
    EngineHarness harness;
    harness.book->setEntries({ReplyEntry{QStringLiteral("{echo}")}});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    QByteArray burst;
    QList<QByteArray> expected;
    for (int i = 0; i < 5000; ++i) {
        expected << QByteArray::number(i);
        burst += QByteArray::number(i) + '\n';
    }
    client.socket.write(burst);
    QTRY_COMPARE_WITH_TIMEOUT(client.lines().size(), expected.size(), 20000);
    QCOMPARE(client.lines(), expected);
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE(harness.rows.value(id).traffic.messagesIn, quint64(5000));
}

void tst_ConnectionPass::rateLimitHoldsAndReleases_data()
{
    QTest::addColumn<double>("messagesPerSecond");
    QTest::addColumn<double>("bytesPerSecond");
    // 40 lines of 10 bytes (9 + LF) each: 400 bytes.
    QTest::newRow("20 messages/s") << 20.0 << 0.0;
    QTest::newRow("200 bytes/s") << 0.0 << 200.0;
}

void tst_ConnectionPass::rateLimitHoldsAndReleases()
{
    QFETCH(double, messagesPerSecond);
    QFETCH(double, bytesPerSecond);
    ServerConfig config = loopbackConfig();
    config.limits.rateLimit.messagesPerSecond = messagesPerSecond;
    config.limits.rateLimit.bytesPerSecond = bytesPerSecond;
    config.limits.rateLimit.burst = std::chrono::milliseconds(250); // 5 messages / 50 bytes
    EngineHarness harness(config);
    harness.book->setEntries({ReplyEntry{QStringLiteral("{echo}")}});
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    QList<QByteArray> expected;
    QByteArray burst;
    for (int i = 0; i < 40; ++i) {
        expected << QByteArray("line ") + QByteArray::number(1000 + i);
        burst += expected.last() + '\n';
    }
    QElapsedTimer clock;
    clock.start();
    client.socket.write(burst);
    const quint64 id = harness.waitForId(client.socket);
    // Holds: the row says the peer is limited while replies trickle in.
    QTRY_VERIFY_WITH_TIMEOUT(harness.rows.value(id).rateLimited, 5000);
    QTRY_VERIFY(client.lines().size() >= 5);
    QVERIFY(client.lines().size() < expected.size());
    // Releases: every line is answered, none dropped, in order, and the mark goes.
    QTRY_COMPARE_WITH_TIMEOUT(client.lines().size(), expected.size(), 15000);
    QCOMPARE(client.lines(), expected);
    // 40 messages at 20/s (or 400 bytes at 200/s) with a burst of a quarter
    // second cannot take less than 1.75 s.
    QVERIFY2(clock.elapsed() >= 1700, qPrintable(QString::number(clock.elapsed())));
    QTRY_VERIFY(!harness.rows.value(id).rateLimited);
    QCOMPARE(harness.rows.value(id).traffic.messagesIn, quint64(40));
}

QTEST_GUILESS_MAIN(tst_ConnectionPass)
#include "tst_connectionpass.moc"
