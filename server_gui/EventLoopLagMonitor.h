#pragma once

// Measures how late a 20 ms timer fires on the thread that owns the monitor:
// the event-loop lag a user feels as a stutter. Keeps a bounded ring of
// samples and reports nearest-rank percentiles (base/Percentiles.h) of them.

#include "base/AtomicFile.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <vector>

namespace chorus {

struct LagSummary
{
    qsizetype samples = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
};

class EventLoopLagMonitor : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kInterval{20};
    static constexpr qsizetype kDefaultCapacity = 180000; // one hour at 50 samples/s

    explicit EventLoopLagMonitor(QObject* parent = nullptr);

    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    void setCapacity(qsizetype capacity); // clears the samples
    void addSample(double lateMs);        // used by the timer; public for tests
    LagSummary summary() const;
    // {"samples":n,"p50_ms":..,"p99_ms":..,"max_ms":..}
    QByteArray reportJson() const;
    FileResult writeReport(const QString& path) const; // verified, atomic

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    std::vector<float> m_samples; // ring buffer
    qsizetype m_capacity = kDefaultCapacity;
    qsizetype m_next = 0;
    bool m_wrapped = false;
    double m_maxMs = 0; // over the whole run, not only the kept samples
    qsizetype m_total = 0;
};

} // namespace chorus
