#pragma once

// The message editor: Enter sends, Shift+Enter adds a line, Up/Down on the
// first/last line walk through earlier sent messages (like a shell).

#include <QPlainTextEdit>
#include <QStringList>

namespace chorus {

class SendBox : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit SendBox(QWidget* parent = nullptr);

    // Oldest first; at most kMaxRecall kept.
    void setRecallHistory(const QStringList& messages);
    QStringList recallHistory() const { return m_recall; }
    void remember(const QString& message);

    static constexpr int kMaxRecall = 200;

signals:
    void submitted(const QString& text);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void recall(int position);

    QStringList m_recall;
    int m_position = 0; // == m_recall.size() when editing a fresh draft
    QString m_draft;
};

} // namespace chorus
