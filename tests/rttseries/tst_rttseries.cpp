// RttSeries (the client's round-trip chart without widgets): the last N
// replies' round trips in order, numbered from the first, min/median/p99 of
// them (nearest rank); and the chart draws them with the values in the legend.

#include "RttChart.h"
#include "RttSeries.h"

#include <QLineSeries>
#include <QTest>

using namespace chorus;

class TestRttSeries : public QObject
{
    Q_OBJECT
private slots:
    void keepsTheLastN_data();
    void keepsTheLastN();
    void summaryOfTheKeptReplies();
    void chartDrawsTheSeries();
};

void TestRttSeries::keepsTheLastN_data()
{
    QTest::addColumn<int>("maxPoints");
    QTest::addColumn<int>("added");
    QTest::newRow("fewer than N") << 500 << 10;
    QTest::newRow("exactly N") << 500 << 500;
    QTest::newRow("many more than N") << 500 << 12345;
    QTest::newRow("N = 1") << 1 << 3;
}

void TestRttSeries::keepsTheLastN()
{
    QFETCH(int, maxPoints);
    QFETCH(int, added);
    RttSeries series(maxPoints);
    for (int i = 1; i <= added; ++i)
        series.add(i / 4.0);
    const int kept = std::min(added, maxPoints);
    QCOMPARE(int(series.rtts().size()), kept);
    QCOMPARE(series.total(), quint64(added));
    QCOMPARE(series.firstNumber(), quint64(added - kept + 1));
    QCOMPARE(series.rtts().front(), (added - kept + 1) / 4.0);
    QCOMPARE(series.rtts().back(), added / 4.0);
    series.clear();
    QVERIFY(series.rtts().empty());
    QCOMPARE(series.summary().count, size_t(0));
}

void TestRttSeries::summaryOfTheKeptReplies()
{
    RttSeries series(100);
    for (int i = 0; i < 50; ++i)
        series.add(1000.0); // pushed out below
    for (int i = 100; i >= 1; --i)
        series.add(double(i)); // 100 .. 1 ms
    const SampleSummary s = series.summary();
    QCOMPARE(s.count, size_t(100));
    QCOMPARE(s.min, 1.0);
    QCOMPARE(s.median, 50.0);
    QCOMPARE(s.p99, 99.0);
    QCOMPARE(s.max, 100.0);
}

void TestRttSeries::chartDrawsTheSeries()
{
    RttChart chart;
    chart.resize(500, 200);
    chart.show();
    for (int i = 1; i <= 700; ++i)
        chart.addRtt(i % 10 + 0.5);
    chart.redraw(); // the timer would, within a quarter second
    QCOMPARE(chart.replyLine()->count(), RttSeries::kDefaultMaxPoints);
    QCOMPARE(chart.replyLine()->at(0), QPointF(201, 1.5)); // reply 201 of 700: 201 % 10 + 0.5
    QCOMPARE(chart.replyLine()->at(499), QPointF(700, 0.5));
    QCOMPARE(chart.minLine()->count(), 2);
    QCOMPARE(chart.minLine()->at(0).y(), 0.5);
    QCOMPARE(chart.medianLine()->at(1).y(), 4.5);
    QCOMPARE(chart.p99Line()->at(0).y(), 9.5);
    QVERIFY(chart.p99Line()->name().contains(QLocale().toString(9.5, 'f', 2)));
    chart.clear();
    QCOMPARE(chart.replyLine()->count(), 0);
    QCOMPARE(chart.minLine()->count(), 0);
}

QTEST_MAIN(TestRttSeries)
#include "tst_rttseries.moc"
