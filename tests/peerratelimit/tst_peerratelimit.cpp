// PeerRateLimit: token buckets of messages and bytes, a full burst at the
// start, refilled at the rate up to the burst, and how long to wait.

#include "server/PeerRateLimit.h"

#include <QtTest>

using namespace chorus;
using namespace std::chrono_literals;

class tst_PeerRateLimit : public QObject
{
    Q_OBJECT
private slots:
    void offAllowsEverything();
    void burstThenRate();
    void bytesAndWait();
    void burstShorterThanOneMessageStillLetsOneThrough();
};

void tst_PeerRateLimit::offAllowsEverything()
{
    PeerRateLimit limit;
    QVERIFY(!limit.isOn());
    QVERIFY(limit.messagesAllowed() > 1000000);
    QVERIFY(limit.bytesAllowed() > 1000000);
    QCOMPARE(limit.waitFor(1 << 20).count(), 0);
}

void tst_PeerRateLimit::burstThenRate()
{
    RateLimit rate;
    rate.messagesPerSecond = 10;
    rate.burst = 500ms; // 5 messages
    PeerRateLimit limit(rate);
    const auto start = PeerRateLimit::Clock::now();
    limit.refill(start);
    QCOMPARE(limit.messagesAllowed(), qint64(5));
    for (int i = 0; i < 5; ++i)
        limit.takeMessage();
    QCOMPARE(limit.messagesAllowed(), qint64(0));
    QCOMPARE(limit.waitFor(0).count(), 100); // one message at 10/s
    limit.refill(start + 250ms);
    QCOMPARE(limit.messagesAllowed(), qint64(2));
    // Never more than the burst, however long the peer was quiet.
    limit.refill(start + 1h);
    QCOMPARE(limit.messagesAllowed(), qint64(5));
}

void tst_PeerRateLimit::bytesAndWait()
{
    RateLimit rate;
    rate.bytesPerSecond = 1000;
    rate.burst = 100ms; // 100 bytes
    PeerRateLimit limit(rate);
    const auto start = PeerRateLimit::Clock::now();
    limit.refill(start);
    QCOMPARE(limit.bytesAllowed(), qint64(100));
    QVERIFY(limit.messagesAllowed() > 1000000); // messages are not limited
    limit.takeBytes(100);
    QCOMPARE(limit.bytesAllowed(), qint64(0));
    // Waiting for more than the bucket holds waits for a full bucket only.
    QCOMPARE(limit.waitFor(50).count(), 50);
    QCOMPARE(limit.waitFor(100000).count(), 100);
    limit.refill(start + 50ms);
    QCOMPARE(limit.bytesAllowed(), qint64(50));
}

void tst_PeerRateLimit::burstShorterThanOneMessageStillLetsOneThrough()
{
    RateLimit rate;
    rate.messagesPerSecond = 1;
    rate.burst = 1ms;
    PeerRateLimit limit(rate);
    limit.refill(PeerRateLimit::Clock::now());
    QCOMPARE(limit.messagesAllowed(), qint64(1));
}

QTEST_GUILESS_MAIN(tst_PeerRateLimit)
#include "tst_peerratelimit.moc"
