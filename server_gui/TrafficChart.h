#pragma once

// The server's live traffic chart (Qt Charts): messages/s in and out and the
// active connections over the last five minutes, from the engine's batched
// counters (a few a second), the current values in the legend. The numbers
// live in TrafficSeries; this only draws them, and only while it is visible.

#include "TrafficSeries.h"

#include <QElapsedTimer>
#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace chorus {

class TrafficChart : public QWidget
{
    Q_OBJECT
public:
    explicit TrafficChart(QWidget* parent = nullptr);

    const TrafficSeries& series() const { return m_series; }
    QChart* chart() const { return m_chart; }
    QLineSeries* inLine() const { return m_in; }
    QLineSeries* outLine() const { return m_out; }
    QLineSeries* activeLine() const { return m_active; }

public slots:
    // Takes the snapshot into the series; redraws when visible.
    void addCounters(const chorus::ServerCounters& counters);
    // For tests: a snapshot at a given time (ms).
    void addCountersAt(qint64 timeMs, const chorus::ServerCounters& counters);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void redraw();

    TrafficSeries m_series;
    QElapsedTimer m_clock;
    QChart* m_chart;
    QChartView* m_view;
    QLineSeries* m_in;
    QLineSeries* m_out;
    QLineSeries* m_active;
    QValueAxis* m_timeAxis;
    QValueAxis* m_rateAxis;
    QValueAxis* m_activeAxis;
};

} // namespace chorus
