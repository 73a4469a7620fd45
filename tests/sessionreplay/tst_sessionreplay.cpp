// SessionReplay (chorus-client --replay): the "out" records of a session log
// go out again as the same bytes, in order, with their original spacing
// scaled by the speed factor; bad logs are refused with a ReplayError before
// anything is sent. The peer is a plain QTcpServer reading u16be frames, so
// every byte value travels and each frame's arrival time is known.

#include "base/SessionLog.h"
#include "client/ClientEngine.h"
#include "client/SessionReplay.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace chorus;

namespace {

// Receives u16be frames and notes when each arrived.
class FramePeer : public QObject
{
public:
    FramePeer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket* socket = m_server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                m_buffer += socket->readAll();
                while (m_buffer.size() >= 2) {
                    const quint16 size = qFromBigEndian<quint16>(m_buffer.constData());
                    if (m_buffer.size() < 2 + size)
                        break;
                    frames.append(m_buffer.mid(2, size));
                    arrivalsMs.append(m_clock.nsecsElapsed() / 1e6);
                    m_buffer.remove(0, 2 + size);
                }
            });
        });
        m_clock.start();
    }
    quint16 port() const { return m_server.serverPort(); }

    QList<QByteArray> frames;
    QList<double> arrivalsMs;

private:
    QTcpServer m_server;
    QElapsedTimer m_clock;
    QByteArray m_buffer;
};

QByteArray logOf(const QList<SessionRecord>& records)
{
    QByteArray data;
    for (const SessionRecord& record : records)
        data += SessionLogWriter::encode(record);
    return data;
}

SessionRecord out(qint64 timeUs, const QByteArray& bytes)
{
    SessionRecord record;
    record.timeUs = timeUs;
    record.kind = QStringLiteral("out");
    record.peer = QStringLiteral("127.0.0.1:9");
    record.bytes = bytes;
    return record;
}

SessionRecord in(qint64 timeUs, const QByteArray& bytes)
{
    SessionRecord record = out(timeUs, bytes);
    record.kind = QStringLiteral("in");
    return record;
}

} // namespace

class TestSessionReplay : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void exactBytesInOrder();
    void timing_data();
    void timing();
    void badLogs_data();
    void badLogs();
    void unreadableFile();
    void speedText_data();
    void speedText();
    void stopEndsIt();

private:
    // Connects an engine to the peer with u16be framing.
    void connectEngine(ClientEngine* engine, quint16 port);
};

void TestSessionReplay::initTestCase()
{
    qRegisterMetaType<SessionReplay::End>();
}

void TestSessionReplay::connectEngine(ClientEngine* engine, quint16 port)
{
    ClientConfig config;
    config.port = port;
    config.protocol = ClientProtocol::Plain;
    config.autoReconnect = false;
    config.framing = *parseFrameSpec(QStringLiteral("u16be"));
    engine->setConfig(config);
    engine->connectToServer();
    QTRY_COMPARE(engine->state(), ClientState::Connected);
}

void TestSessionReplay::exactBytesInOrder()
{
    // Every byte value, an empty-looking line end, a NUL: bytes are data.
    QByteArray all(256, '\0');
    for (int i = 0; i < 256; ++i)
        all[i] = char(i);
    const QList<QByteArray> sent{QByteArray("ARM"), all, QByteArray("\x00\r\n", 3),
                                 QByteArray("\xEA\xB0\x80 TAKEOFF alt=10")};
    QList<SessionRecord> records;
    records << in(500, "ignored: a reply");
    qint64 t = 1000;
    for (const QByteArray& bytes : sent) {
        records << out(t, bytes) << in(t + 10, "OK");
        t += 1000;
    }
    const ReplayScript script = parseReplayScript(logOf(records));
    QCOMPARE(script.error, ReplayError::None);
    QCOMPARE(script.steps.size(), sent.size());
    QCOMPARE(script.steps.first().offsetUs, 0);
    QCOMPARE(script.steps.last().offsetUs, 3000);

    FramePeer peer;
    ClientEngine engine;
    connectEngine(&engine, peer.port());
    SessionReplay replay(&engine);
    QSignalSpy finished(&replay, &SessionReplay::finished);
    replay.start(script.steps, 1.0);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).value<SessionReplay::End>(), SessionReplay::End::Done);
    QCOMPARE(replay.sentCount(), sent.size());
    QTRY_COMPARE(peer.frames.size(), sent.size());
    QCOMPARE(peer.frames, sent);
}

void TestSessionReplay::timing_data()
{
    QTest::addColumn<double>("speed");
    // Spacing in the log, ms, from the first "out".
    QTest::newRow("original") << 1.0;
    QTest::newRow("twice as fast") << 2.0;
    QTest::newRow("half speed") << 0.5;
}

void TestSessionReplay::timing()
{
    QFETCH(double, speed);
    const QList<qint64> offsetsMs{0, 120, 300, 420};
    QList<SessionRecord> records;
    for (qsizetype i = 0; i < offsetsMs.size(); ++i)
        records << out(5'000'000 + offsetsMs.at(i) * 1000, QByteArray::number(i));
    const ReplayScript script = parseReplayScript(logOf(records));
    QCOMPARE(script.error, ReplayError::None);

    FramePeer peer;
    ClientEngine engine;
    connectEngine(&engine, peer.port());
    SessionReplay replay(&engine);
    QSignalSpy finished(&replay, &SessionReplay::finished);
    replay.start(script.steps, speed);
    QTRY_COMPARE_WITH_TIMEOUT(peer.frames.size(), offsetsMs.size(), 10000);
    QCOMPARE(finished.size(), 1);
    // Against the first arrival: never early (the timer only waits), and late
    // by at most a loaded machine's scheduling delay.
    for (qsizetype i = 1; i < offsetsMs.size(); ++i) {
        const double expected = double(offsetsMs.at(i)) / speed;
        const double actual = peer.arrivalsMs.at(i) - peer.arrivalsMs.first();
        QVERIFY2(actual >= expected - 5 && actual <= expected + 150,
                 qPrintable(QStringLiteral("message %1: %2 ms after the first, expected %3")
                                .arg(i)
                                .arg(actual)
                                .arg(expected)));
    }
}

void TestSessionReplay::badLogs_data()
{
    QTest::addColumn<QByteArray>("log");
    QTest::addColumn<int>("error");
    QTest::addColumn<qint64>("line");
    const QByteArray good = SessionLogWriter::encode(out(1, "A"));
    QTest::newRow("empty") << QByteArray() << int(ReplayError::NoOutRecords) << qint64(0);
    QTest::newRow("only replies") << SessionLogWriter::encode(in(1, "B"))
                                  << int(ReplayError::NoOutRecords) << qint64(0);
    QTest::newRow("not JSON") << good + "hello\n" << int(ReplayError::MalformedLine) << qint64(2);
    QTest::newRow("no time") << QByteArray("{\"kind\":\"out\",\"hex\":\"41\"}\n") + good
                             << int(ReplayError::MalformedLine) << qint64(1);
    QTest::newRow("half a byte") << good + "{\"t\":2,\"kind\":\"out\",\"hex\":\"4\"}\n"
                                 << int(ReplayError::MalformedLine) << qint64(2);
    QTest::newRow("not hex") << good + "\n{\"t\":2,\"kind\":\"out\",\"hex\":\"ZZ\"}\n"
                             << int(ReplayError::MalformedLine) << qint64(3);
}

void TestSessionReplay::badLogs()
{
    QFETCH(QByteArray, log);
    QFETCH(int, error);
    QFETCH(qint64, line);
    const ReplayScript script = parseReplayScript(log);
    QCOMPARE(int(script.error), error);
    QCOMPARE(script.line, line);
    QVERIFY(script.steps.isEmpty());
}

void TestSessionReplay::unreadableFile()
{
    QTemporaryDir dir;
    ReplayScript script = loadReplayScript(dir.filePath(QStringLiteral("missing.jsonl")));
    QCOMPARE(script.error, ReplayError::FileUnreadable);
    QCOMPARE(script.fileError, FileError::NotFound);
    script = loadReplayScript(dir.path());
    QCOMPARE(script.error, ReplayError::FileUnreadable);
    QCOMPARE(script.fileError, FileError::NotRegularFile);
}

void TestSessionReplay::speedText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("speed"); // -1: refused
    QTest::newRow("one") << "1" << 1.0;
    QTest::newRow("half") << "0.5" << 0.5;
    QTest::newRow("fast as possible") << "0" << 0.0;
    QTest::newRow("ten") << " 10 " << 10.0;
    QTest::newRow("negative") << "-1" << -1.0;
    QTest::newRow("word") << "fast" << -1.0;
    QTest::newRow("too fast") << "1001" << -1.0;
    QTest::newRow("nan") << "nan" << -1.0;
}

void TestSessionReplay::speedText()
{
    QFETCH(QString, text);
    QFETCH(double, speed);
    const std::optional<double> parsed = parseReplaySpeed(text);
    if (speed < 0) {
        QVERIFY(!parsed);
        return;
    }
    QVERIFY(parsed);
    QCOMPARE(*parsed, speed);
}

void TestSessionReplay::stopEndsIt()
{
    // A minute of spacing: Stop ends it after the first message, and as fast
    // as possible (speed 0) sends all of a long log well inside its span.
    QList<SessionRecord> records{out(0, "first"), out(60'000'000, "a minute later")};
    const ReplayScript script = parseReplayScript(logOf(records));
    FramePeer peer;
    ClientEngine engine;
    connectEngine(&engine, peer.port());
    SessionReplay replay(&engine);
    QSignalSpy finished(&replay, &SessionReplay::finished);
    replay.start(script.steps, 1.0);
    QCOMPARE(replay.sentCount(), 1);
    QVERIFY(replay.isRunning());
    replay.stop();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).value<SessionReplay::End>(), SessionReplay::End::Stopped);
    QTRY_COMPARE(peer.frames.size(), 1);

    QElapsedTimer clock;
    clock.start();
    replay.start(script.steps, 0.0);
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(finished.last().at(0).value<SessionReplay::End>(), SessionReplay::End::Done);
    QTRY_COMPARE(peer.frames.size(), 3);
    QVERIFY(clock.elapsed() < 30'000);
}

QTEST_GUILESS_MAIN(TestSessionReplay)
#include "tst_sessionreplay.moc"
