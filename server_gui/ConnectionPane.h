#pragma once

// The live connection table with its context menu (Disconnect, Disconnect and
// block…, Send message…, Copy address) and the broadcast box under it. It
// talks to the engine directly; the window tells it whether it is listening.

#include <QList>
#include <QWidget>

#include <chrono>

class QAction;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace chorus {

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
    QLineEdit* broadcastEdit() const { return m_broadcastEdit; }
    QPushButton* sendToAllButton() const { return m_sendToAll; }
    QPushButton* sendToSelectedButton() const { return m_sendToSelected; }
    QAction* disconnectAction() const { return m_disconnect; }
    QAction* disconnectAndBlockAction() const { return m_disconnectAndBlock; }
    QAction* sendMessageAction() const { return m_sendMessage; }
    QAction* copyAddressAction() const { return m_copyAddress; }

    QList<quint64> selectedIds() const;
    void setListening(bool listening);

public slots:
    void disconnectSelected();
    // Asks for the minutes, then disconnectAndBlockSelected().
    void chooseBlockForSelected();
    void disconnectAndBlockSelected(std::chrono::minutes duration);
    void sendMessageToSelected();
    void copySelectedAddresses();
    void broadcastToAll();
    void broadcastToSelected();

signals:
    void selectionChanged(const QList<quint64>& ids);

private:
    void buildActions();
    QWidget* buildBroadcastBar();
    void updateActions();

    ServerEngine* m_engine;
    ConnectionTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    QLineEdit* m_broadcastEdit = nullptr;
    QPushButton* m_sendToAll = nullptr;
    QPushButton* m_sendToSelected = nullptr;
    QAction* m_disconnect = nullptr;
    QAction* m_disconnectAndBlock = nullptr;
    QAction* m_sendMessage = nullptr;
    QAction* m_copyAddress = nullptr;
    bool m_listening = false;
};

} // namespace chorus
