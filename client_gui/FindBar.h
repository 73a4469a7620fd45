#pragma once

// Ctrl+F in the history: a line edit, Previous/Next, "Entry 3 of 40" and
// Close (Escape). The window does the search; this is the bar.

#include <QWidget>

class QLabel;
class QLineEdit;

namespace chorus {

class FindBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindBar(QWidget* parent = nullptr);

    QLineEdit* edit() const { return m_edit; }
    QString text() const;
    void setStatus(const QString& status);
    // Shows the bar with the focus in its edit, text selected.
    void open();

signals:
    void textChanged(const QString& text);
    void findRequested(bool forward);
    void closed();

private:
    QLineEdit* m_edit;
    QLabel* m_status;
};

} // namespace chorus
