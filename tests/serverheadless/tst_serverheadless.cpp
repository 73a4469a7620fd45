// The chorus-server executable as users run it: --headless prints the bound
// addresses, serves replies from a --replies file, logs to stdout and exits 0
// on SIGTERM/SIGINT, with every option in either form (--opt v, --opt=v); a
// port in use exits 1; a bad option, or a --replies file it cannot use (bad
// .json or .txt alike, missing, a folder, a FIFO) exits 2 at once and names
// the file, which is never touched; it never writes the reply book, even on
// a full disk where --log-file fails; the window quits on SIGTERM and writes
// --lag-report.

#include "FullFileSystem.h"
#include "answer/ReplyBook.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkDatagram>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtTest>

#include <csignal>

#include <sys/stat.h>

using chorus::testing::FullFileSystem;

namespace {
constexpr int kTimeoutMs = 15000;

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QByteArray replyTo(QTcpSocket& socket, const QByteArray& line)
{
    socket.write(line);
    QByteArray reply;
    while (!reply.endsWith('\n') && socket.waitForReadyRead(kTimeoutMs))
        reply += socket.readAll();
    return reply;
}
} // namespace

class TestServerHeadless : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void servesAndStopsOnSignal_data();
    void servesAndStopsOnSignal();
    void koreanStopSaysNothingOnStderr();
    void portInUseFails();
    void udpAnswersDatagrams();
    void badOptionFails();
    void viewsAndDeviceFramings_data();
    void viewsAndDeviceFramings();
    void unusableRepliesStopAtOnce_data();
    void unusableRepliesStopAtOnce();
    void ownBookIsOnlyRead();
    void rulesFileAndNoFallback();
    void badRulesFileStopsAtOnce();
    void fullDiskLogFileFailsLoudlyAndTheBookStays();
    void windowQuitsOnSigtermWithLagReport();

private:
    void prepare(QProcess& process, const QString& home) const;
    QString ownBookPath(const QString& home) const;
    static quint16 waitForListening(QProcess& process, QByteArray* output);

    QTemporaryDir m_dir;
    std::unique_ptr<QTemporaryDir> m_home; // fresh settings and data for each test
};

void TestServerHeadless::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(CHORUS_SERVER_EXE)), CHORUS_SERVER_EXE);
}

void TestServerHeadless::init()
{
    m_home = std::make_unique<QTemporaryDir>(m_dir.filePath(QStringLiteral("home-XXXXXX")));
    QVERIFY(m_home->isValid());
}

void TestServerHeadless::prepare(QProcess& process, const QString& home) const
{
    // Private settings and data: never the user's.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.setProgram(QStringLiteral(CHORUS_SERVER_EXE));
}

QString TestServerHeadless::ownBookPath(const QString& home) const
{
    return home + QStringLiteral("/data/Chorus/chorus-server/replies.json");
}

quint16 TestServerHeadless::waitForListening(QProcess& process, QByteArray* output)
{
    static const QRegularExpression listening(
        QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)( and \\[::1\\]:\\1)?\\n"));
    QDeadlineTimer deadline(kTimeoutMs);
    while (!deadline.hasExpired() && process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(100);
        *output += process.readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(*output));
        if (match.hasMatch())
            return quint16(match.captured(1).toUInt());
    }
    return 0;
}

void TestServerHeadless::servesAndStopsOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<bool>("equalsForm");
    QTest::newRow("SIGTERM, --opt value") << int(SIGTERM) << false;
    QTest::newRow("SIGINT, --opt=value") << int(SIGINT) << true;
}

void TestServerHeadless::servesAndStopsOnSignal()
{
    QFETCH(int, signalNumber);
    QFETCH(bool, equalsForm);
    const QString replies = m_home->filePath(QStringLiteral("replies.txt"));
    QVERIFY(writeFile(replies, "오직 이 답장\n"));
    QStringList arguments{QStringLiteral("--headless")};
    const QList<QPair<QString, QString>> options = {{"--listen", "localhost"},
                                                    {"--port", "0"},
                                                    {"--replies", replies},
                                                    {"--framing", "line"},
                                                    {"--max-message", "4096"}};
    for (const auto& [option, value] : options) {
        if (equalsForm)
            arguments << option + QLatin1Char('=') + value;
        else
            arguments << option << value;
    }
    QProcess server;
    prepare(server, m_home->path());
    server.setArguments(arguments);
    server.start();
    QVERIFY(server.waitForStarted(kTimeoutMs));
    QByteArray output;
    const quint16 port = waitForListening(server, &output);
    QVERIFY2(port != 0, output.constData());
    QVERIFY2(output.contains(QStringLiteral("[::1]:%1").arg(port).toUtf8()), output.constData());

    QTcpSocket v4, v6;
    v4.connectToHost(QHostAddress::LocalHost, port);
    v6.connectToHost(QHostAddress::LocalHostIPv6, port);
    QVERIFY(v4.waitForConnected(kTimeoutMs));
    QVERIFY(v6.waitForConnected(kTimeoutMs));
    QCOMPARE(QString::fromUtf8(replyTo(v4, "ping\r\n")), QStringLiteral("오직 이 답장\r\n"));
    QCOMPARE(QString::fromUtf8(replyTo(v6, "ping6\n")), QStringLiteral("오직 이 답장\n"));
    // --max-message arrived: a longer message is refused with the limit in the line.
    QVERIFY(replyTo(v4, QByteArray(5000, 'x') + '\n').contains("4096"));

    ::kill(pid_t(server.processId()), signalNumber);
    QVERIFY(server.waitForFinished(kTimeoutMs));
    output += server.readAllStandardOutput();
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
    const QByteArray errors = server.readAllStandardError();
    QVERIFY2(errors.isEmpty(), errors.constData()); // a clean stop says nothing on stderr
    // The log went to stdout, with date, time and milliseconds.
    QVERIFY2(
        QRegularExpression(QStringLiteral("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}"))
            .match(QString::fromUtf8(output))
            .hasMatch(),
        output.constData());
    QVERIFY(output.contains("ping"));
    QVERIFY(v4.state() == QAbstractSocket::UnconnectedState || v4.waitForDisconnected(kTimeoutMs));
    QCOMPARE(readFile(replies), QByteArray("오직 이 답장\n")); // only read
    QVERIFY(!QFileInfo::exists(ownBookPath(m_home->path())));  // nothing written
}

// In Korean the translators outlived the application object: each stop ended
// with Qt's "removeTranslator: Please instantiate the QApplication object
// first" on stderr, twice.
void TestServerHeadless::koreanStopSaysNothingOnStderr()
{
    QProcess server;
    prepare(server, m_home->path());
    QProcessEnvironment env = server.processEnvironment();
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("LANG"), QStringLiteral("ko_KR.UTF-8"));
    server.setProcessEnvironment(env);
    server.setArguments({QStringLiteral("--headless"), QStringLiteral("--listen"),
                         QStringLiteral("localhost"), QStringLiteral("--port"),
                         QStringLiteral("0")});
    server.start();
    QVERIFY(server.waitForStarted(kTimeoutMs));
    // The listening line names the address in either language.
    QByteArray output;
    QVERIFY(QTest::qWaitFor(
        [&] {
            server.waitForReadyRead(50);
            output += server.readAllStandardOutput();
            return output.contains("127.0.0.1:") || server.state() == QProcess::NotRunning;
        },
        kTimeoutMs));
    QVERIFY2(output.contains("127.0.0.1:"), output.constData());
    ::kill(pid_t(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(kTimeoutMs));
    QCOMPARE(server.exitCode(), 0);
    const QByteArray errors = server.readAllStandardError();
    QVERIFY2(errors.isEmpty(), errors.constData());
}

void TestServerHeadless::rulesFileAndNoFallback()
{
    // A request;reply list (detected from its content) and --no-fallback.
    const QString rules = m_home->filePath(QStringLiteral("device.txt"));
    QVERIFY(writeFile(rules, "PING;PONG\n"));
    QProcess server;
    prepare(server, m_home->path());
    server.setArguments({"--headless", "--listen", "localhost", "--port", "0", "--framing", "line",
                         "--rules", rules, "--no-fallback"});
    server.start();
    QVERIFY(server.waitForStarted(kTimeoutMs));
    QByteArray output;
    const quint16 port = waitForListening(server, &output);
    QVERIFY2(port != 0, output.constData());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(socket.waitForConnected(kTimeoutMs));
    // "other" gets nothing: the first line back is PING's.
    socket.write("other\n");
    QCOMPARE(replyTo(socket, "PING\n"), QByteArray("PONG\n"));
    ::kill(pid_t(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(kTimeoutMs));
    QCOMPARE(server.exitCode(), 0);
    QCOMPARE(readFile(rules), QByteArray("PING;PONG\n")); // only read
}

void TestServerHeadless::badRulesFileStopsAtOnce()
{
    const QString rules = m_home->filePath(QStringLiteral("broken.json"));
    QVERIFY(writeFile(rules, "{\"rules\": ["));
    QProcess server;
    prepare(server, m_home->path());
    server.setArguments({"--headless", "--port=0", "--rules", rules});
    server.start();
    QVERIFY(server.waitForStarted(kTimeoutMs));
    QVERIFY(server.waitForFinished(kTimeoutMs));
    QCOMPARE(server.exitCode(), 2);
    QVERIFY(server.readAllStandardError().contains(QFile::encodeName(rules)));
    QCOMPARE(readFile(rules), QByteArray("{\"rules\": ["));
}

void TestServerHeadless::udpAnswersDatagrams()
{
    // --udp with --headless: the UDP port is the TCP one, said on stdout, and a datagram is
    // answered.
    QProcess server;
    prepare(server, m_home->path());
    server.setArguments(
        {"--headless", "--listen", "127.0.0.1", "--port", "0", "--udp", "--udp-idle=5"});
    server.start();
    static const QRegularExpression listening(
        QStringLiteral("\\nlistening on 127\\.0\\.0\\.1:(\\d+), UDP port (\\d+)\\n"));
    QByteArray output;
    QRegularExpressionMatch match;
    QDeadlineTimer deadline(kTimeoutMs);
    while (!deadline.hasExpired() && server.state() != QProcess::NotRunning && !match.hasMatch()) {
        server.waitForReadyRead(100);
        output += server.readAllStandardOutput();
        match = listening.match(QString::fromUtf8(output));
    }
    QVERIFY2(match.hasMatch(), output.constData());
    QCOMPARE(match.captured(2), match.captured(1));
    const quint16 port = quint16(match.captured(2).toUInt());

    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress(QHostAddress::LocalHost), 0));
    QCOMPARE(peer.writeDatagram(QByteArray("hi\n"), QHostAddress(QHostAddress::LocalHost), port),
             qint64(3));
    QTRY_VERIFY_WITH_TIMEOUT(peer.hasPendingDatagrams(), kTimeoutMs);
    const QByteArray reply = peer.receiveDatagram().data();
    QVERIFY(reply.endsWith('\n')); // the question's line end
    QStringList factory;
    for (const chorus::ReplyEntry& entry : chorus::ReplyBook::factoryEntries())
        factory << entry.text;
    QVERIFY2(factory.contains(QString::fromUtf8(reply.chopped(1))), reply.constData());

    ::kill(pid_t(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(kTimeoutMs));
    QCOMPARE(server.exitCode(), 0);
}

void TestServerHeadless::portInUseFails()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    QProcess server;
    prepare(server, m_home->path());
    server.setArguments(
        {"--headless", "--listen=127.0.0.1", "--port=" + QString::number(occupier.serverPort())});
    server.start();
    QVERIFY(server.waitForFinished(kTimeoutMs));
    QCOMPARE(server.exitCode(), 1);
    const QByteArray error = server.readAllStandardError();
    QVERIFY2(error.contains("127.0.0.1:" + QByteArray::number(occupier.serverPort())),
             error.constData());
}

void TestServerHeadless::badOptionFails()
{
    for (const QStringList& arguments :
         {QStringList{"--headless", "--port", "70000"}, QStringList{"--headless", "--port=70000"},
          QStringList{"--headless", "--framing", "delimiter:0G"},
          QStringList{"--headless", "--framing=length:size=5"},
          QStringList{"--headless", "--view", "binary"}}) {
        QProcess server;
        prepare(server, m_home->path());
        server.setArguments(arguments);
        server.start();
        QVERIFY(server.waitForFinished(kTimeoutMs));
        QCOMPARE(server.exitCode(), 2);
        const QByteArray option = arguments.at(1).section(QLatin1Char('='), 0, 0).toUtf8();
        QVERIFY(server.readAllStandardError().contains(option));
    }

    QProcess help;
    prepare(help, m_home->path());
    help.setArguments({"--help"});
    help.start();
    QVERIFY(help.waitForFinished(kTimeoutMs));
    QCOMPARE(help.exitCode(), 0);
    QVERIFY(help.readAllStandardOutput().contains("--headless"));
}

void TestServerHeadless::viewsAndDeviceFramings_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QStringList>("stdoutLines"); // each on a line of its own, in order
    const QByteArray binary = QByteArray::fromHex("0102FFFE00");
    QTest::newRow("delimiter:03, --view hex")
        << QStringList{"--framing", "delimiter:03", "--view", "hex"} << binary + '\x03'
        << QByteArray::fromHex("0102FFFE0003")
        << QStringList{"received (5 bytes): 01 02 FF FE 00", "sent (5 bytes): 01 02 FF FE 00"};
    QTest::newRow("--framing=u16be, --view=mixed")
        << QStringList{"--framing=u16be", "--view=mixed"} << QByteArray::fromHex("0005") + binary
        << QByteArray::fromHex("0005") + binary
        << QStringList{"received (5 bytes):",
                       "00000000  01 02 ff fe 00                                    |.....|"};
    QTest::newRow("cr, --view text")
        << QStringList{"--framing", "cr", "--view", "text"} << binary + '\r' << binary + '\r'
        << QStringList{"received: \\x01\\x02\\xFF\\xFE\\0"};
}

void TestServerHeadless::viewsAndDeviceFramings()
{
    QFETCH(QStringList, options);
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, reply);
    QFETCH(QStringList, stdoutLines);
    const QString replies = m_home->filePath(QStringLiteral("echo.json"));
    QVERIFY(writeFile(replies, R"({"version":2,"entries":[{"text":"{echo}"}]})"));
    const QString logFile = m_home->filePath(QStringLiteral("server.log"));
    QProcess server;
    prepare(server, m_home->path());
    server.setArguments(QStringList{"--headless", "--listen", "127.0.0.1", "--port", "0",
                                    "--replies", replies, "--log-file", logFile} +
                        options);
    server.start();
    QVERIFY(server.waitForStarted(kTimeoutMs));
    QByteArray output;
    const quint16 port = waitForListening(server, &output);
    QVERIFY2(port != 0, output.constData());
    QTcpSocket device;
    device.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(device.waitForConnected(kTimeoutMs));
    device.write(request);
    QByteArray received;
    while (received.size() < reply.size() && device.waitForReadyRead(kTimeoutMs))
        received += device.readAll();
    QCOMPARE(received, reply);
    QDeadlineTimer deadline(kTimeoutMs);
    while (!output.contains(stdoutLines.constLast().toUtf8()) && !deadline.hasExpired()) {
        server.waitForReadyRead(100);
        output += server.readAllStandardOutput();
    }
    ::kill(pid_t(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(kTimeoutMs));
    output += server.readAllStandardOutput();
    qsizetype from = 0;
    for (const QString& line : stdoutLines) {
        const qsizetype at = output.indexOf(line.toUtf8(), from);
        QVERIFY2(at >= 0, qPrintable(line + QStringLiteral(" in:\n") + QString::fromUtf8(output)));
        QVERIFY(at == 0 || output.at(at - 1) == '\n' || output.at(at - 1) == ' ');
        from = at + line.size();
    }
    // The file always holds the Text view: escapes, one line a message.
    QVERIFY2(readFile(logFile).contains("\\x01\\x02\\xFF\\xFE\\0"), readFile(logFile).constData());
}

void TestServerHeadless::unusableRepliesStopAtOnce_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content"); // "FIFO", "FOLDER", "MISSING" or the bytes
    QTest::newRow("bad json") << "book.json" << QByteArray("[\"cut");
    QTest::newRow("bad text") << "book.txt" << QByteArray("a\0b", 3);
    QTest::newRow("missing json") << "book.json" << QByteArray("MISSING");
    QTest::newRow("missing text") << "book.txt" << QByteArray("MISSING");
    QTest::newRow("folder") << "dir.json" << QByteArray("FOLDER");
    QTest::newRow("fifo") << "pipe.json" << QByteArray("FIFO");
}

void TestServerHeadless::unusableRepliesStopAtOnce()
{
    // A bad .json was once moved aside and the server started on the factory
    // replies while a bad .txt stopped it; a folder was renamed; a FIFO hung.
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    const QString path = m_home->filePath(name);
    if (content == "FIFO")
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    else if (content == "FOLDER")
        QVERIFY(QDir().mkpath(path));
    else if (content != "MISSING")
        QVERIFY(writeFile(path, content));

    QProcess server;
    prepare(server, m_home->path());
    server.setArguments({"--headless", "--port=0", "--replies", path});
    server.start();
    QVERIFY(server.waitForStarted(kTimeoutMs));
    if (!server.waitForFinished(kTimeoutMs)) {
        ::kill(pid_t(server.processId()), SIGTERM);
        QVERIFY(server.waitForFinished(kTimeoutMs));
        QFAIL("still running: it should have stopped at once");
    }
    QCOMPARE(server.exitCode(), 2);
    const QByteArray error = server.readAllStandardError();
    QVERIFY2(error.contains(QFile::encodeName(path)), error.constData());
    QVERIFY(!server.readAllStandardOutput().contains("listening on"));
    // Never renamed, moved or written.
    const QStringList left = QDir(m_home->path())
                                 .entryList({name + QLatin1Char('*')},
                                            QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
    QCOMPARE(left, content == "MISSING" ? QStringList() : QStringList{name});
    if (content != "FIFO" && content != "FOLDER" && content != "MISSING")
        QCOMPARE(readFile(path), content);
}

void TestServerHeadless::ownBookIsOnlyRead()
{
    // The headless server once moved an unreadable autosaved book aside.
    const QString own = ownBookPath(m_home->path());
    QVERIFY(writeFile(own, "{\"entries\": [ cut"));
    QProcess server;
    prepare(server, m_home->path());
    server.setArguments({"--headless", "--listen", "localhost", "--port", "0"});
    server.start();
    QByteArray output;
    const quint16 port = waitForListening(server, &output);
    QVERIFY2(port != 0, output.constData());
    QVERIFY(server.readAllStandardError().contains(QFile::encodeName(own)));
    ::kill(pid_t(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(kTimeoutMs));
    QCOMPARE(server.exitCode(), 0);
    QCOMPARE(readFile(own), QByteArray("{\"entries\": [ cut"));
    QCOMPARE(QDir(QFileInfo(own).path()).entryList(QDir::Files), QStringList{"replies.json"});
}

void TestServerHeadless::fullDiskLogFileFailsLoudlyAndTheBookStays()
{
    FullFileSystem disk;
    if (!disk.isReady())
        QSKIP(qPrintable(disk.skipReason()));
    const QString home = disk.path();
    const QString own = ownBookPath(home);
    const QByteArray book = R"({"version":1,"pickMode":"random","entries":["디스크 답장"]})";
    QVERIFY(writeFile(own, book));
    // A whole page of earlier lines: tmpfs has no slack left in the file's last page either.
    const QString log = disk.filePath(QStringLiteral("server.log"));
    const QByteArray earlier =
        QByteArray("earlier line\n").repeated(4096 / 13).leftJustified(4096, '.');
    QVERIFY(writeFile(log, earlier));
    QVERIFY(disk.fill());

    QProcess server;
    prepare(server, home);
    server.setArguments({"--headless", "--listen", "localhost", "--port", "0", "--log-file", log});
    server.start();
    QByteArray output;
    const quint16 port = waitForListening(server, &output);
    QVERIFY2(port != 0, output.constData());
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(kTimeoutMs));
    QCOMPARE(QString::fromUtf8(replyTo(client, "hi\n")), QStringLiteral("디스크 답장\n"));
    // The log file's failure is said once, on stderr, naming the file; serving goes on.
    QByteArray errors;
    QDeadlineTimer deadline(kTimeoutMs);
    while (!errors.contains(QFile::encodeName(log)) && !deadline.hasExpired()) {
        server.waitForReadyRead(100);
        errors += server.readAllStandardError();
    }
    QVERIFY2(errors.contains(QFile::encodeName(log)), errors.constData());
    QCOMPARE(QString::fromUtf8(replyTo(client, "again\n")), QStringLiteral("디스크 답장\n"));

    ::kill(pid_t(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(kTimeoutMs));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
    QCOMPARE(readFile(own), book);
    QCOMPARE(readFile(log), earlier);
}

void TestServerHeadless::windowQuitsOnSigtermWithLagReport()
{
    const QString report = m_home->filePath(QStringLiteral("lag.json"));
    QProcess server;
    prepare(server, m_home->path());
    server.setArguments(
        {"--listen", "localhost", "--port", "0", "--start", "--lag-report=" + report});
    server.start();
    QVERIFY(server.waitForStarted(kTimeoutMs));
    // Let the window come up, start listening and collect some lag samples.
    QTest::qWait(1000);
    QCOMPARE(server.state(), QProcess::Running);
    ::kill(pid_t(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(kTimeoutMs));
    QCOMPARE(server.exitCode(), 0);
    QFile file(report);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(object.value(QStringLiteral("samples")).toInt() > 5);
    QVERIFY(object.contains(QStringLiteral("p50_ms")));
    QVERIFY(object.contains(QStringLiteral("p99_ms")));
    QVERIFY(object.contains(QStringLiteral("max_ms")));
}

QTEST_GUILESS_MAIN(TestServerHeadless)
#include "tst_serverheadless.moc"
