// SessionStore: one file per session, unique names, bounded per server,
// newest first in Recent sessions.

#include "SessionStore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

namespace {
bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}
} // namespace

class TestSessionStore : public QObject
{
    Q_OBJECT
private slots:
    void serverFolderNames_data();
    void serverFolderNames();
    void reserveNeverHandsOutANameTwice();
    void pruneKeepsTheNewestAndTheCurrent();
    void recentSessionsNewestFirst();
};

void TestSessionStore::serverFolderNames_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("folder");
    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1") << QStringLiteral("127.0.0.1_9999");
    QTest::newRow("ipv6") << QStringLiteral("::1") << QStringLiteral("__1_9999");
    QTest::newRow("case") << QStringLiteral("Bench.LOCAL") << QStringLiteral("bench.local_9999");
    QTest::newRow("no path tricks")
        << QStringLiteral("../etc/x") << QStringLiteral(".._etc_x_9999");
}

void TestSessionStore::serverFolderNames()
{
    QFETCH(QString, host);
    QFETCH(QString, folder);
    QCOMPARE(SessionStore::serverFolderName(host, 9999), folder);
}

void TestSessionStore::reserveNeverHandsOutANameTwice()
{
    QTemporaryDir dir;
    const SessionStore store(dir.path());
    const QDateTime start =
        QDateTime::fromString(QStringLiteral("2026-11-25T10:00:00"), Qt::ISODate);
    QString first;
    QString second;
    QVERIFY(store.reserve(QStringLiteral("127.0.0.1"), 9999, start, &first).ok());
    QVERIFY(store.reserve(QStringLiteral("127.0.0.1"), 9999, start, &second).ok());
    QCOMPARE(QFileInfo(first).fileName(), QStringLiteral("20261125-100000-1.jsonl"));
    QCOMPARE(QFileInfo(second).fileName(), QStringLiteral("20261125-100000-2.jsonl"));
    QCOMPARE(QFileInfo(first).dir().dirName(), QStringLiteral("127.0.0.1_9999"));
    // A file in the way of the server's folder: a code, no name.
    QVERIFY(writeFile(dir.filePath(QStringLiteral("blocked_1")), "x"));
    QString none = QStringLiteral("unchanged");
    QCOMPARE(store.reserve(QStringLiteral("blocked"), 1, start, &none).error,
             FileError::CreateFolderFailed);
    QVERIFY(none.isEmpty());
}

void TestSessionStore::pruneKeepsTheNewestAndTheCurrent()
{
    QTemporaryDir dir;
    const SessionStore store(dir.path());
    const QString folder = dir.filePath(QStringLiteral("h_1"));
    QVERIFY(QDir().mkpath(folder));
    const int total = SessionStore::kMaxSessionsPerServer + 5;
    for (int i = 0; i < total; ++i)
        QVERIFY(writeFile(QStringLiteral("%1/20260101-0000%2-1.jsonl")
                              .arg(folder)
                              .arg(i, 2, 10, QLatin1Char('0')),
                          "{}\n"));
    const QString oldestKept = QStringLiteral("%1/20260101-000000-1.jsonl").arg(folder);
    store.prune(QStringLiteral("h"), 1, oldestKept);
    const QStringList left = QDir(folder).entryList(QDir::Files, QDir::Name);
    QCOMPARE(left.size(), SessionStore::kMaxSessionsPerServer);
    QVERIFY(left.contains(QStringLiteral("20260101-000000-1.jsonl"))); // the current one
    QVERIFY(!left.contains(QStringLiteral("20260101-000001-1.jsonl")));
    QVERIFY(left.contains(QStringLiteral("20260101-0000%1-1.jsonl").arg(total - 1)));
}

void TestSessionStore::recentSessionsNewestFirst()
{
    QTemporaryDir dir;
    const SessionStore store(dir.path());
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("a_1"))));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("b_2"))));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("a_1/20260101-090000-1.jsonl")), "{}\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("b_2/20260102-090000-1.jsonl")), "{}\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("a_1/20260103-090000-1.jsonl")), "{}\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("a_1/20260104-090000-1.jsonl")), "")); // reserved
    const QList<SessionFileInfo> sessions = store.recentSessions(10);
    QCOMPARE(sessions.size(), 3);
    QCOMPARE(sessions.at(0).server, QStringLiteral("a_1"));
    QCOMPARE(sessions.at(0).started.date(), QDate(2026, 1, 3));
    QCOMPARE(sessions.at(1).server, QStringLiteral("b_2"));
    QCOMPARE(sessions.at(2).started.date(), QDate(2026, 1, 1));
    QCOMPARE(store.recentSessions(1).size(), 1);
}

QTEST_GUILESS_MAIN(TestSessionStore)
#include "tst_sessionstore.moc"
