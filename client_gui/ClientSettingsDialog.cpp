#include "ClientSettingsDialog.h"

#include "ClientSettings.h"
#include "SettingsForm.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace chorus {

QList<int> ClientSettingsDialog::rows()
{
    return {settingId(ClientSetting::Protocol),   settingId(ClientSetting::Framing),
            settingId(ClientSetting::Terminator), settingId(ClientSetting::ConnectTimeout),
            settingId(ClientSetting::MaxMessage), settingId(ClientSetting::AutoReconnect),
            settingId(ClientSetting::KeepHistory)};
}

ClientSettingsDialog::ClientSettingsDialog(const SettingValues& current, QWidget* parent)
    : QDialog(parent), m_form(new SettingsForm(ClientSettings::table(), rows(), this))
{
    setWindowTitle(tr("Client settings"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    auto* note = new QLabel(tr("Protocol and connect timeout apply from the next connection."));
    note->setWordWrap(true);
    layout->addWidget(note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_form->setValues(current);
}

SettingValues ClientSettingsDialog::values() const
{
    return m_form->values();
}

} // namespace chorus
