#include "wire/ChorusProtocol.h"

#include "wire/ChorusCodecDetail.h"

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

using namespace detail;

namespace {

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

// QJsonParseError::errorString() is translated by Qt's own catalogue
// (qtbase_ko.qm has "illegal value" as "잘못된 값"), so the peer gets Qt's
// English source text, the same in every language, and the log the translation.
PeerText jsonParseErrorText(const QJsonParseError& error)
{
    const char* source = "unknown error";
    switch (error.error) {
    case QJsonParseError::NoError:
        source = "no error occurred";
        break;
    case QJsonParseError::UnterminatedObject:
        source = "unterminated object";
        break;
    case QJsonParseError::MissingNameSeparator:
        source = "missing name separator";
        break;
    case QJsonParseError::UnterminatedArray:
        source = "unterminated array";
        break;
    case QJsonParseError::MissingValueSeparator:
        source = "missing value separator";
        break;
    case QJsonParseError::IllegalValue:
        source = "illegal value";
        break;
    case QJsonParseError::TerminationByNumber:
        source = "invalid termination by number";
        break;
    case QJsonParseError::IllegalNumber:
        source = "illegal number";
        break;
    case QJsonParseError::IllegalEscapeSequence:
        source = "invalid escape sequence";
        break;
    case QJsonParseError::IllegalUTF8String:
        source = "invalid UTF8 string";
        break;
    case QJsonParseError::UnterminatedString:
        source = "unterminated string";
        break;
    case QJsonParseError::MissingObject:
        source = "object is missing after a comma";
        break;
    case QJsonParseError::DeepNesting:
        source = "too deeply nested document";
        break;
    case QJsonParseError::DocumentTooLarge:
        source = "too large document";
        break;
    case QJsonParseError::GarbageAtEnd:
        source = "garbage at the end of the document";
        break;
    }
    return {QString::fromLatin1(source), error.errorString()};
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
    return makeError(error, errorMessage.wire, re);
}

ChorusDecodeResult decodeChorusLine(QByteArrayView line, qsizetype maxLineBytes)
{
    ChorusDecodeResult result;
    auto failWith = [&result](ChorusErrorCode code, const PeerText& message) {
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
        return failWith(ChorusErrorCode::BadJson, tr("invalid JSON at byte %1: %2")
                                                      .arg(parseError.offset)
                                                      .arg(jsonParseErrorText(parseError)));
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
    case ChorusMessageType::Cmd:
        // A bad cmd is answered with an error whose "re" names it.
        if (!result.re) {
            FieldReader cmdReader(object);
            result.re = cmdReader.unsignedInteger("cmd", false);
        }
        readVehicleFields(reader, object, m);
        break;
    case ChorusMessageType::Ack:
    case ChorusMessageType::Telemetry:
    case ChorusMessageType::Status:
    case ChorusMessageType::Heartbeat:
        readVehicleFields(reader, object, m);
        m.token = reader.string("token", false).value_or(QString());
        break;
    }

    if (reader.failed()) {
        const DecodeFailure failure = reader.failure();
        result.message = ChorusMessage();
        return failWith(failure.code,
                        tr("%1: %2").arg(chorusMessageTypeName(*type)).arg(failure.message));
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
