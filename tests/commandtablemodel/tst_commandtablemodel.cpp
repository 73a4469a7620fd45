// CommandTableModel and its filter: rows per (peer, command) updated in
// place from batches, the per-command summary, filters by peer and state.
#include "CommandTableModel.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace chorus;

Q_DECLARE_METATYPE(chorus::CommandState)

namespace {

CommandRecord record(quint64 id, quint64 seq, const char* name, CommandState state)
{
    CommandRecord r;
    r.connectionId = id;
    r.seq = seq;
    r.name = QLatin1String(name);
    r.state = state;
    r.peer = QStringLiteral("127.0.0.1:%1").arg(40000 + id);
    return r;
}

} // namespace

class TestCommandTableModel : public QObject
{
    Q_OBJECT
private slots:
    void batchesUpdateInPlace();
    void summary();
    void stateText_data();
    void stateText();
    void filters_data();
    void filters();
    void bounded();
};

void TestCommandTableModel::batchesUpdateInPlace()
{
    CommandTableModel model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QList<CommandRecord> batch;
    for (quint64 i = 1; i <= 100; ++i)
        batch << record(i, i, "ARM", CommandState::Sent);
    model.applyRecords(batch);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(inserted.size(), 1); // one insert per batch
    batch.clear();
    for (quint64 i = 1; i <= 100; ++i)
        batch << record(i, i, "ARM", CommandState::Accepted);
    model.applyRecords(batch);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.recordAt(99).state, CommandState::Accepted);
    QCOMPARE(model.index(0, CommandTableModel::PeerColumn).data().toString(),
             QStringLiteral("#1 127.0.0.1:40001"));
}

void TestCommandTableModel::summary()
{
    CommandTableModel model;
    QList<CommandRecord> batch;
    quint64 seq = 1;
    for (int i = 0; i < 12; ++i)
        batch << record(seq, seq, "TAKEOFF", CommandState::Accepted), ++seq;
    batch << record(seq, seq, "TAKEOFF", CommandState::Denied), ++seq;
    for (int i = 0; i < 2; ++i)
        batch << record(seq, seq, "TAKEOFF", CommandState::TimedOut), ++seq;
    batch << record(seq, seq, "LAND", CommandState::LinkLost), ++seq;
    model.applyRecords(batch);
    const QList<CommandTableModel::Summary> counts = model.summaryCounts();
    QCOMPARE(counts.size(), 2);
    QCOMPARE(counts.at(0).name, QStringLiteral("TAKEOFF"));
    QCOMPARE(counts.at(0).counts[size_t(CommandState::Accepted)], 12);
    QCOMPARE(counts.at(0).counts[size_t(CommandState::Denied)], 1);
    QCOMPARE(counts.at(0).counts[size_t(CommandState::TimedOut)], 2);
    QCOMPARE(counts.at(0).counts[size_t(CommandState::Sent)], 0);
    QCOMPARE(counts.at(1).name, QStringLiteral("LAND"));
    QCOMPARE(counts.at(1).counts[size_t(CommandState::LinkLost)], 1);
    // One line per command name, its counts in it.
    QCOMPARE(model.summary().size(), 2);
    QVERIFY(model.summary().at(0).startsWith(QStringLiteral("TAKEOFF: 12 ")));
}

void TestCommandTableModel::stateText_data()
{
    QTest::addColumn<CommandState>("state");
    QTest::addColumn<int>("progress");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<QString>("figure"); // the number the text must show; empty: none
    QTest::newRow("sent") << CommandState::Sent << -1 << 1 << QString();
    QTest::newRow("in progress") << CommandState::InProgress << 40 << 1 << QStringLiteral("40");
    QTest::newRow("timed out after retries")
        << CommandState::TimedOut << -1 << 3 << QStringLiteral("3");
    QTest::newRow("link lost") << CommandState::LinkLost << -1 << 1 << QString();
}

void TestCommandTableModel::stateText()
{
    QFETCH(CommandState, state);
    QFETCH(int, progress);
    QFETCH(int, attempts);
    QFETCH(QString, figure);
    CommandRecord r = record(1, 1, "X", state);
    r.progress = progress;
    r.attempts = attempts;
    const QString text = CommandTableModel::stateText(r);
    QVERIFY(!text.isEmpty());
    QCOMPARE(text.contains(QRegularExpression(QStringLiteral("\\d"))), !figure.isEmpty());
    if (!figure.isEmpty())
        QVERIFY2(text.contains(figure), qPrintable(text));
}

void TestCommandTableModel::filters_data()
{
    QTest::addColumn<quint64>("connection");
    QTest::addColumn<int>("state"); // -1: all
    QTest::addColumn<int>("rows");
    QTest::newRow("all") << quint64(0) << -1 << 6;
    QTest::newRow("peer 1") << quint64(1) << -1 << 3;
    QTest::newRow("denied") << quint64(0) << int(CommandState::Denied) << 2;
    QTest::newRow("peer 2 accepted") << quint64(2) << int(CommandState::Accepted) << 1;
    QTest::newRow("no such peer") << quint64(9) << -1 << 0;
}

void TestCommandTableModel::filters()
{
    QFETCH(quint64, connection);
    QFETCH(int, state);
    QFETCH(int, rows);
    CommandTableModel model;
    model.applyRecords(
        {record(1, 1, "A", CommandState::Accepted), record(1, 2, "A", CommandState::Denied),
         record(1, 3, "A", CommandState::Sent), record(2, 4, "A", CommandState::Accepted),
         record(2, 5, "A", CommandState::Denied), record(3, 6, "A", CommandState::TimedOut)});
    CommandFilterModel filter;
    filter.setSourceModel(&model);
    filter.setConnection(connection);
    filter.setState(state < 0 ? std::nullopt : std::optional<CommandState>(CommandState(state)));
    QCOMPARE(filter.rowCount(), rows);
}

void TestCommandTableModel::bounded()
{
    CommandTableModel model;
    QList<CommandRecord> batch;
    for (quint64 i = 1; i <= quint64(CommandTableModel::kMaxRows) + 500; ++i)
        batch << record(i, i, "ARM", CommandState::Sent);
    model.applyRecords(batch);
    QCOMPARE(model.rowCount(), CommandTableModel::kMaxRows);
    QCOMPARE(model.recordAt(0).seq, 501u); // the oldest went
    // A later change to a kept row still lands on it.
    model.applyRecords({record(600, 600, "ARM", CommandState::Accepted)});
    QCOMPARE(model.recordAt(99).state, CommandState::Accepted);
    QCOMPARE(model.rowCount(), CommandTableModel::kMaxRows);
}

QTEST_MAIN(TestCommandTableModel)
#include "tst_commandtablemodel.moc"
