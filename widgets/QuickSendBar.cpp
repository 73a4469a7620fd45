#include "QuickSendBar.h"

#include "QuickMessageDialog.h"

#include <QHBoxLayout>
#include <QMenu>
#include <QToolButton>

namespace chorus {

namespace {
constexpr int kToolTipChars = 200;
}

QuickSendBar::QuickSendBar(QWidget* parent)
    : QWidget(parent), m_buttons(new QHBoxLayout), m_add(new QToolButton)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_buttons->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_buttons);
    m_add->setText(tr("+ Quick"));
    m_add->setToolTip(tr("Save a message as a quick-send button (right-click a button to edit "
                         "or remove it)"));
    connect(m_add, &QToolButton::clicked, this, &QuickSendBar::addInteractively);
    layout->addWidget(m_add);
    layout->addStretch(1);
}

QuickMessagesResult QuickSendBar::load(const QString& path)
{
    m_path = path;
    QuickMessagesResult result;
    // A file that cannot be read leaves the list empty; it is not overwritten
    // until the user changes the list.
    m_messages = QuickMessagesFile::load(path, &result).value_or(QList<QuickMessage>{});
    rebuild();
    return result;
}

QuickMessagesResult QuickSendBar::setMessages(const QList<QuickMessage>& messages)
{
    m_messages = messages.mid(0, QuickMessagesFile::kMaxQuickMessages);
    rebuild();
    return store();
}

QuickMessagesResult QuickSendBar::add(const QuickMessage& message)
{
    if (m_messages.size() >= QuickMessagesFile::kMaxQuickMessages) {
        QuickMessagesResult result;
        result.problem = QuickMessagesProblem::TooMany;
        result.reason = QString::number(m_messages.size() + 1);
        emit fileProblem(result);
        return result;
    }
    m_messages.append(message);
    rebuild();
    return store();
}

QuickMessagesResult QuickSendBar::replace(qsizetype index, const QuickMessage& message)
{
    if (index < 0 || index >= m_messages.size())
        return {};
    m_messages[index] = message;
    rebuild();
    return store();
}

QuickMessagesResult QuickSendBar::remove(qsizetype index)
{
    if (index < 0 || index >= m_messages.size())
        return {};
    m_messages.removeAt(index);
    rebuild();
    return store();
}

QString QuickSendBar::describe(const QuickMessagesResult& result)
{
    switch (result.problem) {
    case QuickMessagesProblem::None:
        return {};
    case QuickMessagesProblem::File:
        return tr("Quick messages: %1").arg(result.file.describe());
    case QuickMessagesProblem::NotJson:
        return tr("Quick messages: the file is not JSON (%1)").arg(result.reason);
    case QuickMessagesProblem::WrongFormat:
        return tr("Quick messages: the file is not a Chorus quick-messages file (version 1)");
    case QuickMessagesProblem::BadEntry:
        return tr("Quick messages: entry %1 has no name or no valid hex bytes").arg(result.reason);
    case QuickMessagesProblem::TooMany:
        return tr("Quick messages: %1 is more than the %2 a list keeps")
            .arg(result.reason)
            .arg(QuickMessagesFile::kMaxQuickMessages);
    }
    return {};
}

QToolButton* QuickSendBar::button(qsizetype index) const
{
    return m_buttonList.value(index);
}

void QuickSendBar::addInteractively()
{
    QuickMessageDialog dialog(QuickMessage{}, this);
    if (dialog.exec() == QDialog::Accepted)
        add(dialog.message());
}

void QuickSendBar::editInteractively(qsizetype index)
{
    if (index < 0 || index >= m_messages.size())
        return;
    QuickMessageDialog dialog(m_messages.at(index), this);
    if (dialog.exec() == QDialog::Accepted)
        replace(index, dialog.message());
}

QuickMessagesResult QuickSendBar::store()
{
    if (m_path.isEmpty())
        return {};
    const QuickMessagesResult result = QuickMessagesFile::save(m_path, m_messages);
    if (!result.ok())
        emit fileProblem(result);
    return result;
}

void QuickSendBar::rebuild()
{
    // deleteLater: rebuild() can run from a button's own context menu.
    for (QToolButton* old : std::as_const(m_buttonList)) {
        m_buttons->removeWidget(old);
        old->hide();
        old->deleteLater();
    }
    m_buttonList.clear();
    for (qsizetype i = 0; i < m_messages.size(); ++i) {
        const QuickMessage& message = m_messages.at(i);
        auto* button = new QToolButton;
        button->setText(message.name);
        const QKeySequence shortcut(message.shortcut, QKeySequence::PortableText);
        button->setShortcut(shortcut);
        QString tip = formatTextLine(message.bytes, kToolTipChars);
        if (!shortcut.isEmpty())
            tip += QStringLiteral(" (%1)").arg(shortcut.toString(QKeySequence::NativeText));
        button->setToolTip(tip);
        button->setContextMenuPolicy(Qt::CustomContextMenu);
        const QByteArray bytes = message.bytes;
        connect(button, &QToolButton::clicked, this, [this, bytes] { emit sendRequested(bytes); });
        connect(
            button, &QToolButton::customContextMenuRequested, this,
            [this, i, button](const QPoint& where) { showMenu(i, button->mapToGlobal(where)); });
        m_buttons->addWidget(button);
        m_buttonList.append(button);
    }
}

void QuickSendBar::showMenu(qsizetype index, const QPoint& where)
{
    QMenu menu(this);
    menu.addAction(tr("Edit…"), this, [this, index] { editInteractively(index); });
    menu.addAction(tr("Remove"), this, [this, index] { remove(index); });
    menu.exec(where);
}

} // namespace chorus
