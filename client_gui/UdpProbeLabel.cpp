#include "UdpProbeLabel.h"

#include "client/UdpClientLink.h"

#include <algorithm>

namespace chorus {

UdpProbeLabel::UdpProbeLabel(QWidget* parent) : ElidedLabel(parent)
{
    setObjectName(QStringLiteral("udpProbeLabel"));
    hide();
}

QString UdpProbeLabel::probeText(const UdpProbeStats& stats)
{
    QString text = tr("UDP: sent %1 · answered %2 · lost %3 (%4 %)")
                       .arg(stats.sent)
                       .arg(stats.answered)
                       .arg(stats.lost)
                       .arg(stats.lostPercent(), 0, 'f', 1);
    if (stats.rttCount > 0)
        text += tr(" · RTT %1/%2/%3 ms")
                    .arg(stats.rttMinMs, 0, 'f', 2)
                    .arg(stats.rttMedianMs, 0, 'f', 2)
                    .arg(stats.rttMaxMs, 0, 'f', 2);
    if (stats.portUnreachable)
        text = tr("UDP: port unreachable · ") + text;
    return text;
}

void UdpProbeLabel::showProbe(const UdpProbeStats* stats)
{
    setVisible(stats != nullptr);
    if (!stats)
        return;
    const QString text = probeText(*stats);
    setText(text);
    // Room for the figures (RTT included) before the status bar's other
    // texts take it: over UDP they are what the user watches, the byte
    // counts beside them may elide. Never so much that the window must grow
    // past half a laptop screen (683 px).
    constexpr int kMostWidth = 440;
    setMinimumWidth(std::min(kMostWidth, fontMetrics().horizontalAdvance(text) + 8));
    setStyleSheet(stats->portUnreachable ? QStringLiteral("color: #c02020; font-weight: bold;")
                                         : QString());
    setToolTip(tr("UDP probe: messages sent, answered and lost (no reply within the UDP reply "
                  "timeout); round trips min/median/max of the answered ones") +
               QLatin1Char('\n') + text);
}

} // namespace chorus
