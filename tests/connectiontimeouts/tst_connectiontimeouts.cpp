// Idle and frame timeouts (ConnectionLimits::idleTimeout, frameTimeout): a
// silent peer is closed with a logged reason, in text and Chorus mode (the
// Chorus peer gets a bye saying why, the text peer an "error:" line); a
// message trickling in without its end is closed by the frame timeout;
// traffic keeps a peer open.

#include "EngineHarness.h"
#include "wire/ChorusProtocol.h"

#include <QTimer>
#include <QtTest>

using namespace chorus;
using namespace chorus::testing;

class tst_ConnectionTimeouts : public QObject
{
    Q_OBJECT
private slots:
    void silentPeerClosed_data();
    void silentPeerClosed();
    void talkingPeerStaysOpen();
    void slowlorisClosedByFrameTimeout();
    void offByDefault();
};

namespace {
constexpr std::chrono::milliseconds kShort{300};

ServerConfig configWith(std::chrono::milliseconds idle, std::chrono::milliseconds frame)
{
    ServerConfig config = loopbackConfig();
    config.limits.idleTimeout = idle;
    config.limits.frameTimeout = frame;
    return config;
}
} // namespace

void tst_ConnectionTimeouts::silentPeerClosed_data()
{
    QTest::addColumn<bool>("chorus");
    QTest::newRow("text") << false;
    QTest::newRow("chorus") << true;
}

void tst_ConnectionTimeouts::silentPeerClosed()
{
    QFETCH(bool, chorus);
    EngineHarness harness(configWith(kShort, {}));
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write(chorus ? encodeChorusMessage(makeHello(QStringLiteral("quiet"), {}))
                               : QByteArray("hello\n"));
    QTRY_COMPARE(client.lines().size(), 1);
    const quint64 id = harness.waitForId(client.socket);
    QSignalSpy closed(&client.socket, &QTcpSocket::disconnected);
    QVERIFY(closed.wait(5000));
    QTRY_VERIFY(harness.removed.contains(id));
    QCOMPARE(harness.errorsLogged(ConnectionError::IdleTimeout, id), 2); // the notice, the close
    QCOMPARE(client.lines().size(), 2);
    if (chorus) {
        const ChorusDecodeResult bye = decodeChorusLine(client.lines().last());
        QVERIFY(bye.ok());
        QCOMPARE(bye.message.type, ChorusMessageType::Bye);
        QVERIFY(!bye.message.reason.isEmpty());
    } else {
        QVERIFY(client.lines().last().startsWith("error: "));
    }
}

void tst_ConnectionTimeouts::talkingPeerStaysOpen()
{
    // A line every 100 ms for a second: never silent for the 300 ms timeout.
    EngineHarness harness(configWith(kShort, {}));
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    int sent = 0;
    QTimer talker;
    QObject::connect(&talker, &QTimer::timeout, &client.socket, [&] {
        if (sent < 10) {
            client.socket.write("still here\n");
            ++sent;
        }
    });
    talker.start(100);
    QTRY_COMPARE_WITH_TIMEOUT(client.lines().size(), 10, 10000);
    QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(harness.errorsLogged(ConnectionError::IdleTimeout), 0);
    // Then silent: closed.
    QTRY_COMPARE_WITH_TIMEOUT(client.socket.state(), QAbstractSocket::UnconnectedState, 5000);
}

void tst_ConnectionTimeouts::slowlorisClosedByFrameTimeout()
{
    // One byte every 50 ms and never a line end: the idle timeout alone would
    // never fire; the frame timeout closes it.
    ServerConfig config = configWith(std::chrono::milliseconds(10000), kShort);
    config.framing = Framing::Line; // no idle gap ends a message
    EngineHarness harness(config);
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    QTimer trickle;
    QObject::connect(&trickle, &QTimer::timeout, &client.socket, [&] {
        if (client.socket.state() == QAbstractSocket::ConnectedState)
            client.socket.write("x");
    });
    trickle.start(50);
    const quint64 id = harness.waitForId(client.socket);
    QTRY_COMPARE_WITH_TIMEOUT(client.socket.state(), QAbstractSocket::UnconnectedState, 5000);
    QTRY_VERIFY(harness.removed.contains(id));
    QCOMPARE(harness.errorsLogged(ConnectionError::FrameTimeout, id), 2);
    QCOMPARE(harness.errorsLogged(ConnectionError::IdleTimeout, id), 0);
    QVERIFY(client.received.startsWith("error: "));
}

void tst_ConnectionTimeouts::offByDefault()
{
    QCOMPARE(ConnectionLimits{}.idleTimeout.count(), 0);
    QCOMPARE(ConnectionLimits{}.frameTimeout.count(), 0);
    QVERIFY(!ConnectionLimits{}.rateLimit.isOn());
    // A silent peer of a default engine is still there after a second.
    EngineHarness harness;
    const quint16 port = harness.start();
    TestClient client;
    QVERIFY(client.connectTo(port));
    const quint64 id = harness.waitForId(client.socket);
    QSignalSpy closed(&client.socket, &QTcpSocket::disconnected);
    QVERIFY(!closed.wait(1000));
    QVERIFY(!harness.removed.contains(id));
}

QTEST_GUILESS_MAIN(tst_ConnectionTimeouts)
#include "tst_connectiontimeouts.moc"
