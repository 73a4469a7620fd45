// PeerText: what the server says to a peer stays English in every language
// (wire data does not change with the interface), while the log says the same
// in the user's language. Run with the Korean translation installed: before
// PeerText, a Korean server sent its idle-timeout line, its bye reasons and
// its refusals in Korean.

#include "EngineHarness.h"
#include "base/PeerText.h"
#include "base/UiLanguage.h"
#include "wire/ChorusProtocol.h"

#include <QtTest>

using namespace chorus;
using namespace chorus::testing;

class TestPeerText : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void wireIsTheSourceShownIsTranslated();
    void verbatimIsTheSameOnBothSides();
    void idleTimeoutLineIsEnglish();
    void byeReasonsAreEnglish_data();
    void byeReasonsAreEnglish();
    void protocolErrorsAreEnglish_data();
    void protocolErrorsAreEnglish();

private:
    UiTranslators m_translators;
};

namespace {

// The Disconnected line of a connection, as the log shows it.
QString disconnectText(const EngineHarness& harness, quint64 id)
{
    for (const LogEntry& entry : harness.log) {
        if (entry.kind == LogKind::Disconnected && entry.connectionId == id)
            return entry.text;
    }
    return {};
}

// Starts the server and connects `peer` as a Chorus client, welcomed.
bool connectAsChorus(EngineHarness& harness, TestClient& peer)
{
    const quint16 port = harness.start();
    if (port == 0 || !peer.connectTo(port))
        return false;
    peer.socket.write(R"({"type":"hello","proto":1,"name":"v1"})"
                      "\n");
    return QTest::qWaitFor([&] { return peer.lines().size() == 1; }, 5000);
}

} // namespace

void TestPeerText::initTestCase()
{
    QVERIFY(m_translators.install(UiLanguage::Korean));
    // The translation is there: a known text reads Korean.
    QVERIFY(QCoreApplication::translate("chorus::Connection", "nothing received for %1 s") !=
            QLatin1String("nothing received for %1 s"));
}

void TestPeerText::wireIsTheSourceShownIsTranslated()
{
    const PeerText text =
        PeerText::in("chorus::Connection",
                     QT_TRANSLATE_NOOP("chorus::Connection", "nothing received for %1 s"))
            .arg(2.5);
    QCOMPARE(text.wire, QStringLiteral("nothing received for 2.5 s"));
    QCOMPARE(
        text.shown,
        QCoreApplication::translate("chorus::Connection", "nothing received for %1 s").arg(2.5));
    QVERIFY(text.shown != text.wire);
    QVERIFY(text.shown.contains(QLatin1String("2.5")));
}

void TestPeerText::verbatimIsTheSameOnBothSides()
{
    const PeerText text = PeerText::verbatim(QStringLiteral("정비 중"));
    QCOMPARE(text.wire, QStringLiteral("정비 중"));
    QCOMPARE(text.shown, text.wire);
    QVERIFY(!text.isEmpty());
    QVERIFY(PeerText{}.isEmpty());
}

void TestPeerText::idleTimeoutLineIsEnglish()
{
    ServerConfig config = loopbackConfig();
    config.limits.idleTimeout = std::chrono::milliseconds(300);
    EngineHarness harness(config);
    const quint16 port = harness.start();
    QVERIFY(port);
    TestClient peer;
    QVERIFY(peer.connectTo(port));
    peer.socket.write("hi\n");
    QTRY_COMPARE(peer.lines().size(), 1);
    const quint64 id = harness.waitForId(peer.socket);
    QTRY_COMPARE(peer.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(peer.lines().size(), 2);
    QCOMPARE(peer.lines().at(1), QByteArray("error: nothing received for 0.3 s"));
    QTRY_VERIFY(!disconnectText(harness, id).isEmpty());
    // The log says it in Korean.
    QVERIFY(
        disconnectText(harness, id)
            .contains(QCoreApplication::translate("chorus::Connection", "nothing received for %1 s")
                          .arg(0.3)));
}

void TestPeerText::byeReasonsAreEnglish_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("reason");
    QTest::newRow("disconnected by the server") << "disconnect"
                                                << "disconnected by the server";
    QTest::newRow("server stopping") << "stop"
                                     << "server stopping";
}

void TestPeerText::byeReasonsAreEnglish()
{
    QFETCH(QString, how);
    QFETCH(QString, reason);
    EngineHarness harness;
    TestClient peer;
    QVERIFY(connectAsChorus(harness, peer));
    const quint64 id = harness.waitForId(peer.socket);
    if (how == QLatin1String("stop"))
        harness.engine.stop();
    else
        harness.engine.disconnectClients({id}, PeerText{});
    QTRY_COMPARE(peer.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(peer.lines().size(), 2);
    const ChorusDecodeResult bye = decodeChorusLine(peer.lines().at(1));
    QVERIFY(bye.ok());
    QCOMPARE(bye.message.type, ChorusMessageType::Bye);
    QCOMPARE(bye.message.reason, reason);
}

// PROTOCOL.md's "Mistakes" examples, sent to a server showing Korean: the
// error messages are the documented English bytes. Before, the decoder's
// texts went through tr(), and the bad-json one carried Qt's own
// translation of QJsonParseError ("잘못된 값" from qtbase_ko).
void TestPeerText::protocolErrorsAreEnglish_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("bad-json") << QByteArray("hello")
                              << QByteArray(
                                     R"({"type":"error","code":"bad-json",)"
                                     R"("message":"invalid JSON at byte 1: illegal value"})");
    QTest::newRow("missing-field")
        << QByteArray(R"({"type":"msg","seq":2})")
        << QByteArray(R"j({"type":"error","code":"missing-field",)j"
                      R"j("message":"msg: missing field \"text\" (a string)","re":2})j");
    QTest::newRow("wrong-type")
        << QByteArray(R"({"type":"msg","seq":"3","text":"x"})")
        << QByteArray(R"({"type":"error","code":"wrong-type","message":"msg: field \"seq\" )"
                      R"(must be a non-negative integer, got a string"})");
    QTest::newRow("not-object") << QByteArray(R"(["msg"])")
                                << QByteArray(
                                       R"({"type":"error","code":"not-object",)"
                                       R"("message":"expected a JSON object, got an array"})");
    QTest::newRow("unknown-type") << QByteArray(R"({"type":"shout","text":"hi"})")
                                  << QByteArray(R"({"type":"error","code":"unknown-type",)"
                                                R"("message":"unknown message type \"shout\""})");
    QTest::newRow("unexpected-type")
        << QByteArray(R"({"type":"pong","t":1})")
        << QByteArray(R"({"type":"error","code":"unexpected-type",)"
                      R"("message":"a client does not send \"pong\" messages here"})");
}

void TestPeerText::protocolErrorsAreEnglish()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, expected);
    EngineHarness harness;
    TestClient peer;
    QVERIFY(connectAsChorus(harness, peer));
    peer.socket.write(line + '\n');
    QTRY_COMPARE(peer.lines().size(), 2);
    QCOMPARE(peer.lines().at(1), expected);
    QCOMPARE(peer.socket.state(), QAbstractSocket::ConnectedState);
    // The log gives the same error in the window's language.
    // The log gives the same error in the window's language: Qt's Korean for
    // the JSON parser's words when qt6-translations-l10n is installed.
    const QString shownDetail =
        QTest::currentDataTag() == QByteArrayView("bad-json")
            ? QCoreApplication::translate("QJsonParseError", "illegal value")
            : QString();
    QTRY_VERIFY(std::any_of(harness.log.cbegin(), harness.log.cend(), [&](const LogEntry& e) {
        return e.errorAs<ConnectionError>() == ConnectionError::ProtocolError &&
               e.text.contains(shownDetail);
    }));
}

QTEST_GUILESS_MAIN(TestPeerText)
#include "tst_peertext.moc"
