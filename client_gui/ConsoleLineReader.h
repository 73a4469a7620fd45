#pragma once

// Lines from a file descriptor (standard input for --console) without
// blocking the event loop: a QSocketNotifier says when the descriptor is
// readable and each wake-up does ONE read() of at most kChunkBytes, which
// cannot block then. The descriptor is never made non-blocking: it is shared
// with the shell (a terminal left O_NONBLOCK breaks the next program).
//
// A line ends at LF; a CR before it is dropped; the last line needs no LF.
// Lines are bytes as read (no decoding here). A line longer than the limit is
// reported (lineTooLong) and skipped to its end, never buffered whole.

#include <QByteArray>
#include <QObject>

class QSocketNotifier;

namespace chorus {

class ConsoleLineReader : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kChunkBytes = 64 * 1024;

    ConsoleLineReader(int fd, qsizetype maxLineBytes, QObject* parent = nullptr);

    // Starts watching; an unusable descriptor ends the input at once (finished()).
    void start();
    // Backpressure: while paused nothing is read (the reader's caller holds enough lines).
    void setPaused(bool paused);
    bool isFinished() const { return m_finished; }

signals:
    // number: 1 for the first line.
    void lineRead(const QByteArray& line, qint64 number);
    void lineTooLong(qint64 number, qint64 bytes);
    // End of input; errorNumber is errno when a read failed (0 at a plain end).
    void finished(int errorNumber);

private:
    void readChunk();
    void take(const char* data, qsizetype size);
    void endLine();
    void finish(int errorNumber);

    int m_fd;
    qsizetype m_maxLineBytes;
    QSocketNotifier* m_notifier = nullptr;
    QByteArray m_line;
    qint64 m_lineBytes = 0; // of the current line, counting what was skipped
    bool m_skipping = false;
    qint64 m_number = 0;
    bool m_paused = false;
    bool m_finished = false;
};

} // namespace chorus
