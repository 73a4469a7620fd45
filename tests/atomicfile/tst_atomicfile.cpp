// writeFileAtomically() and readRegularFile(): whole-or-nothing writes that
// are verified before they replace anything, on a real full file system too,
// and reads that never block on or change what the user named.

#include "base/AtomicFile.h"

#include "FullFileSystem.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <sys/types.h>

using namespace chorus;
using namespace chorus::testing;

class tst_AtomicFile : public QObject
{
    Q_OBJECT
private slots:
    void writesAndReplaces_data();
    void writesAndReplaces();
    void createsMissingFolder();
    void keepsPermissions();
    void refusesToReplaceAFolder();
    void fullDiskKeepsOldFileByteIdentical_data();
    void fullDiskKeepsOldFileByteIdentical();
    void fullDiskLeavesNoTemporary();
    void readRefuses_data();
    void readRefuses();
    void readsAFifoWithoutBlocking();
    void readLimitIsNotCorruption();
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

} // namespace

void tst_AtomicFile::writesAndReplaces_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::newRow("new file") << QByteArray() << QByteArray("안녕하세요!\n");
    QTest::newRow("replace") << QByteArray("old contents\n") << QByteArray("new\n");
    QTest::newRow("empty") << QByteArray("old") << QByteArray();
    QTest::newRow("binary") << QByteArray("x") << QByteArray("\x00\x01\xff\xfe\r\n", 6);
    QTest::newRow("1 MiB") << QByteArray("x") << QByteArray(1 << 20, '\x5a');
}

void tst_AtomicFile::writesAndReplaces()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("book.json"));
    if (!before.isEmpty())
        writePlain(path, before);
    const FileResult result = writeFileAtomically(path, after);
    QCOMPARE(result.error, FileError::None);
    QVERIFY(result.ok());
    QCOMPARE(readAll(path), after);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void tst_AtomicFile::createsMissingFolder()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a/b/c/replies.json"));
    QCOMPARE(writeFileAtomically(path, "x").error, FileError::None);
    QCOMPARE(readAll(path), QByteArray("x"));
}

void tst_AtomicFile::keepsPermissions()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("private.conf"));
    writePlain(path, "old");
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0600) == 0);
    QCOMPARE(writeFileAtomically(path, "new").error, FileError::None);
    struct stat info
    {
    };
    QVERIFY(::stat(QFile::encodeName(path).constData(), &info) == 0);
    QCOMPARE(int(info.st_mode & 0777), 0600);
}

void tst_AtomicFile::refusesToReplaceAFolder()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dir.json"));
    QVERIFY(QDir().mkdir(path));
    QCOMPARE(writeFileAtomically(path, "x").error, FileError::NotRegularFile);
    QVERIFY(QFileInfo(path).isDir());
}

void tst_AtomicFile::fullDiskKeepsOldFileByteIdentical_data()
{
    QTest::addColumn<int>("newSize");
    QTest::newRow("small") << 100;        // fails in write() or at fsync()
    QTest::newRow("64 KiB") << 64 * 1024; // fails part-way through
}

void tst_AtomicFile::fullDiskKeepsOldFileByteIdentical()
{
    QFETCH(int, newSize);
    FullFileSystem disk;
    if (!disk.isReady())
        QSKIP(qPrintable(disk.skipReason()));
    const QString path = disk.filePath(QStringLiteral("replies.json"));
    const QByteArray old = "{\"version\":1,\"entries\":[\"안녕하세요!\"]}\n";
    writePlain(path, old);
    QVERIFY(disk.fill());
    const FileResult result = writeFileAtomically(path, QByteArray(newSize, 'n'));
    QVERIFY(!result.ok());
    // ENOSPC may surface in mkstemp (no inode/block), write, or fsync.
    QVERIFY2(result.error == FileError::WriteFailed || result.error == FileError::OpenFailed,
             qPrintable(fileErrorName(result.error)));
    QVERIFY(!result.reason.isEmpty());
    QCOMPARE(result.path, path);
    QCOMPARE(readAll(path), old);
    disk.drain();
    QCOMPARE(writeFileAtomically(path, "after").error, FileError::None);
    QCOMPARE(readAll(path), QByteArray("after"));
}

void tst_AtomicFile::fullDiskLeavesNoTemporary()
{
    FullFileSystem disk;
    if (!disk.isReady())
        QSKIP(qPrintable(disk.skipReason()));
    const QString path = disk.filePath(QStringLiteral("chorus-server.conf"));
    writePlain(path, "[listen]\nport=9999\n");
    QVERIFY(disk.fill());
    QVERIFY(!writeFileAtomically(path, QByteArray(8192, 'x')).ok());
    const QStringList left =
        QDir(disk.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    QCOMPARE(left, QStringList({QStringLiteral(".filler"), QStringLiteral("chorus-server.conf")}));
}

void tst_AtomicFile::readRefuses_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("expected");
    QTest::newRow("missing") << QStringLiteral("nope.json") << int(FileError::NotFound);
    QTest::newRow("folder") << QStringLiteral("folder.json") << int(FileError::NotRegularFile);
}

void tst_AtomicFile::readRefuses()
{
    QFETCH(QString, name);
    QFETCH(int, expected);
    QTemporaryDir dir;
    QVERIFY(QDir().mkdir(dir.filePath(QStringLiteral("folder.json"))));
    QByteArray data;
    const FileResult result = readRegularFile(dir.filePath(name), 1024, &data);
    QCOMPARE(int(result.error), expected);
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("folder.json"))));
}

void tst_AtomicFile::readsAFifoWithoutBlocking()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fifo.json"));
    QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
    QByteArray data;
    QElapsedTimer clock;
    clock.start();
    const FileResult result = readRegularFile(path, 1024, &data);
    QCOMPARE(result.error, FileError::NotRegularFile);
    QVERIFY(clock.elapsed() < 5000);
    QFileInfo info(path);
    QVERIFY(info.exists() && !info.isFile()); // still the FIFO, untouched
}

void tst_AtomicFile::readLimitIsNotCorruption()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.json"));
    writePlain(path, QByteArray(2048, 'x'));
    QByteArray data;
    QCOMPARE(readRegularFile(path, 1024, &data).error, FileError::TooLarge);
    QCOMPARE(readRegularFile(path, 2048, &data).error, FileError::None);
    QCOMPARE(data.size(), 2048);
}

QTEST_GUILESS_MAIN(tst_AtomicFile)
#include "tst_atomicfile.moc"
