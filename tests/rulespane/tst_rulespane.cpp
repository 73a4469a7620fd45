// The Rules tab driven like a user: a rule added in the window answers a
// socket's next message, the Test box shows the same bytes, an invalid regex
// turns its cell red with the offset, edits are saved and restored, a
// corrupt rules file is set aside, and the fallback box is a saved setting.

#include "ByteLineEdit.h"
#include "RuleTableModel.h"
#include "RulesPane.h"
#include "ServerWindow.h"

#include <QAction>
#include <QBrush>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

namespace {
constexpr int kTimeoutMs = 10000;
}

class TestRulesPane : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void ruleAddedInWindowAnswersNextMessage();
    void invalidRegexCellIsRed();
    void editsSavedAndRestored();
    void corruptFileSetAside();
    void fallbackIsASavedSetting();
    void editActions();

private:
    ServerCommandLineOptions localOptions() const;
    ServerFilePaths paths() const;
    QString rulesPath() const { return m_case->filePath(QStringLiteral("data/rules.json")); }

    QTemporaryDir m_dir;
    std::unique_ptr<QTemporaryDir> m_case;
};

void TestRulesPane::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
}

void TestRulesPane::init()
{
    m_case = std::make_unique<QTemporaryDir>(m_dir.filePath(QStringLiteral("case-XXXXXX")));
    QVERIFY(m_case->isValid());
}

ServerFilePaths TestRulesPane::paths() const
{
    return ServerFilePaths{m_case->filePath(QStringLiteral("config/chorus-server.conf")),
                           m_case->filePath(QStringLiteral("data/replies.json"))};
}

ServerCommandLineOptions TestRulesPane::localOptions() const
{
    ServerCommandLineOptions options;
    options.overrides.set(settingId(ServerSetting::Listen), QStringLiteral("localhost"));
    options.overrides.set(settingId(ServerSetting::Port), qint64(0));
    return options;
}

void TestRulesPane::ruleAddedInWindowAnswersNextMessage()
{
    ServerWindow window(localOptions(), paths());
    window.show();
    QTest::mouseClick(window.startStopButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), ServerWindow::State::Listening, kTimeoutMs);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, window.engine()->listenPort());
    QVERIFY(socket.waitForConnected(kTimeoutMs));

    RulesPane* pane = window.rulesPane();
    pane->addAction()->trigger(); // a new rule, PING -> PONG, its pattern being edited
    RuleTableModel* model = pane->model();
    QCOMPARE(model->rowCount(), 1);
    QVERIFY(model->setData(model->index(0, RuleTableModel::PatternColumn),
                           QStringLiteral("^READ (\\d+)$"), Qt::EditRole));
    QVERIFY(model->setData(model->index(0, RuleTableModel::MatchColumn), int(MatchKind::Regex),
                           Qt::EditRole));
    QVERIFY(model->setData(model->index(0, RuleTableModel::ReplyColumn),
                           QStringLiteral("\\x02{1}{xor8}"), Qt::EditRole));

    socket.write("READ 42\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).endsWith('\n'), kTimeoutMs);
    const QByteArray expected = QByteArray("\x02"
                                           "42") +
                                char(0x02 ^ '4' ^ '2');
    QCOMPARE(received, expected + '\n');

    // The Test box: the same bytes, and which rule.
    pane->testEdit()->setText(QStringLiteral("READ 42"));
    QTest::mouseClick(pane->testButton(), Qt::LeftButton);
    QCOMPARE(pane->lastTestReply(), std::optional<QByteArray>(expected));
    QVERIFY2(pane->testResult()->text().contains(formatHex(expected)),
             qPrintable(pane->testResult()->text()));
    // Hex input works too, and counts no hit.
    pane->testEdit()->setMode(ByteInput::Hex);
    pane->testEdit()->setText(QStringLiteral("52 45 41 44 20 37"));
    QTest::mouseClick(pane->testButton(), Qt::LeftButton);
    QCOMPARE(pane->lastTestReply(), std::optional<QByteArray>(QByteArray("\x02"
                                                                         "7") +
                                                              char(0x02 ^ '7')));
    QCOMPARE(window.engine()->ruleBook()->hits(0), quint64(1));
    model->refreshHits();
    QCOMPARE(model->index(0, RuleTableModel::HitsColumn).data().toULongLong(), quint64(1));
}

void TestRulesPane::invalidRegexCellIsRed()
{
    ServerWindow window(localOptions(), paths());
    RulesPane* pane = window.rulesPane();
    pane->addAction()->trigger();
    RuleTableModel* model = pane->model();
    model->setData(model->index(0, RuleTableModel::MatchColumn), int(MatchKind::Regex),
                   Qt::EditRole);
    model->setData(model->index(0, RuleTableModel::PatternColumn), QStringLiteral("ab(c"),
                   Qt::EditRole);
    const QModelIndex pattern = model->index(0, RuleTableModel::PatternColumn);
    QCOMPARE(pattern.data(RuleTableModel::ProblemRole).toInt(), int(RuleProblem::BadRegex));
    QCOMPARE(pattern.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(Qt::red));
    QVERIFY(pattern.data(Qt::ToolTipRole).toString().contains(QStringLiteral("4")));
    QCOMPARE(model->index(0, RuleTableModel::NameColumn).data(RuleTableModel::ProblemRole).toInt(),
             int(RuleProblem::None));
    // Fixed: no longer red.
    model->setData(pattern, QStringLiteral("ab(c)"), Qt::EditRole);
    QCOMPARE(pattern.data(RuleTableModel::ProblemRole).toInt(), int(RuleProblem::None));
}

void TestRulesPane::editsSavedAndRestored()
{
    {
        ServerWindow window(localOptions(), paths());
        window.rulesPane()->addAction()->trigger();
        RuleTableModel* model = window.rulesPane()->model();
        model->setData(model->index(0, RuleTableModel::DelayColumn), 250, Qt::EditRole);
        model->setData(model->index(0, RuleTableModel::CloseColumn), Qt::Checked,
                       Qt::CheckStateRole);
    }
    QVERIFY(QFileInfo::exists(rulesPath()));
    ServerWindow again(localOptions(), paths());
    const std::shared_ptr<RuleBook> rules = again.engine()->ruleBook();
    QCOMPARE(rules->count(), 1);
    QCOMPARE(rules->rule(0).delayMs, 250);
    QVERIFY(rules->rule(0).close);
    QCOMPARE(rules->rule(0).pattern, QStringLiteral("PING"));
}

void TestRulesPane::corruptFileSetAside()
{
    QVERIFY(QDir().mkpath(QFileInfo(rulesPath()).path()));
    QFile file(rulesPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"rules\": [ broken");
    file.close();
    ServerWindow window(localOptions(), paths());
    QCOMPARE(window.engine()->ruleBook()->count(), 0);
    const QStringList aside =
        QDir(QFileInfo(rulesPath()).path()).entryList({QStringLiteral("rules.json.corrupt-*")});
    QCOMPARE(aside.size(), 1);
    // The next edit saves a good file; the bad one stays beside it.
    window.rulesPane()->addAction()->trigger();
    RuleBook reread;
    QVERIFY(reread.load(rulesPath()).ok());
    QCOMPARE(reread.count(), 1);
}

void TestRulesPane::fallbackIsASavedSetting()
{
    {
        ServerWindow window(localOptions(), paths());
        QVERIFY(window.rulesPane()->fallbackCheck()->isChecked());
        window.rulesPane()->fallbackCheck()->click();
        QVERIFY(!window.engine()->ruleBook()->fallbackToBook());
    }
    ServerWindow again(localOptions(), paths());
    QVERIFY(!again.rulesPane()->fallbackCheck()->isChecked());
    QVERIFY(!again.engine()->ruleBook()->fallbackToBook());
}

void TestRulesPane::editActions()
{
    ServerWindow window(localOptions(), paths());
    RulesPane* pane = window.rulesPane();
    const std::shared_ptr<RuleBook> rules = window.engine()->ruleBook();
    pane->addAction()->trigger();
    pane->addAction()->trigger(); // inserted below the selected first rule
    QCOMPARE(rules->count(), 2);
    pane->view()->selectRow(1);
    pane->duplicateAction()->trigger();
    QCOMPARE(rules->count(), 3);
    QCOMPARE(rules->rule(2), rules->rule(1));
    pane->view()->selectRow(2);
    pane->moveUpAction()->trigger();
    pane->moveUpAction()->trigger();
    QCOMPARE(rules->rule(0).name, QStringLiteral("rule 2"));
    QVERIFY(!pane->moveUpAction()->isEnabled());
    pane->model()->setData(pane->model()->index(0, RuleTableModel::EnabledColumn), Qt::Unchecked,
                           Qt::CheckStateRole);
    QVERIFY(!rules->rule(0).enabled);
    pane->deleteAction()->trigger();
    QCOMPARE(rules->count(), 2);
    // The table's context menu has Rule hits….
    QVERIFY(window.connectionView()->actions().contains(window.ruleHitsAction()));
}

QTEST_MAIN(TestRulesPane)
#include "tst_rulespane.moc"
