#pragma once

// chorus-server --headless: the engine without a window. Logs every line to
// stdout in the --view chosen (flushed, so pipes and `tee` see it at once), prints
// "listening on ADDR:PORT" once bound, and quits when listening fails
// (exit code 1) or after a clean stop on SIGINT/SIGTERM (exit code 0). A
// reply book it cannot use (--replies) stops it before it listens (exit code
// 2). It reads the reply book and never writes it; its settings come from the
// command line and the defaults only (not from the window's saved settings).

#include "BookAtStart.h"
#include "LogFileWriter.h"
#include "ServerCommandLine.h"
#include "server/ServerEngine.h"

#include <QObject>
#include <QTextStream>

#include <memory>
#include <optional>

namespace chorus {

class HeadlessServer : public QObject
{
    Q_OBJECT
public:
    // Exit codes besides 0.
    static constexpr int kListenFailed = 1;
    static constexpr int kUnusableInput = 2; // bad --replies or --rules, unusable --log-file

    explicit HeadlessServer(const ServerCommandLineOptions& options,
                            const QString& ownBookPath = defaultReplyBookPath(),
                            QObject* parent = nullptr);
    ~HeadlessServer() override;

    // Loads the book and starts the engine. nullopt: running (finished() ends
    // it); else the exit code, with the reason on stderr.
    std::optional<int> start();

public slots:
    // Stops the engine, then quits the application with exit code 0.
    void requestStop();

signals:
    void finished(int exitCode);

private:
    void printLine(const QString& line);
    void printError(const QString& line);
    // --rules and --no-fallback; a failure code when the file cannot be used.
    std::optional<int> loadRules();
    void onListening(const QList<QHostAddress>& addresses, quint16 port);
    void onStartFailed(const chorus::ListenFailure& failure);
    void onLogBatch(const QList<chorus::LogEntry>& entries);

    ServerCommandLineOptions m_options;
    QString m_ownBookPath;
    std::shared_ptr<ReplyBook> m_book;
    ServerEngine* m_engine = nullptr;
    LogFileWriter m_logFile;
    QTextStream m_out;
    QTextStream m_err;
    bool m_stopping = false;
};

} // namespace chorus
