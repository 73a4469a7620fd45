// Connection: a peer on the TLS port. Its socket is a QSslSocket, buffered
// (the decrypted bytes live in its buffer: the unbuffered mode of plain peers
// has no meaning for it), made in this thread and handshaking as a server.
// Its read buffer is capped at one pass's worth (limits.readBufferBytes): while
// a pass or the rate limit holds input back, the rest waits in the kernel
// under TCP flow control, as for plain peers, not in our memory.
// The table shows the negotiated version once the handshake is done; a
// handshake that fails (a plain client on the TLS port, an old protocol)
// ends the connection as TlsHandshakeFailed with OpenSSL's reason.

#include "server/Connection.h"

#include <QSslCipher>
#include <QSslSocket>

namespace chorus {

bool Connection::openTlsSocket(qintptr socketDescriptor, QString* error)
{
    auto* socket = new QSslSocket(this);
    m_socket = socket;
    if (!socket->setSocketDescriptor(socketDescriptor, QAbstractSocket::ConnectedState,
                                     QIODevice::ReadWrite)) {
        if (error)
            *error = socket->errorString();
        return false;
    }
    configureServerSocket(socket, *m_tlsCredentials);
    socket->setReadBufferSize(std::max<qint64>(m_limits.readBufferBytes, 1));
    connect(socket, &QSslSocket::encrypted, this, [this, socket] {
        m_snapshot.tlsProtocol = tlsProtocolName(int(socket->sessionProtocol()));
        log(LogLevel::Info, LogKind::Notice,
            tr("TLS established: %1, %2")
                .arg(m_snapshot.tlsProtocol, socket->sessionCipher().name()));
        markChanged();
    });
    connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        // The server asks for no client certificate; anything here is logged.
        for (const QSslError& sslError : errors)
            log(LogLevel::Warning, LogKind::Notice, tr("TLS: %1").arg(sslError.errorString()),
                ConnectionError::TlsHandshakeFailed);
    });
    // The handshake starts at the peer's first byte (onTlsFirstBytes): a
    // plain client can then be told in plain text that this port speaks TLS.
    return true;
}

void Connection::onTlsFirstBytes()
{
    auto* socket = static_cast<QSslSocket*>(m_socket);
    char first = 0;
    if (socket->peek(&first, 1) != 1)
        return;
    // Every TLS connection starts with a handshake record (content type 22).
    constexpr char kTlsHandshakeRecord = 0x16;
    if (first == kTlsHandshakeRecord) {
        socket->startServerEncryption();
        return;
    }
    m_tlsRefusedPlain = true;
    const PeerText text =
        peerText(QT_TR_NOOP("this port speaks TLS: connect with TLS (chorus-client: Use TLS)"));
    log(LogLevel::Warning, LogKind::Notice,
        tr("a plain client on the TLS port: %1").arg(text.shown),
        ConnectionError::TlsHandshakeFailed);
    // Not encrypted yet: these bytes go out as they are, for the peer to read.
    QByteArray head(256, Qt::Uninitialized);
    head.truncate(std::max<qint64>(0, socket->peek(head.data(), head.size())));
    if (looksLikeChorusHello(
            head.left(head.indexOf('\n') < 0 ? head.size() : head.indexOf('\n')))) {
        socket->write(encodeChorusMessage(makeError(ChorusErrorCode::TlsRequired, text.wire)));
        socket->write(encodeChorusMessage(makeBye(text.wire)));
    } else {
        socket->write(encodeMessage(QStringLiteral("error: ") + text.wire, Terminator::Lf));
    }
    close(ConnectionError::TlsHandshakeFailed, text);
}

std::optional<std::pair<ConnectionError, QString>> Connection::tlsFailure() const
{
    const auto* socket = qobject_cast<const QSslSocket*>(m_socket);
    if (!socket || socket->isEncrypted() || m_tlsRefusedPlain)
        return std::nullopt;
    // A plain client never gets here (onTlsFirstBytes answers it). A peer that
    // closes mid-handshake is most often a TLS client that does not trust our
    // certificate (chorus-client on first contact, before Trust and connect).
    QString why = socket->errorString();
    if (socket->mode() == QSslSocket::UnencryptedMode)
        why = tr("the peer sent nothing and closed (no TLS handshake began)");
    else if (socket->error() == QAbstractSocket::RemoteHostClosedError)
        why = tr("the peer closed during the TLS handshake (a client that does not trust this "
                 "certificate yet?)");
    return std::make_pair(ConnectionError::TlsHandshakeFailed, why);
}

} // namespace chorus
