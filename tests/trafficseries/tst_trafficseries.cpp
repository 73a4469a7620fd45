// TrafficSeries (the server's traffic chart without widgets): the points
// follow the engine's counters (rates from the cumulative counts, active
// connections as they are), at most N points and five minutes are kept; and
// the chart draws what the series holds, with the current values in the legend.
// The engine end to end: its countersUpdated snapshots make the points.

#include "EngineHarness.h"
#include "TrafficChart.h"
#include "TrafficSeries.h"

#include <QLineSeries>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace chorus;

namespace {
ServerCounters counters(quint64 in, quint64 out, quint64 active)
{
    ServerCounters c;
    c.messagesIn = in;
    c.messagesOut = out;
    c.active = active;
    return c;
}
} // namespace

class TestTrafficSeries : public QObject
{
    Q_OBJECT
private slots:
    void ratesFollowTheCounters_data();
    void ratesFollowTheCounters();
    void atMostNPointsAndTheSpan();
    void restartStartsFromZero();
    void chartShowsTheSeries();
    void followsARealEngine();
};

void TestTrafficSeries::ratesFollowTheCounters_data()
{
    QTest::addColumn<QList<qint64>>("times");
    QTest::addColumn<QList<quint64>>("ins");
    QTest::addColumn<QList<quint64>>("outs");
    QTest::addColumn<QList<double>>("inRates");
    QTest::addColumn<QList<double>>("outRates");
    QTest::newRow("steady") << QList<qint64>{0, 250, 500, 750} << QList<quint64>{0, 25, 50, 75}
                            << QList<quint64>{0, 25, 50, 75} << QList<double>{100, 100, 100}
                            << QList<double>{100, 100, 100};
    QTest::newRow("burst then quiet")
        << QList<qint64>{1000, 1250, 1500, 2500} << QList<quint64>{10, 2510, 2510, 2510}
        << QList<quint64>{10, 2000, 2510, 2510} << QList<double>{10000, 0, 0}
        << QList<double>{7960, 2040, 0};
    QTest::newRow("uneven snapshots")
        << QList<qint64>{0, 100, 1100} << QList<quint64>{0, 1, 11} << QList<quint64>{0, 0, 0}
        << QList<double>{10, 10} << QList<double>{0, 0};
}

void TestTrafficSeries::ratesFollowTheCounters()
{
    QFETCH(QList<qint64>, times);
    QFETCH(QList<quint64>, ins);
    QFETCH(QList<quint64>, outs);
    QFETCH(QList<double>, inRates);
    QFETCH(QList<double>, outRates);
    TrafficSeries series;
    for (int i = 0; i < times.size(); ++i)
        series.add(times[i], counters(ins[i], outs[i], quint64(i)));
    QCOMPARE(int(series.points().size()), inRates.size()); // the first only sets the base
    for (int i = 0; i < inRates.size(); ++i) {
        const TrafficPoint& p = series.points()[size_t(i)];
        QCOMPARE(p.timeMs, times[i + 1]);
        QCOMPARE(p.inPerSecond, inRates[i]);
        QCOMPARE(p.outPerSecond, outRates[i]);
        QCOMPARE(p.active, quint64(i + 1));
    }
}

void TestTrafficSeries::atMostNPointsAndTheSpan()
{
    // N points: 100 kept of 1,000 snapshots, the newest ones.
    TrafficSeries few(std::chrono::minutes(5), 100);
    for (int i = 0; i <= 1000; ++i)
        few.add(i * 250, counters(quint64(i) * 10, 0, quint64(i)));
    QCOMPARE(int(few.points().size()), 100);
    QCOMPARE(few.points().front().active, quint64(901));
    QCOMPARE(few.latest().active, quint64(1000));
    QCOMPARE(few.peakActive(), quint64(1000));
    QCOMPARE(few.peakRate(), 40.0);
    // The span: five minutes of 250 ms snapshots, then the oldest go.
    TrafficSeries span;
    for (int i = 0; i <= 2400; ++i) // ten minutes
        span.add(i * 250, counters(quint64(i), quint64(i), 1));
    QVERIFY(int(span.points().size()) <= TrafficSeries::kDefaultMaxPoints);
    QVERIFY(span.points().front().timeMs >= 2400 * 250 - 5 * 60 * 1000);
    QCOMPARE(span.latest().timeMs, 2400 * 250);
}

void TestTrafficSeries::restartStartsFromZero()
{
    TrafficSeries series;
    series.add(0, counters(0, 0, 0));
    series.add(1000, counters(500, 500, 5));
    // Stopped and started again: the engine's counters start from zero.
    series.add(2000, counters(3, 3, 1));
    QCOMPARE(int(series.points().size()), 1); // no negative rate, no point for the jump
    series.add(3000, counters(103, 53, 2));
    QCOMPARE(int(series.points().size()), 2);
    QCOMPARE(series.latest().inPerSecond, 100.0);
    QCOMPARE(series.latest().outPerSecond, 50.0);
    series.add(3000, counters(200, 200, 2)); // the same instant: no rate to tell
    QCOMPARE(int(series.points().size()), 2);
    series.clear();
    QVERIFY(series.isEmpty());
}

void TestTrafficSeries::chartShowsTheSeries()
{
    TrafficChart chart;
    chart.resize(600, 200);
    chart.show();
    for (int i = 0; i <= 20; ++i)
        chart.addCountersAt(i * 250, counters(quint64(i) * 250, quint64(i) * 125, 42));
    QCOMPARE(chart.inLine()->count(), 20);
    QCOMPARE(chart.outLine()->count(), 20);
    QCOMPARE(chart.activeLine()->count(), 20);
    QCOMPARE(chart.inLine()->at(19), QPointF(0, 1000)); // x: seconds before the newest
    QCOMPARE(chart.outLine()->at(0), QPointF(-4.75, 500));
    QCOMPARE(chart.activeLine()->at(5).y(), 42.0);
    QVERIFY(chart.inLine()->name().contains(QLocale().toString(1000)));
    QVERIFY(chart.activeLine()->name().contains(QStringLiteral("42")));
    // Hidden: the series still follows, the lines catch up when shown again.
    chart.hide();
    chart.addCountersAt(21 * 250, counters(21 * 250 + 500, 21 * 125, 7));
    QCOMPARE(chart.series().latest().active, quint64(7));
    chart.show();
    QCOMPARE(chart.activeLine()->count(), 21);
    QCOMPARE(chart.activeLine()->at(20).y(), 7.0);
}

void TestTrafficSeries::followsARealEngine()
{
    testing::EngineHarness harness;
    const quint16 port = harness.start();
    QVERIFY(port != 0);
    TrafficChart chart;
    connect(&harness.engine, &ServerEngine::countersUpdated, &chart, &TrafficChart::addCounters);
    QTcpSocket peer;
    peer.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(peer.waitForConnected(5000));
    // A line after each snapshot (at most 200), so that snapshots see traffic go by.
    int written = 0;
    connect(&harness.engine, &ServerEngine::countersUpdated, &peer, [&] {
        if (written++ < 200)
            peer.write("ping\n");
    });
    peer.write("ping\n");
    // The engine's snapshots arrive a few times a second: one shows the peer.
    QTRY_VERIFY_WITH_TIMEOUT(!chart.series().isEmpty() && chart.series().latest().active == 1,
                             10000);
    QTRY_VERIFY_WITH_TIMEOUT(chart.series().peakRate() > 0, 10000);
    double inSum = 0;
    qint64 previous = -1;
    for (const TrafficPoint& p : chart.series().points()) {
        QVERIFY(p.timeMs > previous);
        previous = p.timeMs;
        inSum += p.inPerSecond;
    }
    QVERIFY(inSum > 0);
    QVERIFY(harness.stop());
}

QTEST_MAIN(TestTrafficSeries)
#include "tst_trafficseries.moc"
