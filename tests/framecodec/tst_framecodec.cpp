#include "wire/FrameCodec.h"

#include <QTest>

using namespace chorus;

namespace {

QList<QByteArray> payloads(const QList<FramedMessage>& messages)
{
    QList<QByteArray> out;
    for (const FramedMessage& message : messages)
        out.append(message.payload);
    return out;
}

const QByteArray kKorean = QStringLiteral("안녕하세요! 드론 통신 테스트").toUtf8();

} // namespace

class TestFrameCodec : public QObject
{
    Q_OBJECT
private slots:
    void severalMessagesInOneChunk_data();
    void severalMessagesInOneChunk();
    void splitAtEveryPosition();
    void crlfAndMixedTerminators();
    void crSplitFromLf();
    void loneCrIsPayload();
    void koreanSplitInsideCharacter();
    void idleFlush();
    void idleFlushHoldsBackPartialUtf8();
    void lineFramingIgnoresIdleUnlessForced();
    void flushAfterGapWaitsOneGapForUtf8Tail();
    void overLongMessage();
    void overLongInsideOneChunk();
    void overLongEndedByIdle();
    void overLongCrlfKeepsStyle();
    void memoryBoundedWithoutTerminator();
    void exactlyAtLimitIsAccepted();
    void limitThenLoneCr_data();
    void limitThenLoneCr();
    void invalidUtf8BecomesReplacement();
    void emptyLines();
    void lastTerminatorMirrorsPeer();
    void rawFraming();
    void rawFramingSplitsLargeChunks();
    void encodeMessage_data();
    void encodeMessage();
    void nameRoundTrips();
    void unknownNames();
    void resetClearsState();
    void manyMessagesInLargeChunks();
};

void TestFrameCodec::severalMessagesInOneChunk_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QByteArray>>("expected");
    QTest::addColumn<QByteArray>("leftover");

    QTest::newRow("three LF") << QByteArray("a\nbb\nccc\n") << QList<QByteArray>{"a", "bb", "ccc"}
                              << QByteArray();
    QTest::newRow("tail pending") << QByteArray("one\ntwo\nthr") << QList<QByteArray>{"one", "two"}
                                  << QByteArray("thr");
    QTest::newRow("crlf") << QByteArray("x\r\ny\r\n") << QList<QByteArray>{"x", "y"}
                          << QByteArray();
    QTest::newRow("no terminator")
        << QByteArray("hello") << QList<QByteArray>{} << QByteArray("hello");
}

void TestFrameCodec::severalMessagesInOneChunk()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<QByteArray>, expected);
    QFETCH(QByteArray, leftover);

    FrameDecoder decoder(Framing::Line);
    const QList<FramedMessage> messages = decoder.feed(input);
    QCOMPARE(payloads(messages), expected);
    QCOMPARE(decoder.pendingBytes(), leftover.size());
    QCOMPARE(decoder.hasPending(), !leftover.isEmpty());
    for (const FramedMessage& message : messages)
        QVERIFY(!message.overLong());
    if (!leftover.isEmpty()) {
        const auto flushed = decoder.flushIdle(true);
        QVERIFY(flushed);
        QCOMPARE(flushed->payload, leftover);
    }
}

void TestFrameCodec::splitAtEveryPosition()
{
    const QByteArray stream = "first message\r\nsecond\n" + kKorean + "\r\n\nlast\n";
    const QList<QByteArray> expected{"first message", "second", kKorean, "", "last"};
    const QList<Terminator> expectedTerminators{Terminator::CrLf, Terminator::Lf, Terminator::CrLf,
                                                Terminator::Lf, Terminator::Lf};
    for (qsizetype split = 0; split <= stream.size(); ++split) {
        FrameDecoder decoder(Framing::Auto);
        QList<FramedMessage> messages = decoder.feed(QByteArrayView(stream).first(split));
        messages += decoder.feed(QByteArrayView(stream).sliced(split));
        QCOMPARE(payloads(messages), expected);
        QList<Terminator> terminators;
        for (const FramedMessage& message : messages)
            terminators.append(message.terminator);
        QCOMPARE(terminators, expectedTerminators);
        QVERIFY(!decoder.hasPending());
    }

    // And byte by byte.
    FrameDecoder decoder(Framing::Line);
    QList<FramedMessage> messages;
    for (char byte : stream)
        messages += decoder.feed(QByteArrayView(&byte, 1));
    QCOMPARE(payloads(messages), expected);
}

void TestFrameCodec::crlfAndMixedTerminators()
{
    FrameDecoder decoder(Framing::Line);
    const auto messages = decoder.feed("a\r\nb\nc\r\n");
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages[0].terminator, Terminator::CrLf);
    QCOMPARE(messages[1].terminator, Terminator::Lf);
    QCOMPARE(messages[2].terminator, Terminator::CrLf);
    QCOMPARE(payloads(messages), (QList<QByteArray>{"a", "b", "c"}));
    QCOMPARE(decoder.lastTerminator(), Terminator::CrLf);
    QCOMPARE(decoder.detectedLabel(), QStringLiteral("CRLF"));
}

void TestFrameCodec::crSplitFromLf()
{
    FrameDecoder decoder(Framing::Line);
    QVERIFY(decoder.feed("abc\r").isEmpty());
    const auto messages = decoder.feed("\n");
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0].payload, QByteArray("abc"));
    QCOMPARE(messages[0].terminator, Terminator::CrLf);
}

void TestFrameCodec::loneCrIsPayload()
{
    FrameDecoder decoder(Framing::Line);
    const auto messages = decoder.feed("a\rb\n");
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0].payload, QByteArray("a\rb"));
    QCOMPARE(messages[0].terminator, Terminator::Lf);

    QVERIFY(decoder.feed("x\r").isEmpty());
    const auto next = decoder.feed("y\n");
    QCOMPARE(next.size(), 1);
    QCOMPARE(next[0].payload, QByteArray("x\ry"));
}

void TestFrameCodec::koreanSplitInsideCharacter()
{
    const QString text = QStringLiteral("요청을 잘 받았습니다.");
    const QByteArray stream = text.toUtf8() + '\n';
    for (qsizetype split = 1; split < stream.size(); ++split) {
        FrameDecoder decoder(Framing::Auto);
        QList<FramedMessage> messages = decoder.feed(QByteArrayView(stream).first(split));
        QVERIFY(messages.isEmpty());
        messages += decoder.feed(QByteArrayView(stream).sliced(split));
        QCOMPARE(messages.size(), 1);
        QCOMPARE(decodeUtf8(messages[0].payload), text);
    }
}

void TestFrameCodec::idleFlush()
{
    FrameDecoder decoder(Framing::Auto);
    QVERIFY(!decoder.flushIdle()); // nothing pending
    QCOMPARE(decoder.detectedLabel(), QStringLiteral("-"));
    QVERIFY(decoder.feed("hello").isEmpty());
    QVERIFY(decoder.hasPending());
    const auto flushed = decoder.flushIdle();
    QVERIFY(flushed);
    QCOMPARE(flushed->payload, QByteArray("hello"));
    QCOMPARE(flushed->terminator, Terminator::None);
    QVERIFY(!flushed->overLong());
    QVERIFY(!decoder.hasPending());
    QCOMPARE(decoder.lastTerminator(), Terminator::None);
    QCOMPARE(decoder.detectedLabel(), QStringLiteral("idle gap"));
    QVERIFY(!decoder.flushIdle());

    // The seed client sends Korean without any newline: idle gap frames it.
    QVERIFY(decoder.feed(kKorean).isEmpty());
    const auto korean = decoder.flushIdle();
    QVERIFY(korean);
    QCOMPARE(korean->payload, kKorean);
}

void TestFrameCodec::idleFlushHoldsBackPartialUtf8()
{
    const QByteArray han = QStringLiteral("한").toUtf8(); // 3 bytes
    QCOMPARE(han.size(), 3);

    FrameDecoder decoder(Framing::Auto);
    decoder.feed("ab" + han.first(2));
    auto flushed = decoder.flushIdle();
    QVERIFY(flushed);
    QCOMPARE(flushed->payload, QByteArray("ab"));
    QCOMPARE(decoder.pendingBytes(), 2);

    // Only the incomplete tail pending: nothing to flush without force.
    QVERIFY(!decoder.flushIdle());
    QCOMPARE(decoder.pendingBytes(), 2);

    // The rest arrives: the character decodes whole.
    decoder.feed(han.sliced(2));
    flushed = decoder.flushIdle();
    QVERIFY(flushed);
    QCOMPARE(decodeUtf8(flushed->payload), QStringLiteral("한"));

    // 4-byte sequence missing its last byte, then forced out.
    const QByteArray emoji = QStringLiteral("😀").toUtf8();
    QCOMPARE(emoji.size(), 4);
    decoder.feed(emoji.first(3));
    QVERIFY(!decoder.flushIdle());
    flushed = decoder.flushIdle(true);
    QVERIFY(flushed);
    QCOMPARE(flushed->payload, emoji.first(3));
    QVERIFY(decodeUtf8(flushed->payload).contains(QChar(0xFFFD)));
    QVERIFY(!decoder.hasPending());

    // A complete multibyte tail is not held back.
    decoder.feed(han);
    flushed = decoder.flushIdle();
    QVERIFY(flushed);
    QCOMPARE(flushed->payload, han);
}

void TestFrameCodec::flushAfterGapWaitsOneGapForUtf8Tail()
{
    const QByteArray han = QStringLiteral("한").toUtf8(); // 3 bytes
    FrameDecoder decoder(Framing::Auto);

    // Only a partial character: the first gap waits, the second flushes it as it is.
    decoder.feed(han.left(2));
    QVERIFY(!decoder.flushAfterGap());
    QVERIFY(decoder.hasPending());
    auto flushed = decoder.flushAfterGap();
    QVERIFY(flushed);
    QCOMPARE(flushed->payload, han.left(2));
    QVERIFY(!decoder.hasPending());

    // The rest arriving in between starts over, and the character is whole.
    decoder.feed(han.left(1));
    QVERIFY(!decoder.flushAfterGap());
    decoder.feed(han.mid(1));
    flushed = decoder.flushAfterGap();
    QVERIFY(flushed);
    QCOMPARE(flushed->payload, han);

    // Text before a partial tail goes at once; the tail waits for its rest.
    decoder.feed(QByteArray("ok") + han.left(1));
    flushed = decoder.flushAfterGap();
    QVERIFY(flushed);
    QCOMPARE(flushed->payload, QByteArray("ok"));
    QCOMPARE(decoder.pendingBytes(), 1);
}

void TestFrameCodec::lineFramingIgnoresIdleUnlessForced()
{
    FrameDecoder decoder(Framing::Line);
    decoder.feed("partial");
    QVERIFY(!decoder.flushIdle());
    QCOMPARE(decoder.pendingBytes(), 7);
    const auto forced = decoder.flushIdle(true);
    QVERIFY(forced);
    QCOMPARE(forced->payload, QByteArray("partial"));
}

void TestFrameCodec::overLongMessage()
{
    FrameDecoder decoder(Framing::Line, 16);
    QVERIFY(decoder.feed("0123456789").isEmpty());
    auto messages = decoder.feed("0123456789");
    QCOMPARE(messages.size(), 1); // reported as soon as the limit is passed
    QVERIFY(messages[0].overLong());
    QVERIFY(messages[0].payload.isEmpty());
    QCOMPARE(messages[0].discardedBytes, 20);
    QCOMPARE(decoder.pendingBytes(), 0);
    QVERIFY(decoder.hasPending()); // still discarding

    // More of the same message: dropped silently, no second event.
    QVERIFY(decoder.feed(QByteArray(100, 'x')).isEmpty());
    QCOMPARE(decoder.pendingBytes(), 0);

    // The terminator ends the discard; the next message is fine.
    messages = decoder.feed("yyy\nnext\n");
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0].payload, QByteArray("next"));
    QVERIFY(!messages[0].overLong());
    QVERIFY(!decoder.hasPending());
}

void TestFrameCodec::overLongInsideOneChunk()
{
    FrameDecoder decoder(Framing::Line, 4);
    const auto messages = decoder.feed("ok\ntoolong\nok2\n");
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages[0].payload, QByteArray("ok"));
    QVERIFY(messages[1].overLong());
    QVERIFY(messages[1].payload.isEmpty());
    QCOMPARE(messages[1].discardedBytes, 7);
    QCOMPARE(messages[2].payload, QByteArray("ok2"));
    QVERIFY(!messages[2].overLong());
}

void TestFrameCodec::overLongEndedByIdle()
{
    FrameDecoder decoder(Framing::Auto, 8);
    const auto messages = decoder.feed(QByteArray(20, 'z'));
    QCOMPARE(messages.size(), 1);
    QVERIFY(messages[0].overLong());
    QVERIFY(decoder.hasPending());
    QVERIFY(!decoder.flushIdle()); // ends the discard, nothing to deliver
    QVERIFY(!decoder.hasPending());
    decoder.feed("short");
    const auto flushed = decoder.flushIdle();
    QVERIFY(flushed);
    QCOMPARE(flushed->payload, QByteArray("short"));
}

void TestFrameCodec::overLongCrlfKeepsStyle()
{
    FrameDecoder decoder(Framing::Line, 4);
    decoder.feed("abcdefgh\r");
    QVERIFY(decoder.feed("\n").isEmpty());
    QCOMPARE(decoder.lastTerminator(), Terminator::CrLf);
    QVERIFY(!decoder.hasPending());
}

void TestFrameCodec::memoryBoundedWithoutTerminator()
{
    FrameDecoder decoder(Framing::Line); // default 64 KiB limit
    const QByteArray block(64 * 1024, 'm');
    int overLongEvents = 0;
    for (int i = 0; i < 160; ++i) { // 10 MiB
        for (const FramedMessage& message : decoder.feed(block)) {
            QVERIFY(message.overLong());
            ++overLongEvents;
        }
        QVERIFY(decoder.pendingBytes() <= kDefaultMaxMessageBytes + 1);
    }
    QCOMPARE(overLongEvents, 1);
    const auto messages = decoder.feed("\nafter\n");
    QCOMPARE(payloads(messages), QList<QByteArray>{"after"});
}

void TestFrameCodec::exactlyAtLimitIsAccepted()
{
    FrameDecoder decoder(Framing::Line, 5);
    QVERIFY(decoder.feed("12345").isEmpty());
    QVERIFY(decoder.feed("\r").isEmpty()); // a CR that may start CRLF is not payload yet
    const auto messages = decoder.feed("\n123456\n");
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages[0].payload, QByteArray("12345"));
    QCOMPARE(messages[0].terminator, Terminator::CrLf);
    QVERIFY(!messages[0].overLong());
    QVERIFY(messages[1].overLong());
}

void TestFrameCodec::limitThenLoneCr_data()
{
    // A message of exactly the limit, then a CR, then whatever ends it: the
    // CR is a terminator (Auto, Cr) or a 17th payload byte (Line), never a
    // 17-byte message at a limit of 16.
    QTest::addColumn<int>("framingValue");
    QTest::addColumn<QByteArray>("after"); // fed after the CR; "gap": an idle gap; "end": EOF
    QTest::addColumn<QByteArray>("first"); // the first message; empty: TooLong
    const QByteArray sixteen("0123456789abcdef");
    for (const QByteArray& after : {QByteArray("gap"), QByteArray("end"), QByteArray("x\n"),
                                    QByteArray("\n"), QByteArray("\r")}) {
        const QByteArray shown = QByteArray(after).replace("\n", "LF").replace("\r", "CR");
        QTest::newRow(("auto, " + shown).constData()) << int(Framing::Auto) << after << sixteen;
        QTest::newRow(("cr, " + shown).constData()) << int(Framing::Cr) << after << sixteen;
        QTest::newRow(("line, " + shown).constData())
            << int(Framing::Line) << after << (after == "\n" ? sixteen : QByteArray());
    }
}

void TestFrameCodec::limitThenLoneCr()
{
    QFETCH(int, framingValue);
    QFETCH(QByteArray, after);
    QFETCH(QByteArray, first);
    const auto framing = Framing(framingValue);
    FrameDecoder decoder(framing, 16);
    QList<FramedMessage> out;
    // The CR alone at the end of a read, as a peer's Enter often arrives.
    decoder.feed("0123456789abcdef", out);
    decoder.feed("\r", out);
    if (after == "gap") {
        if (std::optional<FramedMessage> flushed = decoder.flushAfterGap())
            out << *flushed;
    } else if (after != "end") {
        decoder.feed(after, out);
    }
    if (std::optional<FramedMessage> last = decoder.flushIdle(true))
        out << *last;
    QVERIFY(!out.isEmpty());
    for (const FramedMessage& message : out)
        QVERIFY2(message.payload.size() <= 16, message.payload.constData());
    if (first.isEmpty()) {
        QVERIFY(out.first().overLong());
    } else {
        QVERIFY(out.first().isMessage());
        QCOMPARE(out.first().payload, first);
    }
}

void TestFrameCodec::invalidUtf8BecomesReplacement()
{
    FrameDecoder decoder(Framing::Line);
    const auto messages = decoder.feed(QByteArray("ok\xff\xfe!\n", 6));
    QCOMPARE(messages.size(), 1);
    const QString text = decodeUtf8(messages[0].payload);
    QVERIFY(text.startsWith(QStringLiteral("ok")));
    QVERIFY(text.endsWith(QLatin1Char('!')));
    QVERIFY(text.contains(QChar(0xFFFD)));
    // Truncated sequence and lone continuation bytes.
    QVERIFY(decodeUtf8(QByteArray("\xe4\xb8", 2)).contains(QChar(0xFFFD)));
    QVERIFY(decodeUtf8(QByteArray("\x80", 1)).contains(QChar(0xFFFD)));
    QCOMPARE(decodeUtf8(QByteArray()), QString());
}

void TestFrameCodec::emptyLines()
{
    FrameDecoder decoder(Framing::Auto);
    const auto messages = decoder.feed("\n\r\n\nx\n");
    QCOMPARE(messages.size(), 4);
    QVERIFY(messages[0].payload.isEmpty());
    QCOMPARE(messages[0].terminator, Terminator::Lf);
    QVERIFY(messages[1].payload.isEmpty());
    QCOMPARE(messages[1].terminator, Terminator::CrLf);
    QVERIFY(messages[2].payload.isEmpty());
    QCOMPARE(messages[3].payload, QByteArray("x"));
    for (const FramedMessage& message : messages)
        QVERIFY(!message.overLong());
}

void TestFrameCodec::lastTerminatorMirrorsPeer()
{
    FrameDecoder decoder(Framing::Auto);
    QCOMPARE(decoder.detectedLabel(), QStringLiteral("-"));
    decoder.feed("a\n");
    QCOMPARE(decoder.lastTerminator(), Terminator::Lf);
    QCOMPARE(decoder.detectedLabel(), QStringLiteral("LF"));
    decoder.feed("b\r\n");
    QCOMPARE(decoder.lastTerminator(), Terminator::CrLf);
    QCOMPARE(decoder.detectedLabel(), QStringLiteral("CRLF"));
    decoder.feed("c");
    QCOMPARE(decoder.lastTerminator(), Terminator::CrLf); // not complete yet
    QVERIFY(decoder.flushIdle());
    QCOMPARE(decoder.lastTerminator(), Terminator::None);
    QCOMPARE(decoder.detectedLabel(), QStringLiteral("idle gap"));
    decoder.feed("d\n");
    QCOMPARE(decoder.lastTerminator(), Terminator::Lf);
    QCOMPARE(decoder.detectedLabel(), QStringLiteral("LF"));

    // The answer encoded in the detected style.
    QCOMPARE(chorus::encodeMessage(QStringLiteral("ok"), decoder.lastTerminator()),
             QByteArray("ok\n"));
}

void TestFrameCodec::rawFraming()
{
    FrameDecoder decoder(Framing::Raw);
    auto messages = decoder.feed("one\ntwo\n");
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0].payload, QByteArray("one\ntwo\n"));
    QCOMPARE(messages[0].terminator, Terminator::None);
    messages = decoder.feed(kKorean);
    QCOMPARE(payloads(messages), QList<QByteArray>{kKorean});
    QVERIFY(decoder.feed(QByteArray()).isEmpty());
    QVERIFY(!decoder.hasPending());
    QCOMPARE(decoder.lastTerminator(), Terminator::None);
    QCOMPARE(decoder.detectedLabel(), QStringLiteral("raw"));
    QVERIFY(!decoder.flushIdle(true));
}

void TestFrameCodec::rawFramingSplitsLargeChunks()
{
    FrameDecoder decoder(Framing::Raw, 10);
    const QByteArray chunk(25, 'r');
    const auto messages = decoder.feed(chunk);
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages[0].payload.size(), 10);
    QCOMPARE(messages[1].payload.size(), 10);
    QCOMPARE(messages[2].payload.size(), 5);
    for (const FramedMessage& message : messages)
        QVERIFY(!message.overLong());
}

void TestFrameCodec::encodeMessage_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Terminator>("terminator");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("none") << QStringLiteral("hi") << Terminator::None << QByteArray("hi");
    QTest::newRow("lf") << QStringLiteral("hi") << Terminator::Lf << QByteArray("hi\n");
    QTest::newRow("crlf") << QStringLiteral("hi") << Terminator::CrLf << QByteArray("hi\r\n");
    QTest::newRow("korean") << QStringLiteral("안녕") << Terminator::Lf
                            << QByteArray("\xec\x95\x88\xeb\x85\x95\n");
    QTest::newRow("empty") << QString() << Terminator::CrLf << QByteArray("\r\n");
}

void TestFrameCodec::encodeMessage()
{
    QFETCH(QString, text);
    QFETCH(Terminator, terminator);
    QFETCH(QByteArray, expected);
    const QByteArray wire = chorus::encodeMessage(text, terminator);
    QCOMPARE(wire, expected);
    QCOMPARE(terminatorBytes(terminator), expected.sliced(text.toUtf8().size()));

    // Round trip through the decoder.
    if (terminator != Terminator::None) {
        FrameDecoder decoder(Framing::Line);
        const auto messages = decoder.feed(wire);
        QCOMPARE(messages.size(), 1);
        QCOMPARE(decodeUtf8(messages[0].payload), text);
        QCOMPARE(messages[0].terminator, terminator);
    }
}

void TestFrameCodec::nameRoundTrips()
{
    for (Framing framing : {Framing::Auto, Framing::Line, Framing::Raw}) {
        QCOMPARE(framingFromName(framingName(framing)), framing);
        QCOMPARE(framingFromName(framingName(framing).toUpper()), framing);
    }
    for (Terminator terminator : {Terminator::None, Terminator::Lf, Terminator::CrLf}) {
        QCOMPARE(terminatorFromName(terminatorName(terminator)), terminator);
        QCOMPARE(terminatorFromName(terminatorName(terminator).toLower()), terminator);
    }
    QCOMPARE(framingName(Framing::Auto), QStringLiteral("auto"));
    QCOMPARE(framingName(Framing::Line), QStringLiteral("line"));
    QCOMPARE(framingName(Framing::Raw), QStringLiteral("raw"));
    QCOMPARE(terminatorName(Terminator::Lf), QStringLiteral("LF"));
    QCOMPARE(terminatorName(Terminator::CrLf), QStringLiteral("CRLF"));
    QCOMPARE(terminatorName(Terminator::None), QStringLiteral("none"));
}

void TestFrameCodec::unknownNames()
{
    QVERIFY(!framingFromName(u"lines"));
    QVERIFY(!framingFromName(u""));
    QVERIFY(!terminatorFromName(u"CRNL"));
    QVERIFY(!terminatorFromName(u""));
}

void TestFrameCodec::resetClearsState()
{
    FrameDecoder decoder(Framing::Line, 4);
    decoder.feed("a\r\n");
    decoder.feed("toolongtoolong");
    QVERIFY(decoder.hasPending());
    decoder.reset();
    QVERIFY(!decoder.hasPending());
    QCOMPARE(decoder.detectedLabel(), QStringLiteral("-"));
    QCOMPARE(payloads(decoder.feed("ok\n")), QList<QByteArray>{"ok"});
}

void TestFrameCodec::manyMessagesInLargeChunks()
{
    // Speed is measured by chorus-framebench (./dev.sh bench), not here; this
    // checks that 64 KiB chunks of CRLF lines come out whole and in order.
    QByteArray chunk;
    const QByteArray line = "message number 12345 with some text\r\n";
    while (chunk.size() + line.size() <= 64 * 1024)
        chunk += line;
    const qsizetype perChunk = chunk.size() / line.size();
    constexpr int kChunks = 20;
    FrameDecoder decoder(Framing::Auto);
    QList<FramedMessage> messages;
    for (int i = 0; i < kChunks; ++i)
        decoder.feed(chunk, messages);
    QCOMPARE(messages.size(), perChunk * kChunks);
    QCOMPARE(messages.constFirst().payload, line.chopped(2));
    QCOMPARE(messages.constLast().terminator, Terminator::CrLf);
    QVERIFY(!decoder.hasPending());
}

QTEST_GUILESS_MAIN(TestFrameCodec)
#include "tst_framecodec.moc"
