#pragma once

// The reply book editor: the ReplyBookModel in a table with Add, Delete,
// Move up/down, Import…, Export…, Reset to factory, the pick mode, and
// warnings (no enabled entry, load problems, autosave failures) in lines
// above the table, never in a modal box.

#include "ReplyBookModel.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QTableView;

namespace chorus {

class ReplyBookEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ReplyBookEditor(std::shared_ptr<ReplyBook> book, QWidget* parent = nullptr);

    ReplyBookModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QComboBox* pickModeCombo() const { return m_pickMode; }
    QLabel* warningLabel() const { return m_warning; }
    QAction* addAction() const { return m_add; }
    QAction* deleteAction() const { return m_delete; }
    QAction* moveUpAction() const { return m_moveUp; }
    QAction* moveDownAction() const { return m_moveDown; }

    // What the red line above the table reports, for the window and tests.
    enum class Problem {
        None,
        OwnBookUnreadable, // the window's book could not be read: edits are not saved
        OwnBookSetAside,   // it was corrupt: moved aside, factory replies used
        NamedFileFailed,   // --replies could not be used: the previous book is kept
        SaveFailed,        // an autosave failed: the old file is unchanged
        ImportFailed,
        ExportFailed,
    };
    Problem problem() const { return m_problemKind; }
    const BookFileResult& problemResult() const { return m_problemResult; }
    void showProblem(Problem problem, const QString& text, const BookFileResult& result = {});
    void clearProblem();
    // A line that is not a problem ("replies from x.txt; edits are saved to …").
    void showNotice(const QString& text);
    QLabel* problemLabel() const { return m_problem; }
    QLabel* noticeLabel() const { return m_notice; }

    void setUnansweredCount(quint64 count);

signals:
    // For the window's log: the same problem, in words.
    void problemShown(chorus::ReplyBookEditor::Problem problem, const QString& text,
                      const chorus::BookFileResult& result);

public slots:
    void addReply();
    // File dialogs first; the path versions report in the problem line.
    void importFrom(const QString& path);
    void exportTo(const QString& path);
    void deleteSelected();
    void moveSelected(int delta);
    void importFile();
    void exportFile();
    void resetToFactory();

private:
    void updateState();
    int currentRow() const;

    std::shared_ptr<ReplyBook> m_book;
    ReplyBookModel* m_model;
    QTableView* m_view;
    QComboBox* m_pickMode;
    QLabel* m_warning;
    QLabel* m_problem;
    QLabel* m_notice;
    Problem m_problemKind = Problem::None;
    BookFileResult m_problemResult;
    QAction* m_add;
    QAction* m_delete;
    QAction* m_moveUp;
    QAction* m_moveDown;
    quint64 m_unanswered = 0;
};

} // namespace chorus
