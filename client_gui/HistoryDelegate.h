#pragma once

// Paints history entries as chat bubbles: the user's on the right, the
// server's on the left, notices centred in grey; a message's bytes in the
// model's view (HistoryBodyText). Row heights are cached per row for the
// current width, because word-wrapped bubbles cannot use uniform item sizes
// and the list view asks for every row's size on each layout; a view switch
// (the model's layoutChanged) drops them.

#include <QStyledItemDelegate>

#include <memory>
#include <vector>

class QAbstractItemModel;
class QListView;

namespace chorus {

class HistoryBodyText;

class HistoryDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit HistoryDelegate(QListView* view);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // Entries containing this text (case-insensitive) are highlighted.
    void setHighlight(const QString& text);
    QString highlight() const { return m_highlight; }
    // Drops cached heights (fonts or model changed).
    void invalidate();

private:
    struct Layout
    {
        QRect bubble;
        QRect header;
        QRect text;
        QString headerText;
        std::shared_ptr<HistoryBodyText> body;
    };
    Layout layoutFor(const QModelIndex& index, int width) const;
    int viewWidth() const;
    void watchModel();

    QListView* m_view;
    QAbstractItemModel* m_model = nullptr;
    QString m_highlight;
    mutable std::vector<quint16> m_heights; // 0 = not computed yet
    mutable int m_cachedWidth = -1;
};

} // namespace chorus
