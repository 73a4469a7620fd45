#pragma once

// chorus-server --headless: the engine without a window. Logs every line to
// stdout (flushed, so pipes and `tee` see it at once), prints
// "listening on ADDR:PORT" once bound, and quits when listening fails
// (exit code 1) or after a clean stop on SIGINT/SIGTERM (exit code 0).

#include "LogFileWriter.h"
#include "ServerCommandLine.h"
#include "server/ServerEngine.h"

#include <QObject>
#include <QTextStream>

#include <memory>

namespace chorus {

class HeadlessServer : public QObject
{
    Q_OBJECT
public:
    explicit HeadlessServer(const ServerCommandLineOptions& options, QObject* parent = nullptr);
    ~HeadlessServer() override;

    // Loads the book and starts the engine. Returns false (with a message on
    // stderr) when something is wrong before listening even starts.
    bool start();

public slots:
    // Stops the engine, then quits the application with exit code 0.
    void requestStop();

signals:
    void finished(int exitCode);

private:
    void printLine(const QString& line);
    void printError(const QString& line);
    void onListening(const QHostAddress& address, quint16 port);
    void onStartFailed(const QString& reason);
    void onLogBatch(const QList<chorus::LogEntry>& entries);

    ServerCommandLineOptions m_options;
    std::shared_ptr<ReplyBook> m_book;
    ServerEngine* m_engine = nullptr;
    LogFileWriter m_logFile;
    QTextStream m_out;
    QTextStream m_err;
    bool m_stopping = false;
};

// QStandardPaths::AppDataLocation + "/replies.json": where the window autosaves the book.
QString defaultReplyBookPath();

// Loads the reply book for either front end: a .json path is loaded (and is
// the autosave target); any other path is imported as plain text, one reply
// per line. Returns false with *message set when the file cannot be used;
// returns true with *message set for a warning (corrupt autosave replaced).
bool loadReplyBook(ReplyBook& book, const QString& explicitPath, const QString& autoSavePath,
                   QString* message);

} // namespace chorus
