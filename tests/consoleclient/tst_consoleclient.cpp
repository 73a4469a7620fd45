// chorus-client --console: ConsoleClient in process (lines in, one reply out
// per line, bad lines refused with nothing sent, a refused connection ends
// with status 1) and the real binary through QProcess with no display,
// against our server engine and against the burst server (ReferencePeers.h:
// the reference server_multi.py when ../shared/seed is there).

#include "ConsoleClient.h"
#include "EngineHarness.h"
#include "ReferencePeers.h"
#include "base/AtomicFile.h"
#include "base/SessionLog.h"
#include "client/ClientEngine.h"

#include <QBuffer>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace chorus::testing;
using namespace std::chrono_literals;

namespace {

ConsoleOptions optionsFor(quint16 port, ClientProtocol protocol = ClientProtocol::Plain)
{
    ConsoleOptions options;
    options.config.host = QStringLiteral("127.0.0.1");
    options.config.port = port;
    options.config.protocol = protocol;
    options.replyTimeout = 5s;
    return options;
}

QList<QByteArray> linesWithPrefix(const QByteArray& output, const QByteArray& prefix)
{
    QList<QByteArray> found;
    for (const QByteArray& line : output.split('\n'))
        if (line.startsWith(prefix))
            found.append(line);
    return found;
}

QList<QByteArray> receivedPayloads(const EngineHarness& harness)
{
    QList<QByteArray> payloads;
    for (const LogEntry& entry : harness.log)
        if (entry.kind == LogKind::Received)
            payloads.append(entry.payload);
    return payloads;
}

QByteArray logOf(const QList<QByteArray>& outs, qint64 spacingUs)
{
    QByteArray data;
    qint64 t = 1'000'000;
    for (const QByteArray& bytes : outs) {
        SessionRecord record;
        record.timeUs = t;
        record.kind = QStringLiteral("out");
        record.bytes = bytes;
        data += SessionLogWriter::encode(record);
        t += spacingUs;
    }
    return data;
}

// A port nothing listens on: one that was just closed.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestConsoleClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void oneReplyPerLine_data();
    void oneReplyPerLine();
    void badHexLineIsRefusedAndTheRestGoes();
    void exitLineEndsInput();
    void refusedConnectionEndsWithStatusOne();
    void binaryAgainstServerEngine();
    void binaryAgainstBurstServer();
    void binaryOnClosedPortExitsOne();
    void binarySimulatesAVehicle();
    void replayWaitsForItsReplies();
    void binaryReplaysALog();
    void binaryRefusesABadLog_data();
    void binaryRefusesABadLog();

private:
    QProcess* startBinary(const QStringList& arguments);
    QTemporaryDir m_home;
};

void TestConsoleClient::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_home.isValid());
}

void TestConsoleClient::oneReplyPerLine_data()
{
    QTest::addColumn<ClientProtocol>("protocol");
    QTest::newRow("plain") << ClientProtocol::Plain;
    QTest::newRow("chorus") << ClientProtocol::Chorus;
}

void TestConsoleClient::oneReplyPerLine()
{
    QFETCH(ClientProtocol, protocol);
    EngineHarness harness;
    const quint16 port = harness.start();
    QVERIFY(port != 0);
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    ConsoleClient console(optionsFor(port, protocol), &out, &err);
    QSignalSpy finished(&console, &ConsoleClient::finished);
    console.start();
    // Lines arrive before the connection is up: they wait, then go one at a time.
    console.takeLine("first", 1);
    console.takeLine("", 2); // empty: skipped
    console.takeLine("second \\x01", 3);
    console.takeLine("third", 4);
    console.endInput();
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.first().at(0).toInt() == int(ConsoleExit::Ok), err.data().constData());
    const QList<QByteArray> replies = linesWithPrefix(out.data(), "reply: ");
    QCOMPARE(replies.size(), 3);
    for (const QByteArray& reply : replies)
        QVERIFY2(reply.endsWith(" ms)"), reply.constData()); // matched: a round trip
    QTRY_COMPARE_WITH_TIMEOUT(receivedPayloads(harness),
                              (QList<QByteArray>{"first", QByteArray("second \x01"), "third"}),
                              5000);
}

void TestConsoleClient::badHexLineIsRefusedAndTheRestGoes()
{
    EngineHarness harness;
    const quint16 port = harness.start();
    QVERIFY(port != 0);
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    ConsoleOptions options = optionsFor(port);
    options.input = ByteInput::Hex;
    ConsoleClient console(options, &out, &err);
    QSignalSpy finished(&console, &ConsoleClient::finished);
    console.start();
    console.takeLine("48 69", 1);
    console.takeLine("48 6", 2); // odd digits: nothing of it is sent
    console.takeLine("zz", 3);
    console.takeLine("FF 00", 4);
    console.takeLine(QByteArray("\xC3\x28"), 5); // not UTF-8: refused with its byte
    console.endInput();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toInt(), int(ConsoleExit::Ok));
    QCOMPARE(linesWithPrefix(out.data(), "reply: ").size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(receivedPayloads(harness),
                              (QList<QByteArray>{"Hi", QByteArray("\xFF\x00", 2)}), 5000);
    // Each refused line is named on standard error by its number and position.
    const QByteArray words = err.data();
    QVERIFY2(words.contains("line 2, column 4"), words.constData());
    QVERIFY2(words.contains("line 3, column 1"), words.constData());
    QVERIFY2(words.contains("line 5, byte 1"), words.constData());
}

void TestConsoleClient::exitLineEndsInput()
{
    EngineHarness harness;
    const quint16 port = harness.start();
    QVERIFY(port != 0);
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    ConsoleClient console(optionsFor(port), &out, &err);
    QSignalSpy finished(&console, &ConsoleClient::finished);
    console.start();
    console.takeLine("one", 1);
    console.takeLine(" EXIT ", 2);
    console.takeLine("never", 3); // after exit: ignored
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toInt(), int(ConsoleExit::Ok));
    QCOMPARE(linesWithPrefix(out.data(), "reply: ").size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(receivedPayloads(harness), QList<QByteArray>{"one"}, 5000);
}

void TestConsoleClient::refusedConnectionEndsWithStatusOne()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    ConsoleClient console(optionsFor(port), &out, &err);
    QSignalSpy finished(&console, &ConsoleClient::finished);
    QList<ClientError> errors;
    connect(console.engine(), &ClientEngine::eventOccurred, this, [&](const ClientEvent& event) {
        if (event.kind == ClientEvent::Kind::Error)
            errors.append(event.error);
    });
    console.start();
    console.takeLine("hello", 1);
    console.endInput();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toInt(), int(ConsoleExit::ConnectionFailed));
    QCOMPARE(errors, QList<ClientError>{ClientError::ConnectionRefused});
    QVERIFY(!err.data().isEmpty());
    QVERIFY(out.data().isEmpty());
}

QProcess* TestConsoleClient::startBinary(const QStringList& arguments)
{
    auto* process = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // No display and no platform: --console must not need one.
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QString());
    // Away from the user's real settings.
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    process->setProcessEnvironment(env);
    process->start(QStringLiteral(CHORUS_CLIENT_EXE),
                   QStringList{QStringLiteral("--console")} + arguments);
    return process;
}

void TestConsoleClient::binaryAgainstServerEngine()
{
    EngineHarness harness;
    const quint16 port = harness.start();
    QVERIFY(port != 0);
    QProcess* process = startBinary({QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                                     QStringLiteral("--port=%1").arg(port),
                                     QStringLiteral("--protocol"), QStringLiteral("plain")});
    QVERIFY(process->waitForStarted(5000));
    process->write("alpha\n드론 상태?\r\n\\x00\\xFF\n");
    process->closeWriteChannel();
    QSignalSpy finished(process, &QProcess::finished);
    QVERIFY(finished.wait(20000));
    const QByteArray err = process->readAllStandardError();
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QVERIFY2(process->exitCode() == 0, err.constData());
    const QList<QByteArray> replies = linesWithPrefix(process->readAllStandardOutput(), "reply: ");
    QCOMPARE(replies.size(), 3);
    const QStringList factory = factoryTexts();
    for (const QByteArray& reply : replies) {
        const QString text = QString::fromUtf8(reply.mid(7, reply.lastIndexOf(" (") - 7));
        QVERIFY2(factory.contains(text), reply.constData());
    }
    QTRY_COMPARE_WITH_TIMEOUT(receivedPayloads(harness),
                              (QList<QByteArray>{"alpha", QStringLiteral("드론 상태?").toUtf8(),
                                                 QByteArray("\0\xFF", 2)}),
                              5000);
}

void TestConsoleClient::binaryAgainstBurstServer()
{
    // The original wire: no terminator, each read one message, replies with
    // no terminator (framed here by the idle gap).
    BurstServerProcess server;
    const quint16 port = server.start();
    QVERIFY2(port != 0, qPrintable(server.failure()));
    QProcess* process = startBinary({QStringLiteral("--port"), QString::number(port),
                                     QStringLiteral("--protocol=plain"),
                                     QStringLiteral("--terminator"), QStringLiteral("none")});
    QVERIFY(process->waitForStarted(5000));
    process->write("hello\n드론 상태?\nthird one\nexit\nnot sent\n");
    QSignalSpy finished(process, &QProcess::finished);
    QVERIFY(finished.wait(20000));
    const QByteArray err = process->readAllStandardError();
    QVERIFY2(process->exitCode() == 0, err.constData());
    const QList<QByteArray> replies = linesWithPrefix(process->readAllStandardOutput(), "reply: ");
    QCOMPARE(replies.size(), 3);
    const QStringList factory = factoryTexts();
    for (const QByteArray& reply : replies) {
        const QString text = QString::fromUtf8(reply.mid(7, reply.lastIndexOf(" (") - 7));
        QVERIFY2(factory.contains(text), reply.constData());
    }
}

void TestConsoleClient::binaryOnClosedPortExitsOne()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    QProcess* process = startBinary({QStringLiteral("--port"), QString::number(port)});
    QVERIFY(process->waitForStarted(5000));
    process->write("hello\n");
    process->closeWriteChannel();
    QSignalSpy finished(process, &QProcess::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), int(ConsoleExit::ConnectionFailed));
    QVERIFY(!process->readAllStandardError().isEmpty());
    QVERIFY(process->readAllStandardOutput().isEmpty());
}

void TestConsoleClient::binarySimulatesAVehicle()
{
    // --console --simulate: the end of input does not end it; a TAKEOFF from
    // the server is acked and the altitude climbs; "exit" ends it with 0.
    EngineHarness harness;
    const quint16 port = harness.start();
    QVERIFY(port != 0);
    QProcess* process = startBinary(
        {QStringLiteral("--port"), QString::number(port), QStringLiteral("--protocol=plain"),
         QStringLiteral("--simulate"), QStringLiteral("--sim-ack-delay=0"),
         QStringLiteral("--sim-telemetry=50"), QStringLiteral("--sim-heartbeat=0")});
    QVERIFY(process->waitForStarted(5000));
    QTRY_COMPARE_WITH_TIMEOUT(harness.counters.active, quint64(1), 10000);
    harness.engine.broadcast({}, QByteArray("TAKEOFF alt=5"));
    auto heard = [&harness](const QByteArray& prefix) {
        QList<QByteArray> lines;
        for (const QByteArray& payload : receivedPayloads(harness))
            if (payload.startsWith(prefix))
                lines.append(payload);
        return lines;
    };
    QTRY_COMPARE_WITH_TIMEOUT(heard("OK TAKEOFF"), QList<QByteArray>{"OK TAKEOFF"}, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        !heard("alt=").isEmpty() && !heard("alt=").constLast().startsWith("alt=0.00 "), 10000);
    QCOMPARE(process->state(), QProcess::Running);
    process->write("exit\n");
    QSignalSpy finished(process, &QProcess::finished);
    QVERIFY(finished.wait(20000));
    QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
}

void TestConsoleClient::replayWaitsForItsReplies()
{
    // --replay in process: the log's messages go with their spacing, and the
    // run ends (status 0) only once each has its reply printed.
    EngineHarness harness;
    const quint16 port = harness.start();
    QVERIFY(port != 0);
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    ConsoleOptions options = optionsFor(port);
    const ReplayScript script =
        parseReplayScript(logOf({"ARM", QByteArray("\x01\x02"), "LAND"}, 30'000));
    QCOMPARE(script.error, ReplayError::None);
    options.replay = script.steps;
    options.replaySpeed = 1.0;
    ConsoleClient console(options, &out, &err);
    QSignalSpy finished(&console, &ConsoleClient::finished);
    console.start();
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.first().at(0).toInt() == int(ConsoleExit::Ok), err.data().constData());
    QCOMPARE(linesWithPrefix(out.data(), "reply: ").size(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(receivedPayloads(harness),
                              (QList<QByteArray>{"ARM", QByteArray("\x01\x02"), "LAND"}), 5000);
}

void TestConsoleClient::binaryReplaysALog()
{
    EngineHarness harness;
    const quint16 port = harness.start();
    QVERIFY(port != 0);
    const QString path = m_home.filePath(QStringLiteral("replay.jsonl"));
    QVERIFY(writeFileAtomically(path, logOf({"one", "two"}, 50'000)).ok());
    QProcess* process = startBinary({QStringLiteral("--port"), QString::number(port),
                                     QStringLiteral("--protocol=plain"), QStringLiteral("--replay"),
                                     path, QStringLiteral("--replay-speed=0")});
    QVERIFY(process->waitForStarted(5000));
    QSignalSpy finished(process, &QProcess::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QVERIFY2(process->exitCode() == int(ConsoleExit::Ok),
             process->readAllStandardError().constData());
    QCOMPARE(linesWithPrefix(process->readAllStandardOutput(), "reply: ").size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(receivedPayloads(harness), (QList<QByteArray>{"one", "two"}), 5000);
}

void TestConsoleClient::binaryRefusesABadLog_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("contents"); // empty: no such file
    QTest::newRow("missing") << "none.jsonl" << QByteArray();
    QTest::newRow("no out") << "in-only.jsonl" << QByteArray("{\"t\":1,\"kind\":\"in\"}\n");
    QTest::newRow("malformed") << "cut.jsonl"
                               << QByteArray("{\"t\":1,\"kind\":\"out\",\"hex\":\"4");
}

void TestConsoleClient::binaryRefusesABadLog()
{
    // Refused before connecting: status 3 with the reason, even with no server.
    QFETCH(QString, name);
    QFETCH(QByteArray, contents);
    const QString path = m_home.filePath(name);
    if (!contents.isEmpty())
        QVERIFY(writeFileAtomically(path, contents).ok());
    const quint16 port = closedPort();
    QProcess* process = startBinary(
        {QStringLiteral("--port"), QString::number(port), QStringLiteral("--replay=") + path});
    QVERIFY(process->waitForStarted(5000));
    QSignalSpy finished(process, &QProcess::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), int(ConsoleExit::ReplayFailed));
    QVERIFY(process->readAllStandardError().contains(path.toUtf8()));
    QVERIFY(process->readAllStandardOutput().isEmpty());
}

QTEST_GUILESS_MAIN(TestConsoleClient)
#include "tst_consoleclient.moc"
