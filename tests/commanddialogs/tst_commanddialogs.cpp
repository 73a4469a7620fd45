// SendCommandDialog and CommandPresetsDialog: nothing is sent or applied
// from bad input; presets import/export through the verified file code.
#include "CommandPresetsDialog.h"
#include "SendCommandDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

class TestCommandDialogs : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void sendRefusesMissingArgument();
    void sendBuildsTheRequest();
    void sendTargets_data();
    void sendTargets();
    void presetsRefuseBadPreset();
    void presetsExportImportRoundTrip();
    void presetsBadImportChangesNothing();
};

void TestCommandDialogs::sendRefusesMissingArgument()
{
    SendCommandDialog dialog(defaultCommandPresets(), 0);
    dialog.presetCombo()->setCurrentIndex(2); // TAKEOFF
    QVERIFY(dialog.argumentEdit(QStringLiteral("alt")));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.accept();
    QCOMPARE(accepted.size(), 0);
    QVERIFY(!dialog.problemLabel()->isHidden());
}

void TestCommandDialogs::sendBuildsTheRequest()
{
    SendCommandDialog dialog(defaultCommandPresets(), 2);
    dialog.presetCombo()->setCurrentIndex(2);
    dialog.argumentEdit(QStringLiteral("alt"))->setText(QStringLiteral("10"));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.accept();
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(dialog.request().name, QStringLiteral("TAKEOFF"));
    QCOMPARE(dialog.request().args.value("alt").toDouble(), 10.0);
    QCOMPARE(dialog.request().payload, QByteArray("TAKEOFF alt=10\n"));
    QVERIFY(!dialog.toAll()); // two selected: the selection by default
}

void TestCommandDialogs::sendTargets_data()
{
    QTest::addColumn<int>("selected");
    QTest::addColumn<bool>("toAll");
    QTest::newRow("nothing selected: all") << 0 << true;
    QTest::newRow("a selection: those") << 3 << false;
}

void TestCommandDialogs::sendTargets()
{
    QFETCH(int, selected);
    QFETCH(bool, toAll);
    SendCommandDialog dialog(defaultCommandPresets(), selected);
    QCOMPARE(dialog.toAll(), toAll);
}

void TestCommandDialogs::presetsRefuseBadPreset()
{
    QList<CommandPreset> presets = defaultCommandPresets();
    presets[1].expectedReply = QStringLiteral("(("); // not a regular expression
    CommandPresetsDialog dialog(presets);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.accept();
    QCOMPARE(accepted.size(), 0);
    QVERIFY(!dialog.problemLabel()->isHidden());
    QCOMPARE(dialog.list()->currentRow(), 1); // the bad one is shown
}

void TestCommandDialogs::presetsExportImportRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("presets.json"));
    QList<CommandPreset> presets = defaultCommandPresets();
    presets.removeLast();
    CommandPresetsDialog exporter(presets);
    QVERIFY(exporter.exportTo(path).ok());
    CommandPresetsDialog importer(defaultCommandPresets());
    QVERIFY(importer.importFrom(path).ok());
    QCOMPARE(importer.presets(), presets);
    QCOMPARE(importer.list()->count(), presets.size());
}

void TestCommandDialogs::presetsBadImportChangesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QVERIFY(writeFileAtomically(path, R"({"presets":[{"name":""}]})").ok());
    CommandPresetsDialog dialog(defaultCommandPresets());
    const PresetFileResult result = dialog.importFrom(path);
    QCOMPARE(result.format, PresetFileError::BadPreset);
    QCOMPARE(dialog.presets(), defaultCommandPresets());
    QVERIFY(!dialog.problemLabel()->isHidden());
}

QTEST_MAIN(TestCommandDialogs)
#include "tst_commanddialogs.moc"
