// The vehicle messages of the Chorus codec (wire/VehicleMessages.h): cmd,
// ack, telemetry, status, heartbeat.
#include "wire/VehicleMessages.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace chorus;

Q_DECLARE_METATYPE(chorus::ChorusMessage)
Q_DECLARE_METATYPE(chorus::ChorusErrorCode)

namespace {

QByteArray telemetryWithKeys(int count)
{
    QByteArray line = R"({"type":"telemetry","values":{)";
    for (int i = 0; i < count; ++i) {
        if (i)
            line += ',';
        line += "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i);
    }
    return line + "}}";
}

} // namespace

class TestVehicleMessages : public QObject
{
    Q_OBJECT
private slots:
    void names();
    void directions();
    void roundTrip_data();
    void roundTrip();
    void exactWireFormat_data();
    void exactWireFormat();
    void badInput_data();
    void badInput();
    void badCmdCarriesItsSeq();
    void limitsAreInclusive();
};

void TestVehicleMessages::names()
{
    const QList<std::pair<MavResult, QString>> results{
        {MavResult::Accepted, QStringLiteral("accepted")},
        {MavResult::TemporarilyRejected, QStringLiteral("temporarily_rejected")},
        {MavResult::Denied, QStringLiteral("denied")},
        {MavResult::Unsupported, QStringLiteral("unsupported")},
        {MavResult::Failed, QStringLiteral("failed")},
        {MavResult::InProgress, QStringLiteral("in_progress")},
    };
    for (const auto& [result, name] : results) {
        QCOMPARE(mavResultName(result), name);
        QCOMPARE(mavResultFromName(name), std::optional(result));
        QCOMPARE(isFinalMavResult(result), result != MavResult::InProgress);
    }
    QCOMPARE(allMavResults().size(), results.size());
    QCOMPARE(int(MavResult::InProgress), 5); // MAV_RESULT_IN_PROGRESS
    QVERIFY(!mavResultFromName(u"ACCEPTED"));

    const QStringList severities{"emergency", "alert",  "critical", "error",
                                 "warning",   "notice", "info",     "debug"};
    QCOMPARE(allStatusSeverities().size(), severities.size());
    for (int i = 0; i < severities.size(); ++i) {
        QCOMPARE(statusSeverityName(StatusSeverity(i)), severities.at(i));
        QCOMPARE(statusSeverityFromName(severities.at(i)), std::optional(StatusSeverity(i)));
    }
    QVERIFY(!statusSeverityFromName(u"warn"));

    for (const char* name : {"cmd", "ack", "telemetry", "status", "heartbeat"}) {
        const auto type = chorusMessageTypeFromName(QString::fromLatin1(name));
        QVERIFY2(type, name);
        QCOMPARE(chorusMessageTypeName(*type), QLatin1String(name));
    }
}

void TestVehicleMessages::directions()
{
    QVERIFY(isServerToClient(ChorusMessageType::Cmd));
    QVERIFY(!isClientToServer(ChorusMessageType::Cmd));
    for (auto type : {ChorusMessageType::Ack, ChorusMessageType::Telemetry,
                      ChorusMessageType::Status, ChorusMessageType::Heartbeat}) {
        QVERIFY(isClientToServer(type));
        QVERIFY(!isServerToClient(type));
    }
}

void TestVehicleMessages::roundTrip_data()
{
    QTest::addColumn<ChorusMessage>("message");
    QTest::newRow("cmd no args") << makeCmd(1, QStringLiteral("ARM"));
    QTest::newRow("cmd args") << makeCmd(
        7, QStringLiteral("TAKEOFF"),
        QJsonObject{{"alt", 10}, {"speed", 2.5}, {"mode", "GUIDED"}, {"force", true}});
    QTest::newRow("cmd korean name") << makeCmd(quint64(kChorusMaxSafeInteger),
                                                QStringLiteral("이륙"), QJsonObject{{"고도", 5}});
    QTest::newRow("ack accepted") << makeAck(7, MavResult::Accepted);
    QTest::newRow("ack progress") << makeAck(7, MavResult::InProgress, 40, QStringLiteral("climb"));
    QTest::newRow("ack progress 0") << makeAck(0, MavResult::InProgress, 0);
    for (MavResult r : allMavResults())
        QTest::addRow("ack %s", qPrintable(mavResultName(r))) << makeAck(3, r);
    QTest::newRow("telemetry") << makeTelemetry(
        {{"alt", 12.5}, {"bat", 87}, {"lat", 37.5665}, {"lon", 126.978}});
    QTest::newRow("telemetry units")
        << makeTelemetry({{"alt", -0.125}, {"v", 1e-5}}, {{"alt", "m"}, {"v", "m/s"}});
    QTest::newRow("telemetry extremes")
        << makeTelemetry({{"big", 1e300},
                          {"small", -std::numeric_limits<double>::denorm_min()},
                          {"third", 1.0 / 3}});
    QTest::newRow("telemetry empty") << makeTelemetry({});
    for (StatusSeverity s : allStatusSeverities())
        QTest::addRow("status %s", qPrintable(statusSeverityName(s)))
            << makeStatus(s, QStringLiteral("배터리 부족\nline 2"));
    QTest::newRow("heartbeat bare") << makeHeartbeat();
    QTest::newRow("heartbeat full")
        << makeHeartbeat(QStringLiteral("active"), QStringLiteral("GUIDED"), true);
    QTest::newRow("heartbeat disarmed") << makeHeartbeat({}, {}, false);
}

void TestVehicleMessages::roundTrip()
{
    QFETCH(ChorusMessage, message);
    const QByteArray encoded = encodeChorusMessage(message);
    QVERIFY(encoded.endsWith('\n') && encoded.count('\n') == 1);
    const ChorusDecodeResult decoded = decodeChorusLine(encoded);
    QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage.wire + " " + encoded));
    QCOMPARE(decoded.message, message);
    QCOMPARE(encodeChorusMessage(decoded.message), encoded);
}

void TestVehicleMessages::exactWireFormat_data()
{
    QTest::addColumn<ChorusMessage>("message");
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("cmd") << makeCmd(12, QStringLiteral("TAKEOFF"), QJsonObject{{"alt", 10}})
                         << QByteArray(
                                R"({"type":"cmd","cmd":12,"name":"TAKEOFF","args":{"alt":10}})");
    QTest::newRow("cmd args sorted")
        << makeCmd(1, QStringLiteral("X"), QJsonObject{{"b", "s"}, {"a", false}})
        << QByteArray(R"({"type":"cmd","cmd":1,"name":"X","args":{"a":false,"b":"s"}})");
    QTest::newRow("ack")
        << makeAck(12, MavResult::InProgress, 40, QStringLiteral("climbing"))
        << QByteArray(
               R"({"type":"ack","re":12,"result":"in_progress","progress":40,"text":"climbing"})");
    QTest::newRow("ack bare") << makeAck(12, MavResult::TemporarilyRejected)
                              << QByteArray(
                                     R"({"type":"ack","re":12,"result":"temporarily_rejected"})");
    QTest::newRow("telemetry")
        << makeTelemetry({{"bat", 87}, {"alt", 12.5}}, {{"alt", "m"}})
        << QByteArray(R"({"type":"telemetry","values":{"alt":12.5,"bat":87},"units":{"alt":"m"}})");
    QTest::newRow("telemetry shortest doubles")
        << makeTelemetry({{"a", 0.1 + 0.2}, {"b", 1e21}, {"c", 2e-7}})
        << QByteArray(
               R"({"type":"telemetry","values":{"a":0.30000000000000004,"b":1e+21,"c":2e-07}})");
    QTest::newRow("status")
        << makeStatus(StatusSeverity::Warning, QStringLiteral("battery low"))
        << QByteArray(R"({"type":"status","severity":"warning","text":"battery low"})");
    QTest::newRow("heartbeat") << makeHeartbeat() << QByteArray(R"({"type":"heartbeat"})");
    QTest::newRow("heartbeat full")
        << makeHeartbeat(QStringLiteral("active"), QStringLiteral("GUIDED"), false)
        << QByteArray(R"({"type":"heartbeat","state":"active","mode":"GUIDED","armed":false})");
}

void TestVehicleMessages::exactWireFormat()
{
    QFETCH(ChorusMessage, message);
    QFETCH(QByteArray, wire);
    QCOMPARE(encodeChorusMessage(message), wire + '\n');
}

void TestVehicleMessages::badInput_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<ChorusErrorCode>("code");
    QTest::addColumn<QString>("mentions");
    using E = ChorusErrorCode;
    QTest::newRow("cmd no cmd") << QByteArray(R"({"type":"cmd","name":"ARM"})") << E::MissingField
                                << QStringLiteral("\"cmd\"");
    QTest::newRow("cmd no name") << QByteArray(R"({"type":"cmd","cmd":1})") << E::MissingField
                                 << QStringLiteral("\"name\"");
    QTest::newRow("cmd empty name") << QByteArray(R"({"type":"cmd","cmd":1,"name":""})")
                                    << E::BadValue << QStringLiteral("empty");
    QTest::newRow("cmd args array") << QByteArray(R"({"type":"cmd","cmd":1,"name":"A","args":[1]})")
                                    << E::WrongType << QStringLiteral("\"args\"");
    QTest::newRow("cmd arg null") << QByteArray(
                                         R"({"type":"cmd","cmd":1,"name":"A","args":{"alt":null}})")
                                  << E::WrongType << QStringLiteral("\"args.alt\"");
    QTest::newRow("cmd arg object")
        << QByteArray(R"({"type":"cmd","cmd":1,"name":"A","args":{"p":{}}})") << E::WrongType
        << QStringLiteral("\"args.p\"");
    QTest::newRow("cmd arg empty key")
        << QByteArray(R"({"type":"cmd","cmd":1,"name":"A","args":{"":1}})") << E::BadValue
        << QStringLiteral("empty key");
    QTest::newRow("ack no re") << QByteArray(R"({"type":"ack","result":"accepted"})")
                               << E::MissingField << QStringLiteral("\"re\"");
    QTest::newRow("ack no result") << QByteArray(R"({"type":"ack","re":1})") << E::MissingField
                                   << QStringLiteral("\"result\"");
    QTest::newRow("ack unknown result") << QByteArray(R"({"type":"ack","re":1,"result":"ok"})")
                                        << E::BadValue << QStringLiteral("temporarily_rejected");
    QTest::newRow("ack result number") << QByteArray(R"({"type":"ack","re":1,"result":0})")
                                       << E::WrongType << QStringLiteral("\"result\"");
    QTest::newRow("ack progress 101")
        << QByteArray(R"({"type":"ack","re":1,"result":"in_progress","progress":101})")
        << E::WrongType << QStringLiteral("0 to 100");
    QTest::newRow("ack progress fraction")
        << QByteArray(R"({"type":"ack","re":1,"result":"in_progress","progress":2.5})")
        << E::WrongType << QStringLiteral("\"progress\"");
    QTest::newRow("ack text too long")
        << (QByteArray(R"({"type":"ack","re":1,"result":"failed","text":")") +
            QByteArray(4097, 'x') + "\"}")
        << E::BadValue << QStringLiteral("4096");
    QTest::newRow("telemetry no values")
        << QByteArray(R"({"type":"telemetry"})") << E::MissingField << QStringLiteral("\"values\"");
    QTest::newRow("telemetry values array") << QByteArray(R"({"type":"telemetry","values":[1,2]})")
                                            << E::WrongType << QStringLiteral("\"values\"");
    QTest::newRow("telemetry string value")
        << QByteArray(R"({"type":"telemetry","values":{"alt":"12"}})") << E::WrongType
        << QStringLiteral("\"values.alt\"");
    QTest::newRow("telemetry null value (NaN from some encoders)")
        << QByteArray(R"({"type":"telemetry","values":{"alt":null}})") << E::WrongType
        << QStringLiteral("null");
    QTest::newRow("telemetry NaN literal")
        << QByteArray(R"({"type":"telemetry","values":{"alt":NaN}})") << E::BadJson
        << QStringLiteral("byte");
    QTest::newRow("telemetry overflowing number")
        << QByteArray(R"({"type":"telemetry","values":{"alt":1e999}})") << E::BadJson
        << QStringLiteral("byte");
    QTest::newRow("telemetry 257 keys")
        << telemetryWithKeys(257) << E::BadValue << QStringLiteral("256");
    QTest::newRow("telemetry 10000 keys")
        << telemetryWithKeys(10000) << E::BadValue << QStringLiteral("10000");
    QTest::newRow("telemetry key too long")
        << (QByteArray(R"({"type":"telemetry","values":{")") + QByteArray(65, 'k') + "\":1}}")
        << E::BadValue << QStringLiteral("64");
    QTest::newRow("telemetry key control")
        << QByteArray(R"({"type":"telemetry","values":{"a\nb":1}})") << E::BadValue
        << QStringLiteral("control");
    QTest::newRow("telemetry unit number")
        << QByteArray(R"({"type":"telemetry","values":{"a":1},"units":{"a":5}})") << E::WrongType
        << QStringLiteral("\"units.a\"");
    QTest::newRow("telemetry unit too long")
        << QByteArray(R"({"type":"telemetry","values":{"a":1},"units":{"a":"abcdefghijklmnopq"}})")
        << E::BadValue << QStringLiteral("16");
    QTest::newRow("status no severity") << QByteArray(R"({"type":"status","text":"x"})")
                                        << E::MissingField << QStringLiteral("\"severity\"");
    QTest::newRow("status bad severity")
        << QByteArray(R"({"type":"status","severity":"warn","text":"x"})") << E::BadValue
        << QStringLiteral("emergency");
    QTest::newRow("status no text") << QByteArray(R"({"type":"status","severity":"info"})")
                                    << E::MissingField << QStringLiteral("\"text\"");
    QTest::newRow("status 1 MB text")
        << (QByteArray(R"({"type":"status","severity":"info","text":")") +
            QByteArray(1 << 20, 'x') + "\"}")
        << E::BadValue << QStringLiteral("1048576");
    QTest::newRow("status 4097 bytes of hangul")
        << (QByteArray(R"({"type":"status","severity":"info","text":")") +
            QString(1365, QChar(u'가')).toUtf8() + "xx\"}")
        << E::BadValue << QStringLiteral("4097");
    QTest::newRow("heartbeat armed string") << QByteArray(R"({"type":"heartbeat","armed":"yes"})")
                                            << E::WrongType << QStringLiteral("\"armed\"");
    QTest::newRow("heartbeat state too long")
        << (QByteArray(R"({"type":"heartbeat","state":")") + QByteArray(65, 's') + "\"}")
        << E::BadValue << QStringLiteral("64");
}

void TestVehicleMessages::badInput()
{
    QFETCH(QByteArray, line);
    QFETCH(ChorusErrorCode, code);
    QFETCH(QString, mentions);
    const ChorusDecodeResult result = decodeChorusLine(line, 0);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, code);
    QVERIFY2(result.errorMessage.wire.contains(mentions), qPrintable(result.errorMessage.wire));
    QCOMPARE(result.message, ChorusMessage());
}

void TestVehicleMessages::badCmdCarriesItsSeq()
{
    // The client answers a cmd it cannot read with an error naming that cmd.
    const ChorusDecodeResult result =
        decodeChorusLine(R"({"type":"cmd","cmd":41,"name":"A","args":{"x":null}})");
    QCOMPARE(result.error, ChorusErrorCode::WrongType);
    QCOMPARE(result.re, std::optional<quint64>(41));
    QVERIFY(result.toErrorMessage().hasRe);
}

void TestVehicleMessages::limitsAreInclusive()
{
    QVERIFY(decodeChorusLine(telemetryWithKeys(256), 0).ok());
    QCOMPARE(decodeChorusLine(telemetryWithKeys(256), 0).message.values.size(), 256);
    const QByteArray text4096 = QString(1365, QChar(u'가')).toUtf8() + "x";
    QCOMPARE(text4096.size(), 4096);
    const ChorusDecodeResult status = decodeChorusLine(
        encodeChorusMessage(makeStatus(StatusSeverity::Info, QString::fromUtf8(text4096))), 0);
    QVERIFY2(status.ok(), qPrintable(status.errorMessage.wire));
    QVERIFY(
        decodeChorusLine(R"({"type":"ack","re":1,"result":"in_progress","progress":100})").ok());
    QVERIFY(decodeChorusLine(
                (QByteArray(R"({"type":"telemetry","values":{")") + QByteArray(64, 'k') + "\":1}}"))
                .ok());
}

QTEST_GUILESS_MAIN(TestVehicleMessages)
#include "tst_vehiclemessages.moc"
