// ListenAddress: what each choice binds ("localhost" is 127.0.0.1 and ::1),
// and the text it is typed and saved as.

#include "server/ListenAddress.h"

#include <QtTest>

using namespace chorus;

class TestListenAddress : public QObject
{
    Q_OBJECT
private slots:
    void fromTextAndBack_data();
    void fromTextAndBack();
    void refused_data();
    void refused();
    void aQHostAddressIsOneAddress();
};

void TestListenAddress::fromTextAndBack_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<QHostAddress>>("binds");
    QTest::newRow("any") << " ANY "
                         << "any" << QList<QHostAddress>{QHostAddress(QHostAddress::Any)};
    QTest::newRow("localhost") << "LocalHost"
                               << "localhost"
                               << QList<QHostAddress>{QHostAddress(QHostAddress::LocalHost),
                                                      QHostAddress(QHostAddress::LocalHostIPv6)};
    QTest::newRow("ipv4") << "127.0.1.5"
                          << "127.0.1.5" << QList<QHostAddress>{QHostAddress("127.0.1.5")};
    QTest::newRow("ipv6 in brackets") << "[fd00::2]"
                                      << "fd00::2" << QList<QHostAddress>{QHostAddress("fd00::2")};
    QTest::newRow("loopback alone")
        << "127.0.0.1"
        << "127.0.0.1" << QList<QHostAddress>{QHostAddress(QHostAddress::LocalHost)};
}

void TestListenAddress::fromTextAndBack()
{
    QFETCH(QString, typed);
    QFETCH(QString, text);
    QFETCH(QList<QHostAddress>, binds);
    const std::optional<ListenAddress> address = ListenAddress::fromText(typed);
    QVERIFY(address);
    QCOMPARE(address->text(), text);
    QCOMPARE(address->bindAddresses(), binds);
    QCOMPARE(ListenAddress::fromText(address->text()), address); // saved and read back
}

void TestListenAddress::refused_data()
{
    QTest::addColumn<QString>("typed");
    QTest::newRow("empty") << "";
    QTest::newRow("host name") << "example.org";
    QTest::newRow("brackets only") << "[]";
    QTest::newRow("address and port") << "127.0.0.1:99";
}

void TestListenAddress::refused()
{
    QFETCH(QString, typed);
    QVERIFY(!ListenAddress::fromText(typed));
}

void TestListenAddress::aQHostAddressIsOneAddress()
{
    QCOMPARE(ListenAddress(QHostAddress::Any), ListenAddress::allInterfaces());
    QCOMPARE(ListenAddress(QHostAddress::AnyIPv6), ListenAddress::allInterfaces());
    const ListenAddress one(QHostAddress::LocalHost);
    QCOMPARE(one.scope(), ListenAddress::Scope::OneAddress);
    QVERIFY(one != ListenAddress::thisMachine());
    QCOMPARE(ListenAddress().scope(), ListenAddress::Scope::AllInterfaces);
}

QTEST_GUILESS_MAIN(TestListenAddress)
#include "tst_listenaddress.moc"
