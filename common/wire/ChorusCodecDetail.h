#pragma once

// Internal to the Chorus codec (ChorusProtocol.cpp, ChorusDecoder.cpp,
// VehicleMessages.cpp): the field reader that gives every decode error its
// precise wording, and the compact JSON writer. Not for use outside wire/.

#include "base/PeerText.h"
#include "base/TranslateIn.h"
#include "wire/ChorusProtocol.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <cmath>
#include <optional>

namespace chorus::detail {

// A decode error goes to the peer (an "error" message) and to the log: the
// peer gets the English source, the log its translation (base/PeerText.h).
inline PeerText tr(const char* text)
{
    return {QString::fromUtf8(text), translateIn({"chorus::ChorusProtocol", "chorus",
                                                  "chorus::detail", "chorus::detail::FieldReader"},
                                                 text)};
}

struct DecodeFailure
{
    ChorusErrorCode code;
    PeerText message;
};

// Index of the first surrogate without its partner, or -1.
qsizetype unpairedSurrogate(const QString& text);
// Code points, not UTF-16 units: "드론" is 2 characters whatever the encoding.
qsizetype codePointCount(QStringView text);
bool hasControlCharacter(QStringView text);

// Reads the fields of one object; the first problem found is kept.
class FieldReader
{
public:
    explicit FieldReader(const QJsonObject& object) : m_object(object) {}

    bool failed() const { return m_failure.has_value(); }
    DecodeFailure failure() const { return *m_failure; }

    // Integers within [min, max]; a JSON number with a fraction is wrong-type.
    std::optional<qint64> integer(const char* key, bool required, qint64 min, qint64 max,
                                  const char* expected)
    {
        if (failed())
            return std::nullopt;
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined()) {
            if (required)
                fail(ChorusErrorCode::MissingField,
                     tr("missing field \"%1\" (%2)").arg(QLatin1String(key)).arg(tr(expected)));
            return std::nullopt;
        }
        if (!value.isDouble()) {
            failWrongType(key, expected, value);
            return std::nullopt;
        }
        const double d = value.toDouble();
        if (!std::isfinite(d) || d != std::floor(d) || d < double(min) || d > double(max)) {
            failWrongType(key, expected, value);
            return std::nullopt;
        }
        // toInteger keeps every digit of integers that were written as such.
        const qint64 i = value.toInteger(qint64(d));
        if (i < min || i > max) {
            failWrongType(key, expected, value);
            return std::nullopt;
        }
        return i;
    }

    std::optional<quint64> unsignedInteger(const char* key, bool required)
    {
        const auto v =
            integer(key, required, 0, kChorusMaxSafeInteger,
                    QT_TRANSLATE_NOOP("chorus::ChorusProtocol", "a non-negative integer"));
        return v ? std::optional<quint64>(quint64(*v)) : std::nullopt;
    }

    std::optional<QString> string(const char* key, bool required)
    {
        if (failed())
            return std::nullopt;
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined()) {
            if (required)
                fail(ChorusErrorCode::MissingField,
                     tr("missing field \"%1\" (a string)").arg(QLatin1String(key)));
            return std::nullopt;
        }
        if (!value.isString()) {
            failWrongType(key, QT_TRANSLATE_NOOP("chorus::ChorusProtocol", "a string"), value);
            return std::nullopt;
        }
        QString text = value.toString();
        // JSON allows "\ud83d" alone; no UTF-8 can carry it, so the text could not
        // be kept or sent on exactly: refuse it rather than turn it into U+FFFD.
        if (const qsizetype at = unpairedSurrogate(text); at >= 0) {
            fail(ChorusErrorCode::BadValue,
                 tr("field \"%1\" holds an unpaired UTF-16 surrogate (\\u%2) at character %3")
                     .arg(QLatin1String(key))
                     .arg(text.at(at).unicode(), 4, 16, QLatin1Char('0'))
                     .arg(at + 1));
            return std::nullopt;
        }
        return text;
    }

    std::optional<bool> boolean(const char* key)
    {
        if (failed())
            return std::nullopt;
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isBool()) {
            failWrongType(key, QT_TRANSLATE_NOOP("chorus::ChorusProtocol", "true or false"), value);
            return std::nullopt;
        }
        return value.toBool();
    }

    void fail(ChorusErrorCode code, const PeerText& message)
    {
        if (!failed())
            m_failure = DecodeFailure{code, message};
    }

    void failWrongType(const char* key, const char* expected, const QJsonValue& value)
    {
        failWrongType(QLatin1String(key), expected, value);
    }
    // key may name a nested field ("values.alt").
    void failWrongType(const QString& key, const char* expected, const QJsonValue& value)
    {
        fail(ChorusErrorCode::WrongType, tr("field \"%1\" must be %2, got %3")
                                             .arg(key)
                                             .arg(tr(expected))
                                             .arg(describeValue(value)));
    }

    static PeerText describeValue(const QJsonValue& value)
    {
        switch (value.type()) {
        case QJsonValue::Null:
            return tr("null");
        case QJsonValue::Bool:
            return PeerText::verbatim(value.toBool() ? QStringLiteral("true")
                                                     : QStringLiteral("false"));
        case QJsonValue::Double: {
            // Shortest faithful text of the number the peer sent.
            return PeerText::verbatim(QString::number(value.toDouble(), 'g', 17));
        }
        case QJsonValue::String:
            return tr("a string");
        case QJsonValue::Array:
            return tr("an array");
        case QJsonValue::Object:
            return tr("an object");
        case QJsonValue::Undefined:
            break;
        }
        return tr("nothing");
    }

private:
    const QJsonObject& m_object;
    std::optional<DecodeFailure> m_failure;
};

// A name shows in a table cell and a history line: one line, bounded.
void checkName(FieldReader& reader, const char* key, const QString& name, bool allowEmpty);

// ---------------------------------------------------------------- writing
// JSON string escaping over UTF-8 bytes (rules in ChorusProtocol.cpp).
void appendJsonString(QByteArray& out, const QString& text);
void appendKey(QByteArray& out, const char* key); // ,"key":
void appendString(QByteArray& out, const char* key, const QString& value);
void appendUnsigned(QByteArray& out, const char* key, quint64 value);
void appendSigned(QByteArray& out, const char* key, qint64 value);
// A finite number in its shortest exact form: integers without a fraction
// ("87"), others as few digits as read back the same double ("12.5", "1e-05").
void appendJsonNumber(QByteArray& out, double value);

// ---------------------------------------------------------------- vehicle messages
// The cmd/ack/telemetry/status/heartbeat fields (VehicleMessages.cpp).
void appendVehicleFields(QByteArray& out, const ChorusMessage& message);
void readVehicleFields(FieldReader& reader, const QJsonObject& object, ChorusMessage& message);

} // namespace chorus::detail
