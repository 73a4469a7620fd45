#include "ServerSettingsDialog.h"

#include "ServerSettings.h"
#include "SettingsForm.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

namespace chorus {

ServerSettingsDialog::ServerSettingsDialog(const SettingValues& values, QWidget* parent)
    : QDialog(parent),
      m_form(new SettingsForm(ServerSettings::table(), ServerSettings::engineSettingIds(), this))
{
    setWindowTitle(tr("Server settings"));

    auto* note = new QLabel(tr("Framing limits apply to new connections; threads and the "
                               "connection limit apply at the next Start. This machine has %n "
                               "core(s).",
                               nullptr, QThread::idealThreadCount()),
                            this);
    note->setWordWrap(true);
    note->setEnabled(false);

    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setValues(ServerSettings::table().defaults()); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    setValues(values);
}

SettingValues ServerSettingsDialog::values() const
{
    return m_form->values();
}

void ServerSettingsDialog::setValues(const SettingValues& values)
{
    m_form->setValues(values);
}

} // namespace chorus
