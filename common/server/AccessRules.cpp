#include "server/AccessRules.h"

#include "base/Endpoint.h"

namespace chorus {

namespace {

constexpr int kIpv4Bits = 32;
constexpr int kIpv6Bits = 128;
constexpr int kMappedPrefixBits = 96; // ::ffff:0:0/96

bool isMappedIpv4(const QHostAddress& address)
{
    bool ok = false;
    address.toIPv4Address(&ok);
    return ok && address.protocol() == QAbstractSocket::IPv6Protocol;
}

} // namespace

bool AccessRule::matches(const QHostAddress& peer) const
{
    const QHostAddress plain = plainAddress(peer);
    if (plain.protocol() != network.protocol())
        return false;
    return plain.isInSubnet(network, prefixLength);
}

std::optional<AccessRule> parseAccessRule(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    AccessRule rule;
    rule.text = trimmed;
    if (trimmed.contains(QLatin1Char('/'))) {
        const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(trimmed);
        if (subnet.first.isNull() || subnet.second < 0)
            return std::nullopt;
        rule.network = subnet.first;
        rule.prefixLength = subnet.second;
    } else {
        QHostAddress address;
        if (!address.setAddress(trimmed))
            return std::nullopt;
        rule.network = address;
        rule.prefixLength =
            address.protocol() == QAbstractSocket::IPv4Protocol ? kIpv4Bits : kIpv6Bits;
    }
    // A mapped range (::ffff:10.0.0.0/104) is the IPv4 range it covers.
    if (isMappedIpv4(rule.network) && rule.prefixLength >= kMappedPrefixBits) {
        rule.network = plainAddress(rule.network);
        rule.prefixLength -= kMappedPrefixBits;
    }
    rule.network.setScopeId(QString());
    return rule;
}

bool isAccessRuleText(const QString& text)
{
    return parseAccessRule(text).has_value();
}

AccessPolicy AccessPolicy::fromTexts(const QStringList& allow, const QStringList& deny,
                                     QStringList* invalid)
{
    AccessPolicy policy;
    auto read = [invalid](const QStringList& texts, QList<AccessRule>& into) {
        for (const QString& text : texts) {
            if (text.trimmed().isEmpty())
                continue;
            if (const std::optional<AccessRule> rule = parseAccessRule(text))
                into.append(*rule);
            else if (invalid)
                invalid->append(text);
        }
    };
    read(allow, policy.allow);
    read(deny, policy.deny);
    return policy;
}

AccessDecision AccessPolicy::check(const QHostAddress& peer) const
{
    AccessDecision decision;
    for (const AccessRule& rule : deny) {
        if (rule.matches(peer)) {
            decision.verdict = AccessVerdict::Denied;
            decision.rule = rule.text;
            return decision;
        }
    }
    for (const AccessRule& rule : allow) {
        if (rule.matches(peer)) {
            decision.rule = rule.text;
            return decision;
        }
    }
    if (!allow.isEmpty()) {
        decision.verdict = AccessVerdict::NotAllowed;
        return decision;
    }
    decision.plainAllowed = token.isEmpty() || !plainPeersNeedAllowlist;
    return decision;
}

AccessExposure accessExposure(const ListenAddress& address, const AccessPolicy& policy)
{
    if (address.scope() == ListenAddress::Scope::ThisMachine ||
        (address.scope() == ListenAddress::Scope::OneAddress &&
         plainAddress(address.address()).isLoopback()))
        return AccessExposure::ThisMachine;
    // A denylist alone keeps out the peers it names, not strangers.
    return policy.allow.isEmpty() && policy.token.isEmpty() ? AccessExposure::Open
                                                            : AccessExposure::Guarded;
}

QString maskedToken(const QString& token)
{
    return token.isEmpty() ? QString() : QString(8, QChar(0x2022)); // ••••••••
}

bool tokensEqual(const QString& given, const QString& expected)
{
    const QByteArray a = given.toUtf8();
    const QByteArray b = expected.toUtf8();
    unsigned char difference = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < b.size(); ++i)
        difference |= (i < a.size() ? uchar(a.at(i)) : 0) ^ uchar(b.at(i));
    return difference == 0;
}

} // namespace chorus
