// key=value telemetry of text peers (wire/KeyValueTelemetry.h).
#include "wire/KeyValueTelemetry.h"

#include <QTest>

using namespace chorus;

Q_DECLARE_METATYPE(chorus::TelemetryValues)
Q_DECLARE_METATYPE(chorus::TelemetryUnits)

class TestKeyValueTelemetry : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void bounded();
};

void TestKeyValueTelemetry::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<TelemetryValues>("values");
    QTest::addColumn<TelemetryUnits>("units");
    QTest::addColumn<int>("refused");
    QTest::newRow("plain") << QByteArray("alt=12.5 bat=87")
                           << TelemetryValues{{"alt", 12.5}, {"bat", 87}} << TelemetryUnits{} << 0;
    QTest::newRow("separators") << QByteArray("a=1,b=-2;c=3e2\td=.5\r\n")
                                << TelemetryValues{{"a", 1}, {"b", -2}, {"c", 300}, {"d", 0.5}}
                                << TelemetryUnits{} << 0;
    QTest::newRow("units") << QByteArray("alt=12.5m bat=87% v=3.2V")
                           << TelemetryValues{{"alt", 12.5}, {"bat", 87}, {"v", 3.2}}
                           << TelemetryUnits{{"alt", "m"}, {"bat", "%"}, {"v", "V"}} << 0;
    QTest::newRow("text around") << QByteArray("OK status alt=5 done")
                                 << TelemetryValues{{"alt", 5}} << TelemetryUnits{} << 0;
    QTest::newRow("no pairs") << QByteArray("hello world") << TelemetryValues{} << TelemetryUnits{}
                              << 0;
    QTest::newRow("not numbers") << QByteArray("mode=GUIDED alt= =5 alt2=-") << TelemetryValues{}
                                 << TelemetryUnits{} << 4;
    QTest::newRow("nan inf overflow") << QByteArray("a=nan b=inf c=1e999 d=2")
                                      << TelemetryValues{{"d", 2}} << TelemetryUnits{} << 3;
    QTest::newRow("last wins") << QByteArray("a=1m a=2") << TelemetryValues{{"a", 2}}
                               << TelemetryUnits{} << 0;
    QTest::newRow("korean key") << QStringLiteral("고도=10m").toUtf8()
                                << TelemetryValues{{QStringLiteral("고도"), 10}}
                                << TelemetryUnits{{QStringLiteral("고도"), "m"}} << 0;
    QTest::newRow("invalid utf-8 key")
        << QByteArray("\xff=1 ok=2") << TelemetryValues{{"ok", 2}} << TelemetryUnits{} << 1;
    QTest::newRow("binary junk") << QByteArray("\x00\x01=\x02\x03", 5) << TelemetryValues{}
                                 << TelemetryUnits{} << 1;
    QTest::newRow("value with second equals")
        << QByteArray("a=1=2") << TelemetryValues{} << TelemetryUnits{} << 1;
}

void TestKeyValueTelemetry::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(TelemetryValues, values);
    QFETCH(TelemetryUnits, units);
    QFETCH(int, refused);
    const KeyValueTelemetry parsed = parseKeyValueTelemetry(text);
    QCOMPARE(parsed.values, values);
    QCOMPARE(parsed.units, units);
    QCOMPARE(parsed.refused, refused);
}

void TestKeyValueTelemetry::bounded()
{
    QByteArray text;
    for (int i = 0; i < 10000; ++i)
        text += "k" + QByteArray::number(i) + "=" + QByteArray::number(i) + " ";
    const KeyValueTelemetry parsed = parseKeyValueTelemetry(text);
    QCOMPARE(parsed.values.size(), kChorusMaxTelemetryKeys);
    QCOMPARE(parsed.refused, 10000 - int(kChorusMaxTelemetryKeys));
}

QTEST_GUILESS_MAIN(TestKeyValueTelemetry)
#include "tst_keyvaluetelemetry.moc"
