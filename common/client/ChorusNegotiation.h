#pragma once

// The client's side of the Chorus handshake, and how a Chorus line from the
// server becomes a ClientEvent. No sockets: the engine feeds it lines.
//
// Whether to say hello at all is the point of the design (docs/PROTOCOL.md
// §2.6): a peer not known to speak Chorus must receive only what the user
// types, from the first byte on, so protocol Auto offers Chorus only to a
// host:port that welcomed this client before.

#include "client/ClientTypes.h"
#include "wire/ChorusProtocol.h"

#include <QByteArray>
#include <QHash>

#include <optional>

namespace chorus {

class ChorusNegotiation
{
public:
    enum class Offer {
        None,     // plain text from the first byte: no hello
        Required, // protocol Chorus: hello, and no welcome is an error
        Known,    // protocol Auto, a known chorus-server: hello; no welcome falls back to plain
    };
    static Offer offerFor(ClientProtocol protocol, bool knownServer);
    // The hello line (with its LF); the token only when there is one.
    static QByteArray helloLine(const QString& name, const QString& token = {});

    // AccessDenied: the server's "access-denied" error (the token is missing or wrong).
    // TlsRequired: the server's "tls-required" error (plain text on its TLS port).
    enum class Outcome { Welcome, Refused, NotChorus, AccessDenied, TlsRequired };
    struct Answer
    {
        Outcome outcome = Outcome::NotChorus;
        quint64 id = 0;      // Welcome: our connection id
        QString server;      // Welcome: the server's name
        QString reason;      // Refused: "code: message"; NotChorus: what the server said instead
        quint16 udpPort = 0; // Welcome: the session's UDP channel, when offered
        QString token;       // Welcome: what every datagram of that channel carries
    };
    // The server's first line after our hello.
    static Answer readAnswer(const QByteArray& line);

    // chorus-server's "error: server full (N connections)", sent before the close.
    static bool isServerFullLine(const QByteArray& line);
    // chorus-server's "error: this port speaks TLS…", sent to a plain client on its TLS port.
    static bool isTlsRequiredLine(const QByteArray& line);
};

struct ChorusLineResult
{
    bool blank = false;  // an empty line: nothing to report
    bool bye = false;    // the server is closing on purpose: do not reconnect
    bool answer = false; // a reply or pong: the link works end to end
    // A cmd (wire/VehicleMessages.h): for SimulatedVehicle, not an event.
    std::optional<ChorusMessage> command;
    ClientEvent event;
};

// A line in Chorus mode. `pending` maps the seq of each unanswered msg to its
// send time (ns); a matched reply is removed from it and timed from
// `arrivalNs`. Pong times come from the `t` the client put in its ping
// (microseconds of the same clock).
ChorusLineResult readChorusLine(const QByteArray& line, QHash<quint64, qint64>& pending,
                                qint64 arrivalNs);

} // namespace chorus
