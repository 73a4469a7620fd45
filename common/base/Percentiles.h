#pragma once

// Summaries of samples (round trips, event-loop lag): nearest-rank
// percentiles, the definition NIST and most monitoring tools use: the
// p-th percentile of n ascending samples is the one at rank ceil(p/100 * n)
// (1-based), so it is always one of the samples.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace chorus {

// samples must be sorted ascending and not empty; p in [0, 100].
template <typename T> T percentileOfSorted(const std::vector<T>& sorted, double p)
{
    // p * n first: for whole p it is exact, so ceil() sees 7, not the
    // 7.000000000000001 that p / 100 * n gives for p = 7, n = 100.
    const double rank = std::ceil(p * double(sorted.size()) / 100.0);
    const std::size_t index = rank < 1.0 ? 0 : std::min(sorted.size(), std::size_t(rank)) - 1;
    return sorted[index];
}

struct SampleSummary
{
    std::size_t count = 0;
    double min = 0;
    double median = 0;
    double p99 = 0;
    double max = 0;
};

// Sorts a copy; an empty input gives count 0 and zeros.
template <typename Container> SampleSummary summarize(const Container& samples)
{
    std::vector<double> sorted(samples.begin(), samples.end());
    SampleSummary out;
    out.count = sorted.size();
    if (sorted.empty())
        return out;
    std::sort(sorted.begin(), sorted.end());
    out.min = sorted.front();
    out.median = percentileOfSorted(sorted, 50);
    out.p99 = percentileOfSorted(sorted, 99);
    out.max = sorted.back();
    return out;
}

} // namespace chorus
