// HistoryModel correctness: 100,000 entries, roles, queued->sent updates,
// a reconnect run as one entry, save/load round trips and find; messages as
// bytes in the Text, Hex and Mixed views, and files that keep every byte.
// Speed is measured in bench/history.

#include "HistoryModel.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>

using namespace chorus;

namespace {
ClientEvent makeEvent(ClientEvent::Kind kind, const QString& text, quint64 id = 0)
{
    ClientEvent e;
    e.kind = kind;
    e.payload = text.toUtf8();
    e.messageId = id;
    e.time = QDateTime::currentDateTime();
    return e;
}

ClientEvent notice(ClientNotice code, int attempt = 0, ClientError error = ClientError::None)
{
    ClientEvent e = makeEvent(ClientEvent::Kind::Notice, {});
    e.notice = code;
    e.attempt = attempt;
    e.error = error;
    e.delayMs = 500;
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
    void reconnectRunIsOneEntry();
    void jsonLinesRoundTrip();
    void jsonLinesReadBackByteExact();
    void keepsLastEntriesAndSkipsBadLines();
    void jsonArrayAndText();
    void findWrapsBothWays();
    void showsBytesInEachView_data();
    void showsBytesInEachView();
    void switchingTheViewRerendersEveryEntry();
    void findAndCopyUseTheView();
    void savedAndReloadedByteIdentical();
    void filesKeepHexAndReadableText();
    void oldFilesWithoutHexLoadAsUtf8();
    void bigMessagesStayWhole();
    void limitHoldsAndCountsDropped_data();
    void limitHoldsAndCountsDropped();
    void olderEntriesGoBackOnTop();
    void droppedQueuedAndRetryEntries();
    void jsonLineIsWhatQJsonDocumentWrites_data();
    void jsonLineIsWhatQJsonDocumentWrites();
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
            e.payload = QStringLiteral("message %1 안녕하세요").arg(i).toUtf8();
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

void TestHistoryModel::reconnectRunIsOneEntry()
{
    // Issue 8, item 3: each failed retry used to add three entries (connecting,
    // the error, "reconnecting in"); a run is now one entry updated in place.
    HistoryModel model;
    model.applyEvents({notice(ClientNotice::Connecting), notice(ClientNotice::Connected)});
    model.applyEvents({makeEvent(ClientEvent::Kind::Error, QStringLiteral("closed")),
                       notice(ClientNotice::RetryWaiting, 1, ClientError::RemoteClosed)});
    QCOMPARE(model.count(), 4);
    const int run = model.retryRow();
    QCOMPARE(run, 3);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    for (int attempt = 1; attempt <= 6; ++attempt) {
        // Across flushes and within one flush.
        model.applyEvents({notice(ClientNotice::RetryConnecting, attempt),
                           notice(ClientNotice::RetryConnected, attempt)});
        model.applyEvents(
            {notice(ClientNotice::RetryWaiting, attempt + 1, ClientError::ServerFull)});
    }
    QCOMPARE(model.count(), 4);
    QVERIFY(changed.size() >= 12);
    QCOMPARE(model.entry(run).notice, ClientNotice::RetryWaiting);
    QCOMPARE(model.entry(run).error, ClientError::ServerFull);
    QCOMPARE(model.index(run).data(HistoryModel::NoticeRole).toInt(),
             int(ClientNotice::RetryWaiting));
    // A message typed meanwhile is its own entry; the run's entry still updates.
    model.applyEvents({makeEvent(ClientEvent::Kind::Queued, QStringLiteral("typed"), 9),
                       notice(ClientNotice::RetryConnecting, 7)});
    QCOMPARE(model.count(), 5);
    QCOMPARE(model.entry(run).notice, ClientNotice::RetryConnecting);
    // The user's Disconnect ends the run; a later drop starts a new entry.
    model.applyEvents({notice(ClientNotice::Disconnected)});
    QCOMPARE(model.retryRow(), -1);
    model.applyEvents({notice(ClientNotice::RetryConnecting, 2)});
    QCOMPARE(model.count(), 7);
    model.applyEvents(
        {notice(ClientNotice::RetryWaiting, 1), notice(ClientNotice::RetryWaiting, 2)});
    QCOMPARE(model.count(), 8);
    QCOMPARE(model.retryRow(), 7);
    model.clear();
    QCOMPARE(model.retryRow(), -1);
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
    const FileResult saved = model.saveJsonLines(path);
    QVERIFY2(saved.ok(), qPrintable(saved.describe()));

    QList<HistoryEntry> loaded;
    const FileResult read = HistoryModel::readEntries(path, &loaded);
    QVERIFY2(read.ok(), qPrintable(read.describe()));
    QCOMPARE(loaded.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(loaded.at(i).text, model.entry(i).text);
        QCOMPARE(loaded.at(i).payload, model.entry(i).payload);
        QCOMPARE(loaded.at(i).kind, model.entry(i).kind);
        QCOMPARE(loaded.at(i).timeMs, model.entry(i).timeMs);
        QCOMPARE(loaded.at(i).queued, model.entry(i).queued);
    }
    QCOMPARE(loaded.at(1).rttMs, 3.5);
    // A missing file, a folder and a FIFO are refused with their own codes, never opened.
    QCOMPARE(HistoryModel::readEntries(dir.filePath(QStringLiteral("none.jsonl")), &loaded).error,
             FileError::NotFound);
    QCOMPARE(HistoryModel::readEntries(dir.path(), &loaded).error, FileError::NotRegularFile);
    QCOMPARE(loaded.size(), 4);
    // Writing where no folder can be made (a file is in the way) fails with a code.
    QFile blocker(dir.filePath(QStringLiteral("blocker")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const FileResult blocked = model.saveJsonLines(dir.filePath(QStringLiteral("blocker/h.jsonl")));
    QCOMPARE(blocked.error, FileError::CreateFolderFailed);
}

void TestHistoryModel::jsonLinesReadBackByteExact()
{
    // A kept session reopens as it was: reading a file and writing it again
    // gives the same bytes (Korean, escapes, RTTs with many digits, queued).
    HistoryModel model;
    ClientEvent reply =
        makeEvent(ClientEvent::Kind::Received, QStringLiteral("응답 \u2028 \\ \x01"));
    reply.rttMs = 0.123456789012;
    model.applyEvents({makeEvent(ClientEvent::Kind::Sent, QStringLiteral("드론 상태?"), 1), reply,
                       makeEvent(ClientEvent::Kind::Queued, QStringLiteral("later"), 2),
                       makeEvent(ClientEvent::Kind::Broadcast, QStringLiteral("모두에게")),
                       notice(ClientNotice::PlainText)});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.jsonl"));
    QVERIFY(model.saveJsonLines(path).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QList<HistoryEntry> entries;
    int skipped = -1;
    QVERIFY(HistoryModel::readEntries(path, &entries, &skipped).ok());
    QCOMPARE(skipped, 0);
    HistoryModel again;
    again.append(entries);
    QCOMPARE(again.toJsonLines(), bytes);
}

void TestHistoryModel::keepsLastEntriesAndSkipsBadLines()
{
    QTemporaryDir dir;
    HistoryModel model;
    QList<ClientEvent> events;
    for (int i = 0; i < 50; ++i)
        events.append(makeEvent(ClientEvent::Kind::Received, QString::number(i)));
    model.applyEvents(events);
    const QString path = dir.filePath(QStringLiteral("h.jsonl"));
    QVERIFY(model.saveJsonLines(path, 20).ok());
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("not json\n{\"kind\":\"bogus\",\"time\":\"x\",\"text\":1}\n");
    }
    QList<HistoryEntry> loaded;
    int skipped = 0;
    QVERIFY(HistoryModel::readEntries(path, &loaded, &skipped).ok());
    QCOMPARE(skipped, 2);
    QCOMPARE(loaded.size(), 20);
    QCOMPARE(loaded.first().payload, QByteArray("30"));
    QCOMPARE(loaded.last().payload, QByteArray("49"));
}

void TestHistoryModel::jsonArrayAndText()
{
    QTemporaryDir dir;
    HistoryModel model;
    model.applyEvents(
        {makeEvent(ClientEvent::Kind::Sent, QStringLiteral("ping"), 1),
         makeEvent(ClientEvent::Kind::Received, QStringLiteral("데이터 수신 완료!"))});
    const QString json = dir.filePath(QStringLiteral("h.json"));
    const QString text = dir.filePath(QStringLiteral("h.txt"));
    QVERIFY(model.saveJson(json).ok());
    QVERIFY(model.saveText(text).ok());
    QList<HistoryEntry> entries;
    QVERIFY(HistoryModel::readEntries(json, &entries).ok());
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(1).payload, QStringLiteral("데이터 수신 완료!").toUtf8());
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
    model.applyEvents({makeEvent(ClientEvent::Kind::Received, QStringLiteral("alpha")),
                       makeEvent(ClientEvent::Kind::Received, QStringLiteral("Beta")),
                       makeEvent(ClientEvent::Kind::Received, QStringLiteral("gamma beta"))});
    QCOMPARE(model.find(QStringLiteral("beta"), -1, true), 1);
    QCOMPARE(model.find(QStringLiteral("beta"), 1, true), 2);
    QCOMPARE(model.find(QStringLiteral("beta"), 2, true), 1);  // wraps
    QCOMPARE(model.find(QStringLiteral("beta"), 1, false), 2); // wraps backwards
    QCOMPARE(model.find(QStringLiteral("zeta"), 0, true), -1);
    QCOMPARE(model.find(QString(), 0, true), -1);
}

namespace {
ClientEvent bytesEvent(ClientEvent::Kind kind, const QByteArray& payload, quint64 id = 0)
{
    ClientEvent e = makeEvent(kind, {}, id);
    e.payload = payload;
    return e;
}

QByteArray allByteValues()
{
    QByteArray all;
    for (int value = 0; value < 256; ++value)
        all += char(value);
    return all;
}
} // namespace

Q_DECLARE_METATYPE(chorus::ByteView)

void TestHistoryModel::showsBytesInEachView_data()
{
    QTest::addColumn<ByteView>("view");
    QTest::addColumn<QString>("shown");
    QTest::newRow("text") << ByteView::Text << QStringLiteral("\\x01\\x02 ok\\xFF\\0");
    QTest::newRow("hex") << ByteView::Hex << QStringLiteral("01 02 20 6F 6B FF 00");
    // As hexdump -C prints it.
    QTest::newRow("mixed") << ByteView::Mixed
                           << QStringLiteral("00000000  01 02 20 6f 6b ff 00") +
                                  QString(30, QLatin1Char(' ')) + QStringLiteral("|.. ok..|");
}

void TestHistoryModel::showsBytesInEachView()
{
    QFETCH(ByteView, view);
    QFETCH(QString, shown);
    HistoryModel model;
    const QByteArray bytes("\x01\x02 ok\xFF\x00", 7);
    model.applyEvents({bytesEvent(ClientEvent::Kind::Received, bytes)});
    model.setByteView(view);
    QCOMPARE(model.entry(0).payload, bytes); // stored as is, whatever the view
    QCOMPARE(model.index(0).data(HistoryModel::PayloadRole).toByteArray(), bytes);
    QCOMPARE(model.index(0).data(HistoryModel::ByteViewRole).toInt(), int(view));
    QCOMPARE(model.index(0).data().toString(), shown);
}

void TestHistoryModel::switchingTheViewRerendersEveryEntry()
{
    HistoryModel model;
    model.applyEvents({bytesEvent(ClientEvent::Kind::Sent, "AT\r", 1),
                       bytesEvent(ClientEvent::Kind::Received, QByteArray("\x06", 1)),
                       notice(ClientNotice::PlainText)});
    const QString noticeText = model.index(2).data().toString();
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("AT\\r"));
    QSignalSpy relayout(&model, &QAbstractItemModel::layoutChanged);
    model.setByteView(ByteView::Hex);
    QCOMPARE(relayout.size(), 1); // heights differ between views: the view lays out again
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("41 54 0D"));
    QCOMPARE(model.index(1).data().toString(), QStringLiteral("06"));
    QCOMPARE(model.index(2).data().toString(), noticeText); // words stay words
    model.setByteView(ByteView::Hex);
    QCOMPARE(relayout.size(), 1); // no change, no relayout
    model.setByteView(ByteView::Text);
    QCOMPARE(model.index(1).data().toString(), QStringLiteral("\\x06"));
}

void TestHistoryModel::findAndCopyUseTheView()
{
    HistoryModel model;
    model.applyEvents({bytesEvent(ClientEvent::Kind::Received, QByteArray("\xFF\x00", 2)),
                       bytesEvent(ClientEvent::Kind::Received, "ok")});
    QCOMPARE(model.find(QStringLiteral("ff 00"), -1, true), -1);
    QCOMPARE(model.find(QStringLiteral("\\xff\\0"), -1, true), 0);
    model.setByteView(ByteView::Hex);
    QCOMPARE(model.find(QStringLiteral("ff 00"), -1, true), 0);
    QCOMPARE(model.find(QStringLiteral("6F 6B"), 0, true), 1);
    QVERIFY(model.toPlainText({0}).contains(QStringLiteral("server: FF 00")));
    model.setByteView(ByteView::Mixed);
    QVERIFY(model.toPlainText({0}).contains(QStringLiteral("server: 00000000  ff 00")));
    // A dump of several lines starts on the line after the header.
    model.applyEvents({bytesEvent(ClientEvent::Kind::Received, allByteValues())});
    QVERIFY(model.toPlainText({2}).contains(
        QStringLiteral("server:\n00000000  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f  "
                       "|................|\n00000010  10 11")));
    // Save as text is always the Text view: escapes, one line per entry.
    QVERIFY(model.toPlainText(ByteView::Text).contains(QStringLiteral("server: \\xFF\\0\n")));
}

void TestHistoryModel::savedAndReloadedByteIdentical()
{
    HistoryModel model;
    const QByteArray all = allByteValues();
    ClientEvent reply = bytesEvent(ClientEvent::Kind::Received, all);
    reply.rttMs = 1.5;
    model.applyEvents({bytesEvent(ClientEvent::Kind::Sent, QByteArray("\x00\xFF", 2), 1), reply,
                       bytesEvent(ClientEvent::Kind::Broadcast, QByteArray("\xFE", 1)),
                       bytesEvent(ClientEvent::Kind::Queued, QByteArray("\x00", 1), 2),
                       notice(ClientNotice::PlainText)});
    QTemporaryDir dir;
    for (const QString& name : {QStringLiteral("s.jsonl"), QStringLiteral("s.json")}) {
        const QString path = dir.filePath(name);
        QVERIFY(name.endsWith(QLatin1String("l")) ? model.saveJsonLines(path).ok()
                                                  : model.saveJson(path).ok());
        QList<HistoryEntry> loaded;
        int skipped = -1;
        QVERIFY(HistoryModel::readEntries(path, &loaded, &skipped).ok());
        QCOMPARE(skipped, 0);
        QCOMPARE(loaded.size(), model.count());
        for (int i = 0; i < model.count(); ++i) {
            QCOMPARE(loaded.at(i).payload, model.entry(i).payload);
            QCOMPARE(loaded.at(i).kind, model.entry(i).kind);
            QCOMPARE(loaded.at(i).queued, model.entry(i).queued);
        }
        HistoryModel again;
        again.append(loaded);
        QCOMPARE(again.toJsonLines(), model.toJsonLines());
    }
}

void TestHistoryModel::filesKeepHexAndReadableText()
{
    HistoryModel model;
    model.applyEvents({bytesEvent(ClientEvent::Kind::Received, QByteArray("\x02hi\xFF", 4)),
                       notice(ClientNotice::PlainText)});
    const QList<QByteArray> lines = model.toJsonLines().split('\n');
    const QJsonObject message = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(message.value(QStringLiteral("hex")).toString(), QStringLiteral("026869ff"));
    QCOMPARE(message.value(QStringLiteral("text")).toString(), QStringLiteral("\\x02hi\\xFF"));
    const QJsonObject words = QJsonDocument::fromJson(lines.at(1)).object();
    QVERIFY(!words.contains(QStringLiteral("hex"))); // notices are words, not bytes
    QCOMPARE(words.value(QStringLiteral("text")).toString(), model.entry(1).text);
    // Hex that is not hex is not guessed at: that line is skipped.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(lines.at(0) + '\n');
    file.write(R"({"time":"2024-05-01T12:00:01.123","kind":"sent","text":"x","hex":"0G"})"
               "\n");
    file.close();
    QList<HistoryEntry> loaded;
    int skipped = 0;
    QVERIFY(HistoryModel::readEntries(path, &loaded, &skipped).ok());
    QCOMPARE(skipped, 1);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().payload, QByteArray("\x02hi\xFF", 4));
}

void TestHistoryModel::oldFilesWithoutHexLoadAsUtf8()
{
    // A session kept before issue 9: messages as text only.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral(R"({"time":"2024-05-01T12:00:01.123","kind":"received",)"
                              R"("text":"응답 \\x01","rtt_ms":2.5})"
                              "\n"
                              R"({"time":"2024-05-01T12:00:02.000","kind":"notice",)"
                              R"("text":"Connected to 127.0.0.1:9999"})"
                              "\n")
                   .toUtf8());
    file.close();
    QList<HistoryEntry> loaded;
    int skipped = -1;
    QVERIFY(HistoryModel::readEntries(path, &loaded, &skipped).ok());
    QCOMPARE(skipped, 0);
    QCOMPARE(loaded.size(), 2);
    QCOMPARE(loaded.at(0).payload, QStringLiteral("응답 \\x01").toUtf8());
    QCOMPARE(loaded.at(0).rttMs, 2.5);
    QCOMPARE(loaded.at(1).text, QStringLiteral("Connected to 127.0.0.1:9999"));
    QVERIFY(loaded.at(1).payload.isEmpty());
}

void TestHistoryModel::bigMessagesStayWhole()
{
    // 64 KiB kept and saved whole; only the tooltip shows a start of it.
    HistoryModel model;
    QByteArray big(64 * 1024, '\0');
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char(i * 7);
    model.applyEvents({bytesEvent(ClientEvent::Kind::Received, big)});
    model.setByteView(ByteView::Mixed);
    QCOMPARE(model.entry(0).payload, big);
    QCOMPARE(model.index(0).data().toString(), formatMixed(big));
    const QString tip = model.index(0).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.size() < 2000, qPrintable(QString::number(tip.size())));
    QVERIFY(tip.contains(QString::number(big.size())));
    QList<HistoryEntry> loaded;
    QTemporaryDir dir;
    QVERIFY(model.saveJsonLines(dir.filePath(QStringLiteral("big.jsonl"))).ok());
    QVERIFY(HistoryModel::readEntries(dir.filePath(QStringLiteral("big.jsonl")), &loaded).ok());
    QCOMPARE(loaded.first().payload, big);
}

namespace {
HistoryEntry numbered(qint64 n)
{
    HistoryEntry e;
    e.kind = HistoryEntry::Kind::Received;
    e.timeMs = 1700000000000 + n;
    e.payload = QByteArray::number(n) + '\0' + char(n & 0xff);
    return e;
}

QList<HistoryEntry> numberedBatch(qint64 first, int size)
{
    QList<HistoryEntry> batch;
    for (int i = 0; i < size; ++i)
        batch.append(numbered(first + i));
    return batch;
}
} // namespace

void TestHistoryModel::limitHoldsAndCountsDropped_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("batch");
    QTest::newRow("under the limit") << 1000 << 999 << 100;
    QTest::newRow("exactly the limit") << 1000 << 1000 << 100;
    QTest::newRow("one over") << 1000 << 1001 << 1;
    QTest::newRow("flood in flushes") << 1000 << 20000 << 250;
    QTest::newRow("a batch bigger than the limit") << 1000 << 7000 << 3500;
    QTest::newRow("no limit") << 0 << 20000 << 1000;
}

void TestHistoryModel::limitHoldsAndCountsDropped()
{
    QFETCH(int, limit);
    QFETCH(int, total);
    QFETCH(int, batch);
    HistoryModel model;
    model.setMaxEntries(limit);
    QSignalSpy dropping(&model, &HistoryModel::entriesAboutToBeDropped);
    qint64 droppedRows = 0;
    bool oldestFirst = true;
    connect(&model, &HistoryModel::entriesAboutToBeDropped, this, [&](int first, int last) {
        // What leaves is the oldest: row 0 is the entry numbered firstIndex().
        oldestFirst = oldestFirst && first == 0 &&
                      model.entry(0).payload == numbered(model.firstIndex()).payload;
        droppedRows += last - first + 1;
    });
    for (int start = 0; start < total; start += batch) {
        model.append(numberedBatch(start, std::min(batch, total - start)));
        QVERIFY(limit == 0 || model.count() <= limit);
    }
    QVERIFY(oldestFirst);
    const int expected = limit == 0 ? total : std::min(total, limit);
    QCOMPARE(model.count(), expected);
    QCOMPARE(model.firstIndex(), qint64(total - expected));
    QCOMPARE(droppedRows, model.firstIndex());
    QCOMPARE(model.sessionCount(), qint64(total));
    QCOMPARE(model.entry(0).payload, numbered(total - expected).payload);
    QCOMPARE(model.entry(model.count() - 1).payload, numbered(total - 1).payload);
    QCOMPARE(dropping.isEmpty(), limit == 0 || total <= limit);
    // Lowering the limit drops at once; clear() starts the count again.
    if (limit > 0) {
        model.setMaxEntries(limit / 2);
        QCOMPARE(model.count(), std::min(expected, limit / 2));
        QCOMPARE(model.firstIndex(), qint64(total - model.count()));
    }
    model.clear();
    QCOMPARE(model.firstIndex(), qint64(0));
}

void TestHistoryModel::olderEntriesGoBackOnTop()
{
    HistoryModel model;
    model.setMaxEntries(100);
    model.append(numberedBatch(0, 500)); // 0..399 dropped, 400..499 in memory
    QCOMPARE(model.firstIndex(), qint64(400));
    QSignalSpy firstChanged(&model, &HistoryModel::firstIndexChanged);
    // Read back 50 (the ones just before row 0): they go on top.
    QCOMPARE(model.prependOlder(numberedBatch(350, 50)), 50);
    QCOMPARE(model.firstIndex(), qint64(350));
    QCOMPARE(model.count(), 150);
    QCOMPARE(model.entry(0).payload, numbered(350).payload);
    QCOMPARE(model.entry(50).payload, numbered(400).payload);
    QCOMPARE(firstChanged.size(), 1);
    QCOMPARE(firstChanged.first().at(0).toLongLong(), qint64(350));
    // At most twice the limit in memory: of 300 more, 50 fit (the newest of them).
    QCOMPARE(model.prependOlder(numberedBatch(50, 300)), 50);
    QCOMPARE(model.count(), 200);
    QCOMPARE(model.entry(0).payload, numbered(300).payload);
    // Appends then drop as many as they add: the loaded rows leave first.
    model.append(numberedBatch(500, 30));
    QCOMPARE(model.count(), 200);
    QCOMPARE(model.entry(0).payload, numbered(330).payload);
    QCOMPARE(model.entry(199).payload, numbered(529).payload);
    // Never more than the session had before row 0.
    model.setMaxEntries(0);
    QCOMPARE(model.prependOlder(numberedBatch(-670, 1000)), 330); // ends right before row 0
    QCOMPARE(model.firstIndex(), qint64(0));
    QCOMPARE(model.entry(0).payload, numbered(0).payload);
}

void TestHistoryModel::droppedQueuedAndRetryEntries()
{
    HistoryModel model;
    model.setMaxEntries(1000);
    model.applyEvents({makeEvent(ClientEvent::Kind::Queued, QStringLiteral("q"), 7),
                       notice(ClientNotice::RetryWaiting, 1)});
    QCOMPARE(model.firstUnsettledIndex(), qint64(0));
    QCOMPARE(model.retryRow(), 1);
    // A flood pushes both out of memory: nothing points at their rows any more.
    model.append(numberedBatch(0, 1000));
    QCOMPARE(model.firstIndex(), qint64(2));
    QCOMPARE(model.retryRow(), -1);
    QCOMPARE(model.firstUnsettledIndex(), model.sessionCount());
    // The late Sent for the dropped queued message is an entry of its own.
    model.applyEvents({makeEvent(ClientEvent::Kind::Sent, QStringLiteral("q"), 7),
                       notice(ClientNotice::RetryWaiting, 2)});
    QCOMPARE(model.entry(model.count() - 2).kind, HistoryEntry::Kind::Sent);
    QCOMPARE(model.entry(model.count() - 2).payload, QByteArray("q"));
    QCOMPARE(model.retryRow(), model.count() - 1);
    QCOMPARE(model.count(), 1000);
}

void TestHistoryModel::jsonLineIsWhatQJsonDocumentWrites_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("rtt");
    QTest::addColumn<bool>("queued");
    const double none = std::numeric_limits<double>::quiet_NaN();
    QByteArray everyByte(256, Qt::Uninitialized);
    for (int i = 0; i < 256; ++i)
        everyByte[i] = char(i);
    using K = HistoryEntry::Kind;
    QTest::newRow("received, rtt")
        << int(K::Received) << QByteArray("OK 12") << QString() << 0.75 << false;
    QTest::newRow("every byte") << int(K::Received) << everyByte << QString() << none << false;
    QTest::newRow("quotes, backslash, UTF-8")
        << int(K::Sent) << QByteArray("say \"hi\" \\ 안녕 \t\r\n") << QString() << none << false;
    QTest::newRow("queued") << int(K::Sent) << QByteArray("later") << QString() << none << true;
    QTest::newRow("whole rtt") << int(K::Direct) << QByteArray() << QString() << 2.0 << false;
    QTest::newRow("tiny rtt") << int(K::Broadcast) << QByteArray("b") << QString() << 1e-7 << false;
    QTest::newRow("notice with controls")
        << int(K::Notice) << QByteArray() << QStringLiteral("a \"b\"\n\x01\x1f\x7f é 연결")
        << 12.345678901234567 << false;
    QTest::newRow("error") << int(K::Error) << QByteArray() << QStringLiteral("C:\\path") << none
                           << false;
}

void TestHistoryModel::jsonLineIsWhatQJsonDocumentWrites()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, payload);
    QFETCH(QString, text);
    QFETCH(double, rtt);
    QFETCH(bool, queued);
    HistoryEntry e;
    e.kind = HistoryEntry::Kind(kind);
    e.payload = payload;
    e.text = text;
    e.rttMs = rtt;
    e.queued = queued;
    // Several seconds and milliseconds, so the per-second time cache is exercised.
    for (const qint64 ms : {qint64(1700000000000), qint64(1700000000001), qint64(1700000000999),
                            qint64(1700000001000), qint64(1699999999999), qint64(0)}) {
        e.timeMs = ms;
        const QByteArray qt =
            QJsonDocument(HistoryModel::toJsonObject(e)).toJson(QJsonDocument::Compact) + '\n';
        QCOMPARE(HistoryModel::toJsonLine(e), qt);
        QCOMPARE(QJsonDocument::fromJson(qt).object().value(QStringLiteral("time")).toString(),
                 QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODateWithMs));
    }
    // In a zone with an offset too (the time keeps its offset); times the cache
    // has not seen, since it keeps one second.
    const QByteArray zone = qgetenv("TZ");
    for (const char* tz : {"Asia/Seoul", "America/St_Johns"}) {
        qputenv("TZ", tz);
        tzset();
        const qint64 ms = tz[0] == 'A' && tz[1] == 's' ? 1600000000123 : 1500000000456;
        e.timeMs = ms;
        const QJsonObject object = QJsonDocument::fromJson(HistoryModel::toJsonLine(e)).object();
        QCOMPARE(object.value(QStringLiteral("time")).toString(),
                 QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODateWithMs));
    }
    if (zone.isNull())
        qunsetenv("TZ");
    else
        qputenv("TZ", zone);
    tzset();
}

QTEST_GUILESS_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
