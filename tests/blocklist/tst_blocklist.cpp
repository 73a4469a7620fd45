// BlockList: blocks by address (mapped IPv4 as IPv4), ends on time, lifts
// one or all, and tells by its version when it changed.

#include "server/BlockList.h"

#include <QtTest>

using namespace chorus;

class TestBlockList : public QObject
{
    Q_OBJECT
private slots:
    void blocksUntilItsTime();
    void mappedIpv4IsTheSameAddress();
    void unblockOneOrAll();
};

void TestBlockList::blocksUntilItsTime()
{
    BlockList list;
    QVERIFY(list.isEmpty());
    const QDateTime now = QDateTime::currentDateTime();
    const QHostAddress peer(QStringLiteral("192.0.2.7"));
    QVERIFY(!list.find(peer, now));
    const quint64 before = list.version();
    list.block(peer, now.addSecs(60), PeerProtocol::Chorus);
    QVERIFY(!list.isEmpty());
    QVERIFY(list.version() > before);
    const auto found = list.find(peer, now);
    QVERIFY(found);
    QCOMPARE(found->protocol, PeerProtocol::Chorus);
    QCOMPARE(found->until, now.addSecs(60));
    QVERIFY(!list.find(QHostAddress(QStringLiteral("192.0.2.8")), now));

    // A minute later it is over, and that counts as a change.
    const quint64 blocked = list.version();
    QVERIFY(!list.find(peer, now.addSecs(60)));
    QVERIFY(list.isEmpty());
    QVERIFY(list.version() > blocked);
    QVERIFY(list.entries(now).isEmpty());
}

void TestBlockList::mappedIpv4IsTheSameAddress()
{
    BlockList list;
    const QDateTime now = QDateTime::currentDateTime();
    list.block(QHostAddress(QStringLiteral("::ffff:127.0.0.1")), now.addSecs(60),
               PeerProtocol::Text);
    QVERIFY(list.find(QHostAddress(QHostAddress::LocalHost), now));
    QCOMPARE(list.entries(now).first().address, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(!list.find(QHostAddress(QHostAddress::LocalHostIPv6), now));
}

void TestBlockList::unblockOneOrAll()
{
    BlockList list;
    const QDateTime now = QDateTime::currentDateTime();
    list.block(QHostAddress(QStringLiteral("192.0.2.1")), now.addSecs(120), PeerProtocol::Text);
    list.block(QHostAddress(QStringLiteral("192.0.2.2")), now.addSecs(60), PeerProtocol::Text);
    QCOMPARE(list.entries(now).size(), 2);
    QCOMPARE(list.entries(now).first().address, QHostAddress(QStringLiteral("192.0.2.2")));
    list.unblock(QHostAddress(QStringLiteral("192.0.2.2")));
    QCOMPARE(list.entries(now).size(), 1);
    const quint64 version = list.version();
    list.unblock(QHostAddress(QStringLiteral("192.0.2.99"))); // not there: no change
    QCOMPARE(list.version(), version);
    list.clear();
    QVERIFY(list.isEmpty());
    QVERIFY(list.version() > version);
}

QTEST_GUILESS_MAIN(TestBlockList)
#include "tst_blocklist.moc"
