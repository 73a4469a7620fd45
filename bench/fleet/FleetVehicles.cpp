#include "FleetVehicles.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QUdpSocket>

#include <chrono>

namespace chorus::bench {

namespace {
constexpr int kConnectsPerStep = 50;                  // every kConnectStep
constexpr std::chrono::milliseconds kConnectStep{10}; // 5,000 connections a second
constexpr std::chrono::milliseconds kTick{10};        // the telemetry clock
constexpr int kTicksPerSecond = 100;
} // namespace

FleetVehicles::FleetVehicles(quint16 tcpPort, int vehicles, int telemetryHz)
    : m_tcpPort(tcpPort), m_count(vehicles), m_telemetryHz(telemetryHz),
      m_connectTimer(this), m_tickTimer(this) // children: they move with the fleet's thread
{}

FleetVehicles::~FleetVehicles() = default;

void FleetVehicles::start()
{
    m_vehicles.resize(std::size_t(m_count));
    connect(&m_connectTimer, &QTimer::timeout, this, &FleetVehicles::connectSome);
    connect(&m_tickTimer, &QTimer::timeout, this, &FleetVehicles::tick);
    m_connectTimer.start(kConnectStep);
    m_tickTimer.setTimerType(Qt::PreciseTimer);
    m_tickTimer.start(kTick);
}

void FleetVehicles::stop()
{
    m_connectTimer.stop();
    m_tickTimer.stop();
    for (Vehicle& vehicle : m_vehicles) {
        delete vehicle.tcp;
        delete vehicle.udp;
        vehicle = {};
    }
}

void FleetVehicles::connectSome()
{
    for (int i = 0; i < kConnectsPerStep && m_nextToConnect < m_count; ++i) {
        const int index = m_nextToConnect++;
        auto* socket = new QTcpSocket;
        m_vehicles[std::size_t(index)].tcp = socket;
        connect(socket, &QTcpSocket::connected, socket, [socket, index] {
            socket->write(R"({"type":"hello","proto":1,"name":"bench-v)" +
                          QByteArray::number(index) + "\"}\n");
        });
        connect(socket, &QTcpSocket::readyRead, this, [this, index] { onReadyRead(index); });
        socket->connectToHost(QHostAddress(QHostAddress::LocalHost), m_tcpPort);
    }
    if (m_nextToConnect >= m_count)
        m_connectTimer.stop();
}

void FleetVehicles::onReadyRead(int index)
{
    Vehicle& vehicle = m_vehicles[std::size_t(index)];
    vehicle.pending += vehicle.tcp->readAll();
    qsizetype end = 0;
    while ((end = vehicle.pending.indexOf('\n')) >= 0) {
        const QByteArray line = vehicle.pending.left(end);
        vehicle.pending.remove(0, end + 1);
        onLine(vehicle, line);
    }
}

void FleetVehicles::onLine(Vehicle& vehicle, const QByteArray& line)
{
    const QJsonObject message = QJsonDocument::fromJson(line).object();
    const QString type = message.value(QLatin1String("type")).toString();
    if (type == QLatin1String("welcome")) {
        vehicle.token = message.value(QLatin1String("token")).toString().toLatin1();
        vehicle.udpPort = quint16(message.value(QLatin1String("udp")).toInt());
        if (vehicle.token.isEmpty() || vehicle.udpPort == 0)
            return; // the server has no UDP: nothing to send over it
        vehicle.udp = new QUdpSocket;
        vehicle.udp->bind(QHostAddress(QHostAddress::LocalHost), 0);
        ++welcomed;
    } else if (type == QLatin1String("cmd")) {
        ++commandsReceived;
        vehicle.altitude = 10;
        vehicle.tcp->write(R"({"type":"ack","re":)" +
                           QByteArray::number(message.value(QLatin1String("cmd")).toInteger()) +
                           R"(,"result":"accepted"})"
                           "\n");
        ++acksSent;
    }
}

void FleetVehicles::tick()
{
    const quint64 tick = m_ticks++;
    const int telemetryEvery = std::max(1, kTicksPerSecond / m_telemetryHz);
    for (int i = 0; i < m_count; ++i) {
        Vehicle& vehicle = m_vehicles[std::size_t(i)];
        if (!vehicle.udp)
            continue;
        const QHostAddress server(QHostAddress::LocalHost);
        // Spread over the ticks: vehicle i speaks on its own ticks, not all at once.
        if ((tick + quint64(i)) % quint64(telemetryEvery) == 0) {
            vehicle.battery = std::max(0.0, vehicle.battery - 0.001);
            const QByteArray datagram = R"({"type":"telemetry","values":{"alt":)" +
                                        QByteArray::number(vehicle.altitude) + R"(,"bat":)" +
                                        QByteArray::number(vehicle.battery, 'f', 3) +
                                        R"(},"token":")" + vehicle.token + "\"}";
            if (vehicle.udp->writeDatagram(datagram, server, vehicle.udpPort) > 0)
                ++telemetrySent;
        }
        if ((tick + quint64(i)) % kTicksPerSecond == 0) {
            const QByteArray datagram =
                R"({"type":"heartbeat","mode":"GUIDED","token":")" + vehicle.token + "\"}";
            if (vehicle.udp->writeDatagram(datagram, server, vehicle.udpPort) > 0)
                ++heartbeatsSent;
        }
    }
}

} // namespace chorus::bench
