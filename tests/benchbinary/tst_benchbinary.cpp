// The binary framings of the benchmark (issue 9), on 127.0.0.1 only:
// chorus-bench --framing u16be|delim03 against epoll_ref_server speaking the
// same framing, and that server's replies read byte by byte, so a figure in
// docs/BENCHMARKS.md never comes from frames cut in the wrong place.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QtTest>

#include <chrono>

using namespace std::chrono_literals;

namespace {

constexpr auto kServerStartTimeout = 10s;
constexpr auto kBenchTimeout = 60s;
constexpr auto kReplyTimeout = 10s;

// epoll_ref_server's factory replies (kReplies in bench/epoll_ref_server.c).
const QList<QByteArray>& factoryReplies()
{
    static const QList<QByteArray> replies = {
        QByteArray("안녕하세요!"),
        QByteArray("요청을 잘 받았습니다."),
        QByteArray("오늘도 좋은 하루 되세요."),
        QByteArray("서버에서 보낸 랜덤 메시지입니다."),
        QByteArray("데이터 수신 완료!"),
        QByteArray("드론 통신 테스트 중입니다."),
        QByteArray("응답 메시지 전송합니다."),
    };
    return replies;
}

class EpollServer
{
public:
    ~EpollServer()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Starts it on port 0 and returns the port it bound, or 0.
    quint16 start(const QString& framing)
    {
        m_process.start(
            QStringLiteral(CHORUS_EPOLL_SERVER_EXE),
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--framing"), framing});
        if (!m_process.waitForStarted())
            return 0;
        QDeadlineTimer deadline(kServerStartTimeout);
        static const QRegularExpression listening(QStringLiteral("listening on 127.0.0.1:(\\d+)"));
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            m_output += m_process.readAllStandardOutput();
            const auto match = listening.match(QString::fromUtf8(m_output));
            if (match.hasMatch())
                return match.captured(1).toUShort();
            m_process.waitForReadyRead(100);
        }
        return 0;
    }

private:
    QProcess m_process;
    QByteArray m_output;
};

QByteArray u16beFrame(const QByteArray& payload)
{
    QByteArray frame;
    frame += char((payload.size() >> 8) & 0xFF);
    frame += char(payload.size() & 0xFF);
    return frame + payload;
}

// Cuts the replies out of `buffer`; what is left is an incomplete reply.
QList<QByteArray> takeReplies(const QString& framing, QByteArray& buffer)
{
    QList<QByteArray> replies;
    for (;;) {
        if (framing == QLatin1String("u16be")) {
            if (buffer.size() < 2)
                break;
            const int length = (quint8(buffer[0]) << 8) | quint8(buffer[1]);
            if (buffer.size() < 2 + length)
                break;
            replies.append(buffer.mid(2, length));
            buffer.remove(0, 2 + length);
        } else {
            const qsizetype end = buffer.indexOf('\x03');
            if (end < 0)
                break;
            replies.append(buffer.left(end));
            buffer.remove(0, end + 1);
        }
    }
    return replies;
}

// Reads from `socket` until `replies` holds `count` replies or the deadline passed.
void readReplies(QTcpSocket& socket, const QString& framing, QByteArray& buffer,
                 QList<QByteArray>& replies, int count)
{
    QDeadlineTimer deadline(kReplyTimeout);
    while (replies.size() < count && !deadline.hasExpired()) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(200))
            continue;
        buffer += socket.readAll();
        replies += takeReplies(framing, buffer);
    }
}

// Sends `request` on a fresh connection and reads until `expected` replies
// came, or the deadline passed; returns the replies (their payloads).
QList<QByteArray> exchange(quint16 port, const QString& framing, const QByteArray& request,
                           int expected, QByteArray* leftOver)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(request);
    QList<QByteArray> replies;
    QByteArray buffer;
    // waitForReadyRead also writes what the socket did not take yet.
    readReplies(socket, framing, buffer, replies, expected);
    // Nothing more than asked for may follow: one reply per frame, exactly.
    if (socket.waitForReadyRead(100))
        buffer += socket.readAll();
    replies += takeReplies(framing, buffer);
    *leftOver = buffer;
    if (socket.state() != QAbstractSocket::ConnectedState)
        replies.append(QByteArray("<connection closed>"));
    return replies;
}

struct BenchRun
{
    int exitCode = -1;
    QJsonObject result;
    QString output;
};

BenchRun runBench(const QStringList& args)
{
    BenchRun run;
    QProcess bench;
    bench.start(QStringLiteral(CHORUS_BENCH_EXE), args);
    if (!bench.waitForFinished(int(std::chrono::milliseconds(kBenchTimeout).count()))) {
        bench.kill();
        bench.waitForFinished();
        run.output = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = bench.exitCode();
    run.output = QString::fromUtf8(bench.readAllStandardOutput() + bench.readAllStandardError());
    for (const QString& line : run.output.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("RESULT ")))
            run.result = QJsonDocument::fromJson(line.mid(7).toUtf8()).object();
    }
    return run;
}

} // namespace

class TestBenchBinary : public QObject
{
    Q_OBJECT
private slots:
    void benchCountsEveryReply_data();
    void benchCountsEveryReply();
    void serverAnswersEveryFrameInItsFraming_data();
    void serverAnswersEveryFrameInItsFraming();
    void serverJoinsAFrameSplitAcrossReads_data();
    void serverJoinsAFrameSplitAcrossReads();
    void serverDropsAnOverlongDelim03Frame();
    void serverRefusesAnUnknownFraming();
};

void TestBenchBinary::benchCountsEveryReply_data()
{
    QTest::addColumn<QString>("framing");
    QTest::addColumn<int>("payloadSize");
    QTest::addColumn<int>("connections");
    QTest::newRow("u16be 64 B, 1 connection") << "u16be" << 64 << 1;
    QTest::newRow("u16be 1 KiB, 10 connections") << "u16be" << 1024 << 10;
    QTest::newRow("u16be 60 KiB, 2 connections") << "u16be" << 61440 << 2;
    QTest::newRow("delim03 64 B, 10 connections") << "delim03" << 64 << 10;
    QTest::newRow("delim03 4 KiB, 3 connections") << "delim03" << 4096 << 3;
}

void TestBenchBinary::benchCountsEveryReply()
{
    QFETCH(QString, framing);
    QFETCH(int, payloadSize);
    QFETCH(int, connections);
    EpollServer server;
    const quint16 port = server.start(framing);
    QVERIFY(port != 0);
    const BenchRun run =
        runBench({"--port", QString::number(port), "--framing", framing, "--payload-size",
                  QString::number(payloadSize), "--connections", QString::number(connections),
                  "--duration", "20", "--messages", "300", "--json"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    QCOMPARE(run.result.value("framing").toString(), framing);
    QCOMPARE(run.result.value("connected").toInt(), connections);
    QCOMPARE(run.result.value("answered").toInt(), connections);
    // One thread: the cap stops the run at exactly that many replies.
    QCOMPARE(run.result.value("replies").toInt(), 300);
    QCOMPARE(run.result.value("errors").toInt(), 0);
    QCOMPARE(run.result.value("closed_by_server").toInt(), 0);
}

void TestBenchBinary::serverAnswersEveryFrameInItsFraming_data()
{
    QTest::addColumn<QString>("framing");
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("frames");

    QTest::newRow("u16be one frame") << "u16be" << u16beFrame("abc") << 1;
    QTest::newRow("u16be empty frame") << "u16be" << QByteArray::fromHex("0000") << 1;
    // 03, LF and CR inside a length-prefixed frame are payload, nothing else.
    QTest::newRow("u16be binary payload")
        << "u16be" << u16beFrame(QByteArray::fromHex("0102030a0dfffe00")) << 1;
    QByteArray mixed;
    for (int size : {0, 1, 2, 255, 256, 257, 1000, 65535})
        mixed += u16beFrame(QByteArray(size, char(size & 0xFF)));
    QTest::newRow("u16be sizes up to 65535 in one write") << "u16be" << mixed << 8;
    // 255-byte frames: a 64 KiB read of them ends 1 byte into a header, so the
    // server's reads split headers as well as bodies.
    QByteArray many;
    for (int i = 0; i < 3000; ++i)
        many += u16beFrame(QByteArray(253, char(i & 0xFF)));
    QTest::newRow("u16be 3000 frames in one write") << "u16be" << many << 3000;

    QTest::newRow("delim03 one frame") << "delim03" << QByteArray("abc\x03") << 1;
    QTest::newRow("delim03 empty frame") << "delim03" << QByteArray("\x03") << 1;
    QTest::newRow("delim03 LF and CR are payload")
        << "delim03" << QByteArray::fromHex("0a0d0a00ff03") + QByteArray("a\r\nb\x03") << 2;
    QByteArray lines;
    for (int i = 0; i < 3000; ++i)
        lines += QByteArray(100 + i % 7, char(0x04 + i % 200)) + '\n' + '\x03';
    QTest::newRow("delim03 3000 frames in one write") << "delim03" << lines << 3000;
}

void TestBenchBinary::serverAnswersEveryFrameInItsFraming()
{
    QFETCH(QString, framing);
    QFETCH(QByteArray, request);
    QFETCH(int, frames);
    EpollServer server;
    const quint16 port = server.start(framing);
    QVERIFY(port != 0);
    QByteArray leftOver;
    const QList<QByteArray> replies = exchange(port, framing, request, frames, &leftOver);
    QCOMPARE(replies.size(), frames);
    QCOMPARE(leftOver, QByteArray());
    for (const QByteArray& reply : replies)
        QVERIFY2(factoryReplies().contains(reply), reply.toHex(' ').constData());
}

void TestBenchBinary::serverJoinsAFrameSplitAcrossReads_data()
{
    QTest::addColumn<QString>("framing");
    QTest::addColumn<QByteArray>("first");  // a whole frame and the start of the next
    QTest::addColumn<QByteArray>("second"); // the rest of that frame
    QTest::newRow("u16be header split") << "u16be" << u16beFrame("abc") + QByteArray::fromHex("00")
                                        << QByteArray::fromHex("03") + "xyz";
    // The byte kept between reads is the high one: 01 00 is 256, not 1 or 0.
    QTest::newRow("u16be header split, high byte")
        << "u16be" << u16beFrame("a") + '\x01' << QByteArray(1, '\0') + QByteArray(256, 'z');
    QTest::newRow("u16be body split")
        << "u16be" << u16beFrame("abc") + QByteArray::fromHex("0005") + "ab" << QByteArray("cde");
    QTest::newRow("u16be split right after the header")
        << "u16be" << u16beFrame("abc") + QByteArray::fromHex("0002") << QByteArray("de");
    QTest::newRow("delim03 split") << "delim03"
                                   << QByteArray("a\x03"
                                                 "bc")
                                   << QByteArray("d\x03");
    QTest::newRow("delim03 split before the delimiter") << "delim03"
                                                        << QByteArray("a\x03"
                                                                      "bcd")
                                                        << QByteArray("\x03");
}

void TestBenchBinary::serverJoinsAFrameSplitAcrossReads()
{
    QFETCH(QString, framing);
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, second);
    EpollServer server;
    const quint16 port = server.start(framing);
    QVERIFY(port != 0);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(socket.waitForConnected(5000));
    // One small write is one loopback segment: once its whole frame has been
    // answered, the server has read the partial frame after it too.
    QList<QByteArray> replies;
    QByteArray buffer;
    socket.write(first);
    readReplies(socket, framing, buffer, replies, 1);
    QCOMPARE(replies.size(), 1);
    // A last whole frame after the rest: a split frame read as longer than it
    // is would swallow it, one read as shorter would answer its tail.
    const QByteArray last = framing == QLatin1String("u16be") ? u16beFrame("end") : "end\x03";
    socket.write(second + last);
    readReplies(socket, framing, buffer, replies, 3);
    QCOMPARE(replies.size(), 3);
    if (socket.waitForReadyRead(100))
        buffer += socket.readAll();
    QCOMPARE(takeReplies(framing, buffer).size(), 0); // nothing more: exactly one per frame
    QCOMPARE(buffer, QByteArray());
    for (const QByteArray& reply : replies)
        QVERIFY2(factoryReplies().contains(reply), reply.toHex(' ').constData());
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

void TestBenchBinary::serverDropsAnOverlongDelim03Frame()
{
    // Like an over-long line: the bytes are not kept (the server's memory stays
    // bounded), the frame's end still gets its one reply, the next frame too.
    EpollServer server;
    const quint16 port = server.start("delim03");
    QVERIFY(port != 0);
    const QByteArray request = QByteArray(300 * 1024, 'x') + '\x03' + QByteArray("ok\x03");
    QByteArray leftOver;
    const QList<QByteArray> replies = exchange(port, "delim03", request, 2, &leftOver);
    QCOMPARE(replies.size(), 2);
    QVERIFY(factoryReplies().contains(replies.at(0)));
    QVERIFY(factoryReplies().contains(replies.at(1)));
}

void TestBenchBinary::serverRefusesAnUnknownFraming()
{
    QProcess server;
    server.start(QStringLiteral(CHORUS_EPOLL_SERVER_EXE),
                 {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--framing"),
                  QStringLiteral("u32be")});
    QVERIFY(server.waitForFinished(10000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestBenchBinary)
#include "tst_benchbinary.moc"
