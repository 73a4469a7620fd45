// ByteText: the Text, Hex and Mixed views of bytes and the Text/Hex inputs.
// The views must be exact (every byte visible and distinct) and the inputs
// must give back the bytes the views show.

#include "wire/ByteText.h"

#include <QtTest>

using namespace chorus;

class tst_ByteText : public QObject
{
    Q_OBJECT
private slots:
    void everyByteRoundTripsThroughText();
    void everyByteRoundTripsThroughHex();
    void textView_data();
    void textView();
    void escapeSpansMarkEscapes();
    void hexView();
    void mixedView();
    void textLineCuts_data();
    void textLineCuts();
    void parseText_data();
    void parseText();
    void parseHex_data();
    void parseHex();
    void parseErrors_data();
    void parseErrors();
    void viewNames();
};

void tst_ByteText::everyByteRoundTripsThroughText()
{
    QByteArray all;
    for (int b = 0; b < 256; ++b) {
        const QByteArray one(1, char(b));
        const QString shown = formatText(one);
        const std::optional<QByteArray> back = parseEscapedText(shown);
        QVERIFY2(back.has_value(), qPrintable(shown));
        QCOMPARE(*back, one);
        all += char(b);
    }
    QCOMPARE(parseEscapedText(formatText(all)).value_or("<error>"), all);
    const QByteArray korean =
        QStringLiteral("드론 상태? \\x01").toUtf8() + QByteArray("\xff\x00", 2);
    QCOMPARE(parseEscapedText(formatText(korean)).value_or("<error>"), korean);
}

void tst_ByteText::everyByteRoundTripsThroughHex()
{
    QByteArray all;
    for (int b = 0; b < 256; ++b)
        all += char(b);
    QCOMPARE(chorus::parseHex(formatHex(all)).value_or("<error>"), all);
}

void tst_ByteText::textView_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << QByteArray("hello") << QStringLiteral("hello");
    QTest::newRow("korean") << QStringLiteral("안녕하세요!").toUtf8()
                            << QStringLiteral("안녕하세요!");
    QTest::newRow("issue bytes") << QByteArray("\x01\x02\x03\xff\xfe\x00", 6)
                                 << QStringLiteral("\\x01\\x02\\x03\\xFF\\xFE\\0");
    QTest::newRow("controls") << QByteArray("a\rb\nc\td\x7f")
                              << QStringLiteral("a\\rb\\nc\\td\\x7F");
    QTest::newRow("backslash") << QByteArray("C:\\dir") << QStringLiteral("C:\\\\dir");
    QTest::newRow("cut korean") << QStringLiteral("안").toUtf8().left(2)
                                << QStringLiteral("\\xEC\\x95");
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << QStringLiteral("\\xC0\\xAF");
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << QStringLiteral("\\xED\\xA0\\x80");
    QTest::newRow("bom kept visible")
        << QByteArray("\xef\xbb\xbfhi") << QStringLiteral("\\xEF\\xBB\\xBFhi");
    QTest::newRow("rtl override") << QByteArray("a\xe2\x80\xae")
                                  << QStringLiteral("a\\xE2\\x80\\xAE");
    QTest::newRow("emoji") << QByteArray("\xf0\x9f\x9a\x81") << QString::fromUcs4(U"\U0001F681", 1);
    QTest::newRow("empty") << QByteArray() << QString();
}

void tst_ByteText::textView()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, shown);
    QCOMPARE(formatText(bytes), shown);
    QCOMPARE(formatBytes(bytes, ByteView::Text), shown);
    QCOMPARE(parseEscapedText(shown).value_or("<error>"), bytes);
}

void tst_ByteText::escapeSpansMarkEscapes()
{
    QList<EscapeSpan> spans;
    const QString shown = formatText(QByteArray("a\x01\xff"
                                                "b\\",
                                                5),
                                     &spans);
    QCOMPARE(shown, QStringLiteral("a\\x01\\xFFb\\\\"));
    QCOMPARE(spans.size(), 3);
    QCOMPARE(spans.at(0).start, 1);
    QCOMPARE(spans.at(0).length, 4);
    QCOMPARE(spans.at(1).start, 5);
    QCOMPARE(spans.at(2).start, 10);
    QCOMPARE(spans.at(2).length, 2);
}

void tst_ByteText::hexView()
{
    QCOMPARE(formatHex(QByteArray("\x01\x02\x03\xff\xfe\x00", 6)),
             QStringLiteral("01 02 03 FF FE 00"));
    QCOMPARE(formatHex(QByteArray()), QString());
    QCOMPARE(formatBytes("A", ByteView::Hex), QStringLiteral("41"));
}

void tst_ByteText::mixedView()
{
    // The layout of `hexdump -C`.
    const QByteArray bytes = QByteArray("Hello, Chorus!\r\n\x01\xff", 18);
    const QString expected = QStringLiteral(
        "00000000  48 65 6c 6c 6f 2c 20 43  68 6f 72 75 73 21 0d 0a  |Hello, Chorus!..|\n"
        "00000010  01 ff                                             |..|");
    QCOMPARE(formatMixed(bytes), expected);
    QCOMPARE(formatMixed(QByteArray()), QString());
}

void tst_ByteText::textLineCuts_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("maxChars");
    QTest::addColumn<QString>("shown");
    QTest::newRow("fits") << QByteArray("abc") << 3 << QStringLiteral("abc");
    QTest::newRow("cut") << QByteArray("abcdef") << 4 << QStringLiteral("abc…");
    QTest::newRow("never inside an escape") << QByteArray("ab\x01zz") << 5 << QStringLiteral("ab…");
    QTest::newRow("escape fits") << QByteArray("ab\x01") << 6 << QStringLiteral("ab\\x01");
    QTest::newRow("line breaks escaped") << QByteArray("a\nb") << 10 << QStringLiteral("a\\nb");
}

void tst_ByteText::textLineCuts()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, maxChars);
    QFETCH(QString, shown);
    QCOMPARE(formatTextLine(bytes, maxChars), shown);
    QVERIFY(formatTextLine(bytes, maxChars).size() <= maxChars);
}

void tst_ByteText::parseText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("plain") << QStringLiteral("PING") << QByteArray("PING");
    QTest::newRow("escapes") << QStringLiteral("A\\rB\\rC\\r") << QByteArray("A\rB\rC\r");
    QTest::newRow("all simple") << QStringLiteral("\\r\\n\\t\\0\\\\")
                                << QByteArray("\r\n\t\0\\", 5);
    QTest::newRow("hex escapes") << QStringLiteral("\\x02GET\\x03\\xfF")
                                 << QByteArray("\x02GET\x03\xff");
    QTest::newRow("korean") << QStringLiteral("드론\\n") << QStringLiteral("드론\n").toUtf8();
}

void tst_ByteText::parseText()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, bytes);
    ByteParseError error;
    QCOMPARE(parseEscapedText(text, &error).value_or("<error>"), bytes);
    QCOMPARE(error.kind, ByteParseErrorKind::None);
    QCOMPARE(parseBytes(text, ByteInput::Text).value_or("<error>"), bytes);
}

void tst_ByteText::parseHex_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("modbus") << QStringLiteral("01 03 00 00 00 0A C5 CD")
                            << QByteArray("\x01\x03\x00\x00\x00\x0a\xc5\xcd", 8);
    QTest::newRow("no spaces") << QStringLiteral("0103c5CD") << QByteArray("\x01\x03\xc5\xcd");
    QTest::newRow("lines and tabs") << QStringLiteral(" 01\t02\n03 ") << QByteArray("\x01\x02\x03");
    QTest::newRow("empty") << QString() << QByteArray();
}

void tst_ByteText::parseHex()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, bytes);
    QCOMPARE(chorus::parseHex(text).value_or("<error>"), bytes);
    QCOMPARE(parseBytes(text, ByteInput::Hex).value_or("<error>"), bytes);
}

void tst_ByteText::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("input");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("position");
    const int hex = int(ByteInput::Hex);
    const int text = int(ByteInput::Text);
    QTest::newRow("odd digits") << QStringLiteral("01 02 0") << hex
                                << int(ByteParseErrorKind::OddHexDigits) << 6;
    QTest::newRow("odd split by space")
        << QStringLiteral("0 1 2") << hex << int(ByteParseErrorKind::OddHexDigits) << 4;
    QTest::newRow("not hex") << QStringLiteral("01 0G") << hex
                             << int(ByteParseErrorKind::BadHexDigit) << 4;
    QTest::newRow("0x prefix") << QStringLiteral("0x01") << hex
                               << int(ByteParseErrorKind::BadHexDigit) << 1;
    QTest::newRow("bad \\x digits")
        << QStringLiteral("ab\\xZ1") << text << int(ByteParseErrorKind::BadEscapeDigits) << 2;
    QTest::newRow("short \\x") << QStringLiteral("\\x4") << text
                               << int(ByteParseErrorKind::BadEscapeDigits) << 0;
    QTest::newRow("unknown escape")
        << QStringLiteral("a\\q") << text << int(ByteParseErrorKind::UnknownEscape) << 1;
    QTest::newRow("trailing backslash")
        << QStringLiteral("abc\\") << text << int(ByteParseErrorKind::TrailingBackslash) << 3;
}

void tst_ByteText::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(int, input);
    QFETCH(int, kind);
    QFETCH(int, position);
    ByteParseError error;
    const std::optional<QByteArray> bytes = parseBytes(text, ByteInput(input), &error);
    QVERIFY(!bytes.has_value()); // nothing partial
    QCOMPARE(int(error.kind), kind);
    QCOMPARE(error.position, position);
    QVERIFY(!describeParseError(error).isEmpty());
}

void tst_ByteText::viewNames()
{
    for (ByteView view : {ByteView::Text, ByteView::Hex, ByteView::Mixed})
        QCOMPARE(byteViewFromName(byteViewName(view)), view);
    QCOMPARE(byteViewFromName(u" HEX "), ByteView::Hex);
    QVERIFY(!byteViewFromName(u"binary"));
    QCOMPARE(byteInputFromName(u"hex"), ByteInput::Hex);
    QVERIFY(!byteInputFromName(u"mixed"));
}

QTEST_GUILESS_MAIN(tst_ByteText)
#include "tst_bytetext.moc"
