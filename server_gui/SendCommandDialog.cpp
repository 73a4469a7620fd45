#include "SendCommandDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace chorus {

SendCommandDialog::SendCommandDialog(const QList<CommandPreset>& presets, int selectedCount,
                                     QWidget* parent)
    : QDialog(parent), m_presets(presets), m_preset(new QComboBox(this)),
      m_arguments(new QFormLayout), m_selected(new QRadioButton(this)),
      m_all(new QRadioButton(tr("&All connections"), this)), m_problem(new QLabel(this))
{
    setWindowTitle(tr("Send command"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QFormLayout;
    for (const CommandPreset& preset : presets)
        m_preset->addItem(preset.name);
    top->addRow(tr("&Command:"), m_preset);
    layout->addLayout(top);
    auto* args = new QGroupBox(tr("Arguments"), this);
    args->setLayout(m_arguments);
    layout->addWidget(args);
    auto* targets = new QGroupBox(tr("Send to"), this);
    auto* targetLayout = new QVBoxLayout(targets);
    m_selected->setText(tr("&Selected connections (%1)").arg(selectedCount));
    m_selected->setEnabled(selectedCount > 0);
    (selectedCount > 0 ? m_selected : m_all)->setChecked(true);
    targetLayout->addWidget(m_selected);
    targetLayout->addWidget(m_all);
    layout->addWidget(targets);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b02020"));
    m_problem->hide();
    layout->addWidget(m_problem);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Send"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SendCommandDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &SendCommandDialog::rebuildArguments);
    rebuildArguments();
}

bool SendCommandDialog::toAll() const
{
    return m_all->isChecked();
}

QLineEdit* SendCommandDialog::argumentEdit(const QString& parameter) const
{
    for (const auto& [name, edit] : m_edits) {
        if (name == parameter)
            return edit;
    }
    return nullptr;
}

void SendCommandDialog::rebuildArguments()
{
    while (m_arguments->rowCount() > 0)
        m_arguments->removeRow(0);
    m_edits.clear();
    const int index = m_preset->currentIndex();
    if (index < 0 || index >= m_presets.size())
        return;
    const QStringList parameters = presetParameters(m_presets.at(index).payloadTemplate);
    for (const QString& parameter : parameters) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(parameter);
        m_arguments->addRow(parameter + QLatin1Char(':'), edit);
        m_edits.append({parameter, edit});
    }
    if (parameters.isEmpty())
        m_arguments->addRow(new QLabel(tr("This command has no arguments."), this));
    else if (isVisible())
        m_edits.first().second->setFocus(); // pick a command, type its value
    m_problem->hide();
}

void SendCommandDialog::accept()
{
    const int index = m_preset->currentIndex();
    if (index < 0 || index >= m_presets.size())
        return;
    QMap<QString, QString> values;
    for (const auto& [name, edit] : std::as_const(m_edits)) {
        if (!edit->text().isEmpty())
            values.insert(name, edit->text());
    }
    CommandPresetCheck check;
    const std::optional<CommandRequest> request =
        makeCommandRequest(m_presets.at(index), values, &check);
    if (!request) {
        QString text;
        switch (check.error) {
        case CommandPresetError::MissingArgument:
            text = tr("Give a value for %1.").arg(check.reason);
            break;
        case CommandPresetError::BadPayload:
            text = tr("The payload is not valid escaped text: %1").arg(check.reason);
            break;
        default:
            text = tr("This preset cannot be sent (%1 %2); edit it under Commands → Presets.")
                       .arg(commandPresetErrorKey(check.error), check.reason);
            break;
        }
        m_problem->setText(text);
        m_problem->show();
        return; // nothing sent
    }
    m_request = *request;
    QDialog::accept();
}

} // namespace chorus
