// LogPane: the connection filter (typed ids, live connections from the
// table, only the selected ones), following the tail through filter changes,
// and a log file that fails on a full disk.

#include "ConnectionTableModel.h"
#include "FullFileSystem.h"
#include "LogPane.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QtTest>

using namespace chorus;
using chorus::testing::FullFileSystem;

class TestLogPane : public QObject
{
    Q_OBJECT
private slots:
    void connectionFilterTypedAndSelected();
    void connectionFilterOffersLiveConnections();
    void keepsFollowingAfterFilterIsCleared_data();
    void keepsFollowingAfterFilterIsCleared();
    void pausedDoesNotFollow();
    void logFileOnFullDiskStopsAndSaysSo();
};

namespace {

QList<LogEntry> entries(int from, int count, quint64 connection = 0)
{
    QList<LogEntry> list;
    for (int i = from; i < from + count; ++i)
        list.append(LogEntry::now(LogLevel::Info, LogKind::Notice, connection,
                                  QStringLiteral("line %1").arg(i)));
    return list;
}

ConnectionSnapshot row(quint64 id, const QString& name = {})
{
    ConnectionSnapshot s;
    s.id = id;
    s.name = name;
    s.peerAddress = QStringLiteral("127.0.0.1");
    s.peerPort = quint16(40000 + id);
    s.connectedSince = QDateTime::currentDateTime();
    return s;
}

bool followsTail(const LogPane& pane)
{
    const QScrollBar* bar = pane.view()->verticalScrollBar();
    return bar->maximum() > 0 && bar->value() == bar->maximum();
}

} // namespace

void TestLogPane::connectionFilterTypedAndSelected()
{
    QCOMPARE(LogPane::parseConnectionIds(QString()).value(), QSet<quint64>{});
    QCOMPARE(LogPane::parseConnectionIds(QStringLiteral("All connections")).value(),
             QSet<quint64>{});
    QCOMPARE(LogPane::parseConnectionIds(QStringLiteral("#7")).value(), QSet<quint64>{7});
    QCOMPARE(LogPane::parseConnectionIds(QStringLiteral(" 7, #12 ")).value(),
             (QSet<quint64>{7, 12}));
    QVERIFY(!LogPane::parseConnectionIds(QStringLiteral("#x")));
    QVERIFY(!LogPane::parseConnectionIds(QStringLiteral("0")));

    LogPane pane;
    pane.appendEntries(entries(0, 4, 1));
    pane.appendEntries(entries(4, 3, 2));
    QCOMPARE(pane.filterModel()->rowCount(), 7);
    pane.connectionCombo()->setEditText(QStringLiteral("#2"));
    QCOMPARE(pane.filterModel()->rowCount(), 3);
    pane.connectionCombo()->setEditText(QStringLiteral("#bad"));
    QCOMPARE(pane.filterModel()->rowCount(), 7); // invalid text filters nothing (shown in red)
    pane.connectionCombo()->setEditText(QStringLiteral("All connections"));

    // "Only selected connection" follows the table's selection.
    pane.setSelectedConnections({1});
    pane.onlySelectedCheck()->setChecked(true);
    QCOMPARE(pane.filterModel()->rowCount(), 4);
    pane.setSelectedConnections({2});
    QCOMPARE(pane.filterModel()->rowCount(), 3);
    pane.setSelectedConnections({});
    QCOMPARE(pane.filterModel()->rowCount(), 0);
    pane.onlySelectedCheck()->setChecked(false);
    QCOMPARE(pane.filterModel()->rowCount(), 7);
}

void TestLogPane::connectionFilterOffersLiveConnections()
{
    // It once offered the rows selected lately, live or long gone.
    ConnectionTableModel table;
    table.applyBatch({row(3, QStringLiteral("드론-3")), row(5)}, {});
    LogPane pane;
    pane.setConnectionModel(&table);
    pane.setSelectedConnections({9}); // a selection is not a choice to offer
    pane.appendEntries(entries(0, 2, 3));
    pane.appendEntries(entries(2, 5, 5));

    QCOMPARE(pane.refreshConnectionChoices(), (QList<quint64>{3, 5}));
    QComboBox* combo = pane.connectionCombo();
    QCOMPARE(combo->count(), 3); // "All connections" and the two live ones
    QCOMPARE(combo->itemData(1).value<quint64>(), quint64(3));
    QVERIFY(combo->itemText(1).contains(QStringLiteral("드론-3")));
    QCOMPARE(combo->itemData(2).value<quint64>(), quint64(5));

    combo->setCurrentIndex(2); // picking a live connection filters on it
    QCOMPARE(pane.filterModel()->rowCount(), 5);

    table.applyBatch({row(8)}, {3});
    combo->setCurrentIndex(0);
    QCOMPARE(pane.refreshConnectionChoices(), (QList<quint64>{5, 8}));
    QCOMPARE(combo->count(), 3);
    QCOMPARE(pane.filterModel()->rowCount(), 7);
}

void TestLogPane::keepsFollowingAfterFilterIsCleared_data()
{
    QTest::addColumn<QString>("filter");
    QTest::newRow("matches some") << "line 1";
    QTest::newRow("matches none") << "nothing like this";
}

void TestLogPane::keepsFollowingAfterFilterIsCleared()
{
    // "Pause auto-scroll" unticked: typing a filter and clearing it again once
    // left the view mid-list, and it stopped following new lines.
    QFETCH(QString, filter);
    LogPane pane;
    pane.resize(400, 300);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.appendEntries(entries(0, 500));
    QTRY_VERIFY(followsTail(pane));
    const QScrollBar* bar = pane.view()->verticalScrollBar();
    const int fullRange = bar->maximum();

    // As typed: the view lays the short list out before the filter is cleared.
    pane.filterEdit()->setText(filter);
    QTRY_VERIFY(bar->maximum() < fullRange / 2);
    pane.filterEdit()->clear();
    QTRY_COMPARE(bar->maximum(), fullRange);
    pane.appendEntries(entries(500, 20));
    QTRY_VERIFY(followsTail(pane));
    QCOMPARE(pane.filterModel()->rowCount(), 520);

    // The connection filter too.
    const int range = bar->maximum();
    pane.connectionCombo()->setEditText(QStringLiteral("#4"));
    QTRY_COMPARE(bar->maximum(), 0);
    pane.connectionCombo()->setEditText(QStringLiteral("All connections"));
    QTRY_COMPARE(bar->maximum(), range);
    pane.appendEntries(entries(520, 20));
    QTRY_VERIFY(followsTail(pane));
}

void TestLogPane::pausedDoesNotFollow()
{
    LogPane pane;
    pane.resize(400, 300);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.appendEntries(entries(0, 500));
    QTRY_VERIFY(followsTail(pane));
    pane.pauseScrollCheck()->setChecked(true);
    pane.view()->scrollToTop();
    pane.filterEdit()->setText(QStringLiteral("line"));
    pane.filterEdit()->clear();
    pane.appendEntries(entries(500, 20));
    QCOMPARE(pane.view()->verticalScrollBar()->value(), 0);
}

void TestLogPane::logFileOnFullDiskStopsAndSaysSo()
{
    FullFileSystem disk;
    if (!disk.isReady())
        QSKIP(qPrintable(disk.skipReason()));
    LogPane pane;
    QSignalSpy changed(&pane, &LogPane::logFileChanged);
    QVERIFY(pane.startLogToFile(disk.filePath(QStringLiteral("server.log"))).ok());
    QCOMPARE(pane.logFileProblem().error, FileError::None);
    QVERIFY(disk.fill());
    pane.appendEntries(entries(0, 100));
    QCOMPARE(pane.logFileProblem().error, FileError::WriteFailed);
    QVERIFY(pane.logFilePath().isEmpty());
    QCOMPARE(changed.last().first().toString(), QString()); // stopped, and the window is told
    QCOMPARE(pane.model()->rowCount(), 100);                // the pane itself keeps every line
}

QTEST_MAIN(TestLogPane)
#include "tst_logpane.moc"
