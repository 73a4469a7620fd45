#include "wire/FrameCodec.h"

#include <QCoreApplication>

namespace chorus {

namespace {

constexpr char kLf = '\n';
constexpr char kCr = '\r';

// Number of bytes at the end of `bytes` that start a UTF-8 sequence whose
// continuation bytes have not arrived yet (0 when the tail is complete or not
// UTF-8 at all: invalid bytes are left to the decoder's U+FFFD).
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

} // namespace

QString framingName(Framing framing)
{
    switch (framing) {
    case Framing::Auto:
        return QStringLiteral("auto");
    case Framing::Line:
        return QStringLiteral("line");
    case Framing::Raw:
        return QStringLiteral("raw");
    }
    return QStringLiteral("auto");
}

std::optional<Framing> framingFromName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    for (Framing framing : {Framing::Auto, Framing::Line, Framing::Raw}) {
        if (trimmed.compare(framingName(framing), Qt::CaseInsensitive) == 0)
            return framing;
    }
    return std::nullopt;
}

QString terminatorName(Terminator terminator)
{
    switch (terminator) {
    case Terminator::None:
        return QStringLiteral("none");
    case Terminator::Lf:
        return QStringLiteral("LF");
    case Terminator::CrLf:
        return QStringLiteral("CRLF");
    }
    return QStringLiteral("none");
}

std::optional<Terminator> terminatorFromName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    for (Terminator terminator : {Terminator::None, Terminator::Lf, Terminator::CrLf}) {
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
        return QByteArrayLiteral("\r\n");
    }
    return {};
}

QString decodeUtf8(QByteArrayView bytes)
{
    return QString::fromUtf8(bytes);
}

QByteArray encodeMessage(const QString& text, Terminator terminator)
{
    QByteArray out = text.toUtf8();
    switch (terminator) {
    case Terminator::None:
        break;
    case Terminator::Lf:
        out.append(kLf);
        break;
    case Terminator::CrLf:
        out.append(kCr).append(kLf);
        break;
    }
    return out;
}

FrameDecoder::FrameDecoder(Framing framing, qsizetype maxMessageBytes)
    : m_framing(framing), m_maxMessageBytes(maxMessageBytes > 0 ? maxMessageBytes : 1)
{}

void FrameDecoder::setFraming(Framing framing)
{
    m_framing = framing;
}

void FrameDecoder::setMaxMessageBytes(qsizetype maxBytes)
{
    m_maxMessageBytes = maxBytes > 0 ? maxBytes : 1;
}

QList<FramedMessage> FrameDecoder::feed(QByteArrayView chunk)
{
    m_tailHeldBack = false;
    QList<FramedMessage> out;
    if (chunk.isEmpty())
        return out;

    if (m_framing == Framing::Raw) {
        // Bytes left over from a previous Line/Auto phase belong to this burst.
        QByteArray burst;
        QByteArrayView data = chunk;
        if (!m_pending.isEmpty()) {
            burst = std::move(m_pending);
            m_pending = QByteArray();
            burst.append(chunk);
            data = burst;
        }
        m_discarding = false;
        m_discarded = 0;
        for (qsizetype pos = 0; pos < data.size(); pos += m_maxMessageBytes) {
            FramedMessage message;
            message.payload =
                data.sliced(pos, qMin(m_maxMessageBytes, data.size() - pos)).toByteArray();
            out.append(std::move(message));
        }
        m_lastTerminator = Terminator::None;
        m_sawAnyMessage = true;
        m_lastWasIdle = false;
        return out;
    }

    const char* data = chunk.data();
    const qsizetype size = chunk.size();
    qsizetype pos = 0;
    while (pos < size) {
        const qsizetype lf = chunk.indexOf(kLf, pos);

        if (m_discarding) {
            if (lf < 0) {
                m_discarded += size - pos;
                m_discardEndsWithCr = data[size - 1] == kCr;
                break;
            }
            // The terminator of the dropped message still tells us the peer's style.
            const bool crlf = lf > pos ? data[lf - 1] == kCr : m_discardEndsWithCr;
            m_discarding = false;
            m_discarded = 0;
            m_discardEndsWithCr = false;
            m_lastTerminator = crlf ? Terminator::CrLf : Terminator::Lf;
            m_sawAnyMessage = true;
            m_lastWasIdle = false;
            pos = lf + 1;
            continue;
        }

        if (lf < 0) {
            const qsizetype rest = size - pos;
            qsizetype total = m_pending.size() + rest;
            // A CR at the very end may be the first half of CRLF: not payload yet.
            const qsizetype payloadSoFar = data[size - 1] == kCr ? total - 1 : total;
            if (payloadSoFar > m_maxMessageBytes) {
                FramedMessage message;
                message.overLong = true;
                message.discardedBytes = total;
                out.append(std::move(message));
                m_pending = QByteArray();
                m_discarding = true;
                m_discarded = total;
                m_discardEndsWithCr = data[size - 1] == kCr;
            } else {
                m_pending.append(data + pos, rest);
            }
            break;
        }

        // A complete message: m_pending + data[pos, lf).
        const qsizetype segment = lf - pos;
        bool crlf = false;
        if (segment > 0)
            crlf = data[lf - 1] == kCr;
        else if (!m_pending.isEmpty())
            crlf = m_pending.back() == kCr;
        const qsizetype payloadSize = m_pending.size() + segment - (crlf ? 1 : 0);

        FramedMessage message;
        message.terminator = crlf ? Terminator::CrLf : Terminator::Lf;
        if (payloadSize > m_maxMessageBytes) {
            message.overLong = true;
            message.discardedBytes = payloadSize;
            m_pending = QByteArray();
        } else if (m_pending.isEmpty()) {
            message.payload = QByteArray(data + pos, payloadSize);
        } else {
            m_pending.append(data + pos, segment);
            m_pending.truncate(payloadSize);
            message.payload = std::move(m_pending);
            m_pending = QByteArray();
        }
        m_lastTerminator = message.terminator;
        m_sawAnyMessage = true;
        m_lastWasIdle = false;
        out.append(std::move(message));
        pos = lf + 1;
    }
    return out;
}

std::optional<FramedMessage> FrameDecoder::flushIdle(bool force)
{
    if (m_framing == Framing::Line && !force)
        return std::nullopt; // Line framing waits for the terminator however long it takes

    if (m_discarding) {
        // The over-long message was already reported; the gap just ends it.
        m_discarding = false;
        m_discarded = 0;
        m_discardEndsWithCr = false;
        m_lastTerminator = Terminator::None;
        m_sawAnyMessage = true;
        m_lastWasIdle = true;
        m_pending = QByteArray();
        return std::nullopt;
    }
    if (m_pending.isEmpty())
        return std::nullopt;

    FramedMessage message;
    message.terminator = Terminator::None;
    const qsizetype heldBack = force ? 0 : incompleteUtf8Tail(m_pending);
    if (heldBack == m_pending.size())
        return std::nullopt;
    if (heldBack == 0) {
        message.payload = std::move(m_pending);
        m_pending = QByteArray();
    } else {
        message.payload = m_pending.left(m_pending.size() - heldBack);
        m_pending = m_pending.right(heldBack);
    }
    m_lastTerminator = Terminator::None;
    m_sawAnyMessage = true;
    m_lastWasIdle = true;
    return message;
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
    if (m_framing == Framing::Raw)
        return QCoreApplication::translate("chorus::FrameDecoder", "raw");
    if (m_lastWasIdle)
        return QCoreApplication::translate("chorus::FrameDecoder", "idle gap");
    switch (m_lastTerminator) {
    case Terminator::Lf:
        return QStringLiteral("LF");
    case Terminator::CrLf:
        return QStringLiteral("CRLF");
    case Terminator::None:
        break;
    }
    return QCoreApplication::translate("chorus::FrameDecoder", "idle gap");
}

void FrameDecoder::reset()
{
    m_tailHeldBack = false;
    m_pending = QByteArray();
    m_discarding = false;
    m_discarded = 0;
    m_discardEndsWithCr = false;
    m_lastTerminator = Terminator::Lf;
    m_sawAnyMessage = false;
    m_lastWasIdle = false;
}

} // namespace chorus
