#pragma once

// The make-believe vehicle behind SimulatedVehicle: no sockets, no timers,
// only state that moves when advance() is called, so tests drive it with
// exact times. Altitude climbs or sinks towards its target at kClimbRate
// (TAKEOFF alt=X sets the target, LAND and RTL set 0), the battery drains
// (faster in the air), and the position drifts a little each step (a
// deterministic walk from the seed, so two vehicles drift apart).
//
// decide() is what the vehicle answers a command, by name (MAVLink's names,
// upper case) and arguments: the chosen result for a known command
// (ARM, DISARM, TAKEOFF, LAND, RTL, SET_MODE), Unsupported for another,
// Denied for a TAKEOFF with no usable alt= argument; an accepted command
// takes effect (apply()) when its final ack goes.

#include "wire/VehicleTypes.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <random>

namespace chorus {

struct VehicleValues
{
    double alt = 0.0;   // m above home
    double bat = 100.0; // %
    double lat = 37.5665;
    double lon = 126.978;
    bool armed = false;
    QString mode = QStringLiteral("GUIDED");
};

class VehicleSimulation
{
public:
    static constexpr double kClimbRate = 2.0;        // m/s, up and down
    static constexpr double kDrainOnGround = 0.01;   // %/s
    static constexpr double kDrainInAir = 0.1;       // %/s
    static constexpr double kDriftDegrees = 0.00001; // per second, at most, each axis

    explicit VehicleSimulation(quint32 seed = 1);

    const VehicleValues& values() const { return m_values; }
    double targetAlt() const { return m_targetAlt; }

    // Moves the vehicle on by `elapsed`.
    void advance(std::chrono::milliseconds elapsed);

    // What the vehicle answers; `chosen` is the result set for known commands.
    MavResult decide(const QString& name, const QJsonObject& args, MavResult chosen) const;
    // An accepted command's effect.
    void apply(const QString& name, const QJsonObject& args);

private:
    VehicleValues m_values;
    double m_targetAlt = 0.0;
    std::mt19937 m_random;
};

} // namespace chorus
