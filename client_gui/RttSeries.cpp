#include "RttSeries.h"

#include <algorithm>

namespace chorus {

RttSeries::RttSeries(int maxPoints) : m_maxPoints(std::max(1, maxPoints)) {}

void RttSeries::add(double rttMs)
{
    m_rtts.push_back(rttMs);
    ++m_total;
    while (int(m_rtts.size()) > m_maxPoints)
        m_rtts.pop_front();
}

void RttSeries::clear()
{
    m_rtts.clear();
    m_total = 0;
}

} // namespace chorus
