#include "CertificateTrustDialog.h"

#include "client/ClientEngine.h"
#include "client/TlsTrustStore.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace chorus {

namespace {

// A fingerprint on two lines of 16 bytes, in a fixed-width font, selectable for copying.
QLabel* fingerprintLabel(const QString& fingerprint, QWidget* parent)
{
    QString text = fingerprint;
    constexpr int kHalf = 16 * 3; // "AB:" × 16
    if (text.size() > kHalf)
        text.insert(kHalf, QLatin1Char('\n'));
    auto* label = new QLabel(text, parent);
    label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

CertificateTrustDialog::CertificateTrustDialog(const TlsCertificateInfo& info, bool changed,
                                               QWidget* parent)
    : QDialog(parent), m_info(info)
{
    setWindowTitle(changed ? tr("Certificate changed") : tr("Trust this certificate?"));
    auto* intro = new QLabel(
        changed ? tr("<b>%1 shows another certificate than the one you trusted.</b> It may have "
                     "been replaced by its owner, or someone may be in between. Nothing was "
                     "sent. Compare the fingerprint with the server's before trusting it.")
                      .arg(info.endpoint.toHtmlEscaped())
                : tr("%1 is contacted with TLS for the first time. Nothing was sent yet. Compare "
                     "this fingerprint with the server's (its log shows it at Start) before "
                     "trusting it.")
                      .arg(info.endpoint.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);

    auto* details = new QFormLayout;
    if (changed)
        details->addRow(tr("Trusted SHA-256:"), fingerprintLabel(info.pinnedFingerprint, this));
    details->addRow(changed ? tr("Now SHA-256:") : tr("SHA-256:"),
                    fingerprintLabel(info.fingerprint, this));
    auto* subject = new QLabel(info.subject, this);
    subject->setWordWrap(true);
    subject->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details->addRow(tr("Subject:"), subject);
    auto* issuer = new QLabel(info.issuer, this);
    issuer->setWordWrap(true);
    details->addRow(tr("Issuer:"), issuer);
    details->addRow(tr("Valid:"), new QLabel(tr("%1 to %2")
                                                 .arg(info.notBefore.toString(Qt::ISODate),
                                                      info.notAfter.toString(Qt::ISODate)),
                                             this));
    if (!info.protocol.isEmpty())
        details->addRow(tr("Protocol:"), new QLabel(info.protocol, this));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* trust = buttons->addButton(changed ? tr("Trust the new certificate and connect")
                                                    : tr("Trust and connect"),
                                            QDialogButtonBox::AcceptRole);
    // A changed certificate must not be trusted by a reflexive Enter.
    buttons->button(QDialogButtonBox::Cancel)->setDefault(changed);
    trust->setDefault(!changed);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(details);
    layout->addWidget(buttons);
}

void CertificateTrustDialog::attach(ClientEngine* engine, QWidget* window)
{
    auto store = std::make_shared<TlsTrustStore>(TlsTrustStore::defaultPath());
    const FileResult loaded = store->load();
    if (!loaded.ok()) {
        QMessageBox::warning(
            window, tr("Trusted certificates"),
            tr("The trusted TLS certificates could not be read: %1").arg(loaded.describe()));
    }
    engine->setTlsTrustStore(store);
    QObject::connect(
        engine, &ClientEngine::eventOccurred, window, [engine, window](const ClientEvent& event) {
            const bool changed = event.error == ClientError::TlsCertificateChanged;
            if (event.kind != ClientEvent::Kind::Error || !event.certificate ||
                (!changed && event.error != ClientError::TlsCertificateUntrusted))
                return;
            auto* dialog = new CertificateTrustDialog(*event.certificate, changed, window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            QObject::connect(dialog, &QDialog::accepted, window, [engine, window, dialog] {
                const FileResult saved = engine->trustCertificate(dialog->certificate());
                if (!saved.ok())
                    QMessageBox::warning(
                        window, tr("Trusted certificates"),
                        tr("Trusted for now, but not saved: %1").arg(saved.describe()));
                engine->connectToServer();
            });
            dialog->open();
        });
}

} // namespace chorus
