#pragma once

// The server's session log (--session-log DIR, base/SessionLog.h): connect,
// disconnect, every message in and out with its exact bytes (TCP and UDP),
// commands sent, acks, telemetry, status and heartbeats, as JSON lines.
//
// Where the writing runs, and why: the I/O threads only append a SessionEvent
// to their ConnectionLedger (a clock read and shared bytes: no JSON, no hex,
// no system call, no lock) and hand the list over once per batch (every
// ServerConfig::updateInterval, one lock each). A writer thread of its own
// turns them into lines and writes each batch with as few write() calls as
// the rotation allows. Not the I/O threads: encoding and a slow or full disk
// would delay replies. Not the GUI thread: the window's event loop must stay
// responsive (the 1,000-vehicle row keeps its lag p99 under 50 ms).
//
// A failed write (a full disk) stops the log: stopped() says why (the engine
// and its peers go on; the file keeps every whole line written before);
// resume() starts a new file. Events that come while it is stopped, or while
// more than kMaxPendingBytes wait for the writer, are dropped and counted,
// and the next line written says how many ("note", fields.dropped).

#include "base/SessionLog.h"
#include "server/SessionEvent.h"

#include <QObject>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace chorus {

struct SessionLogConfig
{
    QString folder; // empty: no session log
    qint64 maxFileBytes = kDefaultSessionLogFileBytes;
    int maxFiles = kDefaultSessionLogFiles;

    bool enabled() const { return !folder.isEmpty(); }
    bool operator==(const SessionLogConfig& other) const
    {
        return folder == other.folder && maxFileBytes == other.maxFileBytes &&
               maxFiles == other.maxFiles;
    }
    bool operator!=(const SessionLogConfig& other) const { return !(*this == other); }
};

class ServerSessionLog : public QObject
{
    Q_OBJECT
public:
    // Events waiting for the writer thread, in bytes (roughly); beyond: dropped and counted.
    static constexpr qint64 kMaxPendingBytes = 64LL * 1024 * 1024;

    explicit ServerSessionLog(QObject* parent = nullptr);
    ~ServerSessionLog() override; // writes what is queued, then joins the writer thread

    // Starts (or, with another config, restarts) writing; files are named
    // chorus-server-NNNNNN.jsonl. A config without a folder closes the log.
    void open(const SessionLogConfig& config);
    void close(); // writes what is queued, then stops the writer thread
    bool isOpen() const;
    SessionLogConfig config() const;

    // Thread-safe: one batch of events (an I/O thread's, or the engine's).
    void submit(QList<SessionEvent> events);
    // Waits until every event submitted so far is written or dropped.
    void flush();
    // After stopped(): a new file, and on (stopped() again if that fails too).
    void resume();

    // Thread-safe figures.
    bool isStopped() const; // stopped by a failed write, not resumed yet
    SessionLogProblem problem() const;
    QStringList files() const; // written by this log, oldest first
    qint64 bytesWritten() const { return m_bytesWritten.load(); }
    quint64 linesWritten() const { return m_linesWritten.load(); }
    quint64 dropped() const { return m_droppedTotal.load(); }

    // The line an event becomes (exposed for tests).
    static SessionRecord toRecord(const SessionEvent& event);

signals:
    void stopped(const chorus::SessionLogProblem& problem);
    void resumed();

private:
    void run();
    void writeBatch(QList<QList<SessionEvent>> batches, quint64 dropped);

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;    // work for the writer
    std::condition_variable m_written; // the writer finished a round
    std::thread m_thread;
    std::unique_ptr<SessionLogWriter> m_writer; // used by the writer thread only
    SessionLogConfig m_config;
    QList<QList<SessionEvent>> m_queue;
    qint64 m_pendingBytes = 0;
    quint64 m_droppedUnwritten = 0; // dropped since the last line that said so
    bool m_busy = false;            // the writer is writing a round
    bool m_quit = false;
    bool m_resumeWanted = false;
    bool m_stopped = false;
    SessionLogProblem m_problem;
    QStringList m_files;
    std::atomic<qint64> m_bytesWritten{0};
    std::atomic<quint64> m_linesWritten{0};
    std::atomic<quint64> m_droppedTotal{0};
};

} // namespace chorus
