#include "wire/FrameCodec.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <algorithm>
#include <cstring>

namespace chorus {

namespace {

constexpr char kLf = '\n';
constexpr char kCr = '\r';

// Number of bytes at the end of `bytes` that start a UTF-8 sequence whose
// continuation bytes have not arrived yet (0 when the tail is complete or not
// UTF-8 at all).
qsizetype incompleteUtf8Tail(const QByteArray& bytes)
{
    const qsizetype size = bytes.size();
    // A sequence is at most 4 bytes, so its lead byte is within the last 4.
    for (qsizetype back = 1; back <= 4 && back <= size; ++back) {
        const auto byte = static_cast<unsigned char>(bytes.at(size - back));
        if ((byte & 0xC0) == 0x80)
            continue; // continuation byte: keep looking for the lead byte
        qsizetype expected = 1;
        if ((byte & 0xE0) == 0xC0)
            expected = 2;
        else if ((byte & 0xF0) == 0xE0)
            expected = 3;
        else if ((byte & 0xF8) == 0xF0)
            expected = 4;
        return back < expected ? back : 0;
    }
    return 0;
}

qsizetype findByte(QByteArrayView data, char byte, qsizetype from)
{
    if (from >= data.size())
        return -1;
    const void* hit = std::memchr(data.data() + from, byte, size_t(data.size() - from));
    return hit ? static_cast<const char*>(hit) - data.data() : -1;
}

quint64 readUnsigned(const char* field, int size, bool bigEndian)
{
    quint64 value = 0;
    for (int i = 0; i < size; ++i) {
        const auto byte = static_cast<unsigned char>(field[bigEndian ? i : size - 1 - i]);
        value = (value << 8) | byte;
    }
    return value;
}

void writeUnsigned(char* field, int size, bool bigEndian, quint64 value)
{
    for (int i = 0; i < size; ++i) {
        const char byte = char((value >> (8 * (size - 1 - i))) & 0xFF);
        field[bigEndian ? i : size - 1 - i] = byte;
    }
}

} // namespace

QString terminatorName(Terminator terminator)
{
    switch (terminator) {
    case Terminator::None:
        return QStringLiteral("none");
    case Terminator::Lf:
        return QStringLiteral("LF");
    case Terminator::CrLf:
        return QStringLiteral("CRLF");
    case Terminator::Cr:
        return QStringLiteral("CR");
    case Terminator::CrNul:
        return QStringLiteral("CR NUL");
    }
    return QStringLiteral("none");
}

std::optional<Terminator> terminatorFromName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    for (Terminator terminator :
         {Terminator::None, Terminator::Lf, Terminator::CrLf, Terminator::Cr, Terminator::CrNul}) {
        if (trimmed.compare(terminatorName(terminator), Qt::CaseInsensitive) == 0)
            return terminator;
    }
    return std::nullopt;
}

QByteArray terminatorBytes(Terminator terminator)
{
    switch (terminator) {
    case Terminator::None:
        return {};
    case Terminator::Lf:
        return QByteArrayLiteral("\n");
    case Terminator::CrLf:
    case Terminator::CrNul: // a bare CR would not start a new line on a terminal
        return QByteArrayLiteral("\r\n");
    case Terminator::Cr:
        return QByteArrayLiteral("\r");
    }
    return {};
}

QString decodeUtf8(QByteArrayView bytes)
{
    // Not QString::fromUtf8: it drops a U+FEFF at the start, which is a
    // character of the message here, not a signature.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless |
                                                     QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(bytes);
}

QByteArray encodeMessage(QByteArrayView bytes, Terminator terminator)
{
    QByteArray out;
    const QByteArray end = terminatorBytes(terminator);
    out.reserve(bytes.size() + end.size());
    out.append(bytes).append(end);
    return out;
}

QByteArray encodeMessage(const QString& text, Terminator terminator)
{
    return encodeMessage(QByteArrayView(text.toUtf8()), terminator);
}

FrameDecoder::FrameDecoder(const FrameSpec& spec, qsizetype maxMessageBytes)
    : m_maxMessageBytes(maxMessageBytes > 0 ? maxMessageBytes : 1)
{
    setSpec(spec);
    reset();
}

void FrameDecoder::setSpec(const FrameSpec& spec)
{
    const bool wasCr = m_spec.framing == Framing::Cr;
    m_spec = spec;
    m_searched = 0;
    m_discarding = false;
    m_discardRemaining = 0;
    m_inEnvelope = false;
    if (!m_sawAnyMessage || wasCr != (spec.framing == Framing::Cr))
        m_lastTerminator = spec.framing == Framing::Cr ? Terminator::Cr : Terminator::Lf;
}

void FrameDecoder::setMaxMessageBytes(qsizetype maxBytes)
{
    m_maxMessageBytes = maxBytes > 0 ? maxBytes : 1;
}

qint64 FrameDecoder::maxFrameBytes() const
{
    const LengthFieldSpec& length = m_spec.length;
    return length.maxFrame > 0 ? length.maxFrame : qint64(m_maxMessageBytes) + length.headerSize();
}

QList<FramedMessage> FrameDecoder::feed(QByteArrayView chunk)
{
    QList<FramedMessage> out;
    feed(chunk, out);
    return out;
}

void FrameDecoder::feed(QByteArrayView chunk, QList<FramedMessage>& out)
{
    m_tailHeldBack = false;
    if (m_skipAfterCr && !chunk.isEmpty()) {
        m_skipAfterCr = false;
        if (chunk.front() == kLf || chunk.front() == '\0')
            chunk = chunk.sliced(1); // the rest of a CR LF (or CR NUL) split across reads
    }
    if (chunk.isEmpty())
        return;
    if (m_spec.framing == Framing::Raw) {
        feedRaw(chunk, out);
        return;
    }
    // Scan the chunk in place when nothing is pending (the common case);
    // otherwise the pending bytes and the chunk together.
    const bool fromPending = !m_pending.isEmpty();
    if (fromPending)
        m_pending.append(chunk);
    const QByteArrayView data = fromPending ? QByteArrayView(m_pending) : chunk;
    qsizetype consumed = 0;
    switch (m_spec.framing) {
    case Framing::Auto:
    case Framing::Line:
    case Framing::Cr:
        consumed = scanLines(data, out);
        break;
    case Framing::Delimiter:
        consumed = scanDelimited(data, out);
        break;
    case Framing::LengthField:
        consumed = scanLengthField(data, out);
        break;
    case Framing::Fixed:
        consumed = scanFixed(data, out);
        break;
    case Framing::Raw:
        break;
    }
    if (fromPending) {
        if (consumed >= m_pending.size())
            m_pending = QByteArray(); // release a large message's buffer
        else if (consumed > 0)
            m_pending.remove(0, consumed);
    } else if (consumed < data.size()) {
        m_pending = data.sliced(consumed).toByteArray();
    }
}

void FrameDecoder::feedRaw(QByteArrayView chunk, QList<FramedMessage>& out)
{
    // Bytes left over from an earlier framing belong to this burst.
    QByteArray burst;
    QByteArrayView data = chunk;
    if (!m_pending.isEmpty()) {
        burst = std::exchange(m_pending, QByteArray());
        burst.append(chunk);
        data = burst;
    }
    m_discarding = false;
    for (qsizetype pos = 0; pos < data.size(); pos += m_maxMessageBytes)
        emitMessage(data.sliced(pos, qMin(m_maxMessageBytes, data.size() - pos)), Terminator::None,
                    out);
}

void FrameDecoder::emitMessage(QByteArrayView payload, Terminator terminator,
                               QList<FramedMessage>& out)
{
    FramedMessage message;
    message.payload = payload.toByteArray();
    message.terminator = terminator;
    m_lastTerminator = terminator;
    m_sawAnyMessage = true;
    m_lastWasIdle = false;
    out.append(std::move(message));
}

void FrameDecoder::emitProblem(FrameProblem problem, QByteArrayView bytes, qsizetype discarded,
                               QList<FramedMessage>& out)
{
    FramedMessage message;
    message.problem = problem;
    message.payload = bytes.toByteArray();
    message.discardedBytes = discarded;
    message.terminator = Terminator::None;
    out.append(std::move(message));
}

qsizetype FrameDecoder::scanLines(QByteArrayView data, QList<FramedMessage>& out)
{
    const bool lfEnds = m_spec.framing != Framing::Cr;   // Auto, Line
    const bool crEnds = m_spec.framing != Framing::Line; // Auto, Cr
    const char* bytes = data.data();
    const qsizetype size = data.size();
    qsizetype pos = 0;
    qsizetype from = std::min(m_searched, size);
    m_searched = 0;
    qsizetype nextLf = -2; // cached search results; -2: not searched yet
    qsizetype nextCr = -2;
    qsizetype searchedTo = size; // where the next feed resumes the search
    while (true) {
        if (lfEnds && nextLf != -1 && nextLf < from)
            nextLf = findByte(data, kLf, from);
        if (crEnds && nextCr != -1 && nextCr < from)
            nextCr = findByte(data, kCr, from);
        qsizetype end = -1; // the terminator's first byte
        if (lfEnds && nextLf >= 0)
            end = nextLf;
        if (crEnds && nextCr >= 0 && (end < 0 || nextCr < end))
            end = nextCr;
        if (end < 0)
            break;

        Terminator terminator = Terminator::Lf;
        qsizetype payloadEnd = end;
        qsizetype next = end + 1;
        if (bytes[end] == kLf) {
            if (end > pos && bytes[end - 1] == kCr) { // Line: the CR before LF is not payload
                terminator = Terminator::CrLf;
                payloadEnd = end - 1;
            }
        } else if (end + 1 >= size) {
            if (m_spec.framing == Framing::Auto) {
                // A CR with nothing after it yet: LF, NUL or another byte decide
                // which terminator it is; the idle gap makes it a lone CR.
                searchedTo = end;
                break;
            }
            // Cr framing answers at once (a device waits for its reply); a LF
            // or NUL that follows in the next read is dropped as part of it.
            terminator = Terminator::Cr;
            m_skipAfterCr = true;
        } else if (bytes[end + 1] == kLf) {
            terminator = Terminator::CrLf;
            next = end + 2;
        } else if (bytes[end + 1] == '\0') {
            terminator = Terminator::CrNul;
            next = end + 2;
        } else {
            terminator = Terminator::Cr;
        }

        if (m_discarding) {
            m_discarding = false; // the over-long message ends here; it was reported
            m_lastTerminator = terminator;
            m_sawAnyMessage = true;
            m_lastWasIdle = false;
        } else if (payloadEnd - pos > m_maxMessageBytes) {
            emitProblem(FrameProblem::TooLong, {}, payloadEnd - pos, out);
            m_lastTerminator = terminator;
            m_sawAnyMessage = true;
            m_lastWasIdle = false;
        } else {
            emitMessage(data.sliced(pos, payloadEnd - pos), terminator, out);
        }
        pos = next;
        from = next;
    }

    // No terminator in [from, size): the current message is still open. A CR
    // at the very end may be the first half of CR LF (or CR NUL): not payload.
    const qsizetype keep =
        (size > pos && bytes[size - 1] == kCr && m_spec.framing != Framing::Cr) ? 1 : 0;
    const qsizetype payloadSoFar = size - pos - keep;
    if (m_discarding) {
        return size - keep;
    }
    if (payloadSoFar > m_maxMessageBytes) {
        emitProblem(FrameProblem::TooLong, {}, payloadSoFar, out);
        m_discarding = true;
        return size - keep;
    }
    m_searched = std::max<qsizetype>(0, searchedTo - pos);
    return pos;
}

qsizetype FrameDecoder::scanDelimited(QByteArrayView data, QList<FramedMessage>& out)
{
    const QByteArrayView end(m_spec.delimiter);
    const QByteArrayView start(m_spec.start);
    const qsizetype size = data.size();
    qsizetype pos = 0;
    qsizetype from = std::min(m_searched, size);
    m_searched = 0;
    while (pos < size) {
        if (!start.isEmpty() && !m_inEnvelope && !m_discarding) {
            const qsizetype found = data.indexOf(start, from);
            if (found < 0) {
                // Not in an envelope: report what cannot be the start of one.
                const qsizetype strayEnd = std::max(pos, size - (start.size() - 1));
                if (strayEnd > pos)
                    emitProblem(FrameProblem::OutsideEnvelope, data.sliced(pos, strayEnd - pos), 0,
                                out);
                return strayEnd;
            }
            if (found > pos)
                emitProblem(FrameProblem::OutsideEnvelope, data.sliced(pos, found - pos), 0, out);
            pos = found + start.size();
            from = pos;
            m_inEnvelope = true;
            continue;
        }
        const qsizetype found = data.indexOf(end, from);
        if (found < 0)
            break;
        if (m_discarding)
            m_discarding = false;
        else if (found - pos > m_maxMessageBytes)
            emitProblem(FrameProblem::TooLong, {}, found - pos, out);
        else
            emitMessage(data.sliced(pos, found - pos), Terminator::None, out);
        pos = found + end.size();
        from = pos;
        m_inEnvelope = false;
    }
    if (pos >= size)
        return size;
    // The tail may hold the first bytes of a delimiter split across reads.
    const qsizetype keep = std::min(size - pos, end.size() - 1);
    if (m_discarding)
        return size - keep;
    if (size - pos - keep > m_maxMessageBytes) {
        emitProblem(FrameProblem::TooLong, {}, size - pos - keep, out);
        m_discarding = true;
        return size - keep;
    }
    m_searched = std::max<qsizetype>(0, size - pos - keep);
    return pos;
}

qsizetype FrameDecoder::scanLengthField(QByteArrayView data, QList<FramedMessage>& out)
{
    const LengthFieldSpec& length = m_spec.length;
    const qsizetype header = length.headerSize();
    const qint64 maxFrame = maxFrameBytes();
    const qsizetype size = data.size();
    qsizetype pos = 0;
    if (m_discardRemaining > 0) {
        const qint64 drop = std::min<qint64>(m_discardRemaining, size);
        m_discardRemaining -= drop;
        pos = qsizetype(drop);
    }
    while (size - pos >= header) {
        const quint64 value =
            readUnsigned(data.data() + pos + length.offset, length.size, length.bigEndian);
        // A length no frame can have (past kMaxFrameBytes * 4, where the sum
        // could overflow) is as corrupt as a negative one.
        const bool huge = value > quint64(kMaxFrameBytes) * 4;
        const qint64 frameLength = huge ? -1 : qint64(header) + qint64(value) + length.adjust;
        if (frameLength < header || frameLength < length.strip) {
            // Netty's CorruptedFrameException: skip the header and go on.
            emitProblem(FrameProblem::BadLength, data.sliced(pos, header), header, out);
            pos += header;
            continue;
        }
        if (frameLength > maxFrame) {
            const qint64 dropped = frameLength;
            emitProblem(FrameProblem::TooLong, data.sliced(pos, header), qsizetype(dropped), out);
            const qint64 available = size - pos;
            if (available >= dropped) {
                pos += qsizetype(dropped);
                continue;
            }
            m_discardRemaining = dropped - available;
            return size;
        }
        if (size - pos < frameLength)
            break;
        FramedMessage message;
        message.header = data.sliced(pos, header).toByteArray();
        message.payload = data.sliced(pos + length.strip, frameLength - length.strip).toByteArray();
        m_lastHeader = message.header;
        m_sawAnyMessage = true;
        m_lastTerminator = Terminator::None;
        out.append(std::move(message));
        pos += qsizetype(frameLength);
    }
    return pos;
}

qsizetype FrameDecoder::scanFixed(QByteArrayView data, QList<FramedMessage>& out)
{
    const qsizetype frame = std::max<qsizetype>(1, m_spec.fixedSize);
    qsizetype pos = 0;
    for (; data.size() - pos >= frame; pos += frame)
        emitMessage(data.sliced(pos, frame), Terminator::None, out);
    return pos;
}

std::optional<FramedMessage> FrameDecoder::flushIdle(bool force)
{
    const Framing framing = m_spec.framing;
    if (!force && framing != Framing::Auto)
        return std::nullopt; // only Auto ends a message by silence
    if (m_discarding || m_discardRemaining > 0) {
        // The over-long message was already reported; the gap (or the end) ends it.
        m_discarding = false;
        m_discardRemaining = 0;
        m_lastTerminator = Terminator::None;
        m_sawAnyMessage = true;
        m_lastWasIdle = true;
        m_pending = QByteArray();
        m_searched = 0;
        return std::nullopt;
    }
    if (m_pending.isEmpty())
        return std::nullopt;

    FramedMessage message;
    if (framing == Framing::LengthField || framing == Framing::Fixed ||
        (framing == Framing::Delimiter && !m_spec.start.isEmpty() && !m_inEnvelope)) {
        message.problem = framing == Framing::Delimiter ? FrameProblem::OutsideEnvelope
                                                        : FrameProblem::Incomplete;
        message.payload = std::exchange(m_pending, QByteArray());
        m_searched = 0;
        return message;
    }
    m_searched = 0;
    m_inEnvelope = false;
    // A message may pass the limit here only by the bytes kept back as a possible
    // terminator or delimiter: then it is too long, like any other.
    const auto limited = [this](FramedMessage&& flushed) {
        if (flushed.payload.size() > m_maxMessageBytes) {
            flushed.problem = FrameProblem::TooLong;
            flushed.discardedBytes = flushed.payload.size();
            flushed.payload = QByteArray();
        }
        return std::optional<FramedMessage>(std::move(flushed));
    };
    if (framing == Framing::Auto && m_pending.endsWith(kCr)) {
        // Silence after a CR: it was a lone CR, the message's terminator. A
        // LF or NUL late after the gap is still its second half, not a line.
        m_pending.chop(1);
        m_skipAfterCr = true;
        message.payload = std::exchange(m_pending, QByteArray());
        message.terminator = Terminator::Cr;
        m_lastTerminator = Terminator::Cr;
        m_sawAnyMessage = true;
        m_lastWasIdle = false;
        return limited(std::move(message));
    }
    const qsizetype heldBack = force ? 0 : incompleteUtf8Tail(m_pending);
    if (heldBack == m_pending.size())
        return std::nullopt;
    if (heldBack == 0) {
        message.payload = std::exchange(m_pending, QByteArray());
    } else {
        message.payload = m_pending.left(m_pending.size() - heldBack);
        m_pending = m_pending.right(heldBack);
    }
    message.terminator = Terminator::None;
    m_lastTerminator = Terminator::None;
    m_sawAnyMessage = true;
    m_lastWasIdle = true;
    return limited(std::move(message));
}

std::optional<FramedMessage> FrameDecoder::flushAfterGap()
{
    const bool force = m_tailHeldBack;
    m_tailHeldBack = false;
    std::optional<FramedMessage> message = flushIdle(force);
    if (!message && !force && !m_pending.isEmpty())
        m_tailHeldBack = true;
    return message;
}

QString FrameDecoder::detectedLabel() const
{
    if (!m_sawAnyMessage)
        return QStringLiteral("-");
    switch (m_spec.framing) {
    case Framing::Raw:
        return QCoreApplication::translate("chorus::FrameDecoder", "raw");
    case Framing::Delimiter:
    case Framing::LengthField:
    case Framing::Fixed:
        return m_spec.label();
    case Framing::Auto:
    case Framing::Line:
    case Framing::Cr:
        break;
    }
    if (m_lastWasIdle || m_lastTerminator == Terminator::None)
        return QCoreApplication::translate("chorus::FrameDecoder", "idle gap");
    return terminatorName(m_lastTerminator);
}

void FrameDecoder::reset()
{
    m_tailHeldBack = false;
    m_pending = QByteArray();
    m_searched = 0;
    m_discarding = false;
    m_discardRemaining = 0;
    m_inEnvelope = false;
    m_skipAfterCr = false;
    m_lastTerminator = m_spec.framing == Framing::Cr ? Terminator::Cr : Terminator::Lf;
    m_lastHeader = QByteArray();
    m_sawAnyMessage = false;
    m_lastWasIdle = false;
}

std::optional<QByteArray> FrameDecoder::frameOutgoing(QByteArrayView body) const
{
    switch (m_spec.framing) {
    case Framing::Auto:
    case Framing::Line:
    case Framing::Cr:
        return encodeMessage(body, m_lastTerminator);
    case Framing::Raw:
    case Framing::Fixed:
        return body.toByteArray();
    case Framing::Delimiter: {
        QByteArray out;
        out.reserve(m_spec.start.size() + body.size() + m_spec.delimiter.size());
        out.append(m_spec.start).append(body).append(m_spec.delimiter);
        return out;
    }
    case Framing::LengthField: {
        const LengthFieldSpec& length = m_spec.length;
        const qint64 value = qint64(body.size()) - length.adjust;
        const bool fits =
            value >= 0 && (length.size >= 8 || quint64(value) < (quint64(1) << (8 * length.size)));
        if (!fits)
            return std::nullopt;
        // The bytes before the field come from the peer's last frame (Modbus/TCP:
        // transaction and protocol identifiers), zeros before any.
        QByteArray out = m_lastHeader.size() == length.headerSize()
                             ? m_lastHeader
                             : QByteArray(length.headerSize(), '\0');
        writeUnsigned(out.data() + length.offset, length.size, length.bigEndian, quint64(value));
        out.append(body);
        return out;
    }
    }
    return body.toByteArray();
}

} // namespace chorus
