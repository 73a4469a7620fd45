// Nearest-rank percentiles (base/Percentiles.h) on sets whose answer is known:
// the p-th percentile of n ascending samples is the one at rank ceil(p/100 * n).

#include "base/Percentiles.h"

#include <QList>
#include <QtTest>

#include <numeric>
#include <vector>

using namespace chorus;

class tst_Percentiles : public QObject
{
    Q_OBJECT
private slots:
    void nearestRank_data();
    void nearestRank();
    void everyWholePercentOfHundredSamples_data();
    void everyWholePercentOfHundredSamples();
    void summarizeSortsACopy_data();
    void summarizeSortsACopy();
    void summarizeEmpty();
    void summarizeAnyContainer();
};

namespace {

std::vector<int> oneTo(int n)
{
    std::vector<int> samples(std::size_t(n), 0);
    std::iota(samples.begin(), samples.end(), 1);
    return samples;
}

} // namespace

void tst_Percentiles::nearestRank_data()
{
    QTest::addColumn<QList<int>>("sorted");
    QTest::addColumn<double>("p");
    QTest::addColumn<int>("expected");
    QTest::newRow("1 sample, p0") << QList<int>{7} << 0.0 << 7;
    QTest::newRow("1 sample, p50") << QList<int>{7} << 50.0 << 7;
    QTest::newRow("1 sample, p99") << QList<int>{7} << 99.0 << 7;
    QTest::newRow("1 sample, p100") << QList<int>{7} << 100.0 << 7;
    // NIST's example set: 15 20 35 40 50.
    const QList<int> nist{15, 20, 35, 40, 50};
    QTest::newRow("5 samples, p5") << nist << 5.0 << 15;
    QTest::newRow("5 samples, p30") << nist << 30.0 << 20;
    QTest::newRow("5 samples, p40") << nist << 40.0 << 20;
    QTest::newRow("5 samples, p50") << nist << 50.0 << 35;
    QTest::newRow("5 samples, p100") << nist << 100.0 << 50;
    const QList<int> four{1, 2, 3, 4};
    QTest::newRow("4 samples, p25") << four << 25.0 << 1;
    QTest::newRow("4 samples, p26") << four << 26.0 << 2;
    QTest::newRow("4 samples, p50") << four << 50.0 << 2;
    QTest::newRow("4 samples, p75") << four << 75.0 << 3;
    QTest::newRow("4 samples, p99") << four << 99.0 << 4;
    const QList<int> ten{10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
    QTest::newRow("10 samples, p90") << ten << 90.0 << 90;
    QTest::newRow("10 samples, p99") << ten << 99.0 << 100;
    QTest::newRow("10 samples, p0 is the smallest") << ten << 0.0 << 10;
    QTest::newRow("ties") << QList<int>{1, 5, 5, 5, 9} << 50.0 << 5;
}

void tst_Percentiles::nearestRank()
{
    QFETCH(QList<int>, sorted);
    QFETCH(double, p);
    QFETCH(int, expected);
    const std::vector<int> samples(sorted.cbegin(), sorted.cend());
    QCOMPARE(percentileOfSorted(samples, p), expected);
}

void tst_Percentiles::everyWholePercentOfHundredSamples_data()
{
    QTest::addColumn<int>("p");
    for (int p = 1; p <= 100; ++p)
        QTest::addRow("p%d", p) << p;
}

void tst_Percentiles::everyWholePercentOfHundredSamples()
{
    // With samples 1..100 the p-th percentile is p itself. (p/100.0 * 100 is
    // 7.000000000000001 for p = 7, which ceil() made rank 8.)
    QFETCH(int, p);
    QCOMPARE(percentileOfSorted(oneTo(100), double(p)), p);
    // And of 1..1000, 10 * p.
    QCOMPARE(percentileOfSorted(oneTo(1000), double(p)), 10 * p);
}

void tst_Percentiles::summarizeSortsACopy_data()
{
    QTest::addColumn<QList<double>>("samples");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("median");
    QTest::addColumn<double>("p99");
    QTest::addColumn<double>("max");
    QTest::newRow("1 sample") << QList<double>{2.5} << 2.5 << 2.5 << 2.5 << 2.5;
    QTest::newRow("unsorted 5") << QList<double>{5, 1, 4, 2, 3} << 1.0 << 3.0 << 5.0 << 5.0;
    QTest::newRow("descending 4") << QList<double>{0.4, 0.3, 0.2, 0.1} << 0.1 << 0.2 << 0.4 << 0.4;
    QList<double> hundred;
    for (int i = 100; i >= 1; --i) // reversed: summarize must sort
        hundred << double(i);
    QTest::newRow("100 reversed") << hundred << 1.0 << 50.0 << 99.0 << 100.0;
    QList<double> outlier(200, 1.0);
    outlier[17] = 900.0; // one slow sample in 200: p99 (rank 198) is still 1
    QTest::newRow("200 with one outlier") << outlier << 1.0 << 1.0 << 1.0 << 900.0;
}

void tst_Percentiles::summarizeSortsACopy()
{
    QFETCH(QList<double>, samples);
    QFETCH(double, min);
    QFETCH(double, median);
    QFETCH(double, p99);
    QFETCH(double, max);
    const QList<double> before = samples;
    const SampleSummary summary = summarize(samples);
    QCOMPARE(summary.count, std::size_t(samples.size()));
    QCOMPARE(summary.min, min);
    QCOMPARE(summary.median, median);
    QCOMPARE(summary.p99, p99);
    QCOMPARE(summary.max, max);
    QCOMPARE(samples, before); // the caller's samples keep their order
}

void tst_Percentiles::summarizeEmpty()
{
    const SampleSummary summary = summarize(std::vector<double>{});
    QCOMPARE(summary.count, std::size_t(0));
    QCOMPARE(summary.min, 0.0);
    QCOMPARE(summary.median, 0.0);
    QCOMPARE(summary.p99, 0.0);
    QCOMPARE(summary.max, 0.0);
}

void tst_Percentiles::summarizeAnyContainer()
{
    // Integer milliseconds in a QList, as the lag monitor keeps them.
    const SampleSummary summary = summarize(QList<qint64>{30, 10, 20});
    QCOMPARE(summary.count, std::size_t(3));
    QCOMPARE(summary.min, 10.0);
    QCOMPARE(summary.median, 20.0);
    QCOMPARE(summary.max, 30.0);
}

QTEST_GUILESS_MAIN(tst_Percentiles)
#include "tst_percentiles.moc"
