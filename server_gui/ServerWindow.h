#pragma once

// The chorus-server window: a listen bar, the live connection table with its
// context menu and broadcast box, the reply book editor, the log pane and a
// status bar. It only renders what ServerEngine sends in batches, so a busy
// engine never makes the window stutter.

#include "ServerCommandLine.h"
#include "server/ServerEngine.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QSplitter;
class QTableView;

namespace chorus {

class ConnectionTableModel;
class LogPane;
class ReplyBookEditor;

class ServerWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class State { Stopped, Starting, Listening, Stopping };

    explicit ServerWindow(const ServerCommandLineOptions& options = {}, QWidget* parent = nullptr);
    ~ServerWindow() override;

    ServerEngine* engine() const { return m_engine; }
    std::shared_ptr<ReplyBook> replyBook() const { return m_book; }
    State state() const { return m_state; }

    // For tests and scripting: the pieces a user clicks.
    ConnectionTableModel* connectionModel() const { return m_connectionModel; }
    QSortFilterProxyModel* connectionProxy() const { return m_connectionProxy; }
    QTableView* connectionView() const { return m_connectionView; }
    ReplyBookEditor* replyBookEditor() const { return m_replyEditor; }
    LogPane* logPane() const { return m_logPane; }
    QPushButton* startStopButton() const { return m_startStop; }
    QComboBox* addressCombo() const { return m_addressCombo; }
    QSpinBox* portSpin() const { return m_portSpin; }
    QComboBox* framingCombo() const { return m_framingCombo; }
    QLabel* stateLabel() const { return m_stateLabel; }
    QLineEdit* broadcastEdit() const { return m_broadcastEdit; }
    QPushButton* sendToAllButton() const { return m_sendToAll; }
    QPushButton* sendToSelectedButton() const { return m_sendToSelected; }
    QAction* disconnectAction() const { return m_disconnectAction; }
    QAction* sendMessageAction() const { return m_sendMessageAction; }
    QAction* copyAddressAction() const { return m_copyAddressAction; }

    QAction* settingsAction() const { return m_settingsAction; }
    // Limits and threads the next Start uses: saved settings, overridden by the command line.
    ServerConfig engineSettings() const { return m_engineSettings; }
    void setEngineSettings(const ServerConfig& settings); // saves them; limits apply at once

    QList<quint64> selectedConnectionIds() const;

public slots:
    void startListening();
    void stopListening();
    void disconnectSelected();
    void sendMessageToSelected();
    void copySelectedAddresses();
    void broadcastToAll();
    void broadcastToSelected();
    void editEngineSettings();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildListenBar(QWidget* parent, QHBoxLayout* layout);
    QWidget* buildConnectionArea();
    void buildStatusBar();
    void buildMenus();
    void loadEngineSettings();
    void fillAddressCombo();
    void selectAddress(const QString& text);
    void loadReplyBookAtStart();
    void restoreSettings();
    void saveSettings() const;
    void setState(State state, const QString& detail = {});
    void addLocalLog(LogLevel level, LogKind kind, const QString& text);
    ServerConfig configFromWidgets() const;
    void updateActions();

    void onListening(const QHostAddress& address, quint16 port);
    void onStartFailed(const QString& reason);
    void onStopped();
    void onCounters(const chorus::ServerCounters& counters);

    ServerCommandLineOptions m_options;
    std::shared_ptr<ReplyBook> m_book;
    ServerEngine* m_engine;
    State m_state = State::Stopped;
    int m_configuredPort = 9999; // what the user asked for; the spinbox shows the real one
    bool m_closeAfterStop = false;
    quint64 m_openFileLimit = 0;

    ConnectionTableModel* m_connectionModel;
    QSortFilterProxyModel* m_connectionProxy;
    QTableView* m_connectionView = nullptr;
    ReplyBookEditor* m_replyEditor = nullptr;
    LogPane* m_logPane = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_bottomSplitter = nullptr;

    QComboBox* m_addressCombo = nullptr;
    QSpinBox* m_portSpin = nullptr;
    QComboBox* m_framingCombo = nullptr;
    QPushButton* m_startStop = nullptr;
    QLabel* m_stateLabel = nullptr;

    QLineEdit* m_broadcastEdit = nullptr;
    QPushButton* m_sendToAll = nullptr;
    QPushButton* m_sendToSelected = nullptr;
    QAction* m_disconnectAction = nullptr;
    QAction* m_sendMessageAction = nullptr;
    QAction* m_copyAddressAction = nullptr;
    QAction* m_settingsAction = nullptr;
    ServerConfig m_engineSettings;

    QLabel* m_activeLabel = nullptr;
    QLabel* m_acceptedLabel = nullptr;
    QLabel* m_rateLabel = nullptr;
    QLabel* m_unansweredLabel = nullptr;
    QLabel* m_fileLimitLabel = nullptr;
};

} // namespace chorus
