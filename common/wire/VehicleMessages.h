#pragma once

// The vehicle messages of the Chorus protocol (docs/PROTOCOL.md §2.8), named
// after MAVLink's COMMAND_LONG / COMMAND_ACK, TELEMETRY-like values,
// STATUSTEXT and HEARTBEAT:
//
//   cmd       S->C {"type":"cmd","cmd":SEQ,"name":"TAKEOFF","args":{"alt":10}}
//   ack       C->S {"type":"ack","re":SEQ,"result":"in_progress","progress":40,"text":"climbing"}
//   telemetry C->S {"type":"telemetry","values":{"alt":12.5,"bat":87},"units":{"alt":"m"}}
//   status    C->S {"type":"status","severity":"warning","text":"battery low"}
//   heartbeat C->S {"type":"heartbeat","state":"active","mode":"GUIDED","armed":true}
//
// They travel as ChorusMessage (encodeChorusMessage / decodeChorusLine);
// this header adds their names and factories. Bounds are in
// wire/VehicleTypes.h; a text peer's key=value telemetry in wire/KeyValueTelemetry.h.

#include "wire/ChorusProtocol.h"
#include "wire/KeyValueTelemetry.h"
#include "wire/VehicleTypes.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace chorus {

// "accepted", "in_progress", "denied", "failed", "unsupported", "temporarily_rejected".
QString mavResultName(MavResult result);
std::optional<MavResult> mavResultFromName(QStringView name);
QList<MavResult> allMavResults(); // in MAV_RESULT order
// An ack with this result ends the command (every result but in_progress).
bool isFinalMavResult(MavResult result);

// "emergency", "alert", "critical", "error", "warning", "notice", "info", "debug".
QString statusSeverityName(StatusSeverity severity);
std::optional<StatusSeverity> statusSeverityFromName(QStringView name);
QList<StatusSeverity> allStatusSeverities(); // most severe first (0..7)

// Factories. Values are not checked here: decodeChorusLine judges what comes in.
ChorusMessage makeCmd(quint64 seq, const QString& name, const QJsonObject& args = {});
ChorusMessage makeAck(quint64 re, MavResult result, std::optional<int> progress = std::nullopt,
                      const QString& text = {});
ChorusMessage makeTelemetry(const TelemetryValues& values, const TelemetryUnits& units = {});
ChorusMessage makeStatus(StatusSeverity severity, const QString& text);
ChorusMessage makeHeartbeat(const QString& state = {}, const QString& mode = {},
                            std::optional<bool> armed = std::nullopt);

} // namespace chorus
