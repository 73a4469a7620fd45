#pragma once

// The window's side of the session log (ServerSessionLog): File > Export
// telemetry as CSV… (from the running session's log, or a session-log file
// or folder the user picks), and a full disk: the status bar and the log
// pane say the log stopped while the server goes on, and File > Resume
// session log (also a status-bar button) starts a new file when there is room.

#include "base/SessionLog.h"
#include "base/TelemetryCsvExport.h"
#include "server/LogEntry.h"

#include <QObject>

class QAction;
class QMainWindow;
class QPushButton;

namespace chorus {

class ServerEngine;

class SessionLogControls : public QObject
{
    Q_OBJECT
public:
    SessionLogControls(ServerEngine* engine, QMainWindow* window);

    QAction* exportAction() const { return m_exportAction; }
    QAction* resumeAction() const { return m_resumeAction; }

    // Exports without dialogs (the action's last step; tests): the running
    // session's log when `input` is empty. Says how it went (logLine, status bar).
    TelemetryExportResult exportTelemetry(const QString& input, const QString& csvPath);

signals:
    // A line for the window's log pane.
    void logLine(chorus::LogLevel level, const QString& text);

private:
    void chooseAndExport();
    void onStopped(const chorus::SessionLogProblem& problem);
    void onResumed();

    ServerEngine* m_engine;
    QMainWindow* m_window;
    QAction* m_exportAction;
    QAction* m_resumeAction;
    QPushButton* m_resumeButton;
};

} // namespace chorus
