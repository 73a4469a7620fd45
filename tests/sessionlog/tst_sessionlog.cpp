// The session log: every byte round trips (hex), lines carry microseconds,
// files rotate by size and the oldest go past the count, a full disk stops
// the log with WriteFailed and leaves every line written before whole, and
// telemetry exports as CSV with one column per key.

#include "base/SessionLog.h"

#include "FullFileSystem.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

namespace {

SessionRecord message(qint64 t, const QByteArray& bytes)
{
    SessionRecord record;
    record.timeUs = t;
    record.kind = QStringLiteral("out");
    record.peer = QStringLiteral("127.0.0.1:9999");
    record.bytes = bytes;
    return record;
}

SessionRecord telemetry(qint64 t, const QString& peer, const QJsonObject& values)
{
    SessionRecord record;
    record.timeUs = t;
    record.kind = QStringLiteral("telemetry");
    record.peer = peer;
    record.fields.insert(QStringLiteral("values"), values);
    return record;
}

} // namespace

class TestSessionLog : public QObject
{
    Q_OBJECT
private slots:
    void everyByteRoundTrips();
    void rotatesBySizeAndKeepsTheNewest();
    void neverWritesIntoAnEarlierFile();
    void fullDiskStopsWithWholeLines();
    void telemetryCsvHasAColumnPerKey();
    void nowIsInMicroseconds();
};

void TestSessionLog::everyByteRoundTrips()
{
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(char(i));
    QTemporaryDir dir;
    SessionLogWriter writer(dir.path());
    const QList<SessionRecord> records = {
        message(1732934400123456, all),
        message(1732934400123457, QByteArray()), // an empty message still has (no) bytes
        telemetry(1732934400123458, QStringLiteral("[::1]:5"), {{QStringLiteral("alt"), 12.5}}),
    };
    for (const SessionRecord& record : records)
        QVERIFY(writer.write(record));
    int bad = -1;
    QCOMPARE(readSessionLog(writer.files(), &bad), records);
    QCOMPARE(bad, 0);
    const QByteArray line = SessionLogWriter::encode(records.at(0));
    QVERIFY2(line.startsWith(R"({"hex":"00 01 02 03)"), line.constData()); // keys sorted
    QVERIFY2(line.endsWith(R"("t":1732934400123456})"
                           "\n"),
             line.constData());
}

void TestSessionLog::rotatesBySizeAndKeepsTheNewest()
{
    QTemporaryDir dir;
    SessionLogWriter writer(dir.path(), QStringLiteral("s"), 4096, 3);
    const QByteArray payload(100, 'x');
    for (int i = 0; i < 200; ++i)
        QVERIFY(writer.write(message(i, payload)));
    QCOMPARE(writer.files().size(), 3);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 3);
    for (const QString& file : writer.files())
        QVERIFY(QFileInfo(file).size() <= 4096);
    // The newest lines are there, whole and in order, ending with the last one.
    const QList<SessionRecord> kept = readSessionLog(writer.files());
    QVERIFY(!kept.isEmpty());
    QCOMPARE(kept.constLast().timeUs, 199);
    for (qsizetype i = 1; i < kept.size(); ++i)
        QCOMPARE(kept.at(i).timeUs, kept.at(i - 1).timeUs + 1);
}

void TestSessionLog::neverWritesIntoAnEarlierFile()
{
    QTemporaryDir dir;
    QStringList first;
    {
        SessionLogWriter writer(dir.path());
        QVERIFY(writer.write(message(1, "one")));
        first = writer.files();
    }
    const QByteArray before = [&] {
        QFile file(first.constFirst());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    SessionLogWriter again(dir.path());
    QVERIFY(again.write(message(2, "two")));
    QVERIFY(again.files().constFirst() != first.constFirst());
    QFile file(first.constFirst());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
}

void TestSessionLog::fullDiskStopsWithWholeLines()
{
    chorus::testing::FullFileSystem disk(256 * 1024);
    if (!disk.isReady())
        QSKIP(qPrintable(disk.skipReason()));
    SessionLogWriter writer(disk.filePath(QStringLiteral("log")), QStringLiteral("s"), 64 * 1024,
                            100);
    const QByteArray payload(1000, 'y');
    int written = 0;
    for (int i = 0; i < 10000 && writer.write(message(i, payload)); ++i)
        ++written;
    QVERIFY(written > 10);
    QCOMPARE(writer.problem().error, SessionLogError::WriteFailed);
    QVERIFY(!writer.problem().reason.isEmpty());
    QVERIFY(!writer.write(message(1, "x"))); // stopped: nothing more is tried
    // Every line written before the failure is there, whole.
    int bad = -1;
    const QList<SessionRecord> kept = readSessionLog(writer.files(), &bad);
    QCOMPARE(bad, 0);
    QCOMPARE(kept.size(), written);
    QCOMPARE(kept.constLast().bytes, std::optional<QByteArray>(payload));
}

void TestSessionLog::telemetryCsvHasAColumnPerKey()
{
    const QList<SessionRecord> records = {
        telemetry(10, QStringLiteral("a:1"), {{QStringLiteral("alt"), 1.5}}),
        message(11, "ignored"),
        telemetry(12, QStringLiteral("b,2"),
                  {{QStringLiteral("bat"), 87}, {QStringLiteral("alt"), 0.25}}),
    };
    QCOMPARE(telemetryCsv(records), QByteArray("time_us,peer,alt,bat\n"
                                               "10,a:1,1.5,\n"
                                               "12,\"b,2\",0.25,87\n"));
}

void TestSessionLog::nowIsInMicroseconds()
{
    const qint64 now = SessionLogWriter::nowUs();
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(std::abs(now / 1000 - ms) < 1000);
}

QTEST_GUILESS_MAIN(TestSessionLog)
#include "tst_sessionlog.moc"
