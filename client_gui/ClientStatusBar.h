#pragma once

// The client window's status bar: a message (errors, confirmations; shown for
// a while) and the traffic figures. Both are ElidedLabels: a long error text
// or a big count is elided, with the whole text in the tooltip, and never
// makes the window wider.

#include "client/ClientTypes.h"

#include <QStatusBar>

#include <deque>

class QTimer;

namespace chorus {

class ElidedLabel;

class ClientStatusBar : public QStatusBar
{
    Q_OBJECT
public:
    explicit ClientStatusBar(QWidget* parent = nullptr);

    ElidedLabel* messageLabel() const { return m_message; }
    ElidedLabel* statsLabel() const { return m_stats; }
    // Shown for ten seconds (or until the next one).
    void showText(const QString& text);
    // Counts each way, and the round trips (median, min, max) of recent replies.
    void showStats(const ClientStats& stats, const std::deque<double>& recentRtts,
                   qsizetype queued);

private:
    ElidedLabel* m_message;
    ElidedLabel* m_stats;
    QTimer* m_clear;
};

} // namespace chorus
