// TelemetryStore: latest value, unit, age, rate, min/max per key and
// connection; bounded; NaN/Inf refused and counted.
#include "command/TelemetryStore.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace chorus;
using namespace std::chrono_literals;

class TestTelemetryStore : public QObject
{
    Q_OBJECT
private slots:
    void latestMinMaxUnitAge();
    void rate();
    void nonFiniteRefused_data();
    void nonFiniteRefused();
    void keysPerPeerBounded();
    void removeFreesKeys();
    void connectionsAreSeparate();
};

void TestTelemetryStore::latestMinMaxUnitAge()
{
    TelemetryStore store;
    const auto t0 = TelemetryStore::Clock::now();
    store.add(1, {{"alt", 5}, {"bat", 90}}, {{"alt", "m"}}, t0);
    store.add(1, {{"alt", 12.5}}, {}, t0 + 100ms);
    store.add(1, {{"alt", 3}}, {}, t0 + 200ms);
    const QList<TelemetryRow> rows = store.rows(1, t0 + 700ms);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).key, QStringLiteral("alt"));
    QCOMPARE(rows.at(0).value, 3.0);
    QCOMPARE(rows.at(0).unit, QStringLiteral("m")); // kept from the first message
    QCOMPARE(rows.at(0).min, 3.0);
    QCOMPARE(rows.at(0).max, 12.5);
    QCOMPARE(rows.at(0).samples, 3u);
    QCOMPARE(rows.at(0).ageMs, 500.0);
    QCOMPARE(rows.at(1).key, QStringLiteral("bat"));
    QCOMPARE(rows.at(1).ageMs, 700.0);
    QCOMPARE(store.latest(1, "alt"), std::optional<double>(3.0));
    QVERIFY(!store.latest(1, "nope"));
}

void TestTelemetryStore::rate()
{
    TelemetryStore store;
    const auto t0 = TelemetryStore::Clock::now();
    // 10 per second for 6 s: the first full window says 10/s.
    for (int i = 0; i <= 60; ++i)
        store.add(1, {{"alt", double(i)}}, {}, t0 + i * 100ms);
    QCOMPARE(store.rows(1, t0 + 6s).at(0).ratePerSecond, 10.0);
    // Before a full window the rate is taken from the samples so far.
    TelemetryStore young;
    for (int i = 0; i <= 4; ++i)
        young.add(2, {{"v", 1}}, {}, t0 + i * 250ms);
    QCOMPARE(young.rows(2, t0 + 1s).at(0).ratePerSecond, 4.0);
}

void TestTelemetryStore::nonFiniteRefused_data()
{
    QTest::addColumn<double>("value");
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("inf") << std::numeric_limits<double>::infinity();
    QTest::newRow("-inf") << -std::numeric_limits<double>::infinity();
}

void TestTelemetryStore::nonFiniteRefused()
{
    QFETCH(double, value);
    TelemetryStore store;
    const TelemetryStore::AddResult result =
        store.add(1, {{"bad", value}, {"good", 1}}, {}, TelemetryStore::Clock::now());
    QCOMPARE(result.stored, 1);
    QCOMPARE(result.refusedNonFinite, 1);
    QCOMPARE(store.refusedNonFinite(), 1u);
    QVERIFY(!store.latest(1, "bad"));
}

void TestTelemetryStore::keysPerPeerBounded()
{
    TelemetryStore store;
    TelemetryValues values;
    for (int i = 0; i < 10000; ++i)
        values.insert(QStringLiteral("k%1").arg(i), i);
    const TelemetryStore::AddResult result = store.add(1, values, {}, TelemetryStore::Clock::now());
    QCOMPARE(result.stored, int(TelemetryStore::kMaxKeysPerPeer));
    QCOMPARE(result.refusedOverLimit, 10000 - int(TelemetryStore::kMaxKeysPerPeer));
    QCOMPARE(store.rows(1, TelemetryStore::Clock::now()).size(), TelemetryStore::kMaxKeysPerPeer);
    QCOMPARE(store.totalKeys(), TelemetryStore::kMaxKeysPerPeer);
    // Known keys still update when the peer is full.
    QCOMPARE(store.add(1, {{"k0", -1}}, {}, TelemetryStore::Clock::now()).stored, 1);
}

void TestTelemetryStore::removeFreesKeys()
{
    TelemetryStore store;
    store.add(1, {{"a", 1}, {"b", 2}}, {}, TelemetryStore::Clock::now());
    store.add(2, {{"a", 1}}, {}, TelemetryStore::Clock::now());
    QCOMPARE(store.totalKeys(), 3);
    store.remove(1);
    QCOMPARE(store.totalKeys(), 1);
    QVERIFY(store.rows(1, TelemetryStore::Clock::now()).isEmpty());
}

void TestTelemetryStore::connectionsAreSeparate()
{
    TelemetryStore store;
    store.add(1, {{"alt", 1}}, {}, TelemetryStore::Clock::now());
    store.add(2, {{"alt", 2}}, {}, TelemetryStore::Clock::now());
    QCOMPARE(store.latest(1, "alt"), std::optional<double>(1));
    QCOMPARE(store.latest(2, "alt"), std::optional<double>(2));
    VehicleHeartbeat beat;
    beat.state = QStringLiteral("active");
    store.setHeartbeat(2, beat);
    QCOMPARE(store.heartbeat(2).state, QStringLiteral("active"));
    QVERIFY(store.heartbeat(1).state.isEmpty());
}

QTEST_GUILESS_MAIN(TestTelemetryStore)
#include "tst_telemetrystore.moc"
