// SettingsTable: one row per setting drives the checks, the defaults, the
// command line (both "--opt v" and "--opt=v", through a real
// QCommandLineParser), loading saved values (bad ones left out and reported)
// and storing them. A table of its own, one row of every kind.

#include "base/SettingsFile.h"
#include "base/SettingsTable.h"

#include <QCommandLineParser>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

Q_DECLARE_METATYPE(chorus::SettingProblemKind)

namespace {

enum Id { IdleGap, MaxBytes, Verbose, LogMessages, Framing, Name, Comment, WindowWidth, Count };

SettingSpec row(const char* key, const char* option, SettingKind kind, const QVariant& defaultValue)
{
    SettingSpec spec;
    spec.key = key;
    spec.option = option;
    spec.kind = kind;
    spec.defaultValue = defaultValue;
    return spec;
}

SettingSpec integerRow(const char* key, const char* option, qint64 defaultValue, qint64 minimum,
                       qint64 maximum, const char* unit)
{
    SettingSpec spec = row(key, option, SettingKind::Integer, QVariant(defaultValue));
    spec.minimum = minimum;
    spec.maximum = maximum;
    spec.unit = unit;
    spec.valueName = "N";
    return spec;
}

const SettingsTable& table()
{
    static const SettingsTable instance = [] {
        QList<SettingSpec> rows;
        rows << integerRow("engine/idleGapMs", "idle-gap", 250, 5, 60000, "ms");
        rows.last().label = "Idle gap";
        rows.last().help = "Silence that ends a message.";
        // Beyond int: must not be cut to 32 bits anywhere.
        rows << integerRow("engine/maxBytes", "max-bytes", 65536, 1, qint64(1) << 40, "bytes");
        rows << row("log/verbose", "verbose", SettingKind::Boolean, false);
        rows.last().help = "Log more.";
        rows << row("log/messages", "no-log-messages", SettingKind::Boolean, true);
        rows.last().flagValue = false; // the flag turns it off
        rows << row("engine/framing", "framing", SettingKind::Choice, QStringLiteral("auto"));
        rows.last().choices = {QStringLiteral("auto"), QStringLiteral("lf"), QStringLiteral("crlf"),
                               QStringLiteral("raw")};
        rows.last().valueName = "MODE";
        rows << row("client/name", "name", SettingKind::Text, QStringLiteral("chorus"));
        rows.last().minimum = 1; // must not be empty
        rows.last().valueName = "NAME";
        rows.last().help = "Name shown to others.";
        rows << row("client/comment", "comment", SettingKind::Text, QString());
        rows.last().valueName = "TEXT";
        rows << integerRow("window/width", nullptr, 800, 200, 4000, "px"); // saved only
        return SettingsTable("tst_SettingsTable", rows);
    }();
    return instance;
}

using Given = QMap<int, QVariant>;

Given givenIn(const SettingValues& values)
{
    Given given;
    for (int id = 0; id < values.size(); ++id) {
        if (values.has(id))
            given.insert(id, values.get(id));
    }
    return given;
}

bool containsNumber(const QString& text, qint64 number)
{
    return text.contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(number)));
}

// Writes the INI text a user (or an older version) left in the settings file.
QString writeSettings(const QTemporaryDir& dir, const QByteArray& text)
{
    const QString path = dir.filePath(QStringLiteral("chorus-test.conf"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
        return {};
    return path;
}

} // namespace

class tst_SettingsTable : public QObject
{
    Q_OBJECT
private slots:
    void rowsAreFoundByKeyAndOption();
    void check_data();
    void check();
    void defaultsHaveEveryRow();
    void settingValuesAreOptional();
    void fromCommandLine_data();
    void fromCommandLine();
    void fromCommandLineRefuses_data();
    void fromCommandLineRefuses();
    void onlyRowsWithAnOptionAreOptions();
    void loadChecksEachSavedValue_data();
    void loadChecksEachSavedValue();
    void loadLeavesOutAndReportsEveryBadValue();
    void storeThenLoadRoundTrips();
    void helpMentionsRangeUnitAndDefault();
    void describeNamesTheSettingAndValue();
    void textListFromCommandLine_data();
    void textListFromCommandLine();
    void textListLoadsAndChecksEntries();
};

namespace {
bool isDigitsOnly(const QString& entry)
{
    return !entry.isEmpty() &&
           std::all_of(entry.begin(), entry.end(), [](QChar c) { return c.isDigit(); });
}

// A list of numbers (each entry checked) and a secret.
const SettingsTable& listTable()
{
    static const SettingsTable table("tst_SettingsTable", [] {
        QList<SettingSpec> rows(2);
        rows[0].key = "access/numbers";
        rows[0].option = "number";
        rows[0].kind = SettingKind::TextList;
        rows[0].defaultValue = QStringList();
        rows[0].valueName = "N";
        rows[0].acceptsEntry = isDigitsOnly;
        rows[1].key = "access/secret";
        rows[1].option = "secret";
        rows[1].kind = SettingKind::Secret;
        rows[1].defaultValue = QString();
        rows[1].valueName = "TEXT";
        return rows;
    }());
    return table;
}
} // namespace

void tst_SettingsTable::rowsAreFoundByKeyAndOption()
{
    QCOMPARE(table().size(), int(Count));
    QCOMPARE(table().idOfKey(QStringLiteral("engine/idleGapMs")), int(IdleGap));
    QCOMPARE(table().idOfKey(QStringLiteral("window/width")), int(WindowWidth));
    QCOMPARE(table().idOfKey(QStringLiteral("idle-gap")), -1);
    QCOMPARE(table().idOfOption(QStringLiteral("idle-gap")), int(IdleGap));
    QCOMPARE(table().idOfOption(QStringLiteral("no-log-messages")), int(LogMessages));
    QCOMPARE(table().idOfOption(QStringLiteral("width")), -1);
    QCOMPARE(table().label(IdleGap), QStringLiteral("Idle gap"));
    QCOMPARE(table().unit(IdleGap), QStringLiteral("ms"));
    QVERIFY(table().unit(Verbose).isEmpty());
}

void tst_SettingsTable::check_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<QVariant>("input");
    QTest::addColumn<QVariant>("expected"); // invalid: refused
    QTest::addColumn<SettingProblemKind>("problem");
    const auto ok = SettingProblemKind::WrongType; // unused when accepted
    const QVariant refused;

    QTest::newRow("int: text") << int(IdleGap) << QVariant("300") << QVariant(qint64(300)) << ok;
    QTest::newRow("int: spaces") << int(IdleGap) << QVariant(" 42 ") << QVariant(qint64(42)) << ok;
    QTest::newRow("int: number") << int(IdleGap) << QVariant(1000) << QVariant(qint64(1000)) << ok;
    QTest::newRow("int: minimum") << int(IdleGap) << QVariant("5") << QVariant(qint64(5)) << ok;
    QTest::newRow("int: maximum") << int(IdleGap) << QVariant(60000) << QVariant(qint64(60000))
                                  << ok;
    QTest::newRow("int: below") << int(IdleGap) << QVariant("4") << refused
                                << SettingProblemKind::OutOfRange;
    QTest::newRow("int: above") << int(IdleGap) << QVariant(60001) << refused
                                << SettingProblemKind::OutOfRange;
    QTest::newRow("int: negative")
        << int(IdleGap) << QVariant("-1") << refused << SettingProblemKind::OutOfRange;
    QTest::newRow("int: 64-bit maximum")
        << int(MaxBytes) << QVariant("1099511627776") << QVariant(qint64(1) << 40) << ok;
    QTest::newRow("int: 64-bit above")
        << int(MaxBytes) << QVariant(qint64(1) << 41) << refused << SettingProblemKind::OutOfRange;
    QTest::newRow("int: letters") << int(IdleGap) << QVariant("abc") << refused
                                  << SettingProblemKind::NotANumber;
    QTest::newRow("int: empty") << int(IdleGap) << QVariant("") << refused
                                << SettingProblemKind::NotANumber;
    QTest::newRow("int: with unit")
        << int(IdleGap) << QVariant("250ms") << refused << SettingProblemKind::NotANumber;
    QTest::newRow("int: fraction")
        << int(IdleGap) << QVariant("2.5") << refused << SettingProblemKind::NotANumber;
    QTest::newRow("int: overflow") << int(MaxBytes) << QVariant("99999999999999999999") << refused
                                   << SettingProblemKind::NotANumber;
    QTest::newRow("int: no value")
        << int(IdleGap) << QVariant() << refused << SettingProblemKind::NotANumber;

    QTest::newRow("bool: true") << int(Verbose) << QVariant(true) << QVariant(true) << ok;
    QTest::newRow("bool: text true") << int(Verbose) << QVariant("true") << QVariant(true) << ok;
    QTest::newRow("bool: text False") << int(Verbose) << QVariant("False") << QVariant(false) << ok;
    QTest::newRow("bool: 1") << int(Verbose) << QVariant("1") << QVariant(true) << ok;
    QTest::newRow("bool: 0") << int(Verbose) << QVariant("0") << QVariant(false) << ok;
    QTest::newRow("bool: yes") << int(Verbose) << QVariant("yes") << refused
                               << SettingProblemKind::WrongType;
    QTest::newRow("bool: empty") << int(Verbose) << QVariant("") << refused
                                 << SettingProblemKind::WrongType;

    QTest::newRow("choice") << int(Framing) << QVariant("lf") << QVariant("lf") << ok;
    QTest::newRow("choice: upper case")
        << int(Framing) << QVariant("CRLF") << QVariant("crlf") << ok;
    QTest::newRow("choice: spaces") << int(Framing) << QVariant(" raw ") << QVariant("raw") << ok;
    QTest::newRow("choice: unknown")
        << int(Framing) << QVariant("tcp") << refused << SettingProblemKind::UnknownChoice;
    QTest::newRow("choice: empty")
        << int(Framing) << QVariant("") << refused << SettingProblemKind::UnknownChoice;

    QTest::newRow("text") << int(Name) << QVariant("드론-7") << QVariant("드론-7") << ok;
    QTest::newRow("text: kept as typed")
        << int(Name) << QVariant(" a, b ") << QVariant(" a, b ") << ok;
    QTest::newRow("text: empty") << int(Name) << QVariant("") << refused
                                 << SettingProblemKind::Empty;
    QTest::newRow("text: blank") << int(Name) << QVariant("   ") << refused
                                 << SettingProblemKind::Empty;
    QTest::newRow("text: may be empty") << int(Comment) << QVariant("") << QVariant("") << ok;
}

void tst_SettingsTable::check()
{
    QFETCH(int, id);
    QFETCH(QVariant, input);
    QFETCH(QVariant, expected);
    QFETCH(SettingProblemKind, problem);
    SettingProblem found;
    const std::optional<QVariant> result = table().check(id, input, &found);
    if (expected.isValid()) {
        QVERIFY(result.has_value());
        QCOMPARE(result->typeId(), expected.typeId());
        QCOMPARE(*result, expected);
        QCOMPARE(found.id, -1); // untouched
    } else {
        QVERIFY(!result.has_value());
        QCOMPARE(found.id, id);
        QCOMPARE(found.kind, problem);
        QCOMPARE(found.given, input.toString());
        QVERIFY(!table().check(id, input).has_value()); // no problem wanted: still refused
    }
}

void tst_SettingsTable::defaultsHaveEveryRow()
{
    const SettingValues defaults = table().defaults();
    QCOMPARE(defaults.size(), int(Count));
    for (int id = 0; id < Count; ++id) {
        QVERIFY(defaults.has(id));
        QCOMPARE(defaults.get(id), table().row(id).defaultValue);
        // Every default passes its own row's check.
        QVERIFY2(table().check(id, defaults.get(id)).has_value(), table().row(id).key);
    }
}

void tst_SettingsTable::settingValuesAreOptional()
{
    SettingValues values(3);
    QVERIFY(!values.has(0));
    QVERIFY(!values.get(0).isValid());
    values.set(1, QStringLiteral("x"));
    QVERIFY(values.has(1));
    QCOMPARE(values.get(1), QVariant(QStringLiteral("x")));
    values.set(2, QVariant()); // "set to nothing" is still set
    QVERIFY(values.has(2));
    values.clear(1);
    QVERIFY(!values.has(1));
    QVERIFY(!values.has(-1));
    QVERIFY(!values.has(3));
}

void tst_SettingsTable::fromCommandLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<Given>("expected");
    QTest::newRow("nothing") << QStringList{} << Given{};
    QTest::newRow("int, --opt v") << QStringList{"--idle-gap", "300"}
                                  << Given{{IdleGap, qint64(300)}};
    QTest::newRow("int, --opt=v") << QStringList{"--idle-gap=300"} << Given{{IdleGap, qint64(300)}};
    QTest::newRow("64-bit int") << QStringList{"--max-bytes=1099511627776"}
                                << Given{{MaxBytes, qint64(1) << 40}};
    QTest::newRow("choice, --opt v")
        << QStringList{"--framing", "CRLF"} << Given{{Framing, QStringLiteral("crlf")}};
    QTest::newRow("choice, --opt=v")
        << QStringList{"--framing=raw"} << Given{{Framing, QStringLiteral("raw")}};
    QTest::newRow("text, --opt v")
        << QStringList{"--name", "드론 7"} << Given{{Name, QStringLiteral("드론 7")}};
    QTest::newRow("text, --opt=v")
        << QStringList{"--name=드론 7"} << Given{{Name, QStringLiteral("드론 7")}};
    QTest::newRow("text containing =")
        << QStringList{"--name=a=b"} << Given{{Name, QStringLiteral("a=b")}};
    QTest::newRow("text starting with -")
        << QStringList{"--comment", "-x"} << Given{{Comment, QStringLiteral("-x")}};
    QTest::newRow("flag") << QStringList{"--verbose"} << Given{{Verbose, true}};
    QTest::newRow("flag that turns off")
        << QStringList{"--no-log-messages"} << Given{{LogMessages, false}};
    QTest::newRow("last one wins")
        << QStringList{"--idle-gap", "10", "--idle-gap=20"} << Given{{IdleGap, qint64(20)}};
    QTest::newRow("several") << QStringList{"--idle-gap=10", "--framing", "lf",
                                            "--verbose",     "--name",    "n"}
                             << Given{{IdleGap, qint64(10)},
                                      {Framing, QStringLiteral("lf")},
                                      {Verbose, true},
                                      {Name, QStringLiteral("n")}};
}

void tst_SettingsTable::fromCommandLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(Given, expected);
    QCommandLineParser parser;
    table().addOptions(parser);
    QVERIFY2(parser.parse(QStringList{QStringLiteral("chorus-test")} + arguments),
             qPrintable(parser.errorText()));
    SettingProblem problem;
    const std::optional<SettingValues> given = table().fromCommandLine(parser, &problem);
    QVERIFY(given.has_value());
    QCOMPARE(given->size(), int(Count));
    QCOMPARE(givenIn(*given), expected);
    QCOMPARE(problem.id, -1);
}

void tst_SettingsTable::fromCommandLineRefuses_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("id");
    QTest::addColumn<SettingProblemKind>("kind");
    QTest::addColumn<QString>("given");
    QTest::newRow("letters, --opt v") << QStringList{"--idle-gap", "abc"} << int(IdleGap)
                                      << SettingProblemKind::NotANumber << "abc";
    QTest::newRow("letters, --opt=v")
        << QStringList{"--idle-gap=abc"} << int(IdleGap) << SettingProblemKind::NotANumber << "abc";
    QTest::newRow("below range") << QStringList{"--idle-gap=0"} << int(IdleGap)
                                 << SettingProblemKind::OutOfRange << "0";
    QTest::newRow("above range") << QStringList{"--max-bytes", "1099511627777"} << int(MaxBytes)
                                 << SettingProblemKind::OutOfRange << "1099511627777";
    QTest::newRow("unknown choice") << QStringList{"--framing=tcp"} << int(Framing)
                                    << SettingProblemKind::UnknownChoice << "tcp";
    QTest::newRow("empty, --opt=")
        << QStringList{"--name="} << int(Name) << SettingProblemKind::Empty << "";
    QTest::newRow("blank, --opt v")
        << QStringList{"--name", "  "} << int(Name) << SettingProblemKind::Empty << "  ";
    QTest::newRow("one bad among good")
        << QStringList{"--verbose", "--idle-gap=99999", "--name=x"} << int(IdleGap)
        << SettingProblemKind::OutOfRange << "99999";
}

void tst_SettingsTable::fromCommandLineRefuses()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, id);
    QFETCH(SettingProblemKind, kind);
    QFETCH(QString, given);
    QCommandLineParser parser;
    table().addOptions(parser);
    QVERIFY2(parser.parse(QStringList{QStringLiteral("chorus-test")} + arguments),
             qPrintable(parser.errorText()));
    SettingProblem problem;
    QVERIFY(!table().fromCommandLine(parser, &problem).has_value());
    QCOMPARE(problem.id, id);
    QCOMPARE(problem.kind, kind);
    QCOMPARE(problem.given, given);
}

void tst_SettingsTable::onlyRowsWithAnOptionAreOptions()
{
    QCommandLineParser parser;
    table().addOptions(parser);
    // A saved-only row is not an option ...
    QVERIFY(!parser.parse({QStringLiteral("chorus-test"), QStringLiteral("--width=900")}));
    QCOMPARE(parser.unknownOptionNames(), QStringList{QStringLiteral("width")});
    // ... and a flag takes no value.
    QCommandLineParser flags;
    table().addOptions(flags);
    QVERIFY(!flags.parse({QStringLiteral("chorus-test"), QStringLiteral("--verbose=true")}));
}

void tst_SettingsTable::loadChecksEachSavedValue_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<int>("id");
    QTest::addColumn<QVariant>("expected"); // invalid: left out
    QTest::addColumn<SettingProblemKind>("problem");
    const auto ok = SettingProblemKind::WrongType;
    const QVariant out;
    QTest::newRow("int") << QByteArray("[engine]\nidleGapMs=300\n") << int(IdleGap)
                         << QVariant(qint64(300)) << ok;
    QTest::newRow("int: letters") << QByteArray("[engine]\nidleGapMs=abc\n") << int(IdleGap) << out
                                  << SettingProblemKind::NotANumber;
    QTest::newRow("int: out of range") << QByteArray("[engine]\nidleGapMs=0\n") << int(IdleGap)
                                       << out << SettingProblemKind::OutOfRange;
    QTest::newRow("int: 64-bit") << QByteArray("[engine]\nmaxBytes=1099511627776\n")
                                 << int(MaxBytes) << QVariant(qint64(1) << 40) << ok;
    QTest::newRow("bool") << QByteArray("[log]\nverbose=true\n") << int(Verbose) << QVariant(true)
                          << ok;
    QTest::newRow("bool: maybe") << QByteArray("[log]\nverbose=maybe\n") << int(Verbose) << out
                                 << SettingProblemKind::WrongType;
    QTest::newRow("choice") << QByteArray("[engine]\nframing=CRLF\n") << int(Framing)
                            << QVariant(QStringLiteral("crlf")) << ok;
    QTest::newRow("choice: unknown") << QByteArray("[engine]\nframing=tcp\n") << int(Framing) << out
                                     << SettingProblemKind::UnknownChoice;
    QTest::newRow("text") << QByteArray("[client]\nname=드론\n") << int(Name)
                          << QVariant(QStringLiteral("드론")) << ok;
    QTest::newRow("text: quoted comma") << QByteArray("[client]\nname=\"a, b\"\n") << int(Name)
                                        << QVariant(QStringLiteral("a, b")) << ok;
    QTest::newRow("text: empty") << QByteArray("[client]\nname=\n") << int(Name) << out
                                 << SettingProblemKind::Empty;
    QTest::newRow("saved only") << QByteArray("[window]\nwidth=1024\n") << int(WindowWidth)
                                << QVariant(qint64(1024)) << ok;
    QTest::newRow("saved only: too wide")
        << QByteArray("[window]\nwidth=99999\n") << int(WindowWidth) << out
        << SettingProblemKind::OutOfRange;
}

void tst_SettingsTable::loadChecksEachSavedValue()
{
    QFETCH(QByteArray, ini);
    QFETCH(int, id);
    QFETCH(QVariant, expected);
    QFETCH(SettingProblemKind, problem);
    QTemporaryDir dir;
    SettingsFile file(writeSettings(dir, ini));
    QCOMPARE(file.load().error, FileError::None);
    QList<SettingProblem> problems;
    const SettingValues values = table().load(file, &problems);
    QCOMPARE(values.size(), int(Count));
    if (expected.isValid()) {
        QCOMPARE(givenIn(values), (Given{{id, expected}}));
        QVERIFY(problems.isEmpty());
    } else {
        QCOMPARE(givenIn(values), Given{}); // left out: the default applies
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().id, id);
        QCOMPARE(problems.first().kind, problem);
    }
}

void tst_SettingsTable::loadLeavesOutAndReportsEveryBadValue()
{
    QTemporaryDir dir;
    SettingsFile file(writeSettings(dir, "[engine]\n"
                                         "idleGapMs=abc\n"
                                         "framing=lf\n"
                                         "maxBytes=0\n"
                                         "unknownKey=whatever\n"
                                         "[log]\n"
                                         "verbose=false\n"
                                         "[client]\n"
                                         "name=\n"));
    QCOMPARE(file.load().error, FileError::None);
    QList<SettingProblem> problems;
    const SettingValues values = table().load(file, &problems);
    QCOMPARE(givenIn(values), (Given{{Framing, QStringLiteral("lf")}, {Verbose, false}}));
    QCOMPARE(problems.size(), 3);
    QCOMPARE(problems.at(0).id, int(IdleGap));
    QCOMPARE(problems.at(0).kind, SettingProblemKind::NotANumber);
    QCOMPARE(problems.at(0).given, QStringLiteral("abc"));
    QCOMPARE(problems.at(1).id, int(MaxBytes));
    QCOMPARE(problems.at(1).kind, SettingProblemKind::OutOfRange);
    QCOMPARE(problems.at(2).id, int(Name));
    QCOMPARE(problems.at(2).kind, SettingProblemKind::Empty);
    // Without a list to report to, the bad values are still left out.
    QCOMPARE(givenIn(table().load(file)), givenIn(values));
}

void tst_SettingsTable::storeThenLoadRoundTrips()
{
    QTemporaryDir dir;
    const QString path = writeSettings(dir, "[other]\nkept=yes\n");
    SettingValues values(Count);
    values.set(IdleGap, qint64(300));
    values.set(MaxBytes, qint64(1) << 40);
    values.set(Verbose, true);
    values.set(Framing, QStringLiteral("crlf"));
    values.set(Name, QStringLiteral("드론, 7 = \"x\""));
    values.set(Comment, QString());
    values.set(WindowWidth, qint64(1024));
    {
        SettingsFile file(path);
        QCOMPARE(file.load().error, FileError::None);
        table().store(file, values);
        QCOMPARE(file.save().error, FileError::None);
    }
    SettingsFile reread(path);
    QCOMPARE(reread.load().error, FileError::None);
    QList<SettingProblem> problems;
    QCOMPARE(givenIn(table().load(reread, &problems)), givenIn(values));
    QVERIFY(problems.isEmpty());
    QVERIFY(!reread.contains(QStringLiteral("log/messages"))); // not set, not stored
    QCOMPARE(reread.value(QStringLiteral("other/kept")), QVariant(QStringLiteral("yes")));
}

void tst_SettingsTable::helpMentionsRangeUnitAndDefault()
{
    const QString idleGap = table().help(IdleGap);
    QVERIFY(idleGap.startsWith(QStringLiteral("Silence that ends a message.")));
    QVERIFY2(containsNumber(idleGap, 5), qPrintable(idleGap));
    QVERIFY2(containsNumber(idleGap, 60000), qPrintable(idleGap));
    QVERIFY2(containsNumber(idleGap, 250), qPrintable(idleGap));
    QVERIFY2(idleGap.contains(QRegularExpression(QStringLiteral("\\bms\\b"))), qPrintable(idleGap));

    const QString maxBytes = table().help(MaxBytes);
    QVERIFY2(containsNumber(maxBytes, qint64(1) << 40), qPrintable(maxBytes));
    QVERIFY2(containsNumber(maxBytes, 65536), qPrintable(maxBytes));
    QVERIFY2(maxBytes.contains(QStringLiteral("bytes")), qPrintable(maxBytes));

    const QString framing = table().help(Framing);
    for (const QString& choice : table().row(Framing).choices)
        QVERIFY2(framing.contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(choice))),
                 qPrintable(framing));

    // Flags and text have no range: their help is the row's own text.
    QCOMPARE(table().help(Verbose), QStringLiteral("Log more."));
    QCOMPARE(table().help(Name), QStringLiteral("Name shown to others."));

    // --help shows the same text.
    QCommandLineParser parser;
    table().addOptions(parser);
    QVERIFY(parser.helpText().contains(QStringLiteral("--idle-gap <N>")));
    QVERIFY(parser.helpText().contains(QStringLiteral("--verbose")));
    QVERIFY(!parser.helpText().contains(QStringLiteral("--width")));
}

void tst_SettingsTable::describeNamesTheSettingAndValue()
{
    const QList<SettingProblem> problems = {
        {IdleGap, SettingProblemKind::NotANumber, QStringLiteral("abc")},
        {IdleGap, SettingProblemKind::OutOfRange, QStringLiteral("0")},
        {Framing, SettingProblemKind::UnknownChoice, QStringLiteral("tcp")},
        {Verbose, SettingProblemKind::WrongType, QStringLiteral("maybe")},
        {WindowWidth, SettingProblemKind::OutOfRange, QStringLiteral("99999")},
    };
    for (const SettingProblem& problem : problems) {
        const QString text = table().describe(problem);
        const SettingSpec& spec = table().row(problem.id);
        const QString name = spec.option ? QStringLiteral("--") + QLatin1String(spec.option)
                                         : QLatin1String(spec.key);
        QVERIFY2(text.contains(name), qPrintable(text));
        QVERIFY2(text.contains(problem.given), qPrintable(text));
    }
    QVERIFY(table().describe({Name, SettingProblemKind::Empty, {}}).contains("--name"));
    QVERIFY(table().describe({-1, SettingProblemKind::Empty, {}}).isEmpty());
    QVERIFY(table().describe({Count, SettingProblemKind::Empty, {}}).isEmpty());
}

void tst_SettingsTable::textListFromCommandLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("numbers");
    QTest::addColumn<QString>("badEntry");

    QTest::newRow("repeated") << QStringList{"--number", "1", "--number=2"} << true
                              << QStringList{"1", "2"} << QString();
    QTest::newRow("commas and spaces") << QStringList{"--number", "1, 2 ,3", "--number", "4"}
                                       << true << QStringList{"1", "2", "3", "4"} << QString();
    QTest::newRow("one bad entry")
        << QStringList{"--number", "1,x2"} << false << QStringList() << QStringLiteral("x2");
}

void tst_SettingsTable::textListFromCommandLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, ok);
    QFETCH(QStringList, numbers);
    QFETCH(QString, badEntry);
    QCommandLineParser parser;
    listTable().addOptions(parser);
    QVERIFY(parser.parse(QStringList{QStringLiteral("prog")} + arguments +
                         QStringList{QStringLiteral("--secret"), QStringLiteral("s3cret")}));
    SettingProblem problem;
    const std::optional<SettingValues> given = listTable().fromCommandLine(parser, &problem);
    QCOMPARE(given.has_value(), ok);
    if (!ok) {
        QCOMPARE(problem.kind, SettingProblemKind::BadEntry);
        QCOMPARE(problem.given, badEntry);
        return;
    }
    QCOMPARE(given->get(0).toStringList(), numbers);
    QCOMPARE(given->get(1).toString(), QStringLiteral("s3cret"));
    QVERIFY(!listTable().help(1).contains(QLatin1String("s3cret")));
}

void tst_SettingsTable::textListLoadsAndChecksEntries()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SettingsFile file(dir.filePath(QStringLiteral("list.conf")));
    SettingValues values(listTable().size());
    values.set(0, QStringList{QStringLiteral("10"), QStringLiteral("20")});
    values.set(1, QStringLiteral("tok"));
    listTable().store(file, values);
    QVERIFY(file.save().ok());
    SettingsFile reread(dir.filePath(QStringLiteral("list.conf")));
    QVERIFY(reread.load().ok());
    QList<SettingProblem> problems;
    const SettingValues loaded = listTable().load(reread, &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(loaded.get(0).toStringList(),
             (QStringList{QStringLiteral("10"), QStringLiteral("20")}));
    QCOMPARE(loaded.get(1).toString(), QStringLiteral("tok"));
    // A saved list with a bad entry is left out and reported.
    reread.setValue(QStringLiteral("access/numbers"),
                    QStringList{QStringLiteral("1"), QStringLiteral("one")});
    problems.clear();
    const SettingValues refused = listTable().load(reread, &problems);
    QVERIFY(!refused.has(0));
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().kind, SettingProblemKind::BadEntry);
}

QTEST_GUILESS_MAIN(tst_SettingsTable)
#include "tst_settingstable.moc"
