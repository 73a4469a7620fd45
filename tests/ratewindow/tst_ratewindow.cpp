// RateWindow: the status bar's messages per second. A steady 2 messages/s
// seen at the engine's 250 ms tick reads 2.0, not 0.0 and 4.0 in turn.

#include "base/RateWindow.h"

#include <QtTest>

using namespace chorus;
using namespace std::chrono_literals;

class TestRateWindow : public QObject
{
    Q_OBJECT
private slots:
    void steadyRateReadsSteady_data();
    void steadyRateReadsSteady();
    void idleFallsToZero();
    void firstTicksRampUp();
};

void TestRateWindow::steadyRateReadsSteady_data()
{
    QTest::addColumn<int>("tickMs");
    QTest::addColumn<int>("eventEveryMs");
    QTest::addColumn<double>("expected");
    QTest::newRow("2/s at 250 ms ticks") << 250 << 500 << 2.0;
    QTest::newRow("2/s at 100 ms ticks") << 100 << 500 << 2.0;
    QTest::newRow("10/s at 250 ms ticks") << 250 << 100 << 10.0;
    QTest::newRow("0.5/s at 250 ms ticks") << 250 << 2000 << 0.5;
}

void TestRateWindow::steadyRateReadsSteady()
{
    QFETCH(int, tickMs);
    QFETCH(int, eventEveryMs);
    QFETCH(double, expected);
    RateWindow rate;
    quint64 total = 0;
    int nextEventMs = 130; // out of phase with the ticks
    double lowest = 1e9;
    double highest = 0;
    for (int now = 0; now <= 20000; now += tickMs) {
        while (nextEventMs <= now) {
            ++total;
            nextEventMs += eventEveryMs;
        }
        rate.add(std::chrono::milliseconds(now), total);
        if (now >= 6000) { // once a whole window has passed
            lowest = std::min(lowest, rate.perSecond());
            highest = std::max(highest, rate.perSecond());
        }
    }
    // Within one event per window of the truth, at every tick.
    const double slack = 1000.0 / 5000.0 + 1e-9;
    QVERIFY2(lowest >= expected - slack && highest <= expected + slack,
             qPrintable(QStringLiteral("%1..%2").arg(lowest).arg(highest)));
}

void TestRateWindow::idleFallsToZero()
{
    RateWindow rate;
    rate.add(0ms, 0);
    rate.add(1000ms, 50);
    QCOMPARE(rate.perSecond(), 50.0);
    for (int t = 1250; t <= 7000; t += 250)
        rate.add(std::chrono::milliseconds(t), 50);
    QCOMPARE(rate.perSecond(), 0.0);
    rate.clear();
    QCOMPARE(rate.perSecond(), 0.0);
}

void TestRateWindow::firstTicksRampUp()
{
    RateWindow rate;
    QCOMPARE(rate.perSecond(), 0.0);
    rate.add(0ms, 0);
    rate.add(250ms, 1); // one message in the first tick is not 4/s
    QCOMPARE(rate.perSecond(), 1.0);
}

QTEST_GUILESS_MAIN(TestRateWindow)
#include "tst_ratewindow.moc"
