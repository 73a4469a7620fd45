#pragma once

// Latency statistics and the small pieces of JSON chorus-bench reads and
// writes. Plain C++17 so the hot path never touches Qt.

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace chorus::bench {

// Nearest-rank percentile of ascending samples: the value at rank
// ceil(p/100 * N) (1-based); p <= 0 gives the minimum. 0 when empty.
std::uint32_t percentileNearestRank(const std::vector<std::uint32_t>& sorted, double p);

struct LatencySummary
{
    std::uint64_t count = 0; // samples seen (may exceed the kept samples)
    double p50Ms = 0;
    double p90Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    double meanMs = 0;
};

// Keeps every latency (µs) up to a cap, then a uniform reservoir sample of
// them, so a 600 s run stays bounded in memory; max and mean stay exact.
class LatencyRecorder
{
public:
    explicit LatencyRecorder(std::size_t maxKept = 8u * 1024u * 1024u, std::uint32_t seed = 1);

    void add(std::uint32_t micros);
    void merge(const LatencyRecorder& other);
    std::uint64_t count() const { return m_count; }
    const std::vector<std::uint32_t>& kept() const { return m_samples; }
    LatencySummary summarize() const;

private:
    std::size_t m_maxKept;
    std::vector<std::uint32_t> m_samples;
    std::uint64_t m_count = 0;
    std::uint64_t m_sumMicros = 0;
    std::uint32_t m_maxMicros = 0;
    std::mt19937 m_random;
};

// Value of the top-level "type" member of a one-line JSON object, or "" when
// there is none. Tolerates spaces; does not validate the rest of the line.
std::string jsonTypeOf(std::string_view line);
// Escapes text for a JSON string literal (quotes not included). UTF-8 bytes
// pass through unchanged.
std::string jsonEscape(std::string_view text);

struct BenchReport
{
    std::string mode;
    std::string framing;
    int connectionsRequested = 0;
    std::uint64_t connected = 0;
    std::uint64_t connectFailed = 0;
    std::uint64_t answered = 0;  // connections that got at least one reply
    std::uint64_t stillOpen = 0; // hold: open at the end of the hold
    std::uint64_t closedByServer = 0;
    std::uint64_t replies = 0;
    std::uint64_t errors = 0;
    std::uint64_t lost = 0;     // udp: datagrams without a reply within the timeout
    std::uint64_t late = 0;     // udp: replies that came after their timeout
    double durationSeconds = 0; // measured window
    double connectSeconds = 0;  // time to establish every connection
    LatencySummary latency;     // per request (closed-loop) or first reply (hold)

    double repliesPerSecond() const
    {
        return durationSeconds > 0 ? static_cast<double>(replies) / durationSeconds : 0.0;
    }
};

std::string reportJson(const BenchReport& report); // one line, no newline
std::string reportText(const BenchReport& report); // human summary, several lines

} // namespace chorus::bench
