#include "ConnectionBar.h"

#include "ClientEventText.h"
#include "ElidedLabel.h"
#include "base/Endpoint.h"
#include "client/ClientEngine.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace chorus {

ConnectionBar::ConnectionBar(QWidget* parent)
    : QWidget(parent), m_host(new QComboBox), m_port(new QSpinBox),
      m_connect(new QPushButton(tr("Connect"))), m_retry(new QPushButton(tr("Retry now"))),
      m_name(new QLineEdit), m_ping(new QPushButton(tr("Ping"))),
      m_autoReconnect(new QCheckBox(tr("Auto-reconnect"))), m_state(new ElidedLabel)
{
    m_host->setEditable(true);
    m_host->setInsertPolicy(QComboBox::NoInsert);
    // A long recent host must not set the window's width.
    m_host->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_host->setMinimumContentsLength(14);
    m_host->setToolTip(tr("Host name or address of the server"));
    m_port->setRange(1, 65535);
    m_port->setValue(kDefaultClientPort);
    m_port->setToolTip(tr("TCP port of the server"));
    for (QPushButton* button : {m_connect, m_retry, m_ping}) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }
    m_retry->setToolTip(tr("Reconnect now instead of waiting for the next attempt"));
    m_retry->setEnabled(false);
    m_autoReconnect->setToolTip(
        tr("After an unexpected drop, retry with backoff (0.5 s doubling to 30 s)"));
    m_name->setPlaceholderText(tr("name"));
    m_name->setMaxLength(64);
    m_name->setMinimumWidth(80);
    m_name->setMaximumWidth(140);
    m_name->setToolTip(tr("Your name as a chorus-server shows it (Enter renames at once)"));
    m_ping->setEnabled(false);
    m_ping->setToolTip(tr("Round trip to a chorus-server, without the reply book"));
    m_state->setObjectName(QStringLiteral("connectionState"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* first = new QHBoxLayout;
    first->addWidget(new QLabel(tr("Host:")));
    first->addWidget(m_host, 1);
    first->addWidget(new QLabel(tr("Port:")));
    first->addWidget(m_port);
    first->addWidget(m_connect);
    first->addWidget(m_retry);
    layout->addLayout(first);
    auto* second = new QHBoxLayout;
    second->addWidget(m_state, 1);
    second->addWidget(m_name);
    second->addWidget(m_ping);
    second->addWidget(m_autoReconnect);
    layout->addLayout(second);
}

QString ConnectionBar::host() const
{
    return m_host->currentText().trimmed();
}

void ConnectionBar::rememberHost(const QString& host, int maxHosts)
{
    const int existing = m_host->findText(host);
    if (existing >= 0)
        m_host->removeItem(existing);
    m_host->insertItem(0, host);
    while (m_host->count() > maxHosts)
        m_host->removeItem(m_host->count() - 1);
    m_host->setCurrentIndex(0);
}

void ConnectionBar::showEngine(const ClientEngine& engine, qint64 countdownMs)
{
    const ClientState state = engine.state();
    const bool down = state == ClientState::Disconnected;
    m_connect->setText(down ? tr("Connect") : tr("Disconnect"));
    m_host->setEnabled(down);
    m_port->setEnabled(down);
    m_retry->setEnabled(state == ClientState::Reconnecting);
    m_ping->setEnabled(engine.isChorusMode() && state == ClientState::Connected);

    const QString where = endpointText(engine.config().host, engine.config().port);
    QString text;
    switch (state) {
    case ClientState::Disconnected:
        text = ClientEventText::state(ClientState::Disconnected);
        break;
    case ClientState::Connecting:
        text = engine.reconnectAttempt() > 0 ? tr("Reconnecting to %1 now (attempt %2)…")
                                                   .arg(where)
                                                   .arg(engine.reconnectAttempt())
                                             : tr("Connecting to %1…").arg(where);
        break;
    case ClientState::Connected: {
        QString mode;
        switch (linkModeOf(engine)) {
        case LinkMode::None:
        case LinkMode::PlainText:
            mode = tr("plain text");
            break;
        case LinkMode::OfferingChorus:
            mode = tr("offering Chorus…");
            break;
        case LinkMode::Chorus:
            mode = tr("Chorus, you are #%1").arg(engine.clientId());
            break;
        case LinkMode::ChorusUdp:
            mode = tr("Chorus + UDP channel, you are #%1").arg(engine.clientId());
            break;
        case LinkMode::ChorusUdpDown:
            mode =
                engine.udpChannelState() == UdpChannelState::Failed
                    ? tr("Chorus, you are #%1 (UDP channel failed)").arg(engine.clientId())
                    : tr("Chorus, you are #%1 (UDP channel not answered)").arg(engine.clientId());
            break;
        case LinkMode::Udp:
            mode = tr("UDP datagrams, plain text");
            break;
        }
        // The mode first: it is what an elided line must still show.
        text = tr("Connected · %1 · %2 since %3")
                   .arg(mode, engine.peerLabel(),
                        engine.connectedSince().toString(QStringLiteral("hh:mm:ss")));
        break;
    }
    case ClientState::Reconnecting:
        // What really happens: "in 0.5 s" is never rounded up to "1 s".
        text =
            tr("Reconnecting in %1 (attempt %2) · last error: %3")
                .arg(ClientEventText::delay(countdownMs))
                .arg(engine.reconnectAttempt())
                .arg(ClientEventText::error(engine.lastError(), engine.lastErrorReason(), where));
        break;
    }
    m_mode = state == ClientState::Connected ? linkModeOf(engine) : LinkMode::None;
    m_state->setText(text);
}

ConnectionBar::LinkMode ConnectionBar::linkModeOf(const ClientEngine& engine)
{
    if (engine.state() != ClientState::Connected)
        return LinkMode::None;
    if (engine.config().transport == ClientTransport::Udp)
        return LinkMode::Udp;
    if (engine.isChorusMode()) {
        switch (engine.udpChannelState()) {
        case UdpChannelState::Bound:
            return LinkMode::ChorusUdp;
        case UdpChannelState::Unanswered:
        case UdpChannelState::Failed:
            return LinkMode::ChorusUdpDown;
        case UdpChannelState::Off:
        case UdpChannelState::Opening:
            break;
        }
        return LinkMode::Chorus;
    }
    return engine.isNegotiating() ? LinkMode::OfferingChorus : LinkMode::PlainText;
}

} // namespace chorus
