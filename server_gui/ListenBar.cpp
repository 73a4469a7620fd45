#include "ListenBar.h"

#include "ElidedLabel.h"
#include "FramingChoice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QNetworkInterface>
#include <QPushButton>
#include <QSpinBox>

namespace chorus {

ListenBar::ListenBar(QWidget* parent)
    : QWidget(parent), m_address(new QComboBox(this)), m_port(new QSpinBox(this)),
      m_framing(new FramingChoice(this)), m_startStop(new QPushButton(tr("Start"), this)),
      m_udp(new QCheckBox(tr("&UDP"), this)), m_state(new ElidedLabel(this))
{
    m_address->setObjectName(QStringLiteral("addressCombo"));
    m_address->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_address->setToolTip(tr("Where clients may connect from. This machine only listens on "
                             "127.0.0.1 and ::1, so \"localhost\" works over IPv4 and IPv6."));
    fillAddresses();
    // currentIndexChanged, not activated: a choice made from code (tests,
    // scripting) counts too; the bar's own setters block it.
    connect(m_address, &QComboBox::currentIndexChanged, this,
            [this] { emit addressChosen(addressText()); });

    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(0, 65535);
    m_port->setValue(m_configuredPort);
    m_port->setSpecialValueText(tr("any free port"));
    m_port->setToolTip(tr("0 picks any free port; the real port is shown once listening."));
    connect(m_port, &QSpinBox::valueChanged, this, [this](int value) {
        // While listening the spin box shows the real port; only the user's edits count.
        if (!m_showingListeningPort)
            m_configuredPort = value;
    });
    connect(m_port, &QSpinBox::editingFinished, this, [this] {
        if (!m_showingListeningPort)
            emit portChosen(m_configuredPort);
    });

    m_framing->setObjectName(QStringLiteral("framingCombo"));
    m_framing->setToolTip(tr("Where a message ends. Applies to new connections at once, no "
                             "restart needed; a connection's own framing: right-click it, "
                             "Framing…."));
    connect(m_framing, &FramingChoice::specChosen, this,
            [this](const FrameSpec& spec) { emit framingChosen(spec.toText()); });

    m_startStop->setObjectName(QStringLiteral("startStopButton"));
    m_startStop->setDefault(true);
    connect(m_startStop, &QPushButton::clicked, this, &ListenBar::startStopClicked);
    m_state->setObjectName(QStringLiteral("stateLabel"));
    m_udp->setObjectName(QStringLiteral("udpSwitch"));
    m_udp->setToolTip(tr("Also answer UDP datagrams on the same addresses (the UDP port is the "
                         "TCP port unless set in Settings). Applies at the next Start."));
    connect(m_udp, &QCheckBox::toggled, this, &ListenBar::udpChosen);

    auto* addressLabel = new QLabel(tr("&Address:"), this);
    addressLabel->setBuddy(m_address);
    auto* portLabel = new QLabel(tr("&Port:"), this);
    portLabel->setBuddy(m_port);
    auto* framingLabel = new QLabel(tr("&Framing:"), this);
    framingLabel->setBuddy(m_framing);

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(addressLabel, 0, 0);
    grid->addWidget(m_address, 0, 1);
    grid->addWidget(portLabel, 0, 2);
    grid->addWidget(m_port, 0, 3);
    grid->addWidget(m_udp, 0, 4);
    grid->addWidget(m_startStop, 0, 5);
    grid->addWidget(framingLabel, 1, 0);
    grid->addWidget(m_framing, 1, 1);
    grid->addWidget(m_state, 1, 2, 1, 5);
    grid->setColumnStretch(6, 1);
}

QString ListenBar::addressLabel(const QString& text, const QString& interfaceName)
{
    if (text == QLatin1String("any"))
        return tr("All interfaces (IPv4 + IPv6)");
    if (text == QLatin1String("localhost"))
        return tr("This machine only (127.0.0.1 + ::1)");
    if (interfaceName.isEmpty())
        return tr("%1 (not found on this machine)").arg(text);
    return tr("%1 (%2)").arg(text, interfaceName);
}

void ListenBar::fillAddresses()
{
    m_address->addItem(addressLabel(QStringLiteral("any")), QStringLiteral("any"));
    m_address->addItem(addressLabel(QStringLiteral("localhost")), QStringLiteral("localhost"));
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface& interface : interfaces) {
        if (!(interface.flags() & QNetworkInterface::IsUp))
            continue;
        for (const QNetworkAddressEntry& entry : interface.addressEntries()) {
            const QString ip = entry.ip().toString();
            m_address->addItem(addressLabel(ip, interface.humanReadableName()), ip);
        }
    }
}

QString ListenBar::addressText() const
{
    return m_address->currentData().toString();
}

void ListenBar::setAddressText(const QString& text)
{
    const QString lower = text.trimmed().toLower();
    const QString wanted = lower == QLatin1String("any") || lower == QLatin1String("localhost")
                               ? lower
                               : text.trimmed();
    const QSignalBlocker blocker(m_address);
    int index = m_address->findData(wanted);
    if (index < 0) {
        m_address->addItem(addressLabel(wanted), wanted);
        index = m_address->count() - 1;
    }
    m_address->setCurrentIndex(index);
}

QString ListenBar::framingText() const
{
    return m_framing->spec().toText();
}

void ListenBar::setFramingText(const QString& text)
{
    m_framing->setSpec(parseFrameSpec(text).value_or(FrameSpec(Framing::Auto)));
}

bool ListenBar::udpEnabled() const
{
    return m_udp->isChecked();
}

void ListenBar::setUdpEnabled(bool on)
{
    const QSignalBlocker blocker(m_udp);
    m_udp->setChecked(on);
}

void ListenBar::setPort(int port)
{
    m_configuredPort = port;
    m_showingListeningPort = false;
    const QSignalBlocker blocker(m_port);
    m_port->setValue(port);
}

void ListenBar::showListeningPort(quint16 port)
{
    m_showingListeningPort = true;
    const QSignalBlocker blocker(m_port);
    m_port->setValue(port);
}

void ListenBar::showConfiguredPort()
{
    m_showingListeningPort = false;
    const QSignalBlocker blocker(m_port);
    m_port->setValue(m_configuredPort);
}

void ListenBar::setStopped(bool stopped, bool busy)
{
    m_address->setEnabled(stopped && !busy);
    m_port->setEnabled(stopped && !busy);
    m_udp->setEnabled(stopped && !busy);
    m_startStop->setEnabled(!busy);
    m_startStop->setText(stopped ? tr("Start") : tr("Stop"));
}

void ListenBar::showState(const QString& text, Look look)
{
    m_state->setText(text);
    m_look = look;
    switch (look) {
    case Look::Plain:
        m_state->setStyleSheet(QString());
        break;
    case Look::Listening:
        m_state->setStyleSheet(QStringLiteral("color: #207020; font-weight: bold;"));
        break;
    case Look::Exposed:
        m_state->setStyleSheet(QStringLiteral("color: #a05a00; font-weight: bold;"));
        break;
    case Look::Failed:
        m_state->setStyleSheet(QStringLiteral("color: #c02020; font-weight: bold;"));
        break;
    }
}

} // namespace chorus
