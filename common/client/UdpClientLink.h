#pragma once

// The client's UDP transport (issue 12): each message one datagram to the
// chosen host:port, each datagram received one message. UDP loses datagrams,
// so every sent message waits for its reply for ClientConfig::udpReplyTimeout
// and is counted lost without one: repeat send becomes a loss and latency
// probe. Replies are matched to sent messages oldest first (a datagram says
// nothing about what it answers). ClientEngine drives it when the transport
// is UDP and forwards its events; the wire rules are in docs/PROTOCOL.md §5.

#include "client/ClientTypes.h"
#include "client/OutgoingMessages.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <deque>
#include <vector>

class QUdpSocket;

namespace chorus {

// What the probe has seen since the link opened.
struct UdpProbeStats
{
    quint64 sent = 0;
    quint64 answered = 0;
    quint64 lost = 0;
    quint64 unmatched = 0;        // datagrams that came when no message was waiting
    bool portUnreachable = false; // the last ICMP report, cleared by the next reply
    std::size_t rttCount = 0;
    double rttMinMs = 0;
    double rttMedianMs = 0;
    double rttMaxMs = 0;

    // Of the messages decided (answered or lost), the share lost.
    double lostPercent() const
    {
        const quint64 decided = answered + lost;
        return decided == 0 ? 0.0 : 100.0 * double(lost) / double(decided);
    }
};

class UdpClientLink : public QObject
{
    Q_OBJECT
public:
    explicit UdpClientLink(QObject* parent = nullptr);
    ~UdpClientLink() override;

    // Looks the host up and binds a socket "connected" to host:port (so ICMP
    // port unreachable is reported); ends in opened() or failed().
    void open(const ClientConfig& config);
    void close();
    bool isOpen() const;
    QString peerLabel() const { return m_peerLabel; }
    void setOutgoing(const OutgoingFramer& outgoing) { m_outgoing = outgoing; }
    void setReplyTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // One datagram: the message in the text framing's terminator (as over TCP).
    // false when the socket refused it (then failed() or an error event says why).
    bool send(quint64 id, const QByteArray& payload);
    const UdpProbeStats& stats() const { return m_stats; }
    qsizetype awaitingReplies() const { return qsizetype(m_pending.size()); }

signals:
    void opened(const QString& peerLabel);
    void failed(chorus::ClientError error, const QString& reason);
    void eventOccurred(const chorus::ClientEvent& event);
    void statsChanged();

private:
    void onReadyRead();
    void onSocketError();
    void expireReplies();
    void armExpiry();
    void addRtt(double ms);

    struct Pending
    {
        quint64 id;
        qint64 sentNs;
        QByteArray payload; // shared, for the "lost" notice
    };
    QUdpSocket* m_socket = nullptr;
    OutgoingFramer m_outgoing;
    std::chrono::milliseconds m_timeout = kDefaultUdpReplyTimeout;
    qsizetype m_maxMessageBytes = kDefaultMaxMessageBytes;
    QString m_peerLabel;
    QString m_endpoint; // host:port as configured
    QElapsedTimer m_clock;
    QTimer m_expiry;
    std::deque<Pending> m_pending;
    std::vector<double> m_rtts; // sorted insert is not needed: summarized on change
    UdpProbeStats m_stats;
};

} // namespace chorus
