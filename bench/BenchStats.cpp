#include "BenchStats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace chorus::bench {

std::uint32_t percentileNearestRank(const std::vector<std::uint32_t>& sorted, double p)
{
    if (sorted.empty())
        return 0;
    if (p <= 0)
        return sorted.front();
    if (p >= 100)
        return sorted.back();
    // The tiny epsilon keeps e.g. 0.29 * 100 = 28.999… from rounding up a rank.
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * sorted.size() - 1e-9));
    rank = std::clamp<std::size_t>(rank, 1, sorted.size());
    return sorted[rank - 1];
}

LatencyRecorder::LatencyRecorder(std::size_t maxKept, std::uint32_t seed)
    : m_maxKept(std::max<std::size_t>(1, maxKept)), m_random(seed)
{}

void LatencyRecorder::add(std::uint32_t micros)
{
    ++m_count;
    m_sumMicros += micros;
    m_maxMicros = std::max(m_maxMicros, micros);
    if (m_samples.size() < m_maxKept) {
        m_samples.push_back(micros);
        return;
    }
    // Algorithm R: the n-th sample replaces a kept one with probability k/n.
    std::uniform_int_distribution<std::uint64_t> pick(0, m_count - 1);
    const std::uint64_t slot = pick(m_random);
    if (slot < m_maxKept)
        m_samples[slot] = micros;
}

void LatencyRecorder::merge(const LatencyRecorder& other)
{
    // Exact while both fit; beyond the cap the merged sample is approximate,
    // which is acceptable for percentiles of runs that long.
    for (std::uint32_t sample : other.m_samples) {
        if (m_samples.size() < m_maxKept)
            m_samples.push_back(sample);
    }
    m_count += other.m_count;
    m_sumMicros += other.m_sumMicros;
    m_maxMicros = std::max(m_maxMicros, other.m_maxMicros);
}

LatencySummary LatencyRecorder::summarize() const
{
    LatencySummary summary;
    summary.count = m_count;
    if (m_samples.empty())
        return summary;
    std::vector<std::uint32_t> sorted = m_samples;
    std::sort(sorted.begin(), sorted.end());
    summary.p50Ms = percentileNearestRank(sorted, 50) / 1000.0;
    summary.p90Ms = percentileNearestRank(sorted, 90) / 1000.0;
    summary.p99Ms = percentileNearestRank(sorted, 99) / 1000.0;
    summary.maxMs = m_maxMicros / 1000.0;
    summary.meanMs = m_count ? static_cast<double>(m_sumMicros) / m_count / 1000.0 : 0.0;
    return summary;
}

std::string jsonTypeOf(std::string_view line)
{
    constexpr std::string_view key = "\"type\"";
    std::size_t at = line.find(key);
    while (at != std::string_view::npos) {
        std::size_t i = at + key.size();
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        if (i < line.size() && line[i] == ':') {
            ++i;
            while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
                ++i;
            if (i < line.size() && line[i] == '"') {
                const std::size_t end = line.find('"', i + 1);
                if (end != std::string_view::npos)
                    return std::string(line.substr(i + 1, end - i - 1));
            }
            return {};
        }
        at = line.find(key, at + 1);
    }
    return {};
}

std::string jsonEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 8);
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (byte < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", byte);
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    return out;
}

namespace {

std::string number(double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.3f", std::isfinite(value) ? value : 0.0);
    return buffer;
}

} // namespace

std::string reportJson(const BenchReport& r)
{
    std::string json = "{";
    auto field = [&json](const char* name, const std::string& value, bool quoted = false) {
        if (json.size() > 1)
            json += ',';
        json += '"';
        json += name;
        json += "\":";
        json += quoted ? '"' + jsonEscape(value) + '"' : value;
    };
    field("mode", r.mode, true);
    field("framing", r.framing, true);
    field("connections", std::to_string(r.connectionsRequested));
    field("connected", std::to_string(r.connected));
    field("connect_failed", std::to_string(r.connectFailed));
    field("answered", std::to_string(r.answered));
    field("still_open", std::to_string(r.stillOpen));
    field("closed_by_server", std::to_string(r.closedByServer));
    field("replies", std::to_string(r.replies));
    field("errors", std::to_string(r.errors));
    field("lost", std::to_string(r.lost));
    field("late", std::to_string(r.late));
    field("duration_s", number(r.durationSeconds));
    field("connect_s", number(r.connectSeconds));
    field("replies_per_s", number(r.repliesPerSecond()));
    field("latency_samples", std::to_string(r.latency.count));
    field("p50_ms", number(r.latency.p50Ms));
    field("p90_ms", number(r.latency.p90Ms));
    field("p99_ms", number(r.latency.p99Ms));
    field("max_ms", number(r.latency.maxMs));
    field("mean_ms", number(r.latency.meanMs));
    json += '}';
    return json;
}

std::string reportText(const BenchReport& r)
{
    char buffer[1024];
    std::string text;
    std::snprintf(buffer, sizeof buffer,
                  "chorus-bench %s, framing %s\n"
                  "  connections  %d requested, %llu connected, %llu failed to connect "
                  "(%.2f s to connect)\n",
                  r.mode.c_str(), r.framing.c_str(), r.connectionsRequested,
                  static_cast<unsigned long long>(r.connected),
                  static_cast<unsigned long long>(r.connectFailed), r.connectSeconds);
    text += buffer;
    if (r.mode == "hold") {
        std::snprintf(buffer, sizeof buffer,
                      "  hold         %llu answered, %llu still open, %llu closed by server "
                      "after %.2f s\n",
                      static_cast<unsigned long long>(r.answered),
                      static_cast<unsigned long long>(r.stillOpen),
                      static_cast<unsigned long long>(r.closedByServer), r.durationSeconds);
        text += buffer;
    }
    std::snprintf(buffer, sizeof buffer,
                  "  replies      %llu in %.2f s = %.0f replies/s, %llu errors\n"
                  "  latency ms   p50 %.3f  p90 %.3f  p99 %.3f  max %.3f  (%s, %llu samples)\n",
                  static_cast<unsigned long long>(r.replies), r.durationSeconds,
                  r.repliesPerSecond(), static_cast<unsigned long long>(r.errors), r.latency.p50Ms,
                  r.latency.p90Ms, r.latency.p99Ms, r.latency.maxMs,
                  r.mode == "hold" ? "first reply" : "per request",
                  static_cast<unsigned long long>(r.latency.count));
    text += buffer;
    return text;
}

} // namespace chorus::bench
