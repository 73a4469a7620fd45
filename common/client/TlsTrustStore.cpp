#include "client/TlsTrustStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace chorus {

namespace {
constexpr qint64 kMaxTrustFileBytes = 4 * 1024 * 1024;
const QLatin1String kPins("pins");
const QLatin1String kSha256("sha256");
const QLatin1String kSubject("subject");
const QLatin1String kTrusted("trusted");
} // namespace

QString TlsTrustStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/tls-trust.json");
}

FileResult TlsTrustStore::load()
{
    m_pins.clear();
    if (m_path.isEmpty())
        return {};
    QByteArray bytes;
    FileResult result = readRegularFile(m_path, kMaxTrustFileBytes, &bytes);
    if (result.error == FileError::NotFound)
        return {};
    if (!result.ok())
        return result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (!document.isObject()) {
        result.error = FileError::ReadFailed;
        result.path = m_path;
        result.reason = parseError.errorString();
        return result;
    }
    const QJsonObject pins = document.object().value(kPins).toObject();
    for (auto it = pins.constBegin(); it != pins.constEnd(); ++it) {
        const QJsonObject pin = it.value().toObject();
        const QString fingerprint = pin.value(kSha256).toString();
        if (fingerprint.isEmpty())
            continue;
        m_pins.insert(it.key(),
                      Pin{fingerprint, pin.value(kSubject).toString(),
                          QDateTime::fromString(pin.value(kTrusted).toString(), Qt::ISODate)});
    }
    return {};
}

FileResult TlsTrustStore::trust(const TlsCertificateInfo& info)
{
    m_pins.insert(info.endpoint,
                  Pin{info.fingerprint, info.subject, QDateTime::currentDateTimeUtc()});
    return save();
}

void TlsTrustStore::forget(const QString& endpoint)
{
    if (m_pins.remove(endpoint) > 0)
        save();
}

std::optional<QString> TlsTrustStore::pinnedFingerprint(const QString& endpoint) const
{
    const auto found = m_pins.constFind(endpoint);
    if (found == m_pins.constEnd())
        return std::nullopt;
    return found->fingerprint;
}

FileResult TlsTrustStore::save() const
{
    if (m_path.isEmpty())
        return {};
    QJsonObject pins;
    for (auto it = m_pins.constBegin(); it != m_pins.constEnd(); ++it) {
        pins.insert(it.key(), QJsonObject{{kSha256, it->fingerprint},
                                          {kSubject, it->subject},
                                          {kTrusted, it->trusted.toString(Qt::ISODate)}});
    }
    return writeFileAtomically(
        m_path, QJsonDocument(QJsonObject{{kPins, pins}}).toJson(QJsonDocument::Indented));
}

} // namespace chorus
