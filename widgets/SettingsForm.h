#pragma once

// Editors for some rows of a SettingsTable, laid out as a form: a spin box
// for an Integer row (the table's range, its unit as suffix), a check box for
// a Boolean, a combo box for a Choice, a line edit for Text. Labels and
// tooltips are the rows' own, so a dialog cannot disagree with --help.

#include "base/SettingsTable.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QFormLayout;

namespace chorus {

class SettingsForm : public QWidget
{
    Q_OBJECT
public:
    SettingsForm(const SettingsTable& table, const QList<int>& ids, QWidget* parent = nullptr);

    // Rows without a value show their default.
    void setValues(const SettingValues& values);
    // A value for every row of the form (checked against the table).
    SettingValues values() const;
    QWidget* editor(int id) const { return m_editors.value(id); }
    QFormLayout* formLayout() const { return m_layout; }

signals:
    void edited();

private:
    QWidget* createEditor(int id);
    void show(int id, const QVariant& value);

    const SettingsTable& m_table;
    QList<int> m_ids;
    QHash<int, QWidget*> m_editors;
    QFormLayout* m_layout;
};

} // namespace chorus
