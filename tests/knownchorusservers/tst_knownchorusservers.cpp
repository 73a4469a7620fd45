// KnownChorusServers: host:port keys, most recent first, bounded, no duplicates.

#include "client/KnownChorusServers.h"

#include <QTest>

using namespace chorus;

class TestKnownChorusServers : public QObject
{
    Q_OBJECT
private slots:
    void keys_data();
    void keys();
    void addMovesToFrontRemoveForgets();
    void boundedAndClean();
};

void TestKnownChorusServers::keys_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("key");
    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1") << QStringLiteral("127.0.0.1:9999");
    QTest::newRow("name, any case")
        << QStringLiteral(" Bench-7.LOCAL ") << QStringLiteral("bench-7.local:9999");
    QTest::newRow("ipv6") << QStringLiteral("::1") << QStringLiteral("[::1]:9999");
    QTest::newRow("ipv6 bracketed") << QStringLiteral("[::1]") << QStringLiteral("[::1]:9999");
}

void TestKnownChorusServers::keys()
{
    QFETCH(QString, host);
    QFETCH(QString, key);
    QCOMPARE(KnownChorusServers::keyOf(host, 9999), key);
}

void TestKnownChorusServers::addMovesToFrontRemoveForgets()
{
    KnownChorusServers known;
    QVERIFY(known.add(QStringLiteral("a:1")));
    QVERIFY(known.add(QStringLiteral("b:2")));
    QVERIFY(!known.add(QStringLiteral("b:2"))); // already first: no change
    QVERIFY(known.add(QStringLiteral("a:1")));
    QCOMPARE(known.keys(), (QStringList{QStringLiteral("a:1"), QStringLiteral("b:2")}));
    QVERIFY(known.contains(QStringLiteral("b:2")));
    QVERIFY(known.remove(QStringLiteral("b:2")));
    QVERIFY(!known.remove(QStringLiteral("b:2")));
    QVERIFY(!known.contains(QStringLiteral("b:2")));
    QVERIFY(!known.add(QString()));
}

void TestKnownChorusServers::boundedAndClean()
{
    KnownChorusServers known;
    for (int i = 0; i < KnownChorusServers::kMaxEntries + 10; ++i)
        known.add(QStringLiteral("host:%1").arg(i));
    QCOMPARE(known.keys().size(), KnownChorusServers::kMaxEntries);
    QCOMPARE(known.keys().first(),
             QStringLiteral("host:%1").arg(KnownChorusServers::kMaxEntries + 9));
    // From a settings file: duplicates and empty entries are dropped.
    const KnownChorusServers loaded(
        {QStringLiteral("a:1"), QString(), QStringLiteral("a:1"), QStringLiteral("b:2")});
    QCOMPARE(loaded.keys(), (QStringList{QStringLiteral("a:1"), QStringLiteral("b:2")}));
}

QTEST_APPLESS_MAIN(TestKnownChorusServers)
#include "tst_knownchorusservers.moc"
