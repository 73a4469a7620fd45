#pragma once

// A named command the operator sends to vehicles (issue 13): ARM, TAKEOFF
// with an altitude, SET_MODE with a mode. A Chorus peer gets it as a `cmd`
// line with arguments (docs/PROTOCOL.md §2.8.1); a text or binary peer gets
// the payload template with its {parameters} filled in, in its own framing,
// and the first reply matching `expectedReply` within the timeout is its ack.

#include "wire/ByteText.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace chorus {

// How a command travels. UDP belongs to another issue: the field is kept so
// presets need no change when it lands; until then only TCP sends.
enum class CommandChannel { Tcp, Udp };
QString commandChannelKey(CommandChannel channel); // "tcp", "udp"
std::optional<CommandChannel> commandChannelFromKey(QStringView key);

inline constexpr std::chrono::milliseconds kDefaultAckTimeout{3000};
inline constexpr int kMaxCommandRetries = 10;
inline constexpr std::chrono::milliseconds kMaxAckTimeout{600000};

struct CommandPreset
{
    QString name; // the cmd name: 1..64 characters, no control characters
    // Escaped text (\r \n \t \0 \\ \xNN) with {parameter} slots: "TAKEOFF alt={alt}\r".
    QString payloadTemplate;
    CommandChannel channel = CommandChannel::Tcp;
    std::chrono::milliseconds ackTimeout = kDefaultAckTimeout;
    int retries = 0; // resends after a timeout before the command is timed out
    // A regular expression; a text peer's first reply matching it is the ack.
    // Empty: any reply is.
    QString expectedReply;

    bool operator==(const CommandPreset& other) const;
    bool operator!=(const CommandPreset& other) const { return !(*this == other); }
};

// The {parameters} of a template, in order of first appearance, each once.
// "{{" is a literal "{".
QStringList presetParameters(const QString& payloadTemplate);

// Why a preset or its arguments cannot make a command.
enum class CommandPresetError {
    None,
    EmptyName,        // no name, or only spaces
    BadName,          // over 64 characters or with control characters
    MissingArgument,  // a {parameter} has no value (reason names it)
    BadPayload,       // the filled template is not valid escaped text (reason: where)
    BadExpectedReply, // expectedReply is not a valid regular expression
    BadTimeout,       // ack timeout not within 1 ms .. kMaxAckTimeout
    BadRetries,       // retries not within 0 .. kMaxCommandRetries
};
QString commandPresetErrorKey(CommandPresetError error); // "missing-argument", ...

struct CommandPresetCheck
{
    CommandPresetError error = CommandPresetError::None;
    QString reason; // the parameter, position or pattern error, for people
    bool ok() const { return error == CommandPresetError::None; }
};
CommandPresetCheck checkCommandPreset(const CommandPreset& preset);

// One command ready to send: what a Chorus peer gets (name, args) and what
// a text peer gets (payload, then the reply matching expectedReply).
struct CommandRequest
{
    QString name;
    QJsonObject args; // a value that reads as a finite number is sent as one
    QByteArray payload;
    QString expectedReply;
    CommandChannel channel = CommandChannel::Tcp;
    std::chrono::milliseconds ackTimeout = kDefaultAckTimeout;
    int retries = 0;
};

// Fills the preset's parameters from `arguments` (name -> text as typed).
// Arguments that are not parameters of the template still go into `args`.
std::optional<CommandRequest> makeCommandRequest(const CommandPreset& preset,
                                                 const QMap<QString, QString>& arguments,
                                                 CommandPresetCheck* check = nullptr);

// ARM, DISARM, TAKEOFF (alt), LAND, RTL, SET_MODE (mode): MAVLink's names.
QList<CommandPreset> defaultCommandPresets();

} // namespace chorus

Q_DECLARE_METATYPE(chorus::CommandRequest)
