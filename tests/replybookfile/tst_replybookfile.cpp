// Reply book files: parsing both formats with an enum for every refusal,
// loading and importing that never move, change or block on the file (a
// folder, a FIFO, a file over the limit are refused as such, never as
// corruption), the window's set-aside of a corrupt autosave book, export,
// and a 53 MB book.

#include "answer/ReplyBook.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace chorus;

namespace {

QList<ReplyEntry> plain(std::initializer_list<const char*> texts)
{
    QList<ReplyEntry> out;
    for (const char* text : texts)
        out.append(ReplyEntry{QString::fromUtf8(text), true, 1.0});
    return out;
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

// The bytes an entry sends (placeholders expanded for connection 7).
QByteArray bytesOf(const ReplyEntry& entry)
{
    ReplyContext context;
    context.connectionId = 7;
    const std::optional<ReplyTemplate> compiled = ReplyTemplate::compile(entry);
    return compiled ? compiled->expand(context) : QByteArrayLiteral("<invalid>");
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestReplyBookFile : public QObject
{
    Q_OBJECT
private slots:
    void saveLoadRoundTrip();
    void loadMissingFileChangesNothing();
    void corruptIsReportedNeverMoved_data();
    void corruptIsReportedNeverMoved();
    void setAsideCorruptBook();
    void refusedFilesAreNotCorrupt_data();
    void refusedFilesAreNotCorrupt();
    void parsePlainText();
    void parseJsonShapes_data();
    void parseJsonShapes();
    void parseRejectsBadInput_data();
    void parseRejectsBadInput();
    void importExportText();
    void importExportJson();
    void importErrorsKeepTheBook();
    void exportRefusesMultiLineAsText();
    void versionOneTextKeepsItsBytes_data();
    void versionOneTextKeepsItsBytes();
    void versionTwoTextAndHex();
    void hexEntriesRoundTripInBothFormats();
    void plainTextLinesAreEscapedText();
    void exportRefusesInvalidEntryAsText();
    void bookOf53MegabytesLoads();
};

void TestReplyBookFile::saveLoadRoundTrip()
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
    const FileResult saved = book.save(path);
    QVERIFY2(saved.ok(), qPrintable(saved.describe()));

    ReplyBook restored;
    QSignalSpy changed(&restored, &ReplyBook::changed);
    QSignalSpy wrote(&restored, &ReplyBook::saved);
    restored.setAutoSavePath(dir.filePath(QStringLiteral("other.json")));
    const BookFileResult loaded = restored.load(path);
    QVERIFY(loaded.ok());
    QCOMPARE(restored.entries(), entries);
    QCOMPARE(restored.pickMode(), PickMode::Shuffle);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(wrote.count(), 0); // loading is not an edit: nothing autosaved
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("other.json"))));

    const QJsonObject root = QJsonDocument::fromJson(readFile(path)).object();
    QCOMPARE(root.value(QLatin1String("version")).toInt(), 2);
    QCOMPARE(root.value(QLatin1String("pickMode")).toString(), QStringLiteral("shuffle"));
}

void TestReplyBookFile::loadMissingFileChangesNothing()
{
    QTemporaryDir dir;
    ReplyBook book;
    book.setEntries(plain({"x"}));
    QSignalSpy changed(&book, &ReplyBook::changed);
    const BookFileResult result = book.load(dir.filePath(QStringLiteral("absent.json")));
    QCOMPARE(result.file.error, FileError::NotFound);
    QVERIFY(!result.isCorrupt());
    QCOMPARE(book.entries(), plain({"x"}));
    QCOMPARE(changed.count(), 0);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("absent.json"))));
}

void TestReplyBookFile::corruptIsReportedNeverMoved_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<BookFormatError>("expected");
    QTest::newRow("bad json") << "replies.json" << QByteArray("{\"version\":1, \"entries\": [")
                              << BookFormatError::InvalidJson;
    QTest::newRow("empty json") << "replies.json" << QByteArray() << BookFormatError::InvalidJson;
    QTest::newRow("wrong shape") << "replies.json"
                                 << QByteArray("{\"version\":1,\"entries\":{\"a\":1}}")
                                 << BookFormatError::NotABook;
    QTest::newRow("number") << "replies.json" << QByteArray("42") << BookFormatError::InvalidJson;
    QTest::newRow("bad entry") << "replies.json" << QByteArray("[{\"enabled\":true}]")
                               << BookFormatError::BadEntry;
    QTest::newRow("binary json") << "replies.json" << QByteArray("\x00\x01\xff\xfe", 4)
                                 << BookFormatError::InvalidJson;
    QTest::newRow("binary text") << "replies.txt" << QByteArray("a\0b", 3)
                                 << BookFormatError::BinaryText;
    QTest::newRow("latin-1 text") << "replies.txt" << QByteArray("caf\xe9\n")
                                  << BookFormatError::InvalidUtf8;
}

void TestReplyBookFile::corruptIsReportedNeverMoved()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(BookFormatError, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QVERIFY(writeFile(path, content));

    ReplyBook book;
    book.setEntries(plain({"x"}));
    QSignalSpy changed(&book, &ReplyBook::changed);
    for (const BookFileResult& result : {book.load(path), book.importFile(path)}) {
        QCOMPARE(result.format, expected);
        QVERIFY(result.isCorrupt());
        QCOMPARE(result.file.path, path);
        QVERIFY(!result.formatReason.isEmpty());
    }
    QCOMPARE(book.entries(), plain({"x"})); // the previous book stays
    QCOMPARE(changed.count(), 0);
    QCOMPARE(readFile(path), content); // the file is where it was, unchanged
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{name});
}

void TestReplyBookFile::setAsideCorruptBook()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("replies.json"));
    QVERIFY(writeFile(path, "garbage"));
    QString movedTo;
    QVERIFY(chorus::setAsideCorruptBook(path, &movedTo).ok());
    QVERIFY(!QFile::exists(path));
    QVERIFY(QRegularExpression(QStringLiteral("/replies\\.json\\.corrupt-\\d{8}-\\d{6}$"))
                .match(movedTo)
                .hasMatch());
    QCOMPARE(readFile(movedTo), QByteArray("garbage")); // nothing lost

    // A second one within the same second does not overwrite the first.
    QVERIFY(writeFile(path, "more garbage"));
    QString second;
    QVERIFY(chorus::setAsideCorruptBook(path, &second).ok());
    QVERIFY(second != movedTo);
    QCOMPARE(readFile(movedTo), QByteArray("garbage"));
    QCOMPARE(readFile(second), QByteArray("more garbage"));

    QCOMPARE(chorus::setAsideCorruptBook(path, &second).error, FileError::ReplaceFailed);
}

void TestReplyBookFile::refusedFilesAreNotCorrupt_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<FileError>("expected");
    QTest::newRow("folder") << "folder" << FileError::NotRegularFile;
    QTest::newRow("fifo") << "fifo" << FileError::NotRegularFile;
    QTest::newRow("over the limit") << "large" << FileError::TooLarge;
}

void TestReplyBookFile::refusedFilesAreNotCorrupt()
{
    QFETCH(QString, kind);
    QFETCH(FileError, expected);
    QTemporaryDir dir;
    for (const QString& name : {QStringLiteral("book.json"), QStringLiteral("book.txt")}) {
        const QString path = dir.filePath(name);
        if (kind == QLatin1String("folder")) {
            QVERIFY(QDir().mkpath(path));
        } else if (kind == QLatin1String("fifo")) {
            // Nobody writes to it: opening it for reading the usual way would block forever.
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        } else {
            QFile file(path); // sparse: the size is over the limit, the disk holds nothing
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(kMaxReplyBookBytes + 1));
        }
        ReplyBook book;
        book.setEntries(plain({"keep"}));
        for (const BookFileResult& result : {book.load(path), book.importFile(path)}) {
            QCOMPARE(result.file.error, expected);
            QVERIFY(!result.isCorrupt());
            QCOMPARE(result.format, BookFormatError::None);
        }
        QCOMPARE(book.entries(), plain({"keep"}));
        QVERIFY(QFileInfo::exists(path)); // never moved
    }
    QCOMPARE(
        QDir(dir.path()).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot).size(),
        2);
}

void TestReplyBookFile::parsePlainText()
{
    const QByteArray data = "\xEF\xBB\xBF"
                            "first\r\n"
                            "\r\n"
                            "   \n"
                            "  indented stays  \n"
                            "안녕하세요!\n"
                            "last without newline";
    BookFileResult result;
    const auto book = parseBook(data, ReplyFileFormat::PlainText, &result);
    QVERIFY2(book, qPrintable(result.formatReason));
    QCOMPARE(book->entries,
             plain({"first", "  indented stays  ", "안녕하세요!", "last without newline"}));
    QVERIFY(!book->mode);
    const auto empty = parseBook(QByteArray("\n\n"), ReplyFileFormat::PlainText, &result);
    QVERIFY(empty);
    QVERIFY(empty->entries.isEmpty());
}

void TestReplyBookFile::parseJsonShapes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QList<ReplyEntry>>("expected");
    QTest::addColumn<int>("mode"); // -1: none
    QTest::newRow("document") << QByteArray(
                                     R"({"version":1,"pickMode":"sequential","entries":[)"
                                     R"({"text":"a","enabled":false,"weight":3},{"text":"b"}]})")
                              << QList<ReplyEntry>{{"a", false, 3.0}, {"b", true, 1.0}}
                              << int(PickMode::Sequential);
    QTest::newRow("array of strings")
        << QByteArray(R"(["x","요"])") << QList<ReplyEntry>{{"x", true, 1.0}, {"요", true, 1.0}}
        << -1;
    QTest::newRow("array of objects")
        << QByteArray(R"([{"text":"x","weight":0}, "y"])")
        << QList<ReplyEntry>{{"x", true, 0.0}, {"y", true, 1.0}} << -1;
    QTest::newRow("empty") << QByteArray(R"({"version":1,"entries":[]})") << QList<ReplyEntry>{}
                           << -1;
    QTest::newRow("unknown mode tolerated")
        << QByteArray(R"({"version":1,"pickMode":"later","entries":["a"]})")
        << QList<ReplyEntry>{{"a", true, 1.0}} << -1;
}

void TestReplyBookFile::parseJsonShapes()
{
    QFETCH(QByteArray, json);
    QFETCH(QList<ReplyEntry>, expected);
    QFETCH(int, mode);
    BookFileResult result;
    const auto book = parseBook(json, ReplyFileFormat::Json, &result);
    QVERIFY2(book, qPrintable(result.formatReason));
    QCOMPARE(book->entries, expected);
    QCOMPARE(book->mode ? int(*book->mode) : -1, mode);
}

void TestReplyBookFile::parseRejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<ReplyFileFormat>("format");
    QTest::addColumn<BookFormatError>("expected");
    QTest::newRow("truncated json")
        << QByteArray("[\"a\"") << ReplyFileFormat::Json << BookFormatError::InvalidJson;
    QTest::newRow("json scalar") << QByteArray("\"a\"") << ReplyFileFormat::Json
                                 << BookFormatError::InvalidJson;
    QTest::newRow("entries not array")
        << QByteArray(R"({"entries":"a"})") << ReplyFileFormat::Json << BookFormatError::NotABook;
    QTest::newRow("number entry") << QByteArray("[1]") << ReplyFileFormat::Json
                                  << BookFormatError::BadEntry;
    QTest::newRow("no text") << QByteArray(R"([{"weight":1}])") << ReplyFileFormat::Json
                             << BookFormatError::BadEntry;
    QTest::newRow("negative weight") << QByteArray(R"([{"text":"a","weight":-1}])")
                                     << ReplyFileFormat::Json << BookFormatError::BadEntry;
    QTest::newRow("string weight") << QByteArray(R"([{"text":"a","weight":"9"}])")
                                   << ReplyFileFormat::Json << BookFormatError::BadEntry;
    QTest::newRow("enabled not bool") << QByteArray(R"([{"text":"a","enabled":"yes"}])")
                                      << ReplyFileFormat::Json << BookFormatError::BadEntry;
    QTest::newRow("invalid utf8 text") << QByteArray("ok\n\xff\xfe\n") << ReplyFileFormat::PlainText
                                       << BookFormatError::InvalidUtf8;
    QTest::newRow("binary text") << QByteArray("a\0b", 3) << ReplyFileFormat::PlainText
                                 << BookFormatError::BinaryText;
}

void TestReplyBookFile::parseRejectsBadInput()
{
    QFETCH(QByteArray, data);
    QFETCH(ReplyFileFormat, format);
    QFETCH(BookFormatError, expected);
    BookFileResult result;
    QVERIFY(!parseBook(data, format, &result));
    QCOMPARE(result.format, expected);
    QVERIFY(!result.formatReason.isEmpty());
}

void TestReplyBookFile::importExportText()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("replies.txt"));
    QCOMPARE(formatForPath(path), ReplyFileFormat::PlainText);

    ReplyBook book;
    QVERIFY(book.exportFile(path).ok());
    QCOMPARE(readFile(path).count('\n'), 7);

    ReplyBook other;
    other.setEntries(plain({"x"}));
    const QString autosave = dir.filePath(QStringLiteral("auto.json"));
    other.setAutoSavePath(autosave);
    QSignalSpy changed(&other, &ReplyBook::changed);
    QVERIFY(other.importFile(path).ok());
    QCOMPARE(other.entries(), ReplyBook::factoryEntries());
    QCOMPARE(changed.count(), 1);
    QVERIFY(QFile::exists(autosave)); // an import is an edit: autosaved

    // An empty file imports as an empty book.
    QVERIFY(writeFile(path, QByteArray()));
    QVERIFY(other.importFile(path).ok());
    QCOMPARE(other.count(), 0);
}

void TestReplyBookFile::importExportJson()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Replies.JSON"));
    QCOMPARE(formatForPath(path), ReplyFileFormat::Json);

    QList<ReplyEntry> entries = plain({"a", "b\nc"});
    entries[0].enabled = false;
    entries[1].weight = 4.0;
    ReplyBook book;
    book.setEntries(entries);
    book.setPickMode(PickMode::Sequential);
    QVERIFY(book.exportFile(path).ok());

    ReplyBook other;
    QVERIFY(other.importFile(path).ok());
    QCOMPARE(other.entries(), entries);
    QCOMPARE(other.pickMode(), PickMode::Sequential);

    // serializeBook/parseBook agree without files too.
    BookFileResult result;
    const auto parsed = parseBook(serializeBook(entries, ReplyFileFormat::Json, PickMode::Random),
                                  ReplyFileFormat::Json, &result);
    QVERIFY(parsed);
    QCOMPARE(parsed->entries, entries);
    QCOMPARE(parsed->mode, std::optional<PickMode>(PickMode::Random));
}

void TestReplyBookFile::importErrorsKeepTheBook()
{
    QTemporaryDir dir;
    ReplyBook book;
    book.setEntries(plain({"keep"}));
    QSignalSpy changed(&book, &ReplyBook::changed);
    const BookFileResult absent = book.importFile(dir.filePath(QStringLiteral("absent.txt")));
    QCOMPARE(absent.file.error, FileError::NotFound);
    QCOMPARE(absent.file.path, dir.filePath(QStringLiteral("absent.txt")));

    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QVERIFY(writeFile(bad, "{not json"));
    QCOMPARE(book.importFile(bad).format, BookFormatError::InvalidJson);
    QVERIFY(QFile::exists(bad)); // import never renames the user's file

    QCOMPARE(book.importFile(dir.path()).file.error, FileError::NotRegularFile);
    QCOMPARE(book.entries(), plain({"keep"}));
    QCOMPARE(changed.count(), 0);
}

void TestReplyBookFile::exportRefusesMultiLineAsText()
{
    QTemporaryDir dir;
    ReplyBook book;
    book.setEntries(plain({"one", "two\nlines"}));
    const BookFileResult text = book.exportFile(dir.filePath(QStringLiteral("out.txt")));
    QCOMPARE(text.format, BookFormatError::MultiLineAsText);
    QVERIFY(!text.isCorrupt());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out.txt"))));
    QVERIFY(book.exportFile(dir.filePath(QStringLiteral("out.json"))).ok());
}

void TestReplyBookFile::versionOneTextKeepsItsBytes_data()
{
    // Version-1 text was literal: a backslash was a backslash. Read as escaped
    // text it must send the same bytes (the window's own book is such a file).
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("text");    // as the editor shows it now
    QTest::addColumn<QByteArray>("sent"); // what is sent, unchanged
    QTest::newRow("version 1") << QByteArray(
                                      R"({"version":1,"entries":[{"text":"C:\\x41\\n {id}"}]})")
                               << QStringLiteral("C:\\\\x41\\\\n {id}")
                               << QByteArray("C:\\x41\\n 7");
    QTest::newRow("no version") << QByteArray(R"({"entries":["a\\b"]})") << QStringLiteral("a\\\\b")
                                << QByteArray("a\\b");
    QTest::newRow("bare array") << QByteArray(R"(["tab\there"])") << QStringLiteral("tab\\there")
                                << QByteArray("tab\there");
}

void TestReplyBookFile::versionOneTextKeepsItsBytes()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, text);
    QFETCH(QByteArray, sent);
    BookFileResult result;
    const auto book = parseBook(json, ReplyFileFormat::Json, &result);
    QVERIFY2(book, qPrintable(result.formatReason));
    QCOMPARE(book->entries.size(), 1);
    const ReplyEntry& entry = book->entries.first();
    QCOMPARE(entry.format, ReplyFormat::Text);
    QCOMPARE(entry.text, text);
    QCOMPARE(bytesOf(entry), sent);
    // Saved again (version 2) and read back: the same entry, the same bytes.
    const auto again = parseBook(serializeBook(book->entries, ReplyFileFormat::Json),
                                 ReplyFileFormat::Json, &result);
    QVERIFY(again);
    QCOMPARE(again->entries, book->entries);
}

void TestReplyBookFile::versionTwoTextAndHex()
{
    BookFileResult result;
    const auto book = parseBook(
        QByteArray(R"({"version":2,"entries":[{"hex":"06"},{"text":"ACK\\r","enabled":false},)"
                   R"({"hex":"0G"},"x\\x00y"]})"),
        ReplyFileFormat::Json, &result);
    QVERIFY2(book, qPrintable(result.formatReason));
    QCOMPARE(book->entries.size(), 4);
    QCOMPARE(book->entries[0], (ReplyEntry{QStringLiteral("06"), true, 1.0, ReplyFormat::Hex}));
    QCOMPARE(bytesOf(book->entries[0]), QByteArray("\x06", 1));
    QCOMPARE(book->entries[1].format, ReplyFormat::Text);
    QCOMPARE(bytesOf(book->entries[1]), QByteArray("ACK\r"));
    // Loaded as written, shown red in the editor, never picked.
    QCOMPARE(book->entries[2], (ReplyEntry{QStringLiteral("0G"), true, 1.0, ReplyFormat::Hex}));
    QCOMPARE(bytesOf(book->entries[2]), QByteArrayLiteral("<invalid>"));
    QCOMPARE(bytesOf(book->entries[3]), QByteArray("x\0y", 3));

    for (const char* bad : {R"({"version":2,"entries":[{"hex":"06","text":"a"}]})",
                            R"({"version":2,"entries":[{"hex":6}]})"}) {
        BookFileResult refused;
        QVERIFY(!parseBook(QByteArray(bad), ReplyFileFormat::Json, &refused));
        QCOMPARE(refused.format, BookFormatError::BadEntry);
    }
}

void TestReplyBookFile::hexEntriesRoundTripInBothFormats()
{
    QTemporaryDir dir;
    ReplyBook book;
    const QList<ReplyEntry> entries = {
        ReplyEntry{QStringLiteral("01 03 00 0A"), true, 1.0, ReplyFormat::Hex},
        ReplyEntry{QStringLiteral("7B 69 64 7D FF"), true, 1.0, ReplyFormat::Hex}, // "{id}" + FF
        ReplyEntry{QStringLiteral("OK\\r {count}"), true, 1.0, ReplyFormat::Text}};
    book.setEntries(entries);

    const QString json = dir.filePath(QStringLiteral("book.json"));
    QVERIFY(book.exportFile(json).ok());
    const QJsonObject root = QJsonDocument::fromJson(readFile(json)).object();
    QCOMPARE(root.value(QLatin1String("entries")).toArray().at(0).toObject().value("hex"),
             QJsonValue(QStringLiteral("01 03 00 0A")));
    ReplyBook fromJson;
    QVERIFY(fromJson.load(json).ok());
    QCOMPARE(fromJson.entries(), entries);

    // Plain text has no hex mode: the same bytes as escaped text, braces kept as bytes.
    const QString text = dir.filePath(QStringLiteral("book.txt"));
    QVERIFY(book.exportFile(text).ok());
    QCOMPARE(readFile(text), QByteArray("\\x01\\x03\\0\\n\n{{id}}\\xFF\nOK\\r {count}\n"));
    ReplyBook fromText;
    QVERIFY(fromText.load(text).ok());
    QCOMPARE(fromText.count(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(bytesOf(fromText.entry(i)), bytesOf(entries.at(i)));
}

void TestReplyBookFile::plainTextLinesAreEscapedText()
{
    BookFileResult result;
    const auto book =
        parseBook(QByteArray("ACK\\r\n\\x06\nC:\\q{id}\n"), ReplyFileFormat::PlainText, &result);
    QVERIFY2(book, qPrintable(result.formatReason));
    QCOMPARE(book->entries.size(), 3);
    QCOMPARE(bytesOf(book->entries[0]), QByteArray("ACK\r"));
    QCOMPARE(bytesOf(book->entries[1]), QByteArray("\x06", 1));
    // Not escaped text (\q): taken literally, so an older file still loads as it meant.
    QCOMPARE(book->entries[2].text, QStringLiteral("C:\\\\q{id}"));
    QCOMPARE(bytesOf(book->entries[2]), QByteArray("C:\\q7"));
}

void TestReplyBookFile::exportRefusesInvalidEntryAsText()
{
    QTemporaryDir dir;
    ReplyBook book;
    book.setEntries({ReplyEntry{QStringLiteral("ok"), true, 1.0},
                     ReplyEntry{QStringLiteral("0G"), true, 1.0, ReplyFormat::Hex}});
    const BookFileResult text = book.exportFile(dir.filePath(QStringLiteral("out.txt")));
    QCOMPARE(text.format, BookFormatError::InvalidEntryAsText);
    QVERIFY(!text.isCorrupt());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out.txt"))));
    QVERIFY(book.exportFile(dir.filePath(QStringLiteral("out.json"))).ok());
}

void TestReplyBookFile::bookOf53MegabytesLoads()
{
    // Once moved aside as "corrupt" for passing a 16 MiB cap.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.json"));
    QList<ReplyEntry> entries;
    const QString filler(40, QChar(0xc751)); // 40 Korean syllables: 120 UTF-8 bytes
    for (int i = 0; i < 240000; ++i)
        entries.append(ReplyEntry{QStringLiteral("%1 %2").arg(i).arg(filler), i % 3 != 0, 1.0});
    QVERIFY(writeFile(path, serializeBook(entries, ReplyFileFormat::Json)));
    const qint64 size = QFileInfo(path).size();
    QVERIFY2(size > 53'000'000 && size < kMaxReplyBookBytes, qPrintable(QString::number(size)));

    ReplyBook book;
    QElapsedTimer timer;
    timer.start();
    const BookFileResult result = book.load(path);
    const qint64 elapsedMs = timer.elapsed();
    QVERIFY(result.ok());
    QCOMPARE(book.count(), int(entries.size()));
    QCOMPARE(book.entry(239999), entries.last());
    qInfo("a %lld-byte book of %d replies loaded in %lld ms", size, book.count(), elapsedMs);
}

QTEST_GUILESS_MAIN(TestReplyBookFile)
#include "tst_replybookfile.moc"
