#pragma once

// A loopback UDP peer for tests: bound to a free port, it keeps every
// datagram it receives, in order.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QNetworkDatagram>
#include <QUdpSocket>

namespace chorus::testing {

class UdpTestPeer
{
public:
    explicit UdpTestPeer(const QHostAddress& local = QHostAddress(QHostAddress::LocalHost))
    {
        socket.bind(local, 0);
        QObject::connect(&socket, &QUdpSocket::readyRead, &socket, [this] {
            while (socket.hasPendingDatagrams())
                received.append(socket.receiveDatagram().data());
        });
    }

    bool isBound() const { return socket.state() == QAbstractSocket::BoundState; }
    quint16 port() const { return socket.localPort(); }

    qint64 send(const QByteArray& bytes, quint16 port)
    {
        const QHostAddress to = socket.localAddress().protocol() == QAbstractSocket::IPv6Protocol
                                    ? QHostAddress(QHostAddress::LocalHostIPv6)
                                    : QHostAddress(QHostAddress::LocalHost);
        return socket.writeDatagram(bytes, to, port);
    }

    QUdpSocket socket;
    QList<QByteArray> received;
};

} // namespace chorus::testing
