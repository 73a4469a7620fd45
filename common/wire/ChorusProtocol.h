#pragma once

// The Chorus protocol: JSON lines spoken after a hello/welcome handshake.
// See docs/PROTOCOL.md for the full description; in short:
//
//   line     = json-object LF          ; compact, UTF-8, never an unescaped LF inside
//   object   = {"type": <name>, <fields of that type>...}
//
// A connection is in text mode until the peer sends a hello the server
// accepts (whenever it comes while in text mode; the server never speaks
// first); from the welcome on, both sides speak JSON lines. Unknown
// extra fields are ignored so later versions can add fields without breaking
// version-1 peers.
//
// This file is the codec only (no sockets): encoding (ChorusProtocol.cpp),
// decoding with precise error reporting and the cheap hello check the server
// uses to switch modes (ChorusDecoder.cpp).

#include "base/PeerText.h"
#include "wire/FrameCodec.h"
#include "wire/VehicleTypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace chorus {

inline constexpr int kChorusProtocolVersion = 1;
// Every version this build understands, oldest first.
QList<int> supportedChorusVersions();
// Names (hello.name, name.name) are at most this many characters (code points).
inline constexpr qsizetype kChorusMaxNameLength = 64;
// Integers on the wire (id, seq, re, from, t) stay within what a JavaScript or
// Python peer parses exactly: |value| <= 2^53 - 1.
inline constexpr qint64 kChorusMaxSafeInteger = (qint64(1) << 53) - 1;
// Default line limit for decodeChorusLine (the text-mode message limit).
inline constexpr qsizetype kDefaultChorusMaxLineBytes = kDefaultMaxMessageBytes;

enum class ChorusMessageType {
    Hello,   // client -> server: {"type":"hello","proto":1,"name":"...","app":"...","token":"..."}
    Welcome, // server -> client: {"type":"welcome","proto":1,"id":N,"server":"..."}
    Msg,     // client -> server: {"type":"msg","seq":N,"text":"..."}
    Reply,   // server -> client: {"type":"reply","re":N,"text":"..."}
    Ping,    // client -> server: {"type":"ping","t":N}
    Pong,    // server -> client: {"type":"pong","t":N} (t echoed back)
    Name,    // client -> server: {"type":"name","name":"..."}
    Broadcast, // server -> client: {"type":"broadcast","text":"...","from":0}
    Direct,    // server -> client: {"type":"direct","text":"...","from":0}
    Error,     // either way:       {"type":"error","code":"...","message":"...","re":N}
    Bye, // either way:       {"type":"bye","reason":"...","retry":true} then the sender closes
    // Vehicle messages (wire/VehicleMessages.h; names follow MAVLink):
    Cmd, // server -> client: {"type":"cmd","cmd":N,"name":"TAKEOFF","args":{"alt":10}}
    Ack, // client -> server: {"type":"ack","re":N,"result":"accepted","progress":100,"text":"..."}
    Telemetry, // client -> server: {"type":"telemetry","values":{"alt":12.5},"units":{"alt":"m"}}
    Status,    // client -> server: {"type":"status","severity":"warning","text":"..."}
    Heartbeat, // client -> server:
               // {"type":"heartbeat","state":"active","mode":"GUIDED","armed":true}
};
QString chorusMessageTypeName(ChorusMessageType type); // "hello", "welcome", ...
std::optional<ChorusMessageType> chorusMessageTypeFromName(QStringView name);
// Direction rules the engines enforce (decodeChorusLine accepts every type).
// hello, msg, ping, name, error, bye, ack, telemetry, status, heartbeat
bool isClientToServer(ChorusMessageType type);
// welcome, reply, pong, broadcast, direct, error, bye, cmd
bool isServerToClient(ChorusMessageType type);

// Machine codes carried in error messages. The first group comes from
// decodeChorusLine; the second is for the engines' own checks.
enum class ChorusErrorCode {
    None,
    BadJson,          // "bad-json": not parseable JSON (message has the offset)
    NotObject,        // "not-object": valid JSON but not an object (array, number, ...)
    UnknownType,      // "unknown-type": "type" names no known message
    MissingField,     // "missing-field": a required field is absent (message names it)
    WrongType,        // "wrong-type": a field has the wrong JSON type (names field + expected)
    BadValue,         // "bad-value": right type, value out of range (empty/too long name, ...)
    UnsupportedProto, // "unsupported-proto": hello.proto not supported (names supported versions)
    TooLong,          // "too-long": the line is over the limit
    // Engine-level codes (not produced by the decoder):
    UnexpectedType, // "unexpected-type": a valid message the receiver does not accept
                    // (a welcome sent to the server, a second hello, ...)
    Internal,       // "internal": the receiver failed to handle a valid message
    AccessDenied,   // "access-denied": the hello's token is missing or wrong (then a bye)
    TlsRequired,    // "tls-required": a hello in plain text on the server's TLS port (then a bye)
};
QString chorusErrorCodeName(ChorusErrorCode code); // "bad-json", ...; None -> ""
std::optional<ChorusErrorCode> chorusErrorCodeFromName(QStringView name);

// One protocol message as a plain value. Only the fields of its type are
// meaningful; the others keep their defaults (and are not encoded).
struct ChorusMessage
{
    ChorusMessageType type = ChorusMessageType::Msg;

    int proto = kChorusProtocolVersion; // hello, welcome
    QString name;    // hello (optional, may be empty), name (required), cmd (required)
    QString app;     // hello (optional): "chorus-client 0.1.0", "nc", ...
    QString server;  // welcome: the server's name
    QString text;    // msg, reply, broadcast, direct, ack, status
    QString code;    // error: machine code ("bad-json", ...)
    QString message; // error: human explanation
    QString reason;  // bye (optional, may be empty)
    bool retry =
        false; // bye: the close is not meant to last (server stopping); reconnecting is fine

    quint64 id = 0;   // welcome: the connection id the server assigned
    quint64 seq = 0;  // msg: chosen by the client, echoed as reply.re; cmd: wire field "cmd"
    quint64 re = 0;   // reply: the seq answered; error: the seq that failed (when hasRe);
                      // ack: the cmd answered
    qint64 t = 0;     // ping/pong: opaque timestamp chosen by the client, echoed back
    quint64 from = 0; // broadcast/direct: sender connection id, 0 = the server itself

    bool hasRe = false; // error only: whether "re" is present

    // The UDP channel of a session (PROTOCOL.md §5.4): the welcome names the
    // server's UDP port and the session's token; a msg or ping sent as a
    // datagram carries the token. Not encoded when empty / 0.
    quint16 udpPort = 0; // welcome
    // hello (optional): the server's shared access token, never logged in clear;
    // welcome, msg, ping: the session's UDP channel token.
    QString token;

    // Vehicle messages (wire/VehicleMessages.h). cmd also uses seq and name;
    // ack uses re and text; status uses text.
    QJsonObject args;                       // cmd: argument -> string, finite number or boolean
    MavResult result = MavResult::Accepted; // ack
    std::optional<int> progress;            // ack: 0..100 (optional)
    TelemetryValues values;                 // telemetry
    TelemetryUnits units;                   // telemetry (optional)
    StatusSeverity severity = StatusSeverity::Info; // status
    QString state;                                  // heartbeat (optional): "active", ...
    QString mode;                                   // heartbeat (optional): "GUIDED", ...
    std::optional<bool> armed;                      // heartbeat (optional)

    bool operator==(const ChorusMessage& other) const;
    bool operator!=(const ChorusMessage& other) const { return !(*this == other); }
};

// Factories: a message of that type with its fields set.
ChorusMessage makeHello(const QString& name, const QString& app, const QString& token = {});
ChorusMessage makeWelcome(quint64 id, const QString& server);
ChorusMessage makeMsg(quint64 seq, const QString& text);
ChorusMessage makeReply(quint64 re, const QString& text);
ChorusMessage makePing(qint64 t);
ChorusMessage makePong(qint64 t);
ChorusMessage makeName(const QString& name);
ChorusMessage makeBroadcast(const QString& text, quint64 from = 0);
ChorusMessage makeDirect(const QString& text, quint64 from = 0);
ChorusMessage makeError(const QString& code, const QString& message,
                        std::optional<quint64> re = std::nullopt);
ChorusMessage makeError(ChorusErrorCode code, const QString& message,
                        std::optional<quint64> re = std::nullopt);
ChorusMessage makeBye(const QString& reason, bool retry = false);

// One compact JSON object followed by "\n", UTF-8, "type" first. Control
// characters, quotes and backslashes inside strings are escaped, so the result
// never contains a raw LF or CR before its final "\n". Lone surrogates in a
// QString become U+FFFD.
QByteArray encodeChorusMessage(const ChorusMessage& message);

struct ChorusDecodeResult
{
    ChorusMessage message; // valid when ok()
    ChorusErrorCode error = ChorusErrorCode::None;
    // What was wrong: .wire (English) for the error reply, .shown (translated) for the log.
    PeerText errorMessage;
    // The "seq" of the offending line when it could be read (a msg with a bad
    // "text", say), so the error reply can carry it as "re".
    std::optional<quint64> re;
    // The line was empty or only whitespace: not an error, nothing to answer.
    bool blank = false;

    bool ok() const { return error == ChorusErrorCode::None && !blank; }
    QString code() const { return chorusErrorCodeName(error); }
    // The error reply for this result (only meaningful when !ok() && !blank).
    ChorusMessage toErrorMessage() const;
};

// Decodes one line (a trailing LF or CR LF is accepted and ignored). Never
// throws or crashes on any input. `maxLineBytes` <= 0 means no limit.
ChorusDecodeResult decodeChorusLine(QByteArrayView line,
                                    qsizetype maxLineBytes = kDefaultChorusMaxLineBytes);

// Cheap check of a text-mode message: a JSON object whose "type" is "hello"
// (whatever its other fields; decodeChorusLine judges those). The server runs
// it on every text-mode message to switch the connection to Chorus mode.
bool looksLikeChorusHello(QByteArrayView message);

} // namespace chorus
