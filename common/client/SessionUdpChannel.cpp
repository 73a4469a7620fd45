#include "client/SessionUdpChannel.h"

#include <QNetworkDatagram>
#include <QUdpSocket>

namespace chorus {

SessionUdpChannel::SessionUdpChannel(QObject* parent) : QObject(parent), m_bindTimer(this)
{
    m_bindTimer.setSingleShot(true);
    connect(&m_bindTimer, &QTimer::timeout, this, [this] {
        if (m_state == UdpChannelState::Opening)
            setState(UdpChannelState::Unanswered);
    });
}

SessionUdpChannel::~SessionUdpChannel() = default;

void SessionUdpChannel::open(const QHostAddress& server, quint16 port, const QString& token,
                             std::chrono::milliseconds bindTimeout, qint64 pingT)
{
    close();
    m_token = token;
    m_port = port;
    m_socket = new QUdpSocket(this);
    connect(m_socket, &QUdpSocket::readyRead, this, &SessionUdpChannel::onReadyRead);
    connect(m_socket, &QUdpSocket::errorOccurred, this, &SessionUdpChannel::onSocketError);
    // "Connected": only the server's datagrams come in, and an ICMP port
    // unreachable is reported as an error instead of a silent loss.
    m_socket->connectToHost(server, port);
    setState(UdpChannelState::Opening);
    m_bindTimer.start(bindTimeout);
    send(makePing(pingT));
}

void SessionUdpChannel::close()
{
    m_bindTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_token.clear();
    m_port = 0;
    m_failureReason.clear();
    setState(UdpChannelState::Off);
}

qint64 SessionUdpChannel::send(ChorusMessage message)
{
    if (!m_socket || !isUsable())
        return -1;
    message.token = m_token;
    const QByteArray datagram = encodeChorusMessage(message);
    return m_socket->write(datagram) == datagram.size() ? datagram.size() : -1;
}

void SessionUdpChannel::setState(UdpChannelState state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void SessionUdpChannel::onReadyRead()
{
    // Bounded by what the kernel holds: each datagram is read once.
    while (m_socket && m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket->receiveDatagram();
        if (!datagram.isValid())
            break;
        // The server answers only a token it knows: any datagram binds.
        if (m_state == UdpChannelState::Opening || m_state == UdpChannelState::Unanswered) {
            m_bindTimer.stop();
            setState(UdpChannelState::Bound);
        }
        emit lineReceived(datagram.data());
    }
}

void SessionUdpChannel::onSocketError()
{
    if (!m_socket)
        return;
    m_failureReason = m_socket->errorString();
    m_bindTimer.stop();
    setState(UdpChannelState::Failed);
}

} // namespace chorus
