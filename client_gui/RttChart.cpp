#include "RttChart.h"

#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace chorus {

namespace {
constexpr std::chrono::milliseconds kRedrawInterval{250};

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

RttChart::RttChart(QWidget* parent)
    : QWidget(parent), m_redrawTimer(new QTimer(this)), m_chart(new QChart),
      m_view(new QChartView(m_chart)), m_replies(new QLineSeries), m_min(new QLineSeries),
      m_median(new QLineSeries), m_p99(new QLineSeries), m_replyAxis(new QValueAxis),
      m_msAxis(new QValueAxis)
{
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
    for (QLineSeries* line : {m_replies, m_min, m_median, m_p99})
        m_chart->addSeries(line);
    m_replyAxis->setLabelFormat(QStringLiteral("#%d"));
    m_msAxis->setLabelFormat(QStringLiteral("%g ms"));
    m_msAxis->setTickCount(3);
    for (QValueAxis* axis : {m_replyAxis, m_msAxis})
        axis->setLabelsFont(small);
    m_chart->addAxis(m_replyAxis, Qt::AlignBottom);
    m_chart->addAxis(m_msAxis, Qt::AlignLeft);
    for (QLineSeries* line : {m_replies, m_min, m_median, m_p99}) {
        line->attachAxis(m_replyAxis);
        line->attachAxis(m_msAxis);
    }
    QPen dashed(Qt::DashLine);
    dashed.setWidthF(1.5);
    for (QLineSeries* line : {m_min, m_median, m_p99}) {
        dashed.setColor(line->pen().color());
        line->setPen(dashed);
    }
    m_redrawTimer->setSingleShot(true);
    m_redrawTimer->setInterval(kRedrawInterval);
    connect(m_redrawTimer, &QTimer::timeout, this, &RttChart::redraw);
    redraw();
}

void RttChart::addRtt(double rttMs)
{
    m_series.add(rttMs);
    if (isVisible() && !m_redrawTimer->isActive())
        m_redrawTimer->start();
}

void RttChart::clear()
{
    m_series.clear();
    redraw();
}

void RttChart::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    redraw();
}

void RttChart::redraw()
{
    const auto& rtts = m_series.rtts();
    QList<QPointF> replies;
    replies.reserve(qsizetype(rtts.size()));
    double number = double(m_series.firstNumber());
    for (const double rtt : rtts)
        replies.append({number++, rtt});
    m_replies->replace(replies);
    const SampleSummary summary = m_series.summary();
    const double first = double(m_series.firstNumber());
    const double last = std::max(first + 1, double(m_series.total()));
    m_replyAxis->setRange(first, last);
    m_msAxis->setRange(0, niceCeiling(summary.max));
    const QLocale locale;
    auto level = [&](QLineSeries* line, double value) {
        if (summary.count == 0)
            line->clear();
        else
            line->replace({{first, value}, {last, value}});
    };
    level(m_min, summary.min);
    level(m_median, summary.median);
    level(m_p99, summary.p99);
    m_replies->setName(tr("Last %n replies", nullptr, int(summary.count)));
    m_min->setName(tr("min %1 ms").arg(locale.toString(summary.min, 'f', 2)));
    m_median->setName(tr("median %1 ms").arg(locale.toString(summary.median, 'f', 2)));
    m_p99->setName(tr("p99 %1 ms").arg(locale.toString(summary.p99, 'f', 2)));
}

} // namespace chorus
