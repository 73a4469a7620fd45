#include "server/ServerTypes.h"

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

QString peerTransportName(PeerTransport transport)
{
    switch (transport) {
    case PeerTransport::Tcp:
        return QCoreApplication::translate("chorus", "TCP");
    case PeerTransport::Udp:
        return QCoreApplication::translate("chorus", "UDP");
    case PeerTransport::TcpUdp:
        return QCoreApplication::translate("chorus", "TCP+UDP");
    }
    return {};
}

} // namespace chorus
