// Connection: the access token and the peers that may only say a Chorus
// hello with it (AccessRules.h). The token never reaches the log in clear:
// a hello that carries one is logged as decoded, the token masked; a hello
// that does not decode has the value of every "token" key masked in its bytes.

#include "server/Connection.h"

#include "server/AccessRules.h"

namespace chorus {

namespace {

// What stands in for a token in the log.
const QByteArray kMaskedTokenBytes = QByteArrayLiteral("********");

} // namespace

void Connection::refusePlainPeer()
{
    const PeerText text = peerText(
        QT_TR_NOOP("only Chorus clients with the access token may talk from this address"));
    log(LogLevel::Warning, LogKind::Notice, tr("refused a plain peer: %1").arg(text.shown),
        ConnectionError::AccessDenied);
    // Only a peer that reads lines can read why; a device framing gets nothing.
    if (m_decoder.spec().isTextual())
        writeNoticeLine(QStringLiteral("error: ") + text.wire, m_decoder.lastTerminator());
    close(ConnectionError::AccessDenied, text);
}

bool Connection::acceptHelloToken(const ChorusMessage& hello)
{
    if (m_requiredToken.isEmpty() || tokensEqual(hello.token, m_requiredToken))
        return true;
    const PeerText text = hello.token.isEmpty()
                              ? peerText(QT_TR_NOOP("this server needs an access token"))
                              : peerText(QT_TR_NOOP("wrong access token"));
    log(LogLevel::Warning, LogKind::Notice, tr("hello refused: %1").arg(text.shown),
        ConnectionError::AccessDenied);
    // An error the client's negotiation reads as the answer, then a bye: the
    // client stops instead of retrying with the same token.
    writeChorus(makeError(ChorusErrorCode::AccessDenied, text.wire), Traffic::Control);
    writeChorus(makeBye(text.wire), Traffic::Control);
    close(ConnectionError::AccessDenied, text);
    return false;
}

QByteArray Connection::helloForLog(const QByteArray& payload, const ChorusMessage* decoded)
{
    if (decoded && !decoded->token.isEmpty()) {
        // A key or value spelled with JSON escapes ("t\u006fken") escapes a
        // scan of the bytes: the hello as read is logged instead, token masked.
        ChorusMessage masked = *decoded;
        masked.token = QString::fromLatin1(kMaskedTokenBytes);
        QByteArray line = encodeChorusMessage(masked);
        if (line.endsWith('\n'))
            line.chop(1);
        return line;
    }
    static const QByteArray key = QByteArrayLiteral("\"token\"");
    QByteArray out = payload;
    qsizetype from = 0;
    while ((from = out.indexOf(key, from)) >= 0) {
        qsizetype i = from + key.size();
        auto skipSpace = [&out, &i] {
            while (i < out.size() && (out.at(i) == ' ' || out.at(i) == '\t'))
                ++i;
        };
        skipSpace();
        if (i >= out.size() || out.at(i) != ':') {
            from = i;
            continue;
        }
        ++i;
        skipSpace();
        if (i >= out.size() || out.at(i) != '"') {
            from = i;
            continue;
        }
        const qsizetype start = ++i;
        while (i < out.size() && out.at(i) != '"')
            i += out.at(i) == '\\' ? 2 : 1;
        const qsizetype end = std::min(i, out.size()); // an unterminated value: to the end
        out.replace(start, end - start, kMaskedTokenBytes);
        from = start + kMaskedTokenBytes.size();
    }
    return out;
}

} // namespace chorus
