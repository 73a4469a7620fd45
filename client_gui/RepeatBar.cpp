#include "RepeatBar.h"

#include "ClientEventText.h"
#include "ElidedLabel.h"
#include "client/ClientRepeatSender.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace chorus {

RepeatBar::RepeatBar(ClientRepeatSender* sender, QWidget* parent)
    : QWidget(parent), m_sender(sender), m_interval(new QSpinBox), m_count(new QSpinBox),
      m_start(new QPushButton(tr("Start"))), m_summary(new ElidedLabel)
{
    m_interval->setRange(1, 3600 * 1000);
    m_interval->setValue(1000);
    m_interval->setSuffix(tr(" ms"));
    m_count->setRange(0, 10000000);
    m_count->setValue(10);
    m_count->setSpecialValueText(tr("until stopped"));
    m_start->setAutoDefault(false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Repeat every")));
    layout->addWidget(m_interval);
    layout->addWidget(new QLabel(tr("times")));
    layout->addWidget(m_count);
    layout->addWidget(m_start);
    layout->addWidget(m_summary, 1);

    connect(m_sender, &ClientRepeatSender::progress, this,
            [this] { m_summary->setText(ClientEventText::repeatSummary(m_sender->stats())); });
    connect(m_sender, &ClientRepeatSender::stopped, this,
            [this](RepeatStop why, ClientError sendError) {
                m_start->setText(tr("Start"));
                m_summary->setText(ClientEventText::repeatSummary(m_sender->stats()));
                emit stopped(ClientEventText::repeatStop(why, sendError));
            });
}

bool RepeatBar::isRunning() const
{
    return m_sender->isRunning();
}

void RepeatBar::start(const QList<QByteArray>& messages)
{
    if (m_sender->start(messages, std::chrono::milliseconds(m_interval->value()), m_count->value()))
        m_start->setText(tr("Stop"));
}

void RepeatBar::stop()
{
    m_sender->stop();
}

} // namespace chorus
