// Command preset files: JSON round trip through a verified atomic write, and
// bad files refused whole with the reason.
#include "command/CommandPresetFile.h"

#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(chorus::PresetFileError)

class TestCommandPresetFile : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip();
    void badFiles_data();
    void badFiles();
    void missingAndFolder();
    void failedWriteKeepsOldFile();
};

void TestCommandPresetFile::roundTrip()
{
    QTemporaryDir dir;
    QList<CommandPreset> presets = defaultCommandPresets();
    CommandPreset custom;
    custom.name = QStringLiteral("GIMBAL");
    custom.payloadTemplate = QStringLiteral("\\x02G{pitch}\\x03");
    custom.channel = CommandChannel::Udp;
    custom.ackTimeout = 1500ms;
    custom.retries = 3;
    custom.expectedReply = QStringLiteral("^\\x06");
    presets << custom;
    const QString path = dir.filePath(QStringLiteral("presets.json"));
    QVERIFY(saveCommandPresets(path, presets).ok());
    QList<CommandPreset> loaded;
    const PresetFileResult result = loadCommandPresets(path, &loaded);
    QVERIFY2(result.ok(), qPrintable(result.formatReason));
    QCOMPARE(loaded, presets);
}

void TestCommandPresetFile::badFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<PresetFileError>("error");
    QTest::newRow("not json") << QByteArray("{") << PresetFileError::InvalidJson;
    QTest::newRow("no presets") << QByteArray(R"({"format":"x"})")
                                << PresetFileError::NotPresetFile;
    QTest::newRow("array") << QByteArray("[]") << PresetFileError::NotPresetFile;
    QTest::newRow("preset not object")
        << QByteArray(R"({"presets":[1]})") << PresetFileError::BadPreset;
    QTest::newRow("no name") << QByteArray(R"({"presets":[{"payload":"x"}]})")
                             << PresetFileError::BadPreset;
    QTest::newRow("bad channel") << QByteArray(R"({"presets":[{"name":"A","channel":"serial"}]})")
                                 << PresetFileError::BadPreset;
    QTest::newRow("timeout zero") << QByteArray(R"({"presets":[{"name":"A","ackTimeoutMs":0}]})")
                                  << PresetFileError::BadPreset;
    QTest::newRow("retries fraction")
        << QByteArray(R"({"presets":[{"name":"A","retries":1.5}]})") << PresetFileError::BadPreset;
    QTest::newRow("bad pattern") << QByteArray(R"({"presets":[{"name":"A","expectedReply":"(("}]})")
                                 << PresetFileError::BadPreset;
    QTest::newRow("duplicate") << QByteArray(R"({"presets":[{"name":"A"},{"name":"A"}]})")
                               << PresetFileError::DuplicateName;
}

void TestCommandPresetFile::badFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(PresetFileError, error);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QVERIFY(writeFileAtomically(path, bytes).ok());
    QList<CommandPreset> presets = defaultCommandPresets();
    const PresetFileResult result = loadCommandPresets(path, &presets);
    QVERIFY(result.file.ok());
    QCOMPARE(result.format, error);
    QVERIFY(!result.formatReason.isEmpty());
    QCOMPARE(presets, defaultCommandPresets()); // nothing half-applied
}

void TestCommandPresetFile::missingAndFolder()
{
    QTemporaryDir dir;
    QList<CommandPreset> presets;
    QCOMPARE(loadCommandPresets(dir.filePath("none.json"), &presets).file.error,
             FileError::NotFound);
    QCOMPARE(loadCommandPresets(dir.path(), &presets).file.error, FileError::NotRegularFile);
}

void TestCommandPresetFile::failedWriteKeepsOldFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/presets.json"));
    QVERIFY(saveCommandPresets(path, defaultCommandPresets()).ok());
    // A folder where the file should be: the write fails, reported as such.
    const PresetFileResult result =
        saveCommandPresets(dir.filePath(QStringLiteral("sub")), defaultCommandPresets());
    QVERIFY(!result.ok());
    QList<CommandPreset> loaded;
    QVERIFY(loadCommandPresets(path, &loaded).ok());
    QCOMPARE(loaded, defaultCommandPresets());
}

QTEST_GUILESS_MAIN(TestCommandPresetFile)
#include "tst_commandpresetfile.moc"
