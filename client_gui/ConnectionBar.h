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
    // What the state line says the connection speaks, by transport and protocol.
    enum class LinkMode {
        None,           // not connected
        PlainText,      // TCP, plain text
        OfferingChorus, // TCP, hello sent, no answer yet
        Chorus,         // TCP, Chorus protocol
        ChorusUdp,      // TCP Chorus with its session's UDP channel bound
        ChorusUdpDown,  // TCP Chorus; its UDP channel got no answer or failed
        Udp,            // UDP datagrams (plain bytes, one message each)
    };
    static LinkMode linkModeOf(const ClientEngine& engine);

    explicit ConnectionBar(QWidget* parent = nullptr);

    QComboBox* hostCombo() const { return m_host; }
    QSpinBox* portSpin() const { return m_port; }
    QPushButton* connectButton() const { return m_connect; }
    QPushButton* retryButton() const { return m_retry; }
    QLineEdit* nameEdit() const { return m_name; }
    QPushButton* pingButton() const { return m_ping; }
    QCheckBox* autoReconnectBox() const { return m_autoReconnect; }
    ElidedLabel* stateLabel() const { return m_state; }
    // What the state line shows now (set by showEngine()).
    LinkMode linkMode() const { return m_mode; }

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
    LinkMode m_mode = LinkMode::None;
};

} // namespace chorus
