#include "TrafficChart.h"

#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace chorus {

namespace {
// An axis top that reads well: 1, 2 or 5 times a power of ten, at least `value`.
double niceCeiling(double value)
{
    if (value <= 1)
        return 1;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * power >= value)
            return step * power;
    }
    return 10 * power;
}
} // namespace

TrafficChart::TrafficChart(QWidget* parent)
    : QWidget(parent), m_chart(new QChart), m_view(new QChartView(m_chart)), m_in(new QLineSeries),
      m_out(new QLineSeries), m_active(new QLineSeries), m_timeAxis(new QValueAxis),
      m_rateAxis(new QValueAxis), m_activeAxis(new QValueAxis)
{
    m_clock.start();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setMinimumHeight(160);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    // A short pane on a laptop screen: small type, no axis titles (the legend
    // says what each line is), so the axis labels keep their room.
    m_chart->setMargins(QMargins(0, 0, 0, 0));
    m_chart->setBackgroundRoundness(0);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    m_chart->legend()->setFont(small);
    m_chart->legend()->setAlignment(Qt::AlignTop);
    for (QLineSeries* line : {m_in, m_out, m_active})
        m_chart->addSeries(line);

    const qint64 spanSeconds =
        std::chrono::duration_cast<std::chrono::seconds>(m_series.span()).count();
    m_timeAxis->setRange(-double(spanSeconds), 0);
    m_timeAxis->setLabelFormat(QStringLiteral("%d s"));
    m_timeAxis->setTickCount(6);
    m_rateAxis->setLabelFormat(QStringLiteral("%d/s"));
    m_rateAxis->setTickCount(3);
    m_activeAxis->setTickCount(3);
    m_activeAxis->setLabelFormat(QStringLiteral("%d"));
    for (QValueAxis* axis : {m_timeAxis, m_rateAxis, m_activeAxis})
        axis->setLabelsFont(small);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_rateAxis, Qt::AlignLeft);
    m_chart->addAxis(m_activeAxis, Qt::AlignRight);
    for (QLineSeries* line : {m_in, m_out, m_active})
        line->attachAxis(m_timeAxis);
    m_in->attachAxis(m_rateAxis);
    m_out->attachAxis(m_rateAxis);
    m_active->attachAxis(m_activeAxis);
    redraw();
}

void TrafficChart::addCounters(const ServerCounters& counters)
{
    addCountersAt(m_clock.elapsed(), counters);
}

void TrafficChart::addCountersAt(qint64 timeMs, const ServerCounters& counters)
{
    m_series.add(timeMs, counters);
    if (isVisible())
        redraw();
}

void TrafficChart::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    redraw();
}

void TrafficChart::redraw()
{
    const QLocale locale;
    QList<QPointF> in;
    QList<QPointF> out;
    QList<QPointF> active;
    const auto& points = m_series.points();
    const qint64 now = points.empty() ? 0 : points.back().timeMs;
    in.reserve(qsizetype(points.size()));
    out.reserve(qsizetype(points.size()));
    active.reserve(qsizetype(points.size()));
    for (const TrafficPoint& p : points) {
        const double x = double(p.timeMs - now) / 1000.0;
        in.append({x, p.inPerSecond});
        out.append({x, p.outPerSecond});
        active.append({x, double(p.active)});
    }
    m_in->replace(in);
    m_out->replace(out);
    m_active->replace(active);
    m_rateAxis->setRange(0, niceCeiling(m_series.peakRate()));
    m_activeAxis->setRange(0, niceCeiling(double(m_series.peakActive())));
    const TrafficPoint latest = points.empty() ? TrafficPoint{} : points.back();
    m_in->setName(tr("In: %1/s").arg(locale.toString(latest.inPerSecond, 'f', 0)));
    m_out->setName(tr("Out: %1/s").arg(locale.toString(latest.outPerSecond, 'f', 0)));
    m_active->setName(tr("Active: %1").arg(locale.toString(latest.active)));
}

} // namespace chorus
