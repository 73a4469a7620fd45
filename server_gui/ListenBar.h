#pragma once

// The window's listen bar: address, port, framing, Start/Stop and the state.
// Every address choice says what it binds: "All interfaces (IPv4 + IPv6)",
// "This machine only (127.0.0.1 + ::1)", "192.168.1.5 (eth0)". Two rows, so
// the window stays narrow enough to sit beside the client on a laptop.

#include <QWidget>

class QCheckBox;
class QComboBox;
class QPushButton;
class QSpinBox;

namespace chorus {

class ElidedLabel;
class FramingChoice;

class ListenBar : public QWidget
{
    Q_OBJECT
public:
    // Exposed: listening, and anyone on the network may talk (AccessExposure::Open).
    enum class Look { Plain, Listening, Exposed, Failed };

    explicit ListenBar(QWidget* parent = nullptr);

    QComboBox* addressCombo() const { return m_address; }
    QSpinBox* portSpin() const { return m_port; }
    FramingChoice* framingCombo() const { return m_framing; }
    QPushButton* startStopButton() const { return m_startStop; }
    QCheckBox* udpSwitch() const { return m_udp; }
    ElidedLabel* stateLabel() const { return m_state; }

    // The address as saved and typed: "any", "localhost" or an IP.
    QString addressText() const;
    // Selects it; an address this machine does not have stays selectable
    // ("(not found on this machine)") so Start reports Qt's reason.
    void setAddressText(const QString& text);
    // The framing's --framing spelling: "auto", "cr", "delimiter:03", "u16be", …
    QString framingText() const;
    void setFramingText(const QString& text);
    // Also receive UDP datagrams (at the next Start).
    bool udpEnabled() const;
    void setUdpEnabled(bool on);
    // What the user asked for; while listening the spin box shows the real port.
    int port() const { return m_configuredPort; }
    void setPort(int port);
    void showListeningPort(quint16 port);
    void showConfiguredPort();

    // Stopped: the address and port can be changed; the button says Start.
    void setStopped(bool stopped, bool busy);
    void showState(const QString& text, Look look);
    Look look() const { return m_look; }

    // "All interfaces (IPv4 + IPv6)", …: the label of an address choice.
    static QString addressLabel(const QString& text, const QString& interfaceName = {});

signals:
    void startStopClicked();
    void addressChosen(const QString& text);
    void portChosen(int port); // editing finished
    void framingChosen(const QString& text);
    void udpChosen(bool on);

private:
    void fillAddresses();

    QComboBox* m_address;
    QSpinBox* m_port;
    FramingChoice* m_framing;
    QPushButton* m_startStop;
    QCheckBox* m_udp;
    ElidedLabel* m_state;
    int m_configuredPort = 9999;
    bool m_showingListeningPort = false;
    Look m_look = Look::Plain;
};

} // namespace chorus
