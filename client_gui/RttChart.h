#pragma once

// The client's round-trip chart (Qt Charts): each of the last replies'
// round trip, with the min, median and p99 of them as lines and their values
// in the legend. The numbers live in RttSeries; the chart redraws a few times
// a second at most, and only while it is visible.

#include "RttSeries.h"

#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QTimer;
class QValueAxis;

namespace chorus {

class RttChart : public QWidget
{
    Q_OBJECT
public:
    explicit RttChart(QWidget* parent = nullptr);

    const RttSeries& series() const { return m_series; }
    QLineSeries* replyLine() const { return m_replies; }
    QLineSeries* minLine() const { return m_min; }
    QLineSeries* medianLine() const { return m_median; }
    QLineSeries* p99Line() const { return m_p99; }

public slots:
    void addRtt(double rttMs);
    void clear();
    // Draws what the series holds now (the timer does it a few times a second).
    void redraw();

protected:
    void showEvent(QShowEvent* event) override;

private:
    RttSeries m_series;
    QTimer* m_redrawTimer;
    QChart* m_chart;
    QChartView* m_view;
    QLineSeries* m_replies;
    QLineSeries* m_min;
    QLineSeries* m_median;
    QLineSeries* m_p99;
    QValueAxis* m_replyAxis;
    QValueAxis* m_msAxis;
};

} // namespace chorus
