#pragma once

// chorus-client --console: the client with no window. Each line of input is
// one message (ByteText input: text with escapes, or hex), sent with the
// framing, terminator and protocol of the settings through ClientEngine,
// ONE AT A TIME: the next line goes when the reply came or the reply timeout
// passed. That is how the original console client worked, and what a peer
// that treats each read as one message (the reference server) needs.
//
// Standard output: one line per message received, "reply: TEXT (1.23 ms)"
// (the round trip when the reply was matched), "broadcast: TEXT" and
// "direct: TEXT" for a Chorus server's own messages; TEXT is the chosen view
// of the bytes (text escapes, hex or mixed). Everything else (connected,
// errors, a bad input line with its column, a reply that did not come) goes
// to standard error. Words through tr(), from ClientEventText.
//
// Ends (finished()) at the end of input or a line "exit", once the last line
// was answered or timed out: status 0; when the connection fails or is lost
// and no reconnect follows: status 1.
//
// --replay FILE (options.replay): standard input is not read; once the link
// is up, SessionReplay sends the log's messages with their timing. The run
// ends when the replay has and every reply came (or the reply timeout passed
// after the last message): status 0; a message the engine refused: status 3
// (as main() gives a log that cannot be replayed).

#include "client/ClientTypes.h"
#include "client/SessionReplay.h"
#include "wire/ByteText.h"

#include <QByteArray>
#include <QObject>

#include <chrono>
#include <deque>

class QIODevice;
class QTimer;

namespace chorus {

class ClientEngine;
class ConsoleLineReader;

inline constexpr std::chrono::milliseconds kDefaultConsoleReplyTimeout{5000};

struct ConsoleOptions
{
    ClientConfig config;
    ByteInput input = ByteInput::Text;
    ByteView view = ByteView::Text;
    std::chrono::milliseconds replyTimeout = kDefaultConsoleReplyTimeout;
    // --simulate: the end of input does not end the run (a fleet started
    // with </dev/null keeps flying); "exit" or a lost connection does.
    bool keepRunningAfterInput = false;
    // --replay: the messages to send again (empty: read standard input), and how fast.
    QList<ReplayStep> replay;
    double replaySpeed = 1.0;
};

enum class ConsoleExit { Ok = 0, ConnectionFailed = 1, ReplayFailed = 3 };

class ConsoleClient : public QObject
{
    Q_OBJECT
public:
    // Lines held before the reader pauses (backpressure: input is never read whole).
    static constexpr qsizetype kMaxPendingLines = 1000;

    ConsoleClient(const ConsoleOptions& options, QIODevice* out, QIODevice* err,
                  QObject* parent = nullptr);
    ~ConsoleClient() override;

    ClientEngine* engine() const { return m_engine; }
    // Reads lines from this descriptor (standard input: 0) once start() runs.
    void readFrom(int fd);
    void start();

    // Input, for readFrom() and tests.
    void takeLine(const QByteArray& line, qint64 number);
    void endInput();

    bool isFinished() const { return m_finished; }

signals:
    void finished(int exitStatus);

private:
    struct Line
    {
        QByteArray message;
        qint64 number = 0;
    };
    void onEvent(const ClientEvent& event);
    void onStateChanged(ClientState state);
    void sendNext();
    void onReplyTimeout();
    void maybeFinish();
    void finish(ConsoleExit status);
    void print(const QString& text);
    void warn(const QString& text);
    void updateBackpressure();
    void startReplayWhenReady();
    void onReplayFinished(SessionReplay::End end, ClientError error);

    ConsoleOptions m_options;
    QIODevice* m_out;
    QIODevice* m_err;
    ClientEngine* m_engine;
    ConsoleLineReader* m_reader = nullptr;
    QTimer* m_replyTimer;
    std::deque<Line> m_lines;
    quint64 m_waitingId = 0; // the message whose reply is awaited
    qint64 m_waitingLine = 0;
    bool m_inputEnded = false;
    bool m_exitAsked = false; // a line "exit"
    bool m_everConnected = false;
    bool m_finished = false;
    SessionReplay* m_replay = nullptr;
    bool m_replayStarted = false;
    bool m_replayDone = false;
    bool m_replayWaitOver = false; // the reply timeout after the last replayed message passed
};

} // namespace chorus
