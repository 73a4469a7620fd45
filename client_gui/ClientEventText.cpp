#include "ClientEventText.h"

#include "wire/ByteText.h"

#include <QLocale>

#include <cmath>

namespace chorus {

namespace {
constexpr qint64 kTenthsBelowMs = 10000;
constexpr qsizetype kMessagePreviewChars = 200;

// "02 41 42" or "02 41 42 … (70 bytes)".
QString hexPreview(QByteArrayView bytes)
{
    if (bytes.size() <= ClientEventText::kMaxHexBytes)
        return formatHex(bytes);
    return ClientEventText::tr("%1 … (%n bytes)", nullptr, int(bytes.size()))
        .arg(formatHex(bytes.first(ClientEventText::kMaxHexBytes)));
}
} // namespace

QString ClientEventText::delay(qint64 ms)
{
    if (ms < kTenthsBelowMs)
        return tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    return tr("%1 s").arg(qint64(std::ceil(double(ms) / 1000.0)));
}

QString ClientEventText::state(ClientState state)
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

QString ClientEventText::error(ClientError error, const QString& reason, const QString& endpoint,
                               qint64 count, qint64 limit, QByteArrayView bytes)
{
    switch (error) {
    case ClientError::None:
        return {};
    case ClientError::ConnectionRefused:
        return tr("Connection refused by %1 (%2)").arg(endpoint, reason);
    case ClientError::PortUnreachable:
        return tr("Port unreachable: nothing receives UDP at %1 now (ICMP port unreachable)")
            .arg(endpoint);
    case ClientError::NoUdpChannel:
        return tr("Not sent: no UDP channel is open (it needs a Chorus connection over TCP "
                  "and Settings → Also open UDP channel)");
    case ClientError::HostNotFound:
        return tr("Host not found: %1 (%2)").arg(endpoint, reason);
    case ClientError::ConnectTimeout:
        if (limit > 0)
            return tr("Timed out connecting to %1 after %2").arg(endpoint, delay(limit));
        return tr("Timed out connecting to %1 (%2)").arg(endpoint, reason);
    case ClientError::NetworkUnreachable:
        return tr("Network unreachable for %1 (%2)").arg(endpoint, reason);
    case ClientError::RemoteClosed:
        return tr("The server closed the connection");
    case ClientError::SocketFailure:
        return tr("Connection to %1 failed: %2").arg(endpoint, reason);
    case ClientError::ServerFull:
        return tr("The server is full and closed the connection (%1)").arg(reason);
    case ClientError::ChorusRefused:
        return tr("%1 did not accept the Chorus protocol (it answered: %2); choose Settings → "
                  "Protocol → Auto or Plain to talk to it in plain text")
            .arg(endpoint, reason);
    case ClientError::WelcomeTimeout:
        return tr("No Chorus welcome from %1 within %2: it is not a chorus-server; choose "
                  "Settings → Protocol → Auto or Plain to talk to it in plain text")
            .arg(endpoint, delay(limit));
    case ClientError::ServerError:
        return tr("Server error: %1").arg(reason);
    case ClientError::UnreadableLine:
        return tr("Unreadable line from the server (%1)").arg(reason);
    case ClientError::UnexpectedMessage:
        return tr("Unexpected \"%1\" message from the server").arg(reason);
    case ClientError::ReceivedTooLong:
        return tr("The server sent a message over %1 bytes; %2 bytes were discarded")
            .arg(limit)
            .arg(count);
    case ClientError::EmptyMessage:
        return tr("Nothing to send: the message is empty");
    case ClientError::MessageTooLong:
        return tr("Not sent: a line is %1 bytes; the server accepts at most %2 bytes per message")
            .arg(count)
            .arg(limit);
    case ClientError::WriteBacklog:
        return tr("Not sent: %1 bytes are still waiting to be written; the server is not reading")
            .arg(count);
    case ClientError::QueueFull:
        return tr("Not sent: %1 messages are already waiting for the connection").arg(count);
    case ClientError::PingNeedsChorus:
        return tr("Ping needs a chorus-server (this connection is plain text)");
    case ClientError::ReceivedBadLength:
        return tr("The server sent a length field that cannot be right (header %1): skipped")
            .arg(hexPreview(bytes));
    case ClientError::ReceivedOutsideEnvelope:
        return tr("The server sent %n byte(s) outside the start…end envelope: %1", nullptr,
                  int(count))
            .arg(hexPreview(bytes));
    case ClientError::ReceivedIncomplete:
        return tr("The connection closed inside a frame; %n byte(s) of it arrived: %1", nullptr,
                  int(count))
            .arg(hexPreview(bytes));
    case ClientError::NotUtf8ForChorus:
        return tr("Not sent: a chorus-server takes text, and byte %1 of the message is not UTF-8 "
                  "(choose protocol Plain to send any bytes)")
            .arg(count + 1);
    case ClientError::DoesNotFitFraming:
        return tr("Not sent: the message is %1 bytes; the framing's length field can say at "
                  "most %2")
            .arg(count)
            .arg(limit);
    case ClientError::TlsHandshakeFailed:
        return tr("TLS handshake with %1 failed: %2 (is it a plain, non-TLS port? Settings → "
                  "Use TLS)")
            .arg(endpoint, reason);
    case ClientError::TlsCertificateUntrusted:
        return tr("%1 shows a certificate not trusted yet (SHA-256 %2): nothing was sent")
            .arg(endpoint, reason);
    case ClientError::TlsCertificateChanged:
        return tr("Refused: the certificate of %1 changed (now SHA-256 %2)").arg(endpoint, reason);
    case ClientError::TlsCertificateExpired:
        return tr("Refused: the certificate of %1 is expired or not yet valid (SHA-256 %2)")
            .arg(endpoint, reason);
    case ClientError::TlsRequired:
        return tr("%1 listens with TLS: turn on Settings → Use TLS (it said: %2)")
            .arg(endpoint, reason);
    case ClientError::AccessDenied:
        return tr("%1 refused the access token (%2); set the server's token in Settings → "
                  "Access token")
            .arg(endpoint, reason);
    }
    return {};
}

QString ClientEventText::describe(const ClientEvent& event)
{
    switch (event.kind) {
    case ClientEvent::Kind::Sent:
    case ClientEvent::Kind::Queued:
    case ClientEvent::Kind::Received:
    case ClientEvent::Kind::Broadcast:
    case ClientEvent::Kind::Direct:
        return formatTextLine(event.payload, kMessagePreviewChars);
    case ClientEvent::Kind::Pong:
        return tr("Ping round trip");
    case ClientEvent::Kind::Error:
        if (event.certificate && event.error == ClientError::TlsCertificateChanged)
            return tr("Refused: the certificate of %1 changed. Trusted: %2. Now: %3")
                .arg(event.endpoint, event.certificate->pinnedFingerprint,
                     event.certificate->fingerprint);
        if (event.certificate && event.error == ClientError::TlsCertificateExpired)
            return tr("Refused: the certificate of %1 is valid from %2 to %3 only (SHA-256 %4)")
                .arg(event.endpoint, event.certificate->notBefore.toString(Qt::ISODate),
                     event.certificate->notAfter.toString(Qt::ISODate),
                     event.certificate->fingerprint);
        [[fallthrough]];
    case ClientEvent::Kind::Refused:
        return error(event.error, event.reason, event.endpoint, event.count, event.limit,
                     event.payload);
    case ClientEvent::Kind::Notice:
        break;
    }
    const QString lastError =
        error(event.error, event.reason, event.endpoint, event.count, event.limit);
    switch (event.notice) {
    case ClientNotice::None:
        return {};
    case ClientNotice::Connecting:
        return tr("Connecting to %1…").arg(event.endpoint);
    case ClientNotice::Connected:
        return tr("Connected to %1").arg(event.endpoint);
    case ClientNotice::Disconnected:
        return tr("Disconnected");
    case ClientNotice::PlainText:
        return tr("Plain text: only what you type is sent. If this is a chorus-server, choose "
                  "Settings → Protocol → Chorus");
    case ClientNotice::ChorusWelcome:
        if (event.reason.isEmpty())
            return tr("You are #%1 on %2").arg(event.count).arg(event.endpoint);
        return tr("You are #%1 on %2 (%3)").arg(event.count).arg(event.endpoint, event.reason);
    case ClientNotice::KnownServerFellBack:
        if (event.reason.isEmpty())
            return tr("%1 gave no Chorus welcome this time: no longer listed as a chorus-server; "
                      "plain text from here on")
                .arg(event.endpoint);
        return tr("%1 gave no Chorus welcome this time: no longer listed as a chorus-server; "
                  "plain text from here on (its answer to the hello was dropped: %2)")
            .arg(event.endpoint, event.reason);
    case ClientNotice::ServerBye:
        if (event.reason.isEmpty())
            return tr("The server closed the connection on purpose; not reconnecting (Connect "
                      "tries again)");
        return tr("The server closed the connection: %1; not reconnecting (Connect tries again)")
            .arg(event.reason);
    case ClientNotice::RetryWaiting:
        return tr("Reconnecting in %1 (attempt %2) · last error: %3")
            .arg(delay(event.delayMs))
            .arg(event.attempt)
            .arg(lastError);
    case ClientNotice::RetryConnecting:
        return tr("Reconnecting now (attempt %1)… · last error: %2")
            .arg(event.attempt)
            .arg(lastError);
    case ClientNotice::RetryConnected:
        return tr("Reconnected to %1 (attempt %2)").arg(event.endpoint).arg(event.attempt);
    case ClientNotice::QueueSending:
        return tr("Sending %n queued message(s)", nullptr, int(event.count));
    case ClientNotice::QueueKept:
        return tr("%n queued message(s) will be sent when you connect again", nullptr,
                  int(event.count));
    case ClientNotice::QueueDiscarded:
        return tr("%n queued message(s) discarded", nullptr, int(event.count));
    case ClientNotice::RepliesLost:
        return tr("%n sent message(s) got no reply before the link went down", nullptr,
                  int(event.count));
    case ClientNotice::AutoReconnectOff:
        return tr("Auto-reconnect turned off");
    case ClientNotice::Renamed:
        return tr("Name set to \u201c%1\u201d").arg(event.reason);
    case ClientNotice::FixedSizeDiffers:
        return tr("Sent as is, though the message is %1 bytes and the fixed framing's size is %2")
            .arg(event.count)
            .arg(event.limit);
    case ClientNotice::ReplyLost:
        return tr("Lost: \u201c%1\u201d got no reply within %2 ms")
            .arg(formatLine(event.payload, ByteView::Text, 40))
            .arg(event.limit);
    }
    return {};
}

QString ClientEventText::repeatStop(RepeatStop why, ClientError sendError)
{
    switch (why) {
    case RepeatStop::Finished:
        return tr("Repeat finished");
    case RepeatStop::ByUser:
        return tr("Repeat stopped");
    case RepeatStop::LinkDown:
        return tr("Repeat stopped: the connection went down");
    case RepeatStop::EmptyMessage:
        return tr("Repeat not started: the message is empty");
    case RepeatStop::NotConnected:
        return tr("Repeat not started: not connected");
    case RepeatStop::SendRefused:
        // The refusal itself, with its figures, is in the history.
        return tr("Repeat stopped: a message was refused (%1)").arg(clientErrorName(sendError));
    }
    return {};
}

QString ClientEventText::repeatSummary(const RepeatStats& s)
{
    QString text = tr("sent %1 / answered %2").arg(s.sent).arg(s.answered);
    if (s.answered > 0)
        text += tr(", RTT %1 / %2 / %3 ms (min / median / max)")
                    .arg(s.minMs, 0, 'f', 2)
                    .arg(s.medianMs, 0, 'f', 2)
                    .arg(s.maxMs, 0, 'f', 2);
    return text;
}

} // namespace chorus
