#pragma once

// The reply book editor: the ReplyBookModel in a table with Add, Delete,
// Move up/down, Import…, Export…, Reset to factory, the pick mode, and
// warnings (no enabled entry, load problems, autosave failures).

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

    // Shown in a banner above the table (load warnings, save failures).
    void showProblem(const QString& text);
    void setUnansweredCount(quint64 count);

public slots:
    void addReply();
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
    QAction* m_add;
    QAction* m_delete;
    QAction* m_moveUp;
    QAction* m_moveDown;
    quint64 m_unanswered = 0;
};

} // namespace chorus
