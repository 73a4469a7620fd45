#include "server/ListenAddress.h"

namespace chorus {

ListenAddress::ListenAddress(const QHostAddress& address)
{
    if (address == QHostAddress(QHostAddress::Any) ||
        address == QHostAddress(QHostAddress::AnyIPv6)) {
        m_scope = Scope::AllInterfaces;
    } else {
        m_scope = Scope::OneAddress;
        m_address = address;
    }
}

ListenAddress::ListenAddress(QHostAddress::SpecialAddress address)
    : ListenAddress(QHostAddress(address))
{}

ListenAddress ListenAddress::allInterfaces()
{
    return ListenAddress();
}

ListenAddress ListenAddress::thisMachine()
{
    ListenAddress out;
    out.m_scope = Scope::ThisMachine;
    return out;
}

std::optional<ListenAddress> ListenAddress::fromText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.compare(QLatin1String("any"), Qt::CaseInsensitive) == 0)
        return allInterfaces();
    if (trimmed.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return thisMachine();
    QString literal = trimmed;
    if (literal.startsWith(QLatin1Char('[')) && literal.endsWith(QLatin1Char(']')))
        literal = literal.mid(1, literal.size() - 2);
    QHostAddress address;
    if (literal.isEmpty() || !address.setAddress(literal))
        return std::nullopt;
    return ListenAddress(address);
}

QString ListenAddress::text() const
{
    switch (m_scope) {
    case Scope::AllInterfaces:
        return QStringLiteral("any");
    case Scope::ThisMachine:
        return QStringLiteral("localhost");
    case Scope::OneAddress:
        return m_address.toString();
    }
    return {};
}

QList<QHostAddress> ListenAddress::bindAddresses() const
{
    switch (m_scope) {
    case Scope::AllInterfaces:
        return {QHostAddress(QHostAddress::Any)};
    case Scope::ThisMachine:
        return {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)};
    case Scope::OneAddress:
        return {m_address};
    }
    return {};
}

} // namespace chorus
