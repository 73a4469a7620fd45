// EventLoopLagMonitor: percentiles over a bounded ring, a blocked event loop
// shows up as lag, and the report is the documented JSON.

#include "EventLoopLagMonitor.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class TestEventLoopLagMonitor : public QObject
{
    Q_OBJECT
private slots:
    void percentiles();
    void ringIsBounded();
    void blockedLoopIsMeasured();
    void reportFile();
};

void TestEventLoopLagMonitor::percentiles()
{
    EventLoopLagMonitor monitor;
    QCOMPARE(monitor.summary().samples, 0);
    for (int i = 1; i <= 100; ++i)
        monitor.addSample(i); // 1..100 ms
    const LagSummary s = monitor.summary();
    QCOMPARE(s.samples, 100);
    QCOMPARE(s.p50Ms, 50.0);
    QCOMPARE(s.p99Ms, 99.0);
    QCOMPARE(s.maxMs, 100.0);
}

void TestEventLoopLagMonitor::ringIsBounded()
{
    EventLoopLagMonitor monitor;
    monitor.setCapacity(10);
    monitor.addSample(500); // an early spike leaves the ring but stays the run's max
    for (int i = 0; i < 100; ++i)
        monitor.addSample(1);
    const LagSummary s = monitor.summary();
    QCOMPARE(s.samples, 101);
    QCOMPARE(s.p99Ms, 1.0);
    QCOMPARE(s.maxMs, 500.0);
}

void TestEventLoopLagMonitor::blockedLoopIsMeasured()
{
    EventLoopLagMonitor monitor;
    monitor.start();
    QTRY_VERIFY(monitor.summary().samples >= 1); // ticking before the loop is blocked
    // Block the event loop for 150 ms: one tick must come that late.
    QElapsedTimer busy;
    busy.start();
    while (busy.elapsed() < 150) {
    }
    QTRY_VERIFY(monitor.summary().maxMs >= 100.0);
    QTRY_VERIFY(monitor.summary().samples >= 5);
    monitor.stop();
    QVERIFY(!monitor.isRunning());
}

void TestEventLoopLagMonitor::reportFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EventLoopLagMonitor monitor;
    monitor.addSample(2.5);
    monitor.addSample(0.25);
    const QString path = dir.filePath(QStringLiteral("lag.json"));
    QVERIFY(monitor.writeReport(path).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    QVERIFY2(data.startsWith("{\"samples\":2,\"p50_ms\":"), data.constData());
    const QJsonObject object = QJsonDocument::fromJson(data).object();
    QCOMPARE(object.value(QStringLiteral("samples")).toInt(), 2);
    QCOMPARE(object.value(QStringLiteral("p50_ms")).toDouble(), 0.25);
    QCOMPARE(object.value(QStringLiteral("p99_ms")).toDouble(), 2.5);
    QCOMPARE(object.value(QStringLiteral("max_ms")).toDouble(), 2.5);
    // A folder where the report should go: refused, the folder is left as it is.
    QVERIFY(QDir().mkdir(dir.filePath(QStringLiteral("folder.json"))));
    const FileResult refused = monitor.writeReport(dir.filePath(QStringLiteral("folder.json")));
    QCOMPARE(refused.error, FileError::NotRegularFile);
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("folder.json"))).isDir());
}

QTEST_GUILESS_MAIN(TestEventLoopLagMonitor)
#include "tst_eventlooplagmonitor.moc"
