#pragma once

// chorus-client --replay FILE (issue 13 item 5): the sent side of a recorded
// session log (base/SessionLog.h) sent again with its original timing. Only
// "out" records count: each one's bytes are one message, handed to the
// engine's send() (so the current framing, terminator and protocol apply),
// at (t - t_first) / speed after the replay starts. Speed 0 means as fast as
// possible (one message per event-loop pass, so replies are still read).
//
// Loading is all or nothing: a file that cannot be read, a line that is not a
// session-log record, or a log with no "out" record is refused with a
// ReplayError (and the line's number), before any byte goes out.
//
// The timing comes from one QElapsedTimer and one single-shot precise
// QTimer aimed at the next message's due time: a late timer never delays the
// messages after it (each is due against the start, not the one before).

#include "base/AtomicFile.h"
#include "client/ClientTypes.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace chorus {

class ClientEngine;

enum class ReplayError {
    None,
    FileUnreadable, // missing, not a regular file, too large, or a read error (reason)
    MalformedLine,  // line `line` is not a session-log record (or its hex is not whole bytes)
    NoOutRecords,   // the log holds no "out" record: nothing was sent in that session
};
QString replayErrorName(ReplayError error); // "file-unreadable", ...

// Refused speeds: negative, not a number, or over this.
inline constexpr double kMaxReplaySpeed = 1000.0;
// "1", "0.5", "10", "0" (as fast as possible); nullopt otherwise.
std::optional<double> parseReplaySpeed(const QString& text);

struct ReplayStep
{
    qint64 offsetUs = 0; // since the first "out" record
    QByteArray bytes;
};

struct ReplayScript
{
    ReplayError error = ReplayError::None;
    QString path;
    FileError fileError = FileError::None; // FileUnreadable: which
    QString reason;                        // FileUnreadable: the system's words
    qint64 line = 0;                       // MalformedLine: 1-based
    QList<ReplayStep> steps;
    bool ok() const { return error == ReplayError::None; }
};

ReplayScript loadReplayScript(const QString& path);
// The same from a log's text (tests, and the loader).
ReplayScript parseReplayScript(const QByteArray& data);

class SessionReplay : public QObject
{
    Q_OBJECT
public:
    enum class End { Done, Stopped, SendRefused };

    explicit SessionReplay(ClientEngine* engine, QObject* parent = nullptr);

    // Starts at once (the caller waits for the connection); a running replay is stopped first.
    void start(const QList<ReplayStep>& steps, double speed);
    void stop();
    bool isRunning() const { return m_running; }
    int sentCount() const { return m_next; }
    int totalCount() const { return int(m_steps.size()); }

signals:
    void progressed(int sent, int total);
    // SendRefused: the engine refused message `sent` + 1 (error says why); the rest is not sent.
    void finished(chorus::SessionReplay::End end, chorus::ClientError error);

private:
    void sendDue();
    void finish(End end, ClientError error = ClientError::None);

    ClientEngine* m_engine;
    QList<ReplayStep> m_steps;
    double m_speed = 1.0;
    int m_next = 0;
    bool m_running = false;
    QElapsedTimer m_clock;
    QTimer m_timer;
};

} // namespace chorus
