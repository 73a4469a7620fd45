#include "ByteTextDelegate.h"

#include "wire/ByteText.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

#include <algorithm>

namespace chorus {

namespace {

constexpr int kTextMargin = 3; // what QStyledItemDelegate leaves left of its text

} // namespace

ByteTextDelegate::ByteTextDelegate(int escapeRole, int lineCountRole, QObject* parent)
    : QStyledItemDelegate(parent), m_escapeRole(escapeRole), m_lineCountRole(lineCountRole)
{}

QColor ByteTextDelegate::escapeColor()
{
    return QColor(0x8a, 0x2b, 0xb0); // violet: apart from the log's red, amber and grey
}

void ByteTextDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, focus

    const QList<EscapeSpan> spans = index.data(m_escapeRole).value<QList<EscapeSpan>>();
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor plain =
        selected ? opt.palette.color(QPalette::HighlightedText) : opt.palette.color(QPalette::Text);
    QColor textColor = plain;
    if (!selected) {
        const QVariant foreground = index.data(Qt::ForegroundRole);
        if (foreground.canConvert<QBrush>())
            textColor = foreground.value<QBrush>().color();
    }
    const QColor escape = selected ? opt.palette.color(QPalette::HighlightedText) : escapeColor();
    QColor box = escapeColor();
    box.setAlpha(selected ? 90 : 28);

    painter->save();
    const QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget)
                           .adjusted(kTextMargin, 0, -kTextMargin, 0);
    painter->setClipRect(area);
    painter->setFont(opt.font);
    const QFontMetrics metrics(opt.font);
    const int lineHeight = metrics.lineSpacing();
    const int lines = int(text.count(QLatin1Char('\n'))) + 1;
    int y = lines == 1 ? area.top() + (area.height() - lineHeight) / 2 : area.top();
    qsizetype lineStart = 0;
    std::size_t span = 0;
    while (lineStart <= text.size()) {
        qsizetype lineEnd = text.indexOf(QLatin1Char('\n'), lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        int x = area.left();
        qsizetype pos = lineStart;
        // Runs of plain text and escapes, left to right; the clip cuts what does not fit.
        while (pos < lineEnd && x < area.right()) {
            while (span < std::size_t(spans.size()) &&
                   spans[span].start + spans[span].length <= pos)
                ++span;
            const bool inEscape = span < std::size_t(spans.size()) && spans[span].start <= pos;
            const qsizetype runEnd =
                inEscape ? std::min(lineEnd, spans[span].start + spans[span].length)
                         : std::min(lineEnd,
                                    span < std::size_t(spans.size()) ? spans[span].start : lineEnd);
            const QString run = text.mid(pos, runEnd - pos);
            const int width = metrics.horizontalAdvance(run);
            if (inEscape) {
                painter->fillRect(QRect(x, y + 1, width, lineHeight - 2), box);
                painter->setPen(escape);
            } else {
                painter->setPen(textColor);
            }
            painter->drawText(QRect(x, y, width + 1, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                              run);
            x += width;
            pos = runEnd;
        }
        y += lineHeight;
        lineStart = lineEnd + 1;
        if (lineEnd == text.size())
            break;
    }
    painter->restore();
}

QSize ByteTextDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QString text = index.data(Qt::DisplayRole).toString();
    const int lines = int(text.count(QLatin1Char('\n'))) + 1;
    if (lines > 1) {
        const QFontMetrics metrics(option.font);
        size.setHeight(std::max(size.height(), lines * metrics.lineSpacing() + 4));
    }
    return size;
}

} // namespace chorus
