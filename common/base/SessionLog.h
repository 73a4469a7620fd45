#pragma once

// The session log (--session-log DIR): every event of a session as one JSON
// line, so a run can be analysed later (jq, pandas) or replayed.
//
//   {"t":1732934400123456,"kind":"out","peer":"127.0.0.1:9999","hex":"41 52 4D 0A"}
//   {"t":1732934400124001,"kind":"telemetry","peer":"127.0.0.1:9999",
//    "fields":{"values":{"alt":12.5,"bat":87}}}
//
//   t       microseconds since the Unix epoch (UTC)
//   kind    connect, disconnect, in, out, cmd, ack, telemetry, status, heartbeat, note
//   peer    host:port the event is about (may be empty)
//   hex     the message's exact bytes (in, out), two upper-case digits per byte;
//           absent when the event has no bytes. Never a decoded text: bytes are data.
//   fields  anything else the event has (a JSON object), as given
//
// chorus-server's lines (ServerSessionLog) carry in fields: "id" (the
// connection), "via":"udp" (a datagram), and per kind: disconnect "error"
// (ConnectionError's number) and "reason"; cmd "cmd", "name", "args",
// "resend"; ack "re", "result", "progress", "text"; telemetry "values",
// "units", "refused"; status "severity", "text"; heartbeat "state", "mode",
// "armed"; note "dropped" (events not written: a full disk, a writer behind)
// or "stale". "in"/"out" hex is the message as its framing delimits it
// (without terminator or length header; a Chorus peer's JSON line).
//
// Files: DIR/<name>-NNNNNN.jsonl, a new one when the current one would pass
// maxFileBytes, at most maxFiles of them (the oldest is removed). Earlier
// files are never opened for writing again. A failed write (a full disk) is
// cut back to the last whole line (the file keeps every line written before),
// reported as SessionLogError + reason, and the log stops: the caller goes on
// serving and says so; resume() tries again.

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace chorus {

enum class SessionLogError {
    None,
    CreateFolderFailed, // the folder could not be made
    OpenFailed,         // a new file could not be created
    WriteFailed,        // write() failed or wrote short (ENOSPC: the disk is full)
};
QString sessionLogErrorName(SessionLogError error); // "write-failed", ...

struct SessionLogProblem
{
    SessionLogError error = SessionLogError::None;
    QString path;
    QString reason; // strerror
    bool ok() const { return error == SessionLogError::None; }
};

struct SessionRecord
{
    qint64 timeUs = 0;
    QString kind;
    QString peer;
    std::optional<QByteArray> bytes;
    QJsonObject fields;

    bool operator==(const SessionRecord& other) const
    {
        return timeUs == other.timeUs && kind == other.kind && peer == other.peer &&
               bytes == other.bytes && fields == other.fields;
    }
};

inline constexpr qint64 kDefaultSessionLogFileBytes = 16 * 1024 * 1024;
inline constexpr int kDefaultSessionLogFiles = 8;

class SessionLogWriter
{
public:
    SessionLogWriter(const QString& folder, const QString& name = QStringLiteral("session"),
                     qint64 maxFileBytes = kDefaultSessionLogFileBytes,
                     int maxFiles = kDefaultSessionLogFiles);
    ~SessionLogWriter();
    SessionLogWriter(const SessionLogWriter&) = delete;
    SessionLogWriter& operator=(const SessionLogWriter&) = delete;

    // One line; false once the log has stopped (problem() says why).
    bool write(const SessionRecord& record);
    // Many lines, as few write() calls as the rotation allows (a writer
    // thread's batch); returns how many were written (all, unless the log stopped).
    int write(const QList<SessionRecord>& records);
    const SessionLogProblem& problem() const { return m_problem; }
    // After a failure: start a new file and go on (false when that fails too).
    bool resume();

    // The files written, oldest first, and the bytes written in all.
    QStringList files() const { return m_files; }
    qint64 bytesWritten() const { return m_bytesWritten; }

    static QByteArray encode(const SessionRecord& record); // the line, with its LF
    static std::optional<SessionRecord> decode(const QByteArray& line);
    static qint64 nowUs();

private:
    bool openNext();
    // Whole lines ending at lineEnds; the lines written (a failure keeps the whole ones).
    int writeChunk(const QByteArray& chunk, const QList<qsizetype>& lineEnds);
    void fail(SessionLogError error, const QString& path, int errorNumber);

    QString m_folder;
    QString m_name;
    qint64 m_maxFileBytes;
    int m_maxFiles;
    int m_fd = -1;
    qint64 m_fileBytes = 0;
    int m_nextNumber = 1;
    QStringList m_files;
    qint64 m_bytesWritten = 0;
    SessionLogProblem m_problem;
};

// Telemetry records as CSV: time_us, peer, then one column per key (the union
// of every record's keys, sorted); a record without a key leaves its cell empty.
QByteArray telemetryCsv(const QList<SessionRecord>& records);
// Every record of these session-log files, in order; unreadable lines are counted.
QList<SessionRecord> readSessionLog(const QStringList& files, int* badLines = nullptr);

} // namespace chorus

Q_DECLARE_METATYPE(chorus::SessionLogProblem)
