#pragma once

// The certificates the user chose to trust, one per host:port (pinned, as ssh
// does with host keys): the client trusts a TLS server by the SHA-256
// fingerprint of its certificate, not by a certificate authority, because the
// servers it meets on a test LAN carry self-signed certificates. A changed
// certificate is refused until the user trusts the new one.
//
// File (JSON, written with writeFileAtomically, in the client's data folder):
//   {"pins": {"host:port": {"sha256": "AB:CD:…", "subject": "CN=…",
//                           "trusted": "2026-11-29T22:00:00Z"}}}

#include "base/AtomicFile.h"
#include "client/ClientTypes.h"

#include <QHash>
#include <QString>

#include <optional>

namespace chorus {

class TlsTrustStore
{
public:
    // An empty path keeps the pins in memory only (tests, a store that cannot be written).
    explicit TlsTrustStore(const QString& path = {}) : m_path(path) {}
    // <AppDataLocation>/tls-trust.json
    static QString defaultPath();

    const QString& path() const { return m_path; }
    // A missing file is an empty store (ok). A bad one leaves the store empty.
    FileResult load();
    // Pins info.fingerprint for info.endpoint and writes the file.
    FileResult trust(const TlsCertificateInfo& info);
    void forget(const QString& endpoint);
    std::optional<QString> pinnedFingerprint(const QString& endpoint) const;
    int size() const { return int(m_pins.size()); }

private:
    struct Pin
    {
        QString fingerprint;
        QString subject;
        QDateTime trusted;
    };
    FileResult save() const;

    QString m_path;
    QHash<QString, Pin> m_pins;
};

} // namespace chorus
