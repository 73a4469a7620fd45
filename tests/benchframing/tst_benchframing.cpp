// chorus-bench's request bytes and reply cutting for every framing but chorus
// (BenchFraming): a frame cut in the wrong place would count replies that
// never came, or miss ones that did, and the figures would still look fine.

#include "BenchFraming.h"

#include <QtTest>

using namespace chorus::bench;

namespace {

QByteArray bytesOf(const std::string& s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

} // namespace

class TestBenchFraming : public QObject
{
    Q_OBJECT
private slots:
    void requestBytesFrameThePayload_data();
    void requestBytesFrameThePayload();
    void completeReplyBytesFindsTheEnd_data();
    void completeReplyBytesFindsTheEnd();
};

void TestBenchFraming::requestBytesFrameThePayload_data()
{
    QTest::addColumn<int>("framing");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("head"); // the first bytes of the request
    QTest::addColumn<QByteArray>("tail"); // its last bytes
    QTest::addColumn<int>("size");
    const QByteArray k1(1024, 'k');
    const QByteArray big(61440, 'b');
    QTest::newRow("lf") << int(WireFraming::Lf) << QByteArray("ab") << QByteArray("ab")
                        << QByteArray::fromHex("0a") << 3;
    QTest::newRow("none") << int(WireFraming::None) << QByteArray("ab") << QByteArray("ab")
                          << QByteArray("ab") << 2;
    QTest::newRow("u16be short") << int(WireFraming::U16Be) << QByteArray("ab")
                                 << QByteArray::fromHex("00026162") << QByteArray("ab") << 4;
    QTest::newRow("u16be 1 KiB") << int(WireFraming::U16Be) << k1 << QByteArray::fromHex("04006b")
                                 << QByteArray("kk") << 1026;
    QTest::newRow("u16be 60 KiB") << int(WireFraming::U16Be) << big << QByteArray::fromHex("f00062")
                                  << QByteArray("bb") << 61442;
    QTest::newRow("u16be binary") << int(WireFraming::U16Be) << QByteArray::fromHex("0003ff00")
                                  << QByteArray::fromHex("00040003ff00")
                                  << QByteArray::fromHex("ff00") << 6;
    QTest::newRow("delim03") << int(WireFraming::Delim03) << QByteArray::fromHex("0a0d00ff")
                             << QByteArray::fromHex("0a0d00ff03") << QByteArray::fromHex("ff03")
                             << 5;
}

void TestBenchFraming::requestBytesFrameThePayload()
{
    QFETCH(int, framing);
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, tail);
    QFETCH(int, size);
    const QByteArray request = bytesOf(requestBytes(
        WireFraming(framing), std::string_view(payload.constData(), std::size_t(payload.size()))));
    QCOMPARE(request.size(), size);
    QCOMPARE(request.left(head.size()), head);
    QCOMPARE(request.right(tail.size()), tail);
}

void TestBenchFraming::completeReplyBytesFindsTheEnd_data()
{
    QTest::addColumn<int>("framing");
    QTest::addColumn<QByteArray>("received");
    QTest::addColumn<int>("length"); // 0: not complete yet
    const int u16be = int(WireFraming::U16Be);
    const int delim03 = int(WireFraming::Delim03);
    QTest::newRow("u16be nothing") << u16be << QByteArray() << 0;
    QTest::newRow("u16be half a header") << u16be << QByteArray::fromHex("00") << 0;
    QTest::newRow("u16be header only") << u16be << QByteArray::fromHex("0003") << 0;
    QTest::newRow("u16be one byte short") << u16be << QByteArray::fromHex("00036162") << 0;
    QTest::newRow("u16be complete") << u16be << QByteArray::fromHex("0003616263") << 5;
    QTest::newRow("u16be two, first counts") << u16be << QByteArray::fromHex("00016100026263") << 3;
    QTest::newRow("u16be empty reply") << u16be << QByteArray::fromHex("0000ff") << 2;
    QTest::newRow("u16be 03 inside") << u16be << QByteArray::fromHex("0002030303") << 4;
    // The high byte counts 256s: a reader that took one byte would say 3 + 2.
    QTest::newRow("u16be length 0x0100")
        << u16be << QByteArray::fromHex("0100") + QByteArray(255, 'x') << 0;
    QTest::newRow("u16be length 0x0100, complete")
        << u16be << QByteArray::fromHex("0100") + QByteArray(256, 'x') << 258;
    QTest::newRow("u16be largest")
        << u16be << QByteArray::fromHex("ffff") + QByteArray(65535, 'x') << 65537;
    QTest::newRow("delim03 nothing") << delim03 << QByteArray() << 0;
    QTest::newRow("delim03 no delimiter") << delim03 << QByteArray("abc\n") << 0;
    QTest::newRow("delim03 complete") << delim03 << QByteArray("abc\x03") << 4;
    QTest::newRow("delim03 empty reply") << delim03 << QByteArray("\x03") << 1;
    QTest::newRow("delim03 two, first counts") << delim03
                                               << QByteArray("a\x03"
                                                             "bc\x03")
                                               << 2;
    QTest::newRow("delim03 binary") << delim03 << QByteArray::fromHex("000aff0d03ff") << 5;
    QTest::newRow("lf is not cut here") << int(WireFraming::Lf) << QByteArray("abc\n") << 0;
}

void TestBenchFraming::completeReplyBytesFindsTheEnd()
{
    QFETCH(int, framing);
    QFETCH(QByteArray, received);
    QFETCH(int, length);
    QCOMPARE(
        completeReplyBytes(WireFraming(framing),
                           std::string_view(received.constData(), std::size_t(received.size()))),
        std::size_t(length));
}

QTEST_GUILESS_MAIN(TestBenchFraming)
#include "tst_benchframing.moc"
