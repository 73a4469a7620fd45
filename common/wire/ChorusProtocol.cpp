#include "wire/ChorusProtocol.h"

#include "wire/ChorusCodecDetail.h"

// The encoding half of the Chorus codec (decoding: ChorusDecoder.cpp): names,
// message factories and the compact JSON writer.

#include <QLocale>

#include <array>
#include <cmath>
#include <utility>

namespace chorus {

namespace {

struct TypeName
{
    ChorusMessageType type;
    const char* name;
};

constexpr std::array<TypeName, 16> kTypeNames{{
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
    {ChorusMessageType::Cmd, "cmd"},
    {ChorusMessageType::Ack, "ack"},
    {ChorusMessageType::Telemetry, "telemetry"},
    {ChorusMessageType::Status, "status"},
    {ChorusMessageType::Heartbeat, "heartbeat"},
}};

struct CodeName
{
    ChorusErrorCode code;
    const char* name;
};

constexpr std::array<CodeName, 13> kCodeNames{{
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
    {ChorusErrorCode::AccessDenied, "access-denied"},
    {ChorusErrorCode::TlsRequired, "tls-required"},
    {ChorusErrorCode::None, ""},
}};

} // namespace

namespace detail {

// ---------------------------------------------------------------- encoding

// JSON string escaping over UTF-8 bytes. Everything below U+0020 and DEL is
// escaped (a raw CR or ESC would garble a terminal running nc), as are
// U+2028/U+2029, which some JavaScript line readers treat as line breaks.
// QString::toUtf8 turns a lone surrogate into '?'; text mode shows invalid
// input as U+FFFD, so the protocol does the same.
static QString withoutLoneSurrogates(const QString& text)
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

void appendJsonNumber(QByteArray& out, double value)
{
    // Integers within the exact range are written without exponent or fraction.
    if (value == std::floor(value) && std::abs(value) <= double(kChorusMaxSafeInteger)) {
        out.append(QByteArray::number(qint64(value)));
        return;
    }
    out.append(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
}

} // namespace detail

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
    case ChorusMessageType::Ack:
    case ChorusMessageType::Telemetry:
    case ChorusMessageType::Status:
    case ChorusMessageType::Heartbeat:
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
    case ChorusMessageType::Cmd:
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
           message == other.message && reason == other.reason && retry == other.retry &&
           id == other.id && seq == other.seq && re == other.re && t == other.t &&
           from == other.from && hasRe == other.hasRe && udpPort == other.udpPort &&
           token == other.token && args == other.args && result == other.result &&
           progress == other.progress && values == other.values && units == other.units &&
           severity == other.severity && state == other.state && mode == other.mode &&
           armed == other.armed;
}

ChorusMessage makeHello(const QString& name, const QString& app, const QString& token)
{
    ChorusMessage m;
    m.type = ChorusMessageType::Hello;
    m.proto = kChorusProtocolVersion;
    m.name = name;
    m.app = app;
    m.token = token;
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

ChorusMessage makeBye(const QString& reason, bool retry)
{
    ChorusMessage m;
    m.type = ChorusMessageType::Bye;
    m.reason = reason;
    m.retry = retry;
    return m;
}

// ---------------------------------------------------------------- encode

QByteArray encodeChorusMessage(const ChorusMessage& m)
{
    using namespace detail;
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
        if (!m.token.isEmpty())
            appendString(out, "token", m.token);
        break;
    case ChorusMessageType::Welcome:
        appendSigned(out, "proto", m.proto);
        appendUnsigned(out, "id", m.id);
        appendString(out, "server", m.server);
        if (!m.token.isEmpty()) {
            appendUnsigned(out, "udp", m.udpPort);
            appendString(out, "token", m.token);
        }
        break;
    case ChorusMessageType::Msg:
        appendUnsigned(out, "seq", m.seq);
        appendString(out, "text", m.text);
        if (!m.token.isEmpty())
            appendString(out, "token", m.token);
        break;
    case ChorusMessageType::Reply:
        appendUnsigned(out, "re", m.re);
        appendString(out, "text", m.text);
        break;
    case ChorusMessageType::Ping:
    case ChorusMessageType::Pong:
        appendSigned(out, "t", m.t);
        if (m.type == ChorusMessageType::Ping && !m.token.isEmpty())
            appendString(out, "token", m.token); // a ping over a session's UDP channel
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
        if (m.retry) // only when true: a version-1 peer that ignores it still closes
            out.append(",\"retry\":true");
        break;
    case ChorusMessageType::Cmd:
    case ChorusMessageType::Ack:
    case ChorusMessageType::Telemetry:
    case ChorusMessageType::Status:
    case ChorusMessageType::Heartbeat:
        detail::appendVehicleFields(out, m);
        // A vehicle's message over a session's UDP channel (PROTOCOL.md §5.4).
        if (m.type != ChorusMessageType::Cmd && !m.token.isEmpty())
            appendString(out, "token", m.token);
        break;
    }
    out.append("}\n");
    return out;
}

} // namespace chorus
