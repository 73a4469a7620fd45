#include "ByteViewChoice.h"

#include <QActionGroup>
#include <QComboBox>
#include <QMenu>

namespace chorus {

namespace {
struct ViewName
{
    ByteView view;
    const char* menuText;
    const char* comboText;
    Qt::Key key;
};
constexpr ViewName kViews[] = {
    {ByteView::Text, QT_TRANSLATE_NOOP("chorus::ByteViewChoice", "&Text (escapes for other bytes)"),
     QT_TRANSLATE_NOOP("chorus::ByteViewChoice", "Text view"), Qt::Key_1},
    {ByteView::Hex, QT_TRANSLATE_NOOP("chorus::ByteViewChoice", "&Hex"),
     QT_TRANSLATE_NOOP("chorus::ByteViewChoice", "Hex view"), Qt::Key_2},
    {ByteView::Mixed, QT_TRANSLATE_NOOP("chorus::ByteViewChoice", "&Mixed (hex dump with ASCII)"),
     QT_TRANSLATE_NOOP("chorus::ByteViewChoice", "Mixed view"), Qt::Key_3},
};
} // namespace

ByteViewChoice::ByteViewChoice(QMenu* menu, QObject* parent)
    : QObject(parent), m_actions(new QActionGroup(this))
{
    for (const ViewName& name : kViews) {
        auto* action = new QAction(tr(name.menuText), m_actions);
        action->setCheckable(true);
        action->setData(int(name.view));
        action->setShortcut(QKeySequence(Qt::CTRL | name.key));
        action->setChecked(name.view == m_view);
        if (menu)
            menu->addAction(action);
    }
    connect(m_actions, &QActionGroup::triggered, this,
            [this](QAction* action) { choose(ByteView(action->data().toInt())); });
}

QComboBox* ByteViewChoice::comboBox()
{
    if (m_combo)
        return m_combo;
    m_combo = new QComboBox;
    m_combo->setObjectName(QStringLiteral("byteViewCombo"));
    for (const ViewName& name : kViews)
        m_combo->addItem(tr(name.comboText), int(name.view));
    m_combo->setToolTip(tr("How messages are shown: Text (UTF-8; other bytes and control "
                           "characters as \\xNN, \\r, \\n in colour), Hex, or Mixed (offset, hex "
                           "and ASCII, like a hex editor). Ctrl+1, Ctrl+2, Ctrl+3."));
    m_combo->setCurrentIndex(m_combo->findData(int(m_view)));
    connect(m_combo, &QComboBox::activated, this,
            [this](int index) { choose(ByteView(m_combo->itemData(index).toInt())); });
    return m_combo;
}

void ByteViewChoice::setView(ByteView view)
{
    m_view = view;
    for (QAction* action : m_actions->actions())
        action->setChecked(action->data().toInt() == int(view));
    if (m_combo)
        m_combo->setCurrentIndex(m_combo->findData(int(view)));
}

void ByteViewChoice::choose(ByteView view)
{
    setView(view);
    emit viewChosen(view);
}

} // namespace chorus
