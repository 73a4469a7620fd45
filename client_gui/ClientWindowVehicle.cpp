// ClientWindow: the simulated vehicle (Settings → Simulate vehicle, --simulate).

#include "ClientSettings.h"
#include "ClientWindow.h"
#include "client/ClientSessionRecorder.h"
#include "client/SimulatedVehicle.h"
#include "wire/VehicleMessages.h"

namespace chorus {

void ClientWindow::applySimulation()
{
    if (!ClientSettings::simulates(m_current)) {
        if (m_vehicle) {
            delete m_vehicle;
            m_vehicle = nullptr;
            addWindowEntry(tr("Simulated vehicle stopped"), false);
        }
        return;
    }
    const SimulationConfig simulation = ClientSettings::simulationOf(m_current);
    if (m_vehicle) {
        m_vehicle->setConfig(simulation);
        return;
    }
    m_vehicle = new SimulatedVehicle(m_engine, simulation, this);
    if (m_recorder)
        m_recorder->watch(m_vehicle);
    // Text acks show in the history as sent messages; a Chorus ack is not a
    // message, so its final result gets a line of its own.
    connect(m_vehicle, &SimulatedVehicle::acknowledged, this,
            [this](const VehicleCommand& command, MavResult result, std::optional<int>) {
                if (command.fromCmd && isFinalMavResult(result))
                    addWindowEntry(tr("Simulated vehicle: command %1 (#%2) answered %3")
                                       .arg(command.name)
                                       .arg(command.seq)
                                       .arg(mavResultName(result)),
                                   false);
            });
    addWindowEntry(tr("Simulated vehicle on: commands are answered %1 after %2 ms; telemetry "
                      "every %3 ms")
                       .arg(mavResultName(simulation.result))
                       .arg(simulation.ackDelay.count())
                       .arg(simulation.telemetryInterval.count()),
                   false);
}

} // namespace chorus
