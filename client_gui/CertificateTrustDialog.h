#pragma once

// Use TLS, first contact or a changed certificate: the server's certificate
// (SHA-256 fingerprint, subject, issuer, validity) for the user to check,
// e.g. against `openssl x509 -in cert.pem -noout -fingerprint -sha256` on the
// server. "Trust and connect" pins it for host:port (TlsTrustStore); a
// changed certificate shows the trusted fingerprint beside the new one.

#include "client/ClientTypes.h"

#include <QDialog>

namespace chorus {

class ClientEngine;

class CertificateTrustDialog : public QDialog
{
    Q_OBJECT
public:
    // changed: the certificate differs from the pinned one (info.pinnedFingerprint).
    CertificateTrustDialog(const TlsCertificateInfo& info, bool changed, QWidget* parent = nullptr);

    const TlsCertificateInfo& certificate() const { return m_info; }

    // The window's wiring: the pins from the client's data folder go to the
    // engine, and an untrusted or changed certificate it reports opens this
    // dialog; "Trust" pins it (written atomically) and connects again.
    static void attach(ClientEngine* engine, QWidget* window);

private:
    TlsCertificateInfo m_info;
};

} // namespace chorus
