// exportTelemetryCsv: one column per key over every file of a folder, in the
// files' order; each bad input named by its enum; the CSV written atomically.

#include "base/SessionLog.h"
#include "base/TelemetryCsvExport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

namespace {

SessionRecord telemetry(qint64 t, const QString& peer, const QJsonObject& values)
{
    SessionRecord record;
    record.timeUs = t;
    record.kind = QStringLiteral("telemetry");
    record.peer = peer;
    record.fields.insert(QStringLiteral("values"), values);
    return record;
}

void writeLog(const QString& path, const QList<SessionRecord>& records,
              const QByteArray& extra = {})
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (const SessionRecord& record : records)
        file.write(SessionLogWriter::encode(record));
    file.write(extra);
}

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestTelemetryCsvExport : public QObject
{
    Q_OBJECT
private slots:
    void oneColumnPerKeyOverAFolder();
    void oneFile();
    void badInput_data();
    void badInput();
    void unwritableOutput();
};

void TestTelemetryCsvExport::oneColumnPerKeyOverAFolder()
{
    QTemporaryDir folder;
    SessionRecord in;
    in.timeUs = 5;
    in.kind = QStringLiteral("in");
    in.bytes = QByteArray("\x00\xFF", 2);
    writeLog(folder.filePath("chorus-server-000001.jsonl"),
             {telemetry(10, "127.0.0.1:5000", {{"alt", 12.5}, {"bat", 87}}), in});
    writeLog(folder.filePath("chorus-server-000002.jsonl"),
             {telemetry(20, "127.0.0.1:5001", {{"lat", 37.5665}, {"alt", 3}})}, "not a line\n");
    const QString csv = folder.filePath("out/telemetry.csv");
    const TelemetryExportResult result = exportTelemetryCsv(folder.path(), csv);
    QCOMPARE(result.error, TelemetryExportError::None);
    QCOMPARE(result.inputs.size(), 2);
    QCOMPARE(result.rows, 2);
    QCOMPARE(result.columns, 3);
    QCOMPARE(result.badLines, 1);
    QCOMPARE(contents(csv), QByteArray("time_us,peer,alt,bat,lat\n"
                                       "10,127.0.0.1:5000,12.5,87,\n"
                                       "20,127.0.0.1:5001,3,,37.566499999999998\n"));
}

void TestTelemetryCsvExport::oneFile()
{
    QTemporaryDir folder;
    const QString log = folder.filePath("s.jsonl");
    writeLog(log, {telemetry(1, "p", {{"x", 1}})});
    const TelemetryExportResult result = exportTelemetryCsv(log, folder.filePath("x.csv"));
    QCOMPARE(result.error, TelemetryExportError::None);
    QCOMPARE(contents(folder.filePath("x.csv")), QByteArray("time_us,peer,x\n1,p,1\n"));
}

void TestTelemetryCsvExport::badInput_data()
{
    QTest::addColumn<QString>("input"); // relative to the temporary folder
    QTest::addColumn<QString>("output");
    QTest::addColumn<TelemetryExportError>("error");
    QTest::newRow("missing") << "nothing.jsonl"
                             << "o.csv" << TelemetryExportError::InputMissing;
    QTest::newRow("empty folder") << "empty"
                                  << "o.csv" << TelemetryExportError::NoSessionLogs;
    QTest::newRow("not a log") << "junk.jsonl"
                               << "o.csv" << TelemetryExportError::NotASessionLog;
    QTest::newRow("output is the input") << "log.jsonl"
                                         << "log.jsonl" << TelemetryExportError::SameAsInput;
}

void TestTelemetryCsvExport::badInput()
{
    QFETCH(QString, input);
    QFETCH(QString, output);
    QFETCH(TelemetryExportError, error);
    QTemporaryDir folder;
    QVERIFY(QDir(folder.path()).mkdir("empty"));
    writeLog(folder.filePath("junk.jsonl"), {}, "{\"no\":1}\nplain text\n");
    writeLog(folder.filePath("log.jsonl"), {telemetry(1, "p", {{"x", 1}})});
    const QByteArray logBefore = contents(folder.filePath("log.jsonl"));
    const TelemetryExportResult result =
        exportTelemetryCsv(folder.filePath(input), folder.filePath(output));
    QCOMPARE(result.error, error);
    QVERIFY(!QFile::exists(folder.filePath("o.csv")));
    QCOMPARE(contents(folder.filePath("log.jsonl")), logBefore); // never touched
}

void TestTelemetryCsvExport::unwritableOutput()
{
    QTemporaryDir folder;
    writeLog(folder.filePath("log.jsonl"), {telemetry(1, "p", {{"x", 1}})});
    // A folder where the CSV file should be: writeFileAtomically refuses it.
    QVERIFY(QDir(folder.path()).mkdir("taken.csv"));
    const TelemetryExportResult result =
        exportTelemetryCsv(folder.filePath("log.jsonl"), folder.filePath("taken.csv"));
    QCOMPARE(result.error, TelemetryExportError::WriteFailed);
    QVERIFY(!result.file.ok());
}

QTEST_GUILESS_MAIN(TestTelemetryCsvExport)
#include "tst_telemetrycsvexport.moc"
