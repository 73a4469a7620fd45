#pragma once

// The choice of how messages are shown (Text, Hex, Mixed; wire/ByteText.h):
// three actions for the View menu (Ctrl+1, Ctrl+2, Ctrl+3) and a combo box
// for the window, kept in step. The history re-renders when it changes.

#include "wire/ByteText.h"

#include <QObject>

class QActionGroup;
class QComboBox;
class QMenu;

namespace chorus {

class ByteViewChoice : public QObject
{
    Q_OBJECT
public:
    // menu: where the actions go (nullptr: the combo box only).
    explicit ByteViewChoice(QMenu* menu, QObject* parent = nullptr);

    // Created on the first call, without a parent: put it in a layout.
    QComboBox* comboBox();
    ByteView view() const { return m_view; }
    // Shows `view` (no viewChosen signal).
    void setView(ByteView view);

signals:
    // The user chose a view (menu, shortcut or combo box).
    void viewChosen(chorus::ByteView view);

private:
    void choose(ByteView view);

    ByteView m_view = ByteView::Text;
    QActionGroup* m_actions;
    QComboBox* m_combo = nullptr;
};

} // namespace chorus
