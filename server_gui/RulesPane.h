#pragma once

// The Rules tab of the server window (docs/RULES.md): the rule table edited
// in place (add, duplicate, delete, move up/down, enable), reply sets, import
// and export, whether unmatched messages fall back to the reply book, and a
// Test box that shows which rule answers a typed message and the exact reply
// bytes, without a client. Edits publish a new snapshot at once (the very
// next message uses it) and are autosaved atomically; the window restores
// them at start. Problems leave as problemShown() for the window's log.

#include "answer/RuleBook.h"

#include <QWidget>

#include <memory>

class QAction;
class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace chorus {

class ByteLineEdit;
class RuleTableModel;
struct ConnectionSnapshot;

class RulesPane : public QWidget
{
    Q_OBJECT
public:
    RulesPane(std::shared_ptr<RuleBook> rules, std::shared_ptr<ReplyBook> book,
              QWidget* parent = nullptr);
    ~RulesPane() override;

    // At start: the window's own rules from ownPath (autosaved there from now
    // on; a corrupt file is moved aside and the pane starts empty), then
    // --rules namedPath when given (only read; edits still save to ownPath).
    void loadAtStart(const QString& ownPath, const QString& namedPath);
    void setFallbackToBook(bool fallback);

    // "ping: 3, rule 2: 1" for the connection table's context menu.
    static QString describeRuleHits(const ConnectionSnapshot& snapshot);

    // For tests and scripting: the pieces a user clicks.
    QTableView* view() const { return m_view; }
    RuleTableModel* model() const { return m_model; }
    QAction* addAction() const { return m_add; }
    QAction* duplicateAction() const { return m_duplicate; }
    QAction* deleteAction() const { return m_delete; }
    QAction* moveUpAction() const { return m_moveUp; }
    QAction* moveDownAction() const { return m_moveDown; }
    QCheckBox* fallbackCheck() const { return m_fallback; }
    ByteLineEdit* testEdit() const { return m_testEdit; }
    QPushButton* testButton() const { return m_testButton; }
    QLabel* testResult() const { return m_testResult; }
    // The last Test's reply bytes (nullopt: no reply).
    std::optional<QByteArray> lastTestReply() const { return m_lastTestReply; }

    void importFrom(const QString& path);
    void exportTo(const QString& path);

signals:
    void fallbackChosen(bool fallback);
    // A load or save problem (already shown in the pane); isError: something may be lost.
    void problemShown(const QString& text, bool isError, const chorus::BookFileResult& result);

private:
    void addRule();
    void moveSelected(int delta);
    void runTest();
    void editReplySets();
    void showProblem(const QString& text, bool isError, const BookFileResult& result);
    int selectedRow() const;
    void updateActions();

    std::shared_ptr<RuleBook> m_rules;
    std::shared_ptr<ReplyBook> m_book;
    RuleTableModel* m_model;
    QTableView* m_view;
    QAction* m_add = nullptr;
    QAction* m_duplicate = nullptr;
    QAction* m_delete = nullptr;
    QAction* m_moveUp = nullptr;
    QAction* m_moveDown = nullptr;
    QCheckBox* m_fallback;
    ByteLineEdit* m_testEdit;
    QPushButton* m_testButton;
    QLabel* m_testResult;
    QLabel* m_problem;
    QTimer* m_hitsTimer;
    std::optional<QByteArray> m_lastTestReply;
};

} // namespace chorus
