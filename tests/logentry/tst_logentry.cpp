// LogEntry: prose apart from a message's bytes, the bytes kept (shared, or
// the first kLogPayloadBytes with the whole size), rendered in each view with
// the escape positions of the Text view, one line for files, JSON with hex.

#include "server/LogEntry.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace chorus;

Q_DECLARE_METATYPE(chorus::ByteView)

namespace {
LogEntry received(const QByteArray& bytes)
{
    LogEntry entry = LogEntry::withPayload(LogLevel::Info, LogKind::Received, 7,
                                           QStringLiteral("received"), bytes);
    entry.time = QDateTime(QDate(2026, 11, 25), QTime(6, 4, 1, 123));
    return entry;
}
} // namespace

class tst_LogEntry : public QObject
{
    Q_OBJECT
private slots:
    void views_data();
    void views();
    void payloadSharedOrCut();
    void escapeSpansPointIntoTheLine();
    void linesWithoutPayload();
    void json();
    void lineCountWithoutFormatting();
};

void tst_LogEntry::views_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<ByteView>("view");
    QTest::addColumn<QString>("expected");
    const QString head = QStringLiteral("2026-11-25 06:04:01.123 [#7] received");
    const QByteArray binary("\x01\x02\x03\xFF\xFE\x00", 6);
    QTest::newRow("text") << binary << ByteView::Text
                          << head + QStringLiteral(": \\x01\\x02\\x03\\xFF\\xFE\\0");
    QTest::newRow("hex") << binary << ByteView::Hex
                         << head + QStringLiteral(" (6 bytes): 01 02 03 FF FE 00");
    QTest::newRow("mixed") << binary << ByteView::Mixed
                           << head + QStringLiteral(" (6 bytes):\n00000000  01 02 03 ff fe 00  ") +
                                  QString(31, QLatin1Char(' ')) + QStringLiteral("|......|");
    QTest::newRow("korean text") << QStringLiteral("안녕\r\n").toUtf8() << ByteView::Text
                                 << head + QStringLiteral(": 안녕\\r\\n");
    QTest::newRow("empty") << QByteArray() << ByteView::Hex << head + QStringLiteral(" (0 bytes)");
}

void tst_LogEntry::views()
{
    QFETCH(QByteArray, bytes);
    QFETCH(ByteView, view);
    QFETCH(QString, expected);
    QCOMPARE(received(bytes).format(view), expected);
}

void tst_LogEntry::payloadSharedOrCut()
{
    const QByteArray small(100, 'a');
    const LogEntry kept = received(small);
    QVERIFY(kept.payload.isSharedWith(small)); // no copy per logged message
    QCOMPARE(kept.payloadSize, qsizetype(100));

    QByteArray big(70000, 'b');
    big[0] = '\x01';
    const LogEntry cut = received(big);
    QCOMPARE(cut.payload.size(), kLogPayloadBytes);
    QCOMPARE(cut.payloadSize, qsizetype(70000));
    QVERIFY(cut.format(ByteView::Text).size() < 400); // one readable line
    QVERIFY(cut.format(ByteView::Hex).contains(QStringLiteral("(70000 bytes)")));
    QVERIFY(cut.formatForFile().endsWith(QStringLiteral("(70000 bytes in all)")));
    QVERIFY(
        cut.formatForFile().contains(QStringLiteral("\\x01") + QString(1023, QLatin1Char('b'))));
}

void tst_LogEntry::escapeSpansPointIntoTheLine()
{
    QList<EscapeSpan> spans;
    const QString line = received(QByteArray("a\x01")).format(ByteView::Text, &spans);
    QCOMPARE(spans.size(), 1);
    QCOMPARE(line.mid(spans.first().start, spans.first().length), QStringLiteral("\\x01"));
    received(QByteArray("a\x01")).format(ByteView::Hex, &spans);
    QVERIFY(spans.isEmpty());
}

void tst_LogEntry::linesWithoutPayload()
{
    LogEntry entry = LogEntry::now(LogLevel::Warning, LogKind::Error, 0, QStringLiteral("plain"),
                                   ConnectionError::BadLength);
    QVERIFY(!entry.hasPayload());
    entry.time = QDateTime(QDate(2026, 11, 25), QTime(6, 4, 1, 123));
    for (ByteView view : {ByteView::Text, ByteView::Hex, ByteView::Mixed})
        QCOMPARE(entry.format(view), QStringLiteral("2026-11-25 06:04:01.123 plain"));
    QCOMPARE(entry.formatForFile(), QStringLiteral("2026-11-25 06:04:01.123 plain"));
    QCOMPARE(entry.errorAs<ConnectionError>(), ConnectionError::BadLength);
}

void tst_LogEntry::json()
{
    const QJsonObject object =
        QJsonDocument::fromJson(received(QByteArray("\xFF\n", 2)).toJson()).object();
    QCOMPARE(object.value(QLatin1String("hex")).toString(), QStringLiteral("ff0a"));
    QCOMPARE(object.value(QLatin1String("text")).toString(), QStringLiteral("\\xFF\\n"));
    QCOMPARE(object.value(QLatin1String("kind")).toString(), QStringLiteral("received"));
    QCOMPARE(object.value(QLatin1String("level")).toString(), QStringLiteral("info"));
    QVERIFY(!object.contains(QLatin1String("size"))); // whole: no size needed
    QVERIFY(QDateTime::fromString(object.value(QLatin1String("time")).toString(), Qt::ISODateWithMs)
                .isValid());
    const QJsonObject cut =
        QJsonDocument::fromJson(received(QByteArray(2000, 'x')).toJson()).object();
    QCOMPARE(cut.value(QLatin1String("size")).toInt(), 2000);
    QCOMPARE(cut.value(QLatin1String("hex")).toString().size(), 2 * kLogPayloadBytes);
}

void tst_LogEntry::lineCountWithoutFormatting()
{
    // What a list view sizes a row by must match what it then draws.
    for (int size : {0, 1, 15, 16, 17, 256, 257, 5000}) {
        const LogEntry entry = received(QByteArray(size, 'z'));
        for (ByteView view : {ByteView::Text, ByteView::Hex, ByteView::Mixed}) {
            const QString shown = entry.format(view);
            QCOMPARE(entry.lineCount(view), int(shown.count(QLatin1Char('\n'))) + 1);
        }
    }
    QCOMPARE(LogEntry().lineCount(ByteView::Mixed), 1);
}

QTEST_GUILESS_MAIN(tst_LogEntry)
#include "tst_logentry.moc"
