#pragma once

// The chorus-client window: connection bar, chat-style history of this
// window's own session, send box, repeat sender and a status bar with counts
// and round-trip times. Settings come from ClientSettings (saved values with
// this run's command-line overrides on top); each session is kept in its own
// file by SessionKeeper. Messages are bytes: the history shows them in the
// chosen view (ByteViewChoice) and the send box reads Text or Hex (SendRow).

#include "ClientSettings.h"
#include "ClientStatusBar.h"
#include "ConnectionBar.h"
#include "base/AtomicFile.h"
#include "client/ClientEngine.h"
#include "client/SessionReplay.h"

#include <QList>
#include <QMainWindow>

#include <chrono>
#include <deque>

class QAction;
class QCheckBox;
class QComboBox;
class QDockWidget;
class QProgressDialog;
class QLineEdit;
class QListView;
class QMenu;
class QPushButton;
class QSpinBox;
class QTimer;

namespace chorus {

class ByteViewChoice;
class ClientRepeatSender;
class ClientSettingsMenu;
class ElidedLabel;
class FindBar;
class HistoryDelegate;
class HistoryModel;
class OlderEntriesBar;
class RepeatBar;
class RttChart;
class SendBox;
class SendRow;
class SimulatedVehicle;
class ClientSessionRecorder;
class QuickSendBar;
class SessionKeeper;
class SessionView;
class UdpProbeLabel;

struct ClientWindowOptions
{
    // This run's command-line values: only the options given are set.
    SettingValues overrides{int(ClientSetting::Count)};
    bool connectNow = false;
    QString settingsPath;  // empty: ClientSettings::defaultPath()
    QString historyFolder; // empty: SessionStore::defaultFolder()

    ClientWindowOptions& set(ClientSetting setting, const QVariant& value)
    {
        overrides.set(settingId(setting), value);
        return *this;
    }
};

// The files a window writes; a failed save is reported per file.
enum class SavedFile { Settings, History };

class ClientWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit ClientWindow(const ClientWindowOptions& options = {}, QWidget* parent = nullptr);
    ~ClientWindow() override;

    ClientEngine* engine() const { return m_engine; }
    HistoryModel* historyModel() const { return m_model; }
    QListView* historyView() const { return m_view; }
    SendBox* sendBox() const;
    SendRow* sendRow() const { return m_sendRow; }
    QuickSendBar* quickSendBar() const { return m_quickBar; }
    // Settings → Simulate vehicle (or --simulate): null when off.
    SimulatedVehicle* simulatedVehicle() const { return m_vehicle; }
    ByteViewChoice* viewChoice() const { return m_viewChoice; }
    ClientSettingsMenu* settingsMenu() const { return m_settingsMenu; }
    OlderEntriesBar* olderEntriesBar() const { return m_olderBar; }
    RttChart* rttChart() const { return m_rttChart; }
    // View → Round-trip chart: shows or hides its pane (a dock; remembered).
    QAction* rttChartAction() const;
    ConnectionBar* connectionBar() const { return m_bar; }
    QComboBox* hostCombo() const { return m_bar->hostCombo(); }
    QSpinBox* portSpin() const { return m_bar->portSpin(); }
    QPushButton* connectButton() const { return m_bar->connectButton(); }
    QPushButton* retryButton() const { return m_bar->retryButton(); }
    QPushButton* pingButton() const { return m_bar->pingButton(); }
    QLineEdit* nameEdit() const { return m_bar->nameEdit(); }
    ElidedLabel* stateLabel() const { return m_bar->stateLabel(); }
    ElidedLabel* statsLabel() const { return m_statusBar->statsLabel(); }
    ElidedLabel* statusLabel() const { return m_statusBar->messageLabel(); }
    RepeatBar* repeatBar() const { return m_repeatBar; }
    ClientRepeatSender* repeatSender() const { return m_repeat; }

    // The values in effect: saved, this run's command line, and changes made here.
    const SettingValues& currentSettings() const { return m_current; }
    // As the Settings dialog or a menu does: applied at once and saved.
    void changeSetting(ClientSetting setting, const QVariant& value);
    // The status bar's message (elided there, whole in the tooltip).
    void showStatus(const QString& text);

    // Moves events waiting for the next 50 ms flush into the model now.
    void flushPendingEvents();
    FileResult saveHistoryAs(const QString& path, bool json);
    // Writes the settings / this session's history now; failures are reported once.
    FileResult saveSettings();
    FileResult saveKeptHistory();
    // The last save of that file failed: why (None when it worked).
    FileError saveError(SavedFile file) const;
    QString sessionPath() const;
    // Opens a saved session read only, beside this window.
    SessionView* openSession(const QString& path);
    // File → Replay session… (or --replay): loads the log (a problem is shown and
    // returned, nothing is sent) and replays it once connected (ClientWindowReplay.cpp).
    ReplayError replaySession(const QString& path);
    SessionReplay* sessionReplay() const { return m_replay; }
    QProgressDialog* replayProgress() const { return m_replayProgress; }

public slots:
    void connectOrDisconnect();
    void find(bool forward = true);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildUi();
    void buildMenus();
    void openSettingsDialog();
    void loadSettings();
    void setSetting(ClientSetting setting, const QVariant& value);
    void applySettings();
    // Send: what the send box holds, parsed in its mode (bad input is shown, nothing goes).
    void sendTyped();
    // A quick-send button: its saved bytes as one message.
    void sendQuick(const QByteArray& bytes);
    // Starts, retunes or stops the simulated vehicle (ClientWindowVehicle.cpp).
    void applySimulation();
    // Starts or stops the session log (ClientWindowSessionLog.cpp).
    void applySessionLog();
    void toggleRepeat();
    void promptReplay();
    void beginReplayWhenReady();
    void onReplayFinished(SessionReplay::End end, ClientError error);
    void onEvent(const ClientEvent& event);
    void updateStats();
    void updateTitle();
    void copySelection();
    void clearHistory();
    void promptSaveHistory(bool json);
    void reportSave(SavedFile file, const FileResult& result);
    void addWindowEntry(const QString& text, bool error);
    void followBottom();

    ClientSettings m_settings;
    SettingValues m_overrides;
    SettingValues m_current;
    ClientEngine* m_engine;
    ClientRepeatSender* m_repeat;
    HistoryModel* m_model;
    SessionKeeper* m_keeper;
    QListView* m_view = nullptr;
    HistoryDelegate* m_delegate = nullptr;
    ConnectionBar* m_bar = nullptr;
    FindBar* m_findBar = nullptr;
    SendRow* m_sendRow = nullptr;
    QuickSendBar* m_quickBar = nullptr;
    SimulatedVehicle* m_vehicle = nullptr;
    ClientSessionRecorder* m_recorder = nullptr;
    QString m_recorderFolder;
    RepeatBar* m_repeatBar = nullptr;
    ClientStatusBar* m_statusBar = nullptr;
    UdpProbeLabel* m_udpProbe = nullptr;
    QAction* m_udpAction = nullptr;
    ClientSettingsMenu* m_settingsMenu = nullptr;
    ByteViewChoice* m_viewChoice = nullptr;
    OlderEntriesBar* m_olderBar = nullptr;
    RttChart* m_rttChart = nullptr;
    QDockWidget* m_rttDock = nullptr;
    SessionReplay* m_replay = nullptr;
    QProgressDialog* m_replayProgress = nullptr;
    QList<ReplayStep> m_replaySteps; // loaded, waiting for the connection
    QString m_replayPath;

    QTimer* m_flushTimer;
    QList<ClientEvent> m_pendingEvents;
    std::deque<double> m_recentRtts; // last 100 replies
    bool m_statsDirty = false;
    bool m_atBottom = true; // the history shows its newest entry: keep it so
    FileResult m_settingsSave;
    FileResult m_historySave;
};

} // namespace chorus
