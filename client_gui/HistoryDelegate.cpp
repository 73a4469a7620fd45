#include "HistoryDelegate.h"

#include "HistoryBodyText.h"
#include "HistoryModel.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QListView>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

#include <memory>

namespace chorus {

namespace {
constexpr int kMargin = 6;  // around each bubble
constexpr int kPadding = 8; // inside a bubble
constexpr int kRadius = 10;
constexpr double kMaxBubbleShare = 0.72;  // of the view width
constexpr double kWideBubbleShare = 0.98; // Mixed: a hex dump needs the room

QFont headerFont(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(std::max(6.0, base.pointSizeF() * 0.8));
    return font;
}

QString headerText(const QModelIndex& index, qsizetype hiddenBytes)
{
    const auto kind = HistoryEntry::Kind(index.data(HistoryModel::KindRole).toInt());
    QString header = index.data(HistoryModel::TimeRole)
                         .toDateTime()
                         .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"));
    if (kind == HistoryEntry::Kind::Broadcast)
        header = QCoreApplication::translate("chorus::HistoryDelegate", "broadcast · ") + header;
    else if (kind == HistoryEntry::Kind::Direct)
        header = QCoreApplication::translate("chorus::HistoryDelegate", "direct · ") + header;
    const QVariant rtt = index.data(HistoryModel::RttRole);
    if (rtt.isValid())
        header += QStringLiteral(" · %1 ms").arg(rtt.toDouble(), 0, 'f', 1);
    if (index.data(HistoryModel::QueuedRole).toBool())
        header += QCoreApplication::translate("chorus::HistoryDelegate", " · queued");
    const QVariant payload = index.data(HistoryModel::PayloadRole);
    if (payload.isValid() &&
        ByteView(index.data(HistoryModel::ByteViewRole).toInt()) != ByteView::Text)
        header += QCoreApplication::translate("chorus::HistoryDelegate", " · %1 B")
                      .arg(payload.toByteArray().size());
    if (hiddenBytes > 0)
        header += QCoreApplication::translate("chorus::HistoryDelegate",
                                              " · the first %1 shown (Copy gives all)")
                      .arg(payload.toByteArray().size() - hiddenBytes);
    return header;
}
} // namespace

HistoryDelegate::HistoryDelegate(QListView* view) : QStyledItemDelegate(view), m_view(view)
{
    watchModel();
}

void HistoryDelegate::watchModel()
{
    QAbstractItemModel* model = m_view->model();
    if (model == m_model)
        return;
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    invalidate();
    if (!m_model)
        return;
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryDelegate::invalidate);
    // Rows come and go at the ends (appends, the oldest dropped, older ones read
    // back): the cached heights move with their rows instead of being recomputed.
    connect(m_model, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex&, int first, int last) {
                const size_t from = std::min(size_t(first), m_heights.size());
                const size_t to = std::min(size_t(last) + 1, m_heights.size());
                m_heights.erase(m_heights.begin() + qsizetype(from),
                                m_heights.begin() + qsizetype(to));
            });
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &HistoryDelegate::invalidate);
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) {
                if (size_t(first) < m_heights.size())
                    m_heights.insert(m_heights.begin() + first, size_t(last - first + 1), 0);
            });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& from, const QModelIndex& to) {
                for (int row = from.row(); row <= to.row() && size_t(row) < m_heights.size(); ++row)
                    m_heights[size_t(row)] = 0;
            });
}

void HistoryDelegate::invalidate()
{
    m_heights.clear();
    m_cachedWidth = -1;
}

void HistoryDelegate::setHighlight(const QString& text)
{
    m_highlight = text;
    m_view->viewport()->update();
}

int HistoryDelegate::viewWidth() const
{
    return std::max(120, m_view->viewport()->width());
}

HistoryDelegate::Layout HistoryDelegate::layoutFor(const QModelIndex& index, int width) const
{
    const auto kind = HistoryEntry::Kind(index.data(HistoryModel::KindRole).toInt());
    const bool centred = kind == HistoryEntry::Kind::Notice || kind == HistoryEntry::Kind::Error;
    const bool wide = index.data(HistoryModel::PayloadRole).isValid() &&
                      ByteView(index.data(HistoryModel::ByteViewRole).toInt()) == ByteView::Mixed;
    const double share = wide ? kWideBubbleShare : centred ? 0.9 : kMaxBubbleShare;
    const int maxText = std::max(40, int(width * share) - 2 * kPadding - (wide ? 2 * kMargin : 0));
    const QFontMetrics hm(headerFont(m_view->font()));

    auto body = std::make_shared<HistoryBodyText>(index, m_view->font(), maxText);
    const QSize textSize = body->size();
    const QString header = headerText(index, body->hiddenBytes());
    const int headerWidth = hm.horizontalAdvance(header);
    const int innerWidth = std::min(maxText, std::max(textSize.width(), headerWidth));
    const int bubbleW = innerWidth + 2 * kPadding;
    const int bubbleH = hm.height() + 2 + textSize.height() + 2 * kPadding;

    Layout layout;
    int x = kMargin;
    if (kind == HistoryEntry::Kind::Sent)
        x = width - kMargin - bubbleW;
    else if (centred)
        x = (width - bubbleW) / 2;
    layout.bubble = QRect(x, kMargin / 2, bubbleW, bubbleH);
    layout.header = QRect(x + kPadding, kMargin / 2 + kPadding, innerWidth, hm.height());
    layout.text = QRect(x + kPadding, layout.header.bottom() + 3, innerWidth, textSize.height());
    layout.headerText = header;
    layout.body = std::move(body);
    return layout;
}

QSize HistoryDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex& index) const
{
    const int width = viewWidth();
    if (width != m_cachedWidth) {
        m_heights.clear();
        m_cachedWidth = width;
    }
    const size_t row = size_t(index.row());
    if (row >= m_heights.size())
        m_heights.resize(std::max(row + 1, size_t(m_model ? m_model->rowCount() : 0)), 0);
    quint16& cached = m_heights[row];
    if (cached == 0) {
        const Layout layout = layoutFor(index, width);
        cached = quint16(std::clamp(layout.bubble.height() + kMargin, 1, 65535));
    }
    return {width, cached};
}

void HistoryDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const
{
    const_cast<HistoryDelegate*>(this)->watchModel();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = option.palette;
    const auto kind = HistoryEntry::Kind(index.data(HistoryModel::KindRole).toInt());
    Layout layout = layoutFor(index, option.rect.width());
    layout.bubble.translate(option.rect.topLeft());
    layout.header.translate(option.rect.topLeft());
    layout.text.translate(option.rect.topLeft());

    const bool dark = pal.color(QPalette::Base).lightness() < 128;
    QColor fill;
    QColor textColor = pal.color(QPalette::Text);
    switch (kind) {
    case HistoryEntry::Kind::Sent:
        fill = dark ? QColor(0x1f, 0x4e, 0x79) : QColor(0xd4, 0xe8, 0xff);
        break;
    case HistoryEntry::Kind::Received:
        fill = dark ? QColor(0x3a, 0x3d, 0x41) : QColor(0xee, 0xef, 0xf1);
        break;
    case HistoryEntry::Kind::Broadcast:
        fill = dark ? QColor(0x5a, 0x46, 0x12) : QColor(0xff, 0xf0, 0xc8);
        break;
    case HistoryEntry::Kind::Direct:
        fill = dark ? QColor(0x3d, 0x2a, 0x5a) : QColor(0xec, 0xe0, 0xff);
        break;
    case HistoryEntry::Kind::Notice:
        fill = Qt::transparent;
        textColor = pal.color(QPalette::PlaceholderText);
        break;
    case HistoryEntry::Kind::Error:
        fill = Qt::transparent;
        textColor = dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x20, 0x20);
        break;
    }
    const bool match =
        !m_highlight.isEmpty() && layout.body->text().contains(m_highlight, Qt::CaseInsensitive);
    if (match)
        fill = dark ? QColor(0x80, 0x70, 0x10) : QColor(0xff, 0xf3, 0x80);

    QPainterPath path;
    path.addRoundedRect(layout.bubble, kRadius, kRadius);
    if (fill.alpha() > 0)
        painter->fillPath(path, fill);
    if (option.state & QStyle::State_Selected) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 2));
        painter->drawPath(path);
    }
    painter->setPen(pal.color(QPalette::PlaceholderText));
    painter->setFont(headerFont(m_view->font()));
    const Qt::Alignment align = kind == HistoryEntry::Kind::Sent ? Qt::AlignRight : Qt::AlignLeft;
    painter->drawText(layout.header, int(align | Qt::AlignVCenter), layout.headerText);
    painter->setPen(textColor);
    // Escapes stand apart from the text around them (the Text view).
    const QColor escapeColor = dark ? QColor(0xff, 0xa0, 0x40) : QColor(0xc0, 0x30, 0x90);
    layout.body->draw(painter, layout.text, align, escapeColor);
    painter->restore();
}

} // namespace chorus
