// The engine against real peers: a burst client (the reference client.py when
// ../shared/seed is there, else chorus-burst-peer; see ReferencePeers.h), raw
// peers that send no newline, netcat (CRLF lines) and telnet. All on 127.0.0.1.

#include "EngineHarness.h"
#include "ReferencePeers.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>

#include <memory>
#include <vector>

using namespace chorus;
using namespace chorus::testing;

class tst_ServerInterop : public QObject
{
    Q_OBJECT
private slots:
    void referenceClientGetsFactoryReplies();
    void rawFramingServesFiftyUnterminatedPeers();
    void netcatCrlfLinesOneReplyEach();
    void telnetSessionOneReplyPerLine();
};

namespace {

constexpr int kProcessTimeoutMs = 15000;

QStringList repliesIn(const QString& output, const QString& prefix)
{
    QStringList replies;
    const QRegularExpression pattern(QRegularExpression::escape(prefix) + QStringLiteral("(.*)"));
    for (const QString& line : output.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch match = pattern.match(line);
        if (match.hasMatch())
            replies << match.captured(1).trimmed();
    }
    return replies;
}

// Feeds an interactive tool one line at a time, each after the previous reply,
// like a person typing; returns the replies that matched a factory text.
QStringList driveLineTool(QProcess& tool, const QStringList& lines)
{
    const QStringList factory = factoryTexts();
    QString output;
    QStringList replies;
    for (const QString& line : lines) {
        tool.write((line + QLatin1Char('\n')).toUtf8());
        const int expected = int(replies.size()) + 1;
        QDeadlineTimer deadline(kProcessTimeoutMs);
        while (int(replies.size()) < expected && !deadline.hasExpired() &&
               tool.state() == QProcess::Running) {
            tool.waitForReadyRead(100); // the engine runs in its own threads
            QCoreApplication::processEvents();
            output += QString::fromUtf8(tool.readAllStandardOutput());
            replies.clear();
            for (const QString& outputLine : output.split(QLatin1Char('\n'))) {
                const QString text = outputLine.trimmed();
                if (factory.contains(text))
                    replies << text;
            }
        }
    }
    return replies;
}

} // namespace

void tst_ServerInterop::referenceClientGetsFactoryReplies()
{
    ServerConfig config = loopbackConfig();
    config.ioThreads = 2;
    EngineHarness harness(config);
    const quint16 port = harness.start();
    QVERIFY(port);

    QProcess client;
    startBurstClient(client, port);
    QVERIFY2(client.waitForStarted(kProcessTimeoutMs), qPrintable(client.errorString()));
    client.write("hello\n안녕하세요\ndrone status\nexit\n");
    client.closeWriteChannel();
    // The engine works in its own threads: blocking here is fine.
    QVERIFY(client.waitForFinished(kProcessTimeoutMs));
    const QString output = QString::fromUtf8(client.readAllStandardOutput());
    const QStringList replies = repliesIn(output, QString::fromUtf8(kBurstClientReplyPrefix));
    QCOMPARE(replies.size(), 3);
    for (const QString& reply : replies)
        QVERIFY2(factoryTexts().contains(reply), qPrintable(output));
    QVERIFY(output.contains(QString::fromUtf8(kBurstClientFarewell))); // "exit" was honoured
    QTRY_COMPARE(harness.counters.messagesIn, quint64(3));
    QTRY_VERIFY(harness.rows.size() == 1 &&
                harness.rows.cbegin()->lastMessage == QByteArray("drone status"));
}

void tst_ServerInterop::rawFramingServesFiftyUnterminatedPeers()
{
    constexpr int kPeers = 50;
    constexpr int kRounds = 5;
    ServerConfig config = loopbackConfig();
    config.framing = Framing::Raw;
    EngineHarness harness(config);
    harness.book->setEntries({ReplyEntry{QStringLiteral("got {echo}")}});
    const quint16 port = harness.start();

    // Each peer behaves like client.py: send without newline, wait for one reply, repeat.
    struct Peer
    {
        QTcpSocket socket;
        int index = 0;
        int round = 0;
        QList<QByteArray> replies;
    };
    std::vector<std::unique_ptr<Peer>> peers;
    for (int i = 0; i < kPeers; ++i) {
        auto peer = std::make_unique<Peer>();
        Peer* p = peer.get();
        p->index = i;
        auto sendNext = [p] {
            p->socket.write("peer " + QByteArray::number(p->index) + " round " +
                            QByteArray::number(p->round));
        };
        QObject::connect(&p->socket, &QTcpSocket::connected, &p->socket, sendNext);
        QObject::connect(&p->socket, &QTcpSocket::readyRead, &p->socket, [p, sendNext] {
            p->replies << p->socket.readAll();
            if (++p->round < kRounds)
                sendNext();
        });
        p->socket.connectToHost(QHostAddress::LocalHost, port);
        peers.push_back(std::move(peer));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(peers.begin(), peers.end(), [](const auto& p) { return p->round == kRounds; }),
        20000);
    for (const auto& p : peers) {
        QCOMPARE(p->replies.size(), kRounds);
        for (int r = 0; r < kRounds; ++r) {
            QCOMPARE(p->replies.at(r), "got peer " + QByteArray::number(p->index) + " round " +
                                           QByteArray::number(r));
        }
    }
    QTRY_COMPARE(harness.counters.messagesIn, quint64(kPeers * kRounds));
}

void tst_ServerInterop::netcatCrlfLinesOneReplyEach()
{
    const QString nc = QStandardPaths::findExecutable(QStringLiteral("nc"));
    if (nc.isEmpty())
        QSKIP("nc (netcat-openbsd) not installed");
    EngineHarness harness;
    const quint16 port = harness.start();
    QProcess tool;
    tool.start(nc, {QStringLiteral("-C"), QStringLiteral("127.0.0.1"), QString::number(port)});
    QVERIFY2(tool.waitForStarted(kProcessTimeoutMs), qPrintable(tool.errorString()));
    const QStringList replies =
        driveLineTool(tool, {QStringLiteral("ping"), QStringLiteral("상태"), QStringLiteral("x")});
    tool.kill();
    tool.waitForFinished(kProcessTimeoutMs);
    QCOMPARE(replies.size(), 3);
    QTRY_COMPARE(harness.counters.messagesIn, quint64(3));
    QCOMPARE(harness.counters.messagesOut, quint64(3));
    QTRY_VERIFY(!harness.rows.isEmpty());
    QCOMPARE(harness.rows.cbegin()->detectedFraming, QStringLiteral("CRLF"));
}

void tst_ServerInterop::telnetSessionOneReplyPerLine()
{
    const QString telnet = QStandardPaths::findExecutable(QStringLiteral("telnet"));
    if (telnet.isEmpty())
        QSKIP("telnet not installed");
    EngineHarness harness;
    const quint16 port = harness.start();
    QProcess tool;
    tool.start(telnet, {QStringLiteral("127.0.0.1"), QString::number(port)});
    QVERIFY2(tool.waitForStarted(kProcessTimeoutMs), qPrintable(tool.errorString()));
    const QStringList replies =
        driveLineTool(tool, {QStringLiteral("hello there"), QStringLiteral("second line"),
                             QStringLiteral("third")});
    tool.closeWriteChannel();
    if (!tool.waitForFinished(kProcessTimeoutMs))
        tool.kill();
    QCOMPARE(replies.size(), 3);
    QTRY_COMPARE(harness.counters.messagesIn, quint64(3));
    QCOMPARE(harness.counters.unanswered, quint64(0));
}

QTEST_GUILESS_MAIN(tst_ServerInterop)
#include "tst_serverinterop.moc"
