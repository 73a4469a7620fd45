#include "wire/ChorusProtocol.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QStringList>

#include <array>
#include <cmath>
#include <limits>
#include <utility>

namespace chorus {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("chorus::ChorusProtocol", text);
}

struct TypeName
{
    ChorusMessageType type;
    const char* name;
};

constexpr std::array<TypeName, 11> kTypeNames{{
    {ChorusMessageType::Hello, "hello"},
    {ChorusMessageType::Welcome, "welcome"},
    {ChorusMessageType::Msg, "msg"},
    {ChorusMessageType::Reply, "reply"},
    {ChorusMessageType::Ping, "ping"},
    {ChorusMessageType::Pong, "pong"},
    {ChorusMessageType::Name, "name"},
    {ChorusMessageType::Broadcast, "broadcast"},
    {ChorusMessageType::Direct, "direct"},
    {ChorusMessageType::Error, "error"},
    {ChorusMessageType::Bye, "bye"},
}};

struct CodeName
{
    ChorusErrorCode code;
    const char* name;
};

constexpr std::array<CodeName, 11> kCodeNames{{
    {ChorusErrorCode::BadJson, "bad-json"},
    {ChorusErrorCode::NotObject, "not-object"},
    {ChorusErrorCode::UnknownType, "unknown-type"},
    {ChorusErrorCode::MissingField, "missing-field"},
    {ChorusErrorCode::WrongType, "wrong-type"},
    {ChorusErrorCode::BadValue, "bad-value"},
    {ChorusErrorCode::UnsupportedProto, "unsupported-proto"},
    {ChorusErrorCode::TooLong, "too-long"},
    {ChorusErrorCode::UnexpectedType, "unexpected-type"},
    {ChorusErrorCode::Internal, "internal"},
    {ChorusErrorCode::None, ""},
}};

// ---------------------------------------------------------------- encoding

// JSON string escaping over UTF-8 bytes. Everything below U+0020 and DEL is
// escaped (a raw CR or ESC would garble a terminal running nc), as are
// U+2028/U+2029, which some JavaScript line readers treat as line breaks.
// QString::toUtf8 turns a lone surrogate into '?'; text mode shows invalid
// input as U+FFFD, so the protocol does the same.
QString withoutLoneSurrogates(const QString& text)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto isLone = [&text, n](qsizetype at) {
        const QChar c = text.at(at);
        if (c.isHighSurrogate())
            return at + 1 >= n || !text.at(at + 1).isLowSurrogate();
        if (c.isLowSurrogate())
            return at == 0 || !text.at(at - 1).isHighSurrogate();
        return false;
    };
    while (i < n && !isLone(i))
        ++i;
    if (i == n)
        return text; // the usual case: no copy
    QString fixed = text;
    for (; i < n; ++i) {
        if (isLone(i))
            fixed[i] = QChar::ReplacementCharacter;
    }
    return fixed;
}

void appendJsonString(QByteArray& out, const QString& text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const QByteArray utf8 = withoutLoneSurrogates(text).toUtf8();
    out.append('"');
    const char* p = utf8.constData();
    const qsizetype n = utf8.size();
    qsizetype plainStart = 0;
    auto flushPlain = [&](qsizetype end) {
        if (end > plainStart)
            out.append(p + plainStart, end - plainStart);
    };
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        const char* escape = nullptr;
        switch (c) {
        case '"':
            escape = "\\\"";
            break;
        case '\\':
            escape = "\\\\";
            break;
        case '\n':
            escape = "\\n";
            break;
        case '\r':
            escape = "\\r";
            break;
        case '\t':
            escape = "\\t";
            break;
        case '\b':
            escape = "\\b";
            break;
        case '\f':
            escape = "\\f";
            break;
        default:
            break;
        }
        if (escape) {
            flushPlain(i);
            out.append(escape);
            plainStart = i + 1;
        } else if (c < 0x20 || c == 0x7f) {
            flushPlain(i);
            const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
            out.append(u, sizeof u);
            plainStart = i + 1;
        } else if (c == 0xe2 && i + 2 < n && static_cast<unsigned char>(p[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(p[i + 2]) == 0xa8 ||
                    static_cast<unsigned char>(p[i + 2]) == 0xa9)) {
            flushPlain(i);
            out.append(static_cast<unsigned char>(p[i + 2]) == 0xa8 ? "\\u2028" : "\\u2029");
            i += 2;
            plainStart = i + 1;
        }
    }
    flushPlain(n);
    out.append('"');
}

void appendKey(QByteArray& out, const char* key)
{
    out.append(",\"").append(key).append("\":");
}

void appendString(QByteArray& out, const char* key, const QString& value)
{
    appendKey(out, key);
    appendJsonString(out, value);
}

void appendUnsigned(QByteArray& out, const char* key, quint64 value)
{
    appendKey(out, key);
    out.append(QByteArray::number(value));
}

void appendSigned(QByteArray& out, const char* key, qint64 value)
{
    appendKey(out, key);
    out.append(QByteArray::number(value));
}

// ---------------------------------------------------------------- decoding

struct DecodeFailure
{
    ChorusErrorCode code;
    QString message;
};

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
        return value.toString();
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

QString shortened(const QString& text, qsizetype maxChars = 40)
{
    if (text.size() <= maxChars)
        return text;
    return text.left(maxChars) + QStringLiteral("…");
}

} // namespace

// ---------------------------------------------------------------- names

QList<int> supportedChorusVersions()
{
    return {kChorusProtocolVersion};
}

QString chorusMessageTypeName(ChorusMessageType type)
{
    for (const auto& entry : kTypeNames) {
        if (entry.type == type)
            return QLatin1String(entry.name);
    }
    return {};
}

std::optional<ChorusMessageType> chorusMessageTypeFromName(QStringView name)
{
    for (const auto& entry : kTypeNames) {
        if (name == QLatin1String(entry.name))
            return entry.type;
    }
    return std::nullopt;
}

bool isClientToServer(ChorusMessageType type)
{
    switch (type) {
    case ChorusMessageType::Hello:
    case ChorusMessageType::Msg:
    case ChorusMessageType::Ping:
    case ChorusMessageType::Name:
    case ChorusMessageType::Error:
    case ChorusMessageType::Bye:
        return true;
    default:
        return false;
    }
}

bool isServerToClient(ChorusMessageType type)
{
    switch (type) {
    case ChorusMessageType::Welcome:
    case ChorusMessageType::Reply:
    case ChorusMessageType::Pong:
    case ChorusMessageType::Broadcast:
    case ChorusMessageType::Direct:
    case ChorusMessageType::Error:
    case ChorusMessageType::Bye:
        return true;
    default:
        return false;
    }
}

QString chorusErrorCodeName(ChorusErrorCode code)
{
    for (const auto& entry : kCodeNames) {
        if (entry.code == code)
            return QLatin1String(entry.name);
    }
    return {};
}

std::optional<ChorusErrorCode> chorusErrorCodeFromName(QStringView name)
{
    if (name.isEmpty())
        return std::nullopt;
    for (const auto& entry : kCodeNames) {
        if (name == QLatin1String(entry.name))
            return entry.code;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------- value type

bool ChorusMessage::operator==(const ChorusMessage& other) const
{
    return type == other.type && proto == other.proto && name == other.name && app == other.app &&
           server == other.server && text == other.text && code == other.code &&
           message == other.message && reason == other.reason && id == other.id &&
           seq == other.seq && re == other.re && t == other.t && from == other.from &&
           hasRe == other.hasRe;
}

ChorusMessage makeHello(const QString& name, const QString& app)
{
    ChorusMessage m;
    m.type = ChorusMessageType::Hello;
    m.proto = kChorusProtocolVersion;
    m.name = name;
    m.app = app;
    return m;
}

ChorusMessage makeWelcome(quint64 id, const QString& server)
{
    ChorusMessage m;
    m.type = ChorusMessageType::Welcome;
    m.proto = kChorusProtocolVersion;
    m.id = id;
    m.server = server;
    return m;
}

ChorusMessage makeMsg(quint64 seq, const QString& text)
{
    ChorusMessage m;
    m.type = ChorusMessageType::Msg;
    m.seq = seq;
    m.text = text;
    return m;
}

ChorusMessage makeReply(quint64 re, const QString& text)
{
    ChorusMessage m;
    m.type = ChorusMessageType::Reply;
    m.re = re;
    m.text = text;
    return m;
}

ChorusMessage makePing(qint64 t)
{
    ChorusMessage m;
    m.type = ChorusMessageType::Ping;
    m.t = t;
    return m;
}

ChorusMessage makePong(qint64 t)
{
    ChorusMessage m;
    m.type = ChorusMessageType::Pong;
    m.t = t;
    return m;
}

ChorusMessage makeName(const QString& name)
{
    ChorusMessage m;
    m.type = ChorusMessageType::Name;
    m.name = name;
    return m;
}

ChorusMessage makeBroadcast(const QString& text, quint64 from)
{
    ChorusMessage m;
    m.type = ChorusMessageType::Broadcast;
    m.text = text;
    m.from = from;
    return m;
}

ChorusMessage makeDirect(const QString& text, quint64 from)
{
    ChorusMessage m;
    m.type = ChorusMessageType::Direct;
    m.text = text;
    m.from = from;
    return m;
}

ChorusMessage makeError(const QString& code, const QString& message, std::optional<quint64> re)
{
    ChorusMessage m;
    m.type = ChorusMessageType::Error;
    m.code = code;
    m.message = message;
    m.hasRe = re.has_value();
    m.re = re.value_or(0);
    return m;
}

ChorusMessage makeError(ChorusErrorCode code, const QString& message, std::optional<quint64> re)
{
    return makeError(chorusErrorCodeName(code), message, re);
}

ChorusMessage makeBye(const QString& reason)
{
    ChorusMessage m;
    m.type = ChorusMessageType::Bye;
    m.reason = reason;
    return m;
}

// ---------------------------------------------------------------- encode

QByteArray encodeChorusMessage(const ChorusMessage& m)
{
    QByteArray out;
    out.reserve(48 + m.text.size() * 3 + m.message.size() * 3 + m.name.size() * 3);
    out.append("{\"type\":");
    appendJsonString(out, chorusMessageTypeName(m.type));
    switch (m.type) {
    case ChorusMessageType::Hello:
        appendSigned(out, "proto", m.proto);
        if (!m.name.isEmpty())
            appendString(out, "name", m.name);
        if (!m.app.isEmpty())
            appendString(out, "app", m.app);
        break;
    case ChorusMessageType::Welcome:
        appendSigned(out, "proto", m.proto);
        appendUnsigned(out, "id", m.id);
        appendString(out, "server", m.server);
        break;
    case ChorusMessageType::Msg:
        appendUnsigned(out, "seq", m.seq);
        appendString(out, "text", m.text);
        break;
    case ChorusMessageType::Reply:
        appendUnsigned(out, "re", m.re);
        appendString(out, "text", m.text);
        break;
    case ChorusMessageType::Ping:
    case ChorusMessageType::Pong:
        appendSigned(out, "t", m.t);
        break;
    case ChorusMessageType::Name:
        appendString(out, "name", m.name);
        break;
    case ChorusMessageType::Broadcast:
    case ChorusMessageType::Direct:
        appendUnsigned(out, "from", m.from);
        appendString(out, "text", m.text);
        break;
    case ChorusMessageType::Error:
        appendString(out, "code", m.code);
        appendString(out, "message", m.message);
        if (m.hasRe)
            appendUnsigned(out, "re", m.re);
        break;
    case ChorusMessageType::Bye:
        appendString(out, "reason", m.reason);
        break;
    }
    out.append("}\n");
    return out;
}

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
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
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
        break;
    }
    case ChorusMessageType::Welcome: {
        const auto proto = reader.integer(
            "proto", true, std::numeric_limits<int>::min(), std::numeric_limits<int>::max(),
            QT_TRANSLATE_NOOP("chorus::ChorusProtocol", "an integer"));
        m.proto = int(proto.value_or(kChorusProtocolVersion));
        m.id = reader.unsignedInteger("id", true).value_or(0);
        m.server = reader.string("server", true).value_or(QString());
        break;
    }
    case ChorusMessageType::Msg:
        m.seq = reader.unsignedInteger("seq", true).value_or(0);
        m.text = reader.string("text", true).value_or(QString());
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

bool looksLikeChorusHello(QByteArrayView firstMessage)
{
    const QByteArrayView json = trimmedJson(firstMessage);
    // Cheap rejections first: most text peers never send anything like this.
    if (json.size() < 15 || json.front() != '{' || json.back() != '}' ||
        !json.contains(QByteArrayView("hello")))
        return false;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return false;
    return document.object().value(QLatin1String("type")).toString() == QLatin1String("hello");
}

} // namespace chorus
