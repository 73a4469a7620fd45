#pragma once

// The client window's connection bar, on two rows so that it fits half of a
// laptop screen: host, port, Connect/Disconnect and Retry now; then the state
// (an ElidedLabel: a long address or error never widens the window), the
// name, Ping and Auto-reconnect.

#include "client/ClientTypes.h"

#include <QtGlobal>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace chorus {

class ClientEngine;
class ElidedLabel;

class ConnectionBar : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionBar(QWidget* parent = nullptr);

    QComboBox* hostCombo() const { return m_host; }
    QSpinBox* portSpin() const { return m_port; }
    QPushButton* connectButton() const { return m_connect; }
    QPushButton* retryButton() const { return m_retry; }
    QLineEdit* nameEdit() const { return m_name; }
    QPushButton* pingButton() const { return m_ping; }
    QCheckBox* autoReconnectBox() const { return m_autoReconnect; }
    ElidedLabel* stateLabel() const { return m_state; }

    QString host() const;
    // Recent hosts, most recent first; `host` becomes the first.
    void rememberHost(const QString& host, int maxHosts);
    // Buttons, editability and the state line for what the engine is doing;
    // countdownMs: the wait left while reconnecting.
    void showEngine(const ClientEngine& engine, qint64 countdownMs);

private:
    QComboBox* m_host;
    QSpinBox* m_port;
    QPushButton* m_connect;
    QPushButton* m_retry;
    QLineEdit* m_name;
    QPushButton* m_ping;
    QCheckBox* m_autoReconnect;
    ElidedLabel* m_state;
};

} // namespace chorus
