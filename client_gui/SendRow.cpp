#include "SendRow.h"

#include "ElidedLabel.h"
#include "SendBox.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

namespace chorus {

SendRow::SendRow(QWidget* parent)
    : QWidget(parent), m_box(new SendBox), m_mode(new QComboBox),
      m_send(new QPushButton(tr("Send"))), m_channel(new QComboBox), m_problem(new ElidedLabel)
{
    m_box->setFixedHeight(m_box->fontMetrics().lineSpacing() * 3 + 12);
    m_mode->setObjectName(QStringLiteral("sendModeSwitch"));
    m_mode->addItem(tr("Text"), int(ByteInput::Text));
    m_mode->addItem(tr("Hex"), int(ByteInput::Hex));
    m_mode->setToolTip(tr("Text: each line is a message; \\r \\n \\t \\0 \\\\ and \\xNN give "
                          "bytes.\nHex: the whole box is one message, e.g. 01 03 00 00 00 0A "
                          "C5 CD (spaces and line breaks are ignored)."));
    m_send->setAutoDefault(false);
    m_channel->setObjectName(QStringLiteral("sendChannelSwitch"));
    m_channel->addItem(tr("TCP"), false);
    m_channel->addItem(tr("UDP"), true);
    m_channel->setToolTip(tr("TCP: over the connection.\nUDP: one datagram each over the "
                             "session's UDP channel; replies and round trips show as usual, "
                             "a lost one gets no reply."));
    m_channel->hide();
    m_problem->setObjectName(QStringLiteral("sendProblem"));
    QPalette warning = m_problem->palette();
    warning.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_problem->setPalette(warning);
    m_problem->hide();

    auto* buttons = new QVBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_send);
    buttons->addWidget(m_mode);
    buttons->addWidget(m_channel);
    buttons->addStretch(1);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_box, 1);
    row->addLayout(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_problem);

    connect(m_box, &SendBox::submitted, this, &SendRow::sendRequested);
    connect(m_send, &QPushButton::clicked, this, &SendRow::sendRequested);
    connect(m_mode, &QComboBox::activated, this, [this](int index) {
        const auto mode = ByteInput(m_mode->itemData(index).toInt());
        m_box->setMode(mode);
        m_box->setFocus();
        emit modeChosen(mode);
    });
    // A recalled message brings its mode with it.
    connect(m_box, &SendBox::modeChanged, this,
            [this](ByteInput mode) { m_mode->setCurrentIndex(m_mode->findData(int(mode))); });
    connect(m_box, &SendBox::errorCleared, m_problem, &QWidget::hide);
}

void SendRow::setUdpChannelOpen(bool open)
{
    if (!open)
        m_channel->setCurrentIndex(0);
    m_channel->setVisible(open);
}

bool SendRow::sendsOverUdp() const
{
    return !m_channel->isHidden() && m_channel->currentData().toBool();
}

std::optional<QList<QByteArray>> SendRow::takeMessages(QString* why)
{
    QString words;
    std::optional<QList<QByteArray>> messages = m_box->takeMessages(&words);
    if (!messages) {
        m_problem->setText(tr("Not sent: %1").arg(words));
        m_problem->show();
    }
    if (why)
        *why = words;
    return messages;
}

} // namespace chorus
