#pragma once

// Bytes shown as text and text typed as bytes. A message is bytes; these are
// views of them (never storage) and the two ways a person writes them.
//
// Views:
//   Text   UTF-8 where the bytes are valid UTF-8; everything else as an escape:
//          \0 \t \n \r \\ for NUL, TAB, LF, CR and the backslash itself, \xNN
//          for any other control byte (00-1F, 7F), for C1 controls and for
//          every byte that is not part of valid UTF-8. The Text view is exactly
//          what the Text input below parses back to the same bytes.
//   Hex    two upper-case digits per byte, separated by one space: "01 02 FF".
//   Mixed  a hex dump like a hex editor's (and `hexdump -C`): 16 bytes a line,
//          "00000000  48 65 6c ... 6f  |Hello..|", printable ASCII on the right.
//
// Inputs:
//   Text   characters as UTF-8, plus the escapes \r \n \t \0 \\ and \xNN
//          (exactly two hex digits). Any other backslash sequence is an error.
//   Hex    pairs of hex digits; whitespace anywhere between pairs is ignored.
// Errors carry the position (a QString index, for the cursor) and a kind; no
// partial result is ever returned.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringView>

#include <optional>

namespace chorus {

enum class ByteView { Text, Hex, Mixed };
QString byteViewName(ByteView view); // "text", "hex", "mixed"
std::optional<ByteView> byteViewFromName(QStringView name);

// Where the Text view put an escape, so a view can draw it apart from text.
struct EscapeSpan
{
    qsizetype start = 0;  // index in the formatted QString
    qsizetype length = 0; // characters of the escape ("\x01" is 4)
};

QString formatText(QByteArrayView bytes, QList<EscapeSpan>* escapes = nullptr);
QString formatHex(QByteArrayView bytes);
QString formatMixed(QByteArrayView bytes);
QString formatBytes(QByteArrayView bytes, ByteView view);
// One line, at most maxChars characters of the Text view (… when cut): table
// cells and log lines. Never cuts inside an escape.
QString formatTextLine(QByteArrayView bytes, qsizetype maxChars,
                       QList<EscapeSpan>* escapes = nullptr);
// One line of any view, at most maxChars characters (… when cut): Text as
// formatTextLine; Hex whole bytes only ("01 02 …"); Mixed the hex and the
// printable ASCII of the bytes that fit ("48 65 6C  |Hel|"). Escapes: Text only.
QString formatLine(QByteArrayView bytes, ByteView view, qsizetype maxChars,
                   QList<EscapeSpan>* escapes = nullptr);

// Text a peer chose (a hello's name or app, a bye reason, an error message)
// for a log line: the Text view of its UTF-8, at most maxChars characters,
// between « and » (a « or » inside shown as the escapes \xC2\xAB and
// \xC2\xBB), so it can neither start a line, move the cursor, ring a bell
// nor pass for the server's own words.
QString quotedPeerText(QStringView text, qsizetype maxChars = 200);
// Prose for a log line with every control character (C0, DEL, C1, U+2028,
// U+2029) as its Text-view escape: nothing in it can start a new line.
// Returns `text` itself (shared) when there is none.
QString escapedLogProse(const QString& text);

enum class ByteInput { Text, Hex };
QString byteInputName(ByteInput input); // "text", "hex"
std::optional<ByteInput> byteInputFromName(QStringView name);

enum class ByteParseErrorKind {
    None,
    OddHexDigits,    // hex: a digit without its pair
    BadHexDigit,     // hex: a character that is neither a hex digit nor whitespace
    BadEscapeDigits, // text: \x not followed by two hex digits
    UnknownEscape,   // text: a backslash before anything else (\q)
    TrailingBackslash,
};

struct ByteParseError
{
    ByteParseErrorKind kind = ByteParseErrorKind::None;
    qsizetype position = 0; // index into the input where the problem starts
};

std::optional<QByteArray> parseEscapedText(QStringView text, ByteParseError* error = nullptr);
std::optional<QByteArray> parseHex(QStringView text, ByteParseError* error = nullptr);
std::optional<QByteArray> parseBytes(QStringView text, ByteInput input,
                                     ByteParseError* error = nullptr);
// "odd number of hex digits at 7", translated.
QString describeParseError(const ByteParseError& error);

} // namespace chorus

// Escape positions travel in a model's data() to the view that colours them.
Q_DECLARE_METATYPE(chorus::EscapeSpan)
