// host:port text (base/Endpoint.h): one spelling for every address kind, IPv6
// bracketed, mapped IPv4 shown as IPv4.

#include "base/Endpoint.h"

#include <QtTest>

using namespace chorus;

class tst_Endpoint : public QObject
{
    Q_OBJECT
private slots:
    void hostText_data();
    void hostText();
    void addressText_data();
    void addressText();
    void plainAddress_data();
    void plainAddress();
};

void tst_Endpoint::hostText_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("expected");
    QTest::newRow("IPv4") << "127.0.0.1" << 9999 << "127.0.0.1:9999";
    QTest::newRow("IPv6 loopback") << "::1" << 9999 << "[::1]:9999";
    QTest::newRow("IPv6 full") << "2001:db8::5" << 80 << "[2001:db8::5]:80";
    QTest::newRow("IPv6 with scope") << "fe80::1%eth0" << 9999 << "[fe80::1%eth0]:9999";
    QTest::newRow("mapped IPv4 as typed") << "::ffff:127.0.0.7" << 1 << "[::ffff:127.0.0.7]:1";
    QTest::newRow("already bracketed") << "[::1]" << 9999 << "[::1]:9999";
    QTest::newRow("hostname") << "localhost" << 9999 << "localhost:9999";
    QTest::newRow("FQDN") << "drone-7.lab.example" << 2000 << "drone-7.lab.example:2000";
    QTest::newRow("port 0") << "127.0.0.1" << 0 << "127.0.0.1:0";
    QTest::newRow("port 65535") << "::" << 65535 << "[::]:65535";
}

void tst_Endpoint::hostText()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, expected);
    QCOMPARE(endpointText(host, quint16(port)), expected);
}

void tst_Endpoint::addressText_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<QString>("expected");
    QTest::newRow("IPv4") << QHostAddress(QStringLiteral("127.0.1.20")) << "127.0.1.20:9999";
    QTest::newRow("IPv4 loopback") << QHostAddress(QHostAddress::LocalHost) << "127.0.0.1:9999";
    QTest::newRow("IPv6 loopback") << QHostAddress(QHostAddress::LocalHostIPv6) << "[::1]:9999";
    QTest::newRow("IPv6") << QHostAddress(QStringLiteral("2001:db8::5")) << "[2001:db8::5]:9999";
    QTest::newRow("mapped IPv4") << QHostAddress(QStringLiteral("::ffff:127.0.1.5"))
                                 << "127.0.1.5:9999";
    QTest::newRow("mapped IPv4 loopback")
        << QHostAddress(QStringLiteral("::ffff:127.0.0.1")) << "127.0.0.1:9999";
    QTest::newRow("Any (dual stack)") << QHostAddress(QHostAddress::Any) << "[::]:9999";
    QTest::newRow("AnyIPv4") << QHostAddress(QHostAddress::AnyIPv4) << "0.0.0.0:9999";
    // IPv6 only: not the IPv4 any-address, whatever Qt's tolerant conversion says.
    QTest::newRow("AnyIPv6") << QHostAddress(QHostAddress::AnyIPv6) << "[::]:9999";
}

void tst_Endpoint::addressText()
{
    QFETCH(QHostAddress, address);
    QFETCH(QString, expected);
    QCOMPARE(endpointText(address, 9999), expected);
}

void tst_Endpoint::plainAddress_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<QHostAddress>("expected");
    QTest::newRow("mapped IPv4") << QHostAddress(QStringLiteral("::ffff:127.1.2.3"))
                                 << QHostAddress(QStringLiteral("127.1.2.3"));
    QTest::newRow("IPv4 unchanged")
        << QHostAddress(QStringLiteral("127.1.2.3")) << QHostAddress(QStringLiteral("127.1.2.3"));
    QTest::newRow("IPv6 unchanged") << QHostAddress(QStringLiteral("2001:db8::1"))
                                    << QHostAddress(QStringLiteral("2001:db8::1"));
    QTest::newRow("::1 unchanged")
        << QHostAddress(QHostAddress::LocalHostIPv6) << QHostAddress(QHostAddress::LocalHostIPv6);
    QTest::newRow(":: unchanged") << QHostAddress(QHostAddress::AnyIPv6)
                                  << QHostAddress(QHostAddress::AnyIPv6);
}

void tst_Endpoint::plainAddress()
{
    QFETCH(QHostAddress, address);
    QFETCH(QHostAddress, expected);
    const QHostAddress plain = chorus::plainAddress(address);
    QCOMPARE(plain.protocol(), expected.protocol());
    QCOMPARE(plain.toString(), expected.toString());
}

QTEST_GUILESS_MAIN(tst_Endpoint)
#include "tst_endpoint.moc"
