#pragma once

// A Chorus client's configuration for tests against a server on 127.0.0.1:
// no auto-reconnect (a test ends its own connection), the UDP channel as asked.

#include "client/ClientTypes.h"

namespace chorus::testing {

inline ClientConfig loopbackChorusClient(quint16 port, bool udpChannel)
{
    ClientConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    config.protocol = ClientProtocol::Chorus;
    config.autoReconnect = false;
    config.udpChannel = udpChannel;
    return config;
}

} // namespace chorus::testing
