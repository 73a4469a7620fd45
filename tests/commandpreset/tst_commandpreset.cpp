// CommandPreset: {parameters}, filling a template, checks, the defaults.
#include "command/CommandPreset.h"

#include <QTest>

using namespace chorus;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(chorus::CommandPresetError)

class TestCommandPreset : public QObject
{
    Q_OBJECT
private slots:
    void parameters_data();
    void parameters();
    void fill_data();
    void fill();
    void argsKeepTheirKind();
    void checks_data();
    void checks();
    void defaults();
};

void TestCommandPreset::parameters_data()
{
    QTest::addColumn<QString>("templateText");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("none") << QStringLiteral("ARM\\n") << QStringList{};
    QTest::newRow("one") << QStringLiteral("TAKEOFF alt={alt}\\n") << QStringList{"alt"};
    QTest::newRow("repeated") << QStringLiteral("{a} {b} {a}") << QStringList{"a", "b"};
    QTest::newRow("escaped brace") << QStringLiteral("{{a} {b}") << QStringList{"b"};
    QTest::newRow("unclosed") << QStringLiteral("x {a") << QStringList{};
    QTest::newRow("empty braces") << QStringLiteral("{}") << QStringList{};
}

void TestCommandPreset::parameters()
{
    QFETCH(QString, templateText);
    QFETCH(QStringList, names);
    QCOMPARE(presetParameters(templateText), names);
}

void TestCommandPreset::fill_data()
{
    QTest::addColumn<QString>("templateText");
    QTest::addColumn<QStringList>("arguments"); // name=value
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<CommandPresetError>("error");
    QTest::newRow("takeoff") << QStringLiteral("TAKEOFF alt={alt}\\r") << QStringList{"alt=10"}
                             << QByteArray("TAKEOFF alt=10\r") << CommandPresetError::None;
    QTest::newRow("binary") << QStringLiteral("\\x02{mode}\\x03") << QStringList{"mode=3"}
                            << QByteArray("\x02"
                                          "3\x03")
                            << CommandPresetError::None;
    QTest::newRow("value backslash is data") << QStringLiteral("M {m}") << QStringList{"m=a\\n"}
                                             << QByteArray("M a\\n") << CommandPresetError::None;
    QTest::newRow("literal brace")
        << QStringLiteral("{{x}") << QStringList{} << QByteArray("{x}") << CommandPresetError::None;
    QTest::newRow("missing") << QStringLiteral("TAKEOFF alt={alt}") << QStringList{} << QByteArray()
                             << CommandPresetError::MissingArgument;
    QTest::newRow("bad escape") << QStringLiteral("X\\q") << QStringList{} << QByteArray()
                                << CommandPresetError::BadPayload;
}

void TestCommandPreset::fill()
{
    QFETCH(QString, templateText);
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, payload);
    QFETCH(CommandPresetError, error);
    CommandPreset preset;
    preset.name = QStringLiteral("X");
    preset.payloadTemplate = templateText;
    QMap<QString, QString> values;
    for (const QString& argument : arguments)
        values.insert(argument.section(QLatin1Char('='), 0, 0),
                      argument.section(QLatin1Char('='), 1));
    CommandPresetCheck check;
    const std::optional<CommandRequest> request = makeCommandRequest(preset, values, &check);
    QCOMPARE(check.error, error);
    QCOMPARE(request.has_value(), error == CommandPresetError::None);
    if (request)
        QCOMPARE(request->payload, payload);
}

void TestCommandPreset::argsKeepTheirKind()
{
    CommandPreset preset;
    preset.name = QStringLiteral("SET");
    const std::optional<CommandRequest> request = makeCommandRequest(
        preset,
        {{"alt", "10"}, {"speed", "2.5"}, {"mode", "GUIDED"}, {"force", "true"}, {"nan", "nan"}});
    QVERIFY(request);
    QCOMPARE(request->args.value("alt").toDouble(), 10.0);
    QCOMPARE(request->args.value("speed").toDouble(), 2.5);
    QCOMPARE(request->args.value("mode").toString(), QStringLiteral("GUIDED"));
    QCOMPARE(request->args.value("force").toBool(), true);
    QCOMPARE(request->args.value("nan").toString(), QStringLiteral("nan")); // never a NaN number
}

void TestCommandPreset::checks_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<int>("retries");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<CommandPresetError>("error");
    QTest::newRow("fine") << "ARM" << 1000 << 2 << "^OK" << CommandPresetError::None;
    QTest::newRow("empty name") << "  " << 1000 << 0 << "" << CommandPresetError::EmptyName;
    QTest::newRow("control name") << "A\nB" << 1000 << 0 << "" << CommandPresetError::BadName;
    QTest::newRow("zero timeout") << "A" << 0 << 0 << "" << CommandPresetError::BadTimeout;
    QTest::newRow("negative retries") << "A" << 10 << -1 << "" << CommandPresetError::BadRetries;
    QTest::newRow("too many retries") << "A" << 10 << 11 << "" << CommandPresetError::BadRetries;
    QTest::newRow("bad pattern") << "A" << 10 << 0 << "^(OK"
                                 << CommandPresetError::BadExpectedReply;
}

void TestCommandPreset::checks()
{
    QFETCH(QString, name);
    QFETCH(int, timeoutMs);
    QFETCH(int, retries);
    QFETCH(QString, expected);
    QFETCH(CommandPresetError, error);
    CommandPreset preset;
    preset.name = name;
    preset.ackTimeout = std::chrono::milliseconds(timeoutMs);
    preset.retries = retries;
    preset.expectedReply = expected;
    QCOMPARE(checkCommandPreset(preset).error, error);
}

void TestCommandPreset::defaults()
{
    const QList<CommandPreset> presets = defaultCommandPresets();
    QStringList names;
    for (const CommandPreset& preset : presets) {
        names << preset.name;
        QVERIFY2(checkCommandPreset(preset).ok(), qPrintable(preset.name));
        QCOMPARE(preset.channel, CommandChannel::Tcp);
    }
    QCOMPARE(names, (QStringList{"ARM", "DISARM", "TAKEOFF", "LAND", "RTL", "SET_MODE"}));
    QCOMPARE(presetParameters(presets.at(2).payloadTemplate), QStringList{"alt"});
    QCOMPARE(presetParameters(presets.at(5).payloadTemplate), QStringList{"mode"});
}

QTEST_GUILESS_MAIN(TestCommandPreset)
#include "tst_commandpreset.moc"
