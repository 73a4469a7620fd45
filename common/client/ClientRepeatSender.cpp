#include "client/ClientRepeatSender.h"

#include <QTimer>

#include <algorithm>

namespace chorus {

ClientRepeatSender::ClientRepeatSender(ClientEngine* engine, QObject* parent)
    : QObject(parent), m_engine(engine), m_timer(new QTimer(this))
{
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &ClientRepeatSender::sendOne);
    connect(m_engine, &ClientEngine::eventOccurred, this, &ClientRepeatSender::onEvent);
    connect(m_engine, &ClientEngine::stateChanged, this, [this](ClientState state) {
        if (state != ClientState::Connected && isRunning())
            stop(tr("Repeat stopped: the connection went down"));
    });
}

bool ClientRepeatSender::start(const QString& text, std::chrono::milliseconds interval, int count)
{
    stop();
    if (text.trimmed().isEmpty()) {
        emit stopped(tr("Repeat not started: the message is empty"));
        return false;
    }
    if (m_engine->state() != ClientState::Connected) {
        emit stopped(tr("Repeat not started: not connected"));
        return false;
    }
    m_text = text;
    m_count = std::max(0, count);
    m_sent = 0;
    m_awaiting.clear();
    m_rtts.clear();
    m_timer->start(std::max(interval, std::chrono::milliseconds(1)));
    sendOne();
    return true;
}

void ClientRepeatSender::stop(const QString& reason)
{
    if (!m_timer->isActive())
        return;
    m_timer->stop();
    emit stopped(reason.isEmpty() ? tr("Repeat stopped") : reason);
    emit progress();
}

bool ClientRepeatSender::isRunning() const
{
    return m_timer->isActive();
}

void ClientRepeatSender::sendOne()
{
    if (m_count > 0 && m_sent >= m_count) {
        stop(tr("Repeat finished: %1 sent").arg(m_sent));
        return;
    }
    const SendResult result = m_engine->send(m_text);
    if (result.status == SendStatus::Refused) {
        stop(tr("Repeat stopped: %1").arg(result.reason));
        return;
    }
    ++m_sent;
    for (quint64 id : result.messageIds)
        m_awaiting.insert(id);
    emit progress();
    if (m_count > 0 && m_sent >= m_count)
        stop(tr("Repeat finished: %1 sent").arg(m_sent));
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
    RepeatStats stats;
    stats.sent = m_sent;
    stats.answered = int(m_rtts.size());
    if (!m_rtts.empty()) {
        std::vector<double> sorted = m_rtts;
        const auto mid = sorted.begin() + std::ptrdiff_t(sorted.size() / 2);
        std::nth_element(sorted.begin(), mid, sorted.end());
        stats.medianMs = *mid;
        const auto [lo, hi] = std::minmax_element(m_rtts.begin(), m_rtts.end());
        stats.minMs = *lo;
        stats.maxMs = *hi;
    }
    return stats;
}

QString ClientRepeatSender::summary() const
{
    const RepeatStats s = stats();
    QString text = tr("sent %1 / answered %2").arg(s.sent).arg(s.answered);
    if (s.answered > 0)
        text += tr(", RTT %1 / %2 / %3 ms (min / median / max)")
                    .arg(s.minMs, 0, 'f', 2)
                    .arg(s.medianMs, 0, 'f', 2)
                    .arg(s.maxMs, 0, 'f', 2);
    return text;
}

} // namespace chorus
