#pragma once

// Value types of the vehicle messages (cmd, ack, telemetry, status,
// heartbeat) that ChorusMessage carries. Names and numbers follow MAVLink
// (MAV_RESULT, MAV_SEVERITY) so users recognise them and a later MAVLink
// bridge maps one to one. The codec functions are in wire/VehicleMessages.h.

#include <QMap>
#include <QString>

namespace chorus {

// MAV_RESULT: how a vehicle answered a command (ack.result). The numbers are
// MAVLink's.
enum class MavResult {
    Accepted = 0,            // "accepted": done, or will be done
    TemporarilyRejected = 1, // "temporarily_rejected": valid but not now (retry later)
    Denied = 2,              // "denied": refused (wrong state, bad parameter)
    Unsupported = 3,         // "unsupported": the vehicle does not know the command
    Failed = 4,              // "failed": tried and failed
    InProgress = 5,          // "in_progress": started; more acks follow (progress 0..100)
};

// MAV_SEVERITY (RFC 5424 levels): status.severity. Lower is more severe.
enum class StatusSeverity {
    Emergency = 0, // "emergency": the system is unusable
    Alert = 1,     // "alert": act now
    Critical = 2,  // "critical"
    Error = 3,     // "error"
    Warning = 4,   // "warning"
    Notice = 5,    // "notice": normal but significant
    Info = 6,      // "info"
    Debug = 7,     // "debug"
};

// Telemetry: key -> finite number; sorted by key, so encoding is deterministic.
using TelemetryValues = QMap<QString, double>;
// Telemetry units: key -> unit text ("m", "%", "deg").
using TelemetryUnits = QMap<QString, QString>;

// Limits the decoder enforces (bad-value errors name the limit).
inline constexpr qsizetype kChorusMaxTelemetryKeys = 256;  // values (and units) per message
inline constexpr qsizetype kChorusMaxKeyLength = 64;       // code points, telemetry and args keys
inline constexpr qsizetype kChorusMaxUnitLength = 16;      // code points
inline constexpr qsizetype kChorusMaxCommandArgs = 64;     // args per cmd
inline constexpr qsizetype kChorusMaxArgTextLength = 1024; // code points, a string argument
inline constexpr qsizetype kChorusMaxVehicleTextBytes = 4096; // UTF-8 bytes, status/ack text
inline constexpr int kChorusMaxProgress = 100;                // ack.progress is 0..100

} // namespace chorus
