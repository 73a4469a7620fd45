#pragma once

// Table model over the shared ReplyBook: enabled checkbox, mode (Text or
// Hex), reply and weight, all editable in place. Every edit goes straight to
// the book, which the engine reads for the very next reply. A reply that does
// not parse in its mode is shown red with the error (and is never picked).
// Changing the mode converts a reply to the other mode when it can (Text
// without placeholders to Hex, Hex to escaped Text), so its bytes stay the
// same. Changes made to the book elsewhere (import, reset) are picked up
// through ReplyBook::changed().

#include "answer/ReplyBook.h"

#include <QAbstractTableModel>

#include <memory>

namespace chorus {

class ReplyBookModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { EnabledColumn, ModeColumn, TextColumn, WeightColumn, ColumnCount };
    enum Role {
        ParseErrorRole = Qt::UserRole + 1, // Text column: int(ByteParseErrorKind), 0 when valid
    };

    // The entry in the other format, meaning the same bytes when it can.
    static ReplyEntry withFormat(const ReplyEntry& entry, ReplyFormat format);

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
