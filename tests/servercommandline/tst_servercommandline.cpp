// ServerCommandLine: every option reaches ServerConfig; bad values give a
// clear one-line error naming the option.

#include "ServerCommandLine.h"

#include <QtTest>

using namespace chorus;

class TestServerCommandLine : public QObject
{
    Q_OBJECT
private slots:
    void defaults();
    void everyOption();
    void addresses_data();
    void addresses();
    void badValues_data();
    void badValues();
    void helpAndVersion();
    void endpointText();
};

static ServerCommandLine::Result parse(QStringList args)
{
    args.prepend(QStringLiteral("chorus-server"));
    return ServerCommandLine::parse(args);
}

void TestServerCommandLine::defaults()
{
    const auto result = parse({});
    QCOMPARE(result.status, ServerCommandLine::Status::Ok);
    const ServerCommandLineOptions& o = result.options;
    QVERIFY(!o.headless);
    QVERIFY(!o.startAtOnce);
    QVERIFY(!o.addressText);
    QVERIFY(!o.port);
    QVERIFY(!o.framing);
    QVERIFY(!o.pickMode);
    QCOMPARE(o.config.port, quint16(9999));
    QCOMPARE(o.config.address, QHostAddress(QHostAddress::Any));
    QCOMPARE(o.config.framing, Framing::Auto);
    QVERIFY(o.config.logMessages);
    QVERIFY(o.repliesPath.isEmpty());
}

void TestServerCommandLine::everyOption()
{
    const auto result = parse({"--headless",  "--listen",
                               "localhost",   "--port",
                               "0",           "--replies",
                               "/tmp/r.json", "--framing",
                               "RAW",         "--pick",
                               "shuffle",     "--idle-gap",
                               "45",          "--max-message",
                               "1000",        "--high-water",
                               "4096",        "--io-threads",
                               "3",           "--max-connections",
                               "123",         "--no-log-messages",
                               "--log-file",  "/tmp/log.txt"});
    QCOMPARE(result.status, ServerCommandLine::Status::Ok);
    QVERIFY(result.errorText.isEmpty());
    const ServerCommandLineOptions& o = result.options;
    QVERIFY(o.headless);
    QCOMPARE(o.addressText.value_or(QString()), QStringLiteral("localhost"));
    QCOMPARE(o.config.address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(o.port.value_or(1), quint16(0));
    QCOMPARE(o.config.port, quint16(0));
    QCOMPARE(o.config.framing, Framing::Raw);
    QCOMPARE(o.framing.value_or(Framing::Auto), Framing::Raw);
    QCOMPARE(o.pickMode.value_or(PickMode::Random), PickMode::Shuffle);
    QCOMPARE(o.config.limits.idleGap, std::chrono::milliseconds(45));
    QCOMPARE(o.config.limits.maxMessageBytes, qsizetype(1000));
    QCOMPARE(o.config.limits.highWaterBytes, qint64(4096));
    QCOMPARE(o.config.ioThreads, 3);
    QCOMPARE(o.config.maxConnections, 123);
    QVERIFY(!o.config.logMessages);
    QCOMPARE(o.repliesPath, QStringLiteral("/tmp/r.json"));
    QCOMPARE(o.logFilePath, QStringLiteral("/tmp/log.txt"));

    const auto gui = parse({"--start", "--lag-report=/tmp/lag.json"});
    QCOMPARE(gui.status, ServerCommandLine::Status::Ok);
    QVERIFY(gui.options.startAtOnce);
    QCOMPARE(gui.options.lagReportPath, QStringLiteral("/tmp/lag.json"));
}

void TestServerCommandLine::addresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("any") << "any" << QHostAddress(QHostAddress::Any).toString();
    QTest::newRow("ANY") << "ANY" << QHostAddress(QHostAddress::Any).toString();
    QTest::newRow("localhost") << "localhost"
                               << "127.0.0.1";
    QTest::newRow("ipv4") << "127.0.0.1"
                          << "127.0.0.1";
    QTest::newRow("ipv6") << "::1"
                          << "::1";
    QTest::newRow("ipv6 brackets") << "[::1]"
                                   << "::1";
}

void TestServerCommandLine::addresses()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto result = parse({"--listen", text});
    QCOMPARE(result.status, ServerCommandLine::Status::Ok);
    QCOMPARE(result.options.config.address.toString(), expected);
}

void TestServerCommandLine::badValues_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mustMention");
    QTest::newRow("port too big") << QStringList{"--port", "65536"} << "--port";
    QTest::newRow("port negative") << QStringList{"--port", "-1"} << "--port";
    QTest::newRow("port text") << QStringList{"--port", "http"} << "\"http\"";
    QTest::newRow("port missing value") << QStringList{"--port"} << "port";
    QTest::newRow("address") << QStringList{"--listen", "not.an.ip"} << "not.an.ip";
    QTest::newRow("address empty") << QStringList{"--listen", ""} << "--listen";
    QTest::newRow("framing") << QStringList{"--framing", "json"} << "--framing";
    QTest::newRow("pick") << QStringList{"--pick", "best"} << "--pick";
    QTest::newRow("idle gap zero") << QStringList{"--idle-gap", "0"} << "--idle-gap";
    QTest::newRow("max message tiny") << QStringList{"--max-message", "1"} << "--max-message";
    QTest::newRow("high water") << QStringList{"--high-water", "12"} << "--high-water";
    QTest::newRow("io threads") << QStringList{"--io-threads", "0"} << "--io-threads";
    QTest::newRow("max connections")
        << QStringList{"--max-connections", "1e3"} << "--max-connections";
    QTest::newRow("unknown option") << QStringList{"--colour"} << "colour";
    QTest::newRow("positional") << QStringList{"extra"} << "extra";
    QTest::newRow("lag report headless")
        << QStringList{"--headless", "--lag-report", "/tmp/x"} << "--lag-report";
    QTest::newRow("replies empty") << QStringList{"--replies", " "} << "--replies";
}

void TestServerCommandLine::badValues()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mustMention);
    const auto result = parse(args);
    QCOMPARE(result.status, ServerCommandLine::Status::Error);
    QVERIFY2(result.errorText.contains(mustMention), qPrintable(result.errorText));
    QVERIFY(!result.errorText.contains(QLatin1Char('\n')));
}

void TestServerCommandLine::helpAndVersion()
{
    QCOMPARE(parse({"--help"}).status, ServerCommandLine::Status::HelpRequested);
    QCOMPARE(parse({"-h"}).status, ServerCommandLine::Status::HelpRequested);
    QCOMPARE(parse({"--version"}).status, ServerCommandLine::Status::VersionRequested);
    const QString help = ServerCommandLine::helpText();
    for (const char* option :
         {"--headless", "--listen", "--port", "--replies", "--framing", "--pick", "--idle-gap",
          "--max-message", "--high-water", "--io-threads", "--max-connections", "--no-log-messages",
          "--log-file", "--start", "--lag-report", "--help", "--version"})
        QVERIFY2(help.contains(QLatin1String(option)), option);
    QVERIFY(ServerCommandLine::versionText().startsWith(QLatin1String("chorus-server ")));
}

void TestServerCommandLine::endpointText()
{
    QCOMPARE(ServerCommandLine::endpointText(QHostAddress(QHostAddress::Any), 9999),
             QStringLiteral("[::]:9999"));
    QCOMPARE(ServerCommandLine::endpointText(QHostAddress(QStringLiteral("127.0.0.1")), 1),
             QStringLiteral("127.0.0.1:1"));
    QCOMPARE(ServerCommandLine::endpointText(QHostAddress(QStringLiteral("::1")), 80),
             QStringLiteral("[::1]:80"));
    QCOMPARE(ServerCommandLine::addressToText(QHostAddress(QHostAddress::LocalHost)),
             QStringLiteral("localhost"));
}

QTEST_GUILESS_MAIN(TestServerCommandLine)
#include "tst_servercommandline.moc"
