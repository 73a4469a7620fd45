#include "server/TlsServerSetup.h"

#include "base/AtomicFile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QSslConfiguration>
#include <QSslSocket>

namespace chorus {

namespace {

// Certificates and keys are small; a bigger file is not one.
constexpr qint64 kMaxPemBytes = 1024 * 1024;

std::optional<QByteArray> readPem(const QString& path, QString* reason)
{
    QByteArray bytes;
    const FileResult result = readRegularFile(path, kMaxPemBytes, &bytes);
    if (!result.ok()) {
        *reason = result.describe();
        return std::nullopt;
    }
    return bytes;
}

} // namespace

std::optional<TlsCredentials> loadTlsCredentials(const TlsListenConfig& config,
                                                 TlsSetupFailure* failure)
{
    auto fail = [failure](TlsSetupError error, const QString& reason) {
        *failure = TlsSetupFailure{error, reason};
        return std::nullopt;
    };
    if (!QSslSocket::supportsSsl())
        return fail(TlsSetupError::NoBackend,
                    QSslSocket::availableBackends().join(QLatin1String(", ")));
    QString reason;
    const std::optional<QByteArray> certificateBytes = readPem(config.certificatePath, &reason);
    if (!certificateBytes)
        return fail(TlsSetupError::CertificateFileUnreadable, reason);
    QList<QSslCertificate> certificates = QSslCertificate::fromData(*certificateBytes, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(*certificateBytes, QSsl::Der);
    if (certificates.isEmpty() || certificates.constFirst().isNull())
        return fail(TlsSetupError::CertificateInvalid, config.certificatePath);

    const std::optional<QByteArray> keyBytes = readPem(config.keyPath, &reason);
    if (!keyBytes)
        return fail(TlsSetupError::KeyFileUnreadable, reason);
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa, QSsl::Dh}) {
        key = QSslKey(*keyBytes, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return fail(TlsSetupError::KeyInvalid, config.keyPath);

    TlsCredentials credentials;
    credentials.certificate = certificates.takeFirst();
    credentials.chain = certificates;
    credentials.key = key;
    // A key of another kind than the certificate's cannot be its key. (Qt has
    // no API to compare the key values: a mismatch of the same kind fails
    // each handshake, logged with OpenSSL's reason.)
    if (credentials.certificate.publicKey().algorithm() != key.algorithm())
        return fail(TlsSetupError::KeyDoesNotMatch, config.keyPath);
    return credentials;
}

bool TlsCredentials::isOutsideValidity(const QDateTime& now) const
{
    return now < certificate.effectiveDate() || now > certificate.expiryDate();
}

void configureServerSocket(QSslSocket* socket, const TlsCredentials& credentials)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(credentials.certificate);
    configuration.setLocalCertificateChain(QList<QSslCertificate>{credentials.certificate} +
                                           credentials.chain);
    configuration.setPrivateKey(credentials.key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients bring no certificate
    socket->setSslConfiguration(configuration);
}

QString tlsProtocolName(int sslProtocol)
{
    switch (QSsl::SslProtocol(sslProtocol)) {
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS 1.3");
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS 1.2");
        QT_WARNING_PUSH
        QT_WARNING_DISABLE_DEPRECATED
    case QSsl::TlsV1_1:
        return QStringLiteral("TLS 1.1");
    case QSsl::TlsV1_0:
        return QStringLiteral("TLS 1.0");
        QT_WARNING_POP
    default:
        return QStringLiteral("TLS");
    }
}

QString certificateFingerprint(const QSslCertificate& certificate)
{
    const QByteArray digest = certificate.digest(QCryptographicHash::Sha256).toHex().toUpper();
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < digest.size(); i += 2)
        pairs << QString::fromLatin1(digest.mid(i, 2));
    return pairs.join(QLatin1Char(':'));
}

} // namespace chorus
