#pragma once

// Where one message ends in a byte stream, for the server and the client, and
// how a reply is framed for the peer. docs/PROTOCOL.md §1 is the reference.
//
//   stream     = *message
//   message    = payload terminator              ; Line, Cr and Auto
//              | payload idle-gap                ; Auto: no terminator, then silence
//              | burst                           ; Raw: one read() is one message
//              | [start] payload delimiter       ; Delimiter (start: an envelope)
//              | header payload                  ; LengthField (Netty's field rules)
//              | N*OCTET                         ; Fixed
//   terminator = LF | CR LF                      ; Line
//              | LF | CR LF | CR | CR NUL        ; Auto ("CR" when the byte after it is
//                                                ;  neither LF nor NUL, or silence)
//              | CR | CR LF | CR NUL             ; Cr
//   payload    = bytes, kept exactly
//
// Limits: a message over maxMessageBytes (or a length-field frame over its
// maxFrame) is discarded up to where the next one can start, reported once
// as TooLong with the number of bytes dropped; memory stays bounded by the
// limit plus one read. A length field whose frame would be shorter than its
// own header is BadLength: the header bytes are reported and skipped (as
// Netty does) and decoding goes on. Bytes outside a Delimiter envelope are
// reported as OutsideEnvelope, never silently dropped.
//
// Replies (frameOutgoing) mirror the peer: its last terminator (CR NUL is
// answered with CR LF, the NVT newline of RFC 854), the envelope, or a length
// header built for the reply's own length whose bytes before the field are
// copied from the peer's last frame (Modbus/TCP: transaction and protocol ids).

#include "wire/FrameSpec.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

#include <chrono>
#include <optional>

namespace chorus {

enum class Terminator { None, Lf, CrLf, Cr, CrNul };

inline constexpr qsizetype kDefaultMaxMessageBytes = 64 * 1024;
inline constexpr std::chrono::milliseconds kDefaultIdleGap{30};

QString terminatorName(Terminator terminator); // "none", "LF", "CRLF", "CR", "CR NUL"
std::optional<Terminator> terminatorFromName(QStringView name);
// The bytes a reply ends with for a peer whose messages ended this way.
QByteArray terminatorBytes(Terminator terminator);

// Invalid sequences become U+FFFD: for display and JSON text only, never storage.
QString decodeUtf8(QByteArrayView bytes);
// Encodes one message for the wire. Embedded LFs are kept as they are: callers
// that want one message per line split the text first.
QByteArray encodeMessage(const QString& text, Terminator terminator);
QByteArray encodeMessage(QByteArrayView bytes, Terminator terminator);

enum class FrameProblem {
    None,
    TooLong,         // discardedBytes were dropped; payload is empty
    BadLength,       // payload holds the length-field header that was skipped
    OutsideEnvelope, // payload holds bytes that were not inside start..delimiter
    Incomplete,      // end of stream inside a length-field or fixed frame; payload holds it
};

struct FramedMessage
{
    QByteArray payload;                       // without terminator / delimiter / stripped header
    Terminator terminator = Terminator::None; // how it ended (Line, Cr, Auto)
    FrameProblem problem = FrameProblem::None;
    qsizetype discardedBytes = 0; // TooLong: how many bytes were dropped
    QByteArray header;            // LengthField: the frame's bytes up to the end of the field

    bool isMessage() const { return problem == FrameProblem::None; }
    bool overLong() const { return problem == FrameProblem::TooLong; }
};

class FrameDecoder
{
public:
    explicit FrameDecoder(const FrameSpec& spec = {},
                          qsizetype maxMessageBytes = kDefaultMaxMessageBytes);

    // A new framing applies to the next byte; bytes already pending are kept.
    void setSpec(const FrameSpec& spec);
    const FrameSpec& spec() const { return m_spec; }
    void setFraming(Framing framing) { setSpec(FrameSpec(framing)); }
    Framing framing() const { return m_spec.framing; }
    void setMaxMessageBytes(qsizetype maxBytes);
    qsizetype maxMessageBytes() const { return m_maxMessageBytes; }

    // Feeds bytes as they arrived (one read); complete messages (and problems)
    // are appended to out, in stream order.
    void feed(QByteArrayView chunk, QList<FramedMessage>& out);
    QList<FramedMessage> feed(QByteArrayView chunk);

    // The idle gap expired (Auto) or the stream ended (force=true): the
    // pending bytes as one message (Auto, Line, Cr, Delimiter) or as an
    // Incomplete problem (LengthField, Fixed). Without force, only Auto
    // flushes, and an incomplete UTF-8 sequence at the very end is held back
    // (its remaining bytes are probably in flight): nothing is returned if
    // that is all there is. A CR waiting for its next byte ends the message.
    std::optional<FramedMessage> flushIdle(bool force = false);
    // One idle gap expired (Auto): flushIdle(), except that an incomplete
    // UTF-8 tail is held back for one gap only; the next call flushes it.
    std::optional<FramedMessage> flushAfterGap();

    bool hasPending() const { return !m_pending.isEmpty() || m_discarding; }
    qsizetype pendingBytes() const { return m_pending.size(); }
    // Terminator of the last complete message: the style to answer in.
    Terminator lastTerminator() const { return m_lastTerminator; }
    // What the table shows: "LF", "CRLF", "CR", "idle gap", "raw", the spec's label, "-".
    QString detectedLabel() const;
    // A message (or an over-long one) has ended since the last reset().
    bool sawAnyMessage() const { return m_sawAnyMessage; }
    void reset();

    // A reply or unsolicited message framed for this peer (see the top of
    // this file). nullopt when the body cannot be framed: longer than a
    // length field can say.
    std::optional<QByteArray> frameOutgoing(QByteArrayView body) const;

private:
    qsizetype scanLines(QByteArrayView data, QList<FramedMessage>& out);
    qsizetype scanDelimited(QByteArrayView data, QList<FramedMessage>& out);
    qsizetype scanLengthField(QByteArrayView data, QList<FramedMessage>& out);
    qsizetype scanFixed(QByteArrayView data, QList<FramedMessage>& out);
    void feedRaw(QByteArrayView chunk, QList<FramedMessage>& out);
    void emitMessage(QByteArrayView payload, Terminator terminator, QList<FramedMessage>& out);
    void emitProblem(FrameProblem problem, QByteArrayView bytes, qsizetype discarded,
                     QList<FramedMessage>& out);
    qint64 maxFrameBytes() const;

    FrameSpec m_spec;
    qsizetype m_maxMessageBytes;
    QByteArray m_pending;
    qsizetype m_searched = 0;      // bytes of m_pending already searched without a match
    bool m_discarding = false;     // dropping an over-long message up to its end
    qint64 m_discardRemaining = 0; // LengthField: bytes of the over-long frame still to drop
    bool m_inEnvelope = false;     // Delimiter with start: between start and delimiter
    bool m_skipAfterCr = false;    // Cr: a CR ended the last read; a LF or NUL next belongs to it
    Terminator m_lastTerminator = Terminator::Lf;
    QByteArray m_lastHeader; // LengthField: the last frame's header
    bool m_sawAnyMessage = false;
    bool m_lastWasIdle = false;
    bool m_tailHeldBack = false; // flushAfterGap() already waited one gap for a UTF-8 tail
};

} // namespace chorus
