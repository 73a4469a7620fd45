#pragma once

// The client's side of a Chorus session's UDP channel (issue 12 item 3,
// docs/PROTOCOL.md §5.4). A welcome that names a UDP port and a token lets
// the client open a UDP socket towards the server's address on that port; its
// first datagram, a ping carrying the token, binds the channel to the session
// (the server's row becomes TCP+UDP). Every datagram carries the token; each
// datagram from the server is one JSON line, read like a line of the TCP
// link. The server never answers an unknown or stale token, so a bind ping
// without an answer within the bind timeout leaves the channel Unanswered.

#include "client/ClientTypes.h"
#include "wire/ChorusProtocol.h"

#include <QHostAddress>
#include <QObject>
#include <QTimer>

class QUdpSocket;

namespace chorus {

class SessionUdpChannel : public QObject
{
    Q_OBJECT
public:
    explicit SessionUdpChannel(QObject* parent = nullptr);
    ~SessionUdpChannel() override;

    // Opens towards server:port and sends the bind ping (t: its time, µs).
    void open(const QHostAddress& server, quint16 port, const QString& token,
              std::chrono::milliseconds bindTimeout, qint64 pingT);
    void close(); // back to Off, nothing said to the server (the TCP link ends the token)
    UdpChannelState state() const { return m_state; }
    // Opening or Bound: datagrams may go out.
    bool isUsable() const
    {
        return m_state == UdpChannelState::Opening || m_state == UdpChannelState::Bound;
    }
    quint16 port() const { return m_port; }
    // One datagram: the message with the session's token. Its size, or -1
    // when the channel is not usable or the socket refused it.
    qint64 send(ChorusMessage message);
    QString failureReason() const { return m_failureReason; }

signals:
    void stateChanged(chorus::UdpChannelState state);
    // One datagram from the server (its JSON line, line end included if sent).
    void lineReceived(const QByteArray& line);

private:
    void setState(UdpChannelState state);
    void onReadyRead();
    void onSocketError();

    QUdpSocket* m_socket = nullptr;
    QTimer m_bindTimer;
    QString m_token;
    quint16 m_port = 0;
    UdpChannelState m_state = UdpChannelState::Off;
    QString m_failureReason;
};

} // namespace chorus
