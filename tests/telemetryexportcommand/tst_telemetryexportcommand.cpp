// chorus-server --export-telemetry-csv LOG --output FILE: writes the CSV and
// exits 0 without a window (no display is set); bad input exits non-zero
// with the reason on stderr and writes nothing.

#include "base/SessionLog.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

class TestTelemetryExportCommand : public QObject
{
    Q_OBJECT
private slots:
    void writesTheCsvWithoutAWindow();
    void badInput_data();
    void badInput();

private:
    static int run(const QStringList& arguments, QByteArray* out = nullptr,
                   QByteArray* err = nullptr);
};

int TestTelemetryExportCommand::run(const QStringList& arguments, QByteArray* out, QByteArray* err)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // No display at all: the export must not need one.
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CHORUS_SERVER_EXE), arguments);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    if (out)
        *out = process.readAllStandardOutput();
    if (err)
        *err = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

void TestTelemetryExportCommand::writesTheCsvWithoutAWindow()
{
    QTemporaryDir folder;
    SessionRecord record;
    record.timeUs = 42;
    record.kind = QStringLiteral("telemetry");
    record.peer = QStringLiteral("127.0.0.1:7");
    record.fields.insert("values", QJsonObject{{"alt", 1.5}, {"bat", 90}});
    QFile log(folder.filePath("chorus-server-000001.jsonl"));
    QVERIFY(log.open(QIODevice::WriteOnly));
    log.write(SessionLogWriter::encode(record));
    log.close();
    const QString csv = folder.filePath("t.csv");
    QByteArray out;
    QCOMPARE(run({"--export-telemetry-csv", folder.path(), "--output=" + csv}, &out), 0);
    QVERIFY(!out.isEmpty());
    QFile written(csv);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), QByteArray("time_us,peer,alt,bat\n42,127.0.0.1:7,1.5,90\n"));
}

void TestTelemetryExportCommand::badInput_data()
{
    QTest::addColumn<QStringList>("arguments"); // %1: the temporary folder
    QTest::addColumn<int>("exitCode");
    QTest::newRow("missing log") << QStringList{"--export-telemetry-csv", "%1/none.jsonl",
                                                "--output", "%1/o.csv"}
                                 << 2;
    QTest::newRow("not a log") << QStringList{"--export-telemetry-csv", "%1/junk.jsonl", "--output",
                                              "%1/o.csv"}
                               << 2;
    QTest::newRow("no output") << QStringList{"--export-telemetry-csv", "%1/junk.jsonl"} << 2;
    QTest::newRow("output only") << QStringList{"--output", "%1/o.csv"} << 2;
}

void TestTelemetryExportCommand::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QTemporaryDir folder;
    QFile junk(folder.filePath("junk.jsonl"));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("plain text\n");
    junk.close();
    for (QString& argument : arguments)
        argument.replace(QLatin1String("%1"), folder.path());
    QByteArray err;
    QCOMPARE(run(arguments, nullptr, &err), exitCode);
    QVERIFY(err.startsWith("chorus-server: "));
    QVERIFY(!QFile::exists(folder.filePath("o.csv")));
}

QTEST_GUILESS_MAIN(TestTelemetryExportCommand)
#include "tst_telemetryexportcommand.moc"
