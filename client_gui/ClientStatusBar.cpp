#include "ClientStatusBar.h"

#include "ElidedLabel.h"
#include "base/Percentiles.h"

#include <QLocale>
#include <QTimer>

namespace chorus {

namespace {
constexpr std::chrono::milliseconds kMessageShown{10000};

QString formatBytes(quint64 bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeTraditionalFormat);
}
} // namespace

ClientStatusBar::ClientStatusBar(QWidget* parent)
    : QStatusBar(parent), m_message(new ElidedLabel), m_stats(new ElidedLabel),
      m_clear(new QTimer(this))
{
    m_message->setObjectName(QStringLiteral("statusMessage"));
    // The figures take the room they need when there is room, and shrink when not.
    m_stats->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    addWidget(m_message, 1);
    addPermanentWidget(m_stats);
    m_clear->setSingleShot(true);
    m_clear->setInterval(kMessageShown);
    connect(m_clear, &QTimer::timeout, this, [this] { m_message->setText({}); });
}

void ClientStatusBar::showText(const QString& text)
{
    m_message->setText(text);
    m_clear->start();
}

void ClientStatusBar::showStats(const ClientStats& stats, const std::deque<double>& recentRtts,
                                qsizetype queued)
{
    const SampleSummary rtt = summarize(recentRtts);
    const QString rttText = rtt.count == 0 ? tr("–")
                                           : tr("%1 ms (%2–%3)")
                                                 .arg(rtt.median, 0, 'f', 1)
                                                 .arg(rtt.min, 0, 'f', 1)
                                                 .arg(rtt.max, 0, 'f', 1);
    QString text = tr("Sent %1 (%2) · received %3 (%4) · RTT %5")
                       .arg(stats.messagesSent)
                       .arg(formatBytes(stats.bytesSent))
                       .arg(stats.messagesReceived)
                       .arg(formatBytes(stats.bytesReceived))
                       .arg(rttText);
    if (queued > 0)
        text += tr(" · %1 queued").arg(queued);
    m_stats->setText(text);
    m_stats->setToolTip(
        tr("Round trip: median (min–max) of the last %n replies", nullptr, int(recentRtts.size())) +
        QLatin1Char('\n') + text);
}

} // namespace chorus
