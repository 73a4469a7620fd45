#include "HeadlessServer.h"

#include "ProblemText.h"
#include "base/Endpoint.h"

#include <QTimer>

#include <chrono>

namespace chorus {

namespace {
// Stop flushes pending replies with its own bounded wait; this is the last resort.
constexpr std::chrono::seconds kStopDeadline{10};
constexpr std::chrono::seconds kSessionLogRetry{30};
} // namespace

HeadlessServer::HeadlessServer(const ServerCommandLineOptions& options, const QString& ownBookPath,
                               QObject* parent)
    : QObject(parent), m_options(options), m_ownBookPath(ownBookPath),
      m_book(std::make_shared<ReplyBook>()), m_out(stdout), m_err(stderr)
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

std::optional<int> HeadlessServer::start()
{
    const BookAtStart book = loadBookAtStart(*m_book, m_ownBookPath, m_options.repliesPath,
                                             m_options.pickMode, FrontEnd::Headless);
    if (book.namedFailed()) {
        printError(tr("chorus-server: --replies: %1").arg(describeBookResult(*book.named)));
        return kUnusableInput;
    }
    if (book.ownBookUnusable()) {
        // Only read here: the window sets a corrupt book aside, this server never does.
        printError(tr("warning: %1; answering with the factory replies.")
                       .arg(describeBookResult(book.ownBook)));
    }
    const SettingValues& overrides = m_options.overrides;
    const QString logFile = overrides.get(settingId(ServerSetting::LogFile)).toString();
    if (!logFile.isEmpty()) {
        const FileResult opened = m_logFile.open(logFile);
        if (!opened.ok()) {
            printError(tr("chorus-server: --log-file: %1").arg(opened.describe()));
            return kUnusableInput;
        }
        connect(&m_logFile, &LogFileWriter::failed, this, [this](const FileResult& result) {
            printError(tr("chorus-server: %1; logging to the file stopped, the server goes on.")
                           .arg(result.describe()));
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
    m_engine->setConfig(ServerSettings::engineConfig(overrides));
    if (const std::optional<int> failed = loadRules())
        return failed;
    connect(m_engine, &ServerEngine::logBatch, this, &HeadlessServer::onLogBatch);
    // A full disk stops the session log, not the server: said on stderr, and
    // tried again every kSessionLogRetry (no window to offer a Resume in).
    connect(&m_engine->sessionLog(), &ServerSessionLog::stopped, this,
            [this](const SessionLogProblem& problem) {
                printError(
                    tr("chorus-server: the session log stopped (%1: %2, %3); the server "
                       "goes on, retrying in %4 s.")
                        .arg(sessionLogErrorName(problem.error), problem.reason, problem.path)
                        .arg(kSessionLogRetry.count()));
                QTimer::singleShot(kSessionLogRetry, m_engine,
                                   [this] { m_engine->sessionLog().resume(); });
            });
    connect(&m_engine->sessionLog(), &ServerSessionLog::resumed, this,
            [this] { printLine(tr("the session log goes on in a new file")); });
    connect(m_engine, &ServerEngine::listening, this, &HeadlessServer::onListening);
    connect(m_engine, &ServerEngine::startFailed, this, &HeadlessServer::onStartFailed);
    connect(m_engine, &ServerEngine::stopped, this, [this] {
        if (m_stopping)
            emit finished(0);
    });
    m_engine->start();
    return std::nullopt;
}

std::optional<int> HeadlessServer::loadRules()
{
    const std::shared_ptr<RuleBook> rules = m_engine->ruleBook();
    const int fallback = settingId(ServerSetting::Fallback);
    rules->setFallbackToBook(!m_options.overrides.has(fallback) ||
                             m_options.overrides.get(fallback).toBool());
    if (m_options.rulesPath.isEmpty())
        return std::nullopt;
    const BookFileResult loaded = rules->load(m_options.rulesPath);
    if (!loaded.ok()) {
        printError(tr("chorus-server: --rules: %1").arg(describeBookResult(loaded)));
        return kUnusableInput;
    }
    int inactive = 0;
    for (int i = 0; i < rules->count(); ++i) {
        const RuleStatus status = rules->status(i);
        if (status.problem == RuleProblem::None)
            continue;
        ++inactive;
        printError(tr("warning: rule %1 (\"%2\") is inactive: %3")
                       .arg(i + 1)
                       .arg(rules->rule(i).name, status.errorString));
    }
    printLine(
        tr("%n reply rules from %1 (%2 inactive); unmatched messages: %3", nullptr, rules->count())
            .arg(m_options.rulesPath)
            .arg(inactive)
            .arg(rules->fallbackToBook() ? tr("reply book") : tr("no reply")));
    return std::nullopt;
}

void HeadlessServer::onListening(const QList<QHostAddress>& addresses, quint16 port)
{
    QStringList endpoints;
    for (const QHostAddress& address : addresses)
        endpoints << endpointText(address, port);
    const quint16 udpPort = m_engine->udpPort();
    printLine(udpPort != 0
                  ? tr("listening on %1, UDP port %2").arg(endpoints.join(tr(" and "))).arg(udpPort)
                  : tr("listening on %1").arg(endpoints.join(tr(" and "))));
}

void HeadlessServer::onStartFailed(const ListenFailure& failure)
{
    printError(tr("chorus-server: %1").arg(describeListenFailure(failure)));
    emit finished(kListenFailed);
}

void HeadlessServer::onLogBatch(const QList<LogEntry>& entries)
{
    // --view: Text (escapes), Hex, or Mixed (the hex dump on lines under the line).
    const ByteView view = m_options.view.value_or(ByteView::Text);
    QString text;
    for (const LogEntry& entry : entries) {
        text += entry.format(view);
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
