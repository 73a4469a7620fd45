#include "SettingsForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

#include <limits>

namespace chorus {

SettingsForm::SettingsForm(const SettingsTable& table, const QList<int>& ids, QWidget* parent)
    : QWidget(parent), m_table(table), m_ids(ids), m_layout(new QFormLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    for (int id : ids) {
        QWidget* editor = createEditor(id);
        editor->setToolTip(m_table.help(id));
        m_editors.insert(id, editor);
        if (m_table.row(id).kind == SettingKind::Boolean)
            m_layout->addRow(QString(), editor);
        else
            m_layout->addRow(m_table.label(id), editor);
    }
    setValues(SettingValues(m_table.size()));
}

QWidget* SettingsForm::createEditor(int id)
{
    const SettingSpec& row = m_table.row(id);
    switch (row.kind) {
    case SettingKind::Integer: {
        auto* box = new QSpinBox(this);
        constexpr qint64 kIntMax = std::numeric_limits<int>::max();
        box->setRange(int(std::min(row.minimum, kIntMax)), int(std::min(row.maximum, kIntMax)));
        if (row.unit[0])
            box->setSuffix(QLatin1Char(' ') + m_table.unit(id));
        box->setGroupSeparatorShown(true);
        connect(box, &QSpinBox::valueChanged, this, &SettingsForm::edited);
        return box;
    }
    case SettingKind::Boolean: {
        auto* box = new QCheckBox(m_table.label(id), this);
        connect(box, &QCheckBox::toggled, this, &SettingsForm::edited);
        return box;
    }
    case SettingKind::Choice: {
        auto* box = new QComboBox(this);
        for (const QString& choice : row.choices)
            box->addItem(choice, choice);
        connect(box, &QComboBox::currentIndexChanged, this, &SettingsForm::edited);
        return box;
    }
    case SettingKind::Text:
    case SettingKind::TextList:
    case SettingKind::Secret: {
        auto* edit = new QLineEdit(this);
        if (row.kind == SettingKind::Secret)
            edit->setEchoMode(QLineEdit::PasswordEchoOnEdit);
        if (row.kind == SettingKind::TextList)
            edit->setPlaceholderText(tr("none (entries separated by commas)"));
        connect(edit, &QLineEdit::textEdited, this, &SettingsForm::edited);
        return edit;
    }
    }
    return new QWidget(this);
}

void SettingsForm::show(int id, const QVariant& value)
{
    QWidget* editor = m_editors.value(id);
    switch (m_table.row(id).kind) {
    case SettingKind::Integer:
        static_cast<QSpinBox*>(editor)->setValue(int(value.toLongLong()));
        break;
    case SettingKind::Boolean:
        static_cast<QCheckBox*>(editor)->setChecked(value.toBool());
        break;
    case SettingKind::Choice: {
        auto* box = static_cast<QComboBox*>(editor);
        box->setCurrentIndex(std::max(0, box->findData(value.toString())));
        break;
    }
    case SettingKind::Text:
    case SettingKind::Secret:
        static_cast<QLineEdit*>(editor)->setText(value.toString());
        break;
    case SettingKind::TextList:
        static_cast<QLineEdit*>(editor)->setText(value.toStringList().join(QLatin1String(", ")));
        break;
    }
}

void SettingsForm::setValues(const SettingValues& values)
{
    for (int id : std::as_const(m_ids))
        show(id, values.has(id) ? values.get(id) : m_table.row(id).defaultValue);
}

SettingValues SettingsForm::values() const
{
    SettingValues out(m_table.size());
    for (int id : m_ids) {
        QWidget* editor = m_editors.value(id);
        QVariant value;
        switch (m_table.row(id).kind) {
        case SettingKind::Integer:
            value = qint64(static_cast<QSpinBox*>(editor)->value());
            break;
        case SettingKind::Boolean:
            value = static_cast<QCheckBox*>(editor)->isChecked();
            break;
        case SettingKind::Choice:
            value = static_cast<QComboBox*>(editor)->currentData();
            break;
        case SettingKind::Text:
        case SettingKind::TextList: // check() splits it
        case SettingKind::Secret:
            value = static_cast<QLineEdit*>(editor)->text();
            break;
        }
        if (const std::optional<QVariant> checked = m_table.check(id, value))
            out.set(id, *checked);
    }
    return out;
}

} // namespace chorus
