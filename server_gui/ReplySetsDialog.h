#pragma once

// Edits the rule book's reply sets: a name, a pick mode, and one reply per
// line in escaped text (\r \n \t \0 \\ \xNN, rule placeholders). A set's hex
// entries show as the escaped text of the same bytes; a line left as it was
// keeps its entry (hex format, weight, enabled) exactly. Names are unique
// (rules name their set); OK refuses a line that does not parse and shows
// which set, line and position.

#include "answer/Rule.h"
#include "wire/ByteText.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace chorus {

class ReplySetsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ReplySetsDialog(const QList<ReplySet>& sets, QWidget* parent = nullptr);
    QList<ReplySet> sets() const;

    // The first line that does not parse, or none: why OK was refused.
    struct Problem
    {
        int set = -1;  // index into sets()
        int line = -1; // 0-based line of the set's replies
        ByteParseError error;
    };
    const std::optional<Problem>& problem() const { return m_problem; }

    void accept() override;
    // Adds an empty set; false (and says so) when the name is empty or taken.
    bool addSetNamed(const QString& name);

private:
    void showSet(int row);
    void keepCurrent();
    void addSet();
    void removeSet();

    void showMessage(const QString& text);

    QList<ReplySet> m_sets;
    std::optional<Problem> m_problem;
    int m_current = -1;
    QListWidget* m_names;
    QComboBox* m_mode;
    QPlainTextEdit* m_entries;
    QLabel* m_message;
};

} // namespace chorus
