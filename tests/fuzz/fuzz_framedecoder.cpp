// FrameDecoder under every framing: input byte 0 picks the framing, byte 1 the
// message limit, byte 2 how the rest is cut into reads. Invariants: no message
// over the limit, memory bounded by the limit plus one read, nothing pending
// after the end of the stream, and what frameOutgoing() sends decodes back to
// the same payload.

#include "FuzzTarget.h"

#include "wire/FrameCodec.h"

#include <QList>

using namespace chorus;

namespace {

FrameSpec specFor(std::uint8_t pick, const std::uint8_t* params)
{
    switch (pick % 13) {
    case 0:
        return FrameSpec(Framing::Auto);
    case 1:
        return FrameSpec(Framing::Line);
    case 2:
        return FrameSpec(Framing::Cr);
    case 3:
        return FrameSpec(Framing::Raw);
    case 4:
        return FrameSpec::delimited("\x03");
    case 5:
        return FrameSpec::delimited("\r\n");
    case 6:
        return FrameSpec::delimited("\x03", "\x02");
    case 7:
        return FrameSpec::preset(LengthPreset::U16Be);
    case 8:
        return FrameSpec::preset(LengthPreset::U32Be);
    case 9:
        return FrameSpec::preset(LengthPreset::ModbusTcp);
    case 10:
        return FrameSpec::fixed(1 + params[0] % 64);
    default: {
        static const int sizes[] = {1, 2, 3, 4, 8};
        LengthFieldSpec length;
        length.offset = params[0] % 8;
        length.size = sizes[params[1] % 5];
        length.bigEndian = (params[2] & 1) != 0;
        length.adjust = int(params[3]) - 128;
        length.strip = params[4] % 16;
        length.maxFrame = (params[5] % 4) == 0 ? 0 : 1 + params[5] * 4;
        return FrameSpec::lengthField(length);
    }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 9)
        return 0;
    const FrameSpec spec = specFor(data[0], data + 3);
    const qsizetype max = 1 + data[1] * 4;
    const qsizetype cut = 1 + data[2] % 64;
    const QByteArrayView stream(reinterpret_cast<const char*>(data + 9), qsizetype(size - 9));

    FrameDecoder decoder(spec, max);
    QList<FramedMessage> out;
    for (qsizetype pos = 0; pos < stream.size(); pos += cut) {
        const QByteArrayView read = stream.sliced(pos, std::min(cut, stream.size() - pos));
        decoder.feed(read, out);
        fuzzCheck(decoder.pendingBytes() <= max + 64 + read.size() + 1032,
                  "pending bytes bounded by the limit plus one read");
        if ((data[2] & 0x80) != 0) { // sometimes an idle gap between reads
            if (std::optional<FramedMessage> idle = decoder.flushAfterGap())
                out.append(*idle);
        }
    }
    if (std::optional<FramedMessage> last = decoder.flushIdle(true))
        out.append(*last);
    fuzzCheck(!decoder.hasPending(), "nothing pending after the end of the stream");
    for (const FramedMessage& message : out) {
        if (message.isMessage() && spec.framing != Framing::LengthField &&
            spec.framing != Framing::Fixed)
            fuzzCheck(message.payload.size() <= max, "no message over the limit");
        if (message.problem == FrameProblem::TooLong)
            fuzzCheck(message.discardedBytes > 0, "a TooLong report counts what it dropped");
    }

    // What goes out for the last payload decodes back to it (framings where the
    // payload cannot contain the delimiter by construction are checked).
    for (const FramedMessage& message : out) {
        if (!message.isMessage())
            continue;
        const std::optional<QByteArray> wire = decoder.frameOutgoing(message.payload);
        if (!wire || spec.framing != Framing::LengthField ||
            spec.length.strip != spec.length.headerSize())
            continue;
        FrameDecoder back(spec, max + 64);
        const QList<FramedMessage> decoded = back.feed(*wire);
        if (message.payload.size() + spec.length.headerSize() <= max + 64 &&
            spec.length.adjust == 0) {
            fuzzCheck(decoded.size() == 1, "a framed reply is one frame");
            fuzzCheck(decoded.first().payload == message.payload, "a framed reply decodes back");
        }
    }
    return 0;
}
