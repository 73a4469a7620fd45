// TelemetryPanel and its model: the selected connection's latest values
// from the fleet, refreshed per batch, in place when the keys stay the same.
#include "TelemetryPanel.h"

#include "server/Fleet.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace chorus;

namespace {

VehicleEvent telemetry(quint64 id, const TelemetryValues& values, const TelemetryUnits& units = {})
{
    VehicleEvent event;
    event.kind = VehicleEvent::Kind::Telemetry;
    event.connectionId = id;
    event.at = VehicleEvent::Clock::now();
    event.values = values;
    event.units = units;
    return event;
}

} // namespace

class TestTelemetryPanel : public QObject
{
    Q_OBJECT
private slots:
    void showsSelectedConnection();
    void refreshesInPlaceOnItsBatchOnly();
    void heartbeatLine();
    void emptyWithoutSelection();
};

void TestTelemetryPanel::showsSelectedConnection()
{
    Fleet fleet;
    TelemetryPanel panel(&fleet);
    fleet.apply(
        {telemetry(1, {{"alt", 12.5}, {"bat", 87}}, {{"alt", "m"}}), telemetry(2, {{"alt", 99}})},
        {}, nullptr);
    panel.showConnection(1);
    TelemetryModel* model = panel.model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, TelemetryModel::KeyColumn).data().toString(), QStringLiteral("alt"));
    QCOMPARE(model->index(0, TelemetryModel::ValueColumn).data().toString(),
             QStringLiteral("12.5"));
    QCOMPARE(model->index(0, TelemetryModel::UnitColumn).data().toString(), QStringLiteral("m"));
    QCOMPARE(model->index(1, TelemetryModel::MaxColumn).data().toString(), QStringLiteral("87"));
    panel.showConnection(2);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->rows().first().value, 99.0);
}

void TestTelemetryPanel::refreshesInPlaceOnItsBatchOnly()
{
    Fleet fleet;
    TelemetryPanel panel(&fleet);
    QObject::connect(&fleet, &Fleet::telemetryChanged, &panel, &TelemetryPanel::onTelemetryChanged);
    fleet.apply({telemetry(1, {{"alt", 1}})}, {}, nullptr);
    panel.showConnection(1);
    QSignalSpy reset(panel.model(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(panel.model(), &QAbstractItemModel::dataChanged);
    fleet.apply({telemetry(1, {{"alt", 2}}), telemetry(1, {{"alt", 3}})}, {}, nullptr);
    fleet.apply({telemetry(2, {{"alt", 50}})}, {}, nullptr);
    fleet.publish(); // one batch: one refresh
    QCOMPARE(changed.size(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(panel.model()->rows().first().value, 3.0);
    QCOMPARE(panel.model()->rows().first().min, 1.0);
    // A connection that is gone takes its telemetry with it.
    fleet.apply({}, {1}, nullptr);
    panel.refresh();
    QCOMPARE(panel.model()->rowCount(), 0);
}

void TestTelemetryPanel::heartbeatLine()
{
    Fleet fleet;
    TelemetryPanel panel(&fleet);
    VehicleEvent beat;
    beat.kind = VehicleEvent::Kind::Heartbeat;
    beat.connectionId = 4;
    beat.at = VehicleEvent::Clock::now();
    beat.state = QStringLiteral("active");
    beat.mode = QStringLiteral("GUIDED");
    beat.armed = true;
    fleet.apply({beat}, {}, nullptr);
    panel.showConnection(4);
    QVERIFY(panel.heartbeatLabel()->text().contains(QStringLiteral("GUIDED")));
    QVERIFY(panel.heartbeatLabel()->text().contains(QStringLiteral("armed")));
}

void TestTelemetryPanel::emptyWithoutSelection()
{
    Fleet fleet;
    TelemetryPanel panel(&fleet);
    fleet.apply({telemetry(1, {{"alt", 1}})}, {}, nullptr);
    panel.showConnection(1);
    panel.showConnection(0);
    QCOMPARE(panel.model()->rowCount(), 0);
    QCOMPARE(panel.connection(), 0u);
}

QTEST_MAIN(TestTelemetryPanel)
#include "tst_telemetrypanel.moc"
