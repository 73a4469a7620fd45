// SessionKeeper with a bounded HistoryModel (issue 11 item 5): entries the
// model drops are in the kept files first and read back byte-exact, a long
// session continues in a new file, keeping off means dropped is gone, and an
// entry that changes after an explicit save is rewritten.

#include "HistoryModel.h"
#include "SessionKeeper.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

namespace {
const QString kHost = QStringLiteral("127.0.0.1");
constexpr quint16 kPort = 4242;

// Every byte value, and lengths that vary, from a fixed seed.
QList<HistoryEntry> randomMessages(int count, quint32 seed, int maxBytes = 64)
{
    QRandomGenerator random(seed);
    QList<HistoryEntry> entries;
    for (int i = 0; i < count; ++i) {
        HistoryEntry e;
        e.kind = i % 3 == 0 ? HistoryEntry::Kind::Sent : HistoryEntry::Kind::Received;
        e.timeMs = 1700000000000 + i;
        QByteArray bytes(random.bounded(maxBytes + 1), Qt::Uninitialized);
        for (char& c : bytes)
            c = char(random.bounded(256));
        e.payload = bytes;
        if (e.kind == HistoryEntry::Kind::Received)
            e.rttMs = random.bounded(1000) / 8.0;
        entries.append(e);
    }
    return entries;
}

void appendInBatches(HistoryModel& model, const QList<HistoryEntry>& entries, int batch)
{
    for (qsizetype i = 0; i < entries.size(); i += batch)
        model.append(entries.mid(i, batch));
}
} // namespace

class TestSessionKeeper : public QObject
{
    Q_OBJECT
private slots:
    void droppedEntriesReadBackByteExact_data();
    void droppedEntriesReadBackByteExact();
    void longSessionContinuesInNewFiles();
    void keepingOffDropsForGood();
    void changedEntryIsRewrittenAfterExplicitSave();
};

void TestSessionKeeper::droppedEntriesReadBackByteExact_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("block");
    QTest::newRow("flushes of 100") << 1000 << 5000 << 100 << 1000;
    QTest::newRow("one big flush") << 1000 << 4000 << 4000 << 700;
    QTest::newRow("single entries") << 1000 << 1500 << 1 << 1000;
}

void TestSessionKeeper::droppedEntriesReadBackByteExact()
{
    QFETCH(int, limit);
    QFETCH(int, total);
    QFETCH(int, batch);
    QFETCH(int, block);
    QTemporaryDir dir;
    HistoryModel model;
    model.setMaxEntries(limit);
    SessionKeeper keeper(&model, SessionStore(dir.path()));
    keeper.startNewSession(kHost, kPort);
    const QList<HistoryEntry> sent = randomMessages(total, quint32(total + batch));
    appendInBatches(model, sent, batch);
    QCOMPARE(model.count(), limit);
    QCOMPARE(model.firstIndex(), qint64(total - limit));
    QVERIFY(keeper.lastResult().ok());
    QVERIFY(keeper.hasKeptBefore(model.firstIndex()));

    // Read back block by block into the model, up to the first entry.
    model.setMaxEntries(0); // room for all of them, to compare
    while (model.firstIndex() > 0) {
        QList<HistoryEntry> older;
        QVERIFY(keeper.readOlder(model.firstIndex(), block, &older).ok());
        QCOMPARE(older.size(), std::min<qsizetype>(block, model.firstIndex()));
        QCOMPARE(model.prependOlder(older), older.size());
    }
    QCOMPARE(model.count(), total);
    for (int i = 0; i < total; ++i) {
        QCOMPARE(model.entry(i).payload, sent[i].payload);
        QCOMPARE(model.entry(i).kind, sent[i].kind);
        QCOMPARE(model.entry(i).timeMs, sent[i].timeMs);
        QCOMPARE(model.entry(i).hasRtt(), sent[i].hasRtt());
    }
    // The whole session on disk after an explicit save: every entry, in order.
    QVERIFY(keeper.saveNow().ok());
    QList<HistoryEntry> file;
    QVERIFY(HistoryModel::readEntries(keeper.sessionPath(), &file).ok());
    QCOMPARE(file.size(), total);
    QCOMPARE(file.last().payload, sent.last().payload);
}

void TestSessionKeeper::longSessionContinuesInNewFiles()
{
    QTemporaryDir dir;
    HistoryModel model;
    model.setMaxEntries(20);
    SessionKeeper keeper(&model, SessionStore(dir.path()));
    keeper.startNewSession(kHost, kPort);
    // 64 KiB messages: a few dozen fill a file (hex and the Text view of each).
    const QList<HistoryEntry> sent = randomMessages(120, 7, 64 * 1024);
    appendInBatches(model, sent, 10);
    QVERIFY(keeper.saveNow().ok());
    const QStringList paths = keeper.sessionPaths();
    QVERIFY2(paths.size() > 1, qPrintable(QString::number(paths.size())));
    qint64 lines = 0;
    for (const QString& path : paths) {
        QVERIFY(QFileInfo(path).size() <= SessionStore::kMaxFileBytes);
        QList<HistoryEntry> file;
        QVERIFY(HistoryModel::readEntries(path, &file).ok());
        lines += file.size();
    }
    QCOMPARE(lines, qint64(sent.size()));
    // Reading back crosses files.
    QList<HistoryEntry> older;
    QVERIFY(keeper.readOlder(model.firstIndex(), 100, &older).ok());
    QCOMPARE(older.size(), 100);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(older[i].payload, sent[int(model.firstIndex()) - 100 + i].payload);
    // A file the store pruned: reading back stops there, what is newer still comes.
    QVERIFY(QFile::remove(paths.first()));
    QVERIFY(!keeper.hasKeptBefore(1));
    older.clear();
    QVERIFY(keeper.readOlder(model.firstIndex(), 1000, &older).ok());
    QVERIFY(!older.isEmpty());
    QVERIFY(older.size() < model.firstIndex());
    QCOMPARE(older.first().payload, sent[int(model.firstIndex() - older.size())].payload);
}

void TestSessionKeeper::keepingOffDropsForGood()
{
    QTemporaryDir dir;
    HistoryModel model;
    model.setMaxEntries(1000);
    SessionKeeper keeper(&model, SessionStore(dir.path()));
    keeper.startNewSession(kHost, kPort);
    keeper.setEnabled(false);
    const QList<HistoryEntry> sent = randomMessages(3000, 3);
    appendInBatches(model, sent, 500);
    QCOMPARE(model.firstIndex(), qint64(2000));
    QVERIFY(!keeper.hasKeptBefore(model.firstIndex()));
    QList<HistoryEntry> older;
    keeper.readOlder(model.firstIndex(), 100, &older);
    QVERIFY(older.isEmpty());
    // Kept again: what is in memory goes to a file; its first line is row 0.
    keeper.setEnabled(true);
    QVERIFY(keeper.saveNow().ok());
    QList<HistoryEntry> file;
    QVERIFY(HistoryModel::readEntries(keeper.sessionPath(), &file).ok());
    QCOMPARE(file.size(), 1000);
    QCOMPARE(file.first().payload, sent[2000].payload);
    model.append(randomMessages(500, 4));
    QVERIFY(keeper.hasKeptBefore(model.firstIndex()));
    QVERIFY(keeper.readOlder(model.firstIndex(), 100, &older).ok());
    QCOMPARE(older.size(), 100);
    QCOMPARE(older.first().payload, sent[2400].payload);
    older.clear();
    QVERIFY(keeper.readOlder(2000, 100, &older).ok());
    QVERIFY(older.isEmpty()); // before the gap: never kept
}

void TestSessionKeeper::changedEntryIsRewrittenAfterExplicitSave()
{
    QTemporaryDir dir;
    HistoryModel model;
    SessionKeeper keeper(&model, SessionStore(dir.path()));
    keeper.startNewSession(kHost, kPort);
    ClientEvent queued;
    queued.kind = ClientEvent::Kind::Queued;
    queued.payload = QByteArray("\x00\xff later", 8);
    queued.messageId = 9;
    queued.time = QDateTime::currentDateTime();
    model.applyEvents({queued});
    QVERIFY(keeper.saveNow().ok());
    QList<HistoryEntry> file;
    QVERIFY(HistoryModel::readEntries(keeper.sessionPath(), &file).ok());
    QCOMPARE(file.size(), 1);
    QVERIFY(file.first().queued);
    ClientEvent sent = queued;
    sent.kind = ClientEvent::Kind::Sent;
    model.applyEvents({sent});
    QVERIFY(keeper.saveNow().ok());
    file.clear();
    QVERIFY(HistoryModel::readEntries(keeper.sessionPath(), &file).ok());
    QCOMPARE(file.size(), 1);
    QVERIFY(!file.first().queued);
    QCOMPARE(file.first().payload, queued.payload);
}

QTEST_MAIN(TestSessionKeeper)
#include "tst_sessionkeeper.moc"
