#pragma once

// --session-log DIR for the client: what the engine (and a simulated vehicle)
// does, as session-log lines (base/SessionLog.h): connect, disconnect, each
// message out and in with its exact bytes, commands and acks. A failed write
// (a full disk) stops the log and is reported once by stopped(); the client
// goes on.

#include "base/SessionLog.h"
#include "wire/VehicleTypes.h"

#include <QObject>

#include <memory>
#include <optional>

namespace chorus {

class ClientEngine;
class SimulatedVehicle;
struct ClientEvent;
struct VehicleCommand;

class ClientSessionRecorder : public QObject
{
    Q_OBJECT
public:
    ClientSessionRecorder(ClientEngine* engine, const QString& folder, QObject* parent = nullptr);
    ~ClientSessionRecorder() override;

    // Also records this vehicle's commands and acks.
    void watch(SimulatedVehicle* vehicle);
    const SessionLogWriter& writer() const { return *m_writer; }

signals:
    void stopped(const chorus::SessionLogProblem& problem);

private:
    void onEvent(const ClientEvent& event);
    void record(const QString& kind, std::optional<QByteArray> bytes, const QJsonObject& fields);
    QString peer() const;

    ClientEngine* m_engine;
    std::unique_ptr<SessionLogWriter> m_writer;
    bool m_reported = false;
};

} // namespace chorus
