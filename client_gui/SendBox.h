#pragma once

// The message editor: Enter sends, Shift+Enter adds a line, Up/Down on the
// first/last line walk through earlier sent messages (like a shell), each
// recalled in the input mode it was sent in.
//
// Input modes (client/OutgoingMessages.h): Text, where each line is a message
// and \r \n \t \0 \\ \xNN give bytes, or Hex, where the whole box is one
// message. takeMessages() parses; bad input is refused whole, the cursor goes
// to the error and the offending characters are marked until the next edit.

#include "ClientSettings.h"
#include "wire/ByteText.h"

#include <QList>
#include <QPlainTextEdit>

#include <optional>

namespace chorus {

class SendBox : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit SendBox(QWidget* parent = nullptr);

    ByteInput mode() const { return m_mode; }
    void setMode(ByteInput mode);

    // Oldest first; at most kMaxRecall kept.
    void setRecallHistory(const QList<RecalledMessage>& messages);
    QList<RecalledMessage> recallHistory() const { return m_recall; }
    void remember(const QString& text, ByteInput mode);

    // The messages typed, or nullopt when the input is bad: then the error is
    // shown (cursor, mark, tooltip) and *why says what and where.
    std::optional<QList<QByteArray>> takeMessages(QString* why = nullptr);
    bool hasError() const { return m_hasError; }
    // "line 2: \x needs two hex digits at column 5" (the line only when the
    // text has several).
    static QString describeError(QStringView text, const ByteParseError& error);

    static constexpr int kMaxRecall = 200;

signals:
    void submitted(const QString& text);
    void modeChanged(chorus::ByteInput mode);
    // The mark of a refused input went away (edited, or the mode changed).
    void errorCleared();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void recall(int position);
    void showError(const ByteParseError& error, const QString& why);
    void clearError();
    void updatePlaceholder();

    ByteInput m_mode = ByteInput::Text;
    QList<RecalledMessage> m_recall;
    int m_position = 0; // == m_recall.size() when editing a fresh draft
    RecalledMessage m_draft;
    bool m_hasError = false;
};

} // namespace chorus
