// ClientWindow: the session log (--session-log DIR, or the saved folder).

#include "ClientSettings.h"
#include "ClientWindow.h"
#include "client/ClientSessionRecorder.h"
#include "client/SimulatedVehicle.h"

namespace chorus {

void ClientWindow::applySessionLog()
{
    const QString folder = m_current.get(settingId(ClientSetting::SessionLog)).toString();
    if (folder == m_recorderFolder)
        return;
    delete m_recorder;
    m_recorder = nullptr;
    m_recorderFolder = folder;
    if (folder.isEmpty())
        return;
    m_recorder = new ClientSessionRecorder(m_engine, folder, this);
    if (m_vehicle)
        m_recorder->watch(m_vehicle);
    connect(m_recorder, &ClientSessionRecorder::stopped, this,
            [this](const SessionLogProblem& problem) {
                addWindowEntry(tr("The session log stopped (%1: %2); the client goes on without "
                                  "it")
                                   .arg(problem.path, problem.reason),
                               true);
            });
    addWindowEntry(tr("Session log: %1").arg(folder), false);
}

} // namespace chorus
