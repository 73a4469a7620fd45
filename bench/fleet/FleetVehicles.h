#pragma once

// The simulated fleet of chorus-fleet-bench: N Chorus sessions over TCP, each
// with its UDP channel (PROTOCOL.md §5.4) carrying telemetry R times a second
// and a heartbeat every second, answering every cmd with an accepted ack.
// Lives on a thread of its own, so the window's thread only serves the window.
// Loopback only: the server address is 127.0.0.1.

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <vector>

class QTcpSocket;
class QUdpSocket;

namespace chorus::bench {

class FleetVehicles : public QObject
{
    Q_OBJECT
public:
    FleetVehicles(quint16 tcpPort, int vehicles, int telemetryHz);
    ~FleetVehicles() override;

    // In the fleet's thread (QMetaObject::invokeMethod).
    void start();
    void stop();

    std::atomic<int> welcomed{0};
    std::atomic<quint64> telemetrySent{0};
    std::atomic<quint64> heartbeatsSent{0};
    std::atomic<quint64> commandsReceived{0};
    std::atomic<quint64> acksSent{0};

private:
    struct Vehicle
    {
        QTcpSocket* tcp = nullptr;
        QUdpSocket* udp = nullptr;
        QByteArray token; // from the welcome; empty before
        quint16 udpPort = 0;
        QByteArray pending; // TCP bytes without their LF yet
        double altitude = 0;
        double battery = 100;
    };
    void connectSome();
    void onReadyRead(int index);
    void onLine(Vehicle& vehicle, const QByteArray& line);
    void tick();

    quint16 m_tcpPort;
    int m_count;
    int m_telemetryHz;
    std::vector<Vehicle> m_vehicles;
    int m_nextToConnect = 0;
    quint64 m_ticks = 0;
    QTimer m_connectTimer;
    QTimer m_tickTimer;
};

} // namespace chorus::bench
