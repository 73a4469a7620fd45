#pragma once

// Command-line options of chorus-bench, parsed without Qt so the load
// generator stays a lean epoll program. Every limit is enforced here: the
// bench must never be able to flood anything but this machine's loopback.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chorus::bench {

enum class Mode { ClosedLoop, Hold };
enum class WireFraming { Lf, None, Chorus };

inline constexpr int kMaxConnections = 20000;
inline constexpr double kMaxDurationSeconds = 600.0;
inline constexpr int kMaxThreads = 16;
inline constexpr int kMaxConnectRate = 100000;
// The reference server reads 1024 bytes at a time and answers each read, so a
// longer payload in "none" framing would be answered more than once.
inline constexpr std::size_t kMaxPayloadBytesNone = 1024;
inline constexpr std::size_t kMaxPayloadBytes = 60 * 1024;

struct BenchOptions
{
    std::string host = "127.0.0.1";    // as typed
    std::string address = "127.0.0.1"; // numeric loopback address to connect to
    bool ipv6 = false;
    std::uint16_t port = 0;
    int connections = 1;
    Mode mode = Mode::ClosedLoop;
    double durationSeconds = 5.0;
    std::uint64_t maxMessages = 0; // 0: no cap
    WireFraming framing = WireFraming::Lf;
    std::string payload = "드론 상태 보고 #123";
    int connectRate = 2000; // new connections per second
    int connectRetries = 5; // per connection, on ECONNREFUSED / EAGAIN / timeout
    double connectTimeoutSeconds = 10.0;
    int threads = 1;
    bool json = false; // machine-readable line only
};

struct ParsedOptions
{
    std::optional<BenchOptions> options; // empty on error or --help
    std::string error;                   // why parsing failed
    bool helpRequested = false;
};

// args excludes argv[0]. Accepts "--name value" and "--name=value".
ParsedOptions parseBenchOptions(const std::vector<std::string>& args);
std::string benchUsage();

// "127.0.0.1", "::1" and "localhost" only; returns the numeric address, or
// nothing for any other host.
std::optional<std::string> loopbackAddressFor(std::string_view host);

const char* modeName(Mode mode);
const char* framingName(WireFraming framing);

} // namespace chorus::bench
