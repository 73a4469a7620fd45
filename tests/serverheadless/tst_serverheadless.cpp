// The chorus-server executable as users run it: --headless prints the bound
// address, serves replies from a --replies file, logs to stdout and exits 0
// on SIGTERM/SIGINT; a port in use or a bad option exits non-zero with a
// clear message; the window quits on SIGTERM and writes --lag-report.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

namespace {
constexpr int kTimeoutMs = 15000;
}

class TestServerHeadless : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void servesAndStopsOnSignal_data();
    void servesAndStopsOnSignal();
    void portInUseFails();
    void badOptionFails();
    void windowQuitsOnSigtermWithLagReport();

private:
    void prepare(QProcess& process) const;
    static quint16 waitForListening(QProcess& process, QByteArray* output);

    QTemporaryDir m_dir;
};

void TestServerHeadless::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(CHORUS_SERVER_EXE)), CHORUS_SERVER_EXE);
}

void TestServerHeadless::prepare(QProcess& process) const
{
    // Private settings and data: never the user's.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.setProgram(QStringLiteral(CHORUS_SERVER_EXE));
}

quint16 TestServerHeadless::waitForListening(QProcess& process, QByteArray* output)
{
    static const QRegularExpression listening(
        QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)\\n"));
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
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestServerHeadless::servesAndStopsOnSignal()
{
    QFETCH(int, signalNumber);
    const QString replies = m_dir.filePath(QStringLiteral("replies.txt"));
    {
        QFile file(replies);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("오직 이 답장\n");
    }
    QProcess server;
    prepare(server);
    server.setArguments({"--headless", "--listen", "localhost", "--port", "0", "--replies", replies,
                         "--framing", "line"});
    server.start();
    QVERIFY(server.waitForStarted(kTimeoutMs));
    QByteArray output;
    const quint16 port = waitForListening(server, &output);
    QVERIFY2(port != 0, output.constData());

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(socket.waitForConnected(kTimeoutMs));
    socket.write("ping\r\n");
    QByteArray reply;
    while (!reply.endsWith('\n') && socket.waitForReadyRead(kTimeoutMs))
        reply += socket.readAll();
    QCOMPARE(QString::fromUtf8(reply), QStringLiteral("오직 이 답장\r\n")); // mirrors CRLF

    ::kill(pid_t(server.processId()), signalNumber);
    QVERIFY(server.waitForFinished(kTimeoutMs));
    output += server.readAllStandardOutput();
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
    // The log went to stdout, with date, time and milliseconds.
    QVERIFY2(
        QRegularExpression(QStringLiteral("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}"))
            .match(QString::fromUtf8(output))
            .hasMatch(),
        output.constData());
    QVERIFY(output.contains("ping"));
    QVERIFY(socket.state() == QAbstractSocket::UnconnectedState ||
            socket.waitForDisconnected(kTimeoutMs));
}

void TestServerHeadless::portInUseFails()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    QProcess server;
    prepare(server);
    server.setArguments(
        {"--headless", "--listen", "127.0.0.1", "--port", QString::number(occupier.serverPort())});
    server.start();
    QVERIFY(server.waitForFinished(kTimeoutMs));
    QCOMPARE(server.exitCode(), 1);
    const QByteArray error = server.readAllStandardError();
    QVERIFY2(error.contains("cannot listen on 127.0.0.1:"), error.constData());
    QVERIFY2(error.contains("in use"), error.constData());
}

void TestServerHeadless::badOptionFails()
{
    QProcess server;
    prepare(server);
    server.setArguments({"--headless", "--port", "70000"});
    server.start();
    QVERIFY(server.waitForFinished(kTimeoutMs));
    QCOMPARE(server.exitCode(), 2);
    QVERIFY(server.readAllStandardError().contains("--port"));

    QProcess help;
    prepare(help);
    help.setArguments({"--help"});
    help.start();
    QVERIFY(help.waitForFinished(kTimeoutMs));
    QCOMPARE(help.exitCode(), 0);
    QVERIFY(help.readAllStandardOutput().contains("--headless"));
}

void TestServerHeadless::windowQuitsOnSigtermWithLagReport()
{
    const QString report = m_dir.filePath(QStringLiteral("lag.json"));
    QProcess server;
    prepare(server);
    server.setArguments(
        {"--listen", "localhost", "--port", "0", "--start", "--lag-report", report});
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
