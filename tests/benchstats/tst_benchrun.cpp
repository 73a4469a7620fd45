// chorus-bench end to end, on 127.0.0.1 only: the figures it prints must match
// what really happened on the wire (exact reply counts, held connections),
// against the epoll reference server and a burst server (the Python reference
// server when ../shared/seed is there, else chorus-burst-peer; ReferencePeers.h).

#include "ReferencePeers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <chrono>

using namespace std::chrono_literals;

namespace {

constexpr auto kServerStartTimeout = 10s;
constexpr auto kBenchTimeout = 60s;

// A server process that is terminated when the test is done with it.
class ServerProcess
{
public:
    ~ServerProcess() { stop(); }

    // Starts it and waits until it accepts connections; returns the port or 0.
    quint16 startEpoll(const QString& framing)
    {
        m_process.start(
            QStringLiteral(CHORUS_EPOLL_SERVER_EXE),
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--framing"), framing});
        if (!m_process.waitForStarted())
            return 0;
        QDeadlineTimer deadline(kServerStartTimeout);
        static const QRegularExpression listening(QStringLiteral("listening on 127.0.0.1:(\\d+)"));
        while (!deadline.hasExpired()) {
            m_output += m_process.readAllStandardOutput();
            const auto match = listening.match(QString::fromUtf8(m_output));
            if (match.hasMatch())
                return match.captured(1).toUShort();
            m_process.waitForReadyRead(100);
        }
        return 0;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

private:
    QProcess m_process;
    QByteArray m_output;
};

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

quint16 freePort()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
}

} // namespace

class TestBenchRun : public QObject
{
    Q_OBJECT
private slots:
    void closedLoopCountsEveryReplyExactly_data();
    void closedLoopCountsEveryReplyExactly();
    void closedLoopRunsForItsDuration();
    void holdKeepsEveryConnectionOpen();
    void reportsRefusedConnectionsAsFailures();
    void refusesNonLoopbackHostWithoutConnecting();
    void againstBurstServer();
    void chorusProtocolHandshakeAndReplies();
    void chorusHandshakeRefusedIsAnError();
};

void TestBenchRun::closedLoopCountsEveryReplyExactly_data()
{
    QTest::addColumn<QString>("framing");
    QTest::addColumn<int>("connections");
    QTest::newRow("lf, 1 connection") << "lf" << 1;
    QTest::newRow("lf, 50 connections") << "lf" << 50;
    QTest::newRow("none, 20 connections") << "none" << 20;
}

void TestBenchRun::closedLoopCountsEveryReplyExactly()
{
    QFETCH(QString, framing);
    QFETCH(int, connections);
    ServerProcess server;
    const quint16 port = server.startEpoll(framing);
    QVERIFY(port != 0);
    const BenchRun run =
        runBench({"--port", QString::number(port), "--connections", QString::number(connections),
                  "--framing", framing, "--duration", "20", "--messages", "2000"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    QCOMPARE(run.result.value("connected").toInt(), connections);
    QCOMPARE(run.result.value("answered").toInt(), connections);
    // One thread: the cap stops the run at exactly that many replies.
    QCOMPARE(run.result.value("replies").toInt(), 2000);
    QCOMPARE(run.result.value("latency_samples").toInt(), 2000);
    QCOMPARE(run.result.value("errors").toInt(), 0);
    QVERIFY(run.result.value("duration_s").toDouble() < 20.0);
    QVERIFY(run.result.value("p50_ms").toDouble() <= run.result.value("p99_ms").toDouble());
    QVERIFY(run.result.value("p99_ms").toDouble() <= run.result.value("max_ms").toDouble());
    QVERIFY(run.output.contains(QLatin1String("replies/s")));
}

void TestBenchRun::closedLoopRunsForItsDuration()
{
    ServerProcess server;
    const quint16 port = server.startEpoll("lf");
    QVERIFY(port != 0);
    const BenchRun run = runBench({"--port", QString::number(port), "--connections", "8",
                                   "--threads", "2", "--duration", "0.5", "--json"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    QVERIFY(!run.output.contains(QLatin1String("latency ms"))); // --json: result line only
    QCOMPARE(run.result.value("mode").toString(), QStringLiteral("closed-loop"));
    QCOMPARE(run.result.value("connected").toInt(), 8);
    QVERIFY(run.result.value("replies").toInt() > 0);
    const double duration = run.result.value("duration_s").toDouble();
    QVERIFY2(duration >= 0.45 && duration <= 0.6, qPrintable(QString::number(duration)));
}

void TestBenchRun::holdKeepsEveryConnectionOpen()
{
    ServerProcess server;
    const quint16 port = server.startEpoll("none");
    QVERIFY(port != 0);
    const BenchRun run =
        runBench({"--port", QString::number(port), "--connections", "300", "--mode", "hold",
                  "--framing", "none", "--duration", "0.5", "--connect-rate", "3000"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    QCOMPARE(run.result.value("connected").toInt(), 300);
    QCOMPARE(run.result.value("answered").toInt(), 300);
    QCOMPARE(run.result.value("still_open").toInt(), 300);
    QCOMPARE(run.result.value("closed_by_server").toInt(), 0);
    QCOMPARE(run.result.value("latency_samples").toInt(), 300);
    // 300 connections at 3000/s take about 0.1 s, not less.
    QVERIFY(run.result.value("connect_s").toDouble() >= 0.08);

    // The same hold, but the server goes away during it: nobody is still open.
    // The server is this test's own, so it goes away exactly when all 50 are
    // connected and answered (no guess at how long that takes).
    QTcpServer doomed;
    QVERIFY(doomed.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket*> held;
    int answered = 0;
    connect(&doomed, &QTcpServer::newConnection, &doomed, [&] {
        while (QTcpSocket* socket = doomed.nextPendingConnection()) {
            held.append(socket);
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &answered] {
                socket->readAll();
                socket->write("ok\n");
                ++answered;
            });
        }
    });
    QProcess bench;
    bench.start(QStringLiteral(CHORUS_BENCH_EXE),
                {"--port", QString::number(doomed.serverPort()), "--connections", "50", "--mode",
                 "hold", "--framing", "none", "--duration", "10", "--json"});
    QVERIFY(bench.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(answered, 50, 20000);
    doomed.close();
    for (QTcpSocket* socket : std::as_const(held))
        socket->abort();
    QVERIFY(bench.waitForFinished(20000));
    const QString out = QString::fromUtf8(bench.readAllStandardOutput());
    const QJsonObject result =
        QJsonDocument::fromJson(out.section(QLatin1String("RESULT "), 1).toUtf8()).object();
    QCOMPARE(result.value("connected").toInt(), 50);
    QCOMPARE(result.value("still_open").toInt(), 0);
    QCOMPARE(result.value("closed_by_server").toInt(), 50);
}

void TestBenchRun::reportsRefusedConnectionsAsFailures()
{
    const quint16 port = freePort(); // nobody listens there any more
    QVERIFY(port != 0);
    const BenchRun run = runBench({"--port", QString::number(port), "--connections", "3",
                                   "--connect-retries", "2", "--duration", "0.2"});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.result.value("connected").toInt(), 0);
    QCOMPARE(run.result.value("connect_failed").toInt(), 3);
    QCOMPARE(run.result.value("errors").toInt(), 3);
}

void TestBenchRun::refusesNonLoopbackHostWithoutConnecting()
{
    // 127.0.0.2 is not on chorus-bench's list (127.0.0.1, ::1, localhost), and
    // would stay on this machine even if the refusal broke.
    const BenchRun run = runBench({"--host", "127.0.0.2", "--port", "9999"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.output.contains(QLatin1String("refusing host")));
    QVERIFY(run.result.isEmpty()); // never got as far as running
}

void TestBenchRun::againstBurstServer()
{
    chorus::testing::BurstServerProcess server;
    const quint16 port = server.start();
    QVERIFY2(port != 0, qPrintable(server.failure()));
    const BenchRun run = runBench({"--port", QString::number(port), "--connections", "10",
                                   "--framing", "none", "--duration", "20", "--messages", "500"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    QCOMPARE(run.result.value("connected").toInt(), 10);
    // The first connections may take all 500 replies before a late one gets
    // its first (seen on a loaded machine): how many answered is timing.
    QVERIFY(run.result.value("answered").toInt() >= 1);
    QCOMPARE(run.result.value("replies").toInt(), 500);
    QCOMPARE(run.result.value("errors").toInt(), 0);
}

namespace {

// A minimal chorus-protocol peer in this process: welcome for a hello, a reply
// for each msg (or, when refuse is set, an error line for the hello).
class FakeChorusServer : public QTcpServer
{
public:
    explicit FakeChorusServer(bool refuse) : m_refuse(refuse)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    while (socket->canReadLine()) {
                        const QJsonObject o = QJsonDocument::fromJson(socket->readLine()).object();
                        const QString type = o.value("type").toString();
                        if (type == "hello") {
                            ++hellos;
                            if (o.value("app").toString() != "chorus-bench" ||
                                !o.value("name").toString().startsWith("bench-"))
                                ++badHellos;
                            socket->write(m_refuse ? R"({"type":"error","text":"server full"})"
                                                     "\n"
                                                   : R"({"type":"welcome","proto":1,"id":1})"
                                                     "\n");
                        } else if (type == "msg") {
                            ++messages;
                            if (o.value("text").toString() != QStringLiteral("드론 상태 보고 #123"))
                                ++badHellos;
                            // A broadcast first: the bench must not take it for the reply.
                            socket->write(R"({"type":"broadcast","text":"x"})"
                                          "\n");
                            socket->write(
                                QJsonDocument(QJsonObject{{"type", "reply"},
                                                          {"re", o.value("seq")},
                                                          {"text", QStringLiteral("안녕하세요!")}})
                                    .toJson(QJsonDocument::Compact) +
                                "\n");
                        }
                    }
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    int hellos = 0;
    int badHellos = 0;
    int messages = 0;

private:
    bool m_refuse;
};

BenchRun runBenchWithEventLoop(const QStringList& args)
{
    BenchRun run;
    QProcess bench;
    QSignalSpy finished(&bench, &QProcess::finished);
    bench.start(QStringLiteral(CHORUS_BENCH_EXE), args);
    if (!finished.wait(int(std::chrono::milliseconds(kBenchTimeout).count()))) {
        bench.kill();
        bench.waitForFinished();
        return run;
    }
    run.exitCode = bench.exitCode();
    run.output = QString::fromUtf8(bench.readAllStandardOutput() + bench.readAllStandardError());
    run.result = QJsonDocument::fromJson(
                     run.output.section(QLatin1String("RESULT "), 1).section('\n', 0, 0).toUtf8())
                     .object();
    return run;
}

} // namespace

void TestBenchRun::chorusProtocolHandshakeAndReplies()
{
    FakeChorusServer server(false);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const BenchRun run =
        runBenchWithEventLoop({"--port", QString::number(server.serverPort()), "--connections", "5",
                               "--framing", "chorus", "--duration", "20", "--messages", "300"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    QCOMPARE(server.hellos, 5);
    QCOMPARE(server.badHellos, 0);
    QCOMPARE(run.result.value("answered").toInt(), 5);
    QCOMPARE(run.result.value("replies").toInt(), 300);
    QCOMPARE(run.result.value("errors").toInt(), 0);
    QVERIFY(server.messages >= 300);
}

void TestBenchRun::chorusHandshakeRefusedIsAnError()
{
    FakeChorusServer server(true);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const BenchRun run =
        runBenchWithEventLoop({"--port", QString::number(server.serverPort()), "--connections", "3",
                               "--framing", "chorus", "--duration", "20"});
    QCOMPARE(server.hellos, 3);
    QCOMPARE(server.messages, 0);
    QCOMPARE(run.result.value("connected").toInt(), 3);
    QCOMPARE(run.result.value("replies").toInt(), 0);
    QCOMPARE(run.result.value("errors").toInt(), 3);
    // It gives up at once instead of waiting out the 20 s.
    QVERIFY(run.result.value("duration_s").toDouble() < 5);
    QVERIFY(run.output.contains(QLatin1String("welcome")));
}

QTEST_GUILESS_MAIN(TestBenchRun)
#include "tst_benchrun.moc"
