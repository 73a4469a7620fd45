#pragma once

// A one-line label that never sets a window's minimum width: text that does
// not fit is elided (…) and the whole text goes to the tooltip. Status lines
// and connection labels use it so that a long address or error message cannot
// make a window wider than a laptop screen.

#include <QFrame>
#include <QString>

namespace chorus {

class ElidedLabel : public QFrame
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget* parent = nullptr);

    void setText(const QString& text);
    QString text() const { return m_text; }
    // True when the last paint had to shorten the text.
    bool isElided() const { return m_elided; }
    void setElideMode(Qt::TextElideMode mode);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateElision();

    QString m_text;
    Qt::TextElideMode m_mode = Qt::ElideRight;
    bool m_elided = false;
};

} // namespace chorus
