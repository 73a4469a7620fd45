#include "client/ClientTypes.h"

namespace chorus {

QString clientProtocolName(ClientProtocol protocol)
{
    switch (protocol) {
    case ClientProtocol::Auto:
        return QStringLiteral("auto");
    case ClientProtocol::Chorus:
        return QStringLiteral("chorus");
    case ClientProtocol::Plain:
        return QStringLiteral("plain");
    }
    return {};
}

std::optional<ClientProtocol> clientProtocolFromName(QStringView name)
{
    for (ClientProtocol p : {ClientProtocol::Auto, ClientProtocol::Chorus, ClientProtocol::Plain}) {
        if (name.trimmed().compare(clientProtocolName(p), Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

QString clientTransportName(ClientTransport transport)
{
    return transport == ClientTransport::Udp ? QStringLiteral("udp") : QStringLiteral("tcp");
}

std::optional<ClientTransport> clientTransportFromName(QStringView name)
{
    if (name.compare(QLatin1String("tcp"), Qt::CaseInsensitive) == 0)
        return ClientTransport::Tcp;
    if (name.compare(QLatin1String("udp"), Qt::CaseInsensitive) == 0)
        return ClientTransport::Udp;
    return std::nullopt;
}

QString clientErrorName(ClientError error)
{
    switch (error) {
    case ClientError::None:
        return QStringLiteral("none");
    case ClientError::ConnectionRefused:
        return QStringLiteral("connection-refused");
    case ClientError::PortUnreachable:
        return QStringLiteral("port-unreachable");
    case ClientError::NoUdpChannel:
        return QStringLiteral("no-udp-channel");
    case ClientError::HostNotFound:
        return QStringLiteral("host-not-found");
    case ClientError::ConnectTimeout:
        return QStringLiteral("connect-timeout");
    case ClientError::NetworkUnreachable:
        return QStringLiteral("network-unreachable");
    case ClientError::RemoteClosed:
        return QStringLiteral("remote-closed");
    case ClientError::SocketFailure:
        return QStringLiteral("socket-failure");
    case ClientError::ServerFull:
        return QStringLiteral("server-full");
    case ClientError::ChorusRefused:
        return QStringLiteral("chorus-refused");
    case ClientError::WelcomeTimeout:
        return QStringLiteral("welcome-timeout");
    case ClientError::ServerError:
        return QStringLiteral("server-error");
    case ClientError::UnreadableLine:
        return QStringLiteral("unreadable-line");
    case ClientError::UnexpectedMessage:
        return QStringLiteral("unexpected-message");
    case ClientError::ReceivedTooLong:
        return QStringLiteral("received-too-long");
    case ClientError::EmptyMessage:
        return QStringLiteral("empty-message");
    case ClientError::MessageTooLong:
        return QStringLiteral("message-too-long");
    case ClientError::WriteBacklog:
        return QStringLiteral("write-backlog");
    case ClientError::QueueFull:
        return QStringLiteral("queue-full");
    case ClientError::PingNeedsChorus:
        return QStringLiteral("ping-needs-chorus");
    case ClientError::ReceivedBadLength:
        return QStringLiteral("received-bad-length");
    case ClientError::ReceivedOutsideEnvelope:
        return QStringLiteral("received-outside-envelope");
    case ClientError::ReceivedIncomplete:
        return QStringLiteral("received-incomplete");
    case ClientError::NotUtf8ForChorus:
        return QStringLiteral("not-utf8-for-chorus");
    case ClientError::DoesNotFitFraming:
        return QStringLiteral("does-not-fit-framing");
    case ClientError::AccessDenied:
        return QStringLiteral("access-denied");
    case ClientError::TlsHandshakeFailed:
        return QStringLiteral("tls-handshake-failed");
    case ClientError::TlsCertificateUntrusted:
        return QStringLiteral("tls-certificate-untrusted");
    case ClientError::TlsCertificateChanged:
        return QStringLiteral("tls-certificate-changed");
    case ClientError::TlsCertificateExpired:
        return QStringLiteral("tls-certificate-expired");
    case ClientError::TlsRequired:
        return QStringLiteral("tls-required");
    }
    return {};
}

QString clientNoticeName(ClientNotice notice)
{
    switch (notice) {
    case ClientNotice::None:
        return QStringLiteral("none");
    case ClientNotice::Connecting:
        return QStringLiteral("connecting");
    case ClientNotice::Connected:
        return QStringLiteral("connected");
    case ClientNotice::Disconnected:
        return QStringLiteral("disconnected");
    case ClientNotice::PlainText:
        return QStringLiteral("plain-text");
    case ClientNotice::ChorusWelcome:
        return QStringLiteral("chorus-welcome");
    case ClientNotice::KnownServerFellBack:
        return QStringLiteral("known-server-fell-back");
    case ClientNotice::ServerBye:
        return QStringLiteral("server-bye");
    case ClientNotice::RetryWaiting:
        return QStringLiteral("retry-waiting");
    case ClientNotice::RetryConnecting:
        return QStringLiteral("retry-connecting");
    case ClientNotice::RetryConnected:
        return QStringLiteral("retry-connected");
    case ClientNotice::QueueSending:
        return QStringLiteral("queue-sending");
    case ClientNotice::QueueKept:
        return QStringLiteral("queue-kept");
    case ClientNotice::QueueDiscarded:
        return QStringLiteral("queue-discarded");
    case ClientNotice::RepliesLost:
        return QStringLiteral("replies-lost");
    case ClientNotice::AutoReconnectOff:
        return QStringLiteral("auto-reconnect-off");
    case ClientNotice::Renamed:
        return QStringLiteral("renamed");
    case ClientNotice::FixedSizeDiffers:
        return QStringLiteral("fixed-size-differs");
    case ClientNotice::ReplyLost:
        return QStringLiteral("reply-lost");
    }
    return {};
}

} // namespace chorus
