#include "server/UdpChannel.h"

#include "base/Endpoint.h"
#include "server/ServerWorker.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUdpSocket>

#include <algorithm>

namespace chorus {

namespace {

// The largest UDP payload (IPv4: 65,507; IPv6 without jumbograms: 65,527) fits.
constexpr qsizetype kDatagramBufferBytes = 65536;
constexpr std::chrono::milliseconds kMinExpiryTick{20};
constexpr std::chrono::milliseconds kMaxExpiryTick{1000};

// A datagram's trailing line end (CR LF, LF or CR) is not part of the
// message: `echo hi | nc -u` sends "hi\n". Its reply gets the same line end.
Terminator lineEndOf(QByteArrayView datagram)
{
    if (datagram.endsWith("\r\n"))
        return Terminator::CrLf;
    if (datagram.endsWith('\n'))
        return Terminator::Lf;
    if (datagram.endsWith('\r'))
        return Terminator::Cr;
    return Terminator::None;
}

} // namespace

UdpChannel::UdpChannel(std::shared_ptr<ServerShared> shared, ConnectionLedger* ledger,
                       QObject* parent)
    : QObject(parent), m_shared(std::move(shared)), m_ledger(ledger), m_expiryTimer(this)
{
    m_clock.start();
    connect(&m_expiryTimer, &QTimer::timeout, this, &UdpChannel::expireIdle);
}

UdpChannel::~UdpChannel() = default;

void UdpChannel::configure(const ServerConfig& config)
{
    m_config = config;
    m_peers.setCapacity(config.maxConnections);
    m_expiryTimer.setInterval(
        std::clamp(std::chrono::duration_cast<std::chrono::milliseconds>(config.udpIdle / 4),
                   kMinExpiryTick, kMaxExpiryTick));
}

bool UdpChannel::open(const QList<QHostAddress>& addresses, quint16 port, ListenFailure* failure)
{
    quint16 nextPort = port;
    for (const QHostAddress& address : addresses) {
        auto* socket = new QUdpSocket(this);
        if (!socket->bind(address, nextPort)) {
            *failure = ListenFailure{socket->error(), address, nextPort, socket->errorString()};
            delete socket;
            close(ConnectionError::ServerStopping, {});
            return false;
        }
        // Room for bursts: many peers answered by one thread between its passes.
        socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 1 << 20);
        const int index = int(m_sockets.size());
        m_sockets.append(socket);
        nextPort = socket->localPort();
        connect(socket, &QUdpSocket::readyRead, this, [this, index] { onReadable(index); });
    }
    m_port = nextPort;
    m_expiryTimer.start();
    return true;
}

void UdpChannel::close(ConnectionError reason, const QString& text)
{
    m_expiryTimer.stop();
    for (UdpPeer& peer : m_peers.takeAll())
        removed(std::move(peer), reason, text, LogLevel::Info);
    qDeleteAll(m_sockets);
    m_sockets.clear();
    m_port = 0;
}

void UdpChannel::onReadable(int socketIndex)
{
    QUdpSocket* socket = m_sockets.value(socketIndex);
    if (!socket)
        return;
    thread_local char buffer[kDatagramBufferBytes];
    // One clock reading per pass: local time is costly, and a pass is short.
    m_passTime = QDateTime::currentDateTime();
    // Bounded: what is left stays in the kernel's buffer and brings us back
    // on the next pass, after the other sockets and peers had their turn.
    // Read until a read fails (nothing left) rather than asking
    // hasPendingDatagrams() first: that is one more system call per datagram.
    QHostAddress from;
    for (int i = 0; i < kUdpDatagramsPerPass; ++i) {
        quint16 fromPort = 0;
        const qint64 n = socket->readDatagram(buffer, kDatagramBufferBytes, &from, &fromPort);
        if (n < 0)
            break;
        handleDatagram(socketIndex, QByteArrayView(buffer, n), from, fromPort);
    }
}

UdpPeer* UdpChannel::admit(int socketIndex, const QHostAddress& from, quint16 fromPort,
                           qint64 nowMs)
{
    const UdpEndpoint endpoint{from, fromPort};
    if (UdpPeer* known = m_peers.find(endpoint)) {
        m_peers.touch(known, nowMs);
        return known;
    }
    std::optional<UdpPeer> evicted;
    if (!m_peers.makeRoom(nowMs, kUdpMinEvictIdle.count(), &evicted)) {
        ++m_refused; // one log line per batch counts them
        return nullptr;
    }
    if (evicted) {
        ++m_expired;
        removed(std::move(*evicted), ConnectionError::UdpExpired,
                tr("expired: the oldest idle peer made room for a new one"), LogLevel::Info);
    }
    UdpPeer* peer = m_peers.add(endpoint, m_shared->nextId.fetch_add(1), nowMs);
    peer->socketIndex = socketIndex;
    const QHostAddress plain = plainAddress(from);
    ConnectionSnapshot& s = peer->snapshot;
    s.peerAddress = plain.toString();
    s.peerPort = fromPort;
    s.connectedSince = m_passTime;
    s.lastSeen = s.connectedSince;
    peer->label = endpointText(plain, fromPort);
    s.transport = PeerTransport::Udp;
    s.framing = FrameSpec(Framing::Raw);
    log(LogLevel::Info, LogKind::Connected, s.id,
        tr("UDP peer %1: first datagram").arg(peer->label));
    m_ledger->recordSession(SessionEvent::Kind::Connect, s.id, peer->label, {}, true);
    return peer;
}

void UdpChannel::handleDatagram(int socketIndex, QByteArrayView datagram, const QHostAddress& from,
                                quint16 fromPort)
{
    if (!m_shared->blocked.isEmpty() && m_shared->blocked.find(plainAddress(from), m_passTime)) {
        ++m_blocked; // counted with the refused connections; never answered
        return;
    }
    if (!datagram.isEmpty() && datagram.front() == '{' && m_shared->sessions.port() != 0 &&
        handleSessionDatagram(socketIndex, datagram, from, fromPort))
        return;
    const qint64 nowMs = m_clock.elapsed();
    UdpPeer* peer = admit(socketIndex, from, fromPort, nowMs);
    if (!peer)
        return;
    ConnectionSnapshot& s = peer->snapshot;
    s.lastSeen = m_passTime;
    s.traffic.bytesIn += quint64(datagram.size());
    m_ledger->traffic.bytesIn += quint64(datagram.size());
    markChanged(peer);

    if (datagram.size() > m_config.limits.maxMessageBytes) {
        if (admitProblem(peer))
            log(LogLevel::Warning, LogKind::Error, s.id,
                tr("%1 bytes discarded: a datagram longer than the limit of %2 bytes")
                    .arg(datagram.size())
                    .arg(m_config.limits.maxMessageBytes),
                ConnectionError::MessageTooLong);
        // As a TCP peer of a text framing is told; shorter than what came, so
        // a forged sender address gains no amplification from it.
        writeTo(peer,
                encodeMessage(QStringLiteral("error: message longer than %1 bytes discarded")
                                  .arg(m_config.limits.maxMessageBytes),
                              Terminator::Lf),
                false);
        return;
    }
    if (datagram.isEmpty()) {
        // Never answered: an empty datagram is no question, and answering one
        // would make the server a reflector for spoofed empty packets.
        if (admitProblem(peer))
            log(LogLevel::Info, LogKind::Notice, s.id, tr("empty datagram: not answered"),
                ConnectionError::EmptyDatagram);
        return;
    }
    peer->terminator = lineEndOf(datagram);
    const QByteArray message =
        datagram.chopped(terminatorBytes(peer->terminator).size()).toByteArray();
    ++s.traffic.messagesIn;
    ++m_ledger->traffic.messagesIn;
    peer->lastMessage = message;
    m_ledger->recordSession(SessionEvent::Kind::In, s.id, peer->label, message, true);
    logTraffic(LogKind::Received, s.id, message);
    if (message.isEmpty())
        return; // a bare line end: as an empty line over TCP, not a question

    if (!m_vehicles.isEmpty() && takeCommandReply(*peer, message))
        return; // a command's ack: not a question for the reply book
    ReplyContext context;
    context.connectionId = s.id;
    context.peer = peer->label;
    context.count = s.traffic.messagesIn;
    context.echo = message;
    answer(peer, message, context);
}

bool UdpChannel::writeTo(UdpPeer* peer, const QByteArray& bytes, bool userMessage)
{
    QUdpSocket* socket = m_sockets.value(peer->socketIndex);
    if (!socket)
        return false;
    ConnectionSnapshot& s = peer->snapshot;
    if (socket->writeDatagram(bytes, peer->endpoint.address, peer->endpoint.port) < 0) {
        if (admitProblem(peer))
            log(LogLevel::Warning, LogKind::Error, s.id,
                tr("datagram of %1 bytes not sent: %2")
                    .arg(bytes.size())
                    .arg(socket->errorString()),
                socket->error());
        return false;
    }
    if (userMessage) {
        ++s.traffic.messagesOut;
        ++m_ledger->traffic.messagesOut;
    }
    if (m_ledger->sessionLogOn) {
        // The message without its line end, as an incoming one is logged.
        const QByteArray end = terminatorBytes(peer->terminator);
        m_ledger->recordSession(
            SessionEvent::Kind::Out, s.id, peer->label,
            !end.isEmpty() && bytes.endsWith(end) ? bytes.chopped(end.size()) : bytes, true);
    }
    s.traffic.bytesOut += quint64(bytes.size());
    m_ledger->traffic.bytesOut += quint64(bytes.size());
    markChanged(peer);
    return true;
}

bool UdpChannel::handleSessionDatagram(int socketIndex, QByteArrayView datagram,
                                       const QHostAddress& from, quint16 fromPort)
{
    const QByteArray line =
        datagram.chopped(terminatorBytes(lineEndOf(datagram)).size()).toByteArray();
    const QJsonDocument json = QJsonDocument::fromJson(line);
    const QJsonValue token =
        json.isObject() ? json.object().value(QLatin1String("token")) : QJsonValue();
    if (!token.isString())
        return false; // no token: a plain message that happens to look like JSON
    const std::optional<UdpSessions::Session> session = m_shared->sessions.find(token.toString());
    if (!session) {
        // Never attributed to anyone, never answered: counted, and logged
        // within the batch's budget.
        ++m_badTokens;
        if (m_ledger->problemLogBudget > 0) {
            --m_ledger->problemLogBudget;
            log(LogLevel::Warning, LogKind::Error, 0,
                tr("datagram from %1 refused: unknown or stale session token")
                    .arg(endpointText(plainAddress(from), fromPort)),
                ConnectionError::UdpBadToken);
        } else {
            ++m_ledger->problemLogsDropped;
        }
        return true;
    }
    m_sessionEndpoints.insert(session->id,
                              SessionEndpoint{UdpEndpoint{from, fromPort}, socketIndex});
    ServerWorker* owner = session->owner;
    const quint64 id = session->id;
    if (owner == parent()) {
        owner->sessionDatagram(id, line);
    } else {
        QMetaObject::invokeMethod(
            owner, [owner, id, line] { owner->sessionDatagram(id, line); }, Qt::QueuedConnection);
    }
    return true;
}

void UdpChannel::sendToSession(quint64 id, const QByteArray& bytes)
{
    if (!m_shared->sessions.isBound(id)) {
        m_sessionEndpoints.remove(id);
        return;
    }
    const auto it = m_sessionEndpoints.constFind(id);
    if (it == m_sessionEndpoints.constEnd())
        return;
    if (QUdpSocket* socket = m_sockets.value(it->socketIndex))
        socket->writeDatagram(bytes, it->endpoint.address, it->endpoint.port);
}

void UdpChannel::send(const QList<quint64>& ids, const QByteArray& bytes, bool emptyMeansAll)
{
    const QList<quint64> targets = (emptyMeansAll && ids.isEmpty()) ? m_peers.ids() : ids;
    for (quint64 id : targets) {
        UdpPeer* peer = m_peers.byId(id);
        if (!peer)
            continue;
        if (writeTo(peer,
                    peer->terminator == Terminator::None
                        ? bytes
                        : encodeMessage(QByteArrayView(bytes), peer->terminator),
                    true))
            logTraffic(LogKind::Sent, id, bytes);
    }
}

void UdpChannel::forget(const QList<quint64>& ids, ConnectionError reason, const QString& text)
{
    for (quint64 id : ids) {
        if (std::optional<UdpPeer> peer = m_peers.remove(id))
            removed(std::move(*peer), reason, text, LogLevel::Info);
    }
}

void UdpChannel::block(const QList<quint64>& ids, const QDateTime& until)
{
    for (quint64 id : ids) {
        std::optional<UdpPeer> peer = m_peers.remove(id);
        if (!peer)
            continue;
        const QHostAddress address(peer->snapshot.peerAddress);
        m_shared->blocked.block(address, until, PeerProtocol::Text);
        log(LogLevel::Info, LogKind::Notice, id,
            tr("blocked %1 until %2")
                .arg(address.toString(), until.toString(QStringLiteral("HH:mm"))),
            ConnectionError::Blocked);
        removed(std::move(*peer), ConnectionError::Blocked, tr("blocked"), LogLevel::Info);
    }
}

void UdpChannel::expireIdle()
{
    const QList<UdpPeer> idle = m_peers.expire(m_clock.elapsed(), m_config.udpIdle.count());
    for (UdpPeer peer : idle) {
        ++m_expired;
        removed(std::move(peer), ConnectionError::UdpExpired,
                tr("expired: no datagram for %1 s").arg(double(m_config.udpIdle.count()) / 1000.0),
                LogLevel::Info);
    }
}

void UdpChannel::removed(UdpPeer&& peer, ConnectionError reason, const QString& text,
                         LogLevel level)
{
    dropDelayedReplies(peer);
    m_vehicles.remove(peer.snapshot.id);
    peer.snapshot.state = ConnectionState::Closed;
    m_finalSnapshots.append(snapshotOf(peer));
    m_removed.append(peer.snapshot.id);
    if (m_ledger->sessionLogOn) {
        m_ledger->recordSession(SessionEvent::Kind::Disconnect, peer.snapshot.id, peer.label, {},
                                true);
        m_ledger->sessionEvents.last().error = reason;
        m_ledger->sessionEvents.last().text = text;
    }
    log(level, LogKind::Disconnected, peer.snapshot.id,
        tr("disconnected (%1): %2").arg(connectionErrorName(reason), text), reason);
}

void UdpChannel::markChanged(UdpPeer* peer)
{
    if (peer->changedMarked)
        return;
    peer->changedMarked = true;
    m_changed.append(peer->snapshot.id);
}

ConnectionSnapshot UdpChannel::snapshotOf(const UdpPeer& peer) const
{
    ConnectionSnapshot out = peer.snapshot;
    out.lastMessage = peer.lastMessage.size() > kLastMessageBytes
                          ? peer.lastMessage.first(kLastMessageBytes)
                          : peer.lastMessage;
    out.lastMessageSize = peer.lastMessage.size();
    out.detectedFraming = tr("datagram");
    return out;
}

void UdpChannel::logTraffic(LogKind kind, quint64 id, const QByteArray& payload,
                            const QString& note)
{
    if (!m_ledger->logMessages)
        return;
    if (m_ledger->messageLogBudget <= 0) {
        ++m_ledger->messageLogsDropped;
        return;
    }
    --m_ledger->messageLogBudget;
    m_log.append(LogEntry::withPayload(
        LogLevel::Info, kind, id,
        kind == LogKind::Sent ? (note.isEmpty() ? tr("sent") : note) : tr("received"), payload));
}

bool UdpChannel::admitProblem(UdpPeer* peer)
{
    ++peer->snapshot.errors;
    markChanged(peer);
    if (m_ledger->problemLogBudget <= 0) {
        ++m_ledger->problemLogsDropped;
        return false;
    }
    --m_ledger->problemLogBudget;
    return true;
}

void UdpChannel::log(LogLevel level, LogKind kind, quint64 id, const QString& text, LogError error)
{
    m_log.append(LogEntry::now(level, kind, id, text, error));
}

void UdpChannel::collect(WorkerBatch* batch)
{
    if (m_refused > 0) {
        log(LogLevel::Warning, LogKind::Error, 0,
            tr("refused %n datagram(s) from new peers: the UDP peer table is full (%1 peers)",
               nullptr, int(std::min<quint64>(m_refused, INT_MAX)))
                .arg(m_peers.capacity()),
            ConnectionError::UdpTableFull);
    }
    for (quint64 id : std::as_const(m_changed)) {
        if (UdpPeer* peer = m_peers.byId(id)) {
            batch->changed.append(snapshotOf(*peer));
            peer->changedMarked = false;
        }
    }
    m_changed.clear();
    batch->changed.append(m_finalSnapshots);
    batch->removed.append(m_removed);
    batch->log.append(m_log);
    batch->udpRefused += m_refused;
    batch->udpExpired += m_expired;
    batch->rejectedBlocked += m_blocked;
    batch->udpBadTokens += m_badTokens;
    m_badTokens = 0;
    m_finalSnapshots.clear();
    m_removed.clear();
    m_log.clear();
    m_refused = 0;
    m_expired = 0;
    m_blocked = 0;
}

} // namespace chorus
