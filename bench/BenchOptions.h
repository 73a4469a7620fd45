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

// Udp: closed loop over UDP datagrams (BenchUdp.h): one socket per "connection".
enum class Mode { ClosedLoop, Hold, Udp };
// Lf, None and Chorus carry text; U16Be (2-byte big-endian length, then the
// payload) and Delim03 (payload, then byte 0x03) are the binary device
// framings of issue 9 (chorus-server's "--framing u16be" and
// "--framing delimiter:03").
enum class WireFraming { Lf, None, Chorus, U16Be, Delim03 };

inline constexpr int kMaxConnections = 20000;
inline constexpr double kMaxDurationSeconds = 600.0;
inline constexpr int kMaxThreads = 16;
inline constexpr int kMaxConnectRate = 100000;
// The reference server reads 1024 bytes at a time and answers each read, so a
// longer payload in "none" framing would be answered more than once.
inline constexpr std::size_t kMaxPayloadBytesNone = 1024;
inline constexpr std::size_t kMaxPayloadBytes = 60 * 1024;
// A u16be header must be able to say how long the payload is.
static_assert(kMaxPayloadBytes <= 0xFFFF, "u16be payloads must fit a 16-bit length");

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
    std::size_t payloadSize = 0; // --payload-size: payload made of this many bytes; 0: --payload
    int connectRate = 2000;      // new connections per second
    int connectRetries = 5;      // per connection, on ECONNREFUSED / EAGAIN / timeout
    double connectTimeoutSeconds = 10.0;
    int threads = 1;
    bool json = false;          // machine-readable line only
    double udpTimeoutMs = 1000; // --mode udp: a reply later than this is lost
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

// The payload --payload-size makes: `size` bytes that are valid in `framing`.
// u16be: the byte values 00..FF in turn (any byte is fine after a length);
// delim03: 04..FF in turn (never the 03 delimiter, but LF, CR and other
// control bytes, so a server that splits lines shows up); the text framings:
// printable ASCII 20..7E in turn.
std::string makePayload(WireFraming framing, std::size_t size);

} // namespace chorus::bench
