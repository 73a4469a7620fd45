// FrameDecoder with the device framings (CR, delimiter, envelope, length field,
// fixed size) and the CR rules of Auto: every stream is decoded whole, split
// at every byte position, and byte by byte, and must give the same frames.

#include "wire/FrameCodec.h"

#include <QtTest>

using namespace chorus;

namespace {

// One decoded item as the tests write it: "m:<hex>" a message, "long:<n>" a
// TooLong report, "bad:<hex>" a BadLength header, "out:<hex>" bytes outside an
// envelope, "cut:<hex>" an Incomplete frame at the end of the stream.
QString describe(const FramedMessage& message)
{
    const QString bytes = QString::fromLatin1(message.payload.toHex());
    switch (message.problem) {
    case FrameProblem::None:
        return QStringLiteral("m:") + bytes;
    case FrameProblem::TooLong:
        return QStringLiteral("long:%1").arg(message.discardedBytes);
    case FrameProblem::BadLength:
        return QStringLiteral("bad:") + bytes;
    case FrameProblem::OutsideEnvelope:
        return QStringLiteral("out:") + bytes;
    case FrameProblem::Incomplete:
        return QStringLiteral("cut:") + bytes;
    }
    return {};
}

QStringList decodeAll(const FrameSpec& spec, qsizetype max, const QList<QByteArrayView>& chunks,
                      bool endOfStream)
{
    FrameDecoder decoder(spec, max);
    QList<FramedMessage> out;
    for (QByteArrayView chunk : chunks)
        decoder.feed(chunk, out);
    if (endOfStream) {
        if (std::optional<FramedMessage> last = decoder.flushIdle(true))
            out.append(*last);
    }
    QStringList items;
    for (const FramedMessage& message : out) {
        // Bytes outside an envelope are reported as they arrive: one report per read.
        const QString item = describe(message);
        if (item.startsWith(QLatin1String("out:")) && !items.isEmpty() &&
            items.constLast().startsWith(QLatin1String("out:")))
            items.last() += item.mid(4);
        else
            items.append(item);
    }
    return items;
}

QString m(const QByteArray& bytes)
{
    return QStringLiteral("m:") + QString::fromLatin1(bytes.toHex());
}

QByteArray hex(const char* text)
{
    return QByteArray::fromHex(text);
}

} // namespace

class tst_DeviceFraming : public QObject
{
    Q_OBJECT
private slots:
    void frames_data();
    void frames();
    void terminatorsOfCrAndAuto_data();
    void terminatorsOfCrAndAuto();
    void loneCrEndsAutoMessageAfterGap();
    void lengthFieldKeepsHeader();
    void boundedWhileDiscarding_data();
    void boundedWhileDiscarding();
    void repliesMirrorTheFraming_data();
    void repliesMirrorTheFraming();
    void replyTooLongForItsField();
    void labels_data();
    void labels();
};

void tst_DeviceFraming::frames_data()
{
    QTest::addColumn<FrameSpec>("spec");
    QTest::addColumn<int>("max");
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<bool>("endOfStream");
    QTest::addColumn<QStringList>("expected");

    const FrameSpec cr(Framing::Cr);
    QTest::newRow("cr: three commands")
        << cr << 64 << QByteArray("A\rB\rC\r") << false << QStringList{m("A"), m("B"), m("C")};
    QTest::newRow("cr: crlf and cr nul are one terminator")
        << cr << 64 << QByteArray("A\r\nB\r\0C\r", 8) << false
        << QStringList{m("A"), m("B"), m("C")};
    QTest::newRow("cr: lf alone is payload")
        << cr << 64 << QByteArray("A\nB\r") << false << QStringList{m("A\nB")};
    QTest::newRow("cr: at the limit, then one over")
        << cr << 4 << QByteArray("1234\r12345\rok\r") << false
        << QStringList{m("1234"), QStringLiteral("long:5"), m("ok")};
    QTest::newRow("auto: lf, crlf, cr, cr nul")
        << FrameSpec(Framing::Auto) << 64 << QByteArray("a\nb\r\nc\rd\r\0e\n", 12) << false
        << QStringList{m("a"), m("b"), m("c"), m("d"), m("e")};

    const FrameSpec etx = FrameSpec::delimited(hex("03"));
    QTest::newRow("delimiter 03: binary frames")
        << etx << 64
        << hex("0102ff03fe0003"
               "03")
        << false << QStringList{m(hex("0102ff")), m(hex("fe00")), m({})};
    QTest::newRow("delimiter 03: max, then one over, then good")
        << etx << 3
        << hex("aabbcc03"
               "aabbccdd03"
               "0103")
        << false << QStringList{m(hex("aabbcc")), QStringLiteral("long:4"), m(hex("01"))};
    QTest::newRow("delimiter 03: tail at end of stream")
        << etx << 64
        << hex("0103"
               "02")
        << true << QStringList{m(hex("01")), m(hex("02"))};
    const FrameSpec crlf = FrameSpec::delimited("\r\n");
    // Found by fuzzing: the byte kept back as a possible delimiter start made the
    // message at the end of the stream one byte over the limit.
    QTest::newRow("delimiter 0D0A: tail over the limit at the end")
        << crlf << 5 << hex("0b0000810300") << true << QStringList{QStringLiteral("long:6")};
    QTest::newRow("delimiter 0D0A: lone cr and lf are payload")
        << crlf << 64 << QByteArray("a\rb\nc\r\nd\r\n") << false
        << QStringList{m("a\rb\nc"), m("d")};

    const FrameSpec stxEtx = FrameSpec::delimited(hex("03"), hex("02"));
    QTest::newRow("envelope: two frames, bytes outside reported")
        << stxEtx << 64
        << hex("0241420399"
               "02434403")
        << false << QStringList{m("AB"), QStringLiteral("out:99"), m("CD")};
    QTest::newRow("envelope: junk before the first start")
        << stxEtx << 64 << hex("ffff02410304") << true
        << QStringList{QStringLiteral("out:ffff"), m("A"), QStringLiteral("out:04")};
    QTest::newRow("envelope: start inside is payload")
        << stxEtx << 64 << hex("024102420303") << false
        << QStringList{m(hex("410242")), QStringLiteral("out:03")};

    const FrameSpec u16 = FrameSpec::preset(LengthPreset::U16Be);
    QTest::newRow("u16be: two frames") << u16 << 64
                                       << hex("0003616263"
                                              "0000"
                                              "000178")
                                       << false << QStringList{m("abc"), m({}), m("x")};
    QTest::newRow("u16be: max payload (max+2 frame), one over, then good")
        << u16 << 4
        << hex("000431323334"
               "00053132333435"
               "00016f")
        << false << QStringList{m("1234"), QStringLiteral("long:7"), m("o")};
    QTest::newRow("u16be: cut at the end")
        << u16 << 64 << hex("0005616263") << true << QStringList{QStringLiteral("cut:0005616263")};
    QTest::newRow("u32be") << FrameSpec::preset(LengthPreset::U32Be) << 64
                           << hex("00000002aabb"
                                  "0000000101")
                           << false << QStringList{m(hex("aabb")), m(hex("01"))};

    LengthFieldSpec le1;
    le1.size = 1;
    le1.bigEndian = false;
    le1.strip = 1;
    QTest::newRow("1 byte field") << FrameSpec::lengthField(le1) << 64 << hex("02aabb01cc") << false
                                  << QStringList{m(hex("aabb")), m(hex("cc"))};
    LengthFieldSpec le3;
    le3.size = 3;
    le3.bigEndian = false;
    le3.strip = 3;
    QTest::newRow("3 byte field, little endian")
        << FrameSpec::lengthField(le3) << 64 << hex("020000aabb") << false
        << QStringList{m(hex("aabb"))};
    LengthFieldSpec be8;
    be8.size = 8;
    be8.strip = 8;
    QTest::newRow("8 byte field") << FrameSpec::lengthField(be8) << 64 << hex("0000000000000001ee")
                                  << false << QStringList{m(hex("ee"))};
    LengthFieldSpec le4;
    le4.size = 4;
    le4.bigEndian = false;
    le4.strip = 4;
    QTest::newRow("4 byte field, little endian")
        << FrameSpec::lengthField(le4) << 64 << hex("03000000616263") << false
        << QStringList{m("abc")};
    // Netty's example: the length counts the whole frame (adjust -2), nothing stripped.
    LengthFieldSpec whole;
    whole.adjust = -2;
    QTest::newRow("length counts header, adjust -2")
        << FrameSpec::lengthField(whole) << 64
        << hex("000748454c4c4f"
               "000341")
        << false << QStringList{m(hex("000748454c4c4f")), m(hex("000341"))};
    // Netty's example: HDR1 | LEN | HDR2 | body, offset 1, adjust 1, strip 3.
    LengthFieldSpec headers;
    headers.offset = 1;
    headers.adjust = 1;
    headers.strip = 3;
    QTest::newRow("offset 1, adjust 1, strip 3")
        << FrameSpec::lengthField(headers) << 64 << hex("ca0003fe616263") << false
        << QStringList{m(hex("fe616263"))};
    LengthFieldSpec negative;
    negative.adjust = -10;
    negative.strip = 2;
    QTest::newRow("negative length is skipped, decoding goes on")
        << FrameSpec::lengthField(negative) << 64
        << hex("0001"
               "000b41")
        << false << QStringList{QStringLiteral("bad:0001"), m("A")};
    LengthFieldSpec huge;
    huge.size = 8;
    huge.strip = 8;
    QTest::newRow("overflowing 8 byte length is corrupt")
        << FrameSpec::lengthField(huge) << 64
        << hex("ffffffffffffffff"
               "0000000000000001"
               "7a")
        << false << QStringList{QStringLiteral("bad:ffffffffffffffff"), m("z")};

    // Modbus/TCP: read holding registers (function 3) and its reply.
    const FrameSpec modbus = FrameSpec::preset(LengthPreset::ModbusTcp);
    const QByteArray request = hex("000100000006"
                                   "01"
                                   "030000000a");
    const QByteArray reply = hex("000100000007"
                                 "01"
                                 "0304002a0000");
    QTest::newRow("modbus/tcp: whole ADUs")
        << modbus << 260 << (request + reply) << false << QStringList{m(request), m(reply)};

    QTest::newRow("fixed 4") << FrameSpec::fixed(4) << 64 << QByteArray("abcdefgh12") << true
                             << QStringList{m("abcd"), m("efgh"), QStringLiteral("cut:3132")};
}

void tst_DeviceFraming::frames()
{
    QFETCH(FrameSpec, spec);
    QFETCH(int, max);
    QFETCH(QByteArray, stream);
    QFETCH(bool, endOfStream);
    QFETCH(QStringList, expected);

    QCOMPARE(decodeAll(spec, max, {stream}, endOfStream), expected);
    for (qsizetype split = 0; split <= stream.size(); ++split) {
        const QByteArrayView view(stream);
        const QStringList got =
            decodeAll(spec, max, {view.first(split), view.sliced(split)}, endOfStream);
        QVERIFY2(got == expected,
                 qPrintable(QStringLiteral("split at %1: %2").arg(split).arg(got.join(u' '))));
    }
    QList<QByteArrayView> bytes;
    for (qsizetype i = 0; i < stream.size(); ++i)
        bytes.append(QByteArrayView(stream).sliced(i, 1));
    const QStringList byByte = decodeAll(spec, max, bytes, endOfStream);
    QCOMPARE(byByte, expected);
}

void tst_DeviceFraming::terminatorsOfCrAndAuto_data()
{
    QTest::addColumn<int>("framing");
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("terminator");
    QTest::newRow("auto lf") << int(Framing::Auto) << QByteArray("x\n") << int(Terminator::Lf);
    QTest::newRow("auto crlf") << int(Framing::Auto) << QByteArray("x\r\n")
                               << int(Terminator::CrLf);
    QTest::newRow("auto cr") << int(Framing::Auto) << QByteArray("x\ry") << int(Terminator::Cr);
    QTest::newRow("auto cr nul") << int(Framing::Auto) << QByteArray("x\r\0", 3)
                                 << int(Terminator::CrNul);
    QTest::newRow("cr cr") << int(Framing::Cr) << QByteArray("x\ry") << int(Terminator::Cr);
    QTest::newRow("cr crlf") << int(Framing::Cr) << QByteArray("x\r\n") << int(Terminator::CrLf);
    QTest::newRow("line crlf") << int(Framing::Line) << QByteArray("x\r\n")
                               << int(Terminator::CrLf);
}

void tst_DeviceFraming::terminatorsOfCrAndAuto()
{
    QFETCH(int, framing);
    QFETCH(QByteArray, stream);
    QFETCH(int, terminator);
    for (qsizetype split = 0; split <= stream.size(); ++split) {
        FrameDecoder decoder{FrameSpec(Framing(framing))};
        QList<FramedMessage> out;
        decoder.feed(QByteArrayView(stream).first(split), out);
        decoder.feed(QByteArrayView(stream).sliced(split), out);
        QVERIFY(!out.isEmpty());
        QCOMPARE(out.first().payload, QByteArray("x"));
        // Cr framing answers a CR at the end of a read at once: what follows
        // in the next read is dropped, but the terminator was known as CR.
        const bool answeredAtCr = Framing(framing) == Framing::Cr && split == 2;
        const int seen = answeredAtCr ? int(Terminator::Cr) : terminator;
        QCOMPARE(int(out.first().terminator), seen);
        QCOMPARE(int(decoder.lastTerminator()), seen);
        QCOMPARE(decoder.hasPending(), stream.endsWith('y')); // "y" starts the next message
    }
}

void tst_DeviceFraming::loneCrEndsAutoMessageAfterGap()
{
    FrameDecoder decoder(Framing::Auto);
    QVERIFY(decoder.feed("STATUS\r").isEmpty()); // LF or NUL may still follow
    QVERIFY(decoder.hasPending());
    const std::optional<FramedMessage> message = decoder.flushAfterGap();
    QVERIFY(message.has_value());
    QCOMPARE(message->payload, QByteArray("STATUS"));
    QCOMPARE(message->terminator, Terminator::Cr);
    QVERIFY(!decoder.hasPending());
    QCOMPARE(decoder.detectedLabel(), QStringLiteral("CR"));
    QCOMPARE(decoder.frameOutgoing("OK").value_or("<none>"), QByteArray("OK\r"));
}

void tst_DeviceFraming::lengthFieldKeepsHeader()
{
    FrameDecoder decoder(FrameSpec::preset(LengthPreset::ModbusTcp), 260);
    const QList<FramedMessage> out = decoder.feed(hex("12340000000601030000000a"));
    QCOMPARE(out.size(), 1);
    QCOMPARE(out[0].header, hex("123400000006"));
    QCOMPARE(out[0].payload, hex("12340000000601030000000a")); // the whole ADU
}

void tst_DeviceFraming::boundedWhileDiscarding_data()
{
    QTest::addColumn<FrameSpec>("spec");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QByteArray>("good");
    QTest::newRow("line") << FrameSpec(Framing::Line) << QByteArray("\nok\n") << QByteArray("ok");
    QTest::newRow("cr") << FrameSpec(Framing::Cr) << QByteArray("\rok\r") << QByteArray("ok");
    QTest::newRow("delimiter") << FrameSpec::delimited(hex("0d0a")) << QByteArray("\r\nok\r\n")
                               << QByteArray("ok");
}

void tst_DeviceFraming::boundedWhileDiscarding()
{
    QFETCH(FrameSpec, spec);
    QFETCH(QByteArray, after);
    QFETCH(QByteArray, good);
    FrameDecoder decoder(spec, 1024);
    const QByteArray block(4096, 'x');
    int tooLong = 0;
    for (int i = 0; i < 1000; ++i) { // 4 MB without a terminator
        for (const FramedMessage& message : decoder.feed(block))
            tooLong += message.overLong() ? 1 : 0;
        QVERIFY(decoder.pendingBytes() <= 1024 + block.size());
    }
    QCOMPARE(tooLong, 1);
    const QList<FramedMessage> rest = decoder.feed(after);
    QCOMPARE(rest.size(), 1);
    QCOMPARE(rest[0].payload, good);
}

void tst_DeviceFraming::repliesMirrorTheFraming_data()
{
    QTest::addColumn<FrameSpec>("spec");
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("cr") << FrameSpec(Framing::Cr) << QByteArray("A\r") << QByteArray("OK")
                        << QByteArray("OK\r");
    QTest::newRow("auto crlf") << FrameSpec(Framing::Auto) << QByteArray("A\r\n")
                               << QByteArray("OK") << QByteArray("OK\r\n");
    QTest::newRow("telnet cr nul gets crlf") << FrameSpec(Framing::Auto) << QByteArray("A\r\0", 3)
                                             << QByteArray("OK") << QByteArray("OK\r\n");
    QTest::newRow("envelope") << FrameSpec::delimited(hex("03"), hex("02")) << hex("024103")
                              << hex("0601") << hex("02060103");
    QTest::newRow("u16be") << FrameSpec::preset(LengthPreset::U16Be) << hex("000141")
                           << QByteArray("hello") << hex("0005") + "hello";
    QTest::newRow("modbus/tcp copies transaction and protocol ids")
        << FrameSpec::preset(LengthPreset::ModbusTcp) << hex("beef0000000601030000000a")
        << hex("010314"
               "00010002000300040005000600070008000900"
               "0a")
        << hex("beef00000017"
               "010314"
               "00010002000300040005000600070008000900"
               "0a");
    QTest::newRow("fixed is sent as is")
        << FrameSpec::fixed(2) << QByteArray("ab") << QByteArray("xyz") << QByteArray("xyz");
}

void tst_DeviceFraming::repliesMirrorTheFraming()
{
    QFETCH(FrameSpec, spec);
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, reply);
    QFETCH(QByteArray, wire);
    FrameDecoder decoder(spec, 1024);
    QVERIFY(!decoder.feed(request).isEmpty());
    QCOMPARE(decoder.frameOutgoing(reply).value_or("<none>"), wire);
    // What goes out is one frame the same framing decodes back to the reply.
    if (spec.framing != Framing::Fixed && spec.length.preset != LengthPreset::ModbusTcp) {
        FrameDecoder back(spec, 1024);
        const QList<FramedMessage> decoded = back.feed(wire);
        QCOMPARE(decoded.size(), 1);
        QCOMPARE(decoded[0].payload, reply);
    }
}

void tst_DeviceFraming::replyTooLongForItsField()
{
    LengthFieldSpec oneByte;
    oneByte.size = 1;
    oneByte.strip = 1;
    FrameDecoder decoder(FrameSpec::lengthField(oneByte));
    QVERIFY(decoder.frameOutgoing(QByteArray(255, 'a')).has_value());
    QVERIFY(!decoder.frameOutgoing(QByteArray(256, 'a')).has_value());
}

void tst_DeviceFraming::labels_data()
{
    QTest::addColumn<FrameSpec>("spec");
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QString>("label");
    QTest::newRow("cr") << FrameSpec(Framing::Cr) << QByteArray("a\r\r") << QStringLiteral("CR");
    QTest::newRow("delimiter") << FrameSpec::delimited(hex("03")) << hex("0103")
                               << QStringLiteral("delimiter 03");
    QTest::newRow("envelope") << FrameSpec::delimited(hex("03"), hex("02")) << hex("020103")
                              << QStringLiteral("02…03");
    QTest::newRow("modbus") << FrameSpec::preset(LengthPreset::ModbusTcp)
                            << hex("00010000000201"
                                   "03")
                            << QStringLiteral("Modbus/TCP");
    QTest::newRow("fixed") << FrameSpec::fixed(2) << QByteArray("ab") << QStringLiteral("fixed 2");
}

void tst_DeviceFraming::labels()
{
    QFETCH(FrameSpec, spec);
    QFETCH(QByteArray, stream);
    QFETCH(QString, label);
    FrameDecoder decoder(spec);
    QCOMPARE(decoder.detectedLabel(), QStringLiteral("-"));
    QVERIFY(!decoder.feed(stream).isEmpty());
    QCOMPARE(decoder.detectedLabel(), label);
}

QTEST_GUILESS_MAIN(tst_DeviceFraming)
#include "tst_deviceframing.moc"
