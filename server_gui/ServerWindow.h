#pragma once

// The chorus-server window: the listen bar, the live connection table with
// its context menu and broadcast box, the reply book editor, the log pane and
// a status bar. View (Text, Hex, Mixed; saved) chooses how messages show in
// the table's Last message column and the log. It only renders what ServerEngine sends in batches,
// so a busy engine never makes the window stutter. Settings live in ServerSettings (one table for
// the command line, the dialog, the listen bar and the saved file); every save is verified and a
// failure is shown, never silent.

#include "ServerCommandLine.h"
#include "ServerSettings.h"
#include "command/CommandPreset.h"
#include "server/ServerEngine.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMessageBox;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QSplitter;
class QTableView;

namespace chorus {

class ByteLineEdit;
class CommandsPane;
class TelemetryPanel;
class ConnectionPane;
class ConnectionTableModel;
class ElidedLabel;
class FramingChoice;
class ListenBar;
class LogPane;
class ReplyBookEditor;
class TrafficChart;
class RulesPane;

// Where the window keeps its files.
struct ServerFilePaths
{
    QString settings;      // chorus-server.conf
    QString replyBook;     // the window's own (autosaved) book
    QString rules = {};    // the window's own rules; empty: rules.json beside the book
    QString commands = {}; // the command presets; empty: commands.json beside the book
    // ~/.config/Chorus/chorus-server.conf and ~/.local/share/Chorus/chorus-server/replies.json.
    static ServerFilePaths standard();
};

class ServerWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class State { Stopped, Starting, Listening, Stopping };

    explicit ServerWindow(const ServerCommandLineOptions& options = {},
                          const ServerFilePaths& paths = ServerFilePaths::standard(),
                          QWidget* parent = nullptr);
    ~ServerWindow() override;

    ServerEngine* engine() const { return m_engine; }
    std::shared_ptr<ReplyBook> replyBook() const { return m_book; }
    State state() const { return m_state; }
    const ServerFilePaths& paths() const { return m_paths; }

    // For tests and scripting: the pieces a user clicks.
    ListenBar* listenBar() const { return m_listenBar; }
    ConnectionPane* connectionPane() const { return m_connectionPane; }
    ConnectionTableModel* connectionModel() const { return m_connectionModel; }
    QTableView* connectionView() const;
    ReplyBookEditor* replyBookEditor() const { return m_replyEditor; }
    RulesPane* rulesPane() const { return m_rulesPane; }
    QAction* ruleHitsAction() const { return m_ruleHitsAction; }
    LogPane* logPane() const { return m_logPane; }
    TrafficChart* trafficChart() const { return m_trafficChart; }
    // View → Traffic chart: shows or hides its pane (a dock; remembered with the layout).
    QAction* trafficChartAction() const;
    QPushButton* startStopButton() const;
    QComboBox* addressCombo() const;
    QSpinBox* portSpin() const;
    FramingChoice* framingCombo() const;
    ElidedLabel* stateLabel() const;
    ByteLineEdit* broadcastEdit() const;
    QPushButton* sendToAllButton() const;
    QPushButton* sendToSelectedButton() const;
    QAction* disconnectAction() const;
    QAction* sendMessageAction() const;
    QAction* copyAddressAction() const;
    QAction* settingsAction() const { return m_settingsAction; }
    QAction* blockListAction() const { return m_blockListAction; }
    QAction* framingAction() const;
    // View → Text / Hex / Mixed, in ByteView order.
    QAction* viewAction(ByteView view) const;
    QList<quint64> selectedConnectionIds() const;
    // Commands and telemetry (issue 13; ServerWindowCommands.cpp).
    CommandsPane* commandsPane() const { return m_commandsPane; }
    TelemetryPanel* telemetryPanel() const { return m_telemetryPanel; }
    // The connection table's telemetry columns: shown at once, remembered in the settings file.
    void setTelemetryColumns(const QStringList& keys);
    QAction* sendCommandAction() const { return m_sendCommandAction; }
    QAction* commandPresetsAction() const { return m_commandPresetsAction; }
    const QList<CommandPreset>& commandPresets() const { return m_commandPresets; }
    // Applies and saves them (writeFileAtomically); a failed save is shown and logged.
    FileResult setCommandPresets(const QList<CommandPreset>& presets);
    QString commandPresetsPath() const;

    // The settings of this run (saved values, command-line overrides).
    const ServerSettings& settings() const { return m_settings; }
    // Limits and threads the next Start uses.
    ServerConfig engineSettings() const { return m_settings.engineConfig(); }
    // Saves the dialog's values; limits apply to new connections at once.
    void setEngineSettings(const SettingValues& values);
    // The last save of the settings file; shown in the status bar and log when it failed.
    const FileResult& settingsSaveResult() const { return m_settingsSave; }

    // Stop and Quit ask first while clients are connected. Off in test mode
    // (QStandardPaths::setTestModeEnabled) unless a test turns it on.
    void setConfirmsDroppingClients(bool confirm) { m_confirmDropping = confirm; }
    bool confirmsDroppingClients() const { return m_confirmDropping; }
    // The question Stop or Quit is waiting on, if any.
    QMessageBox* pendingConfirmation() const { return m_confirmation; }

    ByteView byteView() const { return m_view; }

public slots:
    void startListening();
    // Re-renders the Last message column and every log line; saved (not while --view holds).
    void setByteView(chorus::ByteView view);
    // Asks first when clients are connected (see setConfirmsDroppingClients).
    void stopListening();
    void editEngineSettings();
    void showBlockList();
    void showSendCommand();
    void editCommandPresets();
    // SIGINT/SIGTERM: close without asking.
    void quitWithoutAsking();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // ServerWindowChrome.cpp
    void buildStatusBar();
    void buildMenus();
    void restoreByteView();
    void loadSettings();
    void loadReplyBook();
    void restoreLayout();
    void saveLayout();
    FileResult saveSettings();
    void chooseSetting(ServerSetting setting, const QVariant& value);
    void setState(State state, const QString& detail = {});
    void addLocalLog(LogLevel level, LogKind kind, const QString& text, LogError error = {});
    // Asks `question` when clients would be dropped; runs `go` once it is answered yes.
    void confirmDroppingClients(const QString& question, const QString& action,
                                std::function<void()> go, std::function<void()> declined = {});
    void stopNow();

    void onListening(const QList<QHostAddress>& addresses, quint16 port);
    void onStartFailed(const chorus::ListenFailure& failure);
    void onStopped();
    void onCounters(const chorus::ServerCounters& counters);

    ServerCommandLineOptions m_options;
    ServerFilePaths m_paths;
    ServerSettings m_settings;
    FileResult m_settingsSave;
    std::shared_ptr<ReplyBook> m_book;
    ServerEngine* m_engine;
    ConnectionTableModel* m_connectionModel;
    State m_state = State::Stopped;
    bool m_closeAfterStop = false;
    bool m_quitConfirmed = false;
    bool m_confirmDropping = true;
    QMessageBox* m_confirmation = nullptr;
    quint64 m_openFileLimit = 0;

    ListenBar* m_listenBar = nullptr;
    ConnectionPane* m_connectionPane = nullptr;
    ReplyBookEditor* m_replyEditor = nullptr;
    RulesPane* m_rulesPane = nullptr;
    QAction* m_ruleHitsAction = nullptr;
    // The Rules tab, its setting and the table's Rule hits… (ServerWindowRules.cpp).
    void wireRules();
    // The Commands and Telemetry docks, the Commands menu, the presets file.
    void wireCommands();
    // ServerWindowTelemetry.cpp: telemetry keys as connection table columns.
    void wireTelemetryColumns();
    void showTelemetryColumnMenu(const QPoint& at);
    CommandsPane* m_commandsPane = nullptr;
    TelemetryPanel* m_telemetryPanel = nullptr;
    QDockWidget* m_commandsDock = nullptr;
    QDockWidget* m_telemetryDock = nullptr;
    QAction* m_sendCommandAction = nullptr;
    QAction* m_commandPresetsAction = nullptr;
    QList<CommandPreset> m_commandPresets;
    LogPane* m_logPane = nullptr;
    TrafficChart* m_trafficChart = nullptr;
    QDockWidget* m_trafficDock = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_bottomSplitter = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_blockListAction = nullptr;
    QList<QAction*> m_viewActions; // ByteView order
    ByteView m_view = ByteView::Text;

    QLabel* m_activeLabel = nullptr;
    QLabel* m_acceptedLabel = nullptr;
    QLabel* m_rateLabel = nullptr;
    QLabel* m_unansweredLabel = nullptr;
    QLabel* m_fileLimitLabel = nullptr;
    QLabel* m_blockedLabel = nullptr;
    ElidedLabel* m_settingsProblemLabel = nullptr;
};

} // namespace chorus
