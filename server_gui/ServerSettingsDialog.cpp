#include "ServerSettingsDialog.h"

#include "ServerSettings.h"
#include "SettingsForm.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QThread>
#include <QVBoxLayout>

namespace chorus {

ServerSettingsDialog::ServerSettingsDialog(const SettingValues& values, QWidget* parent)
    : QDialog(parent),
      m_form(new SettingsForm(ServerSettings::table(), ServerSettings::engineSettingIds(), this)),
      m_accessForm(
          new SettingsForm(ServerSettings::table(), ServerSettings::accessSettingIds(), this))
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
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        const QStringList refused = refusedEntries();
        if (refused.isEmpty()) {
            accept();
            return;
        }
        m_problem->setText(tr("Not valid: %1. Rules are addresses or CIDR ranges such as "
                              "192.168.1.5, 10.0.0.0/8 or 2001:db8::/32.")
                               .arg(refused.join(QLatin1String(", "))));
        m_problem->show();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setValues(ServerSettings::table().defaults()); });

    auto* accessNote = new QLabel(tr("Access rules and TLS apply at the next Start. Make a "
                                     "self-signed pair with the openssl command in the README."),
                                  this);
    accessNote->setWordWrap(true);
    accessNote->setEnabled(false);
    auto* limitsPage = new QWidget(this);
    auto* limitsLayout = new QVBoxLayout(limitsPage);
    limitsLayout->addWidget(m_form);
    limitsLayout->addWidget(note);
    limitsLayout->addStretch();
    auto* accessPage = new QWidget(this);
    auto* accessLayout = new QVBoxLayout(accessPage);
    accessLayout->addWidget(m_accessForm);
    accessLayout->addWidget(accessNote);
    accessLayout->addStretch();
    auto* tabs = new QTabWidget(this);
    tabs->addTab(limitsPage, tr("Limits"));
    tabs->addTab(accessPage, tr("Access and TLS"));

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setValues(values);
}

SettingValues ServerSettingsDialog::values() const
{
    SettingValues out = m_form->values();
    const SettingValues access = m_accessForm->values();
    for (int id : ServerSettings::accessSettingIds()) {
        if (access.has(id))
            out.set(id, access.get(id));
    }
    return out;
}

QStringList ServerSettingsDialog::refusedEntries() const
{
    // An editor whose text check() refuses (a bad rule) gives no value: say which.
    QStringList refused;
    for (int id : ServerSettings::accessSettingIds()) {
        if (!m_accessForm->values().has(id))
            refused << ServerSettings::table().label(id);
    }
    return refused;
}

void ServerSettingsDialog::setValues(const SettingValues& values)
{
    m_form->setValues(values);
    m_accessForm->setValues(values);
}

} // namespace chorus
