#pragma once

// What the client sends, from the send box to the wire (docs/PROTOCOL.md §2.7):
//
//   parseOutgoing   the send box's text as messages. Text input: each line is
//                   its own message (a CR before the line break is dropped,
//                   empty lines are skipped), with the escapes of ByteText.h.
//                   Hex input: the whole box is one message; whitespace and
//                   line breaks between the digits are ignored. Bad input is
//                   refused whole, with the position in the box.
//   OutgoingFramer  one message as bytes on the wire, in the receive framing:
//                   text framings (Auto, Line, CR) end it with the send
//                   terminator; Raw and Fixed send it as is; Delimiter sends
//                   start + message + end; a length field gets a header with
//                   the message's length (the bytes before the field are zero).
//
// No sockets here: ClientEngine uses these, tests call them directly.

#include "wire/ByteText.h"
#include "wire/FrameCodec.h"
#include "wire/FrameSpec.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringView>

#include <optional>

namespace chorus {

std::optional<QList<QByteArray>> parseOutgoing(QStringView text, ByteInput input,
                                               ByteParseError* error = nullptr);

// Index of the first byte that does not belong to valid UTF-8 (RFC 3629), or
// -1 when all of it is valid: a Chorus message is JSON text and cannot carry
// other bytes without changing them.
qsizetype firstInvalidUtf8(QByteArrayView bytes);

class OutgoingFramer
{
public:
    explicit OutgoingFramer(const FrameSpec& spec = {}, Terminator terminator = Terminator::Lf);

    const FrameSpec& spec() const { return m_spec; }
    Terminator terminator() const { return m_terminator; }

    // The bytes on the wire; nullopt when this framing cannot carry the
    // message (longer than its length field can say).
    std::optional<QByteArray> frame(QByteArrayView message) const;
    // The longest message frame() carries; -1 when the framing sets no limit.
    qint64 capacity() const;
    // Whether frame() carries a message of this size (a length field with a
    // positive adjustment cannot say lengths below it).
    bool fits(qsizetype size) const;
    // Whether a peer can tell messages sent back to back apart: not with a
    // text framing and no terminator, nor with Raw.
    bool separatesMessages() const;
    // Fixed size: a message of another size goes out as is, with a warning.
    bool differsFromFixedSize(qsizetype size) const;

private:
    FrameSpec m_spec;
    Terminator m_terminator;
    FrameDecoder m_lengthFramer; // a fresh decoder: a length header with zeros before the field
};

} // namespace chorus
