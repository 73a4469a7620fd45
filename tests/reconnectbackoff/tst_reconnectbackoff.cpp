// ReconnectBackoff: 0.5 s doubling to 30 s; only reset() starts over.

#include "client/ReconnectBackoff.h"

#include <QTest>

using namespace chorus;
using namespace std::chrono_literals;

class TestReconnectBackoff : public QObject
{
    Q_OBJECT
private slots:
    void doublesToTheCap();
    void onlyResetStartsOver();
    void oddLimitsAreMadeSane();
};

void TestReconnectBackoff::doublesToTheCap()
{
    ReconnectBackoff backoff(500ms, 30s);
    QCOMPARE(backoff.failures(), 0);
    QCOMPARE(backoff.lastDelay(), 0ms);
    const QList<qint64> expected = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(backoff.nextDelay().count(), expected.at(i));
        QCOMPARE(backoff.failures(), i + 1);
        QCOMPARE(backoff.lastDelay().count(), expected.at(i));
    }
}

void TestReconnectBackoff::onlyResetStartsOver()
{
    ReconnectBackoff backoff(500ms, 30s);
    backoff.nextDelay();
    backoff.nextDelay();
    QCOMPARE(backoff.nextDelay(), 2000ms);
    backoff.reset();
    QCOMPARE(backoff.failures(), 0);
    QCOMPARE(backoff.nextDelay(), 500ms);
    // New limits keep the count: the next wait follows from the last one.
    backoff.setLimits(100ms, 150ms);
    QCOMPARE(backoff.nextDelay(), 150ms);
}

void TestReconnectBackoff::oddLimitsAreMadeSane()
{
    ReconnectBackoff zero(0ms, 0ms);
    QCOMPARE(zero.nextDelay(), 1ms); // never a busy loop
    QCOMPARE(zero.nextDelay(), 1ms);
    ReconnectBackoff inverted(800ms, 100ms);
    QCOMPARE(inverted.nextDelay(), 800ms);
    QCOMPARE(inverted.nextDelay(), 800ms);
}

QTEST_APPLESS_MAIN(TestReconnectBackoff)
#include "tst_reconnectbackoff.moc"
