#include "base/SettingsTable.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

namespace chorus {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("chorus::SettingsTable", text);
}

} // namespace

SettingsTable::SettingsTable(const char* context, QList<SettingSpec> rows)
    : m_context(context), m_rows(std::move(rows))
{}

QString SettingsTable::translate(const char* text) const
{
    return QCoreApplication::translate(m_context, text);
}

int SettingsTable::idOfKey(const QString& key) const
{
    for (int id = 0; id < size(); ++id) {
        if (key == QLatin1String(m_rows.at(id).key))
            return id;
    }
    return -1;
}

int SettingsTable::idOfOption(const QString& option) const
{
    for (int id = 0; id < size(); ++id) {
        if (m_rows.at(id).option && option == QLatin1String(m_rows.at(id).option))
            return id;
    }
    return -1;
}

QString SettingsTable::label(int id) const
{
    return translate(m_rows.at(id).label);
}

QString SettingsTable::unit(int id) const
{
    const char* unit = m_rows.at(id).unit;
    return unit[0] ? translate(unit) : QString();
}

QString SettingsTable::help(int id) const
{
    const SettingSpec& row = m_rows.at(id);
    QString text = translate(row.help);
    const QString unit = row.unit[0] ? QLatin1Char(' ') + this->unit(id) : QString();
    switch (row.kind) {
    case SettingKind::Integer:
        text += QLatin1Char(' ') + tr("%1 to %2%3; default %4%3.")
                                       .arg(row.minimum)
                                       .arg(row.maximum)
                                       .arg(unit)
                                       .arg(row.defaultValue.toLongLong());
        break;
    case SettingKind::Choice:
        // A row without a default (an option that only overrides) names none.
        text += QLatin1Char(' ') +
                (row.defaultValue.isValid()
                     ? tr("One of: %1; default %2.")
                           .arg(row.choices.join(QLatin1String(", ")), row.defaultValue.toString())
                     : tr("One of: %1.").arg(row.choices.join(QLatin1String(", "))));
        break;
    case SettingKind::TextList:
        text += QLatin1Char(' ') + tr("May be given more than once, or as a comma-separated list.");
        break;
    case SettingKind::Boolean:
    case SettingKind::Text:
    case SettingKind::Secret:
        break;
    }
    return text;
}

std::optional<QVariant> SettingsTable::check(int id, const QVariant& value,
                                             SettingProblem* problem) const
{
    const SettingSpec& row = m_rows.at(id);
    auto refuse = [&](SettingProblemKind kind) -> std::optional<QVariant> {
        if (problem)
            *problem = SettingProblem{id, kind, value.toString()};
        return std::nullopt;
    };
    switch (row.kind) {
    case SettingKind::Integer: {
        bool ok = false;
        const qint64 number = value.typeId() == QMetaType::QString
                                  ? value.toString().trimmed().toLongLong(&ok)
                                  : value.toLongLong(&ok);
        if (!ok)
            return refuse(SettingProblemKind::NotANumber);
        if (number < row.minimum || number > row.maximum)
            return refuse(SettingProblemKind::OutOfRange);
        return QVariant(number);
    }
    case SettingKind::Boolean:
        if (value.typeId() == QMetaType::Bool)
            return value;
        if (value.typeId() == QMetaType::QString) {
            const QString text = value.toString().trimmed().toLower();
            if (text == QLatin1String("true") || text == QLatin1String("1"))
                return QVariant(true);
            if (text == QLatin1String("false") || text == QLatin1String("0"))
                return QVariant(false);
        }
        return refuse(SettingProblemKind::WrongType);
    case SettingKind::Choice: {
        const QString text = value.toString().trimmed().toLower();
        if (!row.choices.contains(text))
            return refuse(SettingProblemKind::UnknownChoice);
        return QVariant(text);
    }
    case SettingKind::Text:
    case SettingKind::Secret: {
        if (!value.canConvert<QString>())
            return refuse(SettingProblemKind::WrongType);
        const QString text = value.toString();
        if (row.minimum > 0 && text.trimmed().isEmpty())
            return refuse(SettingProblemKind::Empty);
        if (row.acceptsEntry && !text.isEmpty() && !row.acceptsEntry(text))
            return refuse(SettingProblemKind::BadEntry);
        return QVariant(text);
    }
    case SettingKind::TextList: {
        QStringList entries;
        if (!value.isValid()) {
            entries = {}; // QSettings' empty list
        } else if (value.typeId() == QMetaType::QStringList ||
                   value.typeId() == QMetaType::QVariantList) {
            // Each item may itself be "a, b" (a repeated option's value).
            for (const QString& item : value.toStringList())
                entries += splitListText(item);
        } else if (value.canConvert<QString>())
            entries = splitListText(value.toString());
        else
            return refuse(SettingProblemKind::WrongType);
        QStringList kept;
        for (const QString& entry : std::as_const(entries)) {
            const QString trimmed = entry.trimmed();
            if (trimmed.isEmpty())
                continue;
            if (row.acceptsEntry && !row.acceptsEntry(trimmed)) {
                if (problem)
                    *problem = SettingProblem{id, SettingProblemKind::BadEntry, trimmed};
                return std::nullopt;
            }
            kept.append(trimmed);
        }
        if (row.minimum > 0 && kept.isEmpty())
            return refuse(SettingProblemKind::Empty);
        return QVariant(kept);
    }
    }
    return refuse(SettingProblemKind::WrongType);
}

SettingValues SettingsTable::defaults() const
{
    SettingValues values(size());
    for (int id = 0; id < size(); ++id)
        values.set(id, m_rows.at(id).defaultValue);
    return values;
}

void SettingsTable::addOptions(QCommandLineParser& parser) const
{
    for (int id = 0; id < size(); ++id) {
        const SettingSpec& row = m_rows.at(id);
        if (!row.option)
            continue;
        if (row.kind == SettingKind::Boolean)
            parser.addOption(QCommandLineOption(QLatin1String(row.option), help(id)));
        else
            parser.addOption(QCommandLineOption(QLatin1String(row.option), help(id),
                                                QLatin1String(row.valueName)));
    }
}

std::optional<SettingValues> SettingsTable::fromCommandLine(const QCommandLineParser& parser,
                                                            SettingProblem* problem) const
{
    SettingValues given(size());
    for (int id = 0; id < size(); ++id) {
        const SettingSpec& row = m_rows.at(id);
        if (!row.option || !parser.isSet(QLatin1String(row.option)))
            continue;
        if (row.kind == SettingKind::Boolean) {
            given.set(id, row.flagValue);
            continue;
        }
        if (row.kind == SettingKind::TextList) {
            // Every occurrence counts: --allow A --allow B,C is A, B and C.
            const std::optional<QVariant> value =
                check(id, parser.values(QLatin1String(row.option)), problem);
            if (!value)
                return std::nullopt;
            given.set(id, *value);
            continue;
        }
        const std::optional<QVariant> value =
            check(id, parser.value(QLatin1String(row.option)), problem);
        if (!value)
            return std::nullopt;
        given.set(id, *value);
    }
    return given;
}

SettingValues SettingsTable::load(const SettingsFile& file, QList<SettingProblem>* problems) const
{
    SettingValues values(size());
    for (int id = 0; id < size(); ++id) {
        const QString key = QLatin1String(m_rows.at(id).key);
        if (!file.contains(key))
            continue;
        SettingProblem problem;
        if (const std::optional<QVariant> value = check(id, file.value(key), &problem))
            values.set(id, *value);
        else if (problems)
            problems->append(problem);
    }
    return values;
}

void SettingsTable::store(SettingsFile& file, const SettingValues& values) const
{
    for (int id = 0; id < size(); ++id) {
        if (values.has(id))
            file.setValue(QLatin1String(m_rows.at(id).key), values.get(id));
    }
}

QStringList splitListText(const QString& text)
{
    QStringList out;
    const QStringList parts =
        text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    for (const QString& part : parts)
        out.append(part.trimmed());
    return out;
}

QString SettingsTable::describe(const SettingProblem& problem) const
{
    if (problem.id < 0 || problem.id >= size())
        return {};
    const SettingSpec& row = m_rows.at(problem.id);
    const QString name =
        row.option ? QStringLiteral("--") + QLatin1String(row.option) : QLatin1String(row.key);
    const QString unit = row.unit[0] ? QLatin1Char(' ') + this->unit(problem.id) : QString();
    switch (problem.kind) {
    case SettingProblemKind::NotANumber:
    case SettingProblemKind::OutOfRange:
        return tr("%1: \"%2\" is not a whole number from %3 to %4%5.")
            .arg(name, problem.given)
            .arg(row.minimum)
            .arg(row.maximum)
            .arg(unit);
    case SettingProblemKind::UnknownChoice:
        return tr("%1: \"%2\" is not one of %3.")
            .arg(name, problem.given, row.choices.join(QLatin1String(", ")));
    case SettingProblemKind::Empty:
        return tr("%1: the value is empty.").arg(name);
    case SettingProblemKind::WrongType:
        return tr("%1: \"%2\" is not a valid value.").arg(name, problem.given);
    case SettingProblemKind::BadEntry:
        return tr("%1: \"%2\" is not a valid entry.").arg(name, problem.given);
    }
    return {};
}

} // namespace chorus
