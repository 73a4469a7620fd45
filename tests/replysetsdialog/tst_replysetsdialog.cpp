// The reply sets dialog as a user drives it: sets come back exactly as they
// went in when nothing is edited (hex entries stay hex, weights stay), typed
// lines become escaped-text entries, a taken name is refused, and OK is
// refused for a line that does not parse, with the set, line and position.

#include "ReplySetsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QtTest>

using namespace chorus;

namespace {

QList<ReplySet> sampleSets()
{
    return {
        ReplySet{QStringLiteral("temps"),
                 PickMode::Shuffle,
                 {ReplyEntry{QStringLiteral("TEMP 21\\r"), true, 2.5, ReplyFormat::Text},
                  // Bytes that read "{0}" as text: must stay hex, not become a capture.
                  ReplyEntry{QStringLiteral("7B 30 7D"), true, 1.0, ReplyFormat::Hex},
                  ReplyEntry{QStringLiteral("off"), false, 1.0, ReplyFormat::Text}}},
        ReplySet{QStringLiteral("errors"),
                 PickMode::Sequential,
                 {ReplyEntry{QStringLiteral("ERR {0}"), true, 1.0, ReplyFormat::Text}}},
    };
}

} // namespace

class TestReplySetsDialog : public QObject
{
    Q_OBJECT
private slots:
    void untouchedSetsComeBackExactly();
    void typedLinesBecomeTextEntries();
    void editingOneLineKeepsTheOthers();
    void takenOrEmptyNameRefused_data();
    void takenOrEmptyNameRefused();
    void okRefusedForALineThatDoesNotParse();
    void removeSet();
};

void TestReplySetsDialog::untouchedSetsComeBackExactly()
{
    ReplySetsDialog dialog(sampleSets());
    auto* names = dialog.findChild<QListWidget*>();
    QVERIFY(names);
    names->setCurrentRow(1); // visiting a set must not rewrite it
    names->setCurrentRow(0);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.sets(), sampleSets());
}

void TestReplySetsDialog::typedLinesBecomeTextEntries()
{
    ReplySetsDialog dialog({});
    QVERIFY(dialog.addSetNamed(QStringLiteral("  acks  ")));
    auto* edit = dialog.findChild<QPlainTextEdit*>();
    auto* mode = dialog.findChild<QComboBox*>();
    QVERIFY(edit && mode);
    mode->setCurrentIndex(mode->findData(int(PickMode::Sequential)));
    edit->setPlainText(QStringLiteral("OK\\r\\n\n\n  \nACK {1} {crc16modbus}"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const QList<ReplySet> sets = dialog.sets();
    QCOMPARE(sets.size(), 1);
    QCOMPARE(sets.at(0).name, QStringLiteral("acks"));
    QCOMPARE(sets.at(0).mode, PickMode::Sequential);
    const QList<ReplyEntry> expected{
        ReplyEntry{QStringLiteral("OK\\r\\n"), true, 1.0, ReplyFormat::Text},
        ReplyEntry{QStringLiteral("ACK {1} {crc16modbus}"), true, 1.0, ReplyFormat::Text}};
    QCOMPARE(sets.at(0).entries, expected);
}

void TestReplySetsDialog::editingOneLineKeepsTheOthers()
{
    ReplySetsDialog dialog(sampleSets());
    auto* edit = dialog.findChild<QPlainTextEdit*>();
    QVERIFY(edit);
    QStringList lines = edit->toPlainText().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    lines[0] = QStringLiteral("TEMP 22\\r");
    edit->setPlainText(lines.join(QLatin1Char('\n')));
    const QList<ReplyEntry> entries = dialog.sets().at(0).entries;
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0),
             (ReplyEntry{QStringLiteral("TEMP 22\\r"), true, 1.0, ReplyFormat::Text}));
    QCOMPARE(entries.at(1), sampleSets().at(0).entries.at(1)); // still hex
    QCOMPARE(entries.at(2), sampleSets().at(0).entries.at(2)); // still disabled
}

void TestReplySetsDialog::takenOrEmptyNameRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("taken") << QStringLiteral("errors");
    QTest::newRow("taken with spaces") << QStringLiteral(" errors ");
    QTest::newRow("empty") << QStringLiteral("   ");
}

void TestReplySetsDialog::takenOrEmptyNameRefused()
{
    QFETCH(QString, name);
    ReplySetsDialog dialog(sampleSets());
    dialog.show();
    auto* message = dialog.findChild<QLabel*>(QStringLiteral("replySetsMessage"));
    QVERIFY(message);
    QVERIFY(!message->isVisible());
    QVERIFY(!dialog.addSetNamed(name));
    QVERIFY(message->isVisible());
    QCOMPARE(dialog.sets(), sampleSets());
}

void TestReplySetsDialog::okRefusedForALineThatDoesNotParse()
{
    ReplySetsDialog dialog(sampleSets());
    dialog.show();
    auto* names = dialog.findChild<QListWidget*>();
    auto* edit = dialog.findChild<QPlainTextEdit*>();
    QVERIFY(names && edit);
    names->setCurrentRow(1);
    edit->setPlainText(QStringLiteral("ERR {0}\n\nbad \\xZ1 end"));
    names->setCurrentRow(0); // the problem is in a set that is not shown
    auto* box = dialog.findChild<QDialogButtonBox*>();
    QVERIFY(box);
    box->button(QDialogButtonBox::Ok)->click();
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.result() != QDialog::Accepted);
    QVERIFY(dialog.problem().has_value());
    QCOMPARE(dialog.problem()->set, 1);
    QCOMPARE(dialog.problem()->line, 1);
    QCOMPARE(dialog.problem()->error.kind, ByteParseErrorKind::BadEscapeDigits);
    QCOMPARE(dialog.problem()->error.position, qsizetype(4));
    QCOMPARE(names->currentRow(), 1); // the user is taken to it (blank lines dropped)
    QCOMPARE(edit->textCursor().blockNumber(), 1);
    QCOMPARE(edit->textCursor().positionInBlock(), 4);
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("replySetsMessage"))->isVisible());

    // In the set on screen, blank lines still count for the cursor.
    edit->setPlainText(QStringLiteral("ERR {0}\n\n  bad \\q"));
    box->button(QDialogButtonBox::Ok)->click();
    QVERIFY(dialog.problem().has_value());
    QCOMPARE(dialog.problem()->error.kind, ByteParseErrorKind::UnknownEscape);
    QCOMPARE(edit->textCursor().blockNumber(), 2);
    QCOMPARE(edit->textCursor().positionInBlock(), 6);

    edit->setPlainText(QStringLiteral("ERR {0}\nbad \\\\xZ1 end")); // fixed: an escaped backslash
    box->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.problem().has_value());
    QCOMPARE(dialog.sets().at(1).entries.size(), 2);
}

void TestReplySetsDialog::removeSet()
{
    ReplySetsDialog dialog(sampleSets());
    auto* names = dialog.findChild<QListWidget*>();
    QVERIFY(names);
    names->setCurrentRow(0);
    auto* remove = dialog.findChild<QPushButton*>(QStringLiteral("deleteReplySet"));
    QVERIFY(remove);
    remove->click();
    QCOMPARE(dialog.sets().size(), 1);
    QCOMPARE(dialog.sets().at(0), sampleSets().at(1));
}

QTEST_MAIN(TestReplySetsDialog)
#include "tst_replysetsdialog.moc"
