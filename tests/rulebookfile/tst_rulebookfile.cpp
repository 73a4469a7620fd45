// Rules files: JSON and request;reply, detected from content; round trips
// through export and import; corrupt files refused without touching the
// rules; and the examples of docs/RULES.md, loaded and checked one by one.

#include "answer/RuleBook.h"
#include "answer/RuleBookFile.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class tst_RuleBookFile : public QObject
{
    Q_OBJECT
private slots:
    void detection_data();
    void detection();
    void jsonRoundTrip();
    void requestReplyImport();
    void corruptFiles_data();
    void corruptFiles();
    void invalidRegexIsNotCorruption();
    void importAppendsAndExportRoundTrips();
    void autosaveIsAtomicJson();
    void documentedExamples();
    void documentedRequestReplyExample();

private:
    QTemporaryDir m_dir;
};

namespace {

QByteArray docsBlock(const QString& marker)
{
    QFile file(QStringLiteral(CHORUS_SOURCE_DIR "/docs/RULES.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    const qsizetype at = text.indexOf(marker);
    if (at < 0)
        return {};
    const qsizetype open = text.indexOf(QStringLiteral("```"), at);
    const qsizetype start = text.indexOf(QLatin1Char('\n'), open) + 1;
    const qsizetype close = text.indexOf(QStringLiteral("```"), start);
    return text.mid(start, close - start).toUtf8();
}

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& data)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(data);
    return path;
}

Rule sampleRule()
{
    Rule rule;
    rule.enabled = false;
    rule.name = QStringLiteral("modbus");
    rule.match = MatchKind::Regex;
    rule.pattern = QStringLiteral("^\\x01\\x03");
    rule.patternFormat = ReplyFormat::Hex;
    rule.caseInsensitive = true;
    rule.negate = true;
    rule.reply = QStringLiteral("01 03 {crc16modbus}");
    rule.replyFormat = ReplyFormat::Hex;
    rule.close = true;
    rule.delayMs = 250;
    return rule;
}

} // namespace

void tst_RuleBookFile::detection_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("format");
    QTest::newRow("json") << QByteArray("{\"rules\":[]}") << int(RulesFileFormat::Json);
    QTest::newRow("json after bom and space")
        << QByteArray("\xEF\xBB\xBF \n{\"rules\":[]}") << int(RulesFileFormat::Json);
    QTest::newRow("lines") << QByteArray("PING;PONG\n") << int(RulesFileFormat::RequestReply);
    QTest::newRow("empty") << QByteArray() << int(RulesFileFormat::RequestReply);
}

void tst_RuleBookFile::detection()
{
    QFETCH(QByteArray, data);
    QFETCH(int, format);
    QCOMPARE(int(detectRulesFormat(data)), format);
}

void tst_RuleBookFile::jsonRoundTrip()
{
    Rule plain;
    plain.pattern = QStringLiteral("PING");
    plain.reply = QStringLiteral("PONG\\r");
    Rule quiet;
    quiet.pattern = QStringLiteral("Q");
    quiet.answer = AnswerKind::NoReply;
    Rule fromSet;
    fromSet.pattern = QStringLiteral("S");
    fromSet.answer = AnswerKind::ReplySet;
    fromSet.replySet = QStringLiteral("set");
    const ParsedRules rules{
        {sampleRule(), plain, quiet, fromSet},
        {ReplySet{QStringLiteral("set"),
                  PickMode::Shuffle,
                  {ReplyEntry{QStringLiteral("a\\x00"), true, 2.0},
                   ReplyEntry{QStringLiteral("06"), false, 1.0, ReplyFormat::Hex}}}}};
    BookFileResult result;
    const std::optional<ParsedRules> back = parseRules(serializeRules(rules), &result);
    QVERIFY2(back, qPrintable(result.formatReason));
    QCOMPARE(back->rules, rules.rules);
    QCOMPARE(back->sets, rules.sets);
}

void tst_RuleBookFile::requestReplyImport()
{
    BookFileResult result;
    const std::optional<ParsedRules> parsed =
        parseRules("# comment\r\nPING;PONG\r\n\nA;B;C\nX\\q;\\x06\n;empty request\n", &result);
    QVERIFY2(parsed, qPrintable(result.formatReason));
    QCOMPARE(parsed->rules.size(), 4);
    QCOMPARE(parsed->rules.at(0).pattern, QStringLiteral("PING"));
    QCOMPARE(parsed->rules.at(0).reply, QStringLiteral("PONG"));
    QCOMPARE(parsed->rules.at(0).match, MatchKind::Exact);
    QCOMPARE(parsed->rules.at(1).reply, QStringLiteral("B;C"));      // split at the first ';'
    QCOMPARE(parsed->rules.at(2).pattern, QStringLiteral("X\\\\q")); // taken literally
    QCOMPARE(parsed->rules.at(2).reply, QStringLiteral("\\x06"));
    QCOMPARE(parsed->rules.at(3).pattern, QString());

    RuleBook book;
    book.setRules(parsed->rules);
    QCOMPARE(book.answer("X\\q", {}, nullptr).reply, std::optional<QByteArray>("\x06"));
}

void tst_RuleBookFile::corruptFiles_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("error");
    QTest::newRow("bad json") << QByteArray("{\"rules\":[") << int(BookFormatError::InvalidJson);
    QTest::newRow("no rules array")
        << QByteArray("{\"entries\":[]}") << int(BookFormatError::NotABook);
    QTest::newRow("rule without pattern")
        << QByteArray("{\"rules\":[{\"reply\":\"x\"}]}") << int(BookFormatError::BadEntry);
    QTest::newRow("unknown match")
        << QByteArray("{\"rules\":[{\"text\":\"a\",\"match\":\"glob\"}]}")
        << int(BookFormatError::BadEntry);
    QTest::newRow("delay too long")
        << QByteArray("{\"rules\":[{\"text\":\"a\",\"reply\":\"b\",\"delayMs\":60001}]}")
        << int(BookFormatError::BadEntry);
    QTest::newRow("bad set") << QByteArray("{\"rules\":[],\"sets\":[{\"entries\":[]}]}")
                             << int(BookFormatError::BadEntry);
    QTest::newRow("line without ;") << QByteArray("PING PONG\n") << int(BookFormatError::BadEntry);
    QTest::newRow("nul byte") << QByteArray("A;B\0", 4) << int(BookFormatError::BinaryText);
    QTest::newRow("not utf8") << QByteArray("A;\xFF\n") << int(BookFormatError::InvalidUtf8);
}

void tst_RuleBookFile::corruptFiles()
{
    QFETCH(QByteArray, data);
    QFETCH(int, error);
    RuleBook book;
    Rule kept;
    kept.pattern = QStringLiteral("K");
    kept.reply = QStringLiteral("kept");
    book.setRules({kept});
    const BookFileResult result = book.load(write(m_dir, QStringLiteral("bad.rules"), data));
    QVERIFY(result.isCorrupt());
    QCOMPARE(int(result.format), error);
    QVERIFY(!result.formatReason.isEmpty());
    QCOMPARE(book.rules(), QList<Rule>{kept}); // nothing lost
}

void tst_RuleBookFile::invalidRegexIsNotCorruption()
{
    RuleBook book;
    const BookFileResult result = book.load(
        write(m_dir, QStringLiteral("regex.json"),
              "{\"rules\":[{\"match\":\"regex\",\"text\":\"a(\",\"reply\":\"x\"},{\"text\":\"b\","
              "\"reply\":\"y\"}]}"));
    QVERIFY(result.ok());
    QCOMPARE(book.count(), 2);
    QCOMPARE(book.status(0).problem, RuleProblem::BadRegex);
    QCOMPARE(book.answer("b", {}, nullptr).reply, std::optional<QByteArray>("y"));
}

void tst_RuleBookFile::importAppendsAndExportRoundTrips()
{
    RuleBook book;
    book.setRules({sampleRule()});
    book.setReplySets({ReplySet{
        QStringLiteral("s"), PickMode::Random, {ReplyEntry{QStringLiteral("x"), true, 1.0}}}});
    const QString exported = m_dir.filePath(QStringLiteral("export.json"));
    QVERIFY(book.exportFile(exported).ok());
    RuleBook other;
    QVERIFY(other.importFile(write(m_dir, QStringLiteral("first.txt"), "A;B\n")).ok());
    QVERIFY(other.importFile(exported).ok());
    QCOMPARE(other.count(), 2);
    QCOMPARE(other.rule(1), sampleRule());
    QCOMPARE(other.replySets(), book.replySets());
    // Missing file: refused, not corrupt, nothing changed.
    const BookFileResult missing = other.importFile(m_dir.filePath(QStringLiteral("none.json")));
    QCOMPARE(missing.file.error, FileError::NotFound);
    QVERIFY(!missing.isCorrupt());
    QCOMPARE(other.count(), 2);
}

void tst_RuleBookFile::autosaveIsAtomicJson()
{
    const QString path = m_dir.filePath(QStringLiteral("auto/rules.json"));
    RuleBook book;
    book.setAutoSavePath(path);
    QSignalSpy saved(&book, &RuleBook::saved);
    book.addRule(sampleRule());
    QCOMPARE(saved.count(), 1);
    RuleBook reread;
    QVERIFY(reread.load(path).ok());
    QCOMPARE(reread.rules(), book.rules());
    book.setFallbackToBook(false); // a setting, not in the file
    QCOMPARE(saved.count(), 1);
}

void tst_RuleBookFile::documentedExamples()
{
    const QByteArray json = docsBlock(QStringLiteral("<!-- examples: tests/rulebookfile"));
    QVERIFY(!json.isEmpty());
    BookFileResult result;
    const std::optional<ParsedRules> parsed = parseRules(json, &result);
    QVERIFY2(parsed, qPrintable(result.formatReason));
    RuleBook book;
    book.setRules(parsed->rules);
    book.setReplySets(parsed->sets);
    book.setFallbackToBook(false);
    for (int i = 0; i < book.count(); ++i)
        QVERIFY2(book.status(i).problem == RuleProblem::None,
                 qPrintable(book.status(i).errorString));

    const auto answer = [&](const QByteArray& message) {
        return book.answer(message, {}, nullptr);
    };
    QCOMPARE(answer("PING").reply, std::optional<QByteArray>("PONG"));
    QCOMPARE(answer("get temp 3").reply, std::optional<QByteArray>("TEMP 3 21.3"));
    const RuleAnswer modbus = answer(QByteArray::fromHex("010300000001840A"));
    QCOMPARE(modbus.ruleName, QStringLiteral("modbus read"));
    QCOMPARE(modbus.reply, std::optional<QByteArray>(QByteArray::fromHex("010302002A399B")));
    const RuleAnswer slow = answer("STATUS");
    QCOMPARE(slow.reply, std::optional<QByteArray>("OK"));
    QCOMPARE(slow.delay, std::chrono::milliseconds(1500));
    const RuleAnswer quit = answer("QUIT");
    QCOMPARE(quit.reply, std::optional<QByteArray>("BYE"));
    QVERIFY(quit.close);
    QCOMPARE(answer("HOW ARE YOU").reply, std::optional<QByteArray>("fine"));
    QCOMPARE(answer("HOW NOW").reply, std::optional<QByteArray>("busy"));
    QCOMPARE(answer("RESET").reply, std::optional<QByteArray>("ERR unknown command RESET"));
    QCOMPARE(answer("lower case").source, RuleAnswer::Source::Silent);
}

void tst_RuleBookFile::documentedRequestReplyExample()
{
    const QByteArray text = docsBlock(QStringLiteral("<!-- examples: request;reply"));
    BookFileResult result;
    const std::optional<ParsedRules> parsed = parseRules(text, &result);
    QVERIFY2(parsed, qPrintable(result.formatReason));
    RuleBook book;
    book.setRules(parsed->rules);
    QCOMPARE(book.answer("PING", {}, nullptr).reply, std::optional<QByteArray>("PONG"));
    QCOMPARE(book.answer("GET VERSION", {}, nullptr).reply, std::optional<QByteArray>("v1.2.3\r"));
}

QTEST_GUILESS_MAIN(tst_RuleBookFile)
#include "tst_rulebookfile.moc"
