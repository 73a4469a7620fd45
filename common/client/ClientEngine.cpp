// ClientEngine, part 1: the link. Connecting, the Chorus handshake (only to
// a peer known to speak it, see ChorusNegotiation.h), losing the link and
// reconnecting with a backoff that only a link that proved itself resets.
// Part 2 (ClientEngineMessages.cpp) is the messages over the link.

#include "client/ClientEngine.h"

#include "base/Endpoint.h"
#include "wire/ChorusProtocol.h"

#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

namespace chorus {

namespace {
constexpr std::chrono::milliseconds kCountdownTick{100};
constexpr qint64 kMinReadBuffer = 256 * 1024;

ClientError clientErrorOf(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return ClientError::ConnectionRefused;
    case QAbstractSocket::HostNotFoundError:
        return ClientError::HostNotFound;
    case QAbstractSocket::SocketTimeoutError:
        return ClientError::ConnectTimeout;
    case QAbstractSocket::NetworkError:
        return ClientError::NetworkUnreachable;
    case QAbstractSocket::RemoteHostClosedError:
        return ClientError::RemoteClosed;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return ClientError::TlsHandshakeFailed;
    default:
        return ClientError::SocketFailure;
    }
}
} // namespace

ClientEngine::ClientEngine(QObject* parent)
    : QObject(parent), m_connectTimer(new QTimer(this)), m_reconnectTimer(new QTimer(this)),
      m_countdownTimer(new QTimer(this)), m_idleTimer(new QTimer(this)),
      m_helloTimer(new QTimer(this)), m_provenTimer(new QTimer(this)),
      m_backoff(kDefaultReconnectInitial, kDefaultReconnectMax)
{
    qRegisterMetaType<chorus::ClientEvent>();
    qRegisterMetaType<chorus::ClientState>();
    m_clock.start();
    for (QTimer* timer :
         {m_connectTimer, m_reconnectTimer, m_idleTimer, m_helloTimer, m_provenTimer})
        timer->setSingleShot(true);
    m_countdownTimer->setInterval(kCountdownTick);
    connect(m_connectTimer, &QTimer::timeout, this, &ClientEngine::onConnectTimeout);
    connect(m_reconnectTimer, &QTimer::timeout, this, &ClientEngine::startRetry);
    connect(m_countdownTimer, &QTimer::timeout, this, [this] {
        if (m_state == ClientState::Reconnecting)
            emit reconnectCountdown(reconnectTimeLeft().count());
        else
            m_countdownTimer->stop();
    });
    connect(m_idleTimer, &QTimer::timeout, this, &ClientEngine::onIdleGap);
    connect(m_helloTimer, &QTimer::timeout, this, [this] {
        if (m_negotiating)
            finishNegotiation(nullptr);
    });
    connect(m_provenTimer, &QTimer::timeout, this, &ClientEngine::linkProven);
    setConfig(m_config);
}

ClientEngine::~ClientEngine()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void ClientEngine::setConfig(const ClientConfig& config)
{
    m_config = config;
    m_decoder.setMaxMessageBytes(config.maxMessageBytes);
    if (!m_chorusMode)
        m_decoder.setSpec(config.framing);
    m_outgoing = OutgoingFramer(config.framing, config.terminator);
    m_backoff.setLimits(config.reconnectInitial, config.reconnectMax);
    if (m_socket)
        m_socket->setReadBufferSize(std::max<qint64>(kMinReadBuffer, 4 * config.maxMessageBytes));
    if (!config.autoReconnect && m_state == ClientState::Reconnecting)
        setAutoReconnect(false);
}

void ClientEngine::setAutoReconnect(bool on)
{
    m_config.autoReconnect = on;
    if (!on && m_state == ClientState::Reconnecting) {
        stopRetries();
        emitNotice(ClientNotice::AutoReconnectOff);
        setState(ClientState::Disconnected);
    }
}

std::chrono::milliseconds ClientEngine::reconnectTimeLeft() const
{
    if (m_state != ClientState::Reconnecting)
        return std::chrono::milliseconds{0};
    const qint64 left = reconnectDelay().count() - m_reconnectClock.elapsed();
    return std::chrono::milliseconds{std::max<qint64>(0, left)};
}

void ClientEngine::setState(ClientState state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

QString ClientEngine::endpointKey() const
{
    return KnownChorusServers::keyOf(m_config.host, m_config.port);
}

void ClientEngine::emitNotice(ClientNotice notice, qint64 count, const QString& reason)
{
    ClientEvent event;
    event.kind = ClientEvent::Kind::Notice;
    event.notice = notice;
    event.count = count;
    event.reason = reason;
    event.endpoint = endpointKey();
    event.time = QDateTime::currentDateTime();
    emit eventOccurred(event);
}

void ClientEngine::emitError(ClientEvent::Kind kind, const Failure& failure, qint64 count)
{
    ClientEvent event;
    event.kind = kind;
    event.error = failure.error;
    event.reason = failure.reason;
    event.limit = failure.limit;
    event.count = count;
    event.endpoint = endpointKey();
    event.time = QDateTime::currentDateTime();
    emit eventOccurred(event);
}

void ClientEngine::connectToServer()
{
    if (m_state == ClientState::Connected || m_state == ClientState::Connecting)
        return;
    stopRetries();
    m_userDisconnect = false;
    m_everConnected = false;
    emitNotice(ClientNotice::Connecting);
    if (usesUdp())
        startUdp();
    else
        startSocket();
}

void ClientEngine::retryNow()
{
    if (m_state == ClientState::Reconnecting)
        startRetry();
}

void ClientEngine::startRetry()
{
    m_reconnectTimer->stop();
    ClientEvent event;
    event.kind = ClientEvent::Kind::Notice;
    event.notice = ClientNotice::RetryConnecting;
    event.attempt = m_attempt;
    event.error = m_lastError;
    event.reason = m_lastReason;
    event.endpoint = endpointKey();
    event.time = QDateTime::currentDateTime();
    emit eventOccurred(event);
    startSocket();
}

void ClientEngine::startSocket()
{
    m_reconnectTimer->stop();
    m_countdownTimer->stop();
    dropSocket();
    m_decoder.reset();
    m_decoder.setSpec(m_config.framing);
    m_decoder.setMaxMessageBytes(m_config.maxMessageBytes);
    m_linkMessages = 0;
    m_byeReceived = false;
    m_serverFullLine.clear();
    m_linkRefused = false;
    setState(ClientState::Connecting);

    m_socket = createSocket();
    m_tlsProtocol.clear();
    m_socket->setReadBufferSize(std::max<qint64>(kMinReadBuffer, 4 * m_config.maxMessageBytes));
    // With TLS the link counts once the certificate is trusted (onTlsEncrypted).
    if (!m_config.useTls)
        connect(m_socket, &QTcpSocket::connected, this, &ClientEngine::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &ClientEngine::onReadyRead);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &ClientEngine::onSocketError);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        handleLinkLost({ClientError::RemoteClosed, {}, 0});
    });
    m_connectTimer->start(m_config.connectTimeout);
    openSocket();
}

void ClientEngine::dropSocket()
{
    m_connectTimer->stop();
    m_idleTimer->stop();
    m_helloTimer->stop();
    m_provenTimer->stop();
    const bool wasChorus = m_chorusMode || m_negotiating;
    m_negotiating = false;
    m_chorusMode = false;
    m_clientId = 0;
    closeUdpChannel();
    if (wasChorus)
        emit modeChanged();
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void ClientEngine::onConnected()
{
    m_connectTimer->stop();
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    m_everConnected = true;
    m_connectedSince = QDateTime::currentDateTime();
    m_peerLabel = endpointText(m_socket->peerAddress(), m_socket->peerPort());
    // Only a link that lasts (or answers) resets the backoff: see linkProven().
    m_provenTimer->start(m_config.linkProvenAfter);
    // Negotiating before anyone hears "Connected": a send() from a slot of
    // stateChanged() then waits in the queue instead of going before the hello.
    // An access token is meant for a chorus-server: Auto offers it a hello as to a known one.
    m_offer = ChorusNegotiation::offerFor(m_config.protocol, m_known.contains(endpointKey()) ||
                                                                 !m_config.accessToken.isEmpty());
    m_negotiating = m_offer != ChorusNegotiation::Offer::None;
    setState(ClientState::Connected);
    ClientEvent event;
    event.kind = ClientEvent::Kind::Notice;
    event.notice = m_attempt > 0 ? ClientNotice::RetryConnected : ClientNotice::Connected;
    event.attempt = m_attempt;
    event.endpoint = m_peerLabel;
    event.time = m_connectedSince;
    emit eventOccurred(event);
    if (!m_socket)
        return; // a slot disconnected

    if (m_offer == ChorusNegotiation::Offer::None) {
        // Not known to speak Chorus: from the first byte on, only what the user sends.
        if (m_config.protocol == ClientProtocol::Auto && m_attempt == 0)
            emitNotice(ClientNotice::PlainText);
        flushQueue();
        return;
    }
    // What is typed meanwhile (m_negotiating) waits in the queue, so a server
    // that reads bytes as they come never sees it glued to the hello.
    // The answer to a hello is a JSON line, whatever the framing chosen for the device.
    if (!m_config.framing.isTextual())
        m_decoder.setSpec(Framing::Line);
    m_helloTimer->start(m_config.helloTimeout);
    writeLine(ChorusNegotiation::helloLine(m_config.name, m_config.accessToken));
}

void ClientEngine::finishNegotiation(const ChorusNegotiation::Answer* answer)
{
    m_negotiating = false;
    m_helloTimer->stop();
    const QString key = endpointKey();
    if (answer && answer->outcome == ChorusNegotiation::Outcome::Welcome) {
        m_chorusMode = true;
        m_clientId = answer->id;
        m_serverName = answer->server;
        m_decoder.setFraming(Framing::Line); // JSON lines from now on
        emitNotice(ClientNotice::ChorusWelcome, qint64(m_clientId), m_serverName);
        openUdpChannel(*answer);
        if (m_config.protocol == ClientProtocol::Chorus && m_known.add(key))
            emit knownChorusServerChanged(key, true);
        linkProven();
        emit modeChanged();
        flushQueue();
        return;
    }
    // A refused token is the same answer on every retry, and says nothing
    // about whether the server is a chorus-server: stop, keep it known.
    if (answer && (answer->outcome == ChorusNegotiation::Outcome::AccessDenied ||
                   answer->outcome == ChorusNegotiation::Outcome::TlsRequired)) {
        emitError(ClientEvent::Kind::Error,
                  {answer->outcome == ChorusNegotiation::Outcome::AccessDenied
                       ? ClientError::AccessDenied
                       : ClientError::TlsRequired,
                   answer->reason, 0});
        m_linkRefused = true;
        emit modeChanged();
        disconnectFromServer();
        return;
    }
    if (m_offer == ChorusNegotiation::Offer::Required) {
        // Chosen explicitly: say so and stop; never fall back behind the user's back.
        if (answer)
            emitError(ClientEvent::Kind::Error, {ClientError::ChorusRefused, answer->reason, 0});
        else
            emitError(ClientEvent::Kind::Error,
                      {ClientError::WelcomeTimeout, {}, qint64(m_config.helloTimeout.count())});
        emit modeChanged();
        disconnectFromServer();
        return;
    }
    // A known chorus-server that no longer welcomes: forget it, go on in plain text.
    m_decoder.setSpec(m_config.framing);
    if (m_known.remove(key))
        emit knownChorusServerChanged(key, false);
    emitNotice(ClientNotice::KnownServerFellBack, 0, answer ? answer->reason : QString());
    emit modeChanged();
    flushQueue();
}

void ClientEngine::linkProven()
{
    m_provenTimer->stop();
    m_backoff.reset();
    m_attempt = 0;
}

void ClientEngine::onSocketError(QAbstractSocket::SocketError error)
{
    if (!m_socket)
        return;
    if (error != QAbstractSocket::RemoteHostClosedError && m_state == ClientState::Connected &&
        m_socket->state() == QAbstractSocket::ConnectedState)
        return; // not fatal (e.g. a transient write error); disconnected() will follow if it is
    handleLinkLost({clientErrorOf(error), m_socket->errorString(), 0});
}

void ClientEngine::onConnectTimeout()
{
    if (!m_socket || m_state != ClientState::Connecting)
        return;
    handleLinkLost({ClientError::ConnectTimeout, {}, qint64(m_config.connectTimeout.count())});
}

void ClientEngine::handleLinkLost(Failure failure)
{
    if (!m_socket)
        return;
    const bool wasConnected = m_state == ClientState::Connected;
    // Whatever arrived before the close is still a message.
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (auto rest = m_decoder.flushIdle(true))
        deliver(*rest);
    dropSocket();
    if (!m_serverFullLine.isEmpty())
        failure = {ClientError::ServerFull, m_serverFullLine, 0};
    if (!m_pendingReplies.empty() || !m_pendingBySeq.isEmpty()) {
        emitNotice(ClientNotice::RepliesLost,
                   qint64(m_pendingReplies.size()) + m_pendingBySeq.size());
        m_pendingReplies.clear();
        m_pendingBySeq.clear();
    }
    emit statsChanged();
    const bool retry = m_config.autoReconnect && !m_userDisconnect && !m_byeReceived &&
                       (wasConnected || m_everConnected);
    if (retry) {
        // The failure that starts a reconnect run gets its own line; the run's
        // later failures only update the run's status line.
        if (m_attempt == 0)
            emitError(ClientEvent::Kind::Error, failure);
        scheduleReconnect(failure);
        return;
    }
    if (!m_byeReceived) // after a bye the server already said why
        emitError(ClientEvent::Kind::Error, failure);
    m_attempt = 0;
    setState(ClientState::Disconnected);
    if (!m_queue.empty())
        emitNotice(ClientNotice::QueueKept, qint64(m_queue.size()));
}

void ClientEngine::scheduleReconnect(const Failure& failure)
{
    const std::chrono::milliseconds delay = m_backoff.nextDelay();
    m_attempt = m_backoff.failures();
    m_lastError = failure.error;
    m_lastReason = failure.reason;
    m_reconnectClock.start();
    m_reconnectTimer->start(delay);
    m_countdownTimer->start();
    setState(ClientState::Reconnecting);
    ClientEvent event;
    event.kind = ClientEvent::Kind::Notice;
    event.notice = ClientNotice::RetryWaiting;
    event.attempt = m_attempt;
    event.delayMs = delay.count();
    event.error = failure.error;
    event.reason = failure.reason;
    event.limit = failure.limit;
    event.endpoint = endpointKey();
    event.time = QDateTime::currentDateTime();
    emit eventOccurred(event);
    emit reconnectCountdown(delay.count());
}

void ClientEngine::stopRetries()
{
    m_reconnectTimer->stop();
    m_countdownTimer->stop();
    m_backoff.reset();
    m_attempt = 0;
}

void ClientEngine::disconnectFromServer()
{
    m_userDisconnect = true;
    stopRetries();
    const ClientState before = m_state;
    closeUdp();
    closeUdpChannel(); // the session ends with its link
    if (m_socket) {
        if (m_socket->bytesAvailable() > 0)
            onReadyRead();
        if (auto rest = m_decoder.flushIdle(true))
            deliver(*rest);
        m_connectTimer->stop();
        m_idleTimer->stop();
        m_provenTimer->stop();
        // Let what is already written reach the server, then close.
        QTcpSocket* socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (before == ClientState::Connected) {
            socket->disconnectFromHost();
            if (socket->state() == QAbstractSocket::UnconnectedState)
                socket->deleteLater();
        } else {
            socket->abort();
            socket->deleteLater();
        }
    }
    m_pendingReplies.clear();
    m_pendingBySeq.clear();
    m_helloTimer->stop();
    if (m_chorusMode || m_negotiating) {
        m_chorusMode = false;
        m_negotiating = false;
        m_clientId = 0;
        emit modeChanged();
    }
    if (before != ClientState::Disconnected) {
        emitNotice(ClientNotice::Disconnected);
        setState(ClientState::Disconnected);
        if (!m_queue.empty())
            emitNotice(ClientNotice::QueueKept, qint64(m_queue.size()));
    }
}

} // namespace chorus
