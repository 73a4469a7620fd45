#include "client/OutgoingMessages.h"

#include <algorithm>

namespace chorus {

std::optional<QList<QByteArray>> parseOutgoing(QStringView text, ByteInput input,
                                               ByteParseError* error)
{
    QList<QByteArray> messages;
    if (input == ByteInput::Hex) {
        std::optional<QByteArray> bytes = parseHex(text, error);
        if (!bytes)
            return std::nullopt;
        if (!bytes->isEmpty())
            messages.append(*bytes);
        return messages;
    }
    qsizetype lineStart = 0;
    while (lineStart <= text.size()) {
        qsizetype lineEnd = text.indexOf(QLatin1Char('\n'), lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        QStringView line = text.sliced(lineStart, lineEnd - lineStart);
        if (line.endsWith(QLatin1Char('\r'))) // a pasted CR LF line break
            line.chop(1);
        if (!line.isEmpty()) {
            ByteParseError lineError;
            std::optional<QByteArray> bytes = parseEscapedText(line, &lineError);
            if (!bytes) {
                if (error)
                    *error = ByteParseError{lineError.kind, lineStart + lineError.position};
                return std::nullopt;
            }
            messages.append(*bytes);
        }
        lineStart = lineEnd + 1;
    }
    if (error)
        *error = {};
    return messages;
}

qsizetype firstInvalidUtf8(QByteArrayView bytes)
{
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype pos = 0;
    while (pos < size) {
        const unsigned char lead = data[pos];
        if (lead < 0x80) {
            ++pos;
            continue;
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
            return pos;
        }
        if (size - pos < length)
            return pos;
        for (int i = 1; i < length; ++i) {
            if ((data[pos + i] & 0xC0) != 0x80)
                return pos;
            value = (value << 6) | (data[pos + i] & 0x3F);
        }
        // No overlong forms, no surrogates, nothing above U+10FFFF.
        if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
            return pos;
        pos += length;
    }
    return -1;
}

OutgoingFramer::OutgoingFramer(const FrameSpec& spec, Terminator terminator)
    : m_spec(spec), m_terminator(terminator), m_lengthFramer(spec)
{}

std::optional<QByteArray> OutgoingFramer::frame(QByteArrayView message) const
{
    if (m_spec.isTextual())
        return encodeMessage(message, m_terminator);
    // Raw, Fixed, Delimiter, LengthField: as a reply is framed for a peer
    // that has sent nothing yet (FrameCodec.h).
    return m_lengthFramer.frameOutgoing(message);
}

qint64 OutgoingFramer::capacity() const
{
    if (m_spec.framing != Framing::LengthField)
        return -1;
    const LengthFieldSpec& length = m_spec.length;
    if (length.size >= 8)
        return -1; // more than any message this client accepts
    const qint64 largestValue = (qint64(1) << (8 * length.size)) - 1;
    return std::max<qint64>(0, largestValue + length.adjust);
}

bool OutgoingFramer::fits(qsizetype size) const
{
    if (m_spec.framing != Framing::LengthField)
        return true;
    const qint64 value = qint64(size) - m_spec.length.adjust;
    return value >= 0 && (capacity() < 0 || qint64(size) <= capacity());
}

bool OutgoingFramer::separatesMessages() const
{
    if (m_spec.isTextual())
        return m_terminator != Terminator::None;
    return m_spec.framing != Framing::Raw;
}

bool OutgoingFramer::differsFromFixedSize(qsizetype size) const
{
    return m_spec.framing == Framing::Fixed && size != m_spec.fixedSize;
}

} // namespace chorus
