#include "server/ServerTypes.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstring>

namespace chorus {

QString connectionStateName(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Connected:
        return QCoreApplication::translate("chorus", "connected");
    case ConnectionState::Closing:
        return QCoreApplication::translate("chorus", "closing");
    case ConnectionState::Closed:
        return QCoreApplication::translate("chorus", "closed");
    }
    return {};
}

QString peerProtocolName(PeerProtocol protocol)
{
    switch (protocol) {
    case PeerProtocol::Text:
        return QCoreApplication::translate("chorus", "text");
    case PeerProtocol::Chorus:
        return QCoreApplication::translate("chorus", "chorus");
    }
    return {};
}

QString connectionErrorName(ConnectionError error)
{
    switch (error) {
    case ConnectionError::None:
        return QCoreApplication::translate("chorus", "none");
    case ConnectionError::RemoteClosed:
        return QCoreApplication::translate("chorus", "closed by peer");
    case ConnectionError::SocketError:
        return QCoreApplication::translate("chorus", "socket error");
    case ConnectionError::MessageTooLong:
        return QCoreApplication::translate("chorus", "message too long");
    case ConnectionError::WriteBacklog:
        return QCoreApplication::translate("chorus", "peer not reading");
    case ConnectionError::ServerFull:
        return QCoreApplication::translate("chorus", "server full");
    case ConnectionError::Blocked:
        return QCoreApplication::translate("chorus", "blocked");
    case ConnectionError::Kicked:
        return QCoreApplication::translate("chorus", "disconnected by server");
    case ConnectionError::ServerStopping:
        return QCoreApplication::translate("chorus", "server stopping");
    case ConnectionError::ProtocolError:
        return QCoreApplication::translate("chorus", "protocol error");
    }
    return {};
}

QString logKindName(LogKind kind)
{
    switch (kind) {
    case LogKind::Listening:
        return QCoreApplication::translate("chorus", "listening");
    case LogKind::Stopped:
        return QCoreApplication::translate("chorus", "stopped");
    case LogKind::Connected:
        return QCoreApplication::translate("chorus", "connected");
    case LogKind::Disconnected:
        return QCoreApplication::translate("chorus", "disconnected");
    case LogKind::Received:
        return QCoreApplication::translate("chorus", "received");
    case LogKind::Sent:
        return QCoreApplication::translate("chorus", "sent");
    case LogKind::Control:
        return QCoreApplication::translate("chorus", "control");
    case LogKind::Error:
        return QCoreApplication::translate("chorus", "error");
    case LogKind::Notice:
        return QCoreApplication::translate("chorus", "notice");
    }
    return {};
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

QString LogEntry::format() const
{
    // "yyyy-MM-dd HH:mm:ss.zzz" by hand: QDateTime::toString(pattern) parses
    // the pattern and goes through QLocale/QCalendar, ~16k instructions a line
    // (measured with callgrind), which dominated a 10,000-connection burst in
    // headless mode where every connect is a log line on stdout.
    char stamp[40];
    if (time.isValid()) {
        const QDate date = time.date();
        const QTime clock = time.time();
        std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02d %02d:%02d:%02d.%03d", date.year(),
                      date.month(), date.day(), clock.hour(), clock.minute(), clock.second(),
                      clock.msec());
    } else {
        std::snprintf(stamp, sizeof stamp, "%23s", "");
    }
    QString out;
    out.reserve(qsizetype(std::strlen(stamp)) + 24 + text.size());
    out += QLatin1StringView(stamp);
    if (connectionId != 0) {
        out += QLatin1String(" [#");
        out += QString::number(connectionId);
        out += QLatin1Char(']');
    }
    out += QLatin1Char(' ');
    out += text;
    return out;
}

} // namespace chorus
