#include "wire/ByteText.h"
#include "base/TranslateIn.h"

#include <algorithm>

#include <QCoreApplication>

namespace chorus {

namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";
constexpr char kLowerHexDigits[] = "0123456789abcdef";
constexpr int kMixedBytesPerLine = 16;

// Length of the valid UTF-8 sequence at data[0..size), or 0 when it is not one
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
int validUtf8Length(const unsigned char* data, qsizetype size, char32_t* codePoint)
{
    const unsigned char lead = data[0];
    if (lead < 0x80) {
        *codePoint = lead;
        return 1;
    }
    int length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        value = lead & 0x1F;
        minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        value = lead & 0x0F;
        minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        value = lead & 0x07;
        minimum = 0x10000;
    } else {
        return 0;
    }
    if (size < length)
        return 0;
    for (int i = 1; i < length; ++i) {
        if ((data[i] & 0xC0) != 0x80)
            return 0;
        value = (value << 6) | (data[i] & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return 0;
    *codePoint = value;
    return length;
}

// Code points shown as escapes although they are valid: controls, and the
// invisible ones that would make a line read differently from its bytes
// (byte-order mark, line/paragraph separators, bidirectional overrides).
bool shownEscaped(char32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0xFEFF || c == 0x2028 ||
           c == 0x2029 || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

void appendByteEscape(QString& out, unsigned char byte)
{
    switch (byte) {
    case '\0':
        out += QLatin1String("\\0");
        return;
    case '\t':
        out += QLatin1String("\\t");
        return;
    case '\n':
        out += QLatin1String("\\n");
        return;
    case '\r':
        out += QLatin1String("\\r");
        return;
    default:
        break;
    }
    out += QLatin1String("\\x");
    out += QLatin1Char(kHexDigits[byte >> 4]);
    out += QLatin1Char(kHexDigits[byte & 0x0F]);
}

void appendHexByte(QString& out, unsigned char byte, const char* digits)
{
    out += QLatin1Char(digits[byte >> 4]);
    out += QLatin1Char(digits[byte & 0x0F]);
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

// Formats bytes as the Text view into out, stopping before maxChars would be
// passed (maxChars < 0: no limit). Returns the number of bytes formatted.
qsizetype formatTextInto(QString& out, QByteArrayView bytes, qsizetype maxChars,
                         QList<EscapeSpan>* escapes)
{
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype pos = 0;
    while (pos < size) {
        const qsizetype before = out.size();
        char32_t c = 0;
        const int length = validUtf8Length(data + pos, size - pos, &c);
        if (length == 0 || shownEscaped(c)) {
            const int count = length == 0 ? 1 : length;
            QString escape;
            for (int i = 0; i < count; ++i)
                appendByteEscape(escape, data[pos + i]);
            if (maxChars >= 0 && before + escape.size() > maxChars)
                break;
            out += escape;
            if (escapes)
                escapes->append({before, escape.size()});
            pos += count;
            continue;
        }
        if (c == '\\') {
            if (maxChars >= 0 && before + 2 > maxChars)
                break;
            out += QLatin1String("\\\\");
            if (escapes)
                escapes->append({before, 2});
            pos += 1;
            continue;
        }
        const qsizetype units = c >= 0x10000 ? 2 : 1;
        if (maxChars >= 0 && before + units > maxChars)
            break;
        out += QChar::fromUcs4(c);
        pos += length;
    }
    return pos;
}

} // namespace

QString byteViewName(ByteView view)
{
    switch (view) {
    case ByteView::Text:
        return QStringLiteral("text");
    case ByteView::Hex:
        return QStringLiteral("hex");
    case ByteView::Mixed:
        return QStringLiteral("mixed");
    }
    return QStringLiteral("text");
}

std::optional<ByteView> byteViewFromName(QStringView name)
{
    for (ByteView view : {ByteView::Text, ByteView::Hex, ByteView::Mixed}) {
        if (name.trimmed().compare(byteViewName(view), Qt::CaseInsensitive) == 0)
            return view;
    }
    return std::nullopt;
}

QString formatText(QByteArrayView bytes, QList<EscapeSpan>* escapes)
{
    QString out;
    out.reserve(bytes.size());
    formatTextInto(out, bytes, -1, escapes);
    return out;
}

QString formatTextLine(QByteArrayView bytes, qsizetype maxChars, QList<EscapeSpan>* escapes)
{
    // At most 4 bytes make one character and an escape is at least 2 characters
    // for one byte, so this prefix always holds enough.
    const QByteArrayView prefix = bytes.first(std::min(bytes.size(), maxChars * 4 + 4));
    QString out;
    QList<EscapeSpan> spans;
    if (formatTextInto(out, prefix, maxChars, escapes ? &spans : nullptr) == bytes.size()) {
        if (escapes)
            *escapes = std::move(spans);
        return out;
    }
    out.clear(); // cut: room for the ellipsis
    spans.clear();
    formatTextInto(out, prefix, std::max<qsizetype>(0, maxChars - 1), escapes ? &spans : nullptr);
    out += QChar(0x2026);
    if (escapes)
        *escapes = std::move(spans);
    return out;
}

QString quotedPeerText(QStringView text, qsizetype maxChars)
{
    QString shown = formatTextLine(text.toUtf8(), maxChars);
    shown.replace(QChar(0x00AB), QLatin1String("\\xC2\\xAB"));
    shown.replace(QChar(0x00BB), QLatin1String("\\xC2\\xBB"));
    return QChar(0x00AB) + shown + QChar(0x00BB);
}

QString escapedLogProse(const QString& text)
{
    const auto isControl = [](char16_t c) {
        return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029;
    };
    if (std::none_of(text.cbegin(), text.cend(), [&](QChar c) { return isControl(c.unicode()); }))
        return text;
    QString out;
    out.reserve(text.size() + 8);
    qsizetype from = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!isControl(text.at(i).unicode()))
            continue;
        out += QStringView(text).sliced(from, i - from);
        out += formatText(QStringView(text).sliced(i, 1).toUtf8());
        from = i + 1;
    }
    out += QStringView(text).sliced(from);
    return out;
}

QString formatLine(QByteArrayView bytes, ByteView view, qsizetype maxChars,
                   QList<EscapeSpan>* escapes)
{
    if (escapes)
        escapes->clear();
    if (bytes.isEmpty())
        return {}; // nothing to show, in any view
    switch (view) {
    case ByteView::Text:
        return formatTextLine(bytes, maxChars, escapes);
    case ByteView::Hex: {
        // "01 02" is 3n-1 characters; cut, "01 02 …" is 3n+1.
        if (3 * bytes.size() - 1 <= maxChars)
            return formatHex(bytes);
        const qsizetype fit = std::max<qsizetype>(0, (maxChars - 1) / 3);
        QString out = formatHex(bytes.first(fit));
        if (fit > 0)
            out += QLatin1Char(' ');
        out += QChar(0x2026);
        return out;
    }
    case ByteView::Mixed: {
        // "48 65  |He|" is 4n+3 characters; cut, one more for the ellipsis.
        const bool cut = 4 * bytes.size() + 3 > maxChars;
        const qsizetype fit = cut ? std::max<qsizetype>(0, (maxChars - 4) / 4) : bytes.size();
        const QByteArrayView shown = bytes.first(fit);
        QString out = formatHex(shown);
        out += QLatin1String("  |");
        for (const char c : shown) {
            const auto byte = static_cast<unsigned char>(c);
            out += (byte >= 0x20 && byte < 0x7F) ? QLatin1Char(char(byte)) : QLatin1Char('.');
        }
        out += QLatin1Char('|');
        if (cut)
            out += QChar(0x2026);
        return out;
    }
    }
    return formatTextLine(bytes, maxChars, escapes);
}

QString formatHex(QByteArrayView bytes)
{
    QString out;
    if (bytes.isEmpty())
        return out;
    out.reserve(bytes.size() * 3 - 1);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(' ');
        appendHexByte(out, static_cast<unsigned char>(bytes[i]), kHexDigits);
    }
    return out;
}

QString formatMixed(QByteArrayView bytes)
{
    QString out;
    const qsizetype lines = (bytes.size() + kMixedBytesPerLine - 1) / kMixedBytesPerLine;
    out.reserve(lines * 79);
    for (qsizetype offset = 0; offset < bytes.size(); offset += kMixedBytesPerLine) {
        if (offset > 0)
            out += QLatin1Char('\n');
        out += QStringLiteral("%1").arg(quint64(offset), 8, 16, QLatin1Char('0'));
        out += QLatin1Char(' ');
        const qsizetype count = std::min<qsizetype>(kMixedBytesPerLine, bytes.size() - offset);
        for (int i = 0; i < kMixedBytesPerLine; ++i) {
            out += QLatin1Char(' ');
            if (i == 8)
                out += QLatin1Char(' ');
            if (i < count)
                appendHexByte(out, static_cast<unsigned char>(bytes[offset + i]), kLowerHexDigits);
            else
                out += QLatin1String("  ");
        }
        out += QLatin1String("  |");
        for (qsizetype i = 0; i < count; ++i) {
            const auto byte = static_cast<unsigned char>(bytes[offset + i]);
            out += (byte >= 0x20 && byte < 0x7F) ? QLatin1Char(char(byte)) : QLatin1Char('.');
        }
        out += QLatin1Char('|');
    }
    return out;
}

QString formatBytes(QByteArrayView bytes, ByteView view)
{
    switch (view) {
    case ByteView::Text:
        return formatText(bytes);
    case ByteView::Hex:
        return formatHex(bytes);
    case ByteView::Mixed:
        return formatMixed(bytes);
    }
    return formatText(bytes);
}

QString byteInputName(ByteInput input)
{
    return input == ByteInput::Hex ? QStringLiteral("hex") : QStringLiteral("text");
}

std::optional<ByteInput> byteInputFromName(QStringView name)
{
    for (ByteInput input : {ByteInput::Text, ByteInput::Hex}) {
        if (name.trimmed().compare(byteInputName(input), Qt::CaseInsensitive) == 0)
            return input;
    }
    return std::nullopt;
}

std::optional<QByteArray> parseEscapedText(QStringView text, ByteParseError* error)
{
    auto fail = [error](ByteParseErrorKind kind, qsizetype position) {
        if (error)
            *error = ByteParseError{kind, position};
        return std::nullopt;
    };
    QByteArray out;
    out.reserve(text.size());
    qsizetype runStart = 0; // start of the plain characters not yet encoded
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (text[i] != QLatin1Char('\\'))
            continue;
        out += text.sliced(runStart, i - runStart).toUtf8();
        if (i + 1 >= size)
            return fail(ByteParseErrorKind::TrailingBackslash, i);
        const QChar next = text[i + 1];
        switch (next.unicode()) {
        case 'r':
            out += '\r';
            break;
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case '0':
            out += '\0';
            break;
        case '\\':
            out += '\\';
            break;
        case 'x': {
            const int high = i + 2 < size ? hexValue(text[i + 2]) : -1;
            const int low = i + 3 < size ? hexValue(text[i + 3]) : -1;
            if (high < 0 || low < 0)
                return fail(ByteParseErrorKind::BadEscapeDigits, i);
            out += char((high << 4) | low);
            i += 2;
            break;
        }
        default:
            return fail(ByteParseErrorKind::UnknownEscape, i);
        }
        ++i;
        runStart = i + 1;
    }
    out += text.sliced(runStart).toUtf8();
    if (error)
        *error = {};
    return out;
}

std::optional<QByteArray> parseHex(QStringView text, ByteParseError* error)
{
    QByteArray out;
    out.reserve(text.size() / 2);
    int high = -1;
    qsizetype highAt = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isSpace()) {
            continue;
        }
        const int value = hexValue(c);
        if (value < 0) {
            if (error)
                *error = ByteParseError{ByteParseErrorKind::BadHexDigit, i};
            return std::nullopt;
        }
        if (high < 0) {
            high = value;
            highAt = i;
        } else {
            out += char((high << 4) | value);
            high = -1;
        }
    }
    if (high >= 0) {
        if (error)
            *error = ByteParseError{ByteParseErrorKind::OddHexDigits, highAt};
        return std::nullopt;
    }
    if (error)
        *error = {};
    return out;
}

std::optional<QByteArray> parseBytes(QStringView text, ByteInput input, ByteParseError* error)
{
    return input == ByteInput::Hex ? parseHex(text, error) : parseEscapedText(text, error);
}

QString describeParseError(const ByteParseError& error)
{
    const auto tr = [](const char* text) {
        return translateIn({"chorus::ByteText", "chorus"}, text);
    };
    // Positions are shown counting from 1, as an editor's column.
    const qsizetype column = error.position + 1;
    switch (error.kind) {
    case ByteParseErrorKind::None:
        return {};
    case ByteParseErrorKind::OddHexDigits:
        return tr("a hex digit without its pair at column %1").arg(column);
    case ByteParseErrorKind::BadHexDigit:
        return tr("not a hex digit at column %1").arg(column);
    case ByteParseErrorKind::BadEscapeDigits:
        return tr("\\x needs two hex digits at column %1").arg(column);
    case ByteParseErrorKind::UnknownEscape:
        return tr("unknown escape at column %1 (use \\r \\n \\t \\0 \\\\ or \\xNN)").arg(column);
    case ByteParseErrorKind::TrailingBackslash:
        return tr("a lone backslash at the end, column %1 (write \\\\ for one)").arg(column);
    }
    return {};
}

} // namespace chorus
