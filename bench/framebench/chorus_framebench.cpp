// chorus-framebench: FrameDecoder throughput per framing, one core.
//
// For each framing, a 64 KiB read made of 64-byte frames (payload plus that
// framing's terminator, delimiter or header) is fed again and again for
// --seconds; the figure is input bytes per second (MB = 10^6 bytes) and frames
// per second. Usage: chorus-framebench [--seconds S] [--frame BYTES]

#include "wire/FrameCodec.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <cstdio>

using namespace chorus;

namespace {

struct Case
{
    const char* name;
    FrameSpec spec;
    QByteArray frame; // one frame on the wire, frameBytes long
};

QByteArray payload(qsizetype size)
{
    QByteArray bytes(size, 'a');
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char('a' + i % 26);
    return bytes;
}

QByteArray lengthFramed(qsizetype frameBytes, int fieldSize)
{
    QByteArray frame(fieldSize, '\0');
    const qsizetype body = frameBytes - fieldSize;
    for (int i = 0; i < fieldSize; ++i)
        frame[fieldSize - 1 - i] = char((body >> (8 * i)) & 0xFF);
    return frame + payload(body);
}

QByteArray modbusFrame(qsizetype frameBytes)
{
    const qsizetype following = frameBytes - 6; // unit id + PDU
    QByteArray frame = QByteArray::fromHex("00010000");
    frame += char(following >> 8);
    frame += char(following & 0xFF);
    return frame + payload(following);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    double seconds = 1.0;
    qsizetype frameBytes = 64;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--seconds"))
            seconds = args[i + 1].toDouble();
        else if (args[i] == QLatin1String("--frame"))
            frameBytes = args[i + 1].toLongLong();
    }
    if (seconds <= 0 || seconds > 60 || frameBytes < 8 || frameBytes > 65536) {
        std::fprintf(stderr, "usage: chorus-framebench [--seconds 0-60] [--frame 8-65536]\n");
        return 2;
    }

    const QByteArray body = payload(frameBytes - 1);
    const QList<Case> cases = {
        {"auto (LF lines)", FrameSpec(Framing::Auto), body + '\n'},
        {"auto (CRLF lines)", FrameSpec(Framing::Auto), body.left(frameBytes - 2) + "\r\n"},
        {"line (LF)", FrameSpec(Framing::Line), body + '\n'},
        {"cr", FrameSpec(Framing::Cr), body + '\r'},
        {"delimiter 03", FrameSpec::delimited("\x03"), body + '\x03'},
        {"delimiter 02..03", FrameSpec::delimited("\x03", "\x02"),
         '\x02' + body.left(frameBytes - 2) + '\x03'},
        {"u16be", FrameSpec::preset(LengthPreset::U16Be), lengthFramed(frameBytes, 2)},
        {"u32be", FrameSpec::preset(LengthPreset::U32Be), lengthFramed(frameBytes, 4)},
        {"modbus-tcp", FrameSpec::preset(LengthPreset::ModbusTcp), modbusFrame(frameBytes)},
        {"fixed", FrameSpec::fixed(frameBytes), payload(frameBytes)},
    };

    std::printf("framing,frame_bytes,mb_per_s,frames_per_s\n");
    for (const Case& c : cases) {
        QByteArray chunk;
        while (chunk.size() + c.frame.size() <= 64 * 1024)
            chunk += c.frame;
        const qsizetype framesPerChunk = chunk.size() / c.frame.size();
        FrameDecoder decoder(c.spec, 1 << 20);
        QList<FramedMessage> out;
        out.reserve(framesPerChunk);
        QElapsedTimer clock;
        clock.start();
        qint64 bytes = 0;
        qint64 frames = 0;
        const qint64 deadlineNs = qint64(seconds * 1e9);
        while (clock.nsecsElapsed() < deadlineNs) {
            for (int i = 0; i < 16; ++i) {
                out.clear();
                decoder.feed(chunk, out);
                frames += out.size();
                bytes += chunk.size();
            }
        }
        const double elapsed = double(clock.nsecsElapsed()) / 1e9;
        if (frames < framesPerChunk) {
            std::fprintf(stderr, "%s: decoded no frames\n", c.name);
            return 1;
        }
        std::printf("%s,%lld,%.0f,%.0f\n", c.name, qlonglong(c.frame.size()), bytes / elapsed / 1e6,
                    frames / elapsed);
    }
    return 0;
}
