// VehicleSimulation with exact times: altitude follows TAKEOFF and LAND at
// the climb rate, the battery drains faster in the air, the drift is the
// seed's, and decide() answers each kind of command as documented.

#include "client/VehicleSimulation.h"

#include <QTest>

using namespace chorus;
using namespace std::chrono_literals;

class TestVehicleSimulation : public QObject
{
    Q_OBJECT
private slots:
    void altitudeFollowsTakeoffAndLand();
    void batteryDrainsFasterInTheAir();
    void driftIsTheSeeds();
    void decide_data();
    void decide();
    void setModeAndArm();
};

void TestVehicleSimulation::altitudeFollowsTakeoffAndLand()
{
    VehicleSimulation vehicle;
    vehicle.apply(QStringLiteral("TAKEOFF"), {{QStringLiteral("alt"), 10}});
    QVERIFY(vehicle.values().armed);
    QCOMPARE(vehicle.targetAlt(), 10.0);
    vehicle.advance(1000ms);
    QCOMPARE(vehicle.values().alt, VehicleSimulation::kClimbRate);
    vehicle.advance(60s); // never past the target
    QCOMPARE(vehicle.values().alt, 10.0);
    vehicle.apply(QStringLiteral("LAND"), {});
    vehicle.advance(2s);
    QCOMPARE(vehicle.values().alt, 10.0 - 2 * VehicleSimulation::kClimbRate);
    vehicle.advance(60s);
    QCOMPARE(vehicle.values().alt, 0.0);
    // A text argument counts as well as a number.
    vehicle.apply(QStringLiteral("TAKEOFF"), {{QStringLiteral("alt"), QStringLiteral("4.5")}});
    QCOMPARE(vehicle.targetAlt(), 4.5);
}

void TestVehicleSimulation::batteryDrainsFasterInTheAir()
{
    VehicleSimulation ground;
    ground.advance(100s);
    QCOMPARE(ground.values().bat, 100.0 - 100 * VehicleSimulation::kDrainOnGround);
    VehicleSimulation flying;
    flying.apply(QStringLiteral("TAKEOFF"), {{QStringLiteral("alt"), 1000}});
    flying.advance(1ms); // off the ground
    const double before = flying.values().bat;
    flying.advance(100s);
    QCOMPARE(before - flying.values().bat, 100 * VehicleSimulation::kDrainInAir);
    flying.advance(std::chrono::hours(10)); // never below empty
    QCOMPARE(flying.values().bat, 0.0);
}

void TestVehicleSimulation::driftIsTheSeeds()
{
    VehicleSimulation a(7);
    VehicleSimulation b(7);
    VehicleSimulation c(8);
    for (int i = 0; i < 10; ++i) {
        a.advance(1s);
        b.advance(1s);
        c.advance(1s);
    }
    QCOMPARE(a.values().lat, b.values().lat);
    QCOMPARE(a.values().lon, b.values().lon);
    QVERIFY(a.values().lat != c.values().lat);
    QVERIFY(std::abs(a.values().lat - VehicleValues().lat) <=
            10 * VehicleSimulation::kDriftDegrees);
}

void TestVehicleSimulation::decide_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("args");
    QTest::addColumn<MavResult>("chosen");
    QTest::addColumn<MavResult>("expected");
    const QJsonObject alt{{QStringLiteral("alt"), 10}};
    QTest::newRow("takeoff") << "TAKEOFF" << alt << MavResult::Accepted << MavResult::Accepted;
    QTest::newRow("takeoff, no alt")
        << "TAKEOFF" << QJsonObject() << MavResult::Accepted << MavResult::Denied;
    QTest::newRow("takeoff, alt=high")
        << "TAKEOFF" << QJsonObject{{QStringLiteral("alt"), QStringLiteral("high")}}
        << MavResult::Accepted << MavResult::Denied;
    QTest::newRow("takeoff, negative") << "TAKEOFF" << QJsonObject{{QStringLiteral("alt"), -1}}
                                       << MavResult::Accepted << MavResult::Denied;
    QTest::newRow("chosen denied")
        << "ARM" << QJsonObject() << MavResult::Denied << MavResult::Denied;
    QTest::newRow("chosen failed")
        << "LAND" << QJsonObject() << MavResult::Failed << MavResult::Failed;
    QTest::newRow("unknown") << "FLIP" << QJsonObject() << MavResult::Accepted
                             << MavResult::Unsupported;
    QTest::newRow("unknown, chosen denied")
        << "FLIP" << QJsonObject() << MavResult::Denied << MavResult::Unsupported;
}

void TestVehicleSimulation::decide()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, args);
    QFETCH(MavResult, chosen);
    QFETCH(MavResult, expected);
    QCOMPARE(VehicleSimulation().decide(name, args, chosen), expected);
}

void TestVehicleSimulation::setModeAndArm()
{
    VehicleSimulation vehicle;
    vehicle.apply(QStringLiteral("SET_MODE"), {{QStringLiteral("mode"), QStringLiteral("AUTO")}});
    QCOMPARE(vehicle.values().mode, QStringLiteral("AUTO"));
    vehicle.apply(QStringLiteral("ARM"), {});
    QVERIFY(vehicle.values().armed);
    vehicle.apply(QStringLiteral("DISARM"), {});
    QVERIFY(!vehicle.values().armed);
}

QTEST_GUILESS_MAIN(TestVehicleSimulation)
#include "tst_vehiclesimulation.moc"
