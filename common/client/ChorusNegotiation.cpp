#include "client/ChorusNegotiation.h"

#include "wire/ByteText.h"
#include "wire/ChorusProtocol.h"

namespace chorus {

namespace {
// How much of a non-welcome answer is kept for the notice.
constexpr qsizetype kAnswerPreviewChars = 200;
} // namespace

ChorusNegotiation::Offer ChorusNegotiation::offerFor(ClientProtocol protocol, bool knownServer)
{
    switch (protocol) {
    case ClientProtocol::Plain:
        return Offer::None;
    case ClientProtocol::Chorus:
        return Offer::Required;
    case ClientProtocol::Auto:
        return knownServer ? Offer::Known : Offer::None;
    }
    return Offer::None;
}

QByteArray ChorusNegotiation::helloLine(const QString& name, const QString& token)
{
    return encodeChorusMessage(makeHello(
        name, QStringLiteral("chorus-client %1").arg(QStringLiteral(CHORUS_VERSION)), token));
}

ChorusNegotiation::Answer ChorusNegotiation::readAnswer(const QByteArray& line)
{
    Answer answer;
    const ChorusDecodeResult decoded = decodeChorusLine(line, 0);
    if (decoded.ok() && decoded.message.type == ChorusMessageType::Welcome) {
        answer.outcome = Outcome::Welcome;
        answer.id = decoded.message.id;
        answer.server = decoded.message.server;
        answer.udpPort = decoded.message.udpPort;
        answer.token = decoded.message.token;
    } else if (decoded.ok() && decoded.message.type == ChorusMessageType::Error) {
        const bool denied =
            decoded.message.code == chorusErrorCodeName(ChorusErrorCode::AccessDenied);
        const bool tlsRequired =
            decoded.message.code == chorusErrorCodeName(ChorusErrorCode::TlsRequired);
        answer.outcome = denied        ? Outcome::AccessDenied
                         : tlsRequired ? Outcome::TlsRequired
                                       : Outcome::Refused;
        // Both: the server's words are the reason, the code is in the outcome.
        answer.reason = denied || tlsRequired
                            ? decoded.message.message
                            : decoded.message.code + QStringLiteral(": ") + decoded.message.message;
    } else {
        // A plain server answered the hello as if it were a message.
        answer.outcome = Outcome::NotChorus;
        answer.reason = formatTextLine(line, kAnswerPreviewChars);
    }
    return answer;
}

bool ChorusNegotiation::isTlsRequiredLine(const QByteArray& line)
{
    return line.startsWith("error: this port speaks TLS");
}

bool ChorusNegotiation::isServerFullLine(const QByteArray& line)
{
    return line.startsWith("error: server full");
}

ChorusLineResult readChorusLine(const QByteArray& line, QHash<quint64, qint64>& pending,
                                qint64 arrivalNs)
{
    ChorusLineResult result;
    const ChorusDecodeResult decoded = decodeChorusLine(line, 0);
    if (decoded.blank) {
        result.blank = true;
        return result;
    }
    ClientEvent& event = result.event;
    event.bytes = line.size();
    event.time = QDateTime::currentDateTime();
    if (!decoded.ok()) {
        event.kind = ClientEvent::Kind::Error;
        event.error = ClientError::UnreadableLine;
        event.reason = decoded.code() + QStringLiteral(": ") + decoded.errorMessage.shown;
        return result;
    }
    const ChorusMessage& m = decoded.message;
    switch (m.type) {
    case ChorusMessageType::Reply:
        event.kind = ClientEvent::Kind::Received;
        event.payload = m.text.toUtf8();
        if (const auto it = pending.constFind(m.re); it != pending.constEnd()) {
            event.replyTo = m.re;
            event.rttMs = double(arrivalNs - *it) / 1e6;
            pending.erase(it);
        }
        result.answer = true;
        break;
    case ChorusMessageType::Broadcast:
    case ChorusMessageType::Direct:
        event.kind = m.type == ChorusMessageType::Broadcast ? ClientEvent::Kind::Broadcast
                                                            : ClientEvent::Kind::Direct;
        event.payload = m.text.toUtf8();
        break;
    case ChorusMessageType::Pong:
        event.kind = ClientEvent::Kind::Pong;
        event.rttMs = double(arrivalNs / 1000 - m.t) / 1e3;
        result.answer = true;
        break;
    case ChorusMessageType::Error:
        event.kind = ClientEvent::Kind::Error;
        event.error = ClientError::ServerError;
        event.reason = m.code + QStringLiteral(": ") + m.message;
        if (m.hasRe)
            pending.remove(m.re);
        break;
    case ChorusMessageType::Cmd:
        result.command = m;
        break;
    case ChorusMessageType::Bye:
        event.kind = ClientEvent::Kind::Notice;
        event.notice = ClientNotice::ServerBye;
        event.reason = m.reason;
        result.bye = !m.retry; // a bye with retry (server stopping) may be reconnected after
        break;
    default:
        event.kind = ClientEvent::Kind::Error;
        event.error = ClientError::UnexpectedMessage;
        event.reason = chorusMessageTypeName(m.type);
        break;
    }
    return result;
}

} // namespace chorus
