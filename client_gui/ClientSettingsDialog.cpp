#include "ClientSettingsDialog.h"

#include "ClientSettings.h"
#include "FramingChoice.h"
#include "SettingsForm.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace chorus {

QList<int> ClientSettingsDialog::rows()
{
    return {settingId(ClientSetting::Protocol),    settingId(ClientSetting::Framing),
            settingId(ClientSetting::Terminator),  settingId(ClientSetting::ConnectTimeout),
            settingId(ClientSetting::MaxMessage),  settingId(ClientSetting::AutoReconnect),
            settingId(ClientSetting::KeepHistory), settingId(ClientSetting::HistoryLimit),
            settingId(ClientSetting::Udp),         settingId(ClientSetting::UdpReplyTimeout),
            settingId(ClientSetting::UdpChannel),  settingId(ClientSetting::UseTls),
            settingId(ClientSetting::AccessToken)};
}

namespace {
// The rows the form builds editors for: all but the framing (a FramingChoice).
QList<int> formRows()
{
    QList<int> ids = ClientSettingsDialog::rows();
    ids.removeAll(settingId(ClientSetting::Framing));
    return ids;
}
} // namespace

ClientSettingsDialog::ClientSettingsDialog(const SettingValues& current, QWidget* parent)
    : QDialog(parent), m_form(new SettingsForm(ClientSettings::table(), formRows(), this)),
      m_framing(new FramingChoice(this))
{
    setWindowTitle(tr("Client settings"));
    const int framing = settingId(ClientSetting::Framing);
    m_framing->setToolTip(ClientSettings::table().help(framing));
    m_framing->setSpec(
        parseFrameSpec(current.has(framing)
                           ? current.get(framing).toString()
                           : ClientSettings::table().row(framing).defaultValue.toString())
            .value_or(FrameSpec()));
    m_form->formLayout()->insertRow(1, ClientSettings::table().label(framing), m_framing);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    auto* note = new QLabel(tr("Protocol and connect timeout apply from the next connection. "
                               "The send terminator ends messages with a text framing (Auto, "
                               "Line, CR) only; the other framings frame each message "
                               "themselves."));
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
    SettingValues values = m_form->values();
    const std::optional<QVariant> framing =
        ClientSettings::check(ClientSetting::Framing, m_framing->spelling());
    if (framing)
        values.set(settingId(ClientSetting::Framing), *framing);
    return values;
}

} // namespace chorus
