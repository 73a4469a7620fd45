// HistoryModel correctness: 100,000 entries, roles, queued->sent updates,
// save/load round trips and find. Speed is measured in bench/history.

#include "HistoryModel.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

namespace {
ClientEvent makeEvent(ClientEvent::Kind kind, const QString& text, quint64 id = 0)
{
    ClientEvent e;
    e.kind = kind;
    e.text = text;
    e.messageId = id;
    e.time = QDateTime::currentDateTime();
    return e;
}
} // namespace

class TestHistoryModel : public QObject
{
    Q_OBJECT
private slots:
    void hundredThousandEntries();
    void queuedBecomesSent();
    void receivedCarriesRtt();
    void jsonLinesRoundTrip();
    void loadKeepsLastEntriesAndSkipsBadLines();
    void jsonArrayAndText();
    void findWrapsBothWays();
};

void TestHistoryModel::hundredThousandEntries()
{
    HistoryModel model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const qint64 base = QDateTime::currentMSecsSinceEpoch();
    constexpr int kTotal = 100000;
    constexpr int kBatch = 1000;
    for (int start = 0; start < kTotal; start += kBatch) {
        QList<HistoryEntry> batch;
        batch.reserve(kBatch);
        for (int i = start; i < start + kBatch; ++i) {
            HistoryEntry e;
            e.kind = i % 2 ? HistoryEntry::Kind::Received : HistoryEntry::Kind::Sent;
            e.timeMs = base + i;
            e.text = QStringLiteral("message %1 안녕하세요").arg(i);
            if (i % 2)
                e.rttMs = i / 1000.0;
            batch.append(e);
        }
        model.append(batch);
    }
    QCOMPARE(model.rowCount(), kTotal);
    QCOMPARE(inserted.size(), kTotal / kBatch); // one insert per batch
    for (int row : {0, 1, 4242, 99999}) {
        const QModelIndex index = model.index(row);
        QCOMPARE(index.data().toString(), QStringLiteral("message %1 안녕하세요").arg(row));
        QCOMPARE(index.data(HistoryModel::KindRole).toInt(),
                 int(row % 2 ? HistoryEntry::Kind::Received : HistoryEntry::Kind::Sent));
        QCOMPARE(index.data(HistoryModel::TimeRole).toDateTime().toMSecsSinceEpoch(), base + row);
        QCOMPARE(index.data(HistoryModel::RttRole).isValid(), row % 2 == 1);
        if (row % 2)
            QCOMPARE(index.data(HistoryModel::RttRole).toDouble(), row / 1000.0);
    }
    QVERIFY(!model.index(kTotal).isValid());
    QVERIFY(!model.data(model.index(kTotal, 0), Qt::DisplayRole).isValid());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestHistoryModel::queuedBecomesSent()
{
    HistoryModel model;
    // Queued and sent within one flush: one entry, not queued.
    model.applyEvents({makeEvent(ClientEvent::Kind::Queued, QStringLiteral("a"), 1),
                       makeEvent(ClientEvent::Kind::Sent, QStringLiteral("a"), 1)});
    QCOMPARE(model.count(), 1);
    QVERIFY(!model.entry(0).queued);
    // Queued in one flush, sent in a later one: the entry is updated in place.
    model.applyEvents({makeEvent(ClientEvent::Kind::Queued, QStringLiteral("b"), 2),
                       makeEvent(ClientEvent::Kind::Notice, QStringLiteral("Reconnecting"))});
    QCOMPARE(model.count(), 3);
    QVERIFY(model.index(1).data(HistoryModel::QueuedRole).toBool());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applyEvents({makeEvent(ClientEvent::Kind::Notice, QStringLiteral("Connected")),
                       makeEvent(ClientEvent::Kind::Sent, QStringLiteral("b"), 2)});
    QCOMPARE(model.count(), 4);
    QVERIFY(!model.index(1).data(HistoryModel::QueuedRole).toBool());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    // Refusals and errors are visible entries.
    model.applyEvents({makeEvent(ClientEvent::Kind::Refused, QStringLiteral("too long"))});
    QCOMPARE(model.entry(4).kind, HistoryEntry::Kind::Error);
}

void TestHistoryModel::receivedCarriesRtt()
{
    HistoryModel model;
    ClientEvent reply = makeEvent(ClientEvent::Kind::Received, QStringLiteral("응답"));
    reply.rttMs = 12.25;
    ClientEvent unmatched = makeEvent(ClientEvent::Kind::Received, QStringLiteral("extra"));
    model.applyEvents({reply, unmatched});
    QCOMPARE(model.index(0).data(HistoryModel::RttRole).toDouble(), 12.25);
    QVERIFY(!model.index(1).data(HistoryModel::RttRole).isValid());
    QVERIFY(historyEntryText(model.entry(0)).contains(QStringLiteral("(12.3 ms)")));
}

void TestHistoryModel::jsonLinesRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    HistoryModel model;
    ClientEvent reply =
        makeEvent(ClientEvent::Kind::Received, QStringLiteral("줄1\n\"따옴표\"\t끝"));
    reply.rttMs = 3.5;
    model.applyEvents({makeEvent(ClientEvent::Kind::Sent, QStringLiteral("hello"), 1), reply,
                       makeEvent(ClientEvent::Kind::Queued, QStringLiteral("later"), 2),
                       makeEvent(ClientEvent::Kind::Error, QStringLiteral("refused"))});
    const QString path = dir.filePath(QStringLiteral("h.jsonl"));
    QString error;
    QVERIFY2(model.saveJsonLines(path, 10000, &error), qPrintable(error));

    HistoryModel loaded;
    QVERIFY2(loaded.loadJsonLines(path, 10000, &error), qPrintable(error));
    QCOMPARE(loaded.count(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(loaded.entry(i).text, model.entry(i).text);
        QCOMPARE(loaded.entry(i).kind, model.entry(i).kind);
        QCOMPARE(loaded.entry(i).timeMs, model.entry(i).timeMs);
        QCOMPARE(loaded.entry(i).queued, model.entry(i).queued);
    }
    QCOMPARE(loaded.entry(1).rttMs, 3.5);
    // A missing file is simply no history.
    QVERIFY(loaded.loadJsonLines(dir.filePath(QStringLiteral("none.jsonl")), 10, &error));
    QCOMPARE(loaded.count(), 4);
    // Writing where no folder can be made (a file is in the way) fails with a reason.
    QFile blocker(dir.filePath(QStringLiteral("blocker")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QVERIFY(!model.saveJsonLines(dir.filePath(QStringLiteral("blocker/h.jsonl")), 10, &error));
    QVERIFY(!error.isEmpty());
}

void TestHistoryModel::loadKeepsLastEntriesAndSkipsBadLines()
{
    QTemporaryDir dir;
    HistoryModel model;
    QList<ClientEvent> events;
    for (int i = 0; i < 50; ++i)
        events.append(makeEvent(ClientEvent::Kind::Notice, QString::number(i)));
    model.applyEvents(events);
    const QString path = dir.filePath(QStringLiteral("h.jsonl"));
    QString error;
    QVERIFY(model.saveJsonLines(path, 20, &error));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("not json\n{\"kind\":\"bogus\",\"time\":\"x\",\"text\":1}\n");
    }
    HistoryModel loaded;
    int skipped = 0;
    QVERIFY(loaded.loadJsonLines(path, 10, &error, &skipped));
    QCOMPARE(skipped, 2);
    QCOMPARE(loaded.count(), 10);
    QCOMPARE(loaded.entry(0).text, QStringLiteral("40"));
    QCOMPARE(loaded.entry(9).text, QStringLiteral("49"));
}

void TestHistoryModel::jsonArrayAndText()
{
    QTemporaryDir dir;
    HistoryModel model;
    model.applyEvents(
        {makeEvent(ClientEvent::Kind::Sent, QStringLiteral("ping"), 1),
         makeEvent(ClientEvent::Kind::Received, QStringLiteral("데이터 수신 완료!"))});
    QString error;
    const QString json = dir.filePath(QStringLiteral("h.json"));
    const QString text = dir.filePath(QStringLiteral("h.txt"));
    QVERIFY(model.saveJson(json, &error));
    QVERIFY(model.saveText(text, &error));
    QList<HistoryEntry> entries;
    QVERIFY2(HistoryModel::readEntries(json, &entries, &error), qPrintable(error));
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(1).text, QStringLiteral("데이터 수신 완료!"));
    QFile file(text);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString contents = QString::fromUtf8(file.readAll());
    QCOMPARE(contents.count(QLatin1Char('\n')), 2);
    QVERIFY(contents.contains(QStringLiteral("you: ping")));
    QVERIFY(contents.contains(QStringLiteral("server: 데이터 수신 완료!")));
    // Copy of selected rows keeps the given order.
    QVERIFY(model.toPlainText({1}).contains(QStringLiteral("server:")));
}

void TestHistoryModel::findWrapsBothWays()
{
    HistoryModel model;
    model.applyEvents({makeEvent(ClientEvent::Kind::Notice, QStringLiteral("alpha")),
                       makeEvent(ClientEvent::Kind::Notice, QStringLiteral("Beta")),
                       makeEvent(ClientEvent::Kind::Notice, QStringLiteral("gamma beta"))});
    QCOMPARE(model.find(QStringLiteral("beta"), -1, true), 1);
    QCOMPARE(model.find(QStringLiteral("beta"), 1, true), 2);
    QCOMPARE(model.find(QStringLiteral("beta"), 2, true), 1);  // wraps
    QCOMPARE(model.find(QStringLiteral("beta"), 1, false), 2); // wraps backwards
    QCOMPARE(model.find(QStringLiteral("zeta"), 0, true), -1);
    QCOMPARE(model.find(QString(), 0, true), -1);
}

QTEST_GUILESS_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
