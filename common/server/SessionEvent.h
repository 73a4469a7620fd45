#pragma once

// One event for the server's session log (ServerSessionLog), as an I/O thread
// saw it. Cheap to make on the hot path: a clock read and implicitly shared
// bytes and strings, no JSON and no hex; the log's writer thread turns it
// into a session-log line (base/SessionLog.h).

#include "server/LogEntry.h"
#include "server/VehicleLink.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace chorus {

struct SessionEvent
{
    enum class Kind {
        Connect,    // a TCP peer was adopted, or a new UDP peer was heard
        Disconnect, // error + text say why
        In,         // a message received: `bytes` as its framing delimits it
        Out,        // a message sent: `bytes` without the peer's framing
        Vehicle,    // a command sent, an ack, telemetry, status, heartbeat (`vehicle`)
    };
    Kind kind = Kind::In;
    qint64 timeUs = 0; // SessionLogWriter::nowUs()
    quint64 connectionId = 0;
    QString peer;
    QByteArray bytes;
    bool overUdp = false;
    ConnectionError error = ConnectionError::None; // Disconnect
    QString text;                                  // Disconnect: the reason
    std::shared_ptr<const VehicleEvent> vehicle;   // Vehicle
};

} // namespace chorus
