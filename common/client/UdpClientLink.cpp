#include "client/UdpClientLink.h"

#include "base/Endpoint.h"
#include "base/Percentiles.h"

#include <QUdpSocket>

#include <algorithm>

namespace chorus {

namespace {

// RTT samples kept for min/median/max: a long probe keeps its newest ones.
constexpr std::size_t kMaxRttSamples = 100000;
constexpr qsizetype kDatagramBufferBytes = 65536;
constexpr int kDatagramsPerPass = 256; // then the event loop (the window) gets a turn

qsizetype lineEndSize(QByteArrayView datagram)
{
    if (datagram.endsWith("\r\n"))
        return 2;
    return datagram.endsWith('\n') || datagram.endsWith('\r') ? 1 : 0;
}

} // namespace

UdpClientLink::UdpClientLink(QObject* parent) : QObject(parent), m_expiry(this)
{
    m_clock.start();
    m_expiry.setSingleShot(true);
    m_expiry.setTimerType(Qt::PreciseTimer);
    connect(&m_expiry, &QTimer::timeout, this, &UdpClientLink::expireReplies);
}

UdpClientLink::~UdpClientLink() = default;

void UdpClientLink::open(const ClientConfig& config)
{
    close();
    m_stats = {};
    m_rtts.clear();
    m_timeout = config.udpReplyTimeout;
    m_maxMessageBytes = config.maxMessageBytes;
    m_endpoint = endpointText(config.host, config.port);
    m_socket = new QUdpSocket(this);
    connect(m_socket, &QUdpSocket::connected, this, [this] {
        m_peerLabel = endpointText(m_socket->peerAddress(), m_socket->peerPort());
        emit opened(m_peerLabel);
    });
    connect(m_socket, &QUdpSocket::readyRead, this, &UdpClientLink::onReadyRead);
    connect(m_socket, &QUdpSocket::errorOccurred, this, &UdpClientLink::onSocketError);
    // A "connected" UDP socket: the kernel keeps the peer, filters what
    // comes from elsewhere, and reports ICMP port unreachable to us.
    m_socket->connectToHost(config.host, config.port);
}

void UdpClientLink::close()
{
    m_expiry.stop();
    m_pending.clear();
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

bool UdpClientLink::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

bool UdpClientLink::send(quint64 id, const QByteArray& payload)
{
    if (!isOpen())
        return false;
    const std::optional<QByteArray> wire = m_outgoing.frame(payload);
    if (!wire) {
        ClientEvent event;
        event.kind = ClientEvent::Kind::Error;
        event.error = ClientError::DoesNotFitFraming;
        event.messageId = id;
        event.count = payload.size();
        event.limit = m_outgoing.capacity();
        event.endpoint = m_endpoint;
        event.time = QDateTime::currentDateTime();
        emit eventOccurred(event);
        return true;
    }
    if (m_socket->write(*wire) != wire->size())
        return false; // errorOccurred() says why
    m_pending.push_back({id, m_clock.nsecsElapsed(), payload});
    ++m_stats.sent;
    ClientEvent event;
    event.kind = ClientEvent::Kind::Sent;
    event.messageId = id;
    event.payload = payload;
    event.bytes = wire->size();
    event.time = QDateTime::currentDateTime();
    emit eventOccurred(event);
    armExpiry();
    emit statsChanged();
    return true;
}

void UdpClientLink::onReadyRead()
{
    thread_local char buffer[kDatagramBufferBytes];
    // Read until the socket has nothing (not hasPendingDatagrams(): its peek
    // would take a pending ICMP error away unseen); a failed read reports
    // the error (port unreachable) through errorOccurred().
    for (int i = 0; i < kDatagramsPerPass && m_socket; ++i) {
        const qint64 n = m_socket->readDatagram(buffer, kDatagramBufferBytes);
        if (n < 0)
            break;
        const qint64 arrivalNs = m_clock.nsecsElapsed();
        const QByteArrayView datagram(buffer, n);
        ClientEvent event;
        event.kind = ClientEvent::Kind::Received;
        event.bytes = n;
        event.time = QDateTime::currentDateTime();
        if (n > m_maxMessageBytes) {
            event.kind = ClientEvent::Kind::Error;
            event.error = ClientError::ReceivedTooLong;
            event.count = n;
            event.limit = m_maxMessageBytes;
            event.endpoint = m_peerLabel;
        } else {
            event.payload = datagram.chopped(lineEndSize(datagram)).toByteArray();
        }
        m_stats.portUnreachable = false;
        if (!m_pending.empty()) {
            const Pending answered = m_pending.front();
            m_pending.pop_front();
            const double rttMs = double(arrivalNs - answered.sentNs) / 1e6;
            event.replyTo = answered.id;
            event.rttMs = rttMs;
            ++m_stats.answered;
            addRtt(rttMs);
        } else {
            ++m_stats.unmatched;
        }
        emit eventOccurred(event);
    }
    armExpiry();
    emit statsChanged();
}

void UdpClientLink::onSocketError()
{
    if (!m_socket)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    if (error == QAbstractSocket::ConnectionRefusedError) {
        // ICMP port unreachable: the datagram arrived at a host where nothing
        // listens on the port. The link stays: a server started later answers.
        m_stats.portUnreachable = true;
        ClientEvent event;
        event.kind = ClientEvent::Kind::Error;
        event.error = ClientError::PortUnreachable;
        event.reason = m_socket->errorString();
        event.endpoint = m_peerLabel.isEmpty() ? m_endpoint : m_peerLabel;
        event.time = QDateTime::currentDateTime();
        emit eventOccurred(event);
        emit statsChanged();
        return;
    }
    if (error == QAbstractSocket::TemporaryError)
        return;
    const ClientError why = error == QAbstractSocket::HostNotFoundError ? ClientError::HostNotFound
                            : error == QAbstractSocket::NetworkError
                                ? ClientError::NetworkUnreachable
                                : ClientError::SocketFailure;
    if (!isOpen()) {
        emit failed(why, m_socket->errorString());
        return;
    }
    ClientEvent event;
    event.kind = ClientEvent::Kind::Error;
    event.error = why;
    event.reason = m_socket->errorString();
    event.endpoint = m_peerLabel;
    event.time = QDateTime::currentDateTime();
    emit eventOccurred(event);
}

void UdpClientLink::armExpiry()
{
    if (m_pending.empty()) {
        m_expiry.stop();
        return;
    }
    const qint64 dueNs = m_pending.front().sentNs +
                         std::chrono::duration_cast<std::chrono::nanoseconds>(m_timeout).count();
    const qint64 leftMs = std::max<qint64>(0, (dueNs - m_clock.nsecsElapsed() + 999999) / 1000000);
    m_expiry.start(int(std::min<qint64>(leftMs, INT_MAX)));
}

void UdpClientLink::expireReplies()
{
    const qint64 nowNs = m_clock.nsecsElapsed();
    const qint64 timeoutNs =
        std::chrono::duration_cast<std::chrono::nanoseconds>(m_timeout).count();
    bool any = false;
    while (!m_pending.empty() && nowNs - m_pending.front().sentNs >= timeoutNs) {
        const Pending lost = m_pending.front();
        m_pending.pop_front();
        ++m_stats.lost;
        any = true;
        ClientEvent event;
        event.kind = ClientEvent::Kind::Notice;
        event.notice = ClientNotice::ReplyLost;
        event.messageId = lost.id;
        event.payload = lost.payload;
        event.limit = m_timeout.count();
        event.endpoint = m_peerLabel;
        event.time = QDateTime::currentDateTime();
        emit eventOccurred(event);
    }
    armExpiry();
    if (any)
        emit statsChanged();
}

void UdpClientLink::addRtt(double ms)
{
    if (m_rtts.size() >= kMaxRttSamples)
        m_rtts.erase(m_rtts.begin(), m_rtts.begin() + kMaxRttSamples / 10);
    m_rtts.push_back(ms);
    // min/max at once; the median from a sorted copy only for small counts,
    // else every 64th sample, so a fast probe costs no sort per reply.
    m_stats.rttCount = m_rtts.size();
    m_stats.rttMinMs = m_rtts.size() == 1 ? ms : std::min(m_stats.rttMinMs, ms);
    m_stats.rttMaxMs = m_rtts.size() == 1 ? ms : std::max(m_stats.rttMaxMs, ms);
    if (m_rtts.size() <= 1024 || m_rtts.size() % 64 == 0) {
        const SampleSummary summary = summarize(m_rtts);
        m_stats.rttMedianMs = summary.median;
        m_stats.rttMinMs = summary.min;
        m_stats.rttMaxMs = summary.max;
    }
}

} // namespace chorus
