#include "SessionLogControls.h"

#include "TelemetryExportCommand.h"
#include "server/ServerEngine.h"

#include <QAction>
#include <QFileDialog>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

#include <chrono>

namespace chorus {

namespace {
constexpr std::chrono::seconds kStatusMessageTime{10};
}

SessionLogControls::SessionLogControls(ServerEngine* engine, QMainWindow* window)
    : QObject(window), m_engine(engine), m_window(window),
      m_exportAction(new QAction(tr("Export telemetry as &CSV…"), this)),
      m_resumeAction(new QAction(tr("&Resume session log"), this)),
      m_resumeButton(new QPushButton(tr("Resume session log"), window))
{
    setObjectName(QStringLiteral("sessionLogControls"));
    m_exportAction->setToolTip(
        tr("Telemetry of a session log as CSV, one column per key: this session's, or a "
           "session-log file or folder you pick"));
    m_resumeAction->setEnabled(false);
    m_resumeButton->setVisible(false);
    m_resumeButton->setObjectName(QStringLiteral("resumeSessionLog"));
    window->statusBar()->addPermanentWidget(m_resumeButton);
    connect(m_exportAction, &QAction::triggered, this, &SessionLogControls::chooseAndExport);
    connect(m_resumeAction, &QAction::triggered, this, [this] { m_engine->sessionLog().resume(); });
    connect(m_resumeButton, &QPushButton::clicked, m_resumeAction, &QAction::trigger);
    connect(&engine->sessionLog(), &ServerSessionLog::stopped, this,
            &SessionLogControls::onStopped);
    connect(&engine->sessionLog(), &ServerSessionLog::resumed, this,
            &SessionLogControls::onResumed);
}

void SessionLogControls::onStopped(const SessionLogProblem& problem)
{
    const QString text =
        tr("The session log stopped (%1: %2, %3); the server goes on. Make room, then "
           "File > Resume session log.")
            .arg(sessionLogErrorName(problem.error), problem.reason, problem.path);
    m_resumeAction->setEnabled(true);
    m_resumeButton->setVisible(true);
    m_window->statusBar()->showMessage(tr("Session log stopped: %1").arg(problem.reason));
    emit logLine(LogLevel::Error, text);
}

void SessionLogControls::onResumed()
{
    m_resumeAction->setEnabled(false);
    m_resumeButton->setVisible(false);
    const QString text =
        tr("The session log goes on in a new file (%n event(s) not written "
           "while it was stopped).",
           nullptr, int(std::min<quint64>(m_engine->sessionLog().dropped(), INT_MAX)));
    m_window->statusBar()->showMessage(text,
                                       int(std::chrono::milliseconds(kStatusMessageTime).count()));
    emit logLine(LogLevel::Info, text);
}

TelemetryExportResult SessionLogControls::exportTelemetry(const QString& input,
                                                          const QString& csvPath)
{
    QString from = input;
    if (from.isEmpty()) {
        m_engine->sessionLog().flush(); // every event so far is in the files
        from = m_engine->sessionLog().config().folder;
    }
    const TelemetryExportResult result = exportTelemetryCsv(from, csvPath);
    const QString text =
        result.ok()
            ? TelemetryExportCommand::describe(result) + tr(" to %1").arg(csvPath)
            : tr("Telemetry not exported: %1").arg(TelemetryExportCommand::describe(result));
    m_window->statusBar()->showMessage(text,
                                       int(std::chrono::milliseconds(kStatusMessageTime).count()));
    emit logLine(result.ok() ? LogLevel::Info : LogLevel::Warning, text);
    return result;
}

void SessionLogControls::chooseAndExport()
{
    QMessageBox ask(QMessageBox::Question, tr("Export telemetry as CSV"),
                    tr("Export the telemetry of which session log?"), QMessageBox::Cancel,
                    m_window);
    QPushButton* running = nullptr;
    if (m_engine->sessionLog().isOpen())
        running = ask.addButton(tr("This session"), QMessageBox::AcceptRole);
    QPushButton* file = ask.addButton(tr("A file…"), QMessageBox::ActionRole);
    QPushButton* folder = ask.addButton(tr("A folder…"), QMessageBox::ActionRole);
    ask.exec();
    QString input;
    if (ask.clickedButton() == file) {
        input = QFileDialog::getOpenFileName(m_window, tr("Session log"), QString(),
                                             tr("Session logs (*.jsonl);;All files (*)"));
    } else if (ask.clickedButton() == folder) {
        input = QFileDialog::getExistingDirectory(m_window, tr("Folder of session logs"));
    } else if (!running || ask.clickedButton() != running) {
        return;
    }
    if (ask.clickedButton() != running && input.isEmpty())
        return;
    const QString csv = QFileDialog::getSaveFileName(m_window, tr("Export telemetry as CSV"),
                                                     QStringLiteral("telemetry.csv"),
                                                     tr("CSV files (*.csv);;All files (*)"));
    if (csv.isEmpty())
        return;
    exportTelemetry(input, csv);
}

} // namespace chorus
