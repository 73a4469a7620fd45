#pragma once

// One home for each setting: a table row gives its name in the settings file,
// its command-line option, its type, range, default, unit and help. The
// command line (--help, parsing, range errors), the settings dialog (editor,
// range, suffix, tooltip) and the saved settings (load with range checks,
// store) are all driven by the same row, so they cannot disagree.
//
// A program defines an enum of its settings (0..N-1) and a table with one row
// per enum value, in order; SettingValues holds a value per row, each optional:
// the saved settings are one SettingValues, the command-line overrides another
// (only the options given are set).

#include "base/SettingsFile.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>
#include <vector>

class QCommandLineParser;

namespace chorus {

enum class SettingKind {
    Integer, // qint64 within [minimum, maximum]
    Boolean, // on the command line: a flag that sets `flagValue`
    Choice,  // one of `choices` (lower-case names, as typed and as saved)
    Text,    // free text; `minimum` > 0 means it must not be empty
    // A list of texts (a QStringList): on the command line the option may be
    // repeated and each value may hold several entries separated by commas;
    // saved as a list. Each entry must pass `acceptsEntry` when it is set.
    TextList,
    // Text that is a secret (an access token): the dialog masks it and --help
    // never shows a value. Saved as it is (the file is the user's own).
    Secret,
};

struct SettingSpec
{
    const char* key = "";         // in the settings file: "engine/idleGapMs"
    const char* option = nullptr; // on the command line: "idle-gap"; nullptr: not an option
    SettingKind kind = SettingKind::Integer;
    QVariant defaultValue;
    qint64 minimum = 0;
    qint64 maximum = 0;
    QStringList choices;        // Choice
    bool flagValue = true;      // Boolean: the value the flag sets
    const char* unit = "";      // "ms", "bytes", "s": shown in help, dialogs and errors
    const char* valueName = ""; // "MS" in --help
    const char* label = "";     // dialog label (translated in the table's context)
    const char* help = "";      // --help line and tooltip (translated in the table's context)
    // Text and TextList: whether one entry is valid (nullptr: any text is).
    bool (*acceptsEntry)(const QString& entry) = nullptr;
};

// Why a value was refused.
enum class SettingProblemKind {
    NotANumber,
    OutOfRange,
    UnknownChoice,
    Empty,
    WrongType,
    BadEntry, // a Text or TextList entry acceptsEntry refused (given = that entry)
};

struct SettingProblem
{
    int id = -1;
    SettingProblemKind kind = SettingProblemKind::WrongType;
    QString given; // the value as typed or saved
};

class SettingValues
{
public:
    explicit SettingValues(int count = 0) : m_values(std::size_t(count)) {}
    bool has(int id) const { return id >= 0 && id < size() && m_values[std::size_t(id)]; }
    QVariant get(int id) const { return has(id) ? *m_values[std::size_t(id)] : QVariant(); }
    void set(int id, const QVariant& value) { m_values.at(std::size_t(id)) = value; }
    void clear(int id) { m_values.at(std::size_t(id)).reset(); }
    int size() const { return int(m_values.size()); }

private:
    std::vector<std::optional<QVariant>> m_values;
};

// "a, b c;d" -> a, b, c, d: how a TextList is typed on one line.
QStringList splitListText(const QString& text);

class SettingsTable
{
public:
    // context: the translation context of the rows' labels and help texts.
    SettingsTable(const char* context, QList<SettingSpec> rows);

    int size() const { return int(m_rows.size()); }
    const SettingSpec& row(int id) const { return m_rows.at(id); }
    // The row's id by settings key or option name; -1 when there is none.
    int idOfKey(const QString& key) const;
    int idOfOption(const QString& option) const;
    QString label(int id) const;
    QString unit(int id) const; // translated; empty when the row has none
    QString help(int id) const; // with range, unit and default appended

    // Converts and checks a value for row id (a number as text is accepted).
    std::optional<QVariant> check(int id, const QVariant& value,
                                  SettingProblem* problem = nullptr) const;
    // Every row's default.
    SettingValues defaults() const;

    // --- command line: both "--option value" and "--option=value".
    void addOptions(QCommandLineParser& parser) const;
    // The options given, checked; the first bad one is returned in *problem.
    std::optional<SettingValues> fromCommandLine(const QCommandLineParser& parser,
                                                 SettingProblem* problem) const;

    // --- saved settings. Values that fail check() are left out (the default
    // applies) and reported in *problems.
    SettingValues load(const SettingsFile& file, QList<SettingProblem>* problems = nullptr) const;
    void store(SettingsFile& file, const SettingValues& values) const;

    // "--idle-gap: "abc" is not a whole number from 1 to 60000 ms.", translated.
    QString describe(const SettingProblem& problem) const;

private:
    QString translate(const char* text) const;

    const char* m_context;
    QList<SettingSpec> m_rows;
};

} // namespace chorus
