#pragma once

// The server's TLS credentials: a certificate and its private key read from
// PEM files (the README's `openssl req -x509 …` makes a pair), checked once at
// start so a bad file is one clear startFailed() instead of a handshake
// failure per peer. QSslServer (Qt 6.4) would create each QSslSocket in the
// listener's thread; our listener hands descriptors to the least loaded I/O
// thread instead, so each Connection makes its QSslSocket there
// (configureServerSocket) and starts the handshake itself.

#include "server/ServerTypes.h"

#include <QSslCertificate>
#include <QSslKey>

#include <memory>
#include <optional>

class QSslSocket;

namespace chorus {

struct TlsCredentials
{
    QSslCertificate certificate;
    QList<QSslCertificate> chain; // intermediates that followed it in the file
    QSslKey key;

    // Expired (or not yet valid): still served, so clients' handling of it can
    // be tested, with a warning at start (clients refuse it).
    bool isOutsideValidity(const QDateTime& now) const;
};

struct TlsSetupFailure
{
    TlsSetupError error = TlsSetupError::None;
    QString reason; // the file's error, the backends, the end date
};

// Reads and checks the pair; nullopt with *failure set when it cannot serve.
std::optional<TlsCredentials> loadTlsCredentials(const TlsListenConfig& config,
                                                 TlsSetupFailure* failure);
// A server-side QSslSocket for an accepted peer: our certificate, TLS 1.2 or later.
void configureServerSocket(QSslSocket* socket, const TlsCredentials& credentials);
// "TLS 1.3", "TLS 1.2", … for the table and the log.
QString tlsProtocolName(int sslProtocol);
// "sha256 AB:CD:…" of a certificate, as both windows show it.
QString certificateFingerprint(const QSslCertificate& certificate);

} // namespace chorus
