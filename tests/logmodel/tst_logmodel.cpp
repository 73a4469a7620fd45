// LogModel keeps a bounded number of lines (oldest dropped first) and
// LogFilterModel filters by text and by connection.

#include "FullFileSystem.h"
#include "LogFileWriter.h"
#include "LogModel.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace chorus;
using chorus::testing::FullFileSystem;

class TestLogModel : public QObject
{
    Q_OBJECT
private slots:
    void appendAndFormat();
    void boundedDropsOldest();
    void batchLargerThanCapacity();
    void shrinkCapacity();
    void filterByText();
    void filterByConnection();
    void filterBySeverity_data();
    void filterBySeverity();
    void levelsAreColoured();
    void saveAllKeptLines();
    void logFileAppendsAndReportsFailure();
    void viewSwitchReRendersEveryLine();
    void saveKeepsExactBytes();
};

Q_DECLARE_METATYPE(chorus::StatusSeverity)

static LogEntry entry(int n, quint64 connection = 0, LogLevel level = LogLevel::Info)
{
    LogEntry e;
    e.time = QDateTime(QDate(2026, 11, 25), QTime(6, 4, 1, 123));
    e.level = level;
    e.kind = LogKind::Notice;
    e.connectionId = connection;
    e.text = QStringLiteral("line %1").arg(n);
    return e;
}

static QList<LogEntry> entries(int from, int count, quint64 connection = 0)
{
    QList<LogEntry> list;
    for (int i = from; i < from + count; ++i)
        list.append(entry(i, connection));
    return list;
}

void TestLogModel::appendAndFormat()
{
    LogModel model;
    QAbstractItemModelTester tester(&model);
    model.append(entries(0, 3, 7));
    QCOMPARE(model.rowCount(), 3);
    const QString line = model.index(1).data().toString();
    QVERIFY2(line.contains(QLatin1String("2026-11-25")), qPrintable(line));
    QVERIFY2(line.contains(QLatin1String("06:04:01.123")), qPrintable(line));
    QVERIFY(line.contains(QLatin1String("line 1")));
    QCOMPARE(model.index(1).data(LogModel::ConnectionIdRole).value<quint64>(), quint64(7));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestLogModel::boundedDropsOldest()
{
    LogModel model;
    QAbstractItemModelTester tester(&model);
    model.setCapacity(100);
    for (int batch = 0; batch < 10; ++batch)
        model.append(entries(batch * 30, 30));
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.entryAt(0).text, QStringLiteral("line 200"));
    QCOMPARE(model.entryAt(99).text, QStringLiteral("line 299"));
    QCOMPARE(model.droppedCount(), quint64(200));
}

void TestLogModel::batchLargerThanCapacity()
{
    LogModel model;
    QAbstractItemModelTester tester(&model);
    model.setCapacity(10);
    model.append(entries(0, 5));
    model.append(entries(5, 25));
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.entryAt(0).text, QStringLiteral("line 20"));
    QCOMPARE(model.entryAt(9).text, QStringLiteral("line 29"));
}

void TestLogModel::shrinkCapacity()
{
    LogModel model;
    QCOMPARE(model.capacity(), LogModel::kDefaultCapacity);
    model.append(entries(0, 50));
    model.setCapacity(20);
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(model.entryAt(0).text, QStringLiteral("line 30"));
}

void TestLogModel::filterByText()
{
    LogModel model;
    LogFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter);
    model.append(entries(0, 20));
    filter.setTextFilter(QStringLiteral("LINE 1"));
    QCOMPARE(filter.rowCount(), 11); // line 1, line 10..19
    model.append(entries(100, 5));   // line 100..104 match too
    QCOMPARE(filter.rowCount(), 16);
    filter.setTextFilter(QString());
    QCOMPARE(filter.rowCount(), 25);
}

void TestLogModel::filterByConnection()
{
    LogModel model;
    LogFilterModel filter;
    filter.setSourceModel(&model);
    model.append(entries(0, 4, 1));
    model.append(entries(4, 3, 2));
    model.append(entries(7, 2, 0));
    filter.setConnectionFilter({2});
    QCOMPARE(filter.rowCount(), 3);
    QCOMPARE(filter.index(0, 0).data().toString().contains(QLatin1String("line 4")), true);
    filter.setConnectionFilter({1, 2});
    QCOMPARE(filter.rowCount(), 7);
    filter.setTextFilter(QStringLiteral("line 5"));
    QCOMPARE(filter.rowCount(), 1);
    filter.setConnectionFilter({});
    filter.setTextFilter(QString());
    QCOMPARE(filter.rowCount(), 9);
}

void TestLogModel::filterBySeverity_data()
{
    // Eight status lines, one per severity, and two lines without one.
    QTest::addColumn<StatusSeverity>("threshold");
    QTest::addColumn<int>("rows");
    QTest::newRow("all") << StatusSeverity::Debug << 10;
    QTest::newRow("info and up") << StatusSeverity::Info << 9;
    QTest::newRow("warning and up") << StatusSeverity::Warning << 7;
    QTest::newRow("error and up") << StatusSeverity::Error << 6;
    QTest::newRow("emergency only") << StatusSeverity::Emergency << 3;
}

void TestLogModel::filterBySeverity()
{
    QFETCH(StatusSeverity, threshold);
    QFETCH(int, rows);
    LogModel model;
    LogFilterModel filter;
    filter.setSourceModel(&model);
    QList<LogEntry> list = entries(0, 2);
    for (int s = 0; s < 8; ++s) {
        LogEntry status = entry(10 + s, 3);
        status.severity = StatusSeverity(s);
        list << status;
    }
    model.append(list);
    filter.setSeverityFilter(threshold);
    QCOMPARE(filter.rowCount(), rows);
}

void TestLogModel::levelsAreColoured()
{
    LogModel model;
    model.append({entry(0, 0, LogLevel::Info), entry(1, 0, LogLevel::Warning),
                  entry(2, 0, LogLevel::Error)});
    QVERIFY(!model.index(0).data(Qt::ForegroundRole).isValid());
    QVERIFY(model.index(1).data(Qt::ForegroundRole).isValid());
    QVERIFY(model.index(2).data(Qt::ForegroundRole).isValid());
    QVERIFY(model.index(1).data(Qt::ForegroundRole) != model.index(2).data(Qt::ForegroundRole));
}

void TestLogModel::saveAllKeptLines()
{
    LogModel model;
    model.append(entries(0, 3));
    const QList<QByteArray> lines = model.toUtf8().split('\n');
    QCOMPARE(lines.size(), 4); // three lines, each LF-terminated
    QVERIFY(lines.at(2).endsWith("line 2"));
}

void TestLogModel::logFileAppendsAndReportsFailure()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("server.log"));
    {
        LogFileWriter writer;
        QVERIFY(writer.open(path).ok());
        QVERIFY(writer.write(entries(0, 2)));
    }
    {
        LogFileWriter writer; // appends, never truncates
        QVERIFY(writer.open(path).ok());
        QVERIFY(writer.write(entries(2, 1)));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 3);

    LogFileWriter writer;
    QCOMPARE(writer.open(dir.filePath(QStringLiteral("missing/dir/x.log"))).error,
             FileError::OpenFailed);
    // A FIFO nobody reads would block every write: refused at once.
    const QString fifo = dir.filePath(QStringLiteral("fifo.log"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QCOMPARE(writer.open(fifo).error, FileError::NotRegularFile);
    QCOMPARE(writer.open(dir.path()).error, FileError::NotRegularFile);

    // A disk that fills up under the log: reported once, as WriteFailed, and closed.
    FullFileSystem disk;
    if (!disk.isReady())
        QSKIP(qPrintable(disk.skipReason()));
    QVERIFY(writer.open(disk.filePath(QStringLiteral("server.log"))).ok());
    QVERIFY(disk.fill());
    QSignalSpy failed(&writer, &LogFileWriter::failed);
    QVERIFY(!writer.write(entries(0, 100)));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().value<FileResult>().error, FileError::WriteFailed);
    QVERIFY(!writer.isOpen());
    QVERIFY(!writer.write(entries(0, 1))); // stopped: no second report
    QCOMPARE(failed.count(), 1);
}

void TestLogModel::viewSwitchReRendersEveryLine()
{
    LogModel model;
    QAbstractItemModelTester tester(&model);
    LogEntry message =
        LogEntry::withPayload(LogLevel::Info, LogKind::Received, 3, QStringLiteral("received"),
                              QByteArray("\x01\xFF\\", 3));
    model.append({entry(0), message});
    QCOMPARE(model.index(1).data().toString().section(QStringLiteral(": "), -1),
             QStringLiteral("\\x01\\xFF\\\\"));
    const auto spans = model.index(1).data(LogModel::EscapeSpansRole).value<QList<EscapeSpan>>();
    QCOMPARE(spans.size(), 3);
    QVERIFY(model.index(0).data(LogModel::EscapeSpansRole).value<QList<EscapeSpan>>().isEmpty());
    QCOMPARE(model.index(1).data(LogModel::PayloadRole).toByteArray(), QByteArray("\x01\xFF\\", 3));
    QVERIFY(!model.index(0).data(LogModel::PayloadRole).isValid());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setByteView(ByteView::Hex);
    QCOMPARE(changed.count(), 1); // every kept line, in one signal
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 1);
    QVERIFY(model.index(1).data().toString().endsWith(QStringLiteral("(3 bytes): 01 FF 5C")));
    QVERIFY(model.index(1).data(LogModel::EscapeSpansRole).value<QList<EscapeSpan>>().isEmpty());
    model.setByteView(ByteView::Mixed);
    QVERIFY(model.index(1).data().toString().contains(QStringLiteral("\n00000000  01 ff 5c")));
    QVERIFY(model.index(0).data().toString().endsWith(QStringLiteral("line 0"))); // no payload
    model.setByteView(ByteView::Mixed);
    QCOMPARE(changed.count(), 2); // the same view again: nothing to redo
}

void TestLogModel::saveKeepsExactBytes()
{
    LogModel model;
    model.setByteView(ByteView::Hex); // saved files do not depend on the view shown
    const QByteArray bytes("\x00\r\n\xC0", 4);
    model.append(
        {LogEntry::withPayload(LogLevel::Info, LogKind::Sent, 9, QStringLiteral("sent"), bytes)});
    QVERIFY(model.toUtf8().endsWith("[#9] sent: \\0\\r\\n\\xC0\n"));
    const QJsonObject json = QJsonDocument::fromJson(model.toJsonLines().trimmed()).object();
    QCOMPARE(json.value(QLatin1String("hex")).toString(), QStringLiteral("000d0ac0"));
    QCOMPARE(json.value(QLatin1String("text")).toString(), QStringLiteral("\\0\\r\\n\\xC0"));
    QCOMPARE(json.value(QLatin1String("kind")).toString(), QStringLiteral("sent"));
    QCOMPARE(json.value(QLatin1String("id")).toInt(), 9);
    QCOMPARE(json.value(QLatin1String("line")).toString(), QStringLiteral("sent"));
}

QTEST_MAIN(TestLogModel)
#include "tst_logmodel.moc"
