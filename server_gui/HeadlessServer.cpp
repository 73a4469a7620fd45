#include "HeadlessServer.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

#include <chrono>
#include <cstdio>

namespace chorus {

namespace {
// Stop flushes pending replies with its own bounded wait; this is the last resort.
constexpr std::chrono::seconds kStopDeadline{10};
} // namespace

QString defaultReplyBookPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/replies.json");
}

bool loadReplyBook(ReplyBook& book, const QString& explicitPath, const QString& autoSavePath,
                   QString* message)
{
    message->clear();
    if (explicitPath.isEmpty()) {
        QString warning;
        if (!book.load(autoSavePath, &warning))
            *message = warning;
        book.setAutoSavePath(autoSavePath);
        return true;
    }
    const QFileInfo info(explicitPath);
    if (!info.exists() && ReplyBook::formatForPath(explicitPath) == ReplyFileFormat::PlainText) {
        *message =
            QCoreApplication::translate("chorus::HeadlessServer", "Reply file %1 does not exist.")
                .arg(explicitPath);
        return false;
    }
    if (ReplyBook::formatForPath(explicitPath) == ReplyFileFormat::Json) {
        // A missing .json file starts from the factory list and is created on the first save.
        QString warning;
        if (!book.load(explicitPath, &warning)) {
            *message = warning;
        }
        book.setAutoSavePath(explicitPath);
        return true;
    }
    QString error;
    if (!book.importFile(explicitPath, &error)) {
        *message =
            QCoreApplication::translate("chorus::HeadlessServer", "Cannot read reply file %1: %2")
                .arg(explicitPath, error);
        return false;
    }
    // Plain text is only an import source: edits go to the usual JSON book.
    book.setAutoSavePath(autoSavePath);
    return true;
}

HeadlessServer::HeadlessServer(const ServerCommandLineOptions& options, QObject* parent)
    : QObject(parent), m_options(options), m_book(std::make_shared<ReplyBook>()), m_out(stdout),
      m_err(stderr)
{}

HeadlessServer::~HeadlessServer() = default;

void HeadlessServer::printLine(const QString& line)
{
    m_out << line << Qt::endl; // endl flushes
}

void HeadlessServer::printError(const QString& line)
{
    m_err << line << Qt::endl;
}

bool HeadlessServer::start()
{
    // Headless: a --replies .json file is the book; without one, the window's autosaved
    // book is used read-only (no edits happen here, so nothing is written).
    QString message;
    if (!loadReplyBook(*m_book, m_options.repliesPath, defaultReplyBookPath(), &message)) {
        printError(tr("chorus-server: %1").arg(message));
        return false;
    }
    if (!message.isEmpty())
        printError(tr("warning: %1").arg(message));
    m_book->setAutoSavePath(QString()); // loaded like the window, but nothing is written
    if (m_options.pickMode)
        m_book->setPickMode(*m_options.pickMode);

    if (!m_options.logFilePath.isEmpty()) {
        QString error;
        if (!m_logFile.open(m_options.logFilePath, &error)) {
            printError(
                tr("chorus-server: cannot open log file %1: %2").arg(m_options.logFilePath, error));
            return false;
        }
        connect(&m_logFile, &LogFileWriter::failed, this,
                [this](const QString& path, const QString& reason) {
                    printError(tr("chorus-server: writing log file %1 failed: %2; "
                                  "logging to the file stopped.")
                                   .arg(path, reason));
                });
    }

    const quint64 fileLimit = ServerEngine::raiseOpenFileLimit();
    printLine(tr("chorus-server %1: %2 replies (%3 enabled), pick %4, open-file limit %5")
                  .arg(QStringLiteral(CHORUS_VERSION))
                  .arg(m_book->count())
                  .arg(m_book->enabledCount())
                  .arg(pickModeName(m_book->pickMode()))
                  .arg(fileLimit));

    m_engine = new ServerEngine(m_book, this);
    m_engine->setConfig(m_options.config);
    connect(m_engine, &ServerEngine::logBatch, this, &HeadlessServer::onLogBatch);
    connect(m_engine, &ServerEngine::listening, this, &HeadlessServer::onListening);
    connect(m_engine, &ServerEngine::startFailed, this, &HeadlessServer::onStartFailed);
    connect(m_engine, &ServerEngine::stopped, this, [this] {
        if (m_stopping)
            emit finished(0);
    });
    m_engine->start();
    return true;
}

void HeadlessServer::onListening(const QHostAddress& address, quint16 port)
{
    printLine(tr("listening on %1").arg(ServerCommandLine::endpointText(address, port)));
}

void HeadlessServer::onStartFailed(const QString& reason)
{
    printError(
        tr("chorus-server: cannot listen on %1: %2")
            .arg(ServerCommandLine::endpointText(m_options.config.address, m_options.config.port),
                 reason));
    emit finished(1);
}

void HeadlessServer::onLogBatch(const QList<LogEntry>& entries)
{
    QString text;
    for (const LogEntry& entry : entries) {
        text += entry.format();
        text += QLatin1Char('\n');
    }
    m_out << text;
    m_out.flush();
    if (m_logFile.isOpen())
        m_logFile.write(entries);
}

void HeadlessServer::requestStop()
{
    if (m_stopping) {
        // A second Ctrl+C: the user does not want to wait for the flush.
        printError(tr("chorus-server: stopping now."));
        emit finished(0);
        return;
    }
    m_stopping = true;
    printLine(tr("stopping: closing every connection"));
    if (!m_engine || !m_engine->isListening()) {
        // Not (yet) listening: nothing to flush. stop() still ends pending work.
        if (m_engine)
            m_engine->stop();
        QTimer::singleShot(0, this, [this] { emit finished(0); });
        return;
    }
    m_engine->stop();
    QTimer::singleShot(kStopDeadline, this, [this] {
        printError(tr("chorus-server: connections did not close in time; quitting."));
        emit finished(0);
    });
}

} // namespace chorus
