#include "wire/ChorusProtocol.h"

// The decoding half of the Chorus codec (encoding: ChorusProtocol.cpp):
// decodeChorusLine() with precise error reporting, and the cheap hello check.

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QStringList>

#include <cmath>
#include <limits>

namespace chorus {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("chorus::ChorusProtocol", text);
}

// ---------------------------------------------------------------- decoding

struct DecodeFailure
{
    ChorusErrorCode code;
    QString message;
};

// Reads the fields of one object; the first problem found is kept.
// Index of the first surrogate without its partner, or -1.
qsizetype unpairedSurrogate(const QString& text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            return i;
    }
    return -1;
}

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
                     tr("missing field \"%1\" (%2)").arg(QLatin1String(key), tr(expected)));
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

    void fail(ChorusErrorCode code, const QString& message)
    {
        if (!failed())
            m_failure = DecodeFailure{code, message};
    }

private:
    void failWrongType(const char* key, const char* expected, const QJsonValue& value)
    {
        fail(ChorusErrorCode::WrongType,
             tr("field \"%1\" must be %2, got %3")
                 .arg(QLatin1String(key), tr(expected), describeValue(value)));
    }

    static QString describeValue(const QJsonValue& value)
    {
        switch (value.type()) {
        case QJsonValue::Null:
            return tr("null");
        case QJsonValue::Bool:
            return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        case QJsonValue::Double: {
            // Shortest faithful text of the number the peer sent.
            return QString::number(value.toDouble(), 'g', 17);
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

    const QJsonObject& m_object;
    std::optional<DecodeFailure> m_failure;
};

// Code points, not UTF-16 units: "드론" is 2 characters whatever the encoding.
qsizetype codePointCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

bool hasControlCharacter(QStringView text)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f))
            return true;
    }
    return false;
}

// A name shows in a table cell and a history line: one line, bounded.
void checkName(FieldReader& reader, const char* key, const QString& name, bool allowEmpty)
{
    if (!allowEmpty && name.trimmed().isEmpty()) {
        reader.fail(ChorusErrorCode::BadValue,
                    tr("field \"%1\" must not be empty").arg(QLatin1String(key)));
    } else if (codePointCount(name) > kChorusMaxNameLength) {
        reader.fail(ChorusErrorCode::BadValue,
                    tr("field \"%1\" is %2 characters long; at most %3 are allowed")
                        .arg(QLatin1String(key))
                        .arg(codePointCount(name))
                        .arg(kChorusMaxNameLength));
    } else if (hasControlCharacter(name)) {
        reader.fail(ChorusErrorCode::BadValue,
                    tr("field \"%1\" must not contain control characters").arg(QLatin1String(key)));
    }
}

QString supportedVersionsText()
{
    QStringList versions;
    for (int v : supportedChorusVersions())
        versions << QString::number(v);
    return versions.join(QStringLiteral(", "));
}

bool isJsonWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

QByteArrayView trimmedJson(QByteArrayView bytes)
{
    qsizetype begin = 0;
    qsizetype end = bytes.size();
    while (begin < end && isJsonWhitespace(bytes[begin]))
        ++begin;
    while (end > begin && isJsonWhitespace(bytes[end - 1]))
        --end;
    return bytes.sliced(begin, end - begin);
}

// QJsonDocument decodes each string with a UTF-8 decoder that drops a
// U+FEFF at the start of the string (and skips one before the document):
// written as the escape \ufeff it is kept, like any other character. Outside
// a string the escape is not JSON, so a stray mark is refused, not ignored.
QByteArray jsonKeepingByteOrderMarks(QByteArrayView json)
{
    static constexpr QByteArrayView kMark("\xEF\xBB\xBF");
    QByteArray out = json.toByteArray();
    if (json.contains(kMark))
        out.replace(kMark, QByteArrayView("\\ufeff"));
    return out;
}

QString shortened(const QString& text, qsizetype maxChars = 40)
{
    if (text.size() <= maxChars)
        return text;
    return text.left(maxChars) + QStringLiteral("…");
}

} // namespace

// ---------------------------------------------------------------- decode

ChorusMessage ChorusDecodeResult::toErrorMessage() const
{
    return makeError(error, errorMessage, re);
}

ChorusDecodeResult decodeChorusLine(QByteArrayView line, qsizetype maxLineBytes)
{
    ChorusDecodeResult result;
    auto failWith = [&result](ChorusErrorCode code, const QString& message) {
        result.error = code;
        result.errorMessage = message;
        return result;
    };

    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    if (maxLineBytes > 0 && line.size() > maxLineBytes) {
        return failWith(ChorusErrorCode::TooLong,
                        tr("line of %1 bytes is longer than the limit of %2 bytes")
                            .arg(line.size())
                            .arg(maxLineBytes));
    }
    const QByteArrayView json = trimmedJson(line);
    if (json.isEmpty()) {
        result.blank = true;
        return result;
    }

    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(jsonKeepingByteOrderMarks(json), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // QJsonDocument only parses objects and arrays at the top level; a bare
        // number or string is still valid JSON, just not an object.
        if (json.front() != '{' && json.front() != '[') {
            QJsonParseError wrappedError;
            QJsonDocument::fromJson('[' + json.toByteArray() + ']', &wrappedError);
            if (wrappedError.error == QJsonParseError::NoError)
                return failWith(ChorusErrorCode::NotObject,
                                tr("expected a JSON object, got a single value"));
        }
        return failWith(
            ChorusErrorCode::BadJson,
            tr("invalid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    }
    if (!document.isObject()) {
        return failWith(ChorusErrorCode::NotObject, document.isArray()
                                                        ? tr("expected a JSON object, got an array")
                                                        : tr("expected a JSON object"));
    }
    const QJsonObject object = document.object();
    FieldReader reader(object);

    // Remember the seq first: even a line we reject can then be answered with
    // an error that says which msg it was.
    {
        FieldReader seqReader(object);
        result.re = seqReader.unsignedInteger("seq", false);
    }

    const std::optional<QString> typeName = reader.string("type", true);
    if (reader.failed())
        return failWith(reader.failure().code, reader.failure().message);
    const std::optional<ChorusMessageType> type = chorusMessageTypeFromName(*typeName);
    if (!type) {
        return failWith(ChorusErrorCode::UnknownType,
                        tr("unknown message type \"%1\"").arg(shortened(*typeName)));
    }

    ChorusMessage& m = result.message;
    m.type = *type;
    switch (*type) {
    case ChorusMessageType::Hello: {
        const auto proto = reader.integer(
            "proto", true, std::numeric_limits<int>::min(), std::numeric_limits<int>::max(),
            QT_TRANSLATE_NOOP("chorus::ChorusProtocol", "an integer"));
        if (proto && !supportedChorusVersions().contains(int(*proto))) {
            reader.fail(ChorusErrorCode::UnsupportedProto,
                        tr("protocol version %1 is not supported; supported versions: %2")
                            .arg(*proto)
                            .arg(supportedVersionsText()));
        }
        m.proto = int(proto.value_or(kChorusProtocolVersion));
        m.name = reader.string("name", false).value_or(QString());
        if (!reader.failed())
            checkName(reader, "name", m.name, true);
        m.app = reader.string("app", false).value_or(QString());
        m.token = reader.string("token", false).value_or(QString());
        break;
    }
    case ChorusMessageType::Welcome: {
        const auto proto = reader.integer(
            "proto", true, std::numeric_limits<int>::min(), std::numeric_limits<int>::max(),
            QT_TRANSLATE_NOOP("chorus::ChorusProtocol", "an integer"));
        m.proto = int(proto.value_or(kChorusProtocolVersion));
        m.id = reader.unsignedInteger("id", true).value_or(0);
        m.server = reader.string("server", true).value_or(QString());
        m.udpPort =
            quint16(std::min<quint64>(reader.unsignedInteger("udp", false).value_or(0), 65535));
        m.token = reader.string("token", false).value_or(QString());
        break;
    }
    case ChorusMessageType::Msg:
        m.seq = reader.unsignedInteger("seq", true).value_or(0);
        m.text = reader.string("text", true).value_or(QString());
        m.token = reader.string("token", false).value_or(QString());
        break;
    case ChorusMessageType::Reply:
        m.re = reader.unsignedInteger("re", true).value_or(0);
        m.text = reader.string("text", true).value_or(QString());
        break;
    case ChorusMessageType::Ping:
    case ChorusMessageType::Pong:
        m.t = reader
                  .integer("t", true, -kChorusMaxSafeInteger, kChorusMaxSafeInteger,
                           QT_TRANSLATE_NOOP("chorus::ChorusProtocol", "an integer"))
                  .value_or(0);
        if (m.type == ChorusMessageType::Ping)
            m.token = reader.string("token", false).value_or(QString());
        break;
    case ChorusMessageType::Name:
        m.name = reader.string("name", true).value_or(QString());
        if (!reader.failed())
            checkName(reader, "name", m.name, false);
        break;
    case ChorusMessageType::Broadcast:
    case ChorusMessageType::Direct:
        m.text = reader.string("text", true).value_or(QString());
        m.from = reader.unsignedInteger("from", false).value_or(0);
        break;
    case ChorusMessageType::Error: {
        m.code = reader.string("code", true).value_or(QString());
        m.message = reader.string("message", true).value_or(QString());
        const auto re = reader.unsignedInteger("re", false);
        m.hasRe = re.has_value();
        m.re = re.value_or(0);
        break;
    }
    case ChorusMessageType::Bye:
        m.reason = reader.string("reason", false).value_or(QString());
        m.retry = reader.boolean("retry").value_or(false);
        break;
    }

    if (reader.failed()) {
        const DecodeFailure failure = reader.failure();
        result.message = ChorusMessage();
        return failWith(failure.code,
                        tr("%1: %2").arg(chorusMessageTypeName(*type), failure.message));
    }
    return result;
}

bool looksLikeChorusHello(QByteArrayView message)
{
    const QByteArrayView json = trimmedJson(message);
    // Cheap rejections first: most text peers never send anything like this.
    if (json.size() < 15 || json.front() != '{' || json.back() != '}' ||
        !json.contains(QByteArrayView("hello")))
        return false;
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(jsonKeepingByteOrderMarks(json), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return false;
    return document.object().value(QLatin1String("type")).toString() == QLatin1String("hello");
}

} // namespace chorus
