#pragma once

// Table model over the shared ReplyBook: enabled checkbox, reply text and
// weight, all editable in place. Every edit goes straight to the book, which
// the engine reads for the very next reply. Changes made to the book
// elsewhere (import, reset) are picked up through ReplyBook::changed().

#include "answer/ReplyBook.h"

#include <QAbstractTableModel>

#include <memory>

namespace chorus {

class ReplyBookModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { EnabledColumn, TextColumn, WeightColumn, ColumnCount };

    explicit ReplyBookModel(std::shared_ptr<ReplyBook> book, QObject* parent = nullptr);

    std::shared_ptr<ReplyBook> book() const { return m_book; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Editing helpers used by the editor's toolbar; each is one book change.
    void insertEntry(int row, const ReplyEntry& entry);
    bool removeEntries(QList<int> rows);
    bool moveEntry(int from, int to);

private:
    void syncFromBook();

    std::shared_ptr<ReplyBook> m_book;
    QList<ReplyEntry> m_entries; // what the view shows; mirrors the book
    bool m_editing = false;      // our own change is in flight: the rows are handled here
};

} // namespace chorus
