// The burst peers of ReferencePeers.h: chorus-burst-peer must speak the same
// wire behaviour as the reference peers in ../shared/seed, because the
// interop tests use it in their place on a clean clone. Every case runs
// against both; the reference rows skip (saying why) when ../shared is absent.

#include "BurstPeerFormat.h"
#include "EngineHarness.h"
#include "ReferencePeers.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <algorithm>

using namespace chorus;
using namespace chorus::testing;

Q_DECLARE_METATYPE(chorus::testing::BurstPeerKind)

class tst_BurstPeers : public QObject
{
    Q_OBJECT
private slots:
    void serverAnswersEachReadWithOneFactoryReply_data() { peerRows("server_multi.py"); }
    void serverAnswersEachReadWithOneFactoryReply();
    void serverReadsAtMost1024BytesAtATime_data() { peerRows("server_multi.py"); }
    void serverReadsAtMost1024BytesAtATime();
    void serverServesClientsAtOnce_data() { peerRows("server_multi.py"); }
    void serverServesClientsAtOnce();
    void clientSendsTypedBytesAndPrintsOneReadPerLine_data() { peerRows("client.py"); }
    void clientSendsTypedBytesAndPrintsOneReadPerLine();
    void clientPrintsAtMost1024BytesPerRead_data() { peerRows("client.py"); }
    void clientPrintsAtMost1024BytesPerRead();
    void clientQuitsAtEndOfInput_data() { peerRows("client.py"); }
    void clientQuitsAtEndOfInput();

private:
    static void peerRows(const char* script);
};

namespace {

constexpr int kTimeoutMs = 10000;

// Why a row cannot run (the reference is absent), or empty.
QString whyNotRunnable(BurstPeerKind kind, const char* script)
{
    if (kind == BurstPeerKind::Own)
        return {};
    const QString why = referencePeerUnavailable(QLatin1String(script));
    return why.isEmpty() ? why : QStringLiteral("reference peer not run: ") + why;
}

// How many factory replies a stream of unterminated replies holds; -1 when
// something in it is not (or not yet) a whole one.
int wholeFactoryReplies(QByteArray stream)
{
    const QStringList factory = factoryTexts();
    int count = 0;
    while (!stream.isEmpty()) {
        const auto match = std::find_if(factory.cbegin(), factory.cend(), [&](const QString& text) {
            return stream.startsWith(text.toUtf8());
        });
        if (match == factory.cend())
            return -1;
        stream.remove(0, match->toUtf8().size());
        ++count;
    }
    return count;
}

} // namespace

void tst_BurstPeers::peerRows(const char* script)
{
    QTest::addColumn<BurstPeerKind>("kind");
    QTest::newRow("own chorus-burst-peer") << BurstPeerKind::Own;
    QTest::newRow(qPrintable(QStringLiteral("reference ") + QLatin1String(script)))
        << BurstPeerKind::Reference;
}

void tst_BurstPeers::serverAnswersEachReadWithOneFactoryReply()
{
    QFETCH(BurstPeerKind, kind);
    if (const QString why = whyNotRunnable(kind, "server_multi.py"); !why.isEmpty())
        QSKIP(qPrintable(why));
    BurstServerProcess server(kind);
    const quint16 port = server.start();
    QVERIFY2(port != 0, qPrintable(server.failure()));
    TestClient client;
    QVERIFY(client.connectTo(port));
    const QList<QByteArray> messages = {"hello", "드론 상태?", QByteArray("\xff\xfe bad utf-8")};
    for (int i = 0; i < messages.size(); ++i) {
        client.socket.write(messages.at(i)); // no newline
        // One reply: exactly one factory text's bytes, no terminator.
        QTRY_COMPARE_WITH_TIMEOUT(wholeFactoryReplies(client.received), 1, kTimeoutMs);
        client.received.clear();
    }
}

void tst_BurstPeers::serverReadsAtMost1024BytesAtATime()
{
    QFETCH(BurstPeerKind, kind);
    if (const QString why = whyNotRunnable(kind, "server_multi.py"); !why.isEmpty())
        QSKIP(qPrintable(why));
    BurstServerProcess server(kind);
    const quint16 port = server.start();
    QVERIFY2(port != 0, qPrintable(server.failure()));
    TestClient client;
    QVERIFY(client.connectTo(port));
    // 3000 bytes take at least three reads of 1024, so at least three replies.
    client.socket.write(QByteArray(3000, 'x'));
    QTRY_VERIFY_WITH_TIMEOUT(wholeFactoryReplies(client.received) >= 3, kTimeoutMs);
}

void tst_BurstPeers::serverServesClientsAtOnce()
{
    QFETCH(BurstPeerKind, kind);
    if (const QString why = whyNotRunnable(kind, "server_multi.py"); !why.isEmpty())
        QSKIP(qPrintable(why));
    BurstServerProcess server(kind);
    const quint16 port = server.start();
    QVERIFY2(port != 0, qPrintable(server.failure()));
    // The second client is answered while the first stays connected and silent.
    TestClient first;
    TestClient second;
    QVERIFY(first.connectTo(port));
    QVERIFY(second.connectTo(port));
    second.socket.write("second");
    QTRY_COMPARE_WITH_TIMEOUT(wholeFactoryReplies(second.received), 1, kTimeoutMs);
    first.socket.write("first");
    QTRY_COMPARE_WITH_TIMEOUT(wholeFactoryReplies(first.received), 1, kTimeoutMs);
}

namespace {

// A server for the burst client: records what arrives and answers every
// readyRead with the next of `answers` (no terminator).
class ScriptedServer : public QTcpServer
{
public:
    explicit ScriptedServer(QList<QByteArray> answers) : m_answers(std::move(answers))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    received += socket->readAll();
                    if (!m_answers.isEmpty())
                        socket->write(m_answers.takeFirst());
                });
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    ++disconnects;
                    socket->deleteLater();
                });
            }
        });
    }
    QByteArray received;
    int disconnects = 0;

private:
    QList<QByteArray> m_answers;
};

QStringList outputLines(const QByteArray& output)
{
    QStringList lines;
    for (const QByteArray& line : output.split('\n')) {
        if (!line.isEmpty())
            lines << QString::fromUtf8(line);
    }
    return lines;
}

// The lines that carry a reply, without the prefix (the reference client also
// prints a prompt before each, so the prefix may be mid-line).
QStringList printedReplies(const QByteArray& output)
{
    const QString prefix = QString::fromUtf8(kBurstClientReplyPrefix);
    QStringList replies;
    for (const QString& line : outputLines(output)) {
        const qsizetype at = line.indexOf(prefix);
        if (at >= 0)
            replies << line.mid(at + prefix.size());
    }
    return replies;
}

} // namespace

void tst_BurstPeers::clientSendsTypedBytesAndPrintsOneReadPerLine()
{
    QFETCH(BurstPeerKind, kind);
    if (const QString why = whyNotRunnable(kind, "client.py"); !why.isEmpty())
        QSKIP(qPrintable(why));
    ScriptedServer server({"first answer", "둘째 답"});
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QProcess client;
    startBurstClient(client, server.serverPort(), kind);
    QVERIFY2(client.waitForStarted(kTimeoutMs), qPrintable(client.errorString()));
    client.write("hello\n드론 상태\nEXIT\nnever sent\n");
    client.closeWriteChannel();
    QSignalSpy finished(&client, &QProcess::finished);
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(client.exitStatus(), QProcess::NormalExit);
    QCOMPARE(client.exitCode(), 0);
    const QByteArray output = client.readAllStandardOutput();
    // The typed bytes, with no newline, and nothing after "exit" (any case).
    QCOMPARE(server.received, QByteArray("hello드론 상태"));
    QCOMPARE(printedReplies(output),
             (QStringList{QStringLiteral("first answer"), QStringLiteral("둘째 답")}));
    QVERIFY(outputLines(output).last().endsWith(QString::fromUtf8(kBurstClientFarewell)));
    QTRY_COMPARE_WITH_TIMEOUT(server.disconnects, 1, kTimeoutMs);
}

void tst_BurstPeers::clientPrintsAtMost1024BytesPerRead()
{
    QFETCH(BurstPeerKind, kind);
    if (const QString why = whyNotRunnable(kind, "client.py"); !why.isEmpty())
        QSKIP(qPrintable(why));
    ScriptedServer server({QByteArray(3000, 'x'), "second"});
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QProcess client;
    startBurstClient(client, server.serverPort(), kind);
    QVERIFY2(client.waitForStarted(kTimeoutMs), qPrintable(client.errorString()));
    client.write("big\nnext\n");
    client.closeWriteChannel();
    QSignalSpy finished(&client, &QProcess::finished);
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(client.exitCode(), 0);
    const QStringList replies = printedReplies(client.readAllStandardOutput());
    // Two messages, two reads: the first is at most 1024 of the 3000 x's; the
    // second read starts with what the first left behind.
    QCOMPARE(replies.size(), 2);
    QVERIFY(!replies.at(0).isEmpty() && replies.at(0).size() <= 1024);
    QCOMPARE(replies.at(0), QString(replies.at(0).size(), QLatin1Char('x')));
    QVERIFY(replies.at(1).startsWith(QLatin1Char('x')));
    QCOMPARE(server.received, QByteArray("bignext"));
}

void tst_BurstPeers::clientQuitsAtEndOfInput()
{
    QFETCH(BurstPeerKind, kind);
    if (const QString why = whyNotRunnable(kind, "client.py"); !why.isEmpty())
        QSKIP(qPrintable(why));
    ScriptedServer server({"only"});
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QProcess client;
    startBurstClient(client, server.serverPort(), kind);
    QVERIFY2(client.waitForStarted(kTimeoutMs), qPrintable(client.errorString()));
    client.write("one\n");
    client.closeWriteChannel();
    QSignalSpy finished(&client, &QProcess::finished);
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(client.exitCode(), 0);
    const QByteArray output = client.readAllStandardOutput();
    QCOMPARE(printedReplies(output), QStringList{QStringLiteral("only")});
    QVERIFY(!output.contains(kBurstClientFarewell)); // no "exit" was typed
    QCOMPARE(server.received, QByteArray("one"));
    QTRY_COMPARE_WITH_TIMEOUT(server.disconnects, 1, kTimeoutMs);
}

QTEST_GUILESS_MAIN(tst_BurstPeers)
#include "tst_burstpeers.moc"
