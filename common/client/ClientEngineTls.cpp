// ClientEngine: Use TLS. The socket is a QSslSocket that accepts any
// certificate during the handshake (VerifyNone): trust is decided here,
// after the handshake and before a single byte of ours is sent, by the
// certificate's SHA-256 fingerprint pinned for host:port (TlsTrustStore.h).
// An expired certificate, an unknown one and a changed one each end the
// attempt with their own ClientError and the certificate's details; none is
// retried by itself (the same certificate would be met again).

#include "client/ClientEngine.h"

#include "client/TlsTrustStore.h"

#include <QCryptographicHash>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>

namespace chorus {

namespace {

QString sha256Fingerprint(const QSslCertificate& certificate)
{
    const QByteArray digest = certificate.digest(QCryptographicHash::Sha256).toHex().toUpper();
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < digest.size(); i += 2)
        pairs << QString::fromLatin1(digest.mid(i, 2));
    return pairs.join(QLatin1Char(':'));
}

QString distinguishedName(const QSslCertificate& certificate, bool issuer)
{
    QStringList parts;
    const QList<QByteArray> attributes =
        issuer ? certificate.issuerInfoAttributes() : certificate.subjectInfoAttributes();
    for (const QByteArray& attribute : attributes) {
        const QStringList values =
            issuer ? certificate.issuerInfo(attribute) : certificate.subjectInfo(attribute);
        for (const QString& value : values)
            parts << QString::fromLatin1(attribute) + QLatin1Char('=') + value;
    }
    return parts.join(QLatin1String(", "));
}

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS 1.3");
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS 1.2");
    default:
        return QStringLiteral("TLS");
    }
}

} // namespace

void ClientEngine::setTlsTrustStore(std::shared_ptr<TlsTrustStore> store)
{
    m_trust = std::move(store);
}

FileResult ClientEngine::trustCertificate(const TlsCertificateInfo& info)
{
    if (!m_trust)
        m_trust = std::make_shared<TlsTrustStore>();
    return m_trust->trust(info);
}

QTcpSocket* ClientEngine::createSocket()
{
    if (!m_config.useTls)
        return new QTcpSocket(this);
    auto* socket = new QSslSocket(this);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // pinned instead: see above
    socket->setSslConfiguration(configuration);
    connect(socket, &QSslSocket::encrypted, this, &ClientEngine::onTlsEncrypted);
    return socket;
}

void ClientEngine::openSocket()
{
    if (auto* socket = qobject_cast<QSslSocket*>(m_socket))
        socket->connectToHostEncrypted(m_config.host, m_config.port);
    else
        m_socket->connectToHost(m_config.host, m_config.port);
}

void ClientEngine::onTlsEncrypted()
{
    auto* socket = qobject_cast<QSslSocket*>(m_socket);
    if (!socket)
        return;
    const QSslCertificate certificate = socket->peerCertificate();
    auto info = std::make_shared<TlsCertificateInfo>();
    info->endpoint = endpointKey();
    info->fingerprint = sha256Fingerprint(certificate);
    info->subject = distinguishedName(certificate, false);
    info->issuer = distinguishedName(certificate, true);
    info->notBefore = certificate.effectiveDate();
    info->notAfter = certificate.expiryDate();
    info->protocol = protocolName(socket->sessionProtocol());
    m_tlsProtocol = info->protocol;

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const std::optional<QString> pinned =
        m_trust ? m_trust->pinnedFingerprint(info->endpoint) : std::nullopt;
    if (certificate.isNull() || now < info->notBefore || now > info->notAfter) {
        refuseCertificate(ClientError::TlsCertificateExpired, info);
    } else if (!pinned) {
        refuseCertificate(ClientError::TlsCertificateUntrusted, info);
    } else if (*pinned != info->fingerprint) {
        info->pinnedFingerprint = *pinned;
        refuseCertificate(ClientError::TlsCertificateChanged, info);
    } else {
        onConnected();
    }
}

void ClientEngine::refuseCertificate(ClientError error,
                                     const std::shared_ptr<TlsCertificateInfo>& info)
{
    ClientEvent event;
    event.kind = ClientEvent::Kind::Error;
    event.error = error;
    event.reason = info->fingerprint;
    event.endpoint = info->endpoint;
    event.time = QDateTime::currentDateTime();
    event.certificate = info;
    m_lastError = error;
    m_lastReason = info->fingerprint;
    emit eventOccurred(event);
    disconnectFromServer();
}

} // namespace chorus
