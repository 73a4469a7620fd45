// RuleBook: first-match order (through the literal index too), fallback or
// silence, replies with captures and checksums (a Modbus RTU read answered
// with a frame whose CRC is checked here independently), reply sets, hit
// counters, a pathological regex logged once, and reading while editing.

#include "answer/RuleBook.h"

#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace chorus;

class tst_RuleBook : public QObject
{
    Q_OBJECT
private slots:
    void firstMatchWins_data();
    void firstMatchWins();
    void fallbackOrSilence();
    void disabledAndInvalidRulesSkipped();
    void capturesInReply();
    void modbusReadAnsweredWithValidCrc();
    void replySetPicksInSequence();
    void noReplyAndCloseAndDelay();
    void hitsCountedAndKeptThroughEdits();
    void previewCountsNothing();
    void pathologicalRegexLoggedOnce();
    void thousandLiteralsIndexed();
    void duplicateAndMove();
    void statusExplainsInvalidRules();
    void concurrentAnswersWhileEditing();
};

namespace {

// The independent reference: CRC-16/MODBUS bit by bit, as the spec describes it.
quint16 referenceModbusCrc(const QByteArray& bytes)
{
    quint16 crc = 0xFFFF;
    for (const char c : bytes) {
        crc ^= quint8(c);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1) ? quint16((crc >> 1) ^ 0xA001) : quint16(crc >> 1);
    }
    return crc;
}

Rule rule(const QString& name, MatchKind kind, const QString& pattern, const QString& reply)
{
    Rule r;
    r.name = name;
    r.match = kind;
    r.pattern = pattern;
    r.reply = reply;
    return r;
}

QByteArray replyOf(const RuleBook& book, const QByteArray& message, ReplyBook* fallback = nullptr)
{
    ReplyContext context;
    context.echo = message;
    return book.answer(message, context, fallback).reply.value_or(QByteArray("<none>"));
}

} // namespace

void tst_RuleBook::firstMatchWins_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<int>("ruleIndex");
    QTest::addColumn<QByteArray>("reply");
    // Rules: 0 contains "X", 1 exact "PING", 2 exact "PING" (shadowed),
    // 3 regex ^P, 4 exact "PX" (after "contains X", which wins), 5 exact ci "hello".
    QTest::newRow("contains before literal") << QByteArray("PX") << 0 << QByteArray("has X");
    QTest::newRow("literal via index") << QByteArray("PING") << 1 << QByteArray("PONG");
    QTest::newRow("regex after literal") << QByteArray("PONG") << 3 << QByteArray("starts P");
    QTest::newRow("folded literal") << QByteArray("HeLLo") << 5 << QByteArray("hi");
    QTest::newRow("nothing") << QByteArray("zzz") << -1 << QByteArray("<none>");
}

void tst_RuleBook::firstMatchWins()
{
    QFETCH(QByteArray, message);
    QFETCH(int, ruleIndex);
    QFETCH(QByteArray, reply);
    RuleBook book;
    book.setFallbackToBook(false);
    Rule ci = rule("hello", MatchKind::Exact, "hello", "hi");
    ci.caseInsensitive = true;
    book.setRules({rule("x", MatchKind::Contains, "X", "has X"),
                   rule("ping", MatchKind::Exact, "PING", "PONG"),
                   rule("ping2", MatchKind::Exact, "PING", "shadowed"),
                   rule("p", MatchKind::Regex, "^P", "starts P"),
                   rule("px", MatchKind::Exact, "PX", "never"), ci});
    ReplyContext context;
    const RuleAnswer answer = book.answer(message, context, nullptr);
    QCOMPARE(answer.ruleIndex, ruleIndex);
    QCOMPARE(answer.source, ruleIndex < 0 ? RuleAnswer::Source::Silent : RuleAnswer::Source::Rule);
    QCOMPARE(answer.reply.value_or("<none>"), reply);
}

void tst_RuleBook::fallbackOrSilence()
{
    RuleBook rules;
    rules.setRules({rule("ping", MatchKind::Exact, "PING", "PONG")});
    ReplyBook book;
    book.setEntries({ReplyEntry{QStringLiteral("from book"), true, 1.0}});
    ReplyContext context;
    RuleAnswer answer = rules.answer("other", context, &book);
    QCOMPARE(answer.source, RuleAnswer::Source::ReplyBook);
    QCOMPARE(answer.reply, std::optional<QByteArray>("from book"));
    rules.setFallbackToBook(false);
    answer = rules.answer("other", context, &book);
    QCOMPARE(answer.source, RuleAnswer::Source::Silent);
    QCOMPARE(answer.reply, std::nullopt);
    QCOMPARE(rules.answer("PING", context, &book).reply, std::optional<QByteArray>("PONG"));
}

void tst_RuleBook::disabledAndInvalidRulesSkipped()
{
    RuleBook book;
    Rule off = rule("off", MatchKind::Exact, "A", "off");
    off.enabled = false;
    Rule broken = rule("broken", MatchKind::Regex, "A(", "broken");
    Rule badReply = rule("bad reply", MatchKind::Exact, "A", "\\q");
    book.setRules({off, broken, badReply, rule("good", MatchKind::Exact, "A", "good")});
    QCOMPARE(replyOf(book, "A"), QByteArray("good"));
}

void tst_RuleBook::capturesInReply()
{
    RuleBook book;
    book.setRules(
        {rule("temp", MatchKind::Regex, "^GET TEMP (?<ch>\\d)$", "TEMP {ch}={1}.5 [{0}]")});
    QCOMPARE(replyOf(book, "GET TEMP 3"), QByteArray("TEMP 3=3.5 [GET TEMP 3]"));
}

void tst_RuleBook::modbusReadAnsweredWithValidCrc()
{
    // Read holding registers, slave 1, address 0, count 1: 01 03 00 00 00 01 84 0A.
    RuleBook book;
    Rule read;
    read.name = QStringLiteral("modbus read");
    read.match = MatchKind::Regex;
    read.patternFormat = ReplyFormat::Hex;
    read.pattern = QStringLiteral("^\\x01\\x03\\x00\\x00\\x00\\x01..$");
    read.reply = QStringLiteral("01 03 02 00 2A {crc16modbus}");
    read.replyFormat = ReplyFormat::Hex;
    book.setRules({read});
    const QByteArray request = QByteArray::fromHex("010300000001840A");
    QCOMPARE(referenceModbusCrc(request.left(6)), quint16(0x0A84)); // the request's own CRC
    const QByteArray reply = replyOf(book, request);
    QCOMPARE(reply.size(), 7);
    QCOMPARE(reply.left(5), QByteArray::fromHex("010302002A"));
    const quint16 crc = referenceModbusCrc(reply.left(5));
    QCOMPARE(quint8(reply.at(5)), quint8(crc & 0xFF)); // low byte first
    QCOMPARE(quint8(reply.at(6)), quint8(crc >> 8));
    QCOMPARE(referenceModbusCrc(reply), quint16(0)); // a whole RTU frame checks to zero
}

void tst_RuleBook::replySetPicksInSequence()
{
    RuleBook book;
    book.setReplySets({ReplySet{QStringLiteral("temps"),
                                PickMode::Sequential,
                                {ReplyEntry{QStringLiteral("t={1}"), true, 1.0},
                                 ReplyEntry{QStringLiteral("\\x06"), true, 1.0}}}});
    Rule temp = rule("temp", MatchKind::Regex, "^T(\\d)$", {});
    temp.answer = AnswerKind::ReplySet;
    temp.replySet = QStringLiteral("temps");
    Rule missing = rule("missing", MatchKind::Exact, "M", {});
    missing.answer = AnswerKind::ReplySet;
    missing.replySet = QStringLiteral("nope");
    book.setRules({temp, missing});
    QCOMPARE(replyOf(book, "T1"), QByteArray("t=1"));
    QCOMPARE(replyOf(book, "T2"), QByteArray("\x06"));
    QCOMPARE(replyOf(book, "T3"), QByteArray("t=3"));
    QCOMPARE(book.status(1).problem, RuleProblem::UnknownSet);
    QCOMPARE(replyOf(book, "M"), QByteArray("<none>"));
}

void tst_RuleBook::noReplyAndCloseAndDelay()
{
    RuleBook book;
    Rule quiet = rule("quiet", MatchKind::Exact, "Q", {});
    quiet.answer = AnswerKind::NoReply;
    Rule bye = rule("bye", MatchKind::Exact, "BYE", "bye");
    bye.close = true;
    bye.delayMs = 1500;
    book.setRules({quiet, bye});
    ReplyBook fallback;
    ReplyContext context;
    RuleAnswer answer = book.answer("Q", context, &fallback);
    QCOMPARE(answer.source, RuleAnswer::Source::Rule);
    QCOMPARE(answer.reply, std::nullopt); // a rule answered: no fallback
    answer = book.answer("BYE", context, &fallback);
    QCOMPARE(answer.reply, std::optional<QByteArray>("bye"));
    QVERIFY(answer.close);
    QCOMPARE(answer.delay, std::chrono::milliseconds(1500));
    QCOMPARE(answer.ruleName, QStringLiteral("bye"));
}

void tst_RuleBook::hitsCountedAndKeptThroughEdits()
{
    RuleBook book;
    book.setRules({rule("a", MatchKind::Exact, "A", "1"), rule({}, MatchKind::Exact, "B", "2")});
    QCOMPARE(book.hits(0), quint64(0));
    QVERIFY(!book.lastHit(0).isValid());
    replyOf(book, "A");
    replyOf(book, "A");
    replyOf(book, "B");
    QCOMPARE(book.hits(0), quint64(2));
    QVERIFY(book.lastHit(0).isValid());
    QCOMPARE(book.answer("B", {}, nullptr).ruleName, QStringLiteral("rule 2"));
    // Editing a's reply and moving it keeps its counters; a new rule starts at zero.
    Rule edited = book.rule(0);
    edited.reply = QStringLiteral("one");
    book.updateRule(0, edited);
    book.moveRule(0, 1);
    QCOMPARE(book.hits(1), quint64(2));
    QCOMPARE(book.hits(0), quint64(2)); // B: twice now
    book.insertRule(0, rule("c", MatchKind::Exact, "C", "3"));
    QCOMPARE(book.hits(0), quint64(0));
    QCOMPARE(book.hits(2), quint64(2));
}

void tst_RuleBook::previewCountsNothing()
{
    RuleBook book;
    book.setRules({rule("a", MatchKind::Exact, "A", "1")});
    QCOMPARE(book.answer("A", {}, nullptr, RuleBook::Use::Preview).reply,
             std::optional<QByteArray>("1"));
    QCOMPARE(book.hits(0), quint64(0));
}

void tst_RuleBook::pathologicalRegexLoggedOnce()
{
    RuleBook book;
    book.setFallbackToBook(false);
    book.setRules({rule("evil", MatchKind::Regex, "(a+)+$", "never"),
                   rule("after", MatchKind::Contains, "b", "after")});
    const QByteArray message = QByteArray(30, 'a') + 'b';
    RuleAnswer first = book.answer(message, {}, nullptr);
    QCOMPARE(first.limitHitRules, QStringList{QStringLiteral("evil")});
    QCOMPARE(first.ruleIndex, 1); // given up counts as no match: the next rule answers
    RuleAnswer second = book.answer(message, {}, nullptr);
    QVERIFY(second.limitHitRules.isEmpty()); // logged once
    QCOMPARE(book.limitHits(0), quint64(2));
    QCOMPARE(book.hits(0), quint64(0));
    // Its reply edited: the same pattern, not warned again.
    Rule edited = book.rule(0);
    edited.reply = QStringLiteral("still never");
    book.updateRule(0, edited);
    QVERIFY(book.answer(message, {}, nullptr).limitHitRules.isEmpty());
    // A new pattern (here: changed and changed back) may be warned about again.
    edited.pattern = QStringLiteral("x");
    book.updateRule(0, edited);
    edited.pattern = QStringLiteral("(a+)+$");
    book.updateRule(0, edited);
    QCOMPARE(book.answer(message, {}, nullptr).limitHitRules, QStringList{QStringLiteral("evil")});
}

void tst_RuleBook::thousandLiteralsIndexed()
{
    QList<Rule> rules;
    for (int i = 0; i < 1000; ++i)
        rules.append(rule({}, MatchKind::Exact, QStringLiteral("CMD%1").arg(i),
                          QStringLiteral("R%1").arg(i)));
    rules.insert(500, rule("contains 9", MatchKind::Contains, "CMD99", "contains"));
    RuleBook book;
    book.setRules(rules);
    QCOMPARE(replyOf(book, "CMD0"), QByteArray("R0"));
    QCOMPARE(replyOf(book, "CMD999"), QByteArray("contains")); // rule 500 comes first
    QCOMPARE(replyOf(book, "CMD99"), QByteArray("R99"));       // literal 99 is above it
    QCOMPARE(replyOf(book, "CMD700"), QByteArray("R700"));
}

void tst_RuleBook::duplicateAndMove()
{
    RuleBook book;
    QSignalSpy changed(&book, &RuleBook::changed);
    book.setRules({rule("a", MatchKind::Exact, "A", "1"), rule("b", MatchKind::Exact, "B", "2")});
    book.duplicateRule(0);
    QCOMPARE(book.count(), 3);
    QCOMPARE(book.rule(1), book.rule(0));
    book.moveRule(2, 0);
    QCOMPARE(book.rule(0).name, QStringLiteral("b"));
    book.setEnabled(0, false);
    QCOMPARE(replyOf(book, "B"), QByteArray("<none>"));
    book.removeRule(0);
    QCOMPARE(book.count(), 2);
    book.moveRule(5, 0); // out of range: ignored
    QCOMPARE(changed.count(), 5);
}

void tst_RuleBook::statusExplainsInvalidRules()
{
    RuleBook book;
    Rule late = rule("late", MatchKind::Exact, "L", "x");
    late.delayMs = kMaxRuleDelayMs + 1;
    book.setRules({rule("re", MatchKind::Regex, "ab(c", "x"),
                   rule("reply", MatchKind::Exact, "R", "ok\\q"), late,
                   rule("fine", MatchKind::Exact, "F", "x")});
    QCOMPARE(book.status(0).problem, RuleProblem::BadRegex);
    QCOMPARE(book.status(0).offset, qsizetype(4));
    QCOMPARE(book.status(1).problem, RuleProblem::BadReply);
    QCOMPARE(book.status(1).offset, qsizetype(2));
    QCOMPARE(book.status(2).problem, RuleProblem::BadDelay);
    QCOMPARE(book.status(3).problem, RuleProblem::None);
}

void tst_RuleBook::concurrentAnswersWhileEditing()
{
    // Readers never lock: each answer comes from one whole snapshot, old or new.
    RuleBook book;
    book.setFallbackToBook(false);
    book.setRules({rule("q", MatchKind::Exact, "Q", "old")});
    std::atomic<bool> stop{false};
    std::atomic<int> bad{0};
    std::atomic<quint64> answered{0};
    std::vector<std::thread> readers;
    for (int t = 0; t < 2; ++t) {
        readers.emplace_back([&] {
            while (!stop.load()) {
                const RuleAnswer answer = book.answer("Q", {}, nullptr);
                const QByteArray reply = answer.reply.value_or(QByteArray());
                if (reply != "old" && reply != "new")
                    ++bad;
                ++answered;
            }
        });
    }
    // Edits go on until the readers have answered plenty (bounded).
    for (int i = 0; i < 100000 && (i < 300 || answered.load() < 20000); ++i) {
        book.setRules({rule("q", MatchKind::Exact, "Q", i % 2 ? "new" : "old"),
                       rule("r", MatchKind::Regex, "^R\\d+$", "r")});
    }
    stop = true;
    for (std::thread& reader : readers)
        reader.join();
    QCOMPARE(bad.load(), 0);
    QVERIFY(answered.load() > 0);
}

QTEST_GUILESS_MAIN(tst_RuleBook)
#include "tst_rulebook.moc"
