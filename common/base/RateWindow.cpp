#include "base/RateWindow.h"

#include <algorithm>

namespace chorus {

RateWindow::RateWindow(std::chrono::milliseconds window) : m_window(window) {}

void RateWindow::add(std::chrono::milliseconds at, quint64 total)
{
    m_samples.push_back(Sample{at, total});
    while (m_samples.size() > 1 && m_samples.front().at < at - m_window)
        m_samples.pop_front();
}

double RateWindow::perSecond() const
{
    if (m_samples.size() < 2)
        return 0.0;
    const Sample& oldest = m_samples.front();
    const Sample& newest = m_samples.back();
    const auto span = std::max(newest.at - oldest.at, kMinimumSpan);
    return double(newest.total - oldest.total) * 1000.0 / double(span.count());
}

} // namespace chorus
