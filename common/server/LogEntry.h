#pragma once

// One line of the server's log: prose for people (text) and, for a line
// about a message, the message's bytes apart from it (payload), so every view
// (Text with escapes, Hex, Mixed) renders them exactly and saved logs keep
// them. The engine never formats a payload; the window, the headless front
// end and the files do, in the view they show.

#include "answer/ReplyBookFile.h"
#include "base/AtomicFile.h"
#include "wire/ByteText.h"
#include "wire/VehicleTypes.h"

#include <QAbstractSocket>
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>
#include <variant>

namespace chorus {

// Why a connection ended, was refused or had a problem; carried with a reason for people.
enum class ConnectionError {
    None,
    RemoteClosed,   // the peer closed its side
    SocketError,    // QAbstractSocket error; the reason holds errorString()
    MessageTooLong, // not fatal: message discarded (the peer is told in textual framings)
    WriteBacklog,   // peer stopped reading; unsent bytes passed the high-water mark
    ServerFull,     // refused: over maxConnections
    Blocked,        // refused or disconnected: the operator blocked the peer's address
    Kicked,         // disconnected from the window
    ServerStopping, // Stop clicked / SIGTERM
    ProtocolError,  // not fatal: bad chorus JSON line
    // Framing problems (not fatal; each raises the connection's error count):
    BadLength,       // a length field no frame can have: its header is skipped
    OutsideEnvelope, // bytes outside a start..end envelope
    IncompleteFrame, // the stream ended inside a length-field or fixed-size frame
    // Outgoing bytes not sent to one peer (raise the error count too):
    ReplyNotFramed,   // longer than the peer's length field can say
    NotUtf8ForChorus, // a Chorus peer's JSON text cannot carry bytes that are not UTF-8
    // Sent, with a warning: a fixed-size peer got a reply of another size.
    ReplySizeMismatch,
    // Closed by a timeout (ConnectionLimits):
    IdleTimeout,  // the peer sent nothing for idleTimeout
    FrameTimeout, // a started message did not end within frameTimeout
    ClosedByRule, // a reply rule closes the connection after its reply (docs/RULES.md)
    // UDP (UdpChannel):
    UdpExpired,    // a UDP peer left the table after the idle time
    UdpTableFull,  // a datagram from a new peer refused: the UDP peer table is full
    EmptyDatagram, // counted and logged, never answered
    UdpBadToken,   // a dual-channel datagram with an unknown or stale session token
    // Access control (AccessRules.h) and TLS (TlsServerSetup.h):
    AccessDenied,       // refused at accept by a rule, or a wrong/missing token, or a plain
                        // peer where only Chorus clients with the token may talk
    TlsHandshakeFailed, // the TLS handshake did not complete (reason: Qt's words)
};
QString connectionErrorName(ConnectionError error);

enum class LogLevel { Info, Warning, Error };
enum class LogKind {
    Listening,
    Stopped,
    Connected,
    Disconnected,
    Received, // a user message in
    Sent,     // a user message out (reply, broadcast, direct)
    Control,  // Chorus protocol traffic: hello/welcome, ping/pong, name, bye, error
    Error,
    Notice,
};
QString logKindName(LogKind kind); // translated, for people
QString logKindKey(LogKind kind);  // "received", …: stable, for saved files
QString logLevelKey(LogLevel level);

// What an error line is about, as an enum to switch on (tests, filters):
// a connection's end or refusal, a listener's socket error, a file problem,
// or a reply book whose bytes are no book.
using LogError = std::variant<std::monostate, ConnectionError, QAbstractSocket::SocketError,
                              FileError, BookFormatError>;

// A log line keeps at most this much of a message (and its whole size): the
// log pane holds 5,000 lines, and a 64 KiB message per line would be 320 MB.
inline constexpr qsizetype kLogPayloadBytes = 1024;

struct LogEntry
{
    QDateTime time;
    LogLevel level = LogLevel::Info;
    LogKind kind = LogKind::Notice;
    quint64 connectionId = 0; // 0: not about one connection
    QString text;             // prose: "received", "connected from 127.0.0.1:5000", …
    LogError error;
    QByteArray payload;         // the message's bytes, at most kLogPayloadBytes of them
    qsizetype payloadSize = -1; // the message's whole size; -1: the line has no payload
    // A vehicle's status text (docs/PROTOCOL.md §2.8.4): its MAV_SEVERITY, for colour and filter.
    std::optional<StatusSeverity> severity;

    // An entry stamped with the current time; connectionId 0: not about one connection.
    static LogEntry now(LogLevel level, LogKind kind, quint64 connectionId, const QString& text,
                        LogError error = {});
    // As now(), about a message: its bytes (shared, or the first kLogPayloadBytes).
    static LogEntry withPayload(LogLevel level, LogKind kind, quint64 connectionId,
                                const QString& text, const QByteArray& payload,
                                LogError error = {});
    bool hasPayload() const { return payloadSize >= 0; }
    // The error as E when it is one.
    template <typename E> std::optional<E> errorAs() const
    {
        if (const E* value = std::get_if<E>(&error))
            return *value;
        return std::nullopt;
    }

    // "2026-11-25 06:04:01.123 [#7] received: hello" as a view shows it:
    // Text  the payload on the line, at most 300 characters, escapes marked
    //       in *escapes (positions in the returned string);
    // Hex   "received (6 bytes): 01 02 03 FF FE 00", at most 256 bytes;
    // Mixed the line, then the hex dump of at most 256 bytes on lines of its own.
    QString format(ByteView view = ByteView::Text, QList<EscapeSpan>* escapes = nullptr) const;
    // Lines format(view) returns, counted without formatting (a view sizing rows).
    int lineCount(ByteView view) const;
    // One line for text files: the Text view of every kept byte.
    QString formatForFile() const;
    // One compact JSON object for .jsonl files: time, level, kind, id, line
    // (the prose) and, with a payload, "hex" (exact), "text" (formatText,
    // for people) and "size" (the whole message's, when more than was kept).
    QByteArray toJson() const;
};

// The log's severity filter: a status line (one with a severity) is shown
// when it is at least as severe as `threshold` (Debug: all); others always.
bool passesSeverityFilter(const LogEntry& entry, StatusSeverity threshold);

} // namespace chorus

Q_DECLARE_METATYPE(chorus::LogEntry)
