// Two I/O threads under 2000 concurrent peers while the main thread keeps
// editing the reply book: every message answered exactly once, from a book
// state that existed.

#include "EngineHarness.h"

#include <QThread>
#include <QTimer>
#include <QtTest>

#include <atomic>
#include <memory>
#include <vector>

using namespace chorus;
using namespace chorus::testing;

class tst_ServerThreads : public QObject
{
    Q_OBJECT
private slots:
    void twoThousandPeersWhileBookIsEdited();
    void destroyingRunningEngineIsClean();
};

void tst_ServerThreads::twoThousandPeersWhileBookIsEdited()
{
    constexpr int kClients = 2000;
    constexpr int kMessages = 2;
    // Each peer costs two descriptors in this process (client and server side).
    const quint64 fileLimit = ServerEngine::raiseOpenFileLimit();
    if (fileLimit < quint64(kClients) * 2 + 200)
        QSKIP("open file limit too low for 2000 loopback peers");

    ServerConfig config = loopbackConfig();
    config.ioThreads = 2;
    config.logMessages = false;
    EngineHarness harness(config);
    const quint16 port = harness.start();
    QVERIFY(port);

    const QString edited = QStringLiteral("edited reply");
    QStringList allowed = factoryTexts();
    allowed << edited;
    // The main thread drives 2000 peers; the edits come from their own thread
    // (a timer there, every millisecond) so they really interleave with the
    // I/O threads' picks.
    std::atomic<int> edits{0};
    QThread editor;
    QTimer editTimer;
    editTimer.setInterval(std::chrono::milliseconds(1));
    editTimer.moveToThread(&editor);
    QObject::connect(&editTimer, &QTimer::timeout, &editTimer, [&] {
        // Alternate between the factory list and a one-entry list.
        if (edits.fetch_add(1) % 2)
            harness.book->setEntries({ReplyEntry{edited}});
        else
            harness.book->resetToFactory();
    });
    QObject::connect(&editor, &QThread::started, &editTimer, qOverload<>(&QTimer::start));
    editor.start();

    std::vector<std::unique_ptr<TestClient>> clients;
    clients.reserve(kClients);
    for (int i = 0; i < kClients; ++i) {
        auto client = std::make_unique<TestClient>();
        QTcpSocket* socket = &client->socket;
        QObject::connect(socket, &QTcpSocket::connected, socket,
                         [socket] { socket->write("status?\nposition?\n"); });
        socket->connectToHost(QHostAddress::LocalHost, port);
        clients.push_back(std::move(client));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(clients.begin(), clients.end(),
                    [](const auto& client) { return client->lines().size() >= kMessages; }),
        60000);
    QMetaObject::invokeMethod(&editTimer, &QTimer::stop, Qt::BlockingQueuedConnection);
    editor.quit();
    editor.wait();
    QVERIFY(edits.load() > 2);

    int editedReplies = 0;
    for (const auto& client : clients) {
        const QList<QByteArray> lines = client->lines();
        QCOMPARE(lines.size(), kMessages);
        for (const QByteArray& line : lines) {
            const QString reply = QString::fromUtf8(line);
            QVERIFY2(allowed.contains(reply), line.constData());
            editedReplies += reply == edited;
        }
        QCOMPARE(client->socket.state(), QAbstractSocket::ConnectedState);
    }
    qInfo("%d of %d replies came from the edited book", editedReplies, kClients * kMessages);
    // Both book states answered: the edits were live, not before or after the traffic.
    QVERIFY(editedReplies > 0);
    QVERIFY(editedReplies < kClients * kMessages);
    const quint64 total = quint64(kClients) * kMessages;
    QTRY_COMPARE(harness.counters.messagesIn, total);
    QTRY_COMPARE(harness.counters.messagesOut, total);
    QCOMPARE(harness.counters.active, quint64(kClients));
    QCOMPARE(harness.counters.totalAccepted, quint64(kClients));
    QTRY_COMPARE(harness.rows.size(), qsizetype(kClients));
    // Ids are unique across both threads: 1..kClients.
    quint64 maxId = 0;
    for (const ConnectionSnapshot& row : std::as_const(harness.rows))
        maxId = std::max(maxId, row.id);
    QCOMPARE(maxId, quint64(kClients));

    QVERIFY(harness.stop());
    for (const auto& client : clients)
        QTRY_COMPARE(client->socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(harness.counters.active, quint64(0));
}

void tst_ServerThreads::destroyingRunningEngineIsClean()
{
    // The window may close with peers connected: the destructor joins the
    // threads and frees every socket in its own thread.
    auto client = std::make_unique<TestClient>();
    {
        ServerConfig config = loopbackConfig();
        config.ioThreads = 3;
        EngineHarness harness(config);
        const quint16 port = harness.start();
        QVERIFY(client->connectTo(port));
        client->socket.write("hi\n");
        QTRY_COMPARE(client->lines().size(), 1);
    }
    QTRY_COMPARE(client->socket.state(), QAbstractSocket::UnconnectedState);
}

QTEST_GUILESS_MAIN(tst_ServerThreads)
#include "tst_serverthreads.moc"
