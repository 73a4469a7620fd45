#include "base/Endpoint.h"

#include <QtEndian>

#include <cstring>

namespace chorus {

QString endpointText(const QString& host, quint16 port)
{
    const bool bracket = host.contains(QLatin1Char(':')) && !host.startsWith(QLatin1Char('['));
    QString out;
    out.reserve(host.size() + 8);
    if (bracket)
        out += QLatin1Char('[');
    out += host;
    if (bracket)
        out += QLatin1Char(']');
    out += QLatin1Char(':');
    out += QString::number(port);
    return out;
}

QString endpointText(const QHostAddress& address, quint16 port)
{
    if (address == QHostAddress(QHostAddress::Any))
        return endpointText(QStringLiteral("::"), port);
    return endpointText(plainAddress(address).toString(), port);
}

QHostAddress plainAddress(const QHostAddress& address)
{
    // Only ::ffff:a.b.c.d. (QHostAddress::toIPv4Address() also turns the
    // IPv6-only any-address "::" into 0.0.0.0, which names the wrong stack.)
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address;
    const Q_IPV6ADDR bytes = address.toIPv6Address();
    static constexpr quint8 kMappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::memcmp(bytes.c, kMappedPrefix, sizeof kMappedPrefix) != 0)
        return address;
    return QHostAddress(qFromBigEndian<quint32>(bytes.c + 12));
}

} // namespace chorus
