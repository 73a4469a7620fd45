#include "client/ClientRepeatSender.h"

#include "base/Percentiles.h"

#include <QTimer>

#include <algorithm>

namespace chorus {

ClientRepeatSender::ClientRepeatSender(ClientEngine* engine, QObject* parent)
    : QObject(parent), m_engine(engine), m_timer(new QTimer(this))
{
    qRegisterMetaType<chorus::RepeatStop>();
    qRegisterMetaType<chorus::ClientError>();
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &ClientRepeatSender::sendOne);
    connect(m_engine, &ClientEngine::eventOccurred, this, &ClientRepeatSender::onEvent);
    connect(m_engine, &ClientEngine::stateChanged, this, [this](ClientState state) {
        if (state != ClientState::Connected && isRunning())
            finish(RepeatStop::LinkDown);
    });
}

bool ClientRepeatSender::start(const QList<QByteArray>& messages,
                               std::chrono::milliseconds interval, int count)
{
    stop();
    if (std::all_of(messages.begin(), messages.end(),
                    [](const QByteArray& message) { return message.isEmpty(); })) {
        emit stopped(RepeatStop::EmptyMessage, ClientError::None);
        return false;
    }
    if (m_engine->state() != ClientState::Connected) {
        emit stopped(RepeatStop::NotConnected, ClientError::None);
        return false;
    }
    m_messages = messages;
    m_count = std::max(0, count);
    m_sent = 0;
    m_awaiting.clear();
    m_rtts.clear();
    m_timer->start(std::max(interval, std::chrono::milliseconds(1)));
    sendOne();
    return true;
}

void ClientRepeatSender::stop()
{
    finish(RepeatStop::ByUser);
}

void ClientRepeatSender::finish(RepeatStop why, ClientError sendError)
{
    if (!m_timer->isActive())
        return;
    m_timer->stop();
    emit stopped(why, sendError);
    emit progress();
}

bool ClientRepeatSender::isRunning() const
{
    return m_timer->isActive();
}

void ClientRepeatSender::sendOne()
{
    if (m_count > 0 && m_sent >= m_count) {
        finish(RepeatStop::Finished);
        return;
    }
    const SendResult result = m_engine->send(m_messages);
    if (result.status == SendStatus::Refused) {
        finish(RepeatStop::SendRefused, result.error);
        return;
    }
    ++m_sent;
    for (quint64 id : result.messageIds)
        m_awaiting.insert(id);
    emit progress();
    if (m_count > 0 && m_sent >= m_count)
        finish(RepeatStop::Finished);
}

void ClientRepeatSender::onEvent(const ClientEvent& event)
{
    if (event.kind != ClientEvent::Kind::Received || !m_awaiting.remove(event.replyTo))
        return;
    if (event.rttMs)
        m_rtts.push_back(*event.rttMs);
    emit progress();
}

RepeatStats ClientRepeatSender::stats() const
{
    const SampleSummary summary = summarize(m_rtts);
    RepeatStats stats;
    stats.sent = m_sent;
    stats.answered = int(summary.count);
    stats.minMs = summary.min;
    stats.medianMs = summary.median;
    stats.maxMs = summary.max;
    return stats;
}

} // namespace chorus
