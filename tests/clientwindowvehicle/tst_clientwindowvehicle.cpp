// The client window as a simulated vehicle (offscreen): --simulate starts it,
// a TAKEOFF line from a text peer is answered "OK TAKEOFF" through the
// window's engine, the Settings dialog has its page, and turning the setting
// off stops it.

#include "ClientSettings.h"
#include "ClientSettingsDialog.h"
#include "ClientWindow.h"
#include "SettingsForm.h"
#include "client/ClientEngine.h"
#include "client/SimulatedVehicle.h"

#include <QStandardPaths>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

class TestClientWindowVehicle : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void simulateAnswersATextTakeoff();
    void settingsDialogHasTheSimulatePage();

private:
    QTemporaryDir m_dir;
};

void TestClientWindowVehicle::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestClientWindowVehicle::simulateAnswersATextTakeoff()
{
    QTcpServer peer;
    QVERIFY(peer.listen(QHostAddress::LocalHost, 0));
    QByteArray received;
    QTcpSocket* link = nullptr;
    connect(&peer, &QTcpServer::newConnection, this, [&] {
        link = peer.nextPendingConnection();
        connect(link, &QTcpSocket::readyRead, this, [&] { received += link->readAll(); });
    });
    ClientWindowOptions options;
    options.settingsPath = m_dir.filePath(QStringLiteral("config/chorus-client.conf"));
    options.historyFolder = m_dir.filePath(QStringLiteral("history"));
    options.set(ClientSetting::Host, QStringLiteral("127.0.0.1"))
        .set(ClientSetting::Port, peer.serverPort())
        .set(ClientSetting::Protocol, QStringLiteral("plain"))
        .set(ClientSetting::Simulate, true)
        .set(ClientSetting::SimAckDelay, qint64(0))
        .set(ClientSetting::SimTelemetry, qint64(0))
        .set(ClientSetting::SimHeartbeat, qint64(0));
    ClientWindow window(options);
    window.show();
    QVERIFY(window.simulatedVehicle());
    QCOMPARE(window.simulatedVehicle()->config().ackDelay.count(), 0);
    window.connectOrDisconnect();
    QTRY_COMPARE(window.engine()->state(), ClientState::Connected);
    QTRY_VERIFY(link);
    link->write("TAKEOFF alt=10\n");
    QTRY_COMPARE(received, QByteArray("OK TAKEOFF\n"));
    QCOMPARE(window.simulatedVehicle()->simulation().targetAlt(), 10.0);
}

void TestClientWindowVehicle::settingsDialogHasTheSimulatePage()
{
    SettingValues current = ClientSettings::table().defaults();
    current.set(settingId(ClientSetting::SimResult), QStringLiteral("denied"));
    ClientSettingsDialog dialog(current);
    QCOMPARE(dialog.pages()->count(), 2);
    QVERIFY(dialog.simulateForm());
    const SettingValues values = dialog.values();
    QCOMPARE(values.get(settingId(ClientSetting::SimResult)).toString(), QStringLiteral("denied"));
    QCOMPARE(values.get(settingId(ClientSetting::Simulate)).toBool(), false);
    QCOMPARE(ClientSettings::simulationOf(values).result, MavResult::Denied);
}

QTEST_MAIN(TestClientWindowVehicle)
#include "tst_clientwindowvehicle.moc"
