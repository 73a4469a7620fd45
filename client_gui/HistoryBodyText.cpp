#include "HistoryBodyText.h"

#include "HistoryModel.h"
#include "wire/ByteText.h"

#include <QFontDatabase>
#include <QFontMetrics>
#include <QPainter>
#include <QTextOption>

#include <algorithm>
#include <cmath>

namespace chorus {

namespace {
constexpr int kMixedColumns = 78; // one full line of formatMixed()
constexpr double kMinMixedScale = 0.75;
constexpr int kHexGroup = 8; // a Hex line holds a multiple of this many bytes

QFont fixedFont(const QFont& base)
{
    static const QFont system = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QFont font = system;
    font.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() : font.pointSizeF());
    return font;
}

// Hex with a line break after each `perLine` bytes.
QString wrappedHex(QByteArrayView bytes, qsizetype perLine)
{
    QString out;
    for (qsizetype offset = 0; offset < bytes.size(); offset += perLine) {
        if (offset > 0)
            out += QLatin1Char('\n');
        out += formatHex(bytes.sliced(offset, std::min(perLine, bytes.size() - offset)));
    }
    return out;
}
} // namespace

HistoryBodyText::HistoryBodyText(const QModelIndex& index, const QFont& base, int maxWidth)
    : m_font(base)
{
    const QVariant payload = index.data(HistoryModel::PayloadRole);
    m_message = payload.isValid();
    if (!m_message) {
        const auto kind = HistoryEntry::Kind(index.data(HistoryModel::KindRole).toInt());
        m_font.setItalic(kind == HistoryEntry::Kind::Notice);
        m_text = index.data(Qt::DisplayRole).toString();
        m_shown = m_text;
        measure(maxWidth);
        return;
    }
    const QByteArray bytes = payload.toByteArray();
    const QByteArrayView shown =
        QByteArrayView(bytes).first(std::min(bytes.size(), kMaxShownBytes));
    m_hidden = bytes.size() - shown.size();
    switch (ByteView(index.data(HistoryModel::ByteViewRole).toInt())) {
    case ByteView::Text: {
        QList<EscapeSpan> spans;
        m_shown = formatText(shown, &spans);
        if (spans.isEmpty()) {
            m_text = m_shown;
            break;
        }
        // A line may break after an escape, never inside one ("\x1" | "B"):
        // a zero-width space after each is the break opportunity.
        m_text.reserve(m_shown.size() + spans.size());
        m_escapes.reserve(spans.size());
        qsizetype from = 0;
        for (const EscapeSpan& span : std::as_const(spans)) {
            m_text += QStringView(m_shown).sliced(from, span.start + span.length - from);
            m_escapes.append({int(m_text.size() - span.length), int(span.length), {}});
            m_text += QChar(0x200B);
            from = span.start + span.length;
        }
        m_text += QStringView(m_shown).sliced(from);
        break;
    }
    case ByteView::Hex: {
        m_monospace = true;
        m_font = fixedFont(base);
        const int byteWidth = QFontMetrics(m_font).horizontalAdvance(QStringLiteral("00 "));
        const int room = maxWidth - 4; // the layout's slack
        qsizetype perLine = std::max(1, (room + byteWidth / 3) / std::max(1, byteWidth));
        if (perLine >= kHexGroup)
            perLine -= perLine % kHexGroup;
        m_text = wrappedHex(shown, perLine);
        m_shown = formatHex(shown);
        break;
    }
    case ByteView::Mixed: {
        m_monospace = true;
        m_font = fixedFont(base);
        // Shrink a little rather than break the dump's lines, within reason
        // (the advance of a monospace line grows with the point size).
        const int line =
            QFontMetrics(m_font).horizontalAdvance(QString(kMixedColumns, QLatin1Char('0')));
        if (line > maxWidth - 4) {
            const qreal scale = std::max(kMinMixedScale, qreal(maxWidth - 4) / line);
            m_font.setPointSizeF(std::floor(m_font.pointSizeF() * scale * 4) / 4);
        }
        m_text = formatMixed(shown);
        m_shown = m_text;
        break;
    }
    }
    measure(maxWidth);
}

void HistoryBodyText::layOut(QTextLayout& layout, int width, Qt::Alignment align) const
{
    // QTextLayout breaks lines at U+2028, not at LF: same length, same escape positions.
    QString text = m_text;
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    layout.setText(text);
    layout.setFont(m_font);
    QTextOption option(align);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    qreal y = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout.endLayout();
}

void HistoryBodyText::measure(int maxWidth)
{
    const QFontMetrics fm(m_font);
    // Italic glyphs overhang their advance; without slack the last word wraps.
    const int slack = m_font.italic() ? fm.averageCharWidth() : 2;
    // Fast path: most chat lines fit on one line, no wrapping layout needed.
    if (!m_text.contains(QLatin1Char('\n'))) {
        const int advance = fm.horizontalAdvance(m_text);
        if (advance + slack <= maxWidth) {
            m_size = QSize(advance + slack, fm.height() + 2); // fallback (CJK) fonts sit lower
            return;
        }
    }
    if (m_monospace) {
        // Every character is as wide as the next: the longest line says it all.
        const QList<QStringView> lines = QStringView(m_text).split(QLatin1Char('\n'));
        const QStringView longest =
            *std::max_element(lines.begin(), lines.end(),
                              [](QStringView a, QStringView b) { return a.size() < b.size(); });
        const int advance = fm.horizontalAdvance(longest.toString());
        if (advance + slack <= maxWidth) {
            m_size = QSize(advance + slack, int(lines.size()) * fm.height() + 2);
            return;
        }
    }
    QTextLayout layout;
    layOut(layout, std::max(1, maxWidth - slack), Qt::AlignLeft);
    qreal width = 0;
    for (int i = 0; i < layout.lineCount(); ++i)
        width = std::max(width, layout.lineAt(i).naturalTextWidth());
    const QRectF bounds = layout.boundingRect();
    m_size = QSize(std::min(maxWidth, int(std::ceil(width)) + slack),
                   int(std::ceil(bounds.height())) + 2);
}

void HistoryBodyText::draw(QPainter* painter, const QRect& rect, Qt::Alignment align,
                           const QColor& escapeColor) const
{
    QTextLayout layout;
    if (!m_escapes.isEmpty()) {
        QList<QTextLayout::FormatRange> formats = m_escapes;
        for (QTextLayout::FormatRange& range : formats)
            range.format.setForeground(escapeColor);
        layout.setFormats(formats);
    }
    layOut(layout, rect.width(), m_monospace ? Qt::AlignLeft : align);
    layout.draw(painter, rect.topLeft());
}

} // namespace chorus
