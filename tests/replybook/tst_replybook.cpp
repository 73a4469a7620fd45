#include "answer/ReplyBook.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace chorus;

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
    return reply ? *reply : QStringLiteral("<none>");
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
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
    void disabledEntriesSkipped();
    void emptyAndAllDisabledGiveNothing();
    void editingOperations();
    void outOfRangeEditsIgnored();
    void saveRestoreRoundTrip();
    void missingFileGivesFactory();
    void corruptFileBackedUp_data();
    void corruptFileBackedUp();
    void parsePlainText();
    void parseJsonShapes_data();
    void parseJsonShapes();
    void parseRejectsBadInput_data();
    void parseRejectsBadInput();
    void importExportText();
    void importExportJson();
    void importErrors();
    void exportRefusesMultiLineAsText();
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
    context.echo = QStringLiteral("안녕");
    context.now = QDateTime(QDate(2024, 2, 29), QTime(13, 4, 5));
    QCOMPARE(ReplyBook::expandPlaceholders(text, context), expected);

    // pick() expands too.
    ReplyBook book;
    book.setEntries({ReplyEntry{text, true, 1.0}});
    QCOMPARE(book.pick(context).value_or(QStringLiteral("<none>")), expected);
}

void TestReplyBook::placeholderTimeDefaultsToNow()
{
    const QString date = ReplyBook::expandPlaceholders(QStringLiteral("{date}"), ReplyContext{});
    QVERIFY(QDate::fromString(date, QStringLiteral("yyyy-MM-dd")).isValid());
    const QString time = ReplyBook::expandPlaceholders(QStringLiteral("{time}"), ReplyContext{});
    QVERIFY(QTime::fromString(time, QStringLiteral("HH:mm:ss")).isValid());

    ReplyContext context;
    context.echo = QStringLiteral("{id}");
    // The echoed text is data, never expanded a second time.
    QCOMPARE(ReplyBook::expandPlaceholders(QStringLiteral("<{echo}>"), context),
             QStringLiteral("<{id}>"));
}

void TestReplyBook::noBraceReturnsSameText()
{
    const QString text = QString::fromUtf8("데이터 수신 완료!"); // heap data, ref-counted
    const QString expanded = ReplyBook::expandPlaceholders(text, ReplyContext{});
    QCOMPARE(expanded, text);
    QVERIFY(expanded.isSharedWith(text)); // no copy on the hot path
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

void TestReplyBook::saveRestoreRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("sub/replies.json"));
    QList<ReplyEntry> entries = plain({"첫째", "second {id}", "multi\nline"});
    entries[1].enabled = false;
    entries[2].weight = 2.5;

    ReplyBook book;
    book.setEntries(entries);
    book.setPickMode(PickMode::Shuffle);
    QString error;
    QVERIFY2(book.save(path, &error), qPrintable(error));

    ReplyBook restored;
    QString warning;
    QSignalSpy changed(&restored, &ReplyBook::changed);
    QVERIFY2(restored.load(path, &warning), qPrintable(warning));
    QCOMPARE(restored.entries(), entries);
    QCOMPARE(restored.pickMode(), PickMode::Shuffle);
    QCOMPARE(changed.count(), 1);

    const QJsonObject root = QJsonDocument::fromJson(readFile(path)).object();
    QCOMPARE(root.value(QLatin1String("version")).toInt(), 1);
    QCOMPARE(root.value(QLatin1String("pickMode")).toString(), QStringLiteral("shuffle"));
}

void TestReplyBook::missingFileGivesFactory()
{
    QTemporaryDir dir;
    ReplyBook book;
    book.setEntries(plain({"x"}));
    QString warning;
    QVERIFY(book.load(dir.filePath(QStringLiteral("absent.json")), &warning));
    QVERIFY(warning.isEmpty());
    QCOMPARE(book.entries(), ReplyBook::factoryEntries());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("absent.json"))));
}

void TestReplyBook::corruptFileBackedUp_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("bad json") << QByteArray("{\"version\":1, \"entries\": [");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("wrong shape") << QByteArray("{\"version\":1,\"entries\":{\"a\":1}}");
    QTest::newRow("number") << QByteArray("42");
    QTest::newRow("bad entry") << QByteArray("[{\"enabled\":true}]");
    QTest::newRow("binary") << QByteArray("\x00\x01\xff\xfe", 4);
}

void TestReplyBook::corruptFileBackedUp()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("replies.json"));
    QVERIFY(writeFile(path, content));

    ReplyBook book;
    book.setEntries(plain({"x"}));
    QString warning;
    QVERIFY(!book.load(path, &warning));
    QCOMPARE(book.entries(), ReplyBook::factoryEntries());
    QVERIFY(!QFile::exists(path));
    const QStringList backups =
        QDir(dir.path()).entryList({QStringLiteral("replies.json.corrupt-*")}, QDir::Files);
    QCOMPARE(backups.size(), 1);
    QVERIFY(QRegularExpression(QStringLiteral("^replies\\.json\\.corrupt-\\d{8}-\\d{6}$"))
                .match(backups.first())
                .hasMatch());
    QCOMPARE(readFile(dir.filePath(backups.first())), content); // nothing lost
    QVERIFY(warning.contains(QDir::toNativeSeparators(path)));
    QVERIFY(warning.contains(backups.first()));

    // A second corrupt file the same second does not overwrite the first backup.
    QVERIFY(writeFile(path, "garbage"));
    QVERIFY(!book.load(path, &warning));
    QCOMPARE(
        QDir(dir.path()).entryList({QStringLiteral("replies.json.corrupt-*")}, QDir::Files).size(),
        2);
}

void TestReplyBook::parsePlainText()
{
    const QByteArray data = "\xEF\xBB\xBF"
                            "first\r\n"
                            "\r\n"
                            "   \n"
                            "  indented stays  \n"
                            "안녕하세요!\n"
                            "last without newline";
    QString error;
    const auto entries = ReplyBook::parse(data, ReplyFileFormat::PlainText, &error);
    QVERIFY2(entries, qPrintable(error));
    QCOMPARE(*entries,
             plain({"first", "  indented stays  ", "안녕하세요!", "last without newline"}));
    const auto empty = ReplyBook::parse(QByteArray("\n\n"), ReplyFileFormat::PlainText);
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());
}

void TestReplyBook::parseJsonShapes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QList<ReplyEntry>>("expected");
    QTest::newRow("document") << QByteArray(
                                     R"({"version":1,"pickMode":"sequential","entries":[)"
                                     R"({"text":"a","enabled":false,"weight":3},{"text":"b"}]})")
                              << QList<ReplyEntry>{{"a", false, 3.0}, {"b", true, 1.0}};
    QTest::newRow("array of strings")
        << QByteArray(R"(["x","요"])") << QList<ReplyEntry>{{"x", true, 1.0}, {"요", true, 1.0}};
    QTest::newRow("array of objects") << QByteArray(R"([{"text":"x","weight":0}, "y"])")
                                      << QList<ReplyEntry>{{"x", true, 0.0}, {"y", true, 1.0}};
    QTest::newRow("empty") << QByteArray(R"({"version":1,"entries":[]})") << QList<ReplyEntry>{};
    QTest::newRow("unknown mode tolerated")
        << QByteArray(R"({"version":1,"pickMode":"later","entries":["a"]})")
        << QList<ReplyEntry>{{"a", true, 1.0}};
}

void TestReplyBook::parseJsonShapes()
{
    QFETCH(QByteArray, json);
    QFETCH(QList<ReplyEntry>, expected);
    QString error;
    const auto entries = ReplyBook::parse(json, ReplyFileFormat::Json, &error);
    QVERIFY2(entries, qPrintable(error));
    QCOMPARE(*entries, expected);
}

void TestReplyBook::parseRejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<ReplyFileFormat>("format");
    QTest::newRow("truncated json") << QByteArray("[\"a\"") << ReplyFileFormat::Json;
    QTest::newRow("json scalar") << QByteArray("\"a\"") << ReplyFileFormat::Json;
    QTest::newRow("entries not array") << QByteArray(R"({"entries":"a"})") << ReplyFileFormat::Json;
    QTest::newRow("number entry") << QByteArray("[1]") << ReplyFileFormat::Json;
    QTest::newRow("no text") << QByteArray(R"([{"weight":1}])") << ReplyFileFormat::Json;
    QTest::newRow("negative weight")
        << QByteArray(R"([{"text":"a","weight":-1}])") << ReplyFileFormat::Json;
    QTest::newRow("string weight")
        << QByteArray(R"([{"text":"a","weight":"9"}])") << ReplyFileFormat::Json;
    QTest::newRow("enabled not bool")
        << QByteArray(R"([{"text":"a","enabled":"yes"}])") << ReplyFileFormat::Json;
    QTest::newRow("invalid utf8 text")
        << QByteArray("ok\n\xff\xfe\n") << ReplyFileFormat::PlainText;
    QTest::newRow("binary text") << QByteArray("a\0b", 3) << ReplyFileFormat::PlainText;
}

void TestReplyBook::parseRejectsBadInput()
{
    QFETCH(QByteArray, data);
    QFETCH(ReplyFileFormat, format);
    QString error;
    QVERIFY(!ReplyBook::parse(data, format, &error));
    QVERIFY(!error.isEmpty());
}

void TestReplyBook::importExportText()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("replies.txt"));
    QCOMPARE(ReplyBook::formatForPath(path), ReplyFileFormat::PlainText);

    ReplyBook book;
    QString error;
    QVERIFY2(book.exportFile(path, &error), qPrintable(error));
    QCOMPARE(readFile(path).count('\n'), 7);

    ReplyBook other;
    other.setEntries(plain({"x"}));
    QSignalSpy changed(&other, &ReplyBook::changed);
    QVERIFY2(other.importFile(path, &error), qPrintable(error));
    QCOMPARE(other.entries(), ReplyBook::factoryEntries());
    QCOMPARE(changed.count(), 1);

    // An empty file imports as an empty book.
    QVERIFY(writeFile(path, QByteArray()));
    QVERIFY2(other.importFile(path, &error), qPrintable(error));
    QCOMPARE(other.count(), 0);
}

void TestReplyBook::importExportJson()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Replies.JSON"));
    QCOMPARE(ReplyBook::formatForPath(path), ReplyFileFormat::Json);

    QList<ReplyEntry> entries = plain({"a", "b\nc"});
    entries[0].enabled = false;
    entries[1].weight = 4.0;
    ReplyBook book;
    book.setEntries(entries);
    book.setPickMode(PickMode::Sequential);
    QString error;
    QVERIFY2(book.exportFile(path, &error), qPrintable(error));

    ReplyBook other;
    QVERIFY2(other.importFile(path, &error), qPrintable(error));
    QCOMPARE(other.entries(), entries);
    QCOMPARE(other.pickMode(), PickMode::Sequential);

    // serialize/parse agree without files too.
    const auto parsed =
        ReplyBook::parse(ReplyBook::serialize(entries, ReplyFileFormat::Json, PickMode::Random),
                         ReplyFileFormat::Json);
    QVERIFY(parsed);
    QCOMPARE(*parsed, entries);
}

void TestReplyBook::importErrors()
{
    QTemporaryDir dir;
    ReplyBook book;
    book.setEntries(plain({"keep"}));
    QSignalSpy changed(&book, &ReplyBook::changed);
    QString error;
    QVERIFY(!book.importFile(dir.filePath(QStringLiteral("absent.txt")), &error));
    QVERIFY(error.contains(QStringLiteral("absent.txt")));

    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QVERIFY(writeFile(bad, "{not json"));
    error.clear();
    QVERIFY(!book.importFile(bad, &error));
    QVERIFY(error.contains(QStringLiteral("bad.json")));
    QVERIFY(QFile::exists(bad)); // import never renames the user's file

    QVERIFY(!book.importFile(dir.path(), &error)); // a folder
    QCOMPARE(book.entries(), plain({"keep"}));
    QCOMPARE(changed.count(), 0);
}

void TestReplyBook::exportRefusesMultiLineAsText()
{
    QTemporaryDir dir;
    ReplyBook book;
    book.setEntries(plain({"one", "two\nlines"}));
    QString error;
    QVERIFY(!book.exportFile(dir.filePath(QStringLiteral("out.txt")), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out.txt"))));
    QVERIFY(book.exportFile(dir.filePath(QStringLiteral("out.json")), &error));
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

    book.addEntry(ReplyEntry{QStringLiteral("새 응답"), true, 1.0});
    QVERIFY(QFile::exists(path));
    ReplyBook reader;
    QVERIFY(reader.load(path));
    QCOMPARE(reader.entries(), book.entries());

    book.setPickMode(PickMode::Sequential);
    QVERIFY(reader.load(path));
    QCOMPARE(reader.pickMode(), PickMode::Sequential);

    book.removeEntry(0);
    QVERIFY(reader.load(path));
    QCOMPARE(reader.count(), 7);
    QCOMPARE(failed.count(), 0);
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
    QVERIFY(!failed.first().first().toString().isEmpty());
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
                if (reply && !allowed.contains(*reply))
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
