#pragma once

// The live connection table with its context menu (Disconnect, Disconnect and
// block…, Send message…, Framing…, Copy address) and the broadcast box under
// it. Messages are typed as Text (escapes) or Hex and refused whole when they
// do not parse: nothing partial is sent. It talks to the engine directly; the
// window tells it whether it is listening.

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <chrono>
#include <optional>

class QAction;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace chorus {

class ByteLineEdit;
class QuickSendBar;
class ConnectionTableModel;
class ServerEngine;

class ConnectionPane : public QWidget
{
    Q_OBJECT
public:
    static constexpr std::chrono::minutes kDefaultBlock{10};

    ConnectionPane(ServerEngine* engine, ConnectionTableModel* model, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    ByteLineEdit* broadcastEdit() const { return m_broadcastEdit; }
    QuickSendBar* quickBroadcastBar() const { return m_quickBar; }
    QPushButton* sendToAllButton() const { return m_sendToAll; }
    QPushButton* sendToSelectedButton() const { return m_sendToSelected; }
    QAction* disconnectAction() const { return m_disconnect; }
    QAction* disconnectAndBlockAction() const { return m_disconnectAndBlock; }
    QAction* sendMessageAction() const { return m_sendMessage; }
    QAction* copyAddressAction() const { return m_copyAddress; }
    QAction* framingAction() const { return m_framing; }
    // The dialog Send message… or Framing… opened and not yet closed.
    QDialog* pendingDialog() const { return m_dialog; }

    QList<quint64> selectedIds() const;
    void setListening(bool listening);

public slots:
    void disconnectSelected();
    // Asks for the minutes, then disconnectAndBlockSelected().
    void chooseBlockForSelected();
    void disconnectAndBlockSelected(std::chrono::minutes duration);
    // Opens SendMessageDialog; its bytes go to the rows selected when it opened.
    // overUdp: over the rows' UDP channels (ServerEngine::sendOverUdp).
    void sendMessageToSelected(bool overUdp = false);
    // Opens a FramingDialog with the first selected row's framing; OK applies
    // it to every row selected when it opened.
    void chooseFramingForSelected();
    void copySelectedAddresses();
    void broadcastToAll();
    void broadcastToSelected();

signals:
    void selectionChanged(const QList<quint64>& ids);
    // Input that was refused (bad hex, an unknown escape), for the status bar.
    void problem(const QString& text);

private:
    void buildActions();
    // The broadcast box's bytes; nullopt (and problem()) when they do not parse.
    std::optional<QByteArray> takeBroadcast();
    QWidget* buildBroadcastBar();
    void updateActions();

    ServerEngine* m_engine;
    ConnectionTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    ByteLineEdit* m_broadcastEdit = nullptr;
    QuickSendBar* m_quickBar = nullptr;
    QPushButton* m_sendToAll = nullptr;
    QPushButton* m_sendToSelected = nullptr;
    QAction* m_disconnect = nullptr;
    QAction* m_disconnectAndBlock = nullptr;
    QAction* m_sendMessage = nullptr;
    QAction* m_sendOverUdp = nullptr;
    QAction* m_copyAddress = nullptr;
    QAction* m_framing = nullptr;
    QPointer<QDialog> m_dialog;
    bool m_listening = false;
};

} // namespace chorus
