#pragma once

// The chorus-client window: connection bar, chat-style history, send box,
// repeat sender and a status bar with counts and round-trip times.

#include "client/ClientEngine.h"

#include <QList>
#include <QMainWindow>

#include <deque>
#include <optional>

class QActionGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSpinBox;
class QTimer;

namespace chorus {

class ClientRepeatSender;
class HistoryDelegate;
class HistoryModel;
class SendBox;

// Command-line choices; each overrides the remembered setting for this window.
struct ClientWindowOptions
{
    std::optional<QString> host;
    std::optional<quint16> port;
    std::optional<QString> name;
    std::optional<Framing> framing;
    std::optional<Terminator> terminator;
    std::optional<ClientProtocol> protocol;
    bool connectNow = false;
};

class ClientWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit ClientWindow(const ClientWindowOptions& options = {}, QWidget* parent = nullptr);
    ~ClientWindow() override;

    ClientEngine* engine() const { return m_engine; }
    HistoryModel* historyModel() const { return m_model; }
    QListView* historyView() const { return m_view; }
    SendBox* sendBox() const { return m_sendBox; }
    QComboBox* hostCombo() const { return m_host; }
    QSpinBox* portSpin() const { return m_port; }
    QPushButton* connectButton() const { return m_connectButton; }
    QPushButton* pingButton() const { return m_pingButton; }
    QLineEdit* nameEdit() const { return m_nameEdit; }
    QLabel* stateLabel() const { return m_stateLabel; }
    QLabel* statsLabel() const { return m_statsLabel; }
    ClientRepeatSender* repeatSender() const { return m_repeat; }

    // Where the conversation with host:port is kept between runs.
    static QString historyFilePath(const QString& host, quint16 port);
    // Moves events waiting for the next 50 ms flush into the model now.
    void flushPendingEvents();
    bool saveHistoryAs(const QString& path, bool json, QString* error) const;
    // Writes the kept history for the current server now (if the setting is on).
    bool saveKeptHistory(QString* error = nullptr);

public slots:
    void connectOrDisconnect();
    void find(bool forward = true);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildUi();
    void buildMenus();
    void loadSettings(const ClientWindowOptions& options);
    void saveSettings() const;
    void onSubmitted(const QString& text);
    void onEvent(const ClientEvent& event);
    void onStateChanged(ClientState state);
    void updateStateLabel();
    void updateStats();
    void updateTitle();
    void applyConfig();
    void switchKeptHistory(const QString& host, quint16 port);
    void copySelection();
    void showFindBar();
    void toggleRepeat();
    void promptSaveHistory(bool json);
    void addNotice(const QString& text, bool error = false);

    ClientEngine* m_engine;
    ClientRepeatSender* m_repeat;
    HistoryModel* m_model;
    QListView* m_view = nullptr;
    HistoryDelegate* m_delegate = nullptr;

    QComboBox* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QPushButton* m_connectButton = nullptr;
    QCheckBox* m_autoReconnect = nullptr;
    QLineEdit* m_nameEdit = nullptr;
    QPushButton* m_pingButton = nullptr;
    QActionGroup* m_protocolGroup = nullptr;
    QLabel* m_stateLabel = nullptr;
    SendBox* m_sendBox = nullptr;
    QPushButton* m_sendButton = nullptr;

    QWidget* m_findBar = nullptr;
    QLineEdit* m_findEdit = nullptr;
    QLabel* m_findStatus = nullptr;

    QSpinBox* m_repeatInterval = nullptr;
    QSpinBox* m_repeatCount = nullptr;
    QPushButton* m_repeatButton = nullptr;
    QLabel* m_repeatLabel = nullptr;

    QLabel* m_statsLabel = nullptr;
    QActionGroup* m_framingGroup = nullptr;
    QActionGroup* m_terminatorGroup = nullptr;
    QAction* m_keepHistoryAction = nullptr;

    QTimer* m_flushTimer;
    QTimer* m_historySaveTimer;
    QList<ClientEvent> m_pendingEvents;
    std::deque<double> m_recentRtts; // last 100 replies
    bool m_statsDirty = false;
    bool m_historyDirty = false;
    QString m_historyPath; // kept-history file of the server in view
    int m_countdown = 0;
    QString m_name;
};

} // namespace chorus
