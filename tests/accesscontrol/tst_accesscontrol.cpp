// Access control end to end on loopback (127.0.0.1 and ::1 only): peers the
// allowlist or denylist refuses are closed at accept and never reach a
// handler (no Connection: no row, no reply, not counted as accepted), the
// log names the rule, and the shared token in the hello is accepted or
// refused (the client's ClientEngine against the ServerEngine).

#include "EngineHarness.h"
#include "client/ClientEngine.h"

#include <QtTest>

#include <algorithm>

using namespace chorus;
using namespace chorus::testing;

namespace {

ServerConfig configWith(const QStringList& allow, const QStringList& deny,
                        const QString& token = {}, bool plainNeedsAllowlist = true)
{
    ServerConfig config = loopbackConfig();
    config.access = AccessPolicy::fromTexts(allow, deny);
    config.access.token = token;
    config.access.plainPeersNeedAllowlist = plainNeedsAllowlist;
    return config;
}

struct ClientRun
{
    QList<ClientEvent> events;
    bool welcomed() const
    {
        for (const ClientEvent& event : events) {
            if (event.kind == ClientEvent::Kind::Notice &&
                event.notice == ClientNotice::ChorusWelcome)
                return true;
        }
        return false;
    }
    bool failedWith(ClientError error) const
    {
        for (const ClientEvent& event : events) {
            if (event.kind == ClientEvent::Kind::Error && event.error == error)
                return true;
        }
        return false;
    }
};

} // namespace

class TestAccessControl : public QObject
{
    Q_OBJECT
private slots:
    void refusedAtAccept_data();
    void refusedAtAccept();
    void token_data();
    void token();
    void tokenIsNeverLoggedInClear_data();
    void tokenIsNeverLoggedInClear();
    void plainPeerNeedsAllowlistWithToken_data();
    void plainPeerNeedsAllowlistWithToken();
};

void TestAccessControl::refusedAtAccept_data()
{
    QTest::addColumn<QStringList>("allow");
    QTest::addColumn<QStringList>("deny");
    QTest::addColumn<QString>("from");
    QTest::addColumn<bool>("admitted");
    QTest::addColumn<QString>("rule"); // the rule the log names when refused by the denylist

    const QStringList none;
    QTest::newRow("open v4") << none << none << "127.0.0.1" << true << "";
    QTest::newRow("deny v4 range")
        << none << QStringList{"127.0.0.0/8"} << "127.0.0.1" << false << "127.0.0.0/8";
    QTest::newRow("deny v6") << none << QStringList{"::1"} << "::1" << false << "::1";
    QTest::newRow("deny v6, v4 peer") << none << QStringList{"::1"} << "127.0.0.1" << true << "";
    QTest::newRow("allow v6 only, v4 peer")
        << QStringList{"::1/128"} << none << "127.0.0.1" << false << "";
    QTest::newRow("allow v6 only, v6 peer")
        << QStringList{"::1/128"} << none << "::1" << true << "";
    QTest::newRow("allow mapped range, v4 peer")
        << QStringList{"::ffff:127.0.0.0/104"} << none << "127.0.0.1" << true << "";
    QTest::newRow("deny wins") << QStringList{"127.0.0.0/8"} << QStringList{"127.0.0.1"}
                               << "127.0.0.1" << false << "127.0.0.1";
}

void TestAccessControl::refusedAtAccept()
{
    QFETCH(QStringList, allow);
    QFETCH(QStringList, deny);
    QFETCH(QString, from);
    QFETCH(bool, admitted);
    QFETCH(QString, rule);

    EngineHarness harness(configWith(allow, deny));
    const quint16 port = harness.start();
    QVERIFY(port != 0);

    TestClient client;
    QVERIFY(client.connectTo(port, QHostAddress(from)));
    client.socket.write("hello\n");
    if (admitted) {
        QTRY_VERIFY(!client.lines().isEmpty()); // the reply book answered
        QTRY_COMPARE(harness.counters.totalAccepted, quint64(1));
        QCOMPARE(harness.counters.rejectedAccess, quint64(0));
        return;
    }
    // Closed without a byte, and no handler ever existed for it.
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::UnconnectedState);
    QTRY_COMPARE(harness.counters.rejectedAccess, quint64(1));
    QCOMPARE(client.received, QByteArray());
    QCOMPARE(harness.counters.totalAccepted, quint64(0));
    QVERIFY(harness.rows.isEmpty());
    QCOMPARE(harness.errorsLogged(ConnectionError::AccessDenied), 1);
    if (!rule.isEmpty())
        QVERIFY(harness.logContains(QStringLiteral("(rule %1)").arg(rule)));
    // A second peer is refused the same way: the count goes on.
    TestClient again;
    QVERIFY(again.connectTo(port, QHostAddress(from)));
    QTRY_COMPARE(harness.counters.rejectedAccess, quint64(2));
    QVERIFY(harness.rows.isEmpty());
}

void TestAccessControl::token_data()
{
    QTest::addColumn<QString>("serverToken");
    QTest::addColumn<QString>("clientToken");
    QTest::addColumn<ClientProtocol>("protocol");
    QTest::addColumn<bool>("welcomed");

    QTest::newRow("no token anywhere") << ""
                                       << "" << ClientProtocol::Chorus << true;
    QTest::newRow("right token") << "s3cret"
                                 << "s3cret" << ClientProtocol::Chorus << true;
    QTest::newRow("right token, auto") << "s3cret"
                                       << "s3cret" << ClientProtocol::Auto << true;
    QTest::newRow("wrong token") << "s3cret"
                                 << "s3cres" << ClientProtocol::Chorus << false;
    QTest::newRow("wrong token, auto") << "s3cret"
                                       << "nope" << ClientProtocol::Auto << false;
    QTest::newRow("no token given") << "s3cret"
                                    << "" << ClientProtocol::Chorus << false;
    QTest::newRow("token not needed") << ""
                                      << "extra" << ClientProtocol::Chorus << true;
}

void TestAccessControl::token()
{
    QFETCH(QString, serverToken);
    QFETCH(QString, clientToken);
    QFETCH(ClientProtocol, protocol);
    QFETCH(bool, welcomed);

    EngineHarness harness(configWith({}, {}, serverToken));
    const quint16 port = harness.start();
    QVERIFY(port != 0);

    ClientEngine client;
    ClientConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    config.protocol = protocol;
    config.accessToken = clientToken;
    config.autoReconnect = true; // a refused token must still not be retried
    client.setConfig(config);
    ClientRun run;
    connect(&client, &ClientEngine::eventOccurred, this,
            [&run](const ClientEvent& event) { run.events.append(event); });
    client.connectToServer();
    if (welcomed) {
        QTRY_VERIFY(run.welcomed());
        QVERIFY(client.isChorusMode());
        QCOMPARE(harness.errorsLogged(ConnectionError::AccessDenied), 0);
        return;
    }
    QTRY_VERIFY(run.failedWith(ClientError::AccessDenied));
    QTRY_COMPARE(client.state(), ClientState::Disconnected);
    QVERIFY(!run.welcomed());
    QTRY_VERIFY(harness.errorsLogged(ConnectionError::AccessDenied) >= 1);
    // The server's bye after the refusal is not shown as a message.
    for (const ClientEvent& event : std::as_const(run.events))
        QVERIFY(event.kind != ClientEvent::Kind::Received);
}

void TestAccessControl::tokenIsNeverLoggedInClear_data()
{
    QTest::addColumn<QByteArray>("hello");
    QTest::addColumn<QByteArray>("answer"); // what the server's answer holds

    const QByteArray welcome("\"welcome\"");
    const QByteArray denied("\"access-denied\"");
    QTest::newRow("right") << QByteArray(R"({"type":"hello","proto":1,"token":"Tok3nValue"})")
                           << welcome;
    QTest::newRow("wrong, spaced")
        << QByteArray(R"({"type":"hello","proto":1,"token" : "Tok3nValuX"})") << denied;
    // JSON escapes in the key or the value name the same field.
    QTest::newRow("escaped key") << QByteArray(
                                        R"({"type":"hello","proto":1,"t\u006fken":"Tok3nValue"})")
                                 << welcome;
    QTest::newRow("escaped value")
        << QByteArray(R"({"type":"hello","proto":1,"token":"\u0054ok3nValue"})") << welcome;
    QTest::newRow("escaped key, wrong")
        << QByteArray(R"({"type":"hello","proto":1,"\u0074oken":"Tok3nValuX"})") << denied;
    QTest::newRow("twice, escaped last")
        << QByteArray(R"({"type":"hello","proto":1,"token":"x","t\u006fken":"Tok3nValue"})")
        << welcome;
    // Not a hello at all, so a plain message, refused (plain peers need the allowlist).
    QTest::newRow("malformed") << QByteArray(R"({"type":"hello","proto":1,"token":"Tok3nValue)")
                               << QByteArray("error: ");
}

void TestAccessControl::tokenIsNeverLoggedInClear()
{
    QFETCH(QByteArray, hello);
    QFETCH(QByteArray, answer);

    const QString secret = QStringLiteral("Tok3nValue");
    EngineHarness harness(configWith({}, {}, secret));
    const quint16 port = harness.start();
    QVERIFY(port != 0);
    TestClient client;
    QVERIFY(client.connectTo(port));
    client.socket.write(hello + "\n");
    QTRY_VERIFY(client.received.contains(answer));
    // The hello's log line (or the refusal's) has arrived.
    QTRY_VERIFY(harness.errorsLogged(ConnectionError::AccessDenied) >= 1 ||
                std::any_of(harness.log.cbegin(), harness.log.cend(), [](const LogEntry& entry) {
                    return entry.kind == LogKind::Control && entry.payload.contains("hello");
                }));
    for (const LogEntry& entry : std::as_const(harness.log)) {
        QVERIFY2(!entry.text.contains(QLatin1String("Tok3nValu")), qPrintable(entry.text));
        QVERIFY2(!entry.text.contains(QLatin1String("ok3nValu")), qPrintable(entry.text));
        QVERIFY2(!entry.payload.contains("ok3nValu"), entry.payload.constData());
    }
}

void TestAccessControl::plainPeerNeedsAllowlistWithToken_data()
{
    QTest::addColumn<QStringList>("allow");
    QTest::addColumn<bool>("needAllowlist");
    QTest::addColumn<bool>("answered");

    QTest::newRow("empty allowlist, option on") << QStringList() << true << false;
    QTest::newRow("empty allowlist, option off") << QStringList() << false << true;
    QTest::newRow("on the allowlist") << QStringList{"127.0.0.1"} << true << true;
}

void TestAccessControl::plainPeerNeedsAllowlistWithToken()
{
    QFETCH(QStringList, allow);
    QFETCH(bool, needAllowlist);
    QFETCH(bool, answered);

    EngineHarness harness(configWith(allow, {}, QStringLiteral("s3cret"), needAllowlist));
    const quint16 port = harness.start();
    QVERIFY(port != 0);
    ReplyEntry pong;
    pong.text = QStringLiteral("pong");
    harness.book->setEntries({pong});

    TestClient plain;
    QVERIFY(plain.connectTo(port));
    plain.socket.write("ping\n");
    if (answered) {
        QTRY_COMPARE(plain.lines(), QList<QByteArray>{"pong"});
        return;
    }
    QTRY_COMPARE(plain.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(plain.lines().size(), 1);
    QVERIFY(plain.lines().constFirst().startsWith("error: "));
    QVERIFY(!plain.received.contains("pong"));
    QTRY_VERIFY(harness.errorsLogged(ConnectionError::AccessDenied) >= 1);
    QTRY_COMPARE(harness.counters.messagesIn, quint64(0)); // never reached the reply book
}

QTEST_MAIN(TestAccessControl)
#include "tst_accesscontrol.moc"
