#include "client/VehicleSimulation.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace chorus {

namespace {

const QStringList kKnownCommands = {QStringLiteral("ARM"),     QStringLiteral("DISARM"),
                                    QStringLiteral("TAKEOFF"), QStringLiteral("LAND"),
                                    QStringLiteral("RTL"),     QStringLiteral("SET_MODE")};

std::optional<double> altitudeArgument(const QJsonObject& args)
{
    const QJsonValue value = args.value(QStringLiteral("alt"));
    bool ok = value.isDouble();
    const double alt = ok ? value.toDouble() : value.toString().toDouble(&ok);
    if (!ok || !std::isfinite(alt) || alt < 0.0 || alt > 10000.0)
        return std::nullopt;
    return alt;
}

} // namespace

VehicleSimulation::VehicleSimulation(quint32 seed) : m_random(seed) {}

void VehicleSimulation::advance(std::chrono::milliseconds elapsed)
{
    const double seconds = std::max<qint64>(0, elapsed.count()) / 1000.0;
    const double step = kClimbRate * seconds;
    if (m_values.alt < m_targetAlt)
        m_values.alt = std::min(m_targetAlt, m_values.alt + step);
    else
        m_values.alt = std::max(m_targetAlt, m_values.alt - step);
    const bool flying = m_values.alt > 0.0;
    m_values.bat = std::max(0.0, m_values.bat - (flying ? kDrainInAir : kDrainOnGround) * seconds);
    std::uniform_real_distribution<double> drift(-kDriftDegrees, kDriftDegrees);
    m_values.lat += drift(m_random) * seconds;
    m_values.lon += drift(m_random) * seconds;
}

MavResult VehicleSimulation::decide(const QString& name, const QJsonObject& args,
                                    MavResult chosen) const
{
    if (!kKnownCommands.contains(name))
        return MavResult::Unsupported;
    if (chosen != MavResult::Accepted)
        return chosen;
    if (name == QLatin1String("TAKEOFF") && !altitudeArgument(args))
        return MavResult::Denied;
    return MavResult::Accepted;
}

void VehicleSimulation::apply(const QString& name, const QJsonObject& args)
{
    if (name == QLatin1String("ARM")) {
        m_values.armed = true;
    } else if (name == QLatin1String("DISARM")) {
        m_values.armed = false;
    } else if (name == QLatin1String("TAKEOFF")) {
        m_values.armed = true;
        m_targetAlt = altitudeArgument(args).value_or(m_targetAlt);
    } else if (name == QLatin1String("LAND") || name == QLatin1String("RTL")) {
        m_targetAlt = 0.0;
    } else if (name == QLatin1String("SET_MODE")) {
        const QString mode = args.value(QStringLiteral("mode")).toString();
        if (!mode.isEmpty())
            m_values.mode = mode;
    }
}

} // namespace chorus
