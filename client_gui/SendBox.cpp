#include "SendBox.h"

#include <QKeyEvent>
#include <QTextBlock>

namespace chorus {

SendBox::SendBox(QWidget* parent) : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    setPlaceholderText(tr("Type a message — Enter sends, Shift+Enter adds a line, Up recalls"));
}

void SendBox::setRecallHistory(const QStringList& messages)
{
    m_recall = messages.mid(std::max<qsizetype>(0, messages.size() - kMaxRecall));
    m_position = int(m_recall.size());
}

void SendBox::remember(const QString& message)
{
    if (message.isEmpty())
        return;
    if (m_recall.isEmpty() || m_recall.last() != message)
        m_recall.append(message);
    while (m_recall.size() > kMaxRecall)
        m_recall.removeFirst();
    m_position = int(m_recall.size());
    m_draft.clear();
}

void SendBox::recall(int position)
{
    if (position < 0 || position > m_recall.size() || position == m_position)
        return;
    if (m_position == m_recall.size())
        m_draft = toPlainText(); // keep what was being typed
    m_position = position;
    setPlainText(position == m_recall.size() ? m_draft : m_recall.at(position));
    moveCursor(QTextCursor::End);
}

void SendBox::keyPressEvent(QKeyEvent* event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        emit submitted(toPlainText());
        return;
    }
    if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier) {
        const QTextCursor cursor = textCursor();
        if (event->key() == Qt::Key_Up && cursor.blockNumber() == 0 && !m_recall.isEmpty() &&
            m_position > 0) {
            recall(m_position - 1);
            return;
        }
        if (event->key() == Qt::Key_Down && cursor.blockNumber() == document()->blockCount() - 1 &&
            m_position < m_recall.size()) {
            recall(m_position + 1);
            return;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace chorus
