#pragma once

// Who may connect: an allowlist and a denylist of addresses and CIDR ranges
// (IPv4 and IPv6), and an optional shared token that Chorus clients present in
// their hello (docs/PROTOCOL.md §2.2). The listener asks check() for every
// accepted descriptor before any Connection exists for it, so a refused peer
// never reaches a handler.
//
// Rules, in order: a peer on the denylist is refused; a non-empty allowlist
// refuses every peer not on it. With a token set and plainPeersNeedAllowlist
// on, a peer admitted without being on the allowlist (the allowlist is empty)
// may speak only Chorus with the token: its first message must be that hello.
// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d, what a dual-stack listener
// reports for IPv4 peers) are matched as the IPv4 address they carry, on both
// sides: "10.0.0.0/8" covers ::ffff:10.1.2.3, and "::ffff:10.0.0.0/104" is
// the same rule as "10.0.0.0/8".

#include "server/ListenAddress.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace chorus {

// One allowlist or denylist entry.
struct AccessRule
{
    QString text;         // as given ("10.0.0.0/8", "::1"): the log names it so
    QHostAddress network; // mapped IPv4 stored as IPv4
    int prefixLength = 0; // a single address: 32 or 128

    bool matches(const QHostAddress& peer) const;
};

// "192.168.1.5", "10.0.0.0/8", "2001:db8::/32", "::ffff:10.0.0.0/104";
// nullopt for anything else (a host name, a bad prefix).
std::optional<AccessRule> parseAccessRule(const QString& text);
// Whether every entry parses (the settings table checks list entries with it).
bool isAccessRuleText(const QString& text);

enum class AccessVerdict {
    Admitted,   // may connect (see AccessDecision::plainAllowed)
    Denied,     // on the denylist (rule = the entry that matched)
    NotAllowed, // the allowlist is not empty and names no entry for it
};

struct AccessDecision
{
    AccessVerdict verdict = AccessVerdict::Admitted;
    QString rule; // Denied: the deny entry; Admitted: the allow entry it matched (or empty)
    // Admitted: whether it may talk as a plain peer (not only a Chorus hello with the token).
    bool plainAllowed = true;

    bool admitted() const { return verdict == AccessVerdict::Admitted; }
};

struct AccessPolicy
{
    QList<AccessRule> allow;
    QList<AccessRule> deny;
    QString token; // empty: Chorus clients need none
    bool plainPeersNeedAllowlist = true;

    // Entries that do not parse are left out and listed in *invalid.
    static AccessPolicy fromTexts(const QStringList& allow, const QStringList& deny,
                                  QStringList* invalid = nullptr);
    // No list and no token: check() admits everyone and the listener skips it.
    bool isOpen() const { return allow.isEmpty() && deny.isEmpty() && token.isEmpty(); }
    AccessDecision check(const QHostAddress& peer) const;
};

// Who can talk to a server listening on an address under a policy. The
// engine logs a warning and the window says so when it is Open (like Redis's
// protected mode, without refusing anyone: a test bench on a LAN is the point).
enum class AccessExposure {
    ThisMachine, // bound to loopback only: nothing from the network reaches it
    Guarded,     // reachable from the network; an allowlist or the token decides who talks
    Open,        // reachable from the network, and anyone who reaches the port may talk
};
AccessExposure accessExposure(const ListenAddress& address, const AccessPolicy& policy);

// A token as the log and the windows show it: never its characters nor its length.
QString maskedToken(const QString& token);
// Equal without an early exit: the time taken does not tell how much matched.
bool tokensEqual(const QString& given, const QString& expected);

} // namespace chorus
