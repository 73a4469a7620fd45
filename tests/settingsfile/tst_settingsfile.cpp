// SettingsFile: the program's .conf read like QSettings, written verified and
// merged. Round trips of every kind of value the programs keep, merging two
// objects' changes, refusing FIFOs without blocking, corrupt files reported,
// and a real full disk that leaves the old file byte-identical.

#include "base/SettingsFile.h"

#include "FullFileSystem.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>

using namespace chorus;
using namespace chorus::testing;

class tst_SettingsFile : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void defaultPathIsQSettingsPath();
    void loadMissingIsEmptyAndOk();
    void saveWithoutChangesWritesNothing();
    void roundTrip_data();
    void roundTrip();
    void removeIsSaved();
    void savedFileIsOwnerOnly();
    void mergeKeepsBothObjectsChanges();
    void loadSeesAReplacementWithinOneTimestampTick();
    void mergeSeesAReplacementWithinOneTimestampTick();
    void fifoRefusedWithoutBlocking();
    void folderRefused();
    void corruptFileIsReadFailed_data();
    void corruptFileIsReadFailed();
    void fullDiskKeepsOldFileByteIdentical();
    void fullTemporaryFolderKeepsOldFileByteIdentical();
};

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

void writePlain(const QString& path, const QByteArray& data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(data), data.size());
}

// Gives the file a fixed modification time: what a second write within the
// file system's timestamp granularity (a few ms) looks like.
bool setModificationTime(const QString& path, time_t seconds)
{
    const struct timespec times[2] = {{seconds, 0}, {seconds, 0}};
    return ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0) == 0;
}

constexpr time_t kSomeTime = 1790000000;

// The value as the type it was saved as: INI keeps text, so a saved 42 reads
// back as "42" and a one-element list as its element.
QVariant asTypeOf(const QVariant& original, const QVariant& loaded)
{
    switch (original.typeId()) {
    case QMetaType::Int:
        return loaded.toInt();
    case QMetaType::LongLong:
        return loaded.toLongLong();
    case QMetaType::Bool:
        return loaded.toBool();
    case QMetaType::QStringList:
        return loaded.toStringList();
    case QMetaType::QByteArray:
        return loaded.typeId() == QMetaType::QByteArray ? loaded : QVariant();
    default:
        return loaded.toString();
    }
}

} // namespace

void tst_SettingsFile::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_SettingsFile::defaultPathIsQSettingsPath()
{
    const QString path =
        SettingsFile::defaultPath(QStringLiteral("Chorus"), QStringLiteral("chorus-test"));
    QVERIFY2(path.endsWith(QStringLiteral("/Chorus/chorus-test.conf")), qPrintable(path));
    // Test mode: never the user's real ~/.config.
    QVERIFY2(
        path.startsWith(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)),
        qPrintable(path));
}

void tst_SettingsFile::loadMissingIsEmptyAndOk()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing/chorus.conf"));
    SettingsFile file(path);
    const FileResult result = file.load();
    QCOMPARE(result.error, FileError::None);
    QVERIFY(file.keys().isEmpty());
    QVERIFY(!file.hasUnsavedChanges());
    QVERIFY(!QFileInfo::exists(path)); // reading creates nothing
}

void tst_SettingsFile::saveWithoutChangesWritesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chorus.conf"));
    SettingsFile file(path);
    QCOMPARE(file.load().error, FileError::None);
    QCOMPARE(file.save().error, FileError::None);
    QVERIFY(!QFileInfo::exists(path));
    writePlain(path, "[g]\nk=1\n");
    QCOMPARE(file.load().error, FileError::None);
    file.setValue(QStringLiteral("g/k"), QStringLiteral("1")); // the same value: no change
    QVERIFY(!file.hasUnsavedChanges());
}

void tst_SettingsFile::roundTrip_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("int") << "engine/idleGapMs" << QVariant(250);
    QTest::newRow("negative int") << "window/x" << QVariant(-7);
    QTest::newRow("64-bit int") << "engine/maxBytes" << QVariant(qint64(1) << 40);
    QTest::newRow("true") << "log/messages" << QVariant(true);
    QTest::newRow("false") << "log/messages" << QVariant(false);
    QTest::newRow("string") << "client/name" << QVariant(QStringLiteral("드론 상태"));
    QTest::newRow("empty string") << "client/name" << QVariant(QString());
    QTest::newRow("comma") << "client/name" << QVariant(QStringLiteral("a, b"));
    QTest::newRow("spaces kept") << "client/name" << QVariant(QStringLiteral("  lead, trail  "));
    QTest::newRow("INI syntax") << "client/name" << QVariant(QStringLiteral("=;#[x]\"\\"));
    QTest::newRow("QSettings markup") << "client/name" << QVariant(QStringLiteral("@ByteArray(x)"));
    QTest::newRow("control characters")
        << "client/name" << QVariant(QStringLiteral("line\nbreak\ttab\r\x01"));
    QTest::newRow("top-level key") << "geometryVersion" << QVariant(3);
    QTest::newRow("key with space and Korean") << "최근/my host" << QVariant(1);
    QTest::newRow("empty list") << "client/recentHosts" << QVariant(QStringList{});
    QTest::newRow("one-element list") << "client/recentHosts" << QVariant(QStringList{"a:1"});
    QTest::newRow("list") << "client/recentHosts"
                          << QVariant(QStringList{"127.0.0.1:9999", "[::1]:9999", "a, b", ""});
    QByteArray everyByte;
    for (int i = 0; i < 256; ++i)
        everyByte.append(char(i));
    QTest::newRow("bytes") << "window/geometry" << QVariant(everyByte);
    QTest::newRow("empty bytes") << "window/geometry" << QVariant(QByteArray(""));
}

void tst_SettingsFile::roundTrip()
{
    QFETCH(QString, key);
    QFETCH(QVariant, value);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Chorus/chorus.conf")); // folder made
    {
        SettingsFile file(path);
        QCOMPARE(file.load().error, FileError::None);
        file.setValue(key, value);
        file.setValue(QStringLiteral("other/neighbour"), QStringLiteral("unchanged"));
        QVERIFY(file.hasUnsavedChanges());
        QCOMPARE(file.value(key), value); // before saving: as set
        const FileResult saved = file.save();
        QCOMPARE(saved.error, FileError::None);
        QCOMPARE(saved.path, path);
        QVERIFY(!file.hasUnsavedChanges());
    }
    SettingsFile reread(path);
    QCOMPARE(reread.load().error, FileError::None);
    QVERIFY(reread.contains(key));
    QCOMPARE(asTypeOf(value, reread.value(key)), value);
    QCOMPARE(reread.value(QStringLiteral("other/neighbour")).toString(),
             QStringLiteral("unchanged"));
    QCOMPARE(reread.keys().size(), 2);
}

void tst_SettingsFile::removeIsSaved()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chorus.conf"));
    writePlain(path, "[g]\ngone=1\nkept=2\n");
    SettingsFile file(path);
    QCOMPARE(file.load().error, FileError::None);
    file.remove(QStringLiteral("g/gone"));
    file.remove(QStringLiteral("g/never-there"));
    QVERIFY(file.hasUnsavedChanges());
    QCOMPARE(file.save().error, FileError::None);
    SettingsFile reread(path);
    QCOMPARE(reread.load().error, FileError::None);
    QCOMPARE(reread.keys(), QStringList{QStringLiteral("g/kept")});
}

// The settings may hold the access token: a saved file is readable by its
// owner only, even when it was world-readable before (it was kept 0644).
void tst_SettingsFile::savedFileIsOwnerOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chorus.conf"));
    writePlain(path, "[access]\ntoken=\n");
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                            QFile::ReadOther));
    SettingsFile file(path);
    QCOMPARE(file.load().error, FileError::None);
    file.setValue(QStringLiteral("access/token"), QStringLiteral("s3cret"));
    QCOMPARE(file.save().error, FileError::None);
    struct stat info
    {
    };
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0600));

    const QString fresh = dir.filePath(QStringLiteral("new/chorus.conf"));
    SettingsFile created(fresh);
    created.setValue(QStringLiteral("access/token"), QStringLiteral("s3cret"));
    QCOMPARE(created.save().error, FileError::None);
    QCOMPARE(::stat(QFile::encodeName(fresh).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0600));
}

void tst_SettingsFile::mergeKeepsBothObjectsChanges()
{
    // Two windows of one program, each with its own SettingsFile on one path.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chorus.conf"));
    writePlain(path, "[g]\nfirst=0\nsecond=0\nshared=0\ndoomed=1\n");
    SettingsFile first(path);
    SettingsFile second(path);
    QCOMPARE(first.load().error, FileError::None);
    QCOMPARE(second.load().error, FileError::None);
    first.setValue(QStringLiteral("g/first"), 111);
    first.remove(QStringLiteral("g/doomed"));
    second.setValue(QStringLiteral("g/second"), 222);
    QCOMPARE(first.save().error, FileError::None);
    QCOMPARE(second.save().error, FileError::None);

    SettingsFile reread(path);
    QCOMPARE(reread.load().error, FileError::None);
    QCOMPARE(reread.value(QStringLiteral("g/first")).toInt(), 111);
    QCOMPARE(reread.value(QStringLiteral("g/second")).toInt(), 222);
    QCOMPARE(reread.value(QStringLiteral("g/shared")).toInt(), 0);
    QVERIFY(!reread.contains(QStringLiteral("g/doomed")));
    // The second object now holds the first one's change too.
    QCOMPARE(second.value(QStringLiteral("g/first")).toInt(), 111);
}

void tst_SettingsFile::loadSeesAReplacementWithinOneTimestampTick()
{
    // QSettings caches a file it has read and skips re-reading it while its
    // size and modification time are unchanged; a replacement of the same
    // size within one timestamp tick must still be seen.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chorus.conf"));
    writePlain(path, "[g]\nport=1111\n");
    QVERIFY(setModificationTime(path, kSomeTime));
    SettingsFile before(path);
    QCOMPARE(before.load().error, FileError::None);
    QCOMPARE(before.value(QStringLiteral("g/port")).toInt(), 1111);

    QCOMPARE(writeFileAtomically(path, "[g]\nport=2222\n").error, FileError::None);
    QVERIFY(setModificationTime(path, kSomeTime));
    SettingsFile after(path);
    QCOMPARE(after.load().error, FileError::None);
    QCOMPARE(after.value(QStringLiteral("g/port")).toInt(), 2222);
}

void tst_SettingsFile::mergeSeesAReplacementWithinOneTimestampTick()
{
    // As mergeKeepsBothObjectsChanges, but the first save keeps the file's
    // size and lands in the same timestamp tick: its change must survive.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chorus.conf"));
    writePlain(path, "[g]\nfirst=0\nsecond=0\n");
    QVERIFY(setModificationTime(path, kSomeTime));
    SettingsFile first(path);
    SettingsFile second(path);
    QCOMPARE(first.load().error, FileError::None);
    QCOMPARE(second.load().error, FileError::None);
    first.setValue(QStringLiteral("g/first"), 1);
    QCOMPARE(first.save().error, FileError::None);
    QCOMPARE(readAll(path).size(), QByteArray("[g]\nfirst=0\nsecond=0\n").size());
    QVERIFY(setModificationTime(path, kSomeTime));
    second.setValue(QStringLiteral("g/second"), 2);
    QCOMPARE(second.save().error, FileError::None);

    SettingsFile reread(path);
    QCOMPARE(reread.load().error, FileError::None);
    QCOMPARE(reread.value(QStringLiteral("g/first")).toInt(), 1);
    QCOMPARE(reread.value(QStringLiteral("g/second")).toInt(), 2);
}

void tst_SettingsFile::fifoRefusedWithoutBlocking()
{
    // Nobody ever writes to this FIFO: opening it blocking would hang here.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chorus.conf"));
    QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
    SettingsFile file(path);
    const FileResult loaded = file.load();
    QCOMPARE(loaded.error, FileError::NotRegularFile);
    QCOMPARE(loaded.path, path);
    QVERIFY(file.keys().isEmpty());
    file.setValue(QStringLiteral("g/k"), 1);
    QCOMPARE(file.save().error, FileError::NotRegularFile);
    QVERIFY(file.hasUnsavedChanges()); // not saved, not forgotten
    struct stat info
    {
    };
    QVERIFY(::stat(QFile::encodeName(path).constData(), &info) == 0);
    QVERIFY(S_ISFIFO(info.st_mode)); // left as it was
}

void tst_SettingsFile::folderRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chorus.conf"));
    QVERIFY(QDir().mkdir(path));
    SettingsFile file(path);
    QCOMPARE(file.load().error, FileError::NotRegularFile);
    file.setValue(QStringLiteral("g/k"), 1);
    QCOMPARE(file.save().error, FileError::NotRegularFile);
    QVERIFY(QFileInfo(path).isDir());
}

void tst_SettingsFile::corruptFileIsReadFailed_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::newRow("unterminated section") << QByteArray("[engine\nidleGapMs=250\n");
    // What a failed write can leave behind on some file systems.
    QTest::newRow("zero-filled block") << QByteArray(4096, '\0');
    QTest::newRow("settings then zeros") << QByteArray("[g]\nk=1\n") + QByteArray(4088, '\0');
    QTest::newRow("binary") << QByteArray("\x7f"
                                          "ELF\x02\x01\x01\x00\x00\x00\x01\x02",
                                          12);
}

void tst_SettingsFile::corruptFileIsReadFailed()
{
    QFETCH(QByteArray, contents);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chorus.conf"));
    writePlain(path, contents);
    SettingsFile file(path);
    const FileResult result = file.load();
    QCOMPARE(result.error, FileError::ReadFailed);
    QCOMPARE(result.path, path);
    QVERIFY(!result.reason.isEmpty());
    QVERIFY(file.keys().isEmpty());    // none of its values are used
    QCOMPARE(readAll(path), contents); // reading never changes it
}

void tst_SettingsFile::fullDiskKeepsOldFileByteIdentical()
{
    FullFileSystem disk;
    if (!disk.isReady())
        QSKIP(qPrintable(disk.skipReason()));
    const QString path = disk.filePath(QStringLiteral("chorus-server.conf"));
    SettingsFile file(path);
    QCOMPARE(file.load().error, FileError::None);
    file.setValue(QStringLiteral("listen/port"), 9999);
    file.setValue(QStringLiteral("replies/pick"), QStringLiteral("random"));
    QCOMPARE(file.save().error, FileError::None);
    const QByteArray before = readAll(path);
    QVERIFY(before.contains("9999"));

    QVERIFY(disk.fill());
    file.setValue(QStringLiteral("listen/port"), 12345);
    file.setValue(QStringLiteral("window/geometry"), QByteArray(8192, '\x5a'));
    const FileResult failed = file.save();
    QVERIFY2(failed.error == FileError::WriteFailed || failed.error == FileError::OpenFailed,
             qPrintable(fileErrorName(failed.error)));
    QCOMPARE(failed.path, path);
    QVERIFY(!failed.reason.isEmpty());
    QCOMPARE(readAll(path), before);
    QVERIFY(file.hasUnsavedChanges()); // the change waits for the next save
    QCOMPARE(file.value(QStringLiteral("listen/port")).toInt(), 12345);

    disk.drain();
    QCOMPARE(file.save().error, FileError::None);
    SettingsFile reread(path);
    QCOMPARE(reread.load().error, FileError::None);
    QCOMPARE(reread.value(QStringLiteral("listen/port")).toInt(), 12345);
    QCOMPARE(reread.value(QStringLiteral("replies/pick")).toString(), QStringLiteral("random"));
}

void tst_SettingsFile::fullTemporaryFolderKeepsOldFileByteIdentical()
{
    // The settings' own disk has room, but the temporary folder where
    // QSettings encodes them is nearly full: QSaveFile::commit() (Qt 6.4)
    // can report success with the encoding cut short, and those bytes must
    // never replace the settings.
    FullFileSystem temporary;
    if (!temporary.isReady())
        QSKIP(qPrintable(temporary.skipReason()));
    QTemporaryDir home; // made before TMPDIR points at the full one
    const QString path = home.filePath(QStringLiteral("chorus-client.conf"));
    SettingsFile file(path);
    QCOMPARE(file.load().error, FileError::None);
    for (int i = 0; i < 20; ++i)
        file.setValue(QStringLiteral("recent/host%1").arg(i),
                      QStringLiteral("127.0.0.%1:9999").arg(i));
    QCOMPARE(file.save().error, FileError::None);
    const QByteArray before = readAll(path);

    const QByteArray oldTemporary = qgetenv("TMPDIR");
    const auto restore = qScopeGuard([&] {
        if (oldTemporary.isNull())
            qunsetenv("TMPDIR");
        else
            qputenv("TMPDIR", oldTemporary);
    });
    qputenv("TMPDIR", QFile::encodeName(temporary.path()));
    QVERIFY(temporary.fill());
    // Room for the copy of the old settings, not for the new encoding.
    QVERIFY(QFile::resize(temporary.filePath(QStringLiteral(".filler")),
                          QFileInfo(temporary.filePath(QStringLiteral(".filler"))).size() - 8192));
    file.setValue(QStringLiteral("window/geometry"), QByteArray(64 * 1024, '\x5a'));
    const FileResult failed = file.save();
    QVERIFY2(!failed.ok(), "the save reported success");
    QCOMPARE(failed.path, path);
    QCOMPARE(readAll(path), before);
    QVERIFY(file.hasUnsavedChanges());
}

QTEST_GUILESS_MAIN(tst_SettingsFile)
#include "tst_settingsfile.moc"
