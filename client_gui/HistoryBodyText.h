#pragma once

// The body of one history bubble, laid out for a width: a notice's words, or a
// message's bytes in the model's view. Text view: the escapes (\x01, \r, …)
// in their own colour; Hex: monospace, broken after a multiple of 8 bytes so
// the columns line up; Mixed: a monospace hex dump, its font a little smaller
// when a full 16-byte line would not fit otherwise. At most kMaxShownBytes of
// a message are drawn (Copy and Save give all of it).

#include <QFont>
#include <QList>
#include <QModelIndex>
#include <QSize>
#include <QString>
#include <QTextLayout>

class QPainter;

namespace chorus {

class HistoryBodyText
{
public:
    static constexpr qsizetype kMaxShownBytes = 4096;

    // `base`: the view's font; `maxWidth`: the widest the body may be.
    HistoryBodyText(const QModelIndex& index, const QFont& base, int maxWidth);

    QSize size() const { return m_size; }
    // Bytes left out of the drawing (0 when all of it is shown).
    qsizetype hiddenBytes() const { return m_hidden; }
    // What is drawn as the view shows it (no line breaks added): the find highlight.
    const QString& text() const { return m_shown; }
    bool isMessage() const { return m_message; }
    // Draws into `rect` (its width as laid out); `escapeColor` for escapes.
    void draw(QPainter* painter, const QRect& rect, Qt::Alignment align,
              const QColor& escapeColor) const;

private:
    void measure(int maxWidth);
    void layOut(QTextLayout& layout, int width, Qt::Alignment align) const;

    QString m_text;  // as laid out: Hex broken into lines, break points after escapes
    QString m_shown; // as the view shows it
    QFont m_font;
    QList<QTextLayout::FormatRange> m_escapes; // formats set at draw time
    bool m_message = false;
    bool m_monospace = false;
    qsizetype m_hidden = 0;
    QSize m_size;
};

} // namespace chorus
