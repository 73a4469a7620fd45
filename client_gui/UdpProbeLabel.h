#pragma once

// The client's UDP figures in the status bar (issue 12): sent, answered,
// lost (%) and round trips min/median/max, or "port unreachable" while ICMP
// says nothing receives at the server's port. Hidden over TCP.

#include "ElidedLabel.h"

namespace chorus {

struct UdpProbeStats;

class UdpProbeLabel : public ElidedLabel
{
    Q_OBJECT
public:
    explicit UdpProbeLabel(QWidget* parent = nullptr);

    // nullptr: TCP, the label hides.
    void showProbe(const UdpProbeStats* stats);
    static QString probeText(const UdpProbeStats& stats);
};

} // namespace chorus
