#include "server/LogEntry.h"

#include "base/JsonBytes.h"
#include "wire/VehicleMessages.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <cstring>

namespace chorus {

namespace {

// The Text view of a payload in the log pane and on stdout (as before bytes).
constexpr qsizetype kLogTextChars = 300;
// Hex and Mixed show at most this many bytes of a payload.
constexpr qsizetype kLogViewBytes = 256;

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("chorus", text, disambiguation, n);
}

// "yyyy-MM-dd HH:mm:ss.zzz" by hand: QDateTime::toString(pattern) parses
// the pattern and goes through QLocale/QCalendar, ~16k instructions a line
// (measured with callgrind), which dominated a 10,000-connection burst in
// headless mode where every connect is a log line on stdout.
QString prefixOf(const LogEntry& entry)
{
    char stamp[40];
    if (entry.time.isValid()) {
        const QDate date = entry.time.date();
        const QTime clock = entry.time.time();
        std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02d %02d:%02d:%02d.%03d", date.year(),
                      date.month(), date.day(), clock.hour(), clock.minute(), clock.second(),
                      clock.msec());
    } else {
        std::snprintf(stamp, sizeof stamp, "%23s", "");
    }
    QString out;
    out.reserve(qsizetype(std::strlen(stamp)) + 40 + entry.text.size());
    out += QLatin1StringView(stamp);
    if (entry.connectionId != 0) {
        out += QLatin1String(" [#");
        out += QString::number(entry.connectionId);
        out += QLatin1Char(']');
    }
    out += QLatin1Char(' ');
    // Prose may quote what a peer or the system said: nothing in it starts a line.
    out += escapedLogProse(entry.text);
    return out;
}

// " (70000 bytes)" after a payload the log kept only the start of.
QString cutNote(const LogEntry& entry)
{
    if (entry.payloadSize <= entry.payload.size())
        return {};
    return QLatin1Char(' ') + tr("(%n bytes in all)", nullptr, int(entry.payloadSize));
}

} // namespace

QString connectionErrorName(ConnectionError error)
{
    switch (error) {
    case ConnectionError::None:
        return tr("none");
    case ConnectionError::RemoteClosed:
        return tr("closed by peer");
    case ConnectionError::SocketError:
        return tr("socket error");
    case ConnectionError::MessageTooLong:
        return tr("message too long");
    case ConnectionError::WriteBacklog:
        return tr("peer not reading");
    case ConnectionError::ServerFull:
        return tr("server full");
    case ConnectionError::Blocked:
        return tr("blocked");
    case ConnectionError::Kicked:
        return tr("disconnected by server");
    case ConnectionError::ServerStopping:
        return tr("server stopping");
    case ConnectionError::ProtocolError:
        return tr("protocol error");
    case ConnectionError::BadLength:
        return tr("bad length field");
    case ConnectionError::OutsideEnvelope:
        return tr("bytes outside an envelope");
    case ConnectionError::IncompleteFrame:
        return tr("incomplete frame");
    case ConnectionError::ReplyNotFramed:
        return tr("reply too long for the length field");
    case ConnectionError::NotUtf8ForChorus:
        return tr("bytes a Chorus peer cannot receive");
    case ConnectionError::ClosedByRule:
        return tr("closed by a reply rule");
    case ConnectionError::ReplySizeMismatch:
        return tr("reply of another size than the fixed frame");
    case ConnectionError::IdleTimeout:
        return tr("idle timeout");
    case ConnectionError::FrameTimeout:
        return tr("message not completed in time");
    case ConnectionError::UdpExpired:
        return tr("expired");
    case ConnectionError::UdpTableFull:
        return tr("UDP peer table full");
    case ConnectionError::EmptyDatagram:
        return tr("empty datagram");
    case ConnectionError::UdpBadToken:
        return tr("unknown or stale session token");
    case ConnectionError::AccessDenied:
        return tr("access denied");
    case ConnectionError::TlsHandshakeFailed:
        return tr("TLS handshake failed");
    }
    return {};
}

QString logKindName(LogKind kind)
{
    switch (kind) {
    case LogKind::Listening:
        return tr("listening");
    case LogKind::Stopped:
        return tr("stopped");
    case LogKind::Connected:
        return tr("connected");
    case LogKind::Disconnected:
        return tr("disconnected");
    case LogKind::Received:
        return tr("received");
    case LogKind::Sent:
        return tr("sent");
    case LogKind::Control:
        return tr("control");
    case LogKind::Error:
        return tr("error");
    case LogKind::Notice:
        return tr("notice");
    }
    return {};
}

QString logKindKey(LogKind kind)
{
    switch (kind) {
    case LogKind::Listening:
        return QStringLiteral("listening");
    case LogKind::Stopped:
        return QStringLiteral("stopped");
    case LogKind::Connected:
        return QStringLiteral("connected");
    case LogKind::Disconnected:
        return QStringLiteral("disconnected");
    case LogKind::Received:
        return QStringLiteral("received");
    case LogKind::Sent:
        return QStringLiteral("sent");
    case LogKind::Control:
        return QStringLiteral("control");
    case LogKind::Error:
        return QStringLiteral("error");
    case LogKind::Notice:
        return QStringLiteral("notice");
    }
    return QStringLiteral("notice");
}

QString logLevelKey(LogLevel level)
{
    switch (level) {
    case LogLevel::Info:
        return QStringLiteral("info");
    case LogLevel::Warning:
        return QStringLiteral("warning");
    case LogLevel::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

LogEntry LogEntry::now(LogLevel level, LogKind kind, quint64 connectionId, const QString& text,
                       LogError error)
{
    LogEntry entry;
    entry.time = QDateTime::currentDateTime();
    entry.level = level;
    entry.kind = kind;
    entry.connectionId = connectionId;
    entry.text = text;
    entry.error = error;
    return entry;
}

LogEntry LogEntry::withPayload(LogLevel level, LogKind kind, quint64 connectionId,
                               const QString& text, const QByteArray& payload, LogError error)
{
    LogEntry entry = now(level, kind, connectionId, text, error);
    entry.payloadSize = payload.size();
    // Shared (no copy) unless it is longer than a log line keeps.
    entry.payload = payload.size() > kLogPayloadBytes ? payload.first(kLogPayloadBytes) : payload;
    return entry;
}

QString LogEntry::format(ByteView view, QList<EscapeSpan>* escapes) const
{
    if (escapes)
        escapes->clear();
    QString out = prefixOf(*this);
    if (!hasPayload())
        return out;
    if (payload.isEmpty()) {
        out += QLatin1Char(' ') + tr("(0 bytes)");
        return out;
    }
    switch (view) {
    case ByteView::Text: {
        out += QLatin1String(": ");
        const qsizetype offset = out.size();
        QList<EscapeSpan> spans;
        out += formatTextLine(payload, kLogTextChars, escapes ? &spans : nullptr);
        if (escapes) {
            for (EscapeSpan& span : spans)
                span.start += offset;
            *escapes = std::move(spans);
        }
        break;
    }
    case ByteView::Hex:
        out += QLatin1Char(' ') + tr("(%n bytes)", nullptr, int(payloadSize)) + QLatin1String(": ");
        out += formatLine(payload, ByteView::Hex, kLogViewBytes * 3 + 1);
        return out;
    case ByteView::Mixed:
        out += QLatin1Char(' ') + tr("(%n bytes)", nullptr, int(payloadSize)) + QLatin1Char(':');
        out += QLatin1Char('\n');
        out += formatMixed(QByteArrayView(payload).first(std::min(payload.size(), kLogViewBytes)));
        if (payloadSize > kLogViewBytes)
            out += QLatin1Char('\n') + QChar(0x2026);
        return out;
    }
    out += cutNote(*this);
    return out;
}

int LogEntry::lineCount(ByteView view) const
{
    if (view != ByteView::Mixed || !hasPayload() || payload.isEmpty())
        return 1;
    const qsizetype shown = std::min(payload.size(), kLogViewBytes);
    return 1 + int((shown + 15) / 16) + (payloadSize > kLogViewBytes ? 1 : 0);
}

QString LogEntry::formatForFile() const
{
    QString out = prefixOf(*this);
    if (!hasPayload())
        return out;
    out += QLatin1String(": ");
    out += formatText(payload);
    out += cutNote(*this);
    return out;
}

QByteArray LogEntry::toJson() const
{
    QJsonObject object;
    object.insert(QLatin1String("time"), time.toString(Qt::ISODateWithMs));
    object.insert(QLatin1String("level"), logLevelKey(level));
    object.insert(QLatin1String("kind"), logKindKey(kind));
    if (connectionId != 0)
        object.insert(QLatin1String("id"), qint64(connectionId));
    object.insert(QLatin1String("line"), text);
    if (hasPayload()) {
        object.insert(QLatin1String("hex"), QString::fromLatin1(payload.toHex()));
        object.insert(QLatin1String("text"), formatText(payload));
        if (payloadSize > payload.size())
            object.insert(QLatin1String("size"), qint64(payloadSize));
    }
    if (severity)
        object.insert(QLatin1String("severity"), statusSeverityName(*severity));
    return jsonBytes(QJsonDocument(object), QJsonDocument::Compact);
}

bool passesSeverityFilter(const LogEntry& entry, StatusSeverity threshold)
{
    return !entry.severity || int(*entry.severity) <= int(threshold);
}

} // namespace chorus
