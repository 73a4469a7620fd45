// OutgoingMessages: the send box's text as messages (Text with escapes, a
// message per line; Hex, one message), refusals with their position, UTF-8
// validity for Chorus, and each framing's bytes on the wire.

#include "client/OutgoingMessages.h"

#include <QTest>

using namespace chorus;

Q_DECLARE_METATYPE(chorus::ByteInput)
Q_DECLARE_METATYPE(chorus::ByteParseErrorKind)
Q_DECLARE_METATYPE(chorus::Terminator)

class TestOutgoingMessages : public QObject
{
    Q_OBJECT
private slots:
    void parses_data();
    void parses();
    void refusesWithPosition_data();
    void refusesWithPosition();
    void everyByteValueThroughBothInputs();
    void utf8Validity_data();
    void utf8Validity();
    void framesEachFraming_data();
    void framesEachFraming();
    void lengthFieldCapacity();
    void separatesMessages();
};

void TestOutgoingMessages::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<ByteInput>("input");
    QTest::addColumn<QList<QByteArray>>("messages");
    QTest::newRow("one line") << "hello" << ByteInput::Text << QList<QByteArray>{"hello"};
    QTest::newRow("a message per line, CR LF breaks, empty lines skipped")
        << "a\r\n\nb\nc\n"
        << ByteInput::Text << QList<QByteArray>{"a", "b", "c"};
    QTest::newRow("escapes") << "A\\r\\n\\t\\0\\\\\\x7F\\xff" << ByteInput::Text
                             << QList<QByteArray>{QByteArray("A\r\n\t\0\\\x7F\xFF", 8)};
    QTest::newRow("an escaped LF stays inside its message")
        << "one\\ntwo" << ByteInput::Text << QList<QByteArray>{"one\ntwo"};
    QTest::newRow("UTF-8") << QStringLiteral("드론\\x00") << ByteInput::Text
                           << QList<QByteArray>{QStringLiteral("드론").toUtf8() + '\0'};
    QTest::newRow("nothing") << "\n\n" << ByteInput::Text << QList<QByteArray>{};
    QTest::newRow("hex") << "01 03 00 00 00 0A C5 CD" << ByteInput::Hex
                         << QList<QByteArray>{QByteArray::fromHex("01030000000AC5CD")};
    QTest::newRow("hex: one message, whitespace and line breaks ignored")
        << "0103\n 00  00\r\n\t000a c5cd\n"
        << ByteInput::Hex << QList<QByteArray>{QByteArray::fromHex("01030000000AC5CD")};
    QTest::newRow("hex: nothing") << " \n " << ByteInput::Hex << QList<QByteArray>{};
}

void TestOutgoingMessages::parses()
{
    QFETCH(QString, text);
    QFETCH(ByteInput, input);
    QFETCH(QList<QByteArray>, messages);
    ByteParseError error{ByteParseErrorKind::BadHexDigit, 99};
    const std::optional<QList<QByteArray>> parsed = parseOutgoing(text, input, &error);
    QVERIFY(parsed);
    QCOMPARE(*parsed, messages);
    QCOMPARE(error.kind, ByteParseErrorKind::None);
}

void TestOutgoingMessages::refusesWithPosition_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<ByteInput>("input");
    QTest::addColumn<ByteParseErrorKind>("kind");
    QTest::addColumn<int>("position"); // in the whole text, for the cursor
    QTest::newRow("odd hex digits")
        << "01 03 0" << ByteInput::Hex << ByteParseErrorKind::OddHexDigits << 6;
    QTest::newRow("odd hex on line 2")
        << "01 02\n03 4" << ByteInput::Hex << ByteParseErrorKind::OddHexDigits << 9;
    QTest::newRow("not hex") << "01 0G" << ByteInput::Hex << ByteParseErrorKind::BadHexDigit << 4;
    QTest::newRow("\\xZ1") << "ab\\xZ1" << ByteInput::Text << ByteParseErrorKind::BadEscapeDigits
                           << 2;
    QTest::newRow("unknown escape, second line")
        << "fine\nbad \\q" << ByteInput::Text << ByteParseErrorKind::UnknownEscape << 9;
    QTest::newRow("lone backslash after good lines")
        << "a\r\nb\nc\\" << ByteInput::Text << ByteParseErrorKind::TrailingBackslash << 6;
}

void TestOutgoingMessages::refusesWithPosition()
{
    QFETCH(QString, text);
    QFETCH(ByteInput, input);
    QFETCH(ByteParseErrorKind, kind);
    QFETCH(int, position);
    ByteParseError error;
    // Nothing partial: the good lines before the error are not returned either.
    QVERIFY(!parseOutgoing(text, input, &error));
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.position, qsizetype(position));
}

void TestOutgoingMessages::everyByteValueThroughBothInputs()
{
    QByteArray all;
    for (int value = 0; value < 256; ++value)
        all += char(value);
    const std::optional<QList<QByteArray>> hex = parseOutgoing(formatHex(all), ByteInput::Hex);
    QVERIFY(hex);
    QCOMPARE(*hex, QList<QByteArray>{all});
    // The Text view is the Text input of the same bytes (one line: LF is \n).
    const std::optional<QList<QByteArray>> text = parseOutgoing(formatText(all), ByteInput::Text);
    QVERIFY(text);
    QCOMPARE(*text, QList<QByteArray>{all});
}

void TestOutgoingMessages::utf8Validity_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("firstInvalid");
    QTest::newRow("ASCII") << QByteArray("plain") << -1;
    QTest::newRow("NUL is valid UTF-8") << QByteArray("a\0b", 3) << -1;
    QTest::newRow("Korean") << QStringLiteral("드론 상태").toUtf8() << -1;
    QTest::newRow("emoji") << QStringLiteral("\U0001F681").toUtf8() << -1;
    QTest::newRow("FF") << QByteArray("ok\xFF") << 2;
    QTest::newRow("cut sequence") << QStringLiteral("드").toUtf8().left(2) << 0;
    QTest::newRow("overlong /") << QByteArray("\xC0\xAF") << 0;
    QTest::newRow("surrogate") << QByteArray("x\xED\xA0\x80") << 1;
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << 0;
    QTest::newRow("stray continuation") << QByteArray("ab\x80") << 2;
}

void TestOutgoingMessages::utf8Validity()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, firstInvalid);
    QCOMPARE(firstInvalidUtf8(bytes), qsizetype(firstInvalid));
}

void TestOutgoingMessages::framesEachFraming_data()
{
    QTest::addColumn<QString>("framing");
    QTest::addColumn<Terminator>("terminator");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("wire");
    const QByteArray bytes("\x01\x00\xFF", 3);
    QTest::newRow("auto + LF") << "auto" << Terminator::Lf << bytes << bytes + "\n";
    QTest::newRow("line + CRLF") << "line" << Terminator::CrLf << bytes << bytes + "\r\n";
    QTest::newRow("cr + CR") << "cr" << Terminator::Cr << bytes << bytes + "\r";
    QTest::newRow("auto + none") << "auto" << Terminator::None << bytes << bytes;
    QTest::newRow("raw: as is, whatever the terminator")
        << "raw" << Terminator::Lf << bytes << bytes;
    QTest::newRow("fixed: as is") << "fixed:3" << Terminator::Lf << bytes << bytes;
    QTest::newRow("delimiter 03") << "delimiter:03" << Terminator::Lf << bytes << bytes + "\x03";
    QTest::newRow("envelope STX..ETX")
        << "delimiter:02..03" << Terminator::CrLf << bytes << "\x02" + bytes + "\x03";
    QTest::newRow("u16be") << "u16be" << Terminator::Lf << bytes
                           << QByteArray("\x00\x03", 2) + bytes;
    QTest::newRow("u32be") << "u32be" << Terminator::Lf << bytes
                           << QByteArray("\x00\x00\x00\x03", 4) + bytes;
    QTest::newRow("modbus-tcp: zero ids, the length of unit id + PDU")
        << "modbus-tcp" << Terminator::Lf << QByteArray::fromHex("01030000000A")
        << QByteArray::fromHex("00000000000601030000000A");
    QTest::newRow("length little endian, offset, adjust")
        << "length:offset=1,size=2,endian=little,adjust=2,strip=3" << Terminator::Lf << bytes
        << QByteArray("\x00\x01\x00", 3) + bytes;
}

void TestOutgoingMessages::framesEachFraming()
{
    QFETCH(QString, framing);
    QFETCH(Terminator, terminator);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, wire);
    const std::optional<FrameSpec> spec = parseFrameSpec(framing);
    QVERIFY(spec);
    const OutgoingFramer framer(*spec, terminator);
    const std::optional<QByteArray> framed = framer.frame(message);
    QVERIFY(framed);
    QCOMPARE(*framed, wire);
    // What the peer's decoder in that framing makes of it: the message again.
    if (!spec->isTextual() && spec->framing != Framing::Raw) {
        FrameDecoder decoder(*spec);
        const QList<FramedMessage> decoded = decoder.feed(wire);
        QCOMPARE(decoded.size(), 1);
        const qsizetype strip = spec->framing == Framing::LengthField ? spec->length.strip : 0;
        const QByteArray expected =
            strip >= spec->length.headerSize() || spec->framing != Framing::LengthField
                ? message
                : wire.mid(strip);
        QCOMPARE(decoded.first().payload, expected);
    }
    QCOMPARE(framer.differsFromFixedSize(message.size()), false);
    QCOMPARE(framer.differsFromFixedSize(message.size() + 1), spec->framing == Framing::Fixed);
}

void TestOutgoingMessages::lengthFieldCapacity()
{
    // One byte of length says 0..255; an adjustment shifts what it can say.
    const OutgoingFramer oneByte(*parseFrameSpec(QStringLiteral("length:size=1,strip=1")));
    QCOMPARE(oneByte.capacity(), 255);
    QVERIFY(oneByte.fits(255));
    QVERIFY(!oneByte.fits(256));
    QVERIFY(oneByte.frame(QByteArray(255, 'x')));
    QVERIFY(!oneByte.frame(QByteArray(256, 'x')));
    // The field counts 2 bytes more than the message: a message under 2 bytes cannot be said.
    const OutgoingFramer adjusted(*parseFrameSpec(QStringLiteral("length:size=1,adjust=2")));
    QCOMPARE(adjusted.capacity(), 257);
    QVERIFY(!adjusted.fits(1));
    QVERIFY(adjusted.fits(2));
    QVERIFY(!adjusted.frame(QByteArray(1, 'x')));
    QCOMPARE(OutgoingFramer(FrameSpec::preset(LengthPreset::U16Be)).capacity(), 65535);
    QCOMPARE(OutgoingFramer(Framing::Auto).capacity(), -1);
    QVERIFY(OutgoingFramer(FrameSpec::fixed(4)).fits(100)); // sent as is, with a warning
}

void TestOutgoingMessages::separatesMessages()
{
    QVERIFY(OutgoingFramer(Framing::Auto, Terminator::Lf).separatesMessages());
    QVERIFY(OutgoingFramer(Framing::Cr, Terminator::Cr).separatesMessages());
    QVERIFY(!OutgoingFramer(Framing::Line, Terminator::None).separatesMessages());
    QVERIFY(!OutgoingFramer(Framing::Raw, Terminator::Lf).separatesMessages());
    QVERIFY(OutgoingFramer(FrameSpec::delimited("\x03")).separatesMessages());
    QVERIFY(OutgoingFramer(FrameSpec::preset(LengthPreset::U16Be)).separatesMessages());
    QVERIFY(OutgoingFramer(FrameSpec::fixed(8)).separatesMessages());
}

QTEST_GUILESS_MAIN(TestOutgoingMessages)
#include "tst_outgoingmessages.moc"
