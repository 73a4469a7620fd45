#include "ServerSettingsDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace chorus {

namespace {
QSpinBox* spinBox(QWidget* parent, int minimum, int maximum, const QString& suffix)
{
    auto* box = new QSpinBox(parent);
    box->setRange(minimum, maximum);
    box->setSuffix(suffix);
    box->setGroupSeparatorShown(true);
    return box;
}
} // namespace

ServerSettingsDialog::ServerSettingsDialog(const ServerConfig& config, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Server settings"));
    // Same ranges as the command line (ServerCommandLine), so both agree on what is valid.
    m_idleGap = spinBox(this, 1, 60000, tr(" ms"));
    m_idleGap->setToolTip(tr("Auto framing: silence that ends a message sent without a line end."));
    m_maxMessageKiB = spinBox(this, 1, 64 * 1024, tr(" KiB"));
    m_maxMessageKiB->setToolTip(
        tr("Longer messages are discarded up to their line end and the peer is told."));
    m_highWaterKiB = spinBox(this, 1, 1024 * 1024, tr(" KiB"));
    m_highWaterKiB->setToolTip(
        tr("A peer that stops reading while this much is unsent is disconnected."));
    m_ioThreads = spinBox(this, 1, 64, QString());
    m_ioThreads->setToolTip(
        tr("Event-loop threads serving connections (this machine has %1 cores).")
            .arg(QThread::idealThreadCount()));
    m_maxConnections = spinBox(this, 1, 1000000, QString());
    m_maxConnections->setToolTip(tr("More peers get \"server full\" and are closed."));
    m_logMessages = new QCheckBox(tr("Log every message received and sent"), this);

    auto* form = new QFormLayout;
    form->addRow(tr("Idle gap:"), m_idleGap);
    form->addRow(tr("Longest message:"), m_maxMessageKiB);
    form->addRow(tr("Unsent-data limit per peer:"), m_highWaterKiB);
    form->addRow(tr("I/O threads:"), m_ioThreads);
    form->addRow(tr("Most connections:"), m_maxConnections);
    form->addRow(QString(), m_logMessages);

    auto* note =
        new QLabel(tr("Framing limits apply to new connections; threads and the connection "
                      "limit apply at the next Start."),
                   this);
    note->setWordWrap(true);
    note->setEnabled(false);

    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setValues(ServerConfig{}); });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    setValues(config);
}

void ServerSettingsDialog::setValues(const ServerConfig& config)
{
    m_idleGap->setValue(int(config.limits.idleGap.count()));
    m_maxMessageKiB->setValue(int(qMax<qsizetype>(1, config.limits.maxMessageBytes / 1024)));
    m_highWaterKiB->setValue(int(qMax<qint64>(1, config.limits.highWaterBytes / 1024)));
    m_ioThreads->setValue(config.ioThreads);
    m_maxConnections->setValue(config.maxConnections);
    m_logMessages->setChecked(config.logMessages);
}

ServerConfig ServerSettingsDialog::apply(ServerConfig base) const
{
    base.limits.idleGap = std::chrono::milliseconds(m_idleGap->value());
    base.limits.maxMessageBytes = qsizetype(m_maxMessageKiB->value()) * 1024;
    base.limits.highWaterBytes = qint64(m_highWaterKiB->value()) * 1024;
    base.ioThreads = m_ioThreads->value();
    base.maxConnections = m_maxConnections->value();
    base.logMessages = m_logMessages->isChecked();
    return base;
}

} // namespace chorus
