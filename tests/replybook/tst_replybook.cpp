#include "answer/ReplyBook.h"

#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace chorus;

Q_DECLARE_METATYPE(chorus::ReplyFormat)
Q_DECLARE_METATYPE(chorus::ByteParseErrorKind)

namespace {

QList<ReplyEntry> plain(std::initializer_list<const char*> texts)
{
    QList<ReplyEntry> out;
    for (const char* text : texts)
        out.append(ReplyEntry{QString::fromUtf8(text), true, 1.0});
    return out;
}

QString pickText(ReplyBook& book)
{
    const auto reply = book.pick(ReplyContext{});
    return reply ? QString::fromUtf8(*reply) : QStringLiteral("<none>");
}

// A Text entry's bytes, placeholders expanded; "<invalid>" when it does not parse.
QByteArray expandText(const QString& text, const ReplyContext& context)
{
    const std::optional<ReplyTemplate> compiled = ReplyTemplate::compile(text, ReplyFormat::Text);
    return compiled ? compiled->expand(context) : QByteArrayLiteral("<invalid>");
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class TestReplyBook : public QObject
{
    Q_OBJECT
private slots:
    void factoryListInOrder();
    void defaultsToRandom();
    void randomReachesEveryEnabledEntry();
    void shuffleNeverRepeatsWithinCycle();
    void shuffleRestartsWhenBookChanges();
    void sequentialCyclesInOrder();
    void zeroWeightNeverPicked();
    void weightsRoughlyProportional();
    void allZeroWeightsGiveNothing();
    void placeholders_data();
    void placeholders();
    void placeholderTimeDefaultsToNow();
    void noBraceReturnsSameText();
    void escapesAndHexCompileToBytes_data();
    void escapesAndHexCompileToBytes();
    void badEntriesReportWhere_data();
    void badEntriesReportWhere();
    void echoIsExactBytes();
    void invalidEntriesNeverPicked();
    void disabledEntriesSkipped();
    void emptyAndAllDisabledGiveNothing();
    void editingOperations();
    void outOfRangeEditsIgnored();
    void autosaveAfterEdit();
    void autosaveFailureReported();
    void modeNamesRoundTrip();
    void concurrentPickWhileEditing();
};

void TestReplyBook::factoryListInOrder()
{
    const QList<ReplyEntry> factory = ReplyBook::factoryEntries();
    QCOMPARE(factory.size(), 7);
    QCOMPARE(factory.first().text, QStringLiteral("안녕하세요!"));
    QCOMPARE(factory.at(1).text, QStringLiteral("요청을 잘 받았습니다."));
    QCOMPARE(factory.last().text, QStringLiteral("응답 메시지 전송합니다."));
    for (const ReplyEntry& entry : factory) {
        QVERIFY(entry.enabled);
        QCOMPARE(entry.weight, 1.0);
        QVERIFY(!entry.text.contains(QLatin1Char('\r')));
    }
    ReplyBook book;
    QCOMPARE(book.entries(), factory);
    QCOMPARE(book.count(), 7);
    QCOMPARE(book.enabledCount(), 7);
}

void TestReplyBook::defaultsToRandom()
{
    ReplyBook book;
    QCOMPARE(book.pickMode(), PickMode::Random);
    const QSet<QString> texts = [] {
        QSet<QString> out;
        for (const ReplyEntry& entry : ReplyBook::factoryEntries())
            out.insert(entry.text);
        return out;
    }();
    for (int i = 0; i < 50; ++i)
        QVERIFY(texts.contains(pickText(book)));
}

void TestReplyBook::randomReachesEveryEnabledEntry()
{
    ReplyBook book;
    book.setEntries(plain({"a", "b", "c", "d", "e"}));
    QSet<QString> seen;
    for (int i = 0; i < 2000 && seen.size() < 5; ++i)
        seen.insert(pickText(book));
    QCOMPARE(seen, (QSet<QString>{"a", "b", "c", "d", "e"}));
}

void TestReplyBook::shuffleNeverRepeatsWithinCycle()
{
    ReplyBook book;
    book.setEntries(plain({"a", "b", "c", "d", "e", "f"}));
    book.setPickMode(PickMode::Shuffle);
    QCOMPARE(book.pickMode(), PickMode::Shuffle);
    QString previous;
    for (int cycle = 0; cycle < 20; ++cycle) {
        QSet<QString> seen;
        for (int i = 0; i < 6; ++i) {
            const QString text = pickText(book);
            QVERIFY2(!seen.contains(text), qPrintable(text));
            QVERIFY(text != previous); // not even across the cycle boundary
            seen.insert(text);
            previous = text;
        }
        QCOMPARE(seen.size(), 6);
    }
}

void TestReplyBook::shuffleRestartsWhenBookChanges()
{
    ReplyBook book;
    book.setPickMode(PickMode::Shuffle);
    book.setEntries(plain({"a", "b", "c"}));
    pickText(book);
    book.setEntries(plain({"x", "y"}));
    QSet<QString> seen{pickText(book), pickText(book)};
    QCOMPARE(seen, (QSet<QString>{"x", "y"}));
}

void TestReplyBook::sequentialCyclesInOrder()
{
    ReplyBook book;
    book.setEntries(plain({"a", "b", "c"}));
    book.setPickMode(PickMode::Sequential);
    QStringList got;
    for (int i = 0; i < 7; ++i)
        got << pickText(book);
    QCOMPARE(got, (QStringList{"a", "b", "c", "a", "b", "c", "a"}));

    book.setEnabled(1, false);
    got.clear();
    for (int i = 0; i < 4; ++i)
        got << pickText(book);
    for (const QString& text : got)
        QVERIFY(text == QLatin1String("a") || text == QLatin1String("c"));
    QVERIFY(got.at(0) != got.at(1));
    QVERIFY(got.at(1) != got.at(2));
}

void TestReplyBook::zeroWeightNeverPicked()
{
    ReplyBook book;
    QList<ReplyEntry> entries = plain({"never", "sometimes", "often"});
    entries[0].weight = 0.0;
    entries[2].weight = 3.0;
    book.setEntries(entries);
    QCOMPARE(book.enabledCount(), 3); // a zero weight is still enabled
    QSet<QString> seen;
    for (int i = 0; i < 3000; ++i) {
        const QString text = pickText(book);
        QVERIFY(text != QLatin1String("never"));
        seen.insert(text);
    }
    QCOMPARE(seen, (QSet<QString>{"sometimes", "often"}));
}

void TestReplyBook::weightsRoughlyProportional()
{
    ReplyBook book;
    QList<ReplyEntry> entries = plain({"heavy", "light"});
    entries[0].weight = 9.0;
    book.setEntries(entries);
    constexpr int kPicks = 10000;
    int heavy = 0;
    for (int i = 0; i < kPicks; ++i)
        heavy += pickText(book) == QLatin1String("heavy") ? 1 : 0;
    // Expected 9000, standard deviation 30: 8500..9500 is a very generous band.
    QVERIFY2(heavy > 8500 && heavy < 9500, qPrintable(QString::number(heavy)));
}

void TestReplyBook::allZeroWeightsGiveNothing()
{
    ReplyBook book;
    QList<ReplyEntry> entries = plain({"a", "b"});
    entries[0].weight = 0.0;
    entries[1].weight = -2.0;
    book.setEntries(entries);
    QVERIFY(!book.pick(ReplyContext{}));
    // Weights only matter to Random.
    book.setPickMode(PickMode::Sequential);
    QCOMPARE(pickText(book), QStringLiteral("a"));
}

void TestReplyBook::placeholders_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("id") << "#{id}"
                        << "#42";
    QTest::newRow("peer") << "hi {peer}"
                          << "hi 127.0.0.1:5555";
    QTest::newRow("count") << "{count} msgs"
                           << "7 msgs";
    QTest::newRow("echo") << "you said: {echo}"
                          << "you said: 안녕";
    QTest::newRow("time") << "{time}"
                          << "13:04:05";
    QTest::newRow("date") << "{date}"
                          << "2024-02-29";
    QTest::newRow("all") << "{id}/{peer}/{count}/{echo}/{date} {time}"
                         << "42/127.0.0.1:5555/7/안녕/2024-02-29 13:04:05";
    QTest::newRow("unknown kept") << "{nope} {id}"
                                  << "{nope} 42";
    QTest::newRow("escaped") << "{{id}} and }}"
                             << "{id} and }";
    QTest::newRow("lone open") << "a { b"
                               << "a { b";
    QTest::newRow("unterminated") << "x {id"
                                  << "x {id";
    QTest::newRow("lone close") << "a } b"
                                << "a } b";
    QTest::newRow("nested") << "{a{id}}"
                            << "{a42}";
    QTest::newRow("empty name") << "{}"
                                << "{}";
    QTest::newRow("adjacent") << "{id}{id}"
                              << "4242";
    QTest::newRow("echo braces not re-expanded") << "{echo}"
                                                 << "안녕";
}

void TestReplyBook::placeholders()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    ReplyContext context;
    context.connectionId = 42;
    context.peer = QStringLiteral("127.0.0.1:5555");
    context.count = 7;
    context.echo = QStringLiteral("안녕").toUtf8();
    context.now = QDateTime(QDate(2024, 2, 29), QTime(13, 4, 5));
    QCOMPARE(expandText(text, context), expected.toUtf8());

    // pick() expands too.
    ReplyBook book;
    book.setEntries({ReplyEntry{text, true, 1.0}});
    QCOMPARE(book.pick(context).value_or(QByteArrayLiteral("<none>")), expected.toUtf8());
}

void TestReplyBook::placeholderTimeDefaultsToNow()
{
    const QString date = QString::fromLatin1(expandText(QStringLiteral("{date}"), ReplyContext{}));
    QVERIFY(QDate::fromString(date, QStringLiteral("yyyy-MM-dd")).isValid());
    const QString time = QString::fromLatin1(expandText(QStringLiteral("{time}"), ReplyContext{}));
    QVERIFY(QTime::fromString(time, QStringLiteral("HH:mm:ss")).isValid());

    ReplyContext context;
    context.echo = QByteArrayLiteral("{id}");
    // The echoed bytes are data, never expanded a second time.
    QCOMPARE(expandText(QStringLiteral("<{echo}>"), context), QByteArrayLiteral("<{id}>"));
}

void TestReplyBook::noBraceReturnsSameText()
{
    const std::optional<ReplyTemplate> compiled =
        ReplyTemplate::compile(QString::fromUtf8("데이터 수신 완료!"), ReplyFormat::Text);
    QVERIFY(compiled);
    QVERIFY(!compiled->hasPlaceholders());
    const QByteArray first = compiled->expand(ReplyContext{});
    const QByteArray second = compiled->expand(ReplyContext{});
    QCOMPARE(first, QString::fromUtf8("데이터 수신 완료!").toUtf8());
    QVERIFY(first.isSharedWith(second)); // no copy on the hot path
}

void TestReplyBook::escapesAndHexCompileToBytes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<ReplyFormat>("format");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("hex ack") << "06" << ReplyFormat::Hex << QByteArray("\x06", 1);
    QTest::newRow("hex spaced") << "01 03 00 0a" << ReplyFormat::Hex
                                << QByteArray("\x01\x03\x00\x0A", 4);
    QTest::newRow("hex braces stay bytes")
        << "7B 69 64 7D" << ReplyFormat::Hex << QByteArray("{id}");
    QTest::newRow("text escapes") << "OK\\r\\n\\x00\\xFF\\\\" << ReplyFormat::Text
                                  << QByteArray("OK\r\n\x00\xFF\\", 7);
    QTest::newRow("text cr") << "ACK\\r" << ReplyFormat::Text << QByteArray("ACK\r");
    QTest::newRow("escape beside placeholder") << "\\x02{count}\\x03" << ReplyFormat::Text
                                               << QByteArray("\x02"
                                                             "7"
                                                             "\x03");
    QTest::newRow("escape inside unknown name kept")
        << "{a\\x41}" << ReplyFormat::Text << QByteArray("{aA}");
}

void TestReplyBook::escapesAndHexCompileToBytes()
{
    QFETCH(QString, text);
    QFETCH(ReplyFormat, format);
    QFETCH(QByteArray, expected);
    ReplyContext context;
    context.count = 7;
    const std::optional<ReplyTemplate> compiled = ReplyTemplate::compile(text, format);
    QVERIFY(compiled);
    QCOMPARE(compiled->expand(context), expected);
}

void TestReplyBook::badEntriesReportWhere_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<ReplyFormat>("format");
    QTest::addColumn<ByteParseErrorKind>("kind");
    QTest::addColumn<qsizetype>("position");
    QTest::newRow("odd hex") << "06 0" << ReplyFormat::Hex << ByteParseErrorKind::OddHexDigits
                             << qsizetype(3);
    QTest::newRow("not hex") << "0G" << ReplyFormat::Hex << ByteParseErrorKind::BadHexDigit
                             << qsizetype(1);
    QTest::newRow("unknown escape")
        << "ab\\q" << ReplyFormat::Text << ByteParseErrorKind::UnknownEscape << qsizetype(2);
    // Positions count in the whole text, placeholders and braces included.
    QTest::newRow("after placeholder") << "{id}{{x\\xZ1" << ReplyFormat::Text
                                       << ByteParseErrorKind::BadEscapeDigits << qsizetype(7);
    QTest::newRow("trailing backslash")
        << "{echo}\\" << ReplyFormat::Text << ByteParseErrorKind::TrailingBackslash << qsizetype(6);
}

void TestReplyBook::badEntriesReportWhere()
{
    QFETCH(QString, text);
    QFETCH(ReplyFormat, format);
    QFETCH(ByteParseErrorKind, kind);
    QFETCH(qsizetype, position);
    ByteParseError error;
    QVERIFY(!ReplyTemplate::compile(text, format, &error));
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.position, position);
}

void TestReplyBook::echoIsExactBytes()
{
    // Bytes that are not UTF-8 come back exactly, not as U+FFFD.
    ReplyBook book;
    book.setEntries({ReplyEntry{QStringLiteral("<{echo}>"), true, 1.0}});
    ReplyContext context;
    context.echo = QByteArray("\x01\x02\xFF\xFE\x00", 5);
    QCOMPARE(book.pick(context).value_or(QByteArray()), QByteArray("<\x01\x02\xFF\xFE\x00>", 7));
}

void TestReplyBook::invalidEntriesNeverPicked()
{
    ReplyBook book;
    book.setEntries({ReplyEntry{QStringLiteral("bad \\q"), true, 1.0},
                     ReplyEntry{QStringLiteral("0G"), true, 1.0, ReplyFormat::Hex},
                     ReplyEntry{QStringLiteral("06"), true, 1.0, ReplyFormat::Hex}});
    QCOMPARE(book.count(), 3);
    QCOMPARE(book.enabledCount(), 1); // only the valid one can be picked
    for (PickMode mode : {PickMode::Random, PickMode::Shuffle, PickMode::Sequential}) {
        book.setPickMode(mode);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(book.pick(ReplyContext{}).value_or(QByteArray()), QByteArray("\x06", 1));
    }
    book.setEnabled(2, false);
    QVERIFY(!book.pick(ReplyContext{}));
}

void TestReplyBook::disabledEntriesSkipped()
{
    ReplyBook book;
    QList<ReplyEntry> entries = plain({"on1", "off", "on2"});
    entries[1].enabled = false;
    book.setEntries(entries);
    QCOMPARE(book.enabledCount(), 2);
    for (PickMode mode : {PickMode::Random, PickMode::Shuffle, PickMode::Sequential}) {
        book.setPickMode(mode);
        for (int i = 0; i < 200; ++i)
            QVERIFY(pickText(book) != QLatin1String("off"));
    }
}

void TestReplyBook::emptyAndAllDisabledGiveNothing()
{
    ReplyBook book;
    for (PickMode mode : {PickMode::Random, PickMode::Shuffle, PickMode::Sequential}) {
        book.setPickMode(mode);
        book.setEntries({});
        QVERIFY(!book.pick(ReplyContext{}));
        QList<ReplyEntry> entries = plain({"a", "b"});
        entries[0].enabled = false;
        entries[1].enabled = false;
        book.setEntries(entries);
        QCOMPARE(book.enabledCount(), 0);
        QVERIFY(!book.pick(ReplyContext{}));
    }
}

void TestReplyBook::editingOperations()
{
    ReplyBook book;
    QSignalSpy changed(&book, &ReplyBook::changed);
    book.setEntries(plain({"a", "b"}));
    book.addEntry(ReplyEntry{QStringLiteral("c"), true, 1.0});
    book.insertEntry(0, ReplyEntry{QStringLiteral("z"), true, 2.0});
    QList<ReplyEntry> expected = plain({"z", "a", "b", "c"});
    expected[0].weight = 2.0;
    QCOMPARE(book.entries(), expected);
    book.moveEntry(0, 3);
    QCOMPARE(book.entry(3).text, QStringLiteral("z"));
    QCOMPARE(book.entry(0).text, QStringLiteral("a"));
    book.updateEntry(1, ReplyEntry{QStringLiteral("B"), false, 0.5});
    QCOMPARE(book.entry(1), (ReplyEntry{QStringLiteral("B"), false, 0.5}));
    book.setEnabled(1, true);
    QVERIFY(book.entry(1).enabled);
    book.removeEntry(2);
    QCOMPARE(book.count(), 3);
    QCOMPARE(book.entry(2).text, QStringLiteral("z"));
    QCOMPARE(changed.count(), 7); // one per edit
    book.resetToFactory();
    QCOMPARE(book.entries(), ReplyBook::factoryEntries());
    QCOMPARE(changed.count(), 8);
}

void TestReplyBook::outOfRangeEditsIgnored()
{
    ReplyBook book;
    book.setEntries(plain({"a"}));
    QSignalSpy changed(&book, &ReplyBook::changed);
    book.removeEntry(5);
    book.removeEntry(-1);
    book.updateEntry(3, ReplyEntry{});
    book.moveEntry(0, 4);
    book.setEnabled(9, false);
    book.setEnabled(0, true); // no change
    book.setEntries(plain({"a"}));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(book.entry(7), ReplyEntry{});
    book.insertEntry(100, ReplyEntry{QStringLiteral("end"), true, 1.0});
    QCOMPARE(book.entry(1).text, QStringLiteral("end"));
}

void TestReplyBook::autosaveAfterEdit()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("auto/replies.json"));
    ReplyBook book;
    book.setAutoSavePath(path);
    QCOMPARE(book.autoSavePath(), path);
    QVERIFY(!QFile::exists(path)); // setting the path alone writes nothing
    QSignalSpy failed(&book, &ReplyBook::saveFailed);
    QSignalSpy saved(&book, &ReplyBook::saved);

    book.addEntry(ReplyEntry{QStringLiteral("새 응답"), true, 1.0});
    QVERIFY(QFile::exists(path));
    ReplyBook reader;
    QVERIFY(reader.load(path).ok());
    QCOMPARE(reader.entries(), book.entries());

    book.setPickMode(PickMode::Sequential);
    QVERIFY(reader.load(path).ok());
    QCOMPARE(reader.pickMode(), PickMode::Sequential);

    book.removeEntry(0);
    QVERIFY(reader.load(path).ok());
    QCOMPARE(reader.count(), 7);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(saved.count(), 3);
    QCOMPARE(saved.last().first().toString(), path);
}

void TestReplyBook::autosaveFailureReported()
{
    QTemporaryDir dir;
    // A regular file where the folder should be makes the save fail.
    const QString blocker = dir.filePath(QStringLiteral("blocker"));
    QVERIFY(writeFile(blocker, "x"));
    ReplyBook book;
    book.setAutoSavePath(blocker + QStringLiteral("/replies.json"));
    QSignalSpy failed(&book, &ReplyBook::saveFailed);
    book.addEntry(ReplyEntry{QStringLiteral("kept in memory"), true, 1.0});
    QCOMPARE(failed.count(), 1);
    const auto result = failed.first().first().value<FileResult>();
    QCOMPARE(result.error, FileError::CreateFolderFailed);
    QCOMPARE(result.path, blocker + QStringLiteral("/replies.json"));
    QCOMPARE(book.count(), 8); // the edit itself stands
    QCOMPARE(book.entry(7).text, QStringLiteral("kept in memory"));
}

void TestReplyBook::modeNamesRoundTrip()
{
    for (PickMode mode : {PickMode::Random, PickMode::Shuffle, PickMode::Sequential}) {
        QCOMPARE(pickModeFromName(pickModeName(mode)), mode);
        QCOMPARE(pickModeFromName(pickModeName(mode).toUpper()), mode);
    }
    QCOMPARE(pickModeName(PickMode::Shuffle), QStringLiteral("shuffle"));
    QVERIFY(!pickModeFromName(u"round-robin"));
    QVERIFY(!pickModeFromName(u""));
}

void TestReplyBook::concurrentPickWhileEditing()
{
    ReplyBook book;
    QSet<QString> everSeen;
    for (const ReplyEntry& entry : ReplyBook::factoryEntries())
        everSeen.insert(entry.text);
    for (int i = 0; i < 50; ++i)
        everSeen.insert(QStringLiteral("edit %1").arg(i));

    const QSet<QString>& allowed = everSeen; // read-only from the pickers
    std::atomic<bool> stop{false};
    std::atomic<int> bad{0};
    std::atomic<long> picks{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            ReplyContext context;
            // Bounded even if the main thread stalls.
            for (int i = 0; i < 2'000'000 && !stop.load(); ++i) {
                const auto reply = book.pick(context);
                if (reply && !allowed.contains(QString::fromUtf8(*reply)))
                    bad.fetch_add(1);
                picks.fetch_add(1, std::memory_order_relaxed);
            }
        });
    }

    const PickMode modes[] = {PickMode::Random, PickMode::Shuffle, PickMode::Sequential};
    // At least 600 edits, and on until the pickers really ran alongside (bounded).
    for (int i = 0; i < 1'000'000 && (i < 600 || picks.load() < 100'000); ++i) {
        switch (i % 6) {
        case 0:
            book.addEntry(ReplyEntry{QStringLiteral("edit %1").arg(i % 50), true, 1.0 + i % 3});
            break;
        case 1:
            book.setEnabled(0, i % 4 == 1);
            break;
        case 2:
            book.setPickMode(modes[(i / 6) % 3]);
            break;
        case 3:
            book.moveEntry(0, book.count() - 1);
            break;
        case 4:
            if (book.count() > 3)
                book.removeEntry(book.count() / 2);
            break;
        case 5:
            if (i % 60 == 5)
                book.setEntries({}); // nothing to pick for a moment
            else if (i % 60 == 11)
                book.resetToFactory();
            break;
        }
    }
    stop = true;
    for (std::thread& thread : threads)
        thread.join();
    QCOMPARE(bad.load(), 0);
    QVERIFY(picks.load() > 0);
}

QTEST_GUILESS_MAIN(TestReplyBook)
#include "tst_replybook.moc"
