// The quick-send list and its file: every byte round trips exactly (kept as
// hex), each kind of bad file is refused with its enum and the list is not
// half-read, a missing file is an empty list, and a save on a full disk leaves
// the previous file whole.

#include "QuickMessages.h"

#include "FullFileSystem.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

class TestQuickMessages : public QObject
{
    Q_OBJECT
private slots:
    void everyByteRoundTrips();
    void badFilesAreRefused_data();
    void badFilesAreRefused();
    void missingFileIsEmpty();
    void saveOnAFullDiskKeepsTheOldFile();
};

void TestQuickMessages::everyByteRoundTrips()
{
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(char(i));
    const QList<QuickMessage> messages = {
        {QStringLiteral("모두"), all, ByteInput::Hex, QStringLiteral("Ctrl+1")},
        {QStringLiteral("ARM"), QByteArray("ARM\r\n"), ByteInput::Text, QString()},
        {QStringLiteral("bad utf-8"), QByteArray("\xC3\x28\xFF", 3), ByteInput::Text,
         QStringLiteral("Ctrl+Shift+F2")},
    };
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/quick.json"));
    QVERIFY(QuickMessagesFile::save(path, messages).ok());
    QuickMessagesResult result;
    const std::optional<QList<QuickMessage>> loaded = QuickMessagesFile::load(path, &result);
    QCOMPARE(result.problem, QuickMessagesProblem::None);
    QVERIFY(loaded);
    QCOMPARE(*loaded, messages);
}

void TestQuickMessages::badFilesAreRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QuickMessagesProblem>("problem");
    QTest::newRow("not json") << QByteArray("{\"format\":") << QuickMessagesProblem::NotJson;
    QTest::newRow("other format") << QByteArray(R"({"format":"x","version":1,"messages":[]})")
                                  << QuickMessagesProblem::WrongFormat;
    QTest::newRow("newer version")
        << QByteArray(R"({"format":"chorus-quick-messages","version":2,"messages":[]})")
        << QuickMessagesProblem::WrongFormat;
    QTest::newRow("odd hex") << QByteArray(
                                    R"({"format":"chorus-quick-messages","version":1,"messages":[
            {"name":"a","hex":"41","input":"text"},{"name":"b","hex":"4","input":"text"}]})")
                             << QuickMessagesProblem::BadEntry;
    QTest::newRow("no name") << QByteArray(
                                    R"({"format":"chorus-quick-messages","version":1,"messages":[
            {"name":" ","hex":"41","input":"text"}]})")
                             << QuickMessagesProblem::BadEntry;
    QTest::newRow("unknown input")
        << QByteArray(
               R"({"format":"chorus-quick-messages","version":1,"messages":[
            {"name":"a","hex":"41","input":"mixed"}]})")
        << QuickMessagesProblem::BadEntry;
    QByteArray many = R"({"format":"chorus-quick-messages","version":1,"messages":[)";
    for (qsizetype i = 0; i <= QuickMessagesFile::kMaxQuickMessages; ++i)
        many += QByteArray(i ? "," : "") + R"({"name":"a","hex":"41","input":"text"})";
    many += "]}";
    QTest::newRow("too many") << many << QuickMessagesProblem::TooMany;
}

void TestQuickMessages::badFilesAreRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QuickMessagesProblem, problem);
    QuickMessagesResult result;
    QVERIFY(!QuickMessagesFile::fromJson(json, &result));
    QCOMPARE(result.problem, problem);
}

void TestQuickMessages::missingFileIsEmpty()
{
    QTemporaryDir dir;
    QuickMessagesResult result;
    const auto loaded = QuickMessagesFile::load(dir.filePath(QStringLiteral("none.json")), &result);
    QVERIFY(loaded);
    QVERIFY(loaded->isEmpty());
    QVERIFY(result.ok());
    // A folder where the file should be: refused by readRegularFile, not read.
    QVERIFY(!QuickMessagesFile::load(dir.path(), &result));
    QCOMPARE(result.problem, QuickMessagesProblem::File);
    QCOMPARE(result.file.error, FileError::NotRegularFile);
}

void TestQuickMessages::saveOnAFullDiskKeepsTheOldFile()
{
    chorus::testing::FullFileSystem disk;
    if (!disk.isReady())
        QSKIP(qPrintable(disk.skipReason()));
    const QString path = disk.filePath(QStringLiteral("quick.json"));
    const QList<QuickMessage> first = {{QStringLiteral("one"), "1", ByteInput::Text, {}}};
    QVERIFY(QuickMessagesFile::save(path, first).ok());
    QVERIFY(disk.fill());
    QList<QuickMessage> bigger;
    for (int i = 0; i < 50; ++i)
        bigger.append(
            {QStringLiteral("message %1").arg(i), QByteArray(1000, 'x'), ByteInput::Hex, {}});
    const QuickMessagesResult failed = QuickMessagesFile::save(path, bigger);
    QCOMPARE(failed.problem, QuickMessagesProblem::File);
    QCOMPARE(failed.file.error, FileError::WriteFailed);
    QCOMPARE(QuickMessagesFile::load(path).value_or(QList<QuickMessage>{}), first);
}

QTEST_GUILESS_MAIN(TestQuickMessages)
#include "tst_quickmessages.moc"
