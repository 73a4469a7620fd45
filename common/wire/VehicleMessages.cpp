#include "wire/VehicleMessages.h"

// Names, factories, encoding and decoding of the vehicle messages.
// decodeChorusLine/encodeChorusMessage call readVehicleFields/appendVehicleFields for these types.

#include "wire/ChorusCodecDetail.h"

#include <QStringList>

#include <array>
#include <cmath>

namespace chorus {

namespace {

struct ResultName
{
    MavResult result;
    const char* name;
};

constexpr std::array<ResultName, 6> kResultNames{{
    {MavResult::Accepted, "accepted"},
    {MavResult::TemporarilyRejected, "temporarily_rejected"},
    {MavResult::Denied, "denied"},
    {MavResult::Unsupported, "unsupported"},
    {MavResult::Failed, "failed"},
    {MavResult::InProgress, "in_progress"},
}};

constexpr std::array<const char*, 8> kSeverityNames{
    {"emergency", "alert", "critical", "error", "warning", "notice", "info", "debug"}};

QString shortened(const QString& text, qsizetype maxChars = 40)
{
    if (text.size() <= maxChars)
        return text;
    return text.left(maxChars) + QStringLiteral("…");
}

QString joinedNames(const QStringList& names)
{
    return names.join(QStringLiteral(", "));
}

QStringList resultNames()
{
    QStringList names;
    for (const auto& entry : kResultNames)
        names << QLatin1String(entry.name);
    return names;
}

QStringList severityNames()
{
    QStringList names;
    for (const char* name : kSeverityNames)
        names << QLatin1String(name);
    return names;
}

} // namespace

// ---------------------------------------------------------------- names

QString mavResultName(MavResult result)
{
    for (const auto& entry : kResultNames) {
        if (entry.result == result)
            return QLatin1String(entry.name);
    }
    return {};
}

std::optional<MavResult> mavResultFromName(QStringView name)
{
    for (const auto& entry : kResultNames) {
        if (name == QLatin1String(entry.name))
            return entry.result;
    }
    return std::nullopt;
}

QList<MavResult> allMavResults()
{
    QList<MavResult> results;
    for (const auto& entry : kResultNames)
        results << entry.result;
    return results;
}

bool isFinalMavResult(MavResult result)
{
    return result != MavResult::InProgress;
}

QString statusSeverityName(StatusSeverity severity)
{
    const int index = int(severity);
    if (index < 0 || index >= int(kSeverityNames.size()))
        return {};
    return QLatin1String(kSeverityNames[size_t(index)]);
}

std::optional<StatusSeverity> statusSeverityFromName(QStringView name)
{
    for (size_t i = 0; i < kSeverityNames.size(); ++i) {
        if (name == QLatin1String(kSeverityNames[i]))
            return StatusSeverity(int(i));
    }
    return std::nullopt;
}

QList<StatusSeverity> allStatusSeverities()
{
    QList<StatusSeverity> all;
    for (size_t i = 0; i < kSeverityNames.size(); ++i)
        all << StatusSeverity(int(i));
    return all;
}

// ---------------------------------------------------------------- factories

ChorusMessage makeCmd(quint64 seq, const QString& name, const QJsonObject& args)
{
    ChorusMessage m;
    m.type = ChorusMessageType::Cmd;
    m.seq = seq;
    m.name = name;
    m.args = args;
    return m;
}

ChorusMessage makeAck(quint64 re, MavResult result, std::optional<int> progress,
                      const QString& text)
{
    ChorusMessage m;
    m.type = ChorusMessageType::Ack;
    m.re = re;
    m.result = result;
    m.progress = progress;
    m.text = text;
    return m;
}

ChorusMessage makeTelemetry(const TelemetryValues& values, const TelemetryUnits& units)
{
    ChorusMessage m;
    m.type = ChorusMessageType::Telemetry;
    m.values = values;
    m.units = units;
    return m;
}

ChorusMessage makeStatus(StatusSeverity severity, const QString& text)
{
    ChorusMessage m;
    m.type = ChorusMessageType::Status;
    m.severity = severity;
    m.text = text;
    return m;
}

ChorusMessage makeHeartbeat(const QString& state, const QString& mode, std::optional<bool> armed)
{
    ChorusMessage m;
    m.type = ChorusMessageType::Heartbeat;
    m.state = state;
    m.mode = mode;
    m.armed = armed;
    return m;
}

namespace detail {

// ---------------------------------------------------------------- encoding

namespace {

void appendArgValue(QByteArray& out, const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        appendJsonString(out, value.toString());
        break;
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double:
        appendJsonNumber(out, value.toDouble());
        break;
    default: // not an argument kind: written as null, which decoding refuses
        out.append("null");
        break;
    }
}

} // namespace

void appendVehicleFields(QByteArray& out, const ChorusMessage& m)
{
    switch (m.type) {
    case ChorusMessageType::Cmd:
        appendUnsigned(out, "cmd", m.seq);
        appendString(out, "name", m.name);
        if (!m.args.isEmpty()) {
            appendKey(out, "args");
            out.append('{');
            bool first = true;
            for (auto it = m.args.constBegin(); it != m.args.constEnd(); ++it) {
                if (!first)
                    out.append(',');
                first = false;
                appendJsonString(out, it.key());
                out.append(':');
                appendArgValue(out, it.value());
            }
            out.append('}');
        }
        break;
    case ChorusMessageType::Ack:
        appendUnsigned(out, "re", m.re);
        appendString(out, "result", mavResultName(m.result));
        if (m.progress)
            appendSigned(out, "progress", *m.progress);
        if (!m.text.isEmpty())
            appendString(out, "text", m.text);
        break;
    case ChorusMessageType::Telemetry: {
        appendKey(out, "values");
        out.append('{');
        for (auto it = m.values.constBegin(); it != m.values.constEnd(); ++it) {
            if (it != m.values.constBegin())
                out.append(',');
            appendJsonString(out, it.key());
            out.append(':');
            if (std::isfinite(it.value()))
                appendJsonNumber(out, it.value());
            else
                out.append("null"); // JSON has no NaN/Inf; decoding refuses null
        }
        out.append('}');
        if (!m.units.isEmpty()) {
            appendKey(out, "units");
            out.append('{');
            for (auto it = m.units.constBegin(); it != m.units.constEnd(); ++it) {
                if (it != m.units.constBegin())
                    out.append(',');
                appendJsonString(out, it.key());
                out.append(':');
                appendJsonString(out, it.value());
            }
            out.append('}');
        }
        break;
    }
    case ChorusMessageType::Status:
        appendString(out, "severity", statusSeverityName(m.severity));
        appendString(out, "text", m.text);
        break;
    case ChorusMessageType::Heartbeat:
        if (!m.state.isEmpty())
            appendString(out, "state", m.state);
        if (!m.mode.isEmpty())
            appendString(out, "mode", m.mode);
        if (m.armed)
            out.append(*m.armed ? ",\"armed\":true" : ",\"armed\":false");
        break;
    default:
        break;
    }
}

// ---------------------------------------------------------------- decoding

namespace {

// A key of "values", "units" or "args": shown in a table header, so one line, bounded.
void checkKey(FieldReader& reader, const char* field, const QString& key)
{
    if (key.isEmpty()) {
        reader.fail(ChorusErrorCode::BadValue,
                    tr("field \"%1\" has an empty key").arg(QLatin1String(field)));
    } else if (codePointCount(key) > kChorusMaxKeyLength) {
        reader.fail(ChorusErrorCode::BadValue,
                    tr("field \"%1\" has a key of %2 characters; at most %3 are allowed")
                        .arg(QLatin1String(field))
                        .arg(codePointCount(key))
                        .arg(kChorusMaxKeyLength));
    } else if (hasControlCharacter(key)) {
        reader.fail(ChorusErrorCode::BadValue,
                    tr("field \"%1\" has a key with control characters").arg(QLatin1String(field)));
    } else if (unpairedSurrogate(key) >= 0) {
        reader.fail(ChorusErrorCode::BadValue,
                    tr("field \"%1\" has a key with an unpaired UTF-16 surrogate")
                        .arg(QLatin1String(field)));
    }
}

void checkKeyCount(FieldReader& reader, const char* field, qsizetype count, qsizetype limit)
{
    if (count > limit) {
        reader.fail(ChorusErrorCode::BadValue,
                    tr("field \"%1\" has %2 keys; at most %3 are allowed")
                        .arg(QLatin1String(field))
                        .arg(count)
                        .arg(limit));
    }
}

QString nested(const char* field, const QString& key)
{
    return QLatin1String(field) + QLatin1Char('.') + shortened(key);
}

// An optional object field; nullopt when absent or on error (then failed()).
std::optional<QJsonObject> objectField(FieldReader& reader, const QJsonObject& object,
                                       const char* field, bool required, const char* expected)
{
    if (reader.failed())
        return std::nullopt;
    const QJsonValue value = object.value(QLatin1String(field));
    if (value.isUndefined()) {
        if (required)
            reader.fail(
                ChorusErrorCode::MissingField,
                tr("missing field \"%1\" (%2)").arg(QLatin1String(field)).arg(tr(expected)));
        return std::nullopt;
    }
    if (!value.isObject()) {
        reader.failWrongType(field, expected, value);
        return std::nullopt;
    }
    return value.toObject();
}

void checkTextBytes(FieldReader& reader, const char* field, const QString& text)
{
    if (reader.failed())
        return;
    // Cheap bound first: a UTF-16 unit is at most 3 UTF-8 bytes.
    if (text.size() * 3 <= kChorusMaxVehicleTextBytes)
        return;
    const qsizetype bytes = text.toUtf8().size();
    if (bytes > kChorusMaxVehicleTextBytes) {
        reader.fail(ChorusErrorCode::BadValue,
                    tr("field \"%1\" is %2 bytes long; at most %3 are allowed")
                        .arg(QLatin1String(field))
                        .arg(bytes)
                        .arg(kChorusMaxVehicleTextBytes));
    }
}

QJsonObject readArgs(FieldReader& reader, const QJsonObject& object)
{
    const std::optional<QJsonObject> args = objectField(
        reader, object, "args", false, QT_TRANSLATE_NOOP("chorus::ChorusProtocol", "an object"));
    if (!args)
        return {};
    checkKeyCount(reader, "args", args->size(), kChorusMaxCommandArgs);
    for (auto it = args->constBegin(); it != args->constEnd() && !reader.failed(); ++it) {
        checkKey(reader, "args", it.key());
        const QJsonValue value = it.value();
        if (reader.failed())
            break;
        if (value.isString()) {
            const QString text = value.toString();
            if (codePointCount(text) > kChorusMaxArgTextLength) {
                reader.fail(ChorusErrorCode::BadValue,
                            tr("field \"%1\" is %2 characters long; at most %3 are allowed")
                                .arg(nested("args", it.key()))
                                .arg(codePointCount(text))
                                .arg(kChorusMaxArgTextLength));
            } else if (unpairedSurrogate(text) >= 0) {
                reader.fail(ChorusErrorCode::BadValue,
                            tr("field \"%1\" holds an unpaired UTF-16 surrogate")
                                .arg(nested("args", it.key())));
            }
        } else if (!value.isBool() && !(value.isDouble() && std::isfinite(value.toDouble()))) {
            reader.failWrongType(
                nested("args", it.key()),
                QT_TRANSLATE_NOOP("chorus::ChorusProtocol", "a string, number or boolean"), value);
        }
    }
    return reader.failed() ? QJsonObject() : *args;
}

void readTelemetry(FieldReader& reader, const QJsonObject& object, ChorusMessage& m)
{
    const std::optional<QJsonObject> values =
        objectField(reader, object, "values", true,
                    QT_TRANSLATE_NOOP("chorus::ChorusProtocol", "an object of numbers"));
    if (!values)
        return;
    checkKeyCount(reader, "values", values->size(), kChorusMaxTelemetryKeys);
    for (auto it = values->constBegin(); it != values->constEnd() && !reader.failed(); ++it) {
        checkKey(reader, "values", it.key());
        const QJsonValue value = it.value();
        if (reader.failed())
            break;
        if (!value.isDouble() || !std::isfinite(value.toDouble())) {
            reader.failWrongType(nested("values", it.key()),
                                 QT_TRANSLATE_NOOP("chorus::ChorusProtocol", "a number"), value);
            break;
        }
        m.values.insert(it.key(), value.toDouble());
    }

    const std::optional<QJsonObject> units =
        objectField(reader, object, "units", false,
                    QT_TRANSLATE_NOOP("chorus::ChorusProtocol", "an object of strings"));
    if (!units)
        return;
    checkKeyCount(reader, "units", units->size(), kChorusMaxTelemetryKeys);
    for (auto it = units->constBegin(); it != units->constEnd() && !reader.failed(); ++it) {
        checkKey(reader, "units", it.key());
        const QJsonValue value = it.value();
        if (reader.failed())
            break;
        if (!value.isString()) {
            reader.failWrongType(nested("units", it.key()),
                                 QT_TRANSLATE_NOOP("chorus::ChorusProtocol", "a string"), value);
            break;
        }
        const QString unit = value.toString();
        if (codePointCount(unit) > kChorusMaxUnitLength || hasControlCharacter(unit) ||
            unpairedSurrogate(unit) >= 0) {
            reader.fail(ChorusErrorCode::BadValue,
                        tr("field \"%1\" must be at most %2 characters without control "
                           "characters")
                            .arg(nested("units", it.key()))
                            .arg(kChorusMaxUnitLength));
            break;
        }
        m.units.insert(it.key(), unit);
    }
}

} // namespace

void readVehicleFields(FieldReader& reader, const QJsonObject& object, ChorusMessage& m)
{
    switch (m.type) {
    case ChorusMessageType::Cmd:
        m.seq = reader.unsignedInteger("cmd", true).value_or(0);
        m.name = reader.string("name", true).value_or(QString());
        if (!reader.failed())
            checkName(reader, "name", m.name, false);
        m.args = readArgs(reader, object);
        break;
    case ChorusMessageType::Ack: {
        m.re = reader.unsignedInteger("re", true).value_or(0);
        const std::optional<QString> result = reader.string("result", true);
        if (result && !reader.failed()) {
            if (const std::optional<MavResult> known = mavResultFromName(*result)) {
                m.result = *known;
            } else {
                reader.fail(ChorusErrorCode::BadValue,
                            tr("field \"result\" must be one of %1; got \"%2\"")
                                .arg(joinedNames(resultNames()), shortened(*result)));
            }
        }
        const std::optional<qint64> progress =
            reader.integer("progress", false, 0, kChorusMaxProgress,
                           QT_TRANSLATE_NOOP("chorus::ChorusProtocol", "an integer from 0 to 100"));
        if (progress)
            m.progress = int(*progress);
        m.text = reader.string("text", false).value_or(QString());
        checkTextBytes(reader, "text", m.text);
        break;
    }
    case ChorusMessageType::Telemetry:
        readTelemetry(reader, object, m);
        break;
    case ChorusMessageType::Status: {
        const std::optional<QString> severity = reader.string("severity", true);
        if (severity && !reader.failed()) {
            if (const std::optional<StatusSeverity> known = statusSeverityFromName(*severity)) {
                m.severity = *known;
            } else {
                reader.fail(ChorusErrorCode::BadValue,
                            tr("field \"severity\" must be one of %1; got \"%2\"")
                                .arg(joinedNames(severityNames()), shortened(*severity)));
            }
        }
        m.text = reader.string("text", true).value_or(QString());
        checkTextBytes(reader, "text", m.text);
        break;
    }
    case ChorusMessageType::Heartbeat:
        m.state = reader.string("state", false).value_or(QString());
        if (!reader.failed())
            checkName(reader, "state", m.state, true);
        m.mode = reader.string("mode", false).value_or(QString());
        if (!reader.failed())
            checkName(reader, "mode", m.mode, true);
        m.armed = reader.boolean("armed");
        break;
    default:
        break;
    }
}

} // namespace detail

} // namespace chorus
