#include "SendBox.h"

#include "client/OutgoingMessages.h"

#include <QKeyEvent>
#include <QTextBlock>

namespace chorus {

namespace {
const QColor kErrorMark{0xff, 0xb0, 0xb0};
} // namespace

SendBox::SendBox(QWidget* parent) : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    updatePlaceholder();
    connect(this, &QPlainTextEdit::textChanged, this, &SendBox::clearError);
}

void SendBox::setMode(ByteInput mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    clearError();
    updatePlaceholder();
    emit modeChanged(mode);
}

void SendBox::updatePlaceholder()
{
    setPlaceholderText(m_mode == ByteInput::Hex
                           ? tr("Hex: the whole box is one message, e.g. 01 03 00 00 00 0A C5 "
                                "CD — Enter sends, Up recalls")
                           : tr("Text: each line is a message; \\r \\n \\t \\0 \\xNN \\\\ give "
                                "bytes — Enter sends, Shift+Enter adds a line, Up recalls"));
}

void SendBox::setRecallHistory(const QList<RecalledMessage>& messages)
{
    m_recall = messages.mid(std::max<qsizetype>(0, messages.size() - kMaxRecall));
    m_position = int(m_recall.size());
}

void SendBox::remember(const QString& text, ByteInput mode)
{
    if (text.isEmpty())
        return;
    const RecalledMessage message{text, mode};
    if (m_recall.isEmpty() || m_recall.last() != message)
        m_recall.append(message);
    while (m_recall.size() > kMaxRecall)
        m_recall.removeFirst();
    m_position = int(m_recall.size());
    m_draft = {};
}

void SendBox::recall(int position)
{
    if (position < 0 || position > m_recall.size() || position == m_position)
        return;
    if (m_position == m_recall.size())
        m_draft = {toPlainText(), m_mode}; // keep what was being typed
    m_position = position;
    const RecalledMessage& shown = position == m_recall.size() ? m_draft : m_recall.at(position);
    setMode(shown.input);
    setPlainText(shown.text);
    moveCursor(QTextCursor::End);
}

std::optional<QList<QByteArray>> SendBox::takeMessages(QString* why)
{
    const QString text = toPlainText();
    ByteParseError error;
    std::optional<QList<QByteArray>> messages = parseOutgoing(text, m_mode, &error);
    if (!messages) {
        const QString words = describeError(text, error);
        showError(error, words);
        if (why)
            *why = words;
    }
    return messages;
}

QString SendBox::describeError(QStringView text, const ByteParseError& error)
{
    const QStringView before = text.first(std::min(error.position, text.size()));
    const qsizetype lineStart = before.lastIndexOf(QLatin1Char('\n')) + 1;
    const ByteParseError inLine{error.kind, error.position - lineStart};
    if (!text.contains(QLatin1Char('\n')))
        return describeParseError(inLine);
    return tr("line %1: %2")
        .arg(before.count(QLatin1Char('\n')) + 1)
        .arg(describeParseError(inLine));
}

void SendBox::showError(const ByteParseError& error, const QString& why)
{
    // The offending characters: "\xZ1" is four, a lone digit or escape two at most.
    const int length = error.kind == ByteParseErrorKind::BadEscapeDigits ? 4
                       : error.kind == ByteParseErrorKind::UnknownEscape ? 2
                                                                         : 1;
    QTextCursor cursor(document());
    cursor.setPosition(int(std::min<qsizetype>(error.position, document()->characterCount() - 1)));
    cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor, length);
    QTextEdit::ExtraSelection mark;
    mark.cursor = cursor;
    mark.format.setBackground(kErrorMark);
    mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    mark.format.setUnderlineColor(Qt::red);
    setExtraSelections({mark}); // not an edit: textChanged() does not clear it
    QTextCursor at(document());
    at.setPosition(cursor.anchor());
    setTextCursor(at);
    setToolTip(why);
    setFocus();
    m_hasError = true;
}

void SendBox::clearError()
{
    if (!m_hasError)
        return;
    m_hasError = false;
    setExtraSelections({});
    setToolTip({});
    emit errorCleared();
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
