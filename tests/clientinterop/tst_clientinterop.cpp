// ClientEngine against a burst server (ReferencePeers.h: the reference
// server_multi.py when ../shared/seed is there, else chorus-burst-peer): it
// treats each read as a message and answers one of 7 Korean lines with no
// terminator, so the client must frame replies by idle gap.

#include "answer/ReplyBook.h"
#include "client/ClientEngine.h"
#include "server/ServerEngine.h"

#include "ReferencePeers.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace chorus;
using namespace chorus::testing;
using namespace std::chrono_literals;

class TestClientInterop : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void threeMessagesThreeReplies();
    void chorusServerNegotiatesAndSurvivesRestart();

private:
    std::unique_ptr<BurstServerProcess> m_server;
    quint16 m_port = 0;
};

void TestClientInterop::initTestCase()
{
    m_server = std::make_unique<BurstServerProcess>();
    m_port = m_server->start();
    QVERIFY2(m_port != 0, qPrintable(m_server->failure()));
}

void TestClientInterop::cleanupTestCase()
{
    m_server.reset();
}

void TestClientInterop::threeMessagesThreeReplies()
{
    const QStringList replies = {
        QStringLiteral("안녕하세요!"),
        QStringLiteral("요청을 잘 받았습니다."),
        QStringLiteral("오늘도 좋은 하루 되세요."),
        QStringLiteral("서버에서 보낸 랜덤 메시지입니다."),
        QStringLiteral("데이터 수신 완료!"),
        QStringLiteral("드론 통신 테스트 중입니다."),
        QStringLiteral("응답 메시지 전송합니다."),
    };
    ClientEngine engine;
    ClientConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = m_port;
    config.autoReconnect = false;
    config.framing = Framing::Auto;
    config.terminator = Terminator::None; // as the reference client sends
    engine.setConfig(config);
    QList<ClientEvent> received;
    connect(&engine, &ClientEngine::eventOccurred, this, [&](const ClientEvent& event) {
        if (event.kind == ClientEvent::Kind::Received)
            received.append(event);
    });
    QList<ClientNotice> notices;
    connect(&engine, &ClientEngine::eventOccurred, this, [&](const ClientEvent& event) {
        if (event.kind == ClientEvent::Kind::Notice)
            notices.append(event.notice);
    });
    engine.connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(engine.state(), ClientState::Connected, 5000);
    // Not known as a chorus-server: no hello, plain text from the first byte.
    QVERIFY(!engine.isNegotiating());
    QVERIFY(!engine.isChorusMode());
    QCOMPARE(notices.count(ClientNotice::PlainText), 1);
    QCOMPARE(received.size(), 0);

    const QStringList messages = {QStringLiteral("hello"), QStringLiteral("드론 상태?"),
                                  QStringLiteral("third one")};
    for (int i = 0; i < messages.size(); ++i) {
        // One at a time: the server reads whatever one recv() returns as one message.
        const SendResult result = engine.send(messages.at(i).toUtf8());
        QCOMPARE(result.status, SendStatus::Sent);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), i + 1, 5000);
        const ClientEvent& reply = received.at(i);
        QVERIFY2(replies.contains(QString::fromUtf8(reply.payload)), reply.payload.constData());
        QVERIFY(reply.rttMs.has_value());
        QVERIFY(*reply.rttMs > 0.0);
        QCOMPARE(reply.replyTo, result.messageIds.first());
    }
    QCOMPARE(engine.stats().messagesSent, 3u);
    QCOMPARE(engine.stats().messagesReceived, 3u);
    engine.disconnectFromServer();
    QCOMPARE(engine.state(), ClientState::Disconnected);
}

void TestClientInterop::chorusServerNegotiatesAndSurvivesRestart()
{
    // Our own server engine on loopback: the client is welcomed into Chorus
    // mode, replies carry RTTs, a broadcast arrives as its own kind, and a
    // Stop/Start of the server is ridden out by auto-reconnect.
    ServerEngine server(std::make_shared<ReplyBook>());
    ServerConfig serverConfig;
    serverConfig.address = QHostAddress::LocalHost;
    serverConfig.port = 0;
    server.setConfig(serverConfig);
    QSignalSpy listening(&server, &ServerEngine::listening);
    server.start();
    QVERIFY(listening.wait(5000));
    const quint16 port = server.listenPort();
    QVERIFY(port != 0);

    ClientEngine engine;
    ClientConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    config.autoReconnect = true;
    config.reconnectInitial = std::chrono::milliseconds(50);
    config.reconnectMax = std::chrono::milliseconds(200);
    config.name = QStringLiteral("interop");
    config.protocol = ClientProtocol::Chorus;
    engine.setConfig(config);
    QList<ClientEvent> received;
    QList<ClientEvent> broadcasts;
    connect(&engine, &ClientEngine::eventOccurred, this, [&](const ClientEvent& event) {
        if (event.kind == ClientEvent::Kind::Received)
            received.append(event);
        else if (event.kind == ClientEvent::Kind::Broadcast)
            broadcasts.append(event);
    });
    engine.connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(engine.isChorusMode(), 5000);
    QVERIFY(engine.clientId() != 0);
    for (int i = 0; i < 3; ++i) {
        const SendResult result = engine.send(QStringLiteral("메시지 %1").arg(i).toUtf8());
        QCOMPARE(result.status, SendStatus::Sent);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), i + 1, 5000);
        QCOMPARE(received.at(i).replyTo, result.messageIds.first());
        QVERIFY(received.at(i).rttMs.has_value());
    }
    server.broadcast({}, QStringLiteral("모두 안녕"));
    QTRY_COMPARE_WITH_TIMEOUT(broadcasts.size(), 1, 5000);
    QCOMPARE(broadcasts.first().payload, QStringLiteral("모두 안녕").toUtf8());

    // Stop sends a bye with "retry": the client keeps what is typed and comes
    // back by itself once the server listens again (PROTOCOL.md 2.3).
    QSignalSpy stopped(&server, &ServerEngine::stopped);
    server.stop();
    QVERIFY(stopped.wait(5000));
    QTRY_VERIFY_WITH_TIMEOUT(engine.state() == ClientState::Reconnecting, 5000);
    QCOMPARE(engine.send("while down").status, SendStatus::Queued);
    serverConfig.port = port; // same port, as a user's Stop/Start does
    server.setConfig(serverConfig);
    listening.clear();
    server.start();
    QVERIFY(listening.wait(5000));
    QTRY_VERIFY_WITH_TIMEOUT(engine.isChorusMode(), 10000);
    // The queued message went out after the new welcome and was answered.
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 4, 5000);
    QVERIFY(received.last().rttMs.has_value());
    engine.disconnectFromServer();
}

QTEST_GUILESS_MAIN(TestClientInterop)
#include "tst_clientinterop.moc"
