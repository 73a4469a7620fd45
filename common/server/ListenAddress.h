#pragma once

// What the server listens on, as the user chose it: every interface, this
// machine only, or one address. "This machine only" is 127.0.0.1 AND ::1, so
// a client that resolves "localhost" to either one gets in.

#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>

namespace chorus {

class ListenAddress
{
public:
    enum class Scope {
        AllInterfaces, // [::] dual-stack: every IPv4 and IPv6 address
        ThisMachine,   // 127.0.0.1 and ::1 (two listeners, one port)
        OneAddress,    // exactly address()
    };

    ListenAddress() = default; // all interfaces
    // Not explicit, on purpose: a QHostAddress is a one-address choice
    // (QHostAddress::Any and AnyIPv6 mean every interface).
    ListenAddress(const QHostAddress& address);
    ListenAddress(QHostAddress::SpecialAddress address);

    static ListenAddress allInterfaces();
    static ListenAddress thisMachine();
    // "any", "localhost" (any case) or an IP address, IPv6 with or without brackets.
    static std::optional<ListenAddress> fromText(const QString& text);

    Scope scope() const { return m_scope; }
    QHostAddress address() const { return m_address; } // OneAddress only
    // "any", "localhost" or the address: as typed on the command line and saved.
    QString text() const;
    // The addresses one listener each is bound to, in order.
    QList<QHostAddress> bindAddresses() const;

    bool operator==(const ListenAddress& other) const
    {
        return m_scope == other.m_scope && m_address == other.m_address;
    }
    bool operator!=(const ListenAddress& other) const { return !(*this == other); }

private:
    Scope m_scope = Scope::AllInterfaces;
    QHostAddress m_address;
};

} // namespace chorus
