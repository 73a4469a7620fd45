// ServerWorker: the access rules (AccessRules.h), asked for every accepted
// descriptor before anything else. A refused peer is closed at once: no
// socket object, no Connection, no byte sent (nothing tells a stranger what
// the rules are); the log names the rule and the status bar counts it.

#include "server/ServerWorker.h"

#include "base/Endpoint.h"

#ifdef Q_OS_UNIX
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace chorus {

namespace {

struct DescriptorPeer
{
    QHostAddress address;
    quint16 port = 0;
};

DescriptorPeer descriptorPeer(qintptr socketDescriptor)
{
    DescriptorPeer peer;
#ifdef Q_OS_UNIX
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getpeername(int(socketDescriptor), reinterpret_cast<sockaddr*>(&storage), &length) != 0)
        return peer;
    quint16 port = 0;
    const QHostAddress address(reinterpret_cast<const sockaddr*>(&storage));
    if (storage.ss_family == AF_INET)
        port = ntohs(reinterpret_cast<const sockaddr_in*>(&storage)->sin_port);
    else if (storage.ss_family == AF_INET6)
        port = ntohs(reinterpret_cast<const sockaddr_in6*>(&storage)->sin6_port);
    peer.address = plainAddress(address);
    peer.port = port;
#else
    Q_UNUSED(socketDescriptor);
#endif
    return peer;
}

} // namespace

bool ServerWorker::admit(qintptr socketDescriptor, AcceptedPeer* peer)
{
    const AccessPolicy& policy = m_config.access;
    if (policy.isOpen())
        return true;
    const DescriptorPeer from = descriptorPeer(socketDescriptor);
    const AccessDecision decision = policy.check(from.address);
    if (decision.admitted()) {
        peer->plainAllowed = decision.plainAllowed;
        return true;
    }
    ++m_rejectedAccess;
    const QString endpoint = endpointText(from.address, from.port);
    log(LogLevel::Warning, LogKind::Error, 0,
        decision.verdict == AccessVerdict::Denied
            ? tr("refused %1: on the denylist (rule %2)").arg(endpoint, decision.rule)
            : tr("refused %1: not on the allowlist").arg(endpoint),
        ConnectionError::AccessDenied);
#ifdef Q_OS_UNIX
    ::close(int(socketDescriptor));
#endif
    return false;
}

bool ServerWorker::listenTls(const ListenAddress& address, quint16 port, ListenFailure* failure)
{
    QList<QHostAddress> bound;
    quint16 boundPort = 0;
    // listenOn() closes every listener (the plain ones too) when it fails.
    if (!listenOn(address, port, &bound, &boundPort, failure, true))
        return false;
    m_shared->tlsPort.store(boundPort);
    return true;
}

} // namespace chorus
