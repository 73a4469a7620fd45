#pragma once

// Text framing shared by the server and the client.
//
// Wire grammar (text mode; see docs/PROTOCOL.md for the full description):
//
//   stream     = *message
//   message    = payload terminator            ; Line and Auto framing
//              | payload idle-gap              ; Auto framing: no terminator, then silence
//              | burst                         ; Raw framing: one read() is one message
//   terminator = LF | CR LF                    ; a CR right before LF is dropped
//   payload    = *OCTET except LF              ; decoded as UTF-8, invalid bytes -> U+FFFD
//   idle-gap   = no byte for `idleGap` (default 30 ms) after the last one
//
// Messages longer than `maxMessageBytes` (default 64 KiB) are discarded up to
// their terminator (or idle gap); the decoder reports one over-long event for
// each such message so the caller can answer with a one-line error.
// An empty line is a message too (empty payload, its terminator): feed()
// returns it and the caller decides whether to answer it.
// Replies mirror the peer: the terminator of its last message (LF, CRLF or
// none) is used for what we send back.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <chrono>
#include <optional>

namespace chorus {

enum class Framing { Auto, Line, Raw };
enum class Terminator { None, Lf, CrLf };

inline constexpr qsizetype kDefaultMaxMessageBytes = 64 * 1024;
inline constexpr std::chrono::milliseconds kDefaultIdleGap{30};

QString framingName(Framing framing); // "auto", "line", "raw"
std::optional<Framing> framingFromName(QStringView name);
QString terminatorName(Terminator terminator); // "LF", "CRLF", "none"
std::optional<Terminator> terminatorFromName(QStringView name);
QByteArray terminatorBytes(Terminator terminator);

// Invalid sequences become U+FFFD; never throws, never crashes.
QString decodeUtf8(QByteArrayView bytes);
// Encodes one message for the wire. Embedded LFs are kept as they are: callers
// that want one message per line split the text first.
QByteArray encodeMessage(const QString& text, Terminator terminator);

struct FramedMessage
{
    QByteArray payload;                       // without terminator
    Terminator terminator = Terminator::None; // how it ended on the wire
    bool overLong = false;                    // payload was discarded (over the limit)
    qsizetype discardedBytes = 0;             // how many bytes were dropped when overLong
};

class FrameDecoder
{
public:
    explicit FrameDecoder(Framing framing = Framing::Auto,
                          qsizetype maxMessageBytes = kDefaultMaxMessageBytes);

    void setFraming(Framing framing);
    Framing framing() const { return m_framing; }
    void setMaxMessageBytes(qsizetype maxBytes);
    qsizetype maxMessageBytes() const { return m_maxMessageBytes; }

    // Feeds bytes as they arrived (one read). Returns the messages that are
    // complete. In Raw framing the whole chunk is one message. An over-long
    // message yields one FramedMessage with overLong=true as soon as the limit
    // is passed; its remaining bytes are dropped up to the terminator.
    QList<FramedMessage> feed(QByteArrayView chunk);

    // The idle gap expired (Auto framing) or the stream ended (force=true):
    // returns the pending bytes as a message with Terminator::None. Without
    // force, an incomplete UTF-8 sequence at the very end is held back (its
    // remaining bytes are probably in flight) and nothing is returned if that
    // is all there is; call again after another gap with force=true.
    // Line framing only flushes with force. A gap while an over-long message
    // is being discarded ends that discard and returns nullopt.
    std::optional<FramedMessage> flushIdle(bool force = false);
    // One idle gap expired (Auto framing): flushIdle(), except that an incomplete
    // UTF-8 tail is held back for one gap only; the next call flushes it as it
    // is. nullopt with hasPending() still true means: wait one more gap. New
    // bytes (feed) start over.
    std::optional<FramedMessage> flushAfterGap();

    bool hasPending() const { return !m_pending.isEmpty() || m_discarding; }
    qsizetype pendingBytes() const { return m_pending.size(); }
    // Terminator of the last complete message: the style to answer in.
    Terminator lastTerminator() const { return m_lastTerminator; }
    // A short human label of what was detected: "LF", "CRLF", "idle gap", "raw", "-".
    QString detectedLabel() const;
    void reset();

private:
    Framing m_framing;
    qsizetype m_maxMessageBytes;
    QByteArray m_pending;
    bool m_discarding = false;
    qsizetype m_discarded = 0;        // bytes dropped so far by the current discard
    bool m_discardEndsWithCr = false; // last dropped byte was CR: an LF next means CRLF
    Terminator m_lastTerminator = Terminator::Lf;
    bool m_sawAnyMessage = false;
    bool m_lastWasIdle = false;
    bool m_tailHeldBack = false; // flushAfterGap() already waited one gap for a UTF-8 tail
};

} // namespace chorus
