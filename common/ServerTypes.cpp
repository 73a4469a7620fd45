#include "ServerTypes.h"

#include <QCoreApplication>

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
    case LogKind::Error:
        return QCoreApplication::translate("chorus", "error");
    case LogKind::Notice:
        return QCoreApplication::translate("chorus", "notice");
    }
    return {};
}

QString LogEntry::format() const
{
    const QString stamp = time.isValid() ? time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                                         : QString(23, QLatin1Char(' '));
    if (connectionId == 0)
        return stamp + QLatin1Char(' ') + text;
    return QStringLiteral("%1 [#%2] %3").arg(stamp).arg(connectionId).arg(text);
}

} // namespace chorus
