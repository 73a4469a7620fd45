#pragma once

// Which framing a connection uses and its parameters, and how it is written
// on the command line (docs/PROTOCOL.md §1.2 has every framing's grammar):
//
//   auto | line | raw | cr
//   delimiter:HEX              one or more bytes end a message   (delimiter:03, delimiter:0D0A)
//   delimiter:HEX..HEX         an envelope: start .. end        (delimiter:02..03, STX..ETX)
//   length:offset=O,size=S,endian=big|little,adjust=A,strip=N,max=M
//                              Netty's LengthFieldBasedFrameDecoder; omitted keys default to
//                              offset 0, size 2, big endian, adjust 0, strip 0, max = the
//                              message size limit; size is 1, 2, 3, 4 or 8 bytes
//   fixed:N                    N bytes per message
//   u16be | u32be              presets: a 2- or 4-byte big-endian length prefix, stripped
//   modbus-tcp                 preset: the whole Modbus/TCP ADU (MBAP header included)
//
// The delimiter parts may also be written with escapes (delimiter:\x17).

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringView>

#include <optional>

namespace chorus {

enum class Framing { Auto, Line, Raw, Cr, Delimiter, LengthField, Fixed };
// "auto", "line", "raw", "cr", "delimiter", "length", "fixed".
QString framingName(Framing framing);
// Only the framings that need no parameters: auto, line, raw, cr.
std::optional<Framing> framingFromName(QStringView name);

enum class LengthPreset { Custom, U16Be, U32Be, ModbusTcp };

// Netty's names: lengthFieldOffset, lengthFieldLength, lengthAdjustment,
// initialBytesToStrip, maxFrameLength. A frame is the field's value +
// offset + size + adjust bytes long, counted from its first byte.
struct LengthFieldSpec
{
    int offset = 0;        // bytes before the length field
    int size = 2;          // 1, 2, 3, 4 or 8
    bool bigEndian = true; // network byte order
    qint64 adjust = 0;     // added to the field's value (may be negative)
    int strip = 0;         // bytes removed from the frame's start: the rest is the message
    qint64 maxFrame = 0;   // whole-frame limit; 0: the connection's message limit
    LengthPreset preset = LengthPreset::Custom;

    int headerSize() const { return offset + size; }
    bool operator==(const LengthFieldSpec& other) const;
};

struct FrameSpec
{
    Framing framing = Framing::Auto;
    QByteArray delimiter;    // Delimiter: the bytes that end a message
    QByteArray start;        // Delimiter: the bytes that start one (empty: no envelope)
    LengthFieldSpec length;  // LengthField
    qsizetype fixedSize = 0; // Fixed

    FrameSpec() = default;
    // The framings without parameters (Auto, Line, Raw, Cr).
    FrameSpec(Framing simple) : framing(simple) {} // NOLINT: implicit on purpose

    static FrameSpec delimited(const QByteArray& end, const QByteArray& start = {});
    static FrameSpec lengthField(const LengthFieldSpec& spec);
    static FrameSpec preset(LengthPreset preset);
    static FrameSpec fixed(qsizetype size);

    // Textual framings: the peer can read an error line, and replies mirror its terminator.
    bool isTextual() const;
    // The command-line spelling (parse(toText()) gives this spec back).
    QString toText() const;
    // Short, for the table's Framing column: "CR", "delimiter 03", "02…03", "u16 BE",
    // "Modbus/TCP", "length @0+2 BE", "fixed 8".
    QString label() const;
    bool operator==(const FrameSpec& other) const;
    bool operator!=(const FrameSpec& other) const { return !(*this == other); }
};

enum class FrameSpecErrorKind {
    None,
    UnknownFraming, // not one of the names above
    BadBytes,       // a delimiter that is neither hex nor valid escaped text
    EmptyDelimiter,
    UnknownKey, // length: a key other than offset, size, endian, adjust, strip, max
    BadValue,   // a value that is not a number in range (or endian not big/little)
};

struct FrameSpecError
{
    FrameSpecErrorKind kind = FrameSpecErrorKind::None;
    QString detail; // the offending part, as written
};

// Longest delimiter or envelope start, and the largest fixed size and
// length-field maximum accepted (memory per connection stays bounded).
inline constexpr qsizetype kMaxDelimiterBytes = 16;
inline constexpr qint64 kMaxFrameBytes = 64 * 1024 * 1024;

std::optional<FrameSpec> parseFrameSpec(QStringView text, FrameSpecError* error = nullptr);
// One line for --help and error messages, translated.
QString describeFrameSpecError(const FrameSpecError& error);

} // namespace chorus

Q_DECLARE_METATYPE(chorus::FrameSpec)
