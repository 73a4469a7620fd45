#include "wire/ChorusProtocol.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace chorus;

Q_DECLARE_METATYPE(chorus::ChorusMessage)
Q_DECLARE_METATYPE(chorus::ChorusErrorCode)

namespace {

// A wire line must be exactly one line: no LF or CR anywhere but the final LF.
bool isOneLine(const QByteArray& encoded)
{
    return encoded.endsWith('\n') && encoded.count('\n') == 1 && !encoded.contains('\r');
}

QString allControlCharacters()
{
    QString s;
    for (char16_t c = 0; c < 0x20; ++c)
        s.append(QChar(c));
    s.append(QChar(0x7f));
    return s;
}

const QString kKorean = QStringLiteral("안녕하세요! 드론 통신 테스트 중입니다.");
const QString kNasty =
    QStringLiteral("say \"hi\" \\ back\\slash\nnew line\r\n\ttab \u2028 \u2029 🚁");

} // namespace

class TestChorusProtocol : public QObject
{
    Q_OBJECT
private slots:
    void typeNames();
    void errorCodeNames();
    void directions();
    void factories();
    void roundTrip_data();
    void roundTrip();
    void exactWireFormat_data();
    void exactWireFormat();
    void strangeStringsStayOnOneLine_data();
    void strangeStringsStayOnOneLine();
    void escapesFromOtherEncoders();
    void loneSurrogatesBecomeReplacementCharacters();
    void byteOrderMarkIsKept_data();
    void byteOrderMarkIsKept();
    void badInput_data();
    void badInput();
    void errorReplyCarriesSeq();
    void blankLinesAreNotErrors_data();
    void blankLinesAreNotErrors();
    void terminatorsAndWhitespaceAccepted();
    void unknownFieldsIgnored();
    void optionalFields();
    void nameLimits();
    void integerLimits();
    void looksLikeHello_data();
    void looksLikeHello();
    void garbageNeverCrashes();
    void throughput();
    void documentationExamplesAreTrue();
};

void TestChorusProtocol::typeNames()
{
    const QStringList expected{
        QStringLiteral("hello"), QStringLiteral("welcome"),   QStringLiteral("msg"),
        QStringLiteral("reply"), QStringLiteral("ping"),      QStringLiteral("pong"),
        QStringLiteral("name"),  QStringLiteral("broadcast"), QStringLiteral("direct"),
        QStringLiteral("error"), QStringLiteral("bye")};
    for (int i = 0; i < expected.size(); ++i) {
        const auto type = ChorusMessageType(i);
        QCOMPARE(chorusMessageTypeName(type), expected.at(i));
        QCOMPARE(chorusMessageTypeFromName(expected.at(i)), std::optional(type));
    }
    QVERIFY(!chorusMessageTypeFromName(u"Hello")); // case matters on the wire
    QVERIFY(!chorusMessageTypeFromName(u""));
    QVERIFY(!chorusMessageTypeFromName(u"helloo"));
}

void TestChorusProtocol::errorCodeNames()
{
    const QList<std::pair<ChorusErrorCode, QString>> codes{
        {ChorusErrorCode::BadJson, QStringLiteral("bad-json")},
        {ChorusErrorCode::NotObject, QStringLiteral("not-object")},
        {ChorusErrorCode::UnknownType, QStringLiteral("unknown-type")},
        {ChorusErrorCode::MissingField, QStringLiteral("missing-field")},
        {ChorusErrorCode::WrongType, QStringLiteral("wrong-type")},
        {ChorusErrorCode::BadValue, QStringLiteral("bad-value")},
        {ChorusErrorCode::UnsupportedProto, QStringLiteral("unsupported-proto")},
        {ChorusErrorCode::TooLong, QStringLiteral("too-long")},
        {ChorusErrorCode::UnexpectedType, QStringLiteral("unexpected-type")},
        {ChorusErrorCode::Internal, QStringLiteral("internal")},
        {ChorusErrorCode::AccessDenied, QStringLiteral("access-denied")},
    };
    for (const auto& [code, name] : codes) {
        QCOMPARE(chorusErrorCodeName(code), name);
        QCOMPARE(chorusErrorCodeFromName(name), std::optional(code));
    }
    QCOMPARE(chorusErrorCodeName(ChorusErrorCode::None), QString());
    QVERIFY(!chorusErrorCodeFromName(u""));
    QVERIFY(!chorusErrorCodeFromName(u"no-such-code"));
}

void TestChorusProtocol::directions()
{
    QVERIFY(isClientToServer(ChorusMessageType::Hello));
    QVERIFY(isClientToServer(ChorusMessageType::Msg));
    QVERIFY(isClientToServer(ChorusMessageType::Ping));
    QVERIFY(isClientToServer(ChorusMessageType::Name));
    QVERIFY(!isClientToServer(ChorusMessageType::Welcome));
    QVERIFY(!isClientToServer(ChorusMessageType::Reply));
    QVERIFY(!isClientToServer(ChorusMessageType::Broadcast));
    QVERIFY(isServerToClient(ChorusMessageType::Welcome));
    QVERIFY(isServerToClient(ChorusMessageType::Pong));
    QVERIFY(isServerToClient(ChorusMessageType::Direct));
    QVERIFY(!isServerToClient(ChorusMessageType::Hello));
    QVERIFY(!isServerToClient(ChorusMessageType::Msg));
    // Both sides may report an error or say goodbye.
    QVERIFY(isClientToServer(ChorusMessageType::Error) &&
            isServerToClient(ChorusMessageType::Error));
    QVERIFY(isClientToServer(ChorusMessageType::Bye) && isServerToClient(ChorusMessageType::Bye));
    QCOMPARE(supportedChorusVersions(), QList<int>{kChorusProtocolVersion});
}

void TestChorusProtocol::factories()
{
    const ChorusMessage hello = makeHello(QStringLiteral("bench-1"), QStringLiteral("nc"));
    QCOMPARE(hello.type, ChorusMessageType::Hello);
    QCOMPARE(hello.proto, kChorusProtocolVersion);
    QCOMPARE(hello.name, QStringLiteral("bench-1"));
    QCOMPARE(hello.app, QStringLiteral("nc"));

    const ChorusMessage welcome = makeWelcome(7, QStringLiteral("lab"));
    QCOMPARE(welcome.id, 7u);
    QCOMPARE(welcome.server, QStringLiteral("lab"));

    QCOMPARE(makeMsg(3, QStringLiteral("x")).seq, 3u);
    QCOMPARE(makeReply(3, QStringLiteral("y")).re, 3u);
    QCOMPARE(makePing(-5).t, -5);
    QCOMPARE(makePong(12).type, ChorusMessageType::Pong);
    QCOMPARE(makeName(QStringLiteral("n")).name, QStringLiteral("n"));
    QCOMPARE(makeBroadcast(QStringLiteral("all")).from, 0u);
    QCOMPARE(makeDirect(QStringLiteral("one"), 4).from, 4u);

    const ChorusMessage noRe = makeError(QStringLiteral("bad-json"), QStringLiteral("oops"));
    QVERIFY(!noRe.hasRe);
    const ChorusMessage withRe = makeError(ChorusErrorCode::MissingField, QStringLiteral("m"), 9);
    QVERIFY(withRe.hasRe);
    QCOMPARE(withRe.re, 9u);
    QCOMPARE(withRe.code, QStringLiteral("missing-field"));
    const ChorusMessage withZeroRe = makeError(QStringLiteral("x"), QStringLiteral("m"), 0);
    QVERIFY(withZeroRe.hasRe); // seq 0 is a real seq, not "absent"
    QCOMPARE(makeBye(QStringLiteral("kicked")).reason, QStringLiteral("kicked"));
}

void TestChorusProtocol::roundTrip_data()
{
    QTest::addColumn<ChorusMessage>("message");
    QTest::newRow("hello") << makeHello(QStringLiteral("rig-3"),
                                        QStringLiteral("chorus-client 0.1"));
    QTest::newRow("hello anonymous") << makeHello(QString(), QString());
    QTest::newRow("hello with token")
        << makeHello(QStringLiteral("rig"), QString(), QStringLiteral("s3cr\u00e9t \"x\""));
    QTest::newRow("welcome") << makeWelcome(42, QStringLiteral("chorus-server"));
    QTest::newRow("welcome big id") << makeWelcome(quint64(kChorusMaxSafeInteger), QString());
    QTest::newRow("msg") << makeMsg(1, QStringLiteral("hello"));
    QTest::newRow("msg seq 0 empty text") << makeMsg(0, QString());
    QTest::newRow("reply") << makeReply(1, QStringLiteral("안녕하세요!"));
    QTest::newRow("ping") << makePing(1732515841123);
    QTest::newRow("ping negative") << makePing(-kChorusMaxSafeInteger);
    QTest::newRow("pong") << makePong(kChorusMaxSafeInteger);
    QTest::newRow("name") << makeName(QStringLiteral("드론-7"));
    QTest::newRow("broadcast server") << makeBroadcast(QStringLiteral("maintenance at 5"));
    QTest::newRow("broadcast from") << makeBroadcast(QStringLiteral("hi all"), 12);
    QTest::newRow("direct") << makeDirect(QStringLiteral("only you"), 0);
    QTest::newRow("error") << makeError(ChorusErrorCode::BadJson, QStringLiteral("at byte 3"));
    QTest::newRow("error with re")
        << makeError(ChorusErrorCode::MissingField, QStringLiteral("msg: text"), 77);
    QTest::newRow("error custom code") << makeError(QStringLiteral("x-vendor"), QString(), 0);
    QTest::newRow("bye") << makeBye(QStringLiteral("kicked"));
    QTest::newRow("bye retry") << makeBye(QStringLiteral("server stopping"), true);
    QTest::newRow("bye no reason") << makeBye(QString());
}

void TestChorusProtocol::roundTrip()
{
    QFETCH(ChorusMessage, message);
    const QByteArray encoded = encodeChorusMessage(message);
    QVERIFY2(isOneLine(encoded), encoded.constData());
    QVERIFY2(encoded.startsWith(QByteArray("{\"type\":\"") +
                                chorusMessageTypeName(message.type).toUtf8() + '"'),
             encoded.constData());
    const ChorusDecodeResult decoded = decodeChorusLine(encoded);
    QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage.wire));
    QCOMPARE(decoded.error, ChorusErrorCode::None);
    QVERIFY(decoded.errorMessage.wire.isEmpty());
    QCOMPARE(decoded.message, message);
    // Encoding is deterministic: the decoded copy encodes to the same bytes.
    QCOMPARE(encodeChorusMessage(decoded.message), encoded);
}

void TestChorusProtocol::exactWireFormat_data()
{
    QTest::addColumn<ChorusMessage>("message");
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("hello") << makeHello(QStringLiteral("rig"), QStringLiteral("nc"))
                           << QByteArray(R"({"type":"hello","proto":1,"name":"rig","app":"nc"})"
                                         "\n");
    QTest::newRow("hello bare") << makeHello(QString(), QString())
                                << QByteArray(R"({"type":"hello","proto":1})"
                                              "\n");
    QTest::newRow("hello token") << makeHello(QStringLiteral("rig"), QString(),
                                              QStringLiteral("t0k"))
                                 << QByteArray(
                                        R"({"type":"hello","proto":1,"name":"rig","token":"t0k"})"
                                        "\n");
    QTest::newRow("welcome")
        << makeWelcome(7, QStringLiteral("chorus-server"))
        << QByteArray(R"({"type":"welcome","proto":1,"id":7,"server":"chorus-server"})"
                      "\n");
    QTest::newRow("msg") << makeMsg(1, QStringLiteral("hi"))
                         << QByteArray(R"({"type":"msg","seq":1,"text":"hi"})"
                                       "\n");
    QTest::newRow("reply korean") << makeReply(1, QStringLiteral("안녕하세요!"))
                                  << (QByteArray(R"({"type":"reply","re":1,"text":")") +
                                      QStringLiteral("안녕하세요!").toUtf8() + "\"}\n");
    QTest::newRow("ping") << makePing(5) << QByteArray("{\"type\":\"ping\",\"t\":5}\n");
    QTest::newRow("pong") << makePong(-5) << QByteArray("{\"type\":\"pong\",\"t\":-5}\n");
    QTest::newRow("name") << makeName(QStringLiteral("a"))
                          << QByteArray("{\"type\":\"name\",\"name\":\"a\"}\n");
    QTest::newRow("broadcast") << makeBroadcast(QStringLiteral("b"))
                               << QByteArray(
                                      "{\"type\":\"broadcast\",\"from\":0,\"text\":\"b\"}\n");
    QTest::newRow("direct") << makeDirect(QStringLiteral("d"), 3)
                            << QByteArray("{\"type\":\"direct\",\"from\":3,\"text\":\"d\"}\n");
    QTest::newRow("error") << makeError(QStringLiteral("c"), QStringLiteral("m"))
                           << QByteArray("{\"type\":\"error\",\"code\":\"c\",\"message\":\"m\"}\n");
    QTest::newRow("error re")
        << makeError(QStringLiteral("c"), QStringLiteral("m"), 4)
        << QByteArray("{\"type\":\"error\",\"code\":\"c\",\"message\":\"m\",\"re\":4}\n");
    QTest::newRow("bye") << makeBye(QStringLiteral("kicked"))
                         << QByteArray("{\"type\":\"bye\",\"reason\":\"kicked\"}\n");
    QTest::newRow("bye retry")
        << makeBye(QStringLiteral("server stopping"), true)
        << QByteArray("{\"type\":\"bye\",\"reason\":\"server stopping\",\"retry\":true}\n");
    QTest::newRow("escapes")
        << makeMsg(2,
                   QStringLiteral("a\"b\\c\nd\re\tf") + QChar(0x01) + QChar(0x7f) + QChar(0x2028))
        << QByteArray(R"({"type":"msg","seq":2,"text":"a\"b\\c\nd\re\tf\u0001\u007f\u2028"})"
                      "\n");
}

void TestChorusProtocol::exactWireFormat()
{
    QFETCH(ChorusMessage, message);
    QFETCH(QByteArray, wire);
    QCOMPARE(encodeChorusMessage(message), wire);
}

void TestChorusProtocol::strangeStringsStayOnOneLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("korean") << kKorean;
    QTest::newRow("quotes and backslashes") << QStringLiteral(R"("\"\\"'\u0041\n)");
    QTest::newRow("newlines") << QStringLiteral("line 1\nline 2\r\nline 3\r");
    QTest::newRow("control characters") << allControlCharacters();
    QTest::newRow("nul inside") << (QStringLiteral("a") + QChar(0) + QStringLiteral("b"));
    QTest::newRow("line separators") << QStringLiteral("\u2028\u2029\u0085");
    QTest::newRow("emoji") << QStringLiteral("🚁📡 drone");
    QTest::newRow("everything") << (kNasty + allControlCharacters() + kKorean);
    QTest::newRow("json lookalike") << QStringLiteral(R"({"type":"hello","proto":1})");
    QTest::newRow("long") << QString(20000, QChar(u'한'));
}

void TestChorusProtocol::strangeStringsStayOnOneLine()
{
    QFETCH(QString, text);
    const QList<ChorusMessage> messages{
        makeMsg(5, text),
        makeReply(5, text),
        makeBroadcast(text, 2),
        makeDirect(text),
        makeError(QStringLiteral("bad-json"), text, 5),
        makeBye(text),
        makeHello(QStringLiteral("n"), text), // app has no character rules
        makeWelcome(1, text),
    };
    for (const ChorusMessage& message : messages) {
        const QByteArray encoded = encodeChorusMessage(message);
        QVERIFY2(isOneLine(encoded), encoded.left(200).constData());
        const ChorusDecodeResult decoded = decodeChorusLine(encoded, 0);
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage.wire));
        QCOMPARE(decoded.message, message);
    }
}

void TestChorusProtocol::escapesFromOtherEncoders()
{
    // Python's json.dumps (ensure_ascii) and JavaScript write \uXXXX escapes
    // and surrogate pairs; all must decode to the same text.
    const QByteArray line =
        R"({"type":"msg","seq":1,"text":"\uc548\ub155 \ud83d\ude81 \u0000 \/ \"q\""})";
    const ChorusDecodeResult decoded = decodeChorusLine(line);
    QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage.wire));
    QCOMPARE(decoded.message.text,
             QStringLiteral("안녕 🚁 ") + QChar(0) + QStringLiteral(" / \"q\""));
}

void TestChorusProtocol::loneSurrogatesBecomeReplacementCharacters()
{
    // A QString cut in the middle of a surrogate pair must not produce invalid
    // UTF-8 (the peer would reject the whole line) nor a silent '?'.
    QString text = QStringLiteral("a");
    text.append(QChar(0xd83d)); // high surrogate without its low half
    text.append(QStringLiteral("b"));
    text.append(QChar(0xde81)); // low surrogate alone
    text.append(QStringLiteral("🚁"));
    const QByteArray encoded = encodeChorusMessage(makeMsg(1, text));
    const ChorusDecodeResult decoded = decodeChorusLine(encoded);
    QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage.wire));
    QCOMPARE(decoded.message.text, QStringLiteral("a\uFFFDb\uFFFD🚁"));
}

void TestChorusProtocol::badInput_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("maxBytes");
    QTest::addColumn<ChorusErrorCode>("code");
    QTest::addColumn<QString>("mentions"); // the message must name this
    QTest::addColumn<qint64>("re");        // -1: no re

    const int limit = int(kDefaultChorusMaxLineBytes);
    using E = ChorusErrorCode;
    QTest::newRow("truncated object") << QByteArray(R"({"type":"msg")") << limit << E::BadJson
                                      << QStringLiteral("byte") << qint64(-1);
    QTest::newRow("plain text") << QByteArray("hello there") << limit << E::BadJson
                                << QStringLiteral("invalid JSON") << qint64(-1);
    QTest::newRow("trailing garbage") << QByteArray(R"({"type":"ping","t":1} x)") << limit
                                      << E::BadJson << QStringLiteral("byte") << qint64(-1);
    QTest::newRow("two objects") << QByteArray(R"({"type":"ping","t":1}{"type":"ping","t":2})")
                                 << limit << E::BadJson << QStringLiteral("byte") << qint64(-1);
    QTest::newRow("single quotes") << QByteArray("{'type':'ping','t':1}") << limit << E::BadJson
                                   << QStringLiteral("byte") << qint64(-1);
    QTest::newRow("invalid utf-8")
        << QByteArray("{\"type\":\"msg\",\"seq\":1,\"text\":\"\xff\xfe\"}") << limit << E::BadJson
        << QStringLiteral("byte") << qint64(-1);
    QTest::newRow("array") << QByteArray(R"([{"type":"ping","t":1}])") << limit << E::NotObject
                           << QStringLiteral("array") << qint64(-1);
    QTest::newRow("number") << QByteArray("42") << limit << E::NotObject << QStringLiteral("object")
                            << qint64(-1);
    QTest::newRow("string") << QByteArray("\"hello\"") << limit << E::NotObject
                            << QStringLiteral("object") << qint64(-1);
    QTest::newRow("null") << QByteArray("null") << limit << E::NotObject << QStringLiteral("object")
                          << qint64(-1);
    QTest::newRow("no type") << QByteArray(R"({"text":"x"})") << limit << E::MissingField
                             << QStringLiteral("\"type\"") << qint64(-1);
    QTest::newRow("type not string") << QByteArray(R"({"type":7})") << limit << E::WrongType
                                     << QStringLiteral("\"type\"") << qint64(-1);
    QTest::newRow("unknown type") << QByteArray(R"({"type":"frobnicate","seq":4})") << limit
                                  << E::UnknownType << QStringLiteral("frobnicate") << qint64(4);
    QTest::newRow("type case") << QByteArray(R"({"type":"MSG","seq":1,"text":"x"})") << limit
                               << E::UnknownType << QStringLiteral("MSG") << qint64(1);
    QTest::newRow("msg no seq") << QByteArray(R"({"type":"msg","text":"x"})") << limit
                                << E::MissingField << QStringLiteral("\"seq\"") << qint64(-1);
    QTest::newRow("msg no text") << QByteArray(R"({"type":"msg","seq":1})") << limit
                                 << E::MissingField << QStringLiteral("\"text\"") << qint64(1);
    QTest::newRow("msg seq string")
        << QByteArray(R"({"type":"msg","seq":"1","text":"x"})") << limit << E::WrongType
        << QStringLiteral("non-negative integer") << qint64(-1);
    QTest::newRow("msg seq negative")
        << QByteArray(R"({"type":"msg","seq":-1,"text":"x"})") << limit << E::WrongType
        << QStringLiteral("\"seq\"") << qint64(-1);
    QTest::newRow("msg seq fraction")
        << QByteArray(R"({"type":"msg","seq":1.5,"text":"x"})") << limit << E::WrongType
        << QStringLiteral("1.5") << qint64(-1);
    QTest::newRow("msg seq too big")
        << QByteArray(R"({"type":"msg","seq":9007199254740992,"text":"x"})") << limit
        << E::WrongType << QStringLiteral("\"seq\"") << qint64(-1);
    QTest::newRow("msg text number") << QByteArray(R"({"type":"msg","seq":3,"text":5})") << limit
                                     << E::WrongType << QStringLiteral("a string") << qint64(3);
    QTest::newRow("msg text null") << QByteArray(R"({"type":"msg","seq":3,"text":null})") << limit
                                   << E::WrongType << QStringLiteral("null") << qint64(3);
    QTest::newRow("reply no re") << QByteArray(R"({"type":"reply","text":"x"})") << limit
                                 << E::MissingField << QStringLiteral("\"re\"") << qint64(-1);
    QTest::newRow("ping no t") << QByteArray(R"({"type":"ping"})") << limit << E::MissingField
                               << QStringLiteral("\"t\"") << qint64(-1);
    QTest::newRow("ping t string") << QByteArray(R"({"type":"ping","t":"now"})") << limit
                                   << E::WrongType << QStringLiteral("integer") << qint64(-1);
    QTest::newRow("ping t bool") << QByteArray(R"({"type":"ping","t":true})") << limit
                                 << E::WrongType << QStringLiteral("true") << qint64(-1);
    QTest::newRow("name missing") << QByteArray(R"({"type":"name"})") << limit << E::MissingField
                                  << QStringLiteral("\"name\"") << qint64(-1);
    QTest::newRow("name empty") << QByteArray(R"({"type":"name","name":""})") << limit
                                << E::BadValue << QStringLiteral("empty") << qint64(-1);
    QTest::newRow("name blank") << QByteArray(R"({"type":"name","name":"   "})") << limit
                                << E::BadValue << QStringLiteral("empty") << qint64(-1);
    QTest::newRow("name newline") << QByteArray(R"({"type":"name","name":"a\nb"})") << limit
                                  << E::BadValue << QStringLiteral("control") << qint64(-1);
    QTest::newRow("name too long")
        << (QByteArray(R"({"type":"name","name":")") + QByteArray(65, 'x') + "\"}") << limit
        << E::BadValue << QStringLiteral("64") << qint64(-1);
    QTest::newRow("msg unpaired surrogate")
        << QByteArray(R"({"type":"msg","seq":1,"text":"a\ud83dXb"})") << limit << E::BadValue
        << QStringLiteral("surrogate") << qint64(1);
    QTest::newRow("msg lone low surrogate")
        << QByteArray(R"({"type":"msg","seq":2,"text":"\ude81"})") << limit << E::BadValue
        << QStringLiteral("surrogate") << qint64(2);
    QTest::newRow("name array") << QByteArray(R"({"type":"name","name":["a"]})") << limit
                                << E::WrongType << QStringLiteral("an array") << qint64(-1);
    QTest::newRow("hello no proto") << QByteArray(R"({"type":"hello","name":"x"})") << limit
                                    << E::MissingField << QStringLiteral("\"proto\"") << qint64(-1);
    QTest::newRow("hello proto string")
        << QByteArray(R"({"type":"hello","proto":"1"})") << limit << E::WrongType
        << QStringLiteral("\"proto\"") << qint64(-1);
    QTest::newRow("hello proto 2")
        << QByteArray(R"({"type":"hello","proto":2,"name":"x"})") << limit << E::UnsupportedProto
        << QStringLiteral("supported versions: 1") << qint64(-1);
    QTest::newRow("hello proto 0")
        << QByteArray(R"({"type":"hello","proto":0})") << limit << E::UnsupportedProto
        << QStringLiteral("version 0") << qint64(-1);
    QTest::newRow("hello name number")
        << QByteArray(R"({"type":"hello","proto":1,"name":3})") << limit << E::WrongType
        << QStringLiteral("\"name\"") << qint64(-1);
    QTest::newRow("hello app object")
        << QByteArray(R"({"type":"hello","proto":1,"app":{}})") << limit << E::WrongType
        << QStringLiteral("\"app\"") << qint64(-1);
    QTest::newRow("welcome no id")
        << QByteArray(R"({"type":"welcome","proto":1,"server":"s"})") << limit << E::MissingField
        << QStringLiteral("\"id\"") << qint64(-1);
    QTest::newRow("broadcast no text")
        << QByteArray(R"({"type":"broadcast","from":0})") << limit << E::MissingField
        << QStringLiteral("\"text\"") << qint64(-1);
    QTest::newRow("direct from string")
        << QByteArray(R"({"type":"direct","from":"server","text":"x"})") << limit << E::WrongType
        << QStringLiteral("\"from\"") << qint64(-1);
    QTest::newRow("error no message")
        << QByteArray(R"({"type":"error","code":"x"})") << limit << E::MissingField
        << QStringLiteral("\"message\"") << qint64(-1);
    QTest::newRow("bye reason number")
        << QByteArray(R"({"type":"bye","reason":1})") << limit << E::WrongType
        << QStringLiteral("\"reason\"") << qint64(-1);
    QTest::newRow("too long") << (QByteArray(R"({"type":"msg","seq":8,"text":")") +
                                  QByteArray(100, 'a') + "\"}")
                              << 64 << E::TooLong << QStringLiteral("64 bytes") << qint64(-1);
}

void TestChorusProtocol::badInput()
{
    QFETCH(QByteArray, line);
    QFETCH(int, maxBytes);
    QFETCH(ChorusErrorCode, code);
    QFETCH(QString, mentions);
    QFETCH(qint64, re);

    const ChorusDecodeResult result = decodeChorusLine(line, maxBytes);
    QVERIFY(!result.ok());
    QVERIFY(!result.blank);
    QCOMPARE(result.error, code);
    QCOMPARE(result.code(), chorusErrorCodeName(code));
    QVERIFY2(result.errorMessage.wire.contains(mentions),
             qPrintable(result.errorMessage.wire + QStringLiteral(" lacks ") + mentions));
    QCOMPARE(result.re.has_value(), re >= 0);
    if (re >= 0)
        QCOMPARE(*result.re, quint64(re));

    // The error reply is itself a valid one-line message carrying code and text.
    const QByteArray reply = encodeChorusMessage(result.toErrorMessage());
    QVERIFY(isOneLine(reply));
    const ChorusDecodeResult replyDecoded = decodeChorusLine(reply);
    QVERIFY(replyDecoded.ok());
    QCOMPARE(replyDecoded.message.type, ChorusMessageType::Error);
    QCOMPARE(replyDecoded.message.code, chorusErrorCodeName(code));
    QCOMPARE(replyDecoded.message.message, result.errorMessage.wire);
    QCOMPARE(replyDecoded.message.hasRe, re >= 0);
}

void TestChorusProtocol::errorReplyCarriesSeq()
{
    const ChorusDecodeResult result = decodeChorusLine(R"({"type":"msg","seq":17,"text":false})");
    QCOMPARE(result.error, ChorusErrorCode::WrongType);
    QCOMPARE(result.errorMessage.wire,
             QStringLiteral("msg: field \"text\" must be a string, got false"));
    QCOMPARE(
        encodeChorusMessage(result.toErrorMessage()),
        QByteArray(
            R"({"type":"error","code":"wrong-type","message":"msg: field \"text\" must be a string, got false","re":17})"
            "\n"));
}

void TestChorusProtocol::blankLinesAreNotErrors_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("lf") << QByteArray("\n");
    QTest::newRow("crlf") << QByteArray("\r\n");
    QTest::newRow("spaces") << QByteArray("   \t ");
}

void TestChorusProtocol::blankLinesAreNotErrors()
{
    QFETCH(QByteArray, line);
    const ChorusDecodeResult result = decodeChorusLine(line);
    QVERIFY(result.blank);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, ChorusErrorCode::None);
    QVERIFY(result.code().isEmpty());
}

void TestChorusProtocol::terminatorsAndWhitespaceAccepted()
{
    for (const QByteArray& line :
         {QByteArray(R"({"type":"ping","t":3})"), QByteArray("{\"type\":\"ping\",\"t\":3}\n"),
          QByteArray("{\"type\":\"ping\",\"t\":3}\r\n"),
          QByteArray("  { \"type\" : \"ping\" ,\t\"t\" : 3 }  ")}) {
        const ChorusDecodeResult result = decodeChorusLine(line);
        QVERIFY2(result.ok(), line.constData());
        QCOMPARE(result.message, makePing(3));
    }
    // The limit counts the line without its terminator.
    const QByteArray exact = R"({"type":"ping","t":3})";
    QVERIFY(decodeChorusLine(exact + "\r\n", exact.size()).ok());
    QCOMPARE(decodeChorusLine(exact + "\r\n", exact.size() - 1).error, ChorusErrorCode::TooLong);
}

void TestChorusProtocol::unknownFieldsIgnored()
{
    const ChorusDecodeResult result = decodeChorusLine(
        R"({"future":{"nested":[1,2,3]},"type":"msg","text":"a","seq":3,"priority":"high","t":"x"})");
    QVERIFY2(result.ok(), qPrintable(result.errorMessage.wire));
    QCOMPARE(result.message, makeMsg(3, QStringLiteral("a")));

    // A later minor version may add fields to hello; version 1 still accepts it.
    const ChorusDecodeResult hello =
        decodeChorusLine(R"({"type":"hello","proto":1,"caps":["gzip"],"name":"x"})");
    QVERIFY(hello.ok());
    QCOMPARE(hello.message.name, QStringLiteral("x"));
}

void TestChorusProtocol::optionalFields()
{
    const ChorusDecodeResult hello = decodeChorusLine(R"({"type":"hello","proto":1})");
    QVERIFY(hello.ok());
    QVERIFY(hello.message.name.isEmpty());
    QVERIFY(hello.message.app.isEmpty());

    const ChorusDecodeResult broadcast = decodeChorusLine(R"({"type":"broadcast","text":"b"})");
    QVERIFY(broadcast.ok());
    QCOMPARE(broadcast.message.from, 0u);

    const ChorusDecodeResult bye = decodeChorusLine(R"({"type":"bye"})");
    QVERIFY(bye.ok());
    QVERIFY(bye.message.reason.isEmpty());

    const ChorusDecodeResult error =
        decodeChorusLine(R"({"type":"error","code":"c","message":"m"})");
    QVERIFY(error.ok());
    QVERIFY(!error.message.hasRe);

    // A JSON number written with an exponent is still an integer.
    const ChorusDecodeResult exponent = decodeChorusLine(R"({"type":"msg","seq":1e3,"text":""})");
    QVERIFY(exponent.ok());
    QCOMPARE(exponent.message.seq, 1000u);
}

void TestChorusProtocol::nameLimits()
{
    const QString korean64(64, QChar(u'드'));
    QVERIFY(decodeChorusLine(encodeChorusMessage(makeName(korean64))).ok());
    QCOMPARE(decodeChorusLine(encodeChorusMessage(makeName(korean64 + QChar(u'론')))).error,
             ChorusErrorCode::BadValue);
    // Characters outside the BMP count once, not as two UTF-16 units.
    QString emoji;
    for (int i = 0; i < 64; ++i)
        emoji += QStringLiteral("🚁");
    QVERIFY(decodeChorusLine(encodeChorusMessage(makeName(emoji))).ok());
    // hello.name follows the same rules but may be empty (no name yet).
    QCOMPARE(
        decodeChorusLine(encodeChorusMessage(makeHello(korean64 + QChar(u'x'), QString()))).error,
        ChorusErrorCode::BadValue);
    QVERIFY(decodeChorusLine(R"({"type":"hello","proto":1,"name":""})").ok());
    QCOMPARE(decodeChorusLine(R"({"type":"hello","proto":1,"name":"a\tb"})").error,
             ChorusErrorCode::BadValue);
}

void TestChorusProtocol::integerLimits()
{
    const QByteArray maxSafe = QByteArray::number(kChorusMaxSafeInteger);
    const ChorusDecodeResult ok =
        decodeChorusLine("{\"type\":\"msg\",\"seq\":" + maxSafe + ",\"text\":\"\"}");
    QVERIFY(ok.ok());
    QCOMPARE(ok.message.seq, quint64(kChorusMaxSafeInteger));

    const ChorusDecodeResult pingMin =
        decodeChorusLine("{\"type\":\"ping\",\"t\":-" + maxSafe + "}");
    QVERIFY(pingMin.ok());
    QCOMPARE(pingMin.message.t, -kChorusMaxSafeInteger);

    QCOMPARE(decodeChorusLine(R"({"type":"ping","t":1e300})").error, ChorusErrorCode::WrongType);
    QCOMPARE(decodeChorusLine(R"({"type":"ping","t":0.25})").error, ChorusErrorCode::WrongType);
    QCOMPARE(decodeChorusLine(R"({"type":"hello","proto":1e10})").error,
             ChorusErrorCode::WrongType);
}

void TestChorusProtocol::looksLikeHello_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<bool>("expected");
    QTest::newRow("client hello") << encodeChorusMessage(
                                         makeHello(QStringLiteral("x"), QStringLiteral("chorus")))
                                  << true;
    QTest::newRow("minimal") << QByteArray(R"({"type":"hello"})") << true;
    QTest::newRow("spaced crlf") << QByteArray("  { \"proto\": 1, \"type\": \"hello\" }\r\n")
                                 << true;
    QTest::newRow("unsupported proto still a hello")
        << QByteArray(R"({"type":"hello","proto":99})") << true;
    QTest::newRow("plain word") << QByteArray("hello") << false;
    QTest::newRow("plain sentence") << QByteArray("hello, is this the hello server?") << false;
    QTest::newRow("korean") << QStringLiteral("안녕하세요").toUtf8() << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("msg") << QByteArray(R"({"type":"msg","seq":1,"text":"hello"})") << false;
    QTest::newRow("hello as value elsewhere")
        << QByteArray(R"({"name":"hello","type":"x"})") << false;
    QTest::newRow("broken json") << QByteArray(R"({"type":"hello")") << false;
    QTest::newRow("array") << QByteArray(R"([{"type":"hello"}])") << false;
    QTest::newRow("type case") << QByteArray(R"({"type":"Hello"})") << false;
    QTest::newRow("type not string") << QByteArray(R"({"type":["hello"]})") << false;
    QTest::newRow("binary") << QByteArray("\x00\xff{hello}\x01", 10) << false;
}

void TestChorusProtocol::looksLikeHello()
{
    QFETCH(QByteArray, message);
    QFETCH(bool, expected);
    QCOMPARE(looksLikeChorusHello(message), expected);
}

void TestChorusProtocol::garbageNeverCrashes()
{
    // Every prefix of valid lines, and random mutations of them: the decoder
    // must always give either a message or a coded, explained error.
    QList<QByteArray> seeds;
    for (const ChorusMessage& m :
         {makeHello(QStringLiteral("n"), QStringLiteral("a")), makeMsg(3, kNasty),
          makeError(QStringLiteral("c"), kKorean, 1), makeWelcome(5, QStringLiteral("s"))})
        seeds << encodeChorusMessage(m);

    QRandomGenerator random(20261125); // fixed seed: failures reproduce
    int decodedOk = 0;
    int errors = 0;
    auto check = [&](const QByteArray& line) {
        const ChorusDecodeResult r = decodeChorusLine(line);
        if (r.ok()) {
            ++decodedOk;
            // What decodes must re-encode to one line.
            QVERIFY(isOneLine(encodeChorusMessage(r.message)));
        } else if (!r.blank) {
            ++errors;
            QVERIFY(r.error != ChorusErrorCode::None);
            QVERIFY(!r.errorMessage.wire.isEmpty());
        }
        looksLikeChorusHello(line);
    };
    for (const QByteArray& seed : seeds) {
        for (qsizetype n = 0; n <= seed.size(); ++n)
            check(seed.left(n));
        for (int round = 0; round < 500; ++round) {
            QByteArray mutated = seed;
            const int edits = 1 + int(random.bounded(4));
            for (int e = 0; e < edits; ++e)
                mutated[random.bounded(int(mutated.size()))] = char(random.bounded(256));
            check(mutated);
        }
    }
    QVERIFY(decodedOk > 0);
    QVERIFY(errors > 1000);
}

void TestChorusProtocol::throughput()
{
    // The server decodes every chorus line on its I/O thread: 100k/s must fit easily.
    constexpr int kMessages = 100000;
    const QString text = QStringLiteral("드론 통신 테스트 중입니다. telemetry frame 0042");
    QElapsedTimer timer;
    timer.start();
    quint64 checksum = 0;
    for (int i = 0; i < kMessages; ++i) {
        const QByteArray line = encodeChorusMessage(makeMsg(quint64(i), text));
        const ChorusDecodeResult decoded = decodeChorusLine(line);
        checksum += decoded.message.seq;
    }
    const qint64 ms = timer.elapsed();
    QCOMPARE(checksum, quint64(kMessages) * (kMessages - 1) / 2);
    qInfo("%d msg encode+decode round trips in %lld ms (%.0f/s)", kMessages, ms,
          ms > 0 ? kMessages * 1000.0 / ms : 0.0);
    // Generous bound (sanitizer and debug builds, shared CI cores), still far
    // from the 10x slowdown a quadratic bug would cause.
    QVERIFY2(ms < 10000, qPrintable(QString::number(ms)));
}

void TestChorusProtocol::documentationExamplesAreTrue()
{
    // docs/PROTOCOL.md shows wire lines and a netcat session; keep them honest:
    // every JSON line shown must decode, and every error shown after a typed
    // line ("> ...") must be exactly what the codec answers to that line.
    QFile file(QStringLiteral(CHORUS_SOURCE_DIR "/docs/PROTOCOL.md"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QList<QByteArray> lines = file.readAll().split('\n');
    int examples = 0;
    int checkedErrors = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i);
        if (line.startsWith("{\"type\":")) {
            const ChorusDecodeResult decoded = decodeChorusLine(line);
            QVERIFY2(decoded.ok(), line.constData());
            // Examples are shown exactly as Chorus writes them.
            QCOMPARE(encodeChorusMessage(decoded.message), line + '\n');
            ++examples;
        }
        if (!line.startsWith("> ") || i + 1 >= lines.size())
            continue;
        const QByteArray typed = line.mid(2);
        const QByteArray next = lines.at(i + 1);
        if (next.startsWith("{\"type\":\"error\"")) {
            const ChorusDecodeResult decoded = decodeChorusLine(typed);
            QVERIFY2(!decoded.ok(), typed.constData());
            QCOMPARE(encodeChorusMessage(decoded.toErrorMessage()), next + '\n');
            ++checkedErrors;
        } else if (typed.startsWith('{')) {
            QVERIFY2(decodeChorusLine(typed).ok(), typed.constData());
        }
    }
    QVERIFY(examples >= 20);
    QVERIFY(checkedErrors >= 6);
}

void TestChorusProtocol::byteOrderMarkIsKept_data()
{
    // U+FEFF at the start of a string is a character like any other, not a
    // signature to drop: raw (EF BB BF) or escaped, it stays.
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("raw bytes") << QByteArray(
        "{\"type\":\"msg\",\"seq\":1,\"text\":\"\xEF\xBB\xBFhi\"}");
    QTest::newRow("escaped") << QByteArray(R"({"type":"msg","seq":1,"text":"\ufeffhi"})");
}

void TestChorusProtocol::byteOrderMarkIsKept()
{
    QFETCH(QByteArray, line);
    const ChorusDecodeResult result = decodeChorusLine(line);
    QVERIFY(result.ok());
    QCOMPARE(result.message.text.toUtf8(), QByteArray("\xEF\xBB\xBFhi"));
    const ChorusDecodeResult again = decodeChorusLine(encodeChorusMessage(result.message));
    QVERIFY(again.ok());
    QCOMPARE(again.message.text.toUtf8(), QByteArray("\xEF\xBB\xBFhi"));
}

QTEST_GUILESS_MAIN(TestChorusProtocol)
#include "tst_chorusprotocol.moc"
