// SessionLogControls: File > Export telemetry as CSV from the running
// session's log, and a full disk (a real tmpfs) shown with Resume offered.

#include "EngineHarness.h"
#include "FullFileSystem.h"
#include "SessionLogControls.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMainWindow>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace chorus::testing;

class TestSessionLogControls : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void exportsTheRunningSession();
    void fullDiskOffersResume();
};

void TestSessionLogControls::exportsTheRunningSession()
{
    QTemporaryDir folder;
    ServerConfig config = loopbackConfig();
    config.sessionLog.folder = folder.filePath("log");
    EngineHarness harness(config);
    QMainWindow window;
    SessionLogControls controls(&harness.engine, &window);
    QSignalSpy lines(&controls, &SessionLogControls::logLine);
    QVERIFY(harness.start() != 0);
    TestClient client;
    QVERIFY(client.connectTo(harness.engine.listenPort()));
    client.socket.write(R"({"type":"hello","proto":1,"name":"v"})"
                        "\n"
                        R"({"type":"telemetry","values":{"alt":4.5,"spd":2}})"
                        "\n");
    QTRY_VERIFY_WITH_TIMEOUT(harness.engine.fleet().counters().telemetryMessages == 1, 5000);

    const QString csv = folder.filePath("t.csv");
    const TelemetryExportResult result = controls.exportTelemetry({}, csv);
    QCOMPARE(result.error, TelemetryExportError::None);
    QCOMPARE(result.rows, 1);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readLine().startsWith("time_us,peer,alt,spd"));
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.constFirst().constFirst().value<LogLevel>(), LogLevel::Info);

    // A bad pick is said, as a warning, and writes nothing.
    const TelemetryExportResult bad = controls.exportTelemetry(folder.filePath("none"), csv + "2");
    QCOMPARE(bad.error, TelemetryExportError::InputMissing);
    QCOMPARE(lines.constLast().constFirst().value<LogLevel>(), LogLevel::Warning);
    QVERIFY(!QFile::exists(csv + "2"));
}

void TestSessionLogControls::fullDiskOffersResume()
{
    FullFileSystem disk(256 * 1024);
    if (!disk.isReady())
        QSKIP(qPrintable(disk.skipReason()));
    ServerConfig config = loopbackConfig();
    config.sessionLog.folder = disk.filePath("log");
    EngineHarness harness(config);
    QMainWindow window;
    SessionLogControls controls(&harness.engine, &window);
    auto* resumeButton = window.findChild<QPushButton*>("resumeSessionLog");
    QVERIFY(resumeButton);
    QSignalSpy lines(&controls, &SessionLogControls::logLine);
    QVERIFY(!controls.resumeAction()->isEnabled());
    QVERIFY(harness.start() != 0);
    QVERIFY(disk.fill());
    TestClient client;
    QVERIFY(client.connectTo(harness.engine.listenPort()));
    client.socket.write(QByteArray(8192, 'y') + '\n');
    QTRY_VERIFY_WITH_TIMEOUT(controls.resumeAction()->isEnabled(), 5000);
    QVERIFY(!resumeButton->isHidden());
    QCOMPARE(lines.constLast().constFirst().value<LogLevel>(), LogLevel::Error);
    QCOMPARE(harness.engine.sessionLog().problem().error, SessionLogError::WriteFailed);
    // Serving goes on.
    QTRY_VERIFY_WITH_TIMEOUT(!client.lines().isEmpty(), 5000);

    disk.drain();
    controls.resumeAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!controls.resumeAction()->isEnabled(), 5000);
    QVERIFY(resumeButton->isHidden());
    QCOMPARE(lines.constLast().constFirst().value<LogLevel>(), LogLevel::Info);
}

QTEST_MAIN(TestSessionLogControls)
#include "tst_sessionlogcontrols.moc"
