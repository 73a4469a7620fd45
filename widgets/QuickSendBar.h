#pragma once

// Quick send: a row of buttons, one per saved message (QuickMessages.h),
// beside a send box. A click (or the message's shortcut) asks to send its
// exact bytes; "+" adds one, a button's context menu edits or removes it.
// Every change is saved at once (writeFileAtomically); a failure is reported
// by fileProblem() with the enum and reason, and the list in memory is kept.
// The client's send box and the server's broadcast box both use it.

#include "QuickMessages.h"

#include <QWidget>

class QHBoxLayout;
class QToolButton;

namespace chorus {

class QuickSendBar : public QWidget
{
    Q_OBJECT
public:
    explicit QuickSendBar(QWidget* parent = nullptr);

    // Loads the list from `path` and saves every later change there.
    QuickMessagesResult load(const QString& path);
    QString path() const { return m_path; }

    const QList<QuickMessage>& messages() const { return m_messages; }
    // Replaces the list and saves it.
    QuickMessagesResult setMessages(const QList<QuickMessage>& messages);
    QuickMessagesResult add(const QuickMessage& message);
    QuickMessagesResult replace(qsizetype index, const QuickMessage& message);
    QuickMessagesResult remove(qsizetype index);

    // The words for a load or save problem, translated.
    static QString describe(const QuickMessagesResult& result);

    // The button of message `index` (tests, screenshots).
    QToolButton* button(qsizetype index) const;
    QToolButton* addButton() const { return m_add; }

    // Opens the editor for a new message / message `index` (the "+" button,
    // the context menu).
    void addInteractively();
    void editInteractively(qsizetype index);

signals:
    void sendRequested(const QByteArray& bytes);
    void fileProblem(const chorus::QuickMessagesResult& result);

private:
    QuickMessagesResult store();
    void rebuild();
    void showMenu(qsizetype index, const QPoint& where);

    QString m_path;
    QList<QuickMessage> m_messages;
    QHBoxLayout* m_buttons;
    QList<QToolButton*> m_buttonList;
    QToolButton* m_add;
};

} // namespace chorus
