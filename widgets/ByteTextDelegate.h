#pragma once

// Paints an item's text (DisplayRole) the way a byte view means it: the
// ranges the model lists under `escapeRole` (a QList<EscapeSpan>, positions
// in the text) in their own colour on a faint box, so the byte 01 shown as
// \x01 never looks like the four characters "\x01" typed as text (those are
// shown as \\x01, and only the \\ is an escape). Text with line breaks (a
// Mixed hex dump) is drawn line under line, and sized so: from the number of
// lines the model gives under `lineCountRole` when it has one (a list of
// thousands of rows is then measured without formatting any of them).

#include <QStyledItemDelegate>

namespace chorus {

class ByteTextDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ByteTextDelegate(int escapeRole, int lineCountRole = -1, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The colour escapes are drawn in (their box is a faint tint of it).
    static QColor escapeColor();

private:
    int m_escapeRole;
    int m_lineCountRole;
};

} // namespace chorus
