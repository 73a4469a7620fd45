// RuleMatcher: every match kind on text and on bytes, case, negation,
// captures, invalid patterns with their offsets, and the bounded regex.

#include "answer/RuleMatcher.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace chorus;

class tst_RuleMatcher : public QObject
{
    Q_OBJECT
private slots:
    void matches_data();
    void matches();
    void namedGroups();
    void invalidPatterns_data();
    void invalidPatterns();
    void pathologicalRegexGivesUp();
    void literalIndexEligibility_data();
    void literalIndexEligibility();
};

namespace {

Rule makeRule(MatchKind kind, const QString& pattern, ReplyFormat format = ReplyFormat::Text,
              bool caseInsensitive = false, bool negate = false)
{
    Rule rule;
    rule.match = kind;
    rule.pattern = pattern;
    rule.patternFormat = format;
    rule.caseInsensitive = caseInsensitive;
    rule.negate = negate;
    return rule;
}

} // namespace

void tst_RuleMatcher::matches_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("hex");
    QTest::addColumn<bool>("caseInsensitive");
    QTest::addColumn<bool>("negate");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<int>("result");
    QTest::addColumn<QByteArray>("group0");
    QTest::addColumn<QByteArray>("group1");

    const int exact = int(MatchKind::Exact), starts = int(MatchKind::StartsWith),
              ends = int(MatchKind::EndsWith), contains = int(MatchKind::Contains),
              regex = int(MatchKind::Regex);
    const int yes = int(MatchResult::Match), no = int(MatchResult::NoMatch);
    // clang-format off
    QTest::newRow("exact") << exact << "PING" << false << false << false << QByteArray("PING") << yes << QByteArray("PING") << QByteArray();
    QTest::newRow("exact longer") << exact << "PING" << false << false << false << QByteArray("PING!") << no << QByteArray() << QByteArray();
    QTest::newRow("exact case differs") << exact << "PING" << false << false << false << QByteArray("ping") << no << QByteArray() << QByteArray();
    QTest::newRow("exact case-insensitive") << exact << "PING" << false << true << false << QByteArray("ping") << yes << QByteArray("ping") << QByteArray();
    QTest::newRow("exact ci unicode") << exact << QString::fromUtf8("Straße") << false << true << false << QByteArray("STRASSE") << no << QByteArray() << QByteArray();
    QTest::newRow("exact ci greek") << exact << QString::fromUtf8("ΣΊΣΥΦΟΣ") << false << true << false << QByteArray("σίσυφος") << yes << QByteArray("σίσυφος") << QByteArray();
    QTest::newRow("exact escapes") << exact << "A\\r\\x01" << false << false << false << QByteArray("A\r\x01", 3) << yes << QByteArray("A\r\x01", 3) << QByteArray();
    QTest::newRow("exact negated") << exact << "PING" << false << false << true << QByteArray("PONG") << yes << QByteArray("PONG") << QByteArray();
    QTest::newRow("exact negated hit") << exact << "PING" << false << false << true << QByteArray("PING") << no << QByteArray() << QByteArray();
    QTest::newRow("startsWith") << starts << "GET " << false << false << false << QByteArray("GET TEMP") << yes << QByteArray("GET ") << QByteArray();
    QTest::newRow("startsWith no") << starts << "GET " << false << false << false << QByteArray("SET TEMP") << no << QByteArray() << QByteArray();
    QTest::newRow("startsWith ci") << starts << "get " << false << true << false << QByteArray("GET TEMP") << yes << QByteArray("GET ") << QByteArray();
    QTest::newRow("endsWith") << ends << "?" << false << false << false << QByteArray("TEMP?") << yes << QByteArray("?") << QByteArray();
    QTest::newRow("endsWith ci") << ends << "temp" << false << true << false << QByteArray("GET TEMP") << yes << QByteArray("TEMP") << QByteArray();
    QTest::newRow("endsWith no") << ends << "?" << false << false << false << QByteArray("TEMP") << no << QByteArray() << QByteArray();
    QTest::newRow("contains") << contains << "TEMP" << false << false << false << QByteArray("GET TEMP 1") << yes << QByteArray("TEMP") << QByteArray();
    QTest::newRow("contains ci") << contains << "temp" << false << true << false << QByteArray("GET TeMp 1") << yes << QByteArray("TeMp") << QByteArray();
    QTest::newRow("contains negated") << contains << "ERR" << false << false << true << QByteArray("OK") << yes << QByteArray("OK") << QByteArray();
    QTest::newRow("contains empty matches all") << contains << "" << false << false << false << QByteArray("x") << yes << QByteArray() << QByteArray();
    QTest::newRow("hex exact") << exact << "01 03 00 00" << true << false << false << QByteArray::fromHex("01030000") << yes << QByteArray::fromHex("01030000") << QByteArray();
    QTest::newRow("hex exact non-utf8") << exact << "FF FE 00" << true << false << false << QByteArray::fromHex("FFFE00") << yes << QByteArray::fromHex("FFFE00") << QByteArray();
    QTest::newRow("hex startsWith") << starts << "01 03" << true << false << false << QByteArray::fromHex("0103000A") << yes << QByteArray::fromHex("0103") << QByteArray();
    QTest::newRow("hex contains") << contains << "0D0A" << true << false << false << QByteArray::fromHex("410D0A42") << yes << QByteArray::fromHex("0D0A") << QByteArray();
    QTest::newRow("hex ignores case option") << exact << "41" << true << true << false << QByteArray("a") << no << QByteArray() << QByteArray();
    QTest::newRow("regex captures") << regex << "^GET TEMP (\\d+)$" << false << false << false << QByteArray("GET TEMP 42") << yes << QByteArray("GET TEMP 42") << QByteArray("42");
    QTest::newRow("regex searches") << regex << "T(E)MP" << false << false << false << QByteArray("GET TEMP") << yes << QByteArray("TEMP") << QByteArray("E");
    QTest::newRow("regex no") << regex << "^PING$" << false << false << false << QByteArray("PINGX") << no << QByteArray() << QByteArray();
    QTest::newRow("regex anchored first byte differs") << regex << "^PING" << false << false << false << QByteArray("xPING") << no << QByteArray() << QByteArray();
    QTest::newRow("regex required byte found late") << regex << "a.c" << false << false << false << QByteArray("zzzabc") << yes << QByteArray("abc") << QByteArray();
    QTest::newRow("regex shorter than any match") << regex << "abc" << false << false << false << QByteArray("ab") << no << QByteArray() << QByteArray();
    QTest::newRow("regex ci anchored other case") << regex << "^ping" << false << true << false << QByteArray("PING 1") << yes << QByteArray("PING") << QByteArray();
    QTest::newRow("regex ci") << regex << "^ping$" << false << true << false << QByteArray("PiNg") << yes << QByteArray("PiNg") << QByteArray();
    QTest::newRow("regex negated") << regex << "^\\d+$" << false << false << true << QByteArray("abc") << yes << QByteArray("abc") << QByteArray();
    QTest::newRow("regex negated hit") << regex << "^\\d+$" << false << false << true << QByteArray("123") << no << QByteArray() << QByteArray();
    QTest::newRow("regex unicode char") << regex << "^.$" << false << false << false << QByteArray("é") << yes << QByteArray("é") << QByteArray();
    QTest::newRow("regex invalid utf8 subject") << regex << "B$" << false << false << false << QByteArray("\xFF\xFE" "B") << yes << QByteArray("B") << QByteArray();
    QTest::newRow("regex unset group empty") << regex << "A(x)?B" << false << false << false << QByteArray("AB") << yes << QByteArray("AB") << QByteArray();
    QTest::newRow("hex regex bytes") << regex << "^\\x01\\x03(..)" << true << false << false << QByteArray::fromHex("0103FF00") << yes << QByteArray::fromHex("0103FF00") << QByteArray::fromHex("FF00");
    QTest::newRow("hex regex dot is 0A") << regex << "^\\x01.$" << true << false << false << QByteArray::fromHex("010A") << yes << QByteArray::fromHex("010A") << QByteArray();
    QTest::newRow("hex regex $ is the end") << regex << "^\\x01$" << true << false << false << QByteArray::fromHex("010A") << no << QByteArray() << QByteArray();
    QTest::newRow("hex regex one byte dot") << regex << "^.$" << true << false << false << QByteArray::fromHex("C3") << yes << QByteArray::fromHex("C3") << QByteArray();
    // clang-format on
}

void tst_RuleMatcher::matches()
{
    QFETCH(int, kind);
    QFETCH(QString, pattern);
    QFETCH(bool, hex);
    QFETCH(bool, caseInsensitive);
    QFETCH(bool, negate);
    QFETCH(QByteArray, message);
    QFETCH(int, result);
    QFETCH(QByteArray, group0);
    QFETCH(QByteArray, group1);

    const RuleMatcher matcher(makeRule(MatchKind(kind), pattern,
                                       hex ? ReplyFormat::Hex : ReplyFormat::Text, caseInsensitive,
                                       negate));
    QVERIFY2(matcher.isValid(), qPrintable(matcher.errorString()));
    RuleCaptures captures;
    QCOMPARE(int(matcher.match(message, &captures)), result);
    if (result != int(MatchResult::Match))
        return;
    QCOMPARE(captures.group(0), group0);
    QCOMPARE(captures.group(1), group1);
    QCOMPARE(captures.group(9), QByteArray()); // no such group: empty
}

void tst_RuleMatcher::namedGroups()
{
    const RuleMatcher matcher(makeRule(MatchKind::Regex, "^SET (?<name>\\w+)=(?<value>\\d+)$"));
    QVERIFY(matcher.isValid());
    RuleCaptures captures;
    QCOMPARE(matcher.match("SET speed=12", &captures), MatchResult::Match);
    QCOMPARE(captures.named(QStringLiteral("name")), std::optional<QByteArray>("speed"));
    QCOMPARE(captures.named(QStringLiteral("value")), std::optional<QByteArray>("12"));
    QCOMPARE(captures.named(QStringLiteral("other")), std::nullopt);
    QCOMPARE(captures.group(2), QByteArray("12"));
}

void tst_RuleMatcher::invalidPatterns_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("hex");
    QTest::addColumn<int>("problem");
    QTest::addColumn<int>("offset");
    const int regex = int(MatchKind::Regex);
    QTest::newRow("unclosed group") << regex << "ab(c" << false << int(RuleProblem::BadRegex) << 4;
    QTest::newRow("bad quantifier") << regex << "é*+?{" << false << int(RuleProblem::BadRegex) << 3;
    QTest::newRow("missing bracket") << regex << "[a-" << false << int(RuleProblem::BadRegex) << 3;
    QTest::newRow("bad escape text")
        << int(MatchKind::Exact) << "A\\q" << false << int(RuleProblem::BadPattern) << 1;
    QTest::newRow("odd hex") << int(MatchKind::Exact) << "01 0" << true
                             << int(RuleProblem::BadPattern) << 3;
}

void tst_RuleMatcher::invalidPatterns()
{
    QFETCH(int, kind);
    QFETCH(QString, pattern);
    QFETCH(bool, hex);
    QFETCH(int, problem);
    QFETCH(int, offset);
    const RuleMatcher matcher(
        makeRule(MatchKind(kind), pattern, hex ? ReplyFormat::Hex : ReplyFormat::Text));
    QVERIFY(!matcher.isValid());
    QCOMPARE(int(matcher.problem()), problem);
    QCOMPARE(int(matcher.errorOffset()), offset);
    QVERIFY(!matcher.errorString().isEmpty());
    RuleCaptures captures;
    QCOMPARE(matcher.match(pattern.toUtf8(), &captures), MatchResult::NoMatch);
}

void tst_RuleMatcher::pathologicalRegexGivesUp()
{
    // 2^30 ways to split thirty a's: unbounded, this would run for minutes.
    const RuleMatcher matcher(makeRule(MatchKind::Regex, "(a+)+$"));
    QVERIFY(matcher.isValid());
    const QByteArray message = QByteArray(30, 'a') + 'b';
    QElapsedTimer timer;
    timer.start();
    RuleCaptures captures;
    QCOMPARE(matcher.match(message, &captures), MatchResult::LimitHit);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    // Negated, a match given up is still not a match.
    const RuleMatcher negated(makeRule(MatchKind::Regex, "(a+)+$", ReplyFormat::Text, false, true));
    QCOMPARE(negated.match(message, &captures), MatchResult::LimitHit);
    // A message it can decide is decided.
    QCOMPARE(matcher.match("aaa", &captures), MatchResult::Match);
}

void tst_RuleMatcher::literalIndexEligibility_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("caseInsensitive");
    QTest::addColumn<bool>("negate");
    QTest::addColumn<bool>("indexed");
    QTest::addColumn<bool>("folded");
    QTest::newRow("exact") << int(MatchKind::Exact) << false << false << true << false;
    QTest::newRow("exact ci") << int(MatchKind::Exact) << true << false << false << true;
    QTest::newRow("exact negated") << int(MatchKind::Exact) << false << true << false << false;
    QTest::newRow("contains") << int(MatchKind::Contains) << false << false << false << false;
    QTest::newRow("regex") << int(MatchKind::Regex) << false << false << false << false;
}

void tst_RuleMatcher::literalIndexEligibility()
{
    QFETCH(int, kind);
    QFETCH(bool, caseInsensitive);
    QFETCH(bool, negate);
    QFETCH(bool, indexed);
    QFETCH(bool, folded);
    const RuleMatcher matcher(
        makeRule(MatchKind(kind), "PING", ReplyFormat::Text, caseInsensitive, negate));
    QCOMPARE(matcher.isIndexedLiteral(), indexed);
    QCOMPARE(matcher.isIndexedFoldedLiteral(), folded);
}

QTEST_GUILESS_MAIN(tst_RuleMatcher)
#include "tst_rulematcher.moc"
