#pragma once

// Edits the rule book's reply sets: a name, a pick mode, and one reply per
// line in escaped text (\r \n \t \0 \\ \xNN, rule placeholders). A set's hex
// entries show as the escaped text of the same bytes.

#include "answer/Rule.h"

#include <QDialog>

class QComboBox;
class QListWidget;
class QPlainTextEdit;

namespace chorus {

class ReplySetsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ReplySetsDialog(const QList<ReplySet>& sets, QWidget* parent = nullptr);
    QList<ReplySet> sets() const;

private:
    void showSet(int row);
    void keepCurrent();
    void addSet();
    void removeSet();

    QList<ReplySet> m_sets;
    int m_current = -1;
    QListWidget* m_names;
    QComboBox* m_mode;
    QPlainTextEdit* m_entries;
};

} // namespace chorus
