// OlderEntriesBar: says how many entries left the view, and "Load older"
// reads them back from the kept files on top of the history, byte-exact.

#include "HistoryModel.h"
#include "OlderEntriesBar.h"
#include "SessionKeeper.h"

#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

namespace {
QList<HistoryEntry> messages(int first, int count)
{
    QList<HistoryEntry> entries;
    for (int i = first; i < first + count; ++i) {
        HistoryEntry e;
        e.kind = HistoryEntry::Kind::Received;
        e.timeMs = 1700000000000 + i;
        e.payload = QByteArray::number(i) + QByteArray("\x00\x1b\xff", 3);
        entries.append(e);
    }
    return entries;
}
} // namespace

class TestOlderEntriesBar : public QObject
{
    Q_OBJECT
private slots:
    void hiddenUntilEntriesLeave();
    void loadOlderReadsTheBlockBefore();
    void notKeptSaysSoAndCannotLoad();
};

void TestOlderEntriesBar::hiddenUntilEntriesLeave()
{
    QTemporaryDir dir;
    HistoryModel model;
    model.setMaxEntries(1000);
    SessionKeeper keeper(&model, SessionStore(dir.path()));
    keeper.startNewSession(QStringLiteral("127.0.0.1"), 1);
    QListView view;
    view.setModel(&model);
    OlderEntriesBar bar(&model, &keeper, &view);
    model.append(messages(0, 1000));
    QVERIFY(bar.isHidden());
    model.append(messages(1000, 234));
    QVERIFY(!bar.isHidden());
    QVERIFY(bar.label()->text().contains(QLocale().toString(234)));
    QVERIFY(bar.loadButton()->isEnabled());
    model.clear();
    QVERIFY(bar.isHidden());
}

void TestOlderEntriesBar::loadOlderReadsTheBlockBefore()
{
    QTemporaryDir dir;
    HistoryModel model;
    model.setMaxEntries(1000);
    SessionKeeper keeper(&model, SessionStore(dir.path()));
    keeper.startNewSession(QStringLiteral("127.0.0.1"), 1);
    QListView view;
    view.setModel(&model);
    OlderEntriesBar bar(&model, &keeper, &view);
    const QList<HistoryEntry> sent = messages(0, 3500);
    for (int i = 0; i < sent.size(); i += 500)
        model.append(sent.mid(i, 500));
    QCOMPARE(model.firstIndex(), qint64(2500));
    bar.loadButton()->click();
    QCOMPARE(model.firstIndex(), qint64(2500 - OlderEntriesBar::kLoadBlock));
    QCOMPARE(model.count(), 1000 + OlderEntriesBar::kLoadBlock);
    for (int row = 0; row < model.count(); ++row)
        QCOMPARE(model.entry(row).payload, sent[int(model.firstIndex()) + row].payload);
    QVERIFY(bar.label()->text().contains(QLocale().toString(1500)));
    // The model holds at most twice its limit: the next click takes nothing more.
    QCOMPARE(bar.loadOlder(), 0);
    QCOMPARE(model.count(), 2000);
}

void TestOlderEntriesBar::notKeptSaysSoAndCannotLoad()
{
    QTemporaryDir dir;
    HistoryModel model;
    model.setMaxEntries(1000);
    SessionKeeper keeper(&model, SessionStore(dir.path()));
    keeper.startNewSession(QStringLiteral("127.0.0.1"), 1);
    keeper.setEnabled(false);
    QListView view;
    view.setModel(&model);
    OlderEntriesBar bar(&model, &keeper, &view);
    model.append(messages(0, 1500));
    QVERIFY(!bar.isHidden());
    QVERIFY(!bar.loadButton()->isEnabled());
    QCOMPARE(bar.loadOlder(), 0);
    QCOMPARE(model.firstIndex(), qint64(500));
}

QTEST_MAIN(TestOlderEntriesBar)
#include "tst_olderentriesbar.moc"
