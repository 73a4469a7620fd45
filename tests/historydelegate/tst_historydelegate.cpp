// HistoryDelegate's cached row heights follow their rows when the bounded
// history drops its oldest rows and when older rows are read back on top: each
// row's height is the one a fresh delegate computes for it.

#include "HistoryDelegate.h"
#include "HistoryModel.h"

#include <QListView>
#include <QTest>

using namespace chorus;

namespace {
// Heights that differ from row to row: 1 to 6 lines of text.
QList<HistoryEntry> varied(int first, int count)
{
    QList<HistoryEntry> entries;
    for (int i = first; i < first + count; ++i) {
        HistoryEntry e;
        e.kind = i % 2 ? HistoryEntry::Kind::Received : HistoryEntry::Kind::Sent;
        e.timeMs = 1700000000000 + i;
        e.payload = QByteArray::number(i);
        for (int line = 0; line < i % 6; ++line)
            e.payload += "\nline";
        entries.append(e);
    }
    return entries;
}

// Every row's cached height against a delegate that never saw the model change.
void compareWithFreshDelegate(QListView& view, HistoryDelegate& cached)
{
    QListView freshView;
    freshView.resize(view.size());
    freshView.setModel(view.model());
    HistoryDelegate fresh(&freshView);
    freshView.setItemDelegate(&fresh);
    const QStyleOptionViewItem option;
    for (int row = 0; row < view.model()->rowCount(); ++row) {
        const QModelIndex index = view.model()->index(row, 0);
        QCOMPARE(cached.sizeHint(option, index).height(), fresh.sizeHint(option, index).height());
    }
    freshView.setModel(nullptr);
}
} // namespace

class TestHistoryDelegate : public QObject
{
    Q_OBJECT
private slots:
    void heightsFollowDroppedAndLoadedRows();
};

void TestHistoryDelegate::heightsFollowDroppedAndLoadedRows()
{
    HistoryModel model;
    model.setMaxEntries(50);
    QListView view;
    view.resize(400, 300);
    view.setModel(&model);
    HistoryDelegate delegate(&view);
    view.setItemDelegate(&delegate);
    const QStyleOptionViewItem option;
    model.append(varied(0, 50));
    for (int row = 0; row < model.count(); ++row) // fill the cache
        delegate.sizeHint(option, model.index(row));
    model.append(varied(50, 7)); // the 7 oldest leave from the top
    QCOMPARE(model.firstIndex(), qint64(7));
    compareWithFreshDelegate(view, delegate);
    model.prependOlder(varied(2, 5)); // read back on top
    QCOMPARE(model.firstIndex(), qint64(2));
    compareWithFreshDelegate(view, delegate);
    view.setModel(nullptr);
}

QTEST_MAIN(TestHistoryDelegate)
#include "tst_historydelegate.moc"
