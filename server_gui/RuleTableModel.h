#pragma once

// Table model over the engine's RuleBook: one row per rule, edited in place.
// Every edit goes to the book, which publishes a new snapshot the very next
// message uses and autosaves; the model follows the book's changed().
// A rule the book cannot use shows its bad cell (pattern or reply) in red
// with the reason and offset in the tooltip. Hits and Last hit are read from
// the book's counters on refreshHits().

#include "answer/RuleBook.h"

#include <QAbstractTableModel>

#include <memory>

namespace chorus {

class RuleTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        EnabledColumn,
        NameColumn,
        MatchColumn,
        PatternColumn,
        PatternFormatColumn,
        CaseColumn,
        NegateColumn,
        AnswerColumn,
        ReplyColumn,
        ReplyFormatColumn,
        DelayColumn,
        CloseColumn,
        HitsColumn,
        LastHitColumn,
        ColumnCount
    };
    // Choice columns: Qt::UserRole gives the list of (label, value) a delegate offers.
    static constexpr int ChoicesRole = Qt::UserRole + 1;
    // The problem of a red cell, as RuleProblem.
    static constexpr int ProblemRole = Qt::UserRole + 2;

    explicit RuleTableModel(std::shared_ptr<RuleBook> book, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString matchKindLabel(MatchKind kind);
    static QString answerKindLabel(AnswerKind kind);
    // "invalid regular expression at 4: missing closing parenthesis", translated.
    static QString describeStatus(const RuleStatus& status);

public slots:
    void refreshHits();

private:
    void syncFromBook();
    bool isBadCell(int row, int column, RuleStatus* status) const;

    std::shared_ptr<RuleBook> m_book;
    QList<Rule> m_rules; // the book's, as last shown
};

} // namespace chorus
