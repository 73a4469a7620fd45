// AccessRules: allowlist/denylist matching over IPv4, IPv6 and IPv4-mapped
// IPv6 (on parsed addresses: no socket needed), which entries parse, and
// what a policy decides for a peer.

#include "server/AccessRules.h"

#include <QtTest>

using namespace chorus;

Q_DECLARE_METATYPE(chorus::AccessVerdict)
Q_DECLARE_METATYPE(chorus::AccessExposure)

class TestAccessRules : public QObject
{
    Q_OBJECT
private slots:
    void ruleMatches_data();
    void ruleMatches();
    void parses_data();
    void parses();
    void policyDecides_data();
    void policyDecides();
    void tokenRulesPlainPeers_data();
    void tokenRulesPlainPeers();
    void invalidEntriesAreReported();
    void tokensCompare();
    void exposure_data();
    void exposure();
    void maskedTokenHidesIt();
};

void TestAccessRules::ruleMatches_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("peer");
    QTest::addColumn<bool>("matches");

    QTest::newRow("v4 single, same") << "192.0.2.5"
                                     << "192.0.2.5" << true;
    QTest::newRow("v4 single, other") << "192.0.2.5"
                                      << "192.0.2.6" << false;
    QTest::newRow("v4 /8 inside") << "127.0.0.0/8"
                                  << "127.200.3.4" << true;
    QTest::newRow("v4 /8 outside") << "127.0.0.0/8"
                                   << "11.0.0.1" << false;
    QTest::newRow("v4 /24 edge low") << "192.0.2.0/24"
                                     << "192.0.2.0" << true;
    QTest::newRow("v4 /24 edge high") << "192.0.2.0/24"
                                      << "192.0.2.255" << true;
    QTest::newRow("v4 /24 next") << "192.0.2.0/24"
                                 << "192.0.3.0" << false;
    QTest::newRow("v4 host bits set") << "127.1.2.3/8"
                                      << "127.9.9.9" << true;
    QTest::newRow("v4 /0 everything") << "0.0.0.0/0"
                                      << "203.0.113.9" << true;
    QTest::newRow("v4 /32") << "127.0.0.1/32"
                            << "127.0.0.1" << true;
    QTest::newRow("v4 rule, v6 peer") << "0.0.0.0/0"
                                      << "2001:db8::1" << false;
    QTest::newRow("v6 single") << "::1"
                               << "::1" << true;
    QTest::newRow("v6 single other") << "::1"
                                     << "::2" << false;
    QTest::newRow("v6 /32 inside") << "2001:db8::/32"
                                   << "2001:db8:ffff::1" << true;
    QTest::newRow("v6 /32 outside") << "2001:db8::/32"
                                    << "2001:db9::1" << false;
    QTest::newRow("v6 /64 link local") << "fe80::/10"
                                       << "fe80::1234" << true;
    QTest::newRow("v6 rule, v4 peer") << "::/0"
                                      << "127.0.0.1" << false;
    QTest::newRow("mapped peer, v4 rule") << "127.0.0.0/8"
                                          << "::ffff:127.1.2.3" << true;
    QTest::newRow("mapped peer, v4 rule outside") << "127.0.0.0/8"
                                                  << "::ffff:11.1.2.3" << false;
    QTest::newRow("mapped peer, v4 single") << "127.0.0.1"
                                            << "::ffff:127.0.0.1" << true;
    QTest::newRow("mapped rule, v4 peer") << "::ffff:127.0.0.0/104"
                                          << "127.4.5.6" << true;
    QTest::newRow("mapped rule, v4 peer outside") << "::ffff:127.0.0.0/104"
                                                  << "12.4.5.6" << false;
    QTest::newRow("mapped single rule, mapped peer") << "::ffff:192.0.2.1"
                                                     << "::ffff:192.0.2.1" << true;
    QTest::newRow("mapped single rule, v4 peer") << "::ffff:192.0.2.1"
                                                 << "192.0.2.1" << true;
    QTest::newRow("loopback v4 is not ::1") << "127.0.0.1"
                                            << "::1" << false;
}

void TestAccessRules::ruleMatches()
{
    QFETCH(QString, rule);
    QFETCH(QString, peer);
    QFETCH(bool, matches);
    const std::optional<AccessRule> parsed = parseAccessRule(rule);
    QVERIFY(parsed);
    QCOMPARE(parsed->matches(QHostAddress(peer)), matches);
}

void TestAccessRules::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("prefixLength");

    QTest::newRow("v4") << "192.0.2.5" << true << 32;
    QTest::newRow("v4 spaces") << "  192.0.2.5 " << true << 32;
    QTest::newRow("v4 cidr") << "127.0.0.0/8" << true << 8;
    QTest::newRow("v4 netmask") << "127.0.0.0/255.0.0.0" << true << 8;
    QTest::newRow("v6") << "2001:db8::1" << true << 128;
    QTest::newRow("v6 cidr") << "2001:db8::/32" << true << 32;
    QTest::newRow("mapped cidr is v4") << "::ffff:127.0.0.0/104" << true << 8;
    QTest::newRow("mapped single is v4") << "::ffff:127.0.0.1" << true << 32;
    QTest::newRow("empty") << "" << false << 0;
    QTest::newRow("host name") << "example.org" << false << 0;
    QTest::newRow("v4 prefix too long") << "127.0.0.0/33" << false << 0;
    QTest::newRow("v6 prefix too long") << "::/129" << false << 0;
    QTest::newRow("no prefix") << "127.0.0.0/" << false << 0;
    QTest::newRow("garbage prefix") << "127.0.0.0/x" << false << 0;
    QTest::newRow("bad octet") << "127.0.0.256" << false << 0;
}

void TestAccessRules::parses()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(int, prefixLength);
    const std::optional<AccessRule> rule = parseAccessRule(text);
    QCOMPARE(rule.has_value(), valid);
    QCOMPARE(isAccessRuleText(text), valid);
    if (rule) {
        QCOMPARE(rule->prefixLength, prefixLength);
        QCOMPARE(rule->text, text.trimmed());
    }
}

void TestAccessRules::policyDecides_data()
{
    QTest::addColumn<QStringList>("allow");
    QTest::addColumn<QStringList>("deny");
    QTest::addColumn<QString>("peer");
    QTest::addColumn<AccessVerdict>("verdict");
    QTest::addColumn<QString>("rule");

    const QStringList none;
    QTest::newRow("open") << none << none << "203.0.113.1" << AccessVerdict::Admitted << "";
    QTest::newRow("denied v4") << none << QStringList{"203.0.113.0/24"} << "203.0.113.1"
                               << AccessVerdict::Denied << "203.0.113.0/24";
    QTest::newRow("denied mapped") << none << QStringList{"203.0.113.0/24"} << "::ffff:203.0.113.1"
                                   << AccessVerdict::Denied << "203.0.113.0/24";
    QTest::newRow("not denied") << none << QStringList{"203.0.113.0/24"} << "198.51.100.1"
                                << AccessVerdict::Admitted << "";
    QTest::newRow("allowed") << QStringList{"127.0.0.0/8", "::1"} << none << "::1"
                             << AccessVerdict::Admitted << "::1";
    QTest::newRow("not on allowlist")
        << QStringList{"127.0.0.0/8"} << none << "192.0.2.1" << AccessVerdict::NotAllowed << "";
    QTest::newRow("deny wins over allow")
        << QStringList{"127.0.0.0/8"} << QStringList{"127.6.0.0/16"} << "127.6.1.1"
        << AccessVerdict::Denied << "127.6.0.0/16";
    QTest::newRow("allowed beside a deny")
        << QStringList{"127.0.0.0/8"} << QStringList{"127.6.0.0/16"} << "127.7.1.1"
        << AccessVerdict::Admitted << "127.0.0.0/8";
    QTest::newRow("v6 deny, v4 peer")
        << none << QStringList{"::/0"} << "127.0.0.1" << AccessVerdict::Admitted << "";
}

void TestAccessRules::policyDecides()
{
    QFETCH(QStringList, allow);
    QFETCH(QStringList, deny);
    QFETCH(QString, peer);
    QFETCH(AccessVerdict, verdict);
    QFETCH(QString, rule);
    const AccessPolicy policy = AccessPolicy::fromTexts(allow, deny);
    const AccessDecision decision = policy.check(QHostAddress(peer));
    QCOMPARE(decision.verdict, verdict);
    QCOMPARE(decision.rule, rule);
    QCOMPARE(decision.admitted(), verdict == AccessVerdict::Admitted);
    QVERIFY(decision.plainAllowed); // no token: plain peers are never held back
}

void TestAccessRules::tokenRulesPlainPeers_data()
{
    QTest::addColumn<QStringList>("allow");
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("needAllowlist");
    QTest::addColumn<bool>("plainAllowed");

    QTest::newRow("no token") << QStringList() << "" << true << true;
    QTest::newRow("token, empty allowlist") << QStringList() << "s3cret" << true << false;
    QTest::newRow("token, option off") << QStringList() << "s3cret" << false << true;
    QTest::newRow("token, on the allowlist")
        << QStringList{"127.0.0.1"} << "s3cret" << true << true;
}

void TestAccessRules::tokenRulesPlainPeers()
{
    QFETCH(QStringList, allow);
    QFETCH(QString, token);
    QFETCH(bool, needAllowlist);
    QFETCH(bool, plainAllowed);
    AccessPolicy policy = AccessPolicy::fromTexts(allow, {});
    policy.token = token;
    policy.plainPeersNeedAllowlist = needAllowlist;
    const AccessDecision decision = policy.check(QHostAddress(QStringLiteral("127.0.0.1")));
    QCOMPARE(decision.verdict, AccessVerdict::Admitted);
    QCOMPARE(decision.plainAllowed, plainAllowed);
}

void TestAccessRules::invalidEntriesAreReported()
{
    QStringList invalid;
    const AccessPolicy policy =
        AccessPolicy::fromTexts({QStringLiteral("127.0.0.0/8"), QStringLiteral("nope")},
                                {QStringLiteral(""), QStringLiteral("1.2.3.4/40")}, &invalid);
    QCOMPARE(policy.allow.size(), 1);
    QCOMPARE(policy.deny.size(), 0);
    QCOMPARE(invalid, (QStringList{QStringLiteral("nope"), QStringLiteral("1.2.3.4/40")}));
    QVERIFY(!policy.isOpen());
    QVERIFY(AccessPolicy().isOpen());
}

void TestAccessRules::tokensCompare()
{
    QVERIFY(tokensEqual(QStringLiteral("abc"), QStringLiteral("abc")));
    QVERIFY(!tokensEqual(QStringLiteral("abd"), QStringLiteral("abc")));
    QVERIFY(!tokensEqual(QStringLiteral("ab"), QStringLiteral("abc")));
    QVERIFY(!tokensEqual(QStringLiteral("abcd"), QStringLiteral("abc")));
    QVERIFY(!tokensEqual(QString(), QStringLiteral("abc")));
}

void TestAccessRules::maskedTokenHidesIt()
{
    const QString token = QStringLiteral("hunter2");
    const QString masked = maskedToken(token);
    QVERIFY(!masked.isEmpty());
    QVERIFY(!masked.contains(QLatin1String("hunter")));
    QCOMPARE(maskedToken(QStringLiteral("x")).size(), masked.size()); // no length either
    QVERIFY(maskedToken(QString()).isEmpty());
}

void TestAccessRules::exposure_data()
{
    QTest::addColumn<QString>("listen");
    QTest::addColumn<QStringList>("allow");
    QTest::addColumn<QStringList>("deny");
    QTest::addColumn<QString>("token");
    QTest::addColumn<AccessExposure>("exposure");

    const QStringList none;
    QTest::newRow("any, nothing") << "any" << none << none << "" << AccessExposure::Open;
    QTest::newRow("0.0.0.0, nothing") << "0.0.0.0" << none << none << "" << AccessExposure::Open;
    QTest::newRow(":: nothing") << "::" << none << none << "" << AccessExposure::Open;
    QTest::newRow("any, a denylist only")
        << "any" << none << QStringList{"127.0.0.0/8"} << "" << AccessExposure::Open;
    QTest::newRow("any, an allowlist")
        << "any" << QStringList{"127.0.0.0/8"} << none << "" << AccessExposure::Guarded;
    QTest::newRow("any, a token") << "any" << none << none << "t" << AccessExposure::Guarded;
    QTest::newRow("localhost") << "localhost" << none << none << "" << AccessExposure::ThisMachine;
    QTest::newRow("127.0.0.1") << "127.0.0.1" << none << none << "" << AccessExposure::ThisMachine;
    QTest::newRow("127.0.1.5") << "127.0.1.5" << none << none << "" << AccessExposure::ThisMachine;
    QTest::newRow("::1") << "::1" << none << none << "" << AccessExposure::ThisMachine;
    QTest::newRow("::ffff:127.0.0.1")
        << "::ffff:127.0.0.1" << none << none << "" << AccessExposure::ThisMachine;
    QTest::newRow("one LAN address") << "192.0.2.5" << none << none << "" << AccessExposure::Open;
}

void TestAccessRules::exposure()
{
    QFETCH(QString, listen);
    QFETCH(QStringList, allow);
    QFETCH(QStringList, deny);
    QFETCH(QString, token);
    QFETCH(AccessExposure, exposure);

    const std::optional<ListenAddress> address = ListenAddress::fromText(listen);
    QVERIFY(address);
    AccessPolicy policy = AccessPolicy::fromTexts(allow, deny);
    policy.token = token;
    QCOMPARE(accessExposure(*address, policy), exposure);
}

QTEST_GUILESS_MAIN(TestAccessRules)
#include "tst_accessrules.moc"
