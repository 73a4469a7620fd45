// ReplyTemplate's rule syntax: captures {0}..{9} and {name}, and the computed
// fields over the reply written so far, in text and in hex replies. The
// book's syntax is tests/replybook's; here only that it is unchanged.

#include "answer/Placeholders.h"
#include "wire/Checksums.h"

#include <QtTest>

using namespace chorus;

class tst_ReplyTemplate : public QObject
{
    Q_OBJECT
private slots:
    void ruleSyntax_data();
    void ruleSyntax();
    void bookSyntaxLeavesRuleNames_data();
    void bookSyntaxLeavesRuleNames();
    void errors_data();
    void errors();
    void checksumIsOverBytesSoFar();
};

namespace {

const QHash<QString, int>& groupNames()
{
    static const QHash<QString, int> names{{QStringLiteral("unit"), 1}, {QStringLiteral("reg"), 2}};
    return names;
}

RuleCaptures sampleCaptures()
{
    RuleCaptures captures;
    captures.groups = {QByteArray("READ 7 40"), QByteArray("7"), QByteArray("40")};
    captures.names = &groupNames();
    return captures;
}

} // namespace

void tst_ReplyTemplate::ruleSyntax_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("hex");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("whole match") << "got {0}" << false << QByteArray("got READ 7 40");
    QTest::newRow("groups") << "{1}/{2}" << false << QByteArray("7/40");
    QTest::newRow("missing group empty") << "[{5}]" << false << QByteArray("[]");
    QTest::newRow("named") << "unit={unit} reg={reg}" << false << QByteArray("unit=7 reg=40");
    QTest::newRow("unknown name left") << "{nope}" << false << QByteArray("{nope}");
    QTest::newRow("book placeholders too") << "{id}:{echo}" << false << QByteArray("5:READ");
    QTest::newRow("len as text") << "ABC{len}" << false << QByteArray("ABC3");
    QTest::newRow("sum8") << "\\x01\\x02{sum8}" << false << QByteArray::fromHex("010203");
    QTest::newRow("xor8") << "\\x01\\x03{xor8}" << false << QByteArray::fromHex("010302");
    QTest::newRow("crc16modbus check")
        << "123456789{crc16modbus}" << false << QByteArray("123456789\x37\x4B");
    QTest::newRow("crc16ccitt check")
        << "123456789{crc16ccitt}" << false << QByteArray("123456789\x29\xB1");
    QTest::newRow("crc32 check") << "123456789{crc32}" << false
                                 << QByteArray("123456789\xCB\xF4\x39\x26");
    QTest::newRow("hex with crc") << "01 03 00 00 00 0A {crc16modbus}" << true
                                  << QByteArray::fromHex("01030000000AC5CD");
    QTest::newRow("hex with capture") << "02 {1} 03" << true
                                      << QByteArray("\x02"
                                                    "7\x03");
    QTest::newRow("braces escaped in text") << "{{0}}" << false << QByteArray("{0}");
}

void tst_ReplyTemplate::ruleSyntax()
{
    QFETCH(QString, text);
    QFETCH(bool, hex);
    QFETCH(QByteArray, expected);
    ByteParseError error;
    const std::optional<ReplyTemplate> compiled = ReplyTemplate::compile(
        text, hex ? ReplyFormat::Hex : ReplyFormat::Text, &error, TemplateSyntax::Rule);
    QVERIFY2(compiled, qPrintable(describeParseError(error)));
    const RuleCaptures captures = sampleCaptures();
    ReplyContext context;
    context.connectionId = 5;
    context.echo = "READ";
    context.captures = &captures;
    QCOMPARE(compiled->expand(context), expected);
}

void tst_ReplyTemplate::bookSyntaxLeavesRuleNames_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("group") << "{0}";
    QTest::newRow("checksum") << "{crc16modbus}";
    QTest::newRow("name") << "{unit}";
}

void tst_ReplyTemplate::bookSyntaxLeavesRuleNames()
{
    QFETCH(QString, text);
    const std::optional<ReplyTemplate> compiled = ReplyTemplate::compile(text, ReplyFormat::Text);
    QVERIFY(compiled);
    const RuleCaptures captures = sampleCaptures();
    ReplyContext context;
    context.captures = &captures;
    QCOMPARE(compiled->expand(context), text.toUtf8());
}

void tst_ReplyTemplate::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("hex");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("position");
    QTest::newRow("bad hex after crc")
        << "01 {crc16modbus} 0G" << true << int(ByteParseErrorKind::BadHexDigit) << 18;
    QTest::newRow("unclosed brace in hex")
        << "01 {crc" << true << int(ByteParseErrorKind::BadHexDigit) << 3;
    QTest::newRow("odd digits before placeholder")
        << "010 {1}" << true << int(ByteParseErrorKind::OddHexDigits) << 2;
    QTest::newRow("bad escape after group")
        << "{1}\\q" << false << int(ByteParseErrorKind::UnknownEscape) << 3;
}

void tst_ReplyTemplate::errors()
{
    QFETCH(QString, text);
    QFETCH(bool, hex);
    QFETCH(int, kind);
    QFETCH(int, position);
    ByteParseError error;
    QVERIFY(!ReplyTemplate::compile(text, hex ? ReplyFormat::Hex : ReplyFormat::Text, &error,
                                    TemplateSyntax::Rule));
    QCOMPARE(int(error.kind), kind);
    QCOMPARE(int(error.position), position);
}

void tst_ReplyTemplate::checksumIsOverBytesSoFar()
{
    // A second checksum covers the first one too; {len} counts the bytes before it.
    const std::optional<ReplyTemplate> compiled = ReplyTemplate::compile(
        QStringLiteral("AB{sum8}{xor8}{len}"), ReplyFormat::Text, nullptr, TemplateSyntax::Rule);
    QVERIFY(compiled);
    QByteArray expected("AB");
    expected += char(sum8("AB"));
    expected += char(xor8(expected));
    expected += QByteArray::number(expected.size());
    QCOMPARE(compiled->expand(ReplyContext{}), expected);
}

QTEST_GUILESS_MAIN(tst_ReplyTemplate)
#include "tst_replytemplate.moc"
