// Peers cannot forge the server's log: every string a peer controls (a
// hello's name and app, a rename, a bye reason, an error's code and message,
// an unknown message type, message text) reaches headless stdout and
// --log-file escaped (no line break, no ESC, no BEL) and quoted, so a forged
// line never stands as a line of its own.

#include "wire/ByteText.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace chorus;

namespace {
constexpr int kTimeoutMs = 15000;
// What an attacker would like a log reader to see as a line of the server's own.
const QString kForged = QStringLiteral("2026-01-01 00:00:00.000 [#1] FORGED");

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray chorusLine(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}
} // namespace

class tst_CleanLogs : public QObject
{
    Q_OBJECT
private slots:
    void peerTextCannotForgeLogLines_data();
    void peerTextCannotForgeLogLines();
    void quotedPeerTextIsOneDelimitedLine_data();
    void quotedPeerTextIsOneDelimitedLine();
};

void tst_CleanLogs::peerTextCannotForgeLogLines_data()
{
    // Each row: what the peer sends, after nothing or after a hello.
    QTest::addColumn<bool>("hello");
    QTest::addColumn<QByteArray>("send");
    QTest::addColumn<QString>("forged"); // must never start a line
    // A line break, a carriage return, a Unicode line separator, then the
    // forged line with a cursor move (ESC [2J) and a bell.
    const QString evil = QStringLiteral("x\n") + kForged + QStringLiteral("\r") + kForged +
                         QChar(0x2028) + kForged + QStringLiteral("\x1b[2J\x07");
    // Names refuse C0 and C1 controls and more than 64 characters, but take
    // the Unicode line and paragraph separators.
    const QString forgedShort = QStringLiteral("[#1] FORGED");
    const QString evilName =
        QStringLiteral("x") + QChar(0x2028) + forgedShort + QChar(0x2029) + forgedShort;
    const auto hello = [](const QString& name, const QString& app) {
        return chorusLine(
            QJsonObject{{"type", "hello"}, {"proto", 1}, {"name", name}, {"app", app}});
    };
    QTest::newRow("hello app") << false << hello(QStringLiteral("n"), evil) << kForged;
    QTest::newRow("hello name, refused") << false << hello(evil, QStringLiteral("a")) << kForged;
    QTest::newRow("hello name") << false << hello(evilName, QStringLiteral("a")) << forgedShort;
    QTest::newRow("rename") << true << chorusLine(QJsonObject{{"type", "name"}, {"name", evilName}})
                            << forgedShort;
    QTest::newRow("bye reason") << true
                                << chorusLine(QJsonObject{{"type", "bye"}, {"reason", evil}})
                                << kForged;
    QTest::newRow("error code") << true
                                << chorusLine(QJsonObject{
                                       {"type", "error"}, {"code", evil}, {"message", "m"}})
                                << kForged;
    QTest::newRow("error message")
        << true << chorusLine(QJsonObject{{"type", "error"}, {"code", "c"}, {"message", evil}})
        << kForged;
    QTest::newRow("unknown type") << true << chorusLine(QJsonObject{{"type", evil}}) << kForged;
    QTest::newRow("chorus message text")
        << true << chorusLine(QJsonObject{{"type", "msg"}, {"seq", 1}, {"text", evil}}) << kForged;
    QTest::newRow("text message") << false << evil.toUtf8() + '\n' << kForged;
}

void tst_CleanLogs::peerTextCannotForgeLogLines()
{
    QFETCH(bool, hello);
    QFETCH(QByteArray, send);
    QFETCH(QString, forged);
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString logFile = home.filePath(QStringLiteral("server.log"));
    QProcess server;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    server.setProcessEnvironment(env);
    server.setProgram(QStringLiteral(CHORUS_SERVER_EXE));
    // Framing line: the CR in the text stays inside the message.
    server.setArguments({"--headless", "--listen", "127.0.0.1", "--port", "0", "--framing", "line",
                         "--log-file", logFile});
    server.start();
    QVERIFY(server.waitForStarted(kTimeoutMs));
    QByteArray output;
    static const QRegularExpression listening(
        QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
    quint16 port = 0;
    QDeadlineTimer deadline(kTimeoutMs);
    while (port == 0 && !deadline.hasExpired() && server.state() == QProcess::Running) {
        server.waitForReadyRead(100);
        output += server.readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch())
            port = quint16(match.captured(1).toUInt());
    }
    QVERIFY2(port != 0, output.constData());

    QTcpSocket peer;
    peer.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(peer.waitForConnected(kTimeoutMs));
    if (hello) {
        peer.write(chorusLine(QJsonObject{{"type", "hello"}, {"proto", 1}, {"name", "p"}}));
        QVERIFY(peer.waitForReadyRead(kTimeoutMs)); // the welcome
        peer.readAll();
    }
    peer.write(send);
    QVERIFY(peer.waitForBytesWritten(kTimeoutMs));
    // Whatever the server makes of it shows in the log: wait until the forged
    // text (escaped) arrived there.
    deadline.setRemainingTime(kTimeoutMs);
    while (!output.contains("FORGED") && !deadline.hasExpired()) {
        server.waitForReadyRead(100);
        output += server.readAllStandardOutput();
    }
    peer.abort();
    ::kill(pid_t(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(kTimeoutMs));
    output += server.readAllStandardOutput();
    const QByteArray file = readFile(logFile);

    for (const QByteArray& log : {output, file}) {
        QVERIFY2(log.contains("FORGED"), log.constData());
        for (const QByteArray& line : log.split('\n'))
            QVERIFY2(!line.startsWith(forged.toUtf8()), log.constData());
        QVERIFY2(!log.contains('\r'), log.constData());
        QVERIFY2(!log.contains('\x1b'), log.constData());
        QVERIFY2(!log.contains('\x07'), log.constData());
        QVERIFY2(!log.contains("\xE2\x80\xA8"), log.constData()); // U+2028
        QVERIFY2(!log.contains("\xE2\x80\xA9"), log.constData()); // U+2029
    }
}

void tst_CleanLogs::quotedPeerTextIsOneDelimitedLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << QStringLiteral("drone 7") << QStringLiteral("«drone 7»");
    QTest::newRow("korean") << QStringLiteral("드론") << QStringLiteral("«드론»");
    QTest::newRow("line break") << QStringLiteral("a\nb\r") << QStringLiteral("«a\\nb\\r»");
    QTest::newRow("escape and bell")
        << QStringLiteral("\x1b[2J\x07") << QStringLiteral("«\\x1B[2J\\x07»");
    QTest::newRow("the quotes themselves")
        << QStringLiteral("a» b«") << QStringLiteral("«a\\xC2\\xBB b\\xC2\\xAB»");
}

void tst_CleanLogs::quotedPeerTextIsOneDelimitedLine()
{
    QFETCH(QString, text);
    QFETCH(QString, quoted);
    QCOMPARE(quotedPeerText(text), quoted);
}

QTEST_GUILESS_MAIN(tst_CleanLogs)
#include "tst_cleanlogs.moc"
