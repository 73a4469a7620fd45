// UdpPeerTable: lookup by endpoint and id, expiry oldest first, the cap.

#include "server/UdpPeerTable.h"

#include <QTest>

using namespace chorus;

namespace {
UdpEndpoint endpoint(quint16 port)
{
    return UdpEndpoint{QHostAddress(QHostAddress::LocalHost), port};
}
} // namespace

class TestUdpPeerTable : public QObject
{
    Q_OBJECT
private slots:
    void findsByEndpointAndId()
    {
        UdpPeerTable table(10);
        QVERIFY(table.makeRoom(0, 1000, nullptr));
        table.add(endpoint(1000), 7, 0);
        QVERIFY(table.find(endpoint(1000)));
        QCOMPARE(table.find(endpoint(1000))->snapshot.id, quint64(7));
        QCOMPARE(table.byId(7)->endpoint.port, quint16(1000));
        QVERIFY(!table.find(endpoint(1001)));
        // The same port on another address is another peer.
        QVERIFY(!table.find(UdpEndpoint{QHostAddress(QHostAddress::LocalHostIPv6), 1000}));
        QVERIFY(table.remove(7));
        QVERIFY(!table.find(endpoint(1000)));
        QCOMPARE(table.size(), 0);
    }

    void expiresOldestIdleFirst()
    {
        UdpPeerTable table(10);
        table.add(endpoint(1), 1, 0);
        table.add(endpoint(2), 2, 100);
        table.add(endpoint(3), 3, 200);
        table.touch(table.byId(1), 300); // 1 spoke last: 2 is now the oldest
        const QList<UdpPeer> gone = table.expire(1250, 1000);
        QCOMPARE(gone.size(), 2);
        QCOMPARE(gone[0].snapshot.id, quint64(2));
        QCOMPARE(gone[1].snapshot.id, quint64(3));
        QCOMPARE(table.size(), 1);
        QVERIFY(table.byId(1));
        QVERIFY(table.expire(1250, 1000).isEmpty());
    }

    void capRefusesWhilePeersAreBusy_data()
    {
        QTest::addColumn<qint64>("now");
        QTest::addColumn<bool>("room");
        QTest::newRow("oldest quiet 500 ms: refused") << qint64(500) << false;
        QTest::newRow("oldest quiet 1000 ms: evicted") << qint64(1000) << true;
    }
    void capRefusesWhilePeersAreBusy()
    {
        QFETCH(qint64, now);
        QFETCH(bool, room);
        UdpPeerTable table(2);
        table.add(endpoint(1), 1, 0);
        table.add(endpoint(2), 2, 400);
        std::optional<UdpPeer> evicted;
        QCOMPARE(table.makeRoom(now, 1000, &evicted), room);
        QCOMPARE(evicted.has_value(), room);
        if (room) {
            QCOMPARE(evicted->snapshot.id, quint64(1));
            table.add(endpoint(3), 3, now);
        }
        QCOMPARE(table.size(), 2);
    }

    void takeAllEmptiesTheTable()
    {
        UdpPeerTable table(5);
        for (quint16 i = 1; i <= 5; ++i)
            table.add(endpoint(i), i, i);
        QCOMPARE(table.takeAll().size(), 5);
        QVERIFY(table.isEmpty());
        QVERIFY(!table.byId(3));
    }
};

QTEST_GUILESS_MAIN(TestUdpPeerTable)
#include "tst_udppeertable.moc"
