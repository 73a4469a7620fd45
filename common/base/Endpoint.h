#pragma once

// host:port text, one way everywhere: the table, the log, {peer}, the client's
// status line and the listen bar. IPv6 addresses are bracketed ("[::1]:9999")
// so the port cannot be mistaken for part of the address (RFC 3986 §3.2.2).

#include <QHostAddress>
#include <QString>

namespace chorus {

// "127.0.0.1:9999", "[::1]:9999", "example.org:9999"; a host that contains ':'
// is taken as an IPv6 literal and bracketed (unless it already is).
QString endpointText(const QString& host, quint16 port);
// As above; Any (dual-stack) shows as "[::]" and mapped IPv4 as plain IPv4.
QString endpointText(const QHostAddress& address, quint16 port);
// Dual-stack listening reports IPv4 peers as ::ffff:a.b.c.d; this gives them as IPv4.
QHostAddress plainAddress(const QHostAddress& address);

} // namespace chorus
