// ByteText's one-line renderings for table cells and log lines: formatLine in
// every view (never over the width, never cutting an escape or a byte), and
// the escape positions formatTextLine reports for colouring.

#include "wire/ByteText.h"

#include <QtTest>

using namespace chorus;

Q_DECLARE_METATYPE(chorus::ByteView)

class tst_ByteTextLine : public QObject
{
    Q_OBJECT
private slots:
    void lines_data();
    void lines();
    void neverWiderThanAsked_data();
    void neverWiderThanAsked();
    void escapeSpansOfTheLine();
};

void tst_ByteTextLine::lines_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<ByteView>("view");
    QTest::addColumn<int>("maxChars");
    QTest::addColumn<QString>("expected");
    const QByteArray binary("\x01\x02\x03\xFF\xFE\x00", 6);
    QTest::newRow("text") << binary << ByteView::Text << 80
                          << QStringLiteral("\\x01\\x02\\x03\\xFF\\xFE\\0");
    QTest::newRow("hex") << binary << ByteView::Hex << 80 << QStringLiteral("01 02 03 FF FE 00");
    QTest::newRow("mixed") << QByteArray("Hi\r\n") << ByteView::Mixed << 80
                           << QStringLiteral("48 69 0D 0A  |Hi..|");
    QTest::newRow("hex exactly fits")
        << binary << ByteView::Hex << 17 << QStringLiteral("01 02 03 FF FE 00");
    QTest::newRow("hex cut at a byte")
        << binary << ByteView::Hex << 16 << QStringLiteral("01 02 03 FF FE …");
    QTest::newRow("mixed cut") << binary << ByteView::Mixed << 20
                               << QStringLiteral("01 02 03 FF  |....|…");
    QTest::newRow("empty text") << QByteArray() << ByteView::Text << 10 << QString();
    QTest::newRow("empty hex") << QByteArray() << ByteView::Hex << 10 << QString();
    QTest::newRow("empty mixed") << QByteArray() << ByteView::Mixed << 10 << QString();
    QTest::newRow("text cut before an escape")
        << QByteArray("ab\x01") << ByteView::Text << 5 << QStringLiteral("ab…");
}

void tst_ByteTextLine::lines()
{
    QFETCH(QByteArray, bytes);
    QFETCH(ByteView, view);
    QFETCH(int, maxChars);
    QFETCH(QString, expected);
    QCOMPARE(formatLine(bytes, view, maxChars), expected);
}

void tst_ByteTextLine::neverWiderThanAsked_data()
{
    QTest::addColumn<ByteView>("view");
    QTest::newRow("text") << ByteView::Text;
    QTest::newRow("hex") << ByteView::Hex;
    QTest::newRow("mixed") << ByteView::Mixed;
}

void tst_ByteTextLine::neverWiderThanAsked()
{
    QFETCH(ByteView, view);
    QByteArray all;
    for (int byte = 0; byte < 256; ++byte)
        all += char(byte);
    for (int maxChars = 5; maxChars < 120; ++maxChars) {
        const QString line = formatLine(all, view, maxChars);
        QVERIFY2(line.size() <= maxChars, qPrintable(QString::number(maxChars)));
        QVERIFY(!line.contains(QLatin1Char('\n')));
    }
}

void tst_ByteTextLine::escapeSpansOfTheLine()
{
    // Typed text "\x01" (a backslash and three characters) and the byte 01 differ in
    // what is marked: only the backslash's escape, or the whole \x01.
    QList<EscapeSpan> spans;
    const QString line = formatLine(QByteArray("a\\x01\x01z"), ByteView::Text, 40, &spans);
    QCOMPARE(line, QStringLiteral("a\\\\x01\\x01z"));
    QCOMPARE(spans.size(), 2);
    QCOMPARE(spans[0].start, 1);
    QCOMPARE(spans[0].length, 2);
    QCOMPARE(spans[1].start, 6);
    QCOMPARE(spans[1].length, 4);
    // Cut lines keep only the spans that are shown.
    formatTextLine(QByteArray("\x01\x02\x03\x04"), 9, &spans);
    QCOMPARE(spans.size(), 2);
    // Hex and Mixed have no escapes.
    formatLine(QByteArray("\x01"), ByteView::Hex, 40, &spans);
    QVERIFY(spans.isEmpty());
}

QTEST_GUILESS_MAIN(tst_ByteTextLine)
#include "tst_bytetextline.moc"
