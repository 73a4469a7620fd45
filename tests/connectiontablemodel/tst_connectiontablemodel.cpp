// ConnectionTableModel applies engine batches without resetting: inserts,
// in-place updates, removals, the id->row map, numeric sorting through a
// proxy, and 10,000 rows in one batch.

#include "ConnectionTableModel.h"
#include "command/TelemetryStore.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QtTest>

using namespace chorus;

class TestConnectionTableModel : public QObject
{
    Q_OBJECT
private slots:
    void insertUpdateRemove();
    void removalsInManyRanges();
    void duplicateIdInOneBatch();
    void lastSnapshotAndRemovalTogether();
    void numericSortRole();
    void durationColumn();
    void tenThousandRows();
    void lastMessageInEveryView();
    void telemetryColumnsFollowKeysAndValues();
};

static ConnectionSnapshot snapshot(quint64 id, quint64 messagesIn = 0)
{
    ConnectionSnapshot s;
    s.id = id;
    s.peerAddress = QStringLiteral("127.0.0.1");
    s.peerPort = quint16(40000 + id % 20000);
    s.connectedSince = QDateTime::currentDateTime().addSecs(-qint64(id));
    s.traffic.messagesIn = messagesIn;
    s.detectedFraming = QStringLiteral("LF");
    return s;
}

static QList<ConnectionSnapshot> range(quint64 from, quint64 to)
{
    QList<ConnectionSnapshot> list;
    for (quint64 id = from; id <= to; ++id)
        list.append(snapshot(id));
    return list;
}

void TestConnectionTableModel::insertUpdateRemove()
{
    ConnectionTableModel model;
    QAbstractItemModelTester tester(&model);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    model.applyBatch(range(1, 5), {});
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.columnCount(), int(ConnectionTableModel::ColumnCount));
    QCOMPARE(model.index(0, ConnectionTableModel::IdColumn).data().toString(),
             QStringLiteral("#1"));
    QCOMPARE(model.rowForId(3), 2);

    // Update #2 and #3 (adjacent: one dataChanged), #5 (another), insert #6.
    model.applyBatch({snapshot(2, 10), snapshot(3, 11), snapshot(5, 12), snapshot(6)}, {});
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(
        model.index(model.rowForId(3), ConnectionTableModel::MessagesInColumn).data().toULongLong(),
        11ULL);
    QCOMPARE(model.rowForId(6), 5);

    // Remove #2 and #4 (unknown ids are ignored).
    model.applyBatch({}, {2, 4, 999});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(removed.count(), 2);
    QCOMPARE(model.rowForId(2), -1);
    QCOMPARE(model.rowForId(4), -1);
    for (quint64 id : {1, 3, 5, 6}) {
        const int row = model.rowForId(id);
        QVERIFY(row >= 0);
        QCOMPARE(model.idAt(row), id);
        QCOMPARE(model.index(row, 0).data(ConnectionTableModel::IdRole).value<quint64>(), id);
    }
    QCOMPARE(reset.count(), 0);

    QCOMPARE(model.addressText(model.rowForId(1)), QStringLiteral("127.0.0.1:40001"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rowForId(1), -1);
}

void TestConnectionTableModel::removalsInManyRanges()
{
    ConnectionTableModel model;
    QAbstractItemModelTester tester(&model);
    model.applyBatch(range(1, 100), {});
    QList<quint64> gone;
    for (quint64 id = 1; id <= 100; ++id)
        if (id % 3 == 0 || (id > 40 && id < 60))
            gone.append(id);
    // Update and remove in the same batch, with a new id as well.
    model.applyBatch({snapshot(1, 5), snapshot(101)}, gone);
    for (quint64 id = 1; id <= 101; ++id) {
        const bool expectGone = gone.contains(id);
        const int row = model.rowForId(id);
        QCOMPARE(row == -1, expectGone);
        if (!expectGone)
            QCOMPARE(model.idAt(row), id);
    }
    QCOMPARE(model.rowCount(), 101 - int(gone.size()));
    QCOMPARE(model.snapshotAt(model.rowForId(1)).traffic.messagesIn, quint64(5));
}

void TestConnectionTableModel::duplicateIdInOneBatch()
{
    ConnectionTableModel model;
    model.applyBatch({snapshot(7, 1), snapshot(7, 2)}, {});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.snapshotAt(0).traffic.messagesIn, quint64(2));
}

void TestConnectionTableModel::lastSnapshotAndRemovalTogether()
{
    ConnectionTableModel model;
    model.applyBatch(range(1, 3), {});
    ConnectionSnapshot last = snapshot(2, 9);
    last.state = ConnectionState::Closed;
    // The engine may report a connection's final numbers and its removal in one batch.
    model.applyBatch({last, snapshot(4)}, {2});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowForId(2), -1);
    QVERIFY(model.rowForId(4) >= 0);
}

void TestConnectionTableModel::numericSortRole()
{
    ConnectionTableModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ConnectionTableModel::SortRole);
    proxy.setDynamicSortFilter(true);
    model.applyBatch({snapshot(9, 100), snapshot(10, 9), snapshot(11, 1000)}, {});

    proxy.sort(ConnectionTableModel::IdColumn, Qt::AscendingOrder);
    // As text "#10" < "#9"; as numbers 9 < 10 < 11.
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("#9"));
    QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("#11"));

    proxy.sort(ConnectionTableModel::MessagesInColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data(ConnectionTableModel::IdRole).value<quint64>(), quint64(11));
    QCOMPARE(proxy.index(1, 0).data(ConnectionTableModel::IdRole).value<quint64>(), quint64(9));
    QCOMPARE(proxy.index(2, 0).data(ConnectionTableModel::IdRole).value<quint64>(), quint64(10));

    // A batch update re-sorts (dynamic sort) without a reset.
    model.applyBatch({snapshot(10, 5000)}, {});
    QCOMPARE(proxy.index(0, 0).data(ConnectionTableModel::IdRole).value<quint64>(), quint64(10));

    // Duration: the oldest connection (#11 started 11 s ago) is the longest.
    proxy.sort(ConnectionTableModel::DurationColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data(ConnectionTableModel::IdRole).value<quint64>(), quint64(11));
}

void TestConnectionTableModel::durationColumn()
{
    QCOMPARE(ConnectionTableModel::durationText(0), QStringLiteral("0:00:00"));
    QCOMPARE(ConnectionTableModel::durationText(3725), QStringLiteral("1:02:05"));
    QCOMPARE(ConnectionTableModel::durationText(-5), QStringLiteral("0:00:00"));

    ConnectionTableModel model;
    ConnectionSnapshot s = snapshot(1);
    s.connectedSince = QDateTime::currentDateTime().addSecs(-62);
    model.applyBatch({s}, {});
    const QString text = model.index(0, ConnectionTableModel::DurationColumn).data().toString();
    QVERIFY2(text == QLatin1String("0:01:02") || text == QLatin1String("0:01:03"),
             qPrintable(text));
    // The 1 s tick repaints the duration column only.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(changed.wait(2500));
    const auto args = changed.constFirst();
    QCOMPARE(args.at(0).toModelIndex().column(), int(ConnectionTableModel::DurationColumn));
    QCOMPARE(args.at(1).toModelIndex().column(), int(ConnectionTableModel::DurationColumn));
}

void TestConnectionTableModel::tenThousandRows()
{
    ConnectionTableModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ConnectionTableModel::SortRole);
    proxy.setDynamicSortFilter(true);
    proxy.sort(ConnectionTableModel::MessagesInColumn, Qt::DescendingOrder);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    QList<ConnectionSnapshot> batch;
    for (quint64 id = 1; id <= 10000; ++id)
        batch.append(snapshot(id, id % 997));
    model.applyBatch(batch, {});
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 10000);
    QCOMPARE(proxy.rowCount(), 10000);
    QCOMPARE(model.rowForId(10000), 9999);

    // 1,000 busy rows change, 500 leave, 500 arrive, in one batch.
    QList<ConnectionSnapshot> changed;
    for (quint64 id = 1; id <= 1000; ++id)
        changed.append(snapshot(id * 7, 5000 + id));
    for (quint64 id = 10001; id <= 10500; ++id)
        changed.append(snapshot(id));
    QList<quint64> removed;
    for (quint64 id = 2; id <= 1000; id += 2)
        if (id % 7 != 0)
            removed.append(id);
    model.applyBatch(changed, removed);
    QCOMPARE(model.rowCount(), 10000 + 500 - int(removed.size()));
    QCOMPARE(proxy.rowCount(), model.rowCount());
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowForId(model.idAt(row)), row);
    QCOMPARE(proxy.index(0, 0).data(ConnectionTableModel::IdRole).value<quint64>(), quint64(7000));
}

void TestConnectionTableModel::lastMessageInEveryView()
{
    ConnectionTableModel model;
    QAbstractItemModelTester tester(&model);
    ConnectionSnapshot s = snapshot(1);
    s.lastMessage = QByteArray("ok\r\n\x00", 5);
    s.lastMessageSize = 300; // the row keeps the start of a longer message
    model.applyBatch({s, snapshot(2)}, {});
    const QModelIndex cell = model.index(0, ConnectionTableModel::LastMessageColumn);
    QCOMPARE(cell.data().toString(), QStringLiteral("ok\\r\\n\\0")); // one line, escapes
    QCOMPARE(cell.data(ConnectionTableModel::EscapeSpansRole).value<QList<EscapeSpan>>().size(), 3);
    QCOMPARE(cell.data(ConnectionTableModel::BytesRole).toByteArray(), s.lastMessage);
    QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("300")));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setByteView(ByteView::Hex);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(),
             int(ConnectionTableModel::LastMessageColumn));
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 1);
    QCOMPARE(cell.data().toString(), QStringLiteral("6F 6B 0D 0A 00"));
    model.setByteView(ByteView::Mixed);
    QCOMPARE(cell.data().toString(), QStringLiteral("6F 6B 0D 0A 00  |ok...|"));
    QVERIFY(cell.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("00000000  6f 6b")));
    QCOMPARE(model.index(1, ConnectionTableModel::LastMessageColumn).data().toString(),
             QString()); // nothing received yet
}

void TestConnectionTableModel::telemetryColumnsFollowKeysAndValues()
{
    // Chosen keys become columns after the fixed ones; each cell is the peer's
    // latest value, set per batch (one dataChanged per row), greyed when stale.
    ConnectionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ConnectionSnapshot stale = snapshot(2);
    stale.stale = true;
    model.applyBatch({snapshot(1), stale, snapshot(3)}, {});
    const auto now = std::chrono::steady_clock::now();
    TelemetryStore store;
    store.add(1, {{"alt", 12.5}, {"bat", 87}}, {}, now);
    store.add(2, {{"alt", 3}}, {}, now);

    constexpr int fixed = ConnectionTableModel::ColumnCount;
    QCOMPARE(model.columnCount(), fixed);
    model.setTelemetryKeys({"alt", "bat", "alt", ""}); // repeats and empty keys dropped
    QCOMPARE(model.telemetryKeys(), (QStringList{"alt", "bat"}));
    QCOMPARE(model.columnCount(), fixed + 2);
    QCOMPARE(model.telemetryColumn("alt"), fixed);
    QCOMPARE(model.telemetryColumn("bat"), fixed + 1);
    QCOMPARE(model.headerData(fixed + 1, Qt::Horizontal).toString(), QStringLiteral("bat"));
    QVERIFY(model.index(0, fixed).data().toString().isEmpty()); // no batch yet

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applyTelemetry(store, {1, 2, 3, 99}); // 99: no such row
    QCOMPARE(changed.size(), 3);
    QCOMPARE(model.index(0, fixed).data(ConnectionTableModel::SortRole).toDouble(), 12.5);
    QCOMPARE(model.index(0, fixed).data().toString(), QStringLiteral("12.5"));
    QCOMPARE(model.index(0, fixed + 1).data().toString(), QStringLiteral("87"));
    QCOMPARE(model.index(1, fixed).data().toString(), QStringLiteral("3"));
    QVERIFY(model.index(1, fixed + 1).data().toString().isEmpty()); // never sent
    QVERIFY(model.index(2, fixed).data().toString().isEmpty());
    // The stale peer's value is there, but looks old.
    QCOMPARE(model.index(1, fixed).data(Qt::ForegroundRole).value<QColor>(),
             QColor(0x80, 0x80, 0x80));
    QVERIFY(model.index(1, fixed).data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(!model.index(0, fixed).data(Qt::ForegroundRole).isValid());

    store.add(1, {{"alt", 20}}, {}, now);
    model.applyTelemetry(store, {1});
    QCOMPARE(model.index(0, fixed).data().toString(), QStringLiteral("20"));

    // Removing a key drops its column; the rest keep their values.
    model.setTelemetryKeys({"bat"});
    QCOMPARE(model.columnCount(), fixed + 1);
    QCOMPARE(model.telemetryColumn("alt"), -1);
    QCOMPARE(model.index(0, fixed).data().toString(), QStringLiteral("87"));
    model.setTelemetryKeys({});
    QCOMPARE(model.columnCount(), fixed);
}

QTEST_GUILESS_MAIN(TestConnectionTableModel)
#include "tst_connectiontablemodel.moc"
