#include "client/ClientEngine.h"

#include "base/Endpoint.h"
#include "wire/ChorusProtocol.h"

#include <QCoreApplication>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace chorus {

namespace {
constexpr std::chrono::milliseconds kCountdownTick{1000};
// Past this many unsent bytes the server is not reading: refuse rather than
// grow the buffer without bound.
constexpr qint64 kWriteHighWater = 4 * 1024 * 1024;
constexpr qint64 kMinReadBuffer = 256 * 1024;

QString tr(const char* text)
{
    return QCoreApplication::translate("chorus::ClientEngine", text);
}
} // namespace

QString clientStateName(ClientState state)
{
    switch (state) {
    case ClientState::Disconnected:
        return tr("Disconnected");
    case ClientState::Connecting:
        return tr("Connecting");
    case ClientState::Connected:
        return tr("Connected");
    case ClientState::Reconnecting:
        return tr("Reconnecting");
    }
    return {};
}

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
    for (ClientProtocol p : {ClientProtocol::Auto, ClientProtocol::Chorus, ClientProtocol::Plain})
        if (name.compare(clientProtocolName(p), Qt::CaseInsensitive) == 0)
            return p;
    return std::nullopt;
}

ClientEngine::ClientEngine(QObject* parent)
    : QObject(parent), m_connectTimer(new QTimer(this)), m_reconnectTimer(new QTimer(this)),
      m_countdownTimer(new QTimer(this)), m_idleTimer(new QTimer(this)),
      m_helloTimer(new QTimer(this))
{
    m_helloTimer->setSingleShot(true);
    connect(m_helloTimer, &QTimer::timeout, this, &ClientEngine::onHelloTimeout);
    qRegisterMetaType<chorus::ClientEvent>();
    qRegisterMetaType<chorus::ClientState>();
    m_clock.start();
    m_connectTimer->setSingleShot(true);
    m_reconnectTimer->setSingleShot(true);
    m_idleTimer->setSingleShot(true);
    m_countdownTimer->setInterval(kCountdownTick);
    connect(m_connectTimer, &QTimer::timeout, this, &ClientEngine::onConnectTimeout);
    connect(m_reconnectTimer, &QTimer::timeout, this, &ClientEngine::startSocket);
    connect(m_countdownTimer, &QTimer::timeout, this, &ClientEngine::onCountdownTick);
    connect(m_idleTimer, &QTimer::timeout, this, &ClientEngine::onIdleGap);
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
    m_decoder.setFraming(config.framing);
    m_decoder.setMaxMessageBytes(config.maxMessageBytes);
    if (m_socket)
        m_socket->setReadBufferSize(std::max<qint64>(kMinReadBuffer, 4 * config.maxMessageBytes));
    if (!config.autoReconnect && m_state == ClientState::Reconnecting)
        setAutoReconnect(false);
}

void ClientEngine::setAutoReconnect(bool on)
{
    m_config.autoReconnect = on;
    if (!on && m_state == ClientState::Reconnecting) {
        m_reconnectTimer->stop();
        m_countdownTimer->stop();
        emitEvent(ClientEvent::Kind::Notice, tr("Auto-reconnect turned off"));
        setState(ClientState::Disconnected);
    }
}

int ClientEngine::reconnectSecondsLeft() const
{
    if (m_state != ClientState::Reconnecting)
        return 0;
    const qint64 left = m_reconnectDelay.count() - m_reconnectClock.elapsed();
    return int(std::max<qint64>(0, (left + 999) / 1000));
}

void ClientEngine::setState(ClientState state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void ClientEngine::emitEvent(ClientEvent::Kind kind, const QString& text, quint64 messageId)
{
    ClientEvent event;
    event.kind = kind;
    event.text = text;
    event.messageId = messageId;
    event.time = QDateTime::currentDateTime();
    emit eventOccurred(event);
}

void ClientEngine::connectToServer()
{
    if (m_state == ClientState::Connected || m_state == ClientState::Connecting)
        return;
    m_userDisconnect = false;
    m_everConnected = false;
    m_nextBackoff = m_config.reconnectInitial;
    startSocket();
}

void ClientEngine::startSocket()
{
    m_reconnectTimer->stop();
    m_countdownTimer->stop();
    dropSocket();
    m_decoder.reset();
    m_decoder.setFraming(m_config.framing);
    m_decoder.setMaxMessageBytes(m_config.maxMessageBytes);
    setState(ClientState::Connecting);
    emitEvent(ClientEvent::Kind::Notice,
              tr("Connecting to %1…").arg(endpointText(m_config.host, m_config.port)));

    m_socket = new QTcpSocket(this);
    m_socket->setReadBufferSize(std::max<qint64>(kMinReadBuffer, 4 * m_config.maxMessageBytes));
    connect(m_socket, &QTcpSocket::connected, this, &ClientEngine::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &ClientEngine::onReadyRead);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &ClientEngine::onSocketError);
    connect(m_socket, &QTcpSocket::disconnected, this, &ClientEngine::onDisconnected);
    m_connectTimer->start(m_config.connectTimeout);
    m_socket->connectToHost(m_config.host, m_config.port);
}

void ClientEngine::dropSocket()
{
    m_connectTimer->stop();
    m_idleTimer->stop();
    m_helloTimer->stop();
    const bool wasChorus = m_chorusMode || m_negotiating;
    m_negotiating = false;
    m_chorusMode = false;
    m_clientId = 0;
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
    m_nextBackoff = m_config.reconnectInitial;
    m_connectedSince = QDateTime::currentDateTime();
    m_peerLabel = endpointText(m_socket->peerAddress(), m_socket->peerPort());
    setState(ClientState::Connected);
    emitEvent(ClientEvent::Kind::Notice, tr("Connected to %1").arg(m_peerLabel));
    if (m_config.protocol == ClientProtocol::Plain) {
        flushQueue();
        return;
    }
    // Offer the Chorus protocol; what is typed meanwhile waits in the queue so
    // a plain server does not read it glued to the hello.
    m_negotiating = true;
    m_helloTimer->start(m_config.helloTimeout);
    writeLine(encodeChorusMessage(makeHello(
        m_config.name, QStringLiteral("chorus-client %1").arg(QStringLiteral(CHORUS_VERSION)))));
}

bool ClientEngine::writeLine(const QByteArray& line)
{
    if (!m_socket)
        return false;
    if (m_socket->write(line) != line.size())
        return false;
    m_stats.bytesSent += quint64(line.size());
    return true;
}

void ClientEngine::onHelloTimeout()
{
    if (m_negotiating)
        finishNegotiation(false);
}

void ClientEngine::finishNegotiation(bool chorus)
{
    m_negotiating = false;
    m_helloTimer->stop();
    if (chorus) {
        m_chorusMode = true;
        m_decoder.setFraming(Framing::Line); // JSON lines from now on
        emitEvent(ClientEvent::Kind::Notice,
                  tr("You are #%1 on %2%3")
                      .arg(m_clientId)
                      .arg(endpointText(m_config.host, m_config.port))
                      .arg(m_serverName.isEmpty() ? QString()
                                                  : QStringLiteral(" (%1)").arg(m_serverName)));
    } else if (m_config.protocol == ClientProtocol::Chorus) {
        emitEvent(ClientEvent::Kind::Error,
                  tr("The server did not accept the Chorus protocol (no welcome within %1 ms); "
                     "choose Auto or Plain to talk to it in plain text")
                      .arg(m_config.helloTimeout.count()));
        emit modeChanged();
        disconnectFromServer();
        return;
    } else {
        emitEvent(ClientEvent::Kind::Notice,
                  tr("No Chorus welcome from the server: plain text mode"));
    }
    emit modeChanged();
    flushQueue();
}

void ClientEngine::handleChorusLine(const ClientEvent& base, const QByteArray& payload)
{
    const ChorusDecodeResult decoded = decodeChorusLine(payload, 0);
    if (decoded.blank)
        return;
    ClientEvent event = base;
    if (!decoded.ok()) {
        event.kind = ClientEvent::Kind::Error;
        event.text = tr("Unreadable line from the server (%1): %2")
                         .arg(decoded.code(), decoded.errorMessage);
        emit eventOccurred(event);
        return;
    }
    const ChorusMessage& m = decoded.message;
    const qint64 now = m_arrivalNs;
    switch (m.type) {
    case ChorusMessageType::Reply:
        event.kind = ClientEvent::Kind::Received;
        event.text = m.text;
        if (const auto it = m_pendingBySeq.constFind(m.re); it != m_pendingBySeq.constEnd()) {
            event.replyTo = m.re;
            event.rttMs = double(now - *it) / 1e6;
            m_pendingBySeq.erase(it);
        }
        ++m_stats.messagesReceived;
        break;
    case ChorusMessageType::Broadcast:
    case ChorusMessageType::Direct:
        event.kind = m.type == ChorusMessageType::Broadcast ? ClientEvent::Kind::Broadcast
                                                            : ClientEvent::Kind::Direct;
        event.text = m.text;
        ++m_stats.messagesReceived;
        break;
    case ChorusMessageType::Pong:
        event.kind = ClientEvent::Kind::Pong;
        event.rttMs = double(now / 1000 - m.t) / 1e3;
        event.text = tr("Pong");
        break;
    case ChorusMessageType::Error:
        event.kind = ClientEvent::Kind::Error;
        event.text = tr("Server error (%1): %2").arg(m.code, m.message);
        if (m.hasRe)
            m_pendingBySeq.remove(m.re);
        break;
    case ChorusMessageType::Bye:
        event.kind = ClientEvent::Kind::Notice;
        event.text = m.reason.isEmpty()
                         ? tr("The server is closing the connection")
                         : tr("The server is closing the connection: %1").arg(m.reason);
        break;
    default:
        event.kind = ClientEvent::Kind::Error;
        event.text = tr("Unexpected %1 message from the server").arg(chorusMessageTypeName(m.type));
        break;
    }
    emit eventOccurred(event);
}

bool ClientEngine::ping()
{
    if (!m_chorusMode || !m_socket) {
        emitEvent(ClientEvent::Kind::Refused,
                  tr("Ping needs a Chorus server (this connection is in plain text mode)"));
        return false;
    }
    return writeLine(encodeChorusMessage(makePing(m_clock.nsecsElapsed() / 1000)));
}

void ClientEngine::rename(const QString& name)
{
    m_config.name = name;
    if (m_chorusMode && m_socket) {
        writeLine(encodeChorusMessage(makeName(name)));
        emitEvent(ClientEvent::Kind::Notice, tr("Name set to \u201c%1\u201d").arg(name));
    }
}

void ClientEngine::onReadyRead()
{
    if (!m_socket)
        return;
    const QByteArray chunk = m_socket->readAll();
    if (chunk.isEmpty())
        return;
    m_arrivalNs = m_clock.nsecsElapsed();
    m_stats.bytesReceived += quint64(chunk.size());
    const QList<FramedMessage> messages = m_decoder.feed(chunk);
    for (const FramedMessage& message : messages)
        deliver(message);
    if (m_decoder.framing() == Framing::Auto && m_decoder.pendingBytes() > 0) {
        m_idleTimer->start(m_config.idleGap);
    } else {
        m_idleTimer->stop();
    }
    if (!messages.isEmpty())
        emit statsChanged();
}

void ClientEngine::onIdleGap()
{
    if (auto message = m_decoder.flushAfterGap()) {
        deliver(*message);
        emit statsChanged();
    } else if (m_decoder.pendingBytes() > 0) {
        // Only part of a UTF-8 character so far: give it one more gap.
        m_idleTimer->start(m_config.idleGap);
    }
}

void ClientEngine::deliver(const FramedMessage& message)
{
    if (message.overLong()) {
        emitEvent(ClientEvent::Kind::Error,
                  tr("The server sent a message over %1 bytes; %2 bytes were discarded")
                      .arg(m_config.maxMessageBytes)
                      .arg(message.discardedBytes));
        return;
    }
    ClientEvent event;
    event.kind = ClientEvent::Kind::Received;
    event.bytes = message.payload.size();
    event.time = QDateTime::currentDateTime();
    if (m_negotiating) {
        const ChorusDecodeResult decoded = decodeChorusLine(message.payload, 0);
        if (decoded.ok() && decoded.message.type == ChorusMessageType::Welcome) {
            m_clientId = decoded.message.id;
            m_serverName = decoded.message.server;
            finishNegotiation(true);
        } else if (decoded.ok() && decoded.message.type == ChorusMessageType::Error) {
            emitEvent(ClientEvent::Kind::Error,
                      tr("The server refused the Chorus hello (%1): %2")
                          .arg(decoded.message.code, decoded.message.message));
            finishNegotiation(false);
        } else {
            // A plain server answered the hello as if it were a message: not
            // a reply to anything the user sent.
            emitEvent(ClientEvent::Kind::Notice,
                      tr("Dropped the server's answer to the Chorus hello: %1")
                          .arg(decodeUtf8(message.payload).left(200)));
            finishNegotiation(false);
        }
        return;
    }
    if (m_chorusMode) {
        handleChorusLine(event, message.payload);
        return;
    }
    event.text = decodeUtf8(message.payload);
    if (!m_pendingReplies.empty()) {
        // With no terminator the server cannot tell our messages apart: those
        // sent back to back reach it as one read and get one answer. So a
        // reply answers everything sent so far, timed from the last of them.
        // With a terminator, replies come one per message, in order.
        if (m_config.terminator == Terminator::None) {
            while (m_pendingReplies.size() > 1)
                m_pendingReplies.pop_front();
        }
        const PendingReply pending = m_pendingReplies.front();
        m_pendingReplies.pop_front();
        event.replyTo = pending.id;
        event.rttMs = double(m_arrivalNs - pending.sentNs) / 1e6;
    }
    ++m_stats.messagesReceived;
    emit eventOccurred(event);
}

void ClientEngine::onSocketError(QAbstractSocket::SocketError error)
{
    if (!m_socket)
        return;
    const bool wasConnected = m_state == ClientState::Connected;
    if (error == QAbstractSocket::RemoteHostClosedError) {
        handleLinkLost(tr("The server closed the connection"), false);
        return;
    }
    if (wasConnected && m_socket->state() == QAbstractSocket::ConnectedState)
        return; // not fatal (e.g. a transient write error); disconnected() will follow if it is
    handleLinkLost(describeSocketError(error), true);
}

void ClientEngine::onDisconnected()
{
    if (!m_socket)
        return;
    handleLinkLost(tr("The server closed the connection"), false);
}

void ClientEngine::onConnectTimeout()
{
    if (!m_socket || m_state != ClientState::Connecting)
        return;
    handleLinkLost(tr("Timed out connecting to %1 after %2 s")
                       .arg(endpointText(m_config.host, m_config.port))
                       .arg(double(m_config.connectTimeout.count()) / 1000.0),
                   true);
}

QString ClientEngine::describeSocketError(QAbstractSocket::SocketError error) const
{
    const QString reason = m_socket ? m_socket->errorString() : QString();
    const QString where = endpointText(m_config.host, m_config.port);
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return tr("Connection refused by %1 (%2)").arg(where, reason);
    case QAbstractSocket::HostNotFoundError:
        return tr("Host not found: %1 (%2)").arg(m_config.host, reason);
    case QAbstractSocket::SocketTimeoutError:
        return tr("Timed out connecting to %1 (%2)").arg(where, reason);
    case QAbstractSocket::NetworkError:
        return tr("Network unreachable for %1 (%2)").arg(where, reason);
    case QAbstractSocket::RemoteHostClosedError:
        return tr("The server closed the connection");
    default:
        return tr("Connection to %1 failed: %2").arg(where, reason);
    }
}

void ClientEngine::handleLinkLost(const QString& reason, bool isError)
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
    if (!m_pendingReplies.empty()) {
        emitEvent(ClientEvent::Kind::Notice,
                  tr("%1 sent message(s) got no reply before the link went down")
                      .arg(m_pendingReplies.size()));
        m_pendingReplies.clear();
    }
    m_pendingBySeq.clear();
    emitEvent(isError ? ClientEvent::Kind::Error : ClientEvent::Kind::Notice, reason);
    emit statsChanged();
    const bool retry =
        m_config.autoReconnect && !m_userDisconnect && (wasConnected || m_everConnected);
    if (retry) {
        scheduleReconnect();
    } else {
        setState(ClientState::Disconnected);
        if (!m_queue.empty())
            emitEvent(
                ClientEvent::Kind::Notice,
                tr("%1 queued message(s) will be sent when you connect again").arg(m_queue.size()));
    }
}

void ClientEngine::scheduleReconnect()
{
    m_reconnectDelay = std::max(m_nextBackoff, std::chrono::milliseconds(1));
    m_nextBackoff = std::min(m_reconnectDelay * 2, m_config.reconnectMax);
    m_reconnectClock.start();
    m_reconnectTimer->start(m_reconnectDelay);
    m_countdownTimer->start();
    setState(ClientState::Reconnecting);
    const int seconds = reconnectSecondsLeft();
    emitEvent(ClientEvent::Kind::Notice, tr("Reconnecting in %1 s").arg(seconds));
    emit reconnectCountdown(seconds);
}

void ClientEngine::onCountdownTick()
{
    if (m_state != ClientState::Reconnecting) {
        m_countdownTimer->stop();
        return;
    }
    emit reconnectCountdown(reconnectSecondsLeft());
}

void ClientEngine::disconnectFromServer()
{
    m_userDisconnect = true;
    m_reconnectTimer->stop();
    m_countdownTimer->stop();
    const ClientState before = m_state;
    if (m_socket) {
        if (m_socket->bytesAvailable() > 0)
            onReadyRead();
        if (auto rest = m_decoder.flushIdle(true))
            deliver(*rest);
        m_connectTimer->stop();
        m_idleTimer->stop();
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
        emitEvent(ClientEvent::Kind::Notice, tr("Disconnected"));
        setState(ClientState::Disconnected);
    }
}

void ClientEngine::discardQueue()
{
    if (m_queue.empty())
        return;
    const auto count = m_queue.size();
    m_queue.clear();
    emitEvent(ClientEvent::Kind::Notice, tr("%1 queued message(s) discarded").arg(count));
}

SendResult ClientEngine::send(const QString& text)
{
    SendResult result;
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString& line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
    }
    lines.removeIf([](const QString& line) { return line.isEmpty(); });
    auto refuse = [&](const QString& reason) {
        result.status = SendStatus::Refused;
        result.reason = reason;
        emitEvent(ClientEvent::Kind::Refused, reason);
        return result;
    };
    if (lines.isEmpty())
        return refuse(tr("Nothing to send: the message is empty"));
    for (const QString& line : lines) {
        const qsizetype bytes = line.toUtf8().size();
        if (bytes > m_config.maxMessageBytes)
            return refuse(tr("Not sent: a line is %1 bytes; the server accepts at most %2 bytes "
                             "per message")
                              .arg(bytes)
                              .arg(m_config.maxMessageBytes));
    }
    if (m_state == ClientState::Connected && m_socket && !m_negotiating) {
        if (m_socket->bytesToWrite() > kWriteHighWater)
            return refuse(tr("Not sent: %1 bytes are still waiting to be written; the server "
                             "is not reading")
                              .arg(m_socket->bytesToWrite()));
        for (const QString& line : lines) {
            const quint64 id = m_nextId++;
            writeMessage(id, line);
            result.messageIds.append(id);
        }
        result.status = SendStatus::Sent;
        emit statsChanged();
        return result;
    }
    if (qsizetype(m_queue.size() + lines.size()) > m_config.maxQueuedMessages)
        return refuse(
            tr("Not sent: %1 messages are already waiting for the connection").arg(m_queue.size()));
    for (const QString& line : lines) {
        const quint64 id = m_nextId++;
        m_queue.push_back({id, line});
        result.messageIds.append(id);
        ClientEvent event;
        event.kind = ClientEvent::Kind::Queued;
        event.messageId = id;
        event.text = line;
        event.time = QDateTime::currentDateTime();
        emit eventOccurred(event);
    }
    result.status = SendStatus::Queued;
    return result;
}

bool ClientEngine::writeMessage(quint64 id, const QString& text)
{
    const QByteArray wire = m_chorusMode ? encodeChorusMessage(makeMsg(id, text))
                                         : encodeMessage(text, m_config.terminator);
    const qint64 written = m_socket->write(wire);
    if (written != wire.size())
        return false; // errorOccurred() reports why
    if (m_chorusMode)
        m_pendingBySeq.insert(id, m_clock.nsecsElapsed());
    else
        m_pendingReplies.push_back({id, m_clock.nsecsElapsed()});
    ++m_stats.messagesSent;
    m_stats.bytesSent += quint64(wire.size());
    ClientEvent event;
    event.kind = ClientEvent::Kind::Sent;
    event.messageId = id;
    event.text = text;
    event.bytes = wire.size();
    event.time = QDateTime::currentDateTime();
    emit eventOccurred(event);
    return true;
}

void ClientEngine::flushQueue()
{
    if (m_queue.empty())
        return;
    emitEvent(ClientEvent::Kind::Notice, tr("Sending %1 queued message(s)").arg(m_queue.size()));
    while (!m_queue.empty() && m_socket && m_state == ClientState::Connected && !m_negotiating) {
        const QueuedMessage message = m_queue.front();
        if (!writeMessage(message.id, message.text))
            break; // stays queued for the next connection
        m_queue.pop_front();
    }
    emit statsChanged();
}

} // namespace chorus
