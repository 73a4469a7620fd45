#include "base/Endpoint.h"

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
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

} // namespace chorus
