// FrameSpec: the command-line spellings of every framing, their round trip,
// and a clear error for each bad spelling.

#include "wire/FrameSpec.h"

#include <QtTest>

using namespace chorus;

class tst_FrameSpec : public QObject
{
    Q_OBJECT
private slots:
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void textual();
};

void tst_FrameSpec::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<FrameSpec>("spec");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("auto") << QStringLiteral("auto") << FrameSpec(Framing::Auto)
                          << QStringLiteral("auto");
    QTest::newRow("CR upper") << QStringLiteral("CR") << FrameSpec(Framing::Cr)
                              << QStringLiteral("cr");
    QTest::newRow("line") << QStringLiteral(" line ") << FrameSpec(Framing::Line)
                          << QStringLiteral("line");
    QTest::newRow("raw") << QStringLiteral("raw") << FrameSpec(Framing::Raw)
                         << QStringLiteral("raw");
    QTest::newRow("delimiter:03") << QStringLiteral("delimiter:03") << FrameSpec::delimited("\x03")
                                  << QStringLiteral("delimiter:03");
    QTest::newRow("delimiter:0D0A")
        << QStringLiteral("delimiter:0d0a") << FrameSpec::delimited("\r\n")
        << QStringLiteral("delimiter:0D0A");
    QTest::newRow("delimiter escaped")
        << QStringLiteral("delimiter:\\x17") << FrameSpec::delimited("\x17")
        << QStringLiteral("delimiter:17");
    QTest::newRow("envelope") << QStringLiteral("delimiter:02..03")
                              << FrameSpec::delimited("\x03", "\x02")
                              << QStringLiteral("delimiter:02..03");
    QTest::newRow("u16be") << QStringLiteral("u16be") << FrameSpec::preset(LengthPreset::U16Be)
                           << QStringLiteral("u16be");
    QTest::newRow("u32be") << QStringLiteral("U32BE") << FrameSpec::preset(LengthPreset::U32Be)
                           << QStringLiteral("u32be");
    QTest::newRow("modbus-tcp") << QStringLiteral("modbus-tcp")
                                << FrameSpec::preset(LengthPreset::ModbusTcp)
                                << QStringLiteral("modbus-tcp");
    LengthFieldSpec defaults;
    QTest::newRow("length: all defaults")
        << QStringLiteral("length:") << FrameSpec::lengthField(defaults)
        << QStringLiteral("length:offset=0,size=2,endian=big,adjust=0,strip=0");
    LengthFieldSpec full;
    full.offset = 1;
    full.size = 4;
    full.bigEndian = false;
    full.adjust = -4;
    full.strip = 5;
    full.maxFrame = 1000;
    QTest::newRow("length: every key")
        << QStringLiteral("length:offset=1,size=4,endian=little,adjust=-4,strip=5,max=1000")
        << FrameSpec::lengthField(full)
        << QStringLiteral("length:offset=1,size=4,endian=little,adjust=-4,strip=5,max=1000");
    QTest::newRow("fixed:8") << QStringLiteral("fixed:8") << FrameSpec::fixed(8)
                             << QStringLiteral("fixed:8");
}

void tst_FrameSpec::parses()
{
    QFETCH(QString, text);
    QFETCH(FrameSpec, spec);
    QFETCH(QString, canonical);
    FrameSpecError error;
    const std::optional<FrameSpec> parsed = parseFrameSpec(text, &error);
    QVERIFY2(parsed.has_value(), qPrintable(describeFrameSpecError(error)));
    QVERIFY(*parsed == spec);
    QCOMPARE(parsed->toText(), canonical);
    QVERIFY(parseFrameSpec(canonical).value_or(FrameSpec(Framing::Raw)) == spec);
    QVERIFY(!parsed->label().isEmpty());
}

void tst_FrameSpec::refuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::newRow("unknown") << QStringLiteral("lines") << int(FrameSpecErrorKind::UnknownFraming);
    QTest::newRow("empty") << QString() << int(FrameSpecErrorKind::UnknownFraming);
    QTest::newRow("delimiter odd hex")
        << QStringLiteral("delimiter:0") << int(FrameSpecErrorKind::BadBytes);
    QTest::newRow("delimiter empty")
        << QStringLiteral("delimiter:") << int(FrameSpecErrorKind::EmptyDelimiter);
    QTest::newRow("delimiter too long")
        << QStringLiteral("delimiter:") + QString(34, u'0') << int(FrameSpecErrorKind::BadValue);
    QTest::newRow("envelope bad start")
        << QStringLiteral("delimiter:zz..03") << int(FrameSpecErrorKind::BadBytes);
    QTest::newRow("length bad key")
        << QStringLiteral("length:width=2") << int(FrameSpecErrorKind::UnknownKey);
    QTest::newRow("length size 5")
        << QStringLiteral("length:size=5") << int(FrameSpecErrorKind::BadValue);
    QTest::newRow("length endian")
        << QStringLiteral("length:endian=middle") << int(FrameSpecErrorKind::BadValue);
    QTest::newRow("length max 0") << QStringLiteral("length:max=0")
                                  << int(FrameSpecErrorKind::BadValue);
    QTest::newRow("fixed 0") << QStringLiteral("fixed:0") << int(FrameSpecErrorKind::BadValue);
    QTest::newRow("fixed text") << QStringLiteral("fixed:eight")
                                << int(FrameSpecErrorKind::BadValue);
}

void tst_FrameSpec::refuses()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    FrameSpecError error;
    QVERIFY(!parseFrameSpec(text, &error).has_value());
    QCOMPARE(int(error.kind), kind);
    QVERIFY(!describeFrameSpecError(error).isEmpty());
}

void tst_FrameSpec::textual()
{
    QVERIFY(FrameSpec(Framing::Auto).isTextual());
    QVERIFY(FrameSpec(Framing::Cr).isTextual());
    QVERIFY(!FrameSpec(Framing::Raw).isTextual());
    QVERIFY(!FrameSpec::preset(LengthPreset::U16Be).isTextual());
    QVERIFY(!FrameSpec::delimited("\x03").isTextual());
}

QTEST_GUILESS_MAIN(tst_FrameSpec)
#include "tst_framespec.moc"
