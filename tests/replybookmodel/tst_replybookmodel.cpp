// ReplyBookModel and ReplyBookEditor over a shared ReplyBook: edits in the
// view reach the book at once (what the engine picks from), changes made to
// the book elsewhere reach the view, and the toolbar's Add/Delete/Move work.

#include "ReplyBookEditor.h"
#include "ReplyBookModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class TestReplyBookModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void mirrorsBook();
    void editsReachBook();
    void insertRemoveMove();
    void externalChangesReachView();
    void editorToolbar();
    void autosaveFailureIsShown();
};

void TestReplyBookModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestReplyBookModel::mirrorsBook()
{
    auto book = std::make_shared<ReplyBook>();
    ReplyBookModel model(book);
    QAbstractItemModelTester tester(&model);
    QCOMPARE(model.rowCount(), book->count());
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.index(0, ReplyBookModel::TextColumn).data().toString(),
             QStringLiteral("안녕하세요!"));
    QCOMPARE(model.index(0, ReplyBookModel::EnabledColumn).data(Qt::CheckStateRole).toInt(),
             int(Qt::Checked));
    QVERIFY(model.flags(model.index(0, ReplyBookModel::EnabledColumn)) & Qt::ItemIsUserCheckable);
    QVERIFY(model.flags(model.index(0, ReplyBookModel::TextColumn)) & Qt::ItemIsEditable);
}

void TestReplyBookModel::editsReachBook()
{
    auto book = std::make_shared<ReplyBook>();
    ReplyBookModel model(book);
    QAbstractItemModelTester tester(&model);
    QVERIFY(model.setData(model.index(2, ReplyBookModel::TextColumn), QStringLiteral("새 답장")));
    QCOMPARE(book->entry(2).text, QStringLiteral("새 답장"));
    QVERIFY(model.setData(model.index(2, ReplyBookModel::WeightColumn), 2.5));
    QCOMPARE(book->entry(2).weight, 2.5);
    QVERIFY(model.setData(model.index(2, ReplyBookModel::WeightColumn), QStringLiteral("4")));
    QCOMPARE(book->entry(2).weight, 4.0);
    QVERIFY(model.setData(model.index(2, ReplyBookModel::EnabledColumn), Qt::Unchecked,
                          Qt::CheckStateRole));
    QVERIFY(!book->entry(2).enabled);
    QCOMPARE(book->enabledCount(), 6);

    // Refused: empty text, negative or non-numeric weight. The book is unchanged.
    QVERIFY(!model.setData(model.index(2, ReplyBookModel::TextColumn), QString()));
    QVERIFY(!model.setData(model.index(2, ReplyBookModel::WeightColumn), -1));
    QVERIFY(!model.setData(model.index(2, ReplyBookModel::WeightColumn), QStringLiteral("lots")));
    QCOMPARE(book->entry(2).text, QStringLiteral("새 답장"));
    QCOMPARE(book->entry(2).weight, 4.0);

    // The next pick comes from the edited book.
    book->setEntries({ReplyEntry{QStringLiteral("a"), false, 1.0}});
    QVERIFY(model.setData(model.index(0, ReplyBookModel::TextColumn), QStringLiteral("only")));
    QVERIFY(model.setData(model.index(0, ReplyBookModel::EnabledColumn), Qt::Checked,
                          Qt::CheckStateRole));
    QCOMPARE(book->pick(ReplyContext{}).value_or(QByteArray()), QByteArrayLiteral("only"));
}

void TestReplyBookModel::insertRemoveMove()
{
    auto book = std::make_shared<ReplyBook>();
    ReplyBookModel model(book);
    QAbstractItemModelTester tester(&model);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.insertEntry(1, ReplyEntry{QStringLiteral("inserted"), true, 1.0});
    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(book->entry(1).text, QStringLiteral("inserted"));

    QVERIFY(model.moveEntry(1, 3));
    QCOMPARE(book->entry(3).text, QStringLiteral("inserted"));
    QCOMPARE(model.index(3, ReplyBookModel::TextColumn).data().toString(),
             QStringLiteral("inserted"));
    QVERIFY(model.moveEntry(3, 0));
    QCOMPARE(book->entry(0).text, QStringLiteral("inserted"));
    QVERIFY(!model.moveEntry(0, 8));  // out of range
    QVERIFY(!model.moveEntry(-1, 0)); // out of range

    QVERIFY(model.removeEntries({0, 7, 7}));
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(book->count(), 6);
    QCOMPARE(book->entry(0).text, QStringLiteral("안녕하세요!"));
    QCOMPARE(reset.count(), 0); // row edits never reset the view
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row, ReplyBookModel::TextColumn).data().toString(),
                 book->entry(row).text);
}

void TestReplyBookModel::externalChangesReachView()
{
    auto book = std::make_shared<ReplyBook>();
    ReplyBookModel model(book);
    QAbstractItemModelTester tester(&model);
    book->updateEntry(4, ReplyEntry{QStringLiteral("changed elsewhere"), true, 1.0});
    QCOMPARE(model.index(4, ReplyBookModel::TextColumn).data().toString(),
             QStringLiteral("changed elsewhere"));
    book->setEntries({ReplyEntry{QStringLiteral("x"), true, 1.0}});
    QCOMPARE(model.rowCount(), 1);
    book->resetToFactory();
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.index(6, ReplyBookModel::TextColumn).data().toString(), book->entry(6).text);
}

void TestReplyBookModel::editorToolbar()
{
    auto book = std::make_shared<ReplyBook>();
    ReplyBookEditor editor(book);
    editor.show();
    QTableView* view = editor.view();
    QVERIFY(!editor.deleteAction()->isEnabled());

    view->selectRow(2);
    QVERIFY(editor.moveUpAction()->isEnabled());
    const QString third = book->entry(2).text;
    editor.moveUpAction()->trigger();
    QCOMPARE(book->entry(1).text, third);
    QCOMPARE(view->selectionModel()->selectedRows().constFirst().row(), 1);
    editor.moveDownAction()->trigger();
    QCOMPARE(book->entry(2).text, third);

    editor.addAction()->trigger(); // after the selected row
    QCOMPARE(book->count(), 8);
    QCOMPARE(book->entry(3).text, QStringLiteral("New reply"));

    view->selectRow(3);
    editor.deleteAction()->trigger();
    QCOMPARE(book->count(), 7);

    QComboBox* pick = editor.pickModeCombo();
    pick->setCurrentIndex(pick->findData(int(PickMode::Sequential)));
    QCOMPARE(book->pickMode(), PickMode::Sequential);
    book->setPickMode(PickMode::Shuffle); // and back: the combo follows the book
    QCOMPARE(pick->currentData().toInt(), int(PickMode::Shuffle));

    for (int row = 0; row < book->count(); ++row)
        book->setEnabled(row, false);
    QVERIFY(editor.warningLabel()->isVisibleTo(&editor));
    editor.setUnansweredCount(3);
    QVERIFY(editor.warningLabel()->text().contains(QLatin1String("3 unanswered")));
}

void TestReplyBookModel::autosaveFailureIsShown()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto book = std::make_shared<ReplyBook>();
    ReplyBookEditor editor(book);
    // A directory where the file should be: every save fails.
    const QString path = dir.filePath(QStringLiteral("replies.json"));
    QVERIFY(QDir().mkpath(path));
    book->setAutoSavePath(path);
    QSignalSpy failed(book.get(), &ReplyBook::saveFailed);
    editor.model()->setData(editor.model()->index(0, ReplyBookModel::TextColumn),
                            QStringLiteral("edit"));
    QTRY_VERIFY(failed.count() > 0);
    QCOMPARE(editor.problem(), ReplyBookEditor::Problem::SaveFailed);
    QCOMPARE(editor.problemResult().file.error, FileError::NotRegularFile);
    QVERIFY(editor.problemLabel()->isVisibleTo(&editor));

    // Import and export report in the same line, never in a modal box.
    editor.importFrom(dir.filePath(QStringLiteral("absent.txt")));
    QCOMPARE(editor.problem(), ReplyBookEditor::Problem::ImportFailed);
    QCOMPARE(editor.problemResult().file.error, FileError::NotFound);
    book->setEntries({ReplyEntry{QStringLiteral("two\nlines"), true, 1.0}});
    editor.exportTo(dir.filePath(QStringLiteral("out.txt")));
    QCOMPARE(editor.problem(), ReplyBookEditor::Problem::ExportFailed);
    QCOMPARE(editor.problemResult().format, BookFormatError::MultiLineAsText);

    // Once a save works again, the save problem line goes.
    QVERIFY(QDir(path).removeRecursively());
    editor.model()->setData(editor.model()->index(0, ReplyBookModel::TextColumn),
                            QStringLiteral("saved now"));
    QCOMPARE(editor.problem(), ReplyBookEditor::Problem::ExportFailed); // another kind stays
    editor.clearProblem();
    book->setAutoSavePath(dir.filePath(QStringLiteral("blocked/x")));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("blocked/x"))));
    editor.model()->setData(editor.model()->index(0, ReplyBookModel::TextColumn),
                            QStringLiteral("fails"));
    QCOMPARE(editor.problem(), ReplyBookEditor::Problem::SaveFailed);
    book->setAutoSavePath(path);
    editor.model()->setData(editor.model()->index(0, ReplyBookModel::TextColumn),
                            QStringLiteral("works"));
    QCOMPARE(editor.problem(), ReplyBookEditor::Problem::None);
    QVERIFY(!editor.problemLabel()->isVisibleTo(&editor));
}

QTEST_MAIN(TestReplyBookModel)
#include "tst_replybookmodel.moc"
