#include "ClientSettingsDialog.h"

#include "ClientSettings.h"
#include "FramingChoice.h"
#include "SettingsForm.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QTabWidget>
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
            settingId(ClientSetting::AccessToken), settingId(ClientSetting::ReplaySpeed)};
}

QList<int> ClientSettingsDialog::simulateRows()
{
    return {settingId(ClientSetting::Simulate),     settingId(ClientSetting::SimResult),
            settingId(ClientSetting::SimAckDelay),  settingId(ClientSetting::SimProgressSteps),
            settingId(ClientSetting::SimTelemetry), settingId(ClientSetting::SimHeartbeat)};
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
      m_simulateForm(new SettingsForm(ClientSettings::table(), simulateRows(), this)),
      m_framing(new FramingChoice(this)), m_pages(new QTabWidget(this))
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
    auto* connectionPage = new QWidget;
    auto* connectionLayout = new QVBoxLayout(connectionPage);
    connectionLayout->addWidget(m_form);
    auto* note = new QLabel(tr("Protocol and connect timeout apply from the next connection. "
                               "The send terminator ends messages with a text framing (Auto, "
                               "Line, CR) only; the other framings frame each message "
                               "themselves."));
    note->setWordWrap(true);
    connectionLayout->addWidget(note);
    connectionLayout->addStretch(1);
    m_pages->addTab(connectionPage, tr("Connection"));
    auto* simulatePage = new QWidget;
    auto* simulateLayout = new QVBoxLayout(simulatePage);
    simulateLayout->addWidget(m_simulateForm);
    auto* simulateNote = new QLabel(
        tr("The client answers as a small vehicle: a Chorus cmd gets ack messages, a text line "
           "such as \"TAKEOFF alt=10\" gets \"OK TAKEOFF\" (or DENIED, FAILED, ...). "
           "Telemetry: alt, bat, lat, lon. Applies at once."));
    simulateNote->setWordWrap(true);
    simulateLayout->addWidget(simulateNote);
    simulateLayout->addStretch(1);
    m_pages->addTab(simulatePage, tr("Simulate vehicle"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_form->setValues(current);
    m_simulateForm->setValues(current);
}

SettingValues ClientSettingsDialog::values() const
{
    SettingValues values = m_form->values();
    const SettingValues simulate = m_simulateForm->values();
    for (int id : simulateRows())
        if (simulate.has(id))
            values.set(id, simulate.get(id));
    const std::optional<QVariant> framing =
        ClientSettings::check(ClientSetting::Framing, m_framing->spelling());
    if (framing)
        values.set(settingId(ClientSetting::Framing), *framing);
    return values;
}

} // namespace chorus
