// The parts of chorus-bench whose mistakes would silently publish wrong
// figures: percentiles, option limits (loopback only) and the result line.

#include "BenchOptions.h"
#include "BenchStats.h"

#include <QtTest>

using namespace chorus::bench;

namespace {

ParsedOptions parse(std::initializer_list<const char*> args)
{
    std::vector<std::string> list;
    for (const char* arg : args)
        list.emplace_back(arg);
    return parseBenchOptions(list);
}

ParsedOptions parseList(const QStringList& args)
{
    std::vector<std::string> list;
    for (const QString& arg : args)
        list.push_back(arg.toStdString());
    return parseBenchOptions(list);
}

QByteArray bytesOf(const std::string& s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

} // namespace

class TestBenchStats : public QObject
{
    Q_OBJECT
private slots:
    void percentileNearestRankOnKnownData();
    void percentileEdgeCases();
    void recorderSummarizesInMilliseconds();
    void recorderStaysBoundedAndExactOnMax();
    void recorderMergeAddsCounts();
    void jsonTypeOfFindsTheType_data();
    void jsonTypeOfFindsTheType();
    void jsonEscapeKeepsUtf8();
    void reportJsonIsOneParsableLine();
    void defaultsAreSane();
    void parsesEveryOption();
    void acceptsLoopbackHosts_data();
    void acceptsLoopbackHosts();
    void refusesOtherHosts_data();
    void refusesOtherHosts();
    void refusesBadValues_data();
    void refusesBadValues();
    void parsesBinaryFramings_data();
    void parsesBinaryFramings();
    void payloadSizeMakesItsBytes_data();
    void payloadSizeMakesItsBytes();
    void helpIsNotAnError();
};

void TestBenchStats::percentileNearestRankOnKnownData()
{
    // 1..100: the p-th percentile by nearest rank is p itself.
    std::vector<std::uint32_t> hundred(100);
    for (int i = 0; i < 100; ++i)
        hundred[i] = static_cast<std::uint32_t>(i + 1);
    QCOMPARE(percentileNearestRank(hundred, 50), 50u);
    QCOMPARE(percentileNearestRank(hundred, 90), 90u);
    QCOMPARE(percentileNearestRank(hundred, 99), 99u);
    QCOMPARE(percentileNearestRank(hundred, 100), 100u);
    QCOMPARE(percentileNearestRank(hundred, 29), 29u); // 0.29*100 must not round up to 30

    // The textbook example: {15, 20, 35, 40, 50}.
    const std::vector<std::uint32_t> five{15, 20, 35, 40, 50};
    QCOMPARE(percentileNearestRank(five, 5), 15u);
    QCOMPARE(percentileNearestRank(five, 30), 20u);
    QCOMPARE(percentileNearestRank(five, 40), 20u);
    QCOMPARE(percentileNearestRank(five, 50), 35u);
    QCOMPARE(percentileNearestRank(five, 100), 50u);
}

void TestBenchStats::percentileEdgeCases()
{
    QCOMPARE(percentileNearestRank({}, 50), 0u);
    QCOMPARE(percentileNearestRank({7}, 0), 7u);
    QCOMPARE(percentileNearestRank({7}, 99), 7u);
    QCOMPARE(percentileNearestRank({3, 9}, 50), 3u);
    QCOMPARE(percentileNearestRank({3, 9}, 51), 9u);
}

void TestBenchStats::recorderSummarizesInMilliseconds()
{
    LatencyRecorder recorder;
    // Added out of order: the summary must sort.
    for (int i = 1000; i >= 1; --i)
        recorder.add(static_cast<std::uint32_t>(i * 1000)); // 1..1000 ms
    const LatencySummary s = recorder.summarize();
    QCOMPARE(s.count, 1000u);
    QCOMPARE(s.p50Ms, 500.0);
    QCOMPARE(s.p90Ms, 900.0);
    QCOMPARE(s.p99Ms, 990.0);
    QCOMPARE(s.maxMs, 1000.0);
    QCOMPARE(s.meanMs, 500.5);

    const LatencySummary empty = LatencyRecorder().summarize();
    QCOMPARE(empty.count, 0u);
    QCOMPARE(empty.p99Ms, 0.0);
}

void TestBenchStats::recorderStaysBoundedAndExactOnMax()
{
    LatencyRecorder recorder(1000, 42);
    for (std::uint32_t i = 0; i < 100000; ++i)
        recorder.add(i % 1000 == 999 ? 5000 : 100);
    recorder.add(777777);
    QCOMPARE(recorder.kept().size(), std::size_t(1000));
    QCOMPARE(recorder.count(), std::uint64_t(100001));
    const LatencySummary s = recorder.summarize();
    QCOMPARE(s.maxMs, 777.777);
    QCOMPARE(s.p50Ms, 0.1); // the reservoir keeps the shape of the distribution
}

void TestBenchStats::recorderMergeAddsCounts()
{
    LatencyRecorder a, b;
    a.add(1000);
    a.add(3000);
    b.add(2000);
    b.add(10000);
    a.merge(b);
    const LatencySummary s = a.summarize();
    QCOMPARE(s.count, 4u);
    QCOMPARE(s.p50Ms, 2.0);
    QCOMPARE(s.maxMs, 10.0);
    QCOMPARE(s.meanMs, 4.0);
}

void TestBenchStats::jsonTypeOfFindsTheType_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("type");
    QTest::newRow("compact") << QByteArray(R"({"type":"reply","seq":3,"text":"안녕하세요!"})")
                             << QByteArray("reply");
    QTest::newRow("spaces") << QByteArray(R"({ "type" : "welcome", "id": 7 })")
                            << QByteArray("welcome");
    QTest::newRow("not first") << QByteArray(R"({"seq":1,"type":"error","text":"full"})")
                               << QByteArray("error");
    QTest::newRow("key in text first")
        << QByteArray(R"({"text":"\"type\" is a word","type":"reply"})") << QByteArray("reply");
    QTest::newRow("none") << QByteArray(R"({"seq":1})") << QByteArray("");
    QTest::newRow("plain text") << QByteArray("안녕하세요!") << QByteArray("");
    QTest::newRow("truncated") << QByteArray(R"({"type":"rep)") << QByteArray("");
}

void TestBenchStats::jsonTypeOfFindsTheType()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, type);
    QCOMPARE(QByteArray::fromStdString(
                 jsonTypeOf(std::string_view(line.constData(), size_t(line.size())))),
             type);
}

void TestBenchStats::jsonEscapeKeepsUtf8()
{
    QCOMPARE(jsonEscape("드론 \"상태\"\n\\"), std::string("드론 \\\"상태\\\"\\n\\\\"));
    QCOMPARE(jsonEscape(std::string("a\x01z", 3)), std::string("a\\u0001z"));
}

void TestBenchStats::reportJsonIsOneParsableLine()
{
    BenchReport report;
    report.mode = "hold";
    report.framing = "none";
    report.connectionsRequested = 10000;
    report.connected = 9999;
    report.connectFailed = 1;
    report.answered = 9999;
    report.stillOpen = 9998;
    report.closedByServer = 1;
    report.replies = 9999;
    report.errors = 1;
    report.durationSeconds = 2.0;
    report.latency.p99Ms = 12.5;
    const std::string json = reportJson(report);
    QVERIFY(json.find('\n') == std::string::npos);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject o = doc.object();
    QCOMPARE(o.value("mode").toString(), QStringLiteral("hold"));
    QCOMPARE(o.value("connections").toInt(), 10000);
    QCOMPARE(o.value("still_open").toInt(), 9998);
    QCOMPARE(o.value("connect_failed").toInt(), 1);
    QCOMPARE(o.value("replies_per_s").toDouble(), 4999.5);
    QCOMPARE(o.value("p99_ms").toDouble(), 12.5);
    const std::string text = reportText(report);
    QVERIFY(text.find("9998 still open") != std::string::npos);
}

void TestBenchStats::defaultsAreSane()
{
    const ParsedOptions parsed = parse({"--port", "9999"});
    QVERIFY2(parsed.options, parsed.error.c_str());
    const BenchOptions& o = *parsed.options;
    QCOMPARE(o.address, std::string("127.0.0.1"));
    QCOMPARE(o.port, 9999);
    QCOMPARE(o.connections, 1);
    QCOMPARE(o.mode, Mode::ClosedLoop);
    QCOMPARE(o.framing, WireFraming::Lf);
    QVERIFY(o.payload.find("드론") != std::string::npos); // Korean UTF-8 by default
    QVERIFY(o.connectRate > 0);
    QCOMPARE(o.maxMessages, std::uint64_t(0));
}

void TestBenchStats::parsesEveryOption()
{
    const ParsedOptions parsed = parse({"--host",
                                        "::1",
                                        "--port=4000",
                                        "--connections",
                                        "20000",
                                        "--mode",
                                        "hold",
                                        "--duration",
                                        "2.5",
                                        "--messages",
                                        "1000",
                                        "--framing",
                                        "chorus",
                                        "--payload",
                                        "hi there",
                                        "--connect-rate",
                                        "500",
                                        "--threads=2",
                                        "--json",
                                        "--connect-retries",
                                        "0",
                                        "--connect-timeout",
                                        "3"});
    QVERIFY2(parsed.options, parsed.error.c_str());
    const BenchOptions& o = *parsed.options;
    QCOMPARE(o.address, std::string("::1"));
    QVERIFY(o.ipv6);
    QCOMPARE(o.port, 4000);
    QCOMPARE(o.connections, 20000);
    QCOMPARE(o.mode, Mode::Hold);
    QCOMPARE(o.durationSeconds, 2.5);
    QCOMPARE(o.maxMessages, std::uint64_t(1000));
    QCOMPARE(o.framing, WireFraming::Chorus);
    QCOMPARE(o.payload, std::string("hi there"));
    QCOMPARE(o.connectRate, 500);
    QCOMPARE(o.threads, 2);
    QCOMPARE(o.connectRetries, 0);
    QCOMPARE(o.connectTimeoutSeconds, 3.0);
    QVERIFY(o.json);

    // More threads than connections is pointless: clamped, not refused.
    const ParsedOptions few = parse({"--port", "1", "--connections", "1", "--threads", "4"});
    QVERIFY(few.options);
    QCOMPARE(few.options->threads, 1);
}

void TestBenchStats::acceptsLoopbackHosts_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("address");
    QTest::newRow("v4") << "127.0.0.1"
                        << "127.0.0.1";
    QTest::newRow("localhost") << "localhost"
                               << "127.0.0.1";
    QTest::newRow("v6") << "::1"
                        << "::1";
    QTest::newRow("v6 bracketed") << "[::1]"
                                  << "::1";
}

void TestBenchStats::acceptsLoopbackHosts()
{
    QFETCH(QString, host);
    QFETCH(QString, address);
    const std::string h = host.toStdString();
    const ParsedOptions parsed = parse({"--host", h.c_str(), "--port", "1"});
    QVERIFY2(parsed.options, parsed.error.c_str());
    QCOMPARE(QString::fromStdString(parsed.options->address), address);
}

void TestBenchStats::refusesOtherHosts_data()
{
    QTest::addColumn<QString>("host");
    // chorus-bench allows a fixed list (127.0.0.1, ::1, localhost), so any other
    // host proves the refusal. None of these can reach off the machine even if
    // the refusal broke: other loopback addresses, wildcards, and .invalid
    // names (RFC 2606), which never resolve.
    QTest::newRow("name that never resolves") << "device.invalid";
    QTest::newRow("other loopback") << "127.0.0.2";
    QTest::newRow("any") << "0.0.0.0";
    QTest::newRow("name") << "example.invalid";
    QTest::newRow("v6 any") << "::";
    QTest::newRow("empty") << "";
    QTest::newRow("localhost lookalike") << "localhost.invalid";
}

void TestBenchStats::refusesOtherHosts()
{
    QFETCH(QString, host);
    const std::string h = host.toStdString();
    const ParsedOptions parsed = parse({"--host", h.c_str(), "--port", "9999"});
    QVERIFY(!parsed.options);
    QVERIFY(parsed.error.find("refusing host") != std::string::npos);
    QVERIFY(parsed.error.find("127.0.0.1") != std::string::npos);
}

void TestBenchStats::refusesBadValues_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no port") << QStringList{"--connections", "3"} << "--port";
    QTest::newRow("port 0") << QStringList{"--port", "0"} << "--port";
    QTest::newRow("port big") << QStringList{"--port", "70000"} << "--port";
    QTest::newRow("port text") << QStringList{"--port", "99x"} << "--port";
    QTest::newRow("too many connections")
        << QStringList{"--port", "1", "--connections", "20001"} << "--connections";
    QTest::newRow("zero connections")
        << QStringList{"--port", "1", "--connections", "0"} << "--connections";
    QTest::newRow("negative connections")
        << QStringList{"--port", "1", "--connections", "-5"} << "--connections";
    QTest::newRow("duration cap") << QStringList{"--port", "1", "--duration", "601"}
                                  << "--duration";
    QTest::newRow("duration nan") << QStringList{"--port", "1", "--duration", "nan"}
                                  << "--duration";
    QTest::newRow("bad mode") << QStringList{"--port", "1", "--mode", "open"} << "--mode";
    QTest::newRow("bad framing") << QStringList{"--port", "1", "--framing", "crlf"} << "--framing";
    QTest::newRow("zero messages") << QStringList{"--port", "1", "--messages", "0"} << "--messages";
    QTest::newRow("zero rate") << QStringList{"--port", "1", "--connect-rate", "0"}
                               << "--connect-rate";
    QTest::newRow("threads") << QStringList{"--port", "1", "--threads", "99"} << "--threads";
    QTest::newRow("unknown") << QStringList{"--port", "1", "--flood"} << "--flood";
    QTest::newRow("missing value") << QStringList{"--port"} << "--port";
    QTest::newRow("empty payload") << QStringList{"--port", "1", "--payload", ""} << "payload";
    QTest::newRow("newline in line payload")
        << QStringList{"--port", "1", "--payload", "a\nb"} << "payload";
    QTest::newRow("none payload over 1024")
        << QStringList{"--port", "1", "--framing", "none", "--payload", QString(1025, 'x')}
        << "payload";
    // The binary mode (issue 9).
    QTest::newRow("unknown binary framing")
        << QStringList{"--port", "1", "--framing", "u32be"} << "--framing";
    QTest::newRow("framing inline, bad")
        << QStringList{"--port", "1", "--framing=delim"} << "--framing";
    QTest::newRow("payload-size 0")
        << QStringList{"--port", "1", "--payload-size", "0"} << "--payload-size";
    QTest::newRow("payload-size over 60 KiB")
        << QStringList{"--port", "1", "--framing", "u16be", "--payload-size", "61441"}
        << "--payload-size";
    QTest::newRow("payload-size over u16")
        << QStringList{"--port", "1", "--framing=u16be", "--payload-size=65536"}
        << "--payload-size";
    QTest::newRow("payload-size inline 0")
        << QStringList{"--port", "1", "--payload-size=0"} << "--payload-size";
    QTest::newRow("payload-size inline empty")
        << QStringList{"--port", "1", "--payload-size="} << "--payload-size";
    QTest::newRow("payload-size text")
        << QStringList{"--port", "1", "--payload-size", "64B"} << "--payload-size";
    QTest::newRow("payload-size negative")
        << QStringList{"--port", "1", "--payload-size", "-64"} << "--payload-size";
    QTest::newRow("payload-size plus")
        << QStringList{"--port", "1", "--payload-size", "+64"} << "--payload-size";
    QTest::newRow("payload-size fraction")
        << QStringList{"--port", "1", "--payload-size", "1.5"} << "--payload-size";
    QTest::newRow("payload-size huge")
        << QStringList{"--port", "1", "--payload-size", "99999999999999999999999"}
        << "--payload-size";
    QTest::newRow("payload-size missing value")
        << QStringList{"--port", "1", "--payload-size"} << "--payload-size";
    QTest::newRow("payload and payload-size")
        << QStringList{"--port", "1", "--payload", "hi", "--payload-size", "64"}
        << "--payload-size";
    QTest::newRow("none payload-size over 1024")
        << QStringList{"--port", "1", "--framing", "none", "--payload-size", "1025"} << "payload";
    QTest::newRow("delim03 payload with 03") << QStringList{"--port",
                                                            "1",
                                                            "--framing",
                                                            "delim03",
                                                            "--payload",
                                                            "a\x03"
                                                            "b"}
                                             << "0x03";
}

void TestBenchStats::refusesBadValues()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const ParsedOptions parsed = parseList(args);
    QVERIFY(!parsed.options);
    QVERIFY2(parsed.error.find(mentions.toStdString()) != std::string::npos, parsed.error.c_str());
}

void TestBenchStats::helpIsNotAnError()
{
    const ParsedOptions parsed = parse({"--help"});
    QVERIFY(parsed.helpRequested);
    QVERIFY(parsed.error.empty());
    QVERIFY(benchUsage().find("--connections") != std::string::npos);
    QVERIFY(benchUsage().find("--payload-size") != std::string::npos);
    QVERIFY(benchUsage().find("u16be") != std::string::npos);
    QVERIFY(benchUsage().find("delim03") != std::string::npos);
}

void TestBenchStats::parsesBinaryFramings_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("framing");
    QTest::addColumn<int>("payloadSize"); // 0: the payload is --payload's text
    QTest::addColumn<QByteArray>("payload");
    const int u16be = int(WireFraming::U16Be);
    const int delim03 = int(WireFraming::Delim03);
    QTest::newRow("u16be, --opt v")
        << QStringList{"--port", "1", "--framing", "u16be", "--payload-size", "64"} << u16be << 64
        << QByteArray();
    QTest::newRow("u16be, --opt=v")
        << QStringList{"--port=1", "--framing=u16be", "--payload-size=1024"} << u16be << 1024
        << QByteArray();
    QTest::newRow("delim03, --opt v")
        << QStringList{"--port", "1", "--framing", "delim03", "--payload-size", "64"} << delim03
        << 64 << QByteArray();
    QTest::newRow("delim03, server spelling, --opt=v")
        << QStringList{"--port=1", "--framing=delimiter:03", "--payload-size=64"} << delim03 << 64
        << QByteArray();
    // The bytes follow --framing even when --payload-size comes first.
    QTest::newRow("size before framing")
        << QStringList{"--payload-size", "300", "--port", "1", "--framing", "u16be"} << u16be << 300
        << QByteArray();
    QTest::newRow("smallest") << QStringList{"--port",         "1", "--framing", "u16be",
                                             "--payload-size", "1"}
                              << u16be << 1 << QByteArray();
    QTest::newRow("largest u16be")
        << QStringList{"--port", "1", "--framing", "u16be", "--payload-size", "61440"} << u16be
        << 61440 << QByteArray();
    QTest::newRow("largest delim03")
        << QStringList{"--port", "1", "--framing", "delim03", "--payload-size=61440"} << delim03
        << 61440 << QByteArray();
    QTest::newRow("lf with a size") << QStringList{"--port", "1", "--payload-size", "100"}
                                    << int(WireFraming::Lf) << 100 << QByteArray();
    QTest::newRow("chorus with a size")
        << QStringList{"--port", "1", "--framing", "chorus", "--payload-size", "100"}
        << int(WireFraming::Chorus) << 100 << QByteArray();
    QTest::newRow("none at its limit")
        << QStringList{"--port", "1", "--framing", "none", "--payload-size", "1024"}
        << int(WireFraming::None) << 1024 << QByteArray();
    // A text payload may go out in a binary framing, line breaks and all.
    QTest::newRow("u16be, text payload")
        << QStringList{"--port", "1", "--framing", "u16be", "--payload", "드론\r\n"} << u16be << 0
        << QByteArray("드론\r\n");
    QTest::newRow("delim03, default payload") << QStringList{"--port", "1", "--framing", "delim03"}
                                              << delim03 << 0 << QByteArray("드론 상태 보고 #123");
}

void TestBenchStats::parsesBinaryFramings()
{
    QFETCH(QStringList, args);
    QFETCH(int, framing);
    QFETCH(int, payloadSize);
    QFETCH(QByteArray, payload);
    const ParsedOptions parsed = parseList(args);
    QVERIFY2(parsed.options, parsed.error.c_str());
    const BenchOptions& o = *parsed.options;
    QCOMPARE(int(o.framing), framing);
    QCOMPARE(o.payloadSize, std::size_t(payloadSize));
    if (payloadSize) {
        QCOMPARE(o.payload.size(), std::size_t(payloadSize));
        QCOMPARE(bytesOf(o.payload), bytesOf(makePayload(WireFraming(framing), payloadSize)));
    } else {
        QCOMPARE(bytesOf(o.payload), payload);
    }
}

void TestBenchStats::payloadSizeMakesItsBytes_data()
{
    QTest::addColumn<int>("framing");
    QTest::addColumn<int>("size");
    QTest::addColumn<QByteArray>("head"); // the first bytes
    QTest::addColumn<int>("lowest");
    QTest::addColumn<int>("highest");
    QTest::newRow("u16be: every byte value")
        << int(WireFraming::U16Be) << 600 << QByteArray::fromHex("0001020304") << 0x00 << 0xFF;
    QTest::newRow("delim03: never 03")
        << int(WireFraming::Delim03) << 600 << QByteArray::fromHex("0405060708") << 0x04 << 0xFF;
    QTest::newRow("lf: printable")
        << int(WireFraming::Lf) << 600 << QByteArray(" !\"#$") << 0x20 << 0x7E;
    QTest::newRow("chorus: printable")
        << int(WireFraming::Chorus) << 200 << QByteArray(" !\"#$") << 0x20 << 0x7E;
    QTest::newRow("none: printable")
        << int(WireFraming::None) << 200 << QByteArray(" !\"#$") << 0x20 << 0x7E;
}

void TestBenchStats::payloadSizeMakesItsBytes()
{
    QFETCH(int, framing);
    QFETCH(int, size);
    QFETCH(QByteArray, head);
    QFETCH(int, lowest);
    QFETCH(int, highest);
    const QByteArray payload = bytesOf(makePayload(WireFraming(framing), std::size_t(size)));
    QCOMPARE(payload.size(), size);
    QCOMPARE(payload.left(head.size()), head);
    int seenLowest = 0x100;
    int seenHighest = -1;
    for (char byte : payload) {
        seenLowest = qMin(seenLowest, int(quint8(byte)));
        seenHighest = qMax(seenHighest, int(quint8(byte)));
    }
    // The whole range is used, and nothing outside it.
    QCOMPARE(seenLowest, lowest);
    QCOMPARE(seenHighest, highest);
    if (WireFraming(framing) == WireFraming::Delim03) {
        QVERIFY(!payload.contains('\x03'));
        QVERIFY(payload.contains('\n')); // a server that cuts lines shows up
        QVERIFY(payload.contains('\r'));
    }
}

QTEST_GUILESS_MAIN(TestBenchStats)
#include "tst_benchstats.moc"
