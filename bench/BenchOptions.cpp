#include "BenchOptions.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace chorus::bench {

namespace {

template <typename T> std::optional<T> parseInteger(std::string_view text)
{
    T value{};
    const char* first = text.data();
    const char* last = text.data() + text.size();
    if (text.empty() || text.front() == '-' || text.front() == '+')
        return std::nullopt;
    auto [ptr, ec] = std::from_chars(first, last, value);
    if (ec != std::errc() || ptr != last)
        return std::nullopt;
    return value;
}

std::optional<double> parseSeconds(const std::string& text)
{
    if (text.empty() || text.front() == '-' || text.front() == '+')
        return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace

std::optional<std::string> loopbackAddressFor(std::string_view host)
{
    if (host == "127.0.0.1" || host == "localhost")
        return std::string("127.0.0.1");
    if (host == "::1" || host == "[::1]")
        return std::string("::1");
    return std::nullopt;
}

const char* modeName(Mode mode)
{
    switch (mode) {
    case Mode::Hold:
        return "hold";
    case Mode::Udp:
        return "udp";
    case Mode::ClosedLoop:
        break;
    }
    return "closed-loop";
}

const char* framingName(WireFraming framing)
{
    switch (framing) {
    case WireFraming::Lf:
        return "lf";
    case WireFraming::None:
        return "none";
    case WireFraming::Chorus:
        return "chorus";
    case WireFraming::U16Be:
        return "u16be";
    case WireFraming::Delim03:
        return "delim03";
    }
    return "?";
}

std::string makePayload(WireFraming framing, std::size_t size)
{
    std::string payload(size, '\0');
    for (std::size_t i = 0; i < size; ++i) {
        unsigned byte;
        switch (framing) {
        case WireFraming::U16Be:
            byte = i % 0x100;
            break;
        case WireFraming::Delim03:
            byte = 0x04 + i % (0x100 - 0x04);
            break;
        default:
            byte = 0x20 + i % (0x7F - 0x20);
            break;
        }
        payload[i] = static_cast<char>(byte);
    }
    return payload;
}

std::string benchUsage()
{
    return "usage: chorus-bench --port N [options]\n"
           "Load generator for chorus-server and the reference servers (loopback only).\n"
           "  --host H            127.0.0.1 (default), ::1 or localhost; nothing else\n"
           "  --port N            server port (required)\n"
           "  --connections C     concurrent connections, 1..20000 (default 1)\n"
           "  --mode M            closed-loop (default): send, wait for the reply, repeat\n"
           "                      hold: one message each, then keep every connection open\n"
           "                      udp: closed loop over UDP, C sockets, one datagram each\n"
           "                      (lf framing: the payload and LF; else the payload)\n"
           "  --udp-timeout MS    udp: a reply later than this counts lost (default 1000)\n"
           "  --duration D        seconds, 0.1..600 (default 5); in hold mode counted once\n"
           "                      every connection has been attempted\n"
           "  --messages N        stop after N replies in total (default: no cap)\n"
           "  --framing F         lf (default): LF-terminated lines, a reply is one line\n"
           "                      none: no terminator, like client.py; any bytes that arrive\n"
           "                      are the reply (the reference server writes each reply\n"
           "                      once, without terminator)\n"
           "                      chorus: JSON lines, hello/welcome then msg/reply\n"
           "                      u16be: 2-byte big-endian length, then the payload; a reply\n"
           "                      is read the same way (chorus-server --framing u16be)\n"
           "                      delim03: the payload, then byte 0x03; a reply ends at the\n"
           "                      next 0x03 (chorus-server --framing delimiter:03)\n"
           "  --payload TEXT      message text (default: Korean UTF-8 \"드론 상태 보고 #123\")\n"
           "  --payload-size N    instead of --payload: N bytes, 1..61440 (1..1024 with none);\n"
           "                      u16be: bytes 00..FF in turn; delim03: 04..FF in turn (never\n"
           "                      03); lf, none, chorus: printable ASCII\n"
           "  --connect-rate R    new connections per second (default 2000)\n"
           "  --connect-retries N retries per connection on refusal/timeout (default 5)\n"
           "  --connect-timeout S seconds before a pending connect is retried (default 10)\n"
           "  --threads T         event-loop threads, 1..16 (default 1)\n"
           "  --json              print only the final RESULT line\n"
           "  --help              this text\n"
           "The last line of output is always \"RESULT {json}\".\n";
}

ParsedOptions parseBenchOptions(const std::vector<std::string>& args)
{
    ParsedOptions result;
    BenchOptions options;
    bool portGiven = false;
    bool payloadGiven = false;

    auto fail = [&result](std::string message) {
        result.error = std::move(message);
        result.options.reset();
        return result;
    };

    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string name = args[i];
        std::optional<std::string> inlineValue;
        if (name.rfind("--", 0) == 0) {
            const auto eq = name.find('=');
            if (eq != std::string::npos) {
                inlineValue = name.substr(eq + 1);
                name = name.substr(0, eq);
            }
        }
        if (name == "--help" || name == "-h") {
            result.helpRequested = true;
            return result;
        }
        if (name == "--json") {
            options.json = true;
            continue;
        }
        static const char* const withValue[] = {
            "--host",         "--port",         "--connections",     "--mode",
            "--duration",     "--messages",     "--framing",         "--payload",
            "--payload-size", "--connect-rate", "--connect-retries", "--connect-timeout",
            "--threads",      "--udp-timeout"};
        bool known = false;
        for (const char* candidate : withValue)
            known = known || name == candidate;
        if (!known)
            return fail("unknown option: " + args[i]);
        std::string value;
        if (inlineValue) {
            value = *inlineValue;
        } else {
            if (i + 1 >= args.size())
                return fail("missing value for " + name);
            value = args[++i];
        }

        if (name == "--host") {
            const auto address = loopbackAddressFor(value);
            if (!address)
                return fail("refusing host \"" + value +
                            "\": chorus-bench only talks to 127.0.0.1, ::1 or localhost");
            options.host = value;
            options.address = *address;
            options.ipv6 = *address == "::1";
        } else if (name == "--port") {
            const auto port = parseInteger<unsigned>(value);
            if (!port || *port == 0 || *port > 65535)
                return fail("invalid --port \"" + value + "\": expected 1..65535");
            options.port = static_cast<std::uint16_t>(*port);
            portGiven = true;
        } else if (name == "--connections") {
            const auto count = parseInteger<int>(value);
            if (!count || *count < 1 || *count > kMaxConnections)
                return fail("invalid --connections \"" + value + "\": expected 1.." +
                            std::to_string(kMaxConnections));
            options.connections = *count;
        } else if (name == "--mode") {
            if (value == "closed-loop" || value == "closed")
                options.mode = Mode::ClosedLoop;
            else if (value == "hold")
                options.mode = Mode::Hold;
            else if (value == "udp")
                options.mode = Mode::Udp;
            else
                return fail("invalid --mode \"" + value + "\": expected closed-loop, hold or udp");
        } else if (name == "--udp-timeout") {
            const auto seconds = parseSeconds(value);
            if (!seconds || *seconds < 1 || *seconds > 60000)
                return fail("invalid --udp-timeout \"" + value + "\": expected 1..60000 ms");
            options.udpTimeoutMs = *seconds;
        } else if (name == "--duration") {
            const auto seconds = parseSeconds(value);
            if (!seconds || *seconds < 0.1 || *seconds > kMaxDurationSeconds)
                return fail("invalid --duration \"" + value + "\": expected 0.1..600 seconds");
            options.durationSeconds = *seconds;
        } else if (name == "--messages") {
            const auto count = parseInteger<std::uint64_t>(value);
            if (!count || *count == 0)
                return fail("invalid --messages \"" + value + "\": expected a positive count");
            options.maxMessages = *count;
        } else if (name == "--framing") {
            if (value == "lf" || value == "line")
                options.framing = WireFraming::Lf;
            else if (value == "none" || value == "raw")
                options.framing = WireFraming::None;
            else if (value == "chorus" || value == "json")
                options.framing = WireFraming::Chorus;
            else if (value == "u16be")
                options.framing = WireFraming::U16Be;
            else if (value == "delim03" || value == "delimiter:03")
                options.framing = WireFraming::Delim03;
            else
                return fail("invalid --framing \"" + value +
                            "\": expected lf, none, chorus, u16be or delim03");
        } else if (name == "--payload") {
            options.payload = value;
            payloadGiven = true;
        } else if (name == "--payload-size") {
            const auto size = parseInteger<std::size_t>(value);
            if (!size || *size == 0 || *size > kMaxPayloadBytes)
                return fail("invalid --payload-size \"" + value + "\": expected 1.." +
                            std::to_string(kMaxPayloadBytes) + " bytes");
            options.payloadSize = *size;
        } else if (name == "--connect-rate") {
            const auto rate = parseInteger<int>(value);
            if (!rate || *rate < 1 || *rate > kMaxConnectRate)
                return fail("invalid --connect-rate \"" + value + "\": expected 1.." +
                            std::to_string(kMaxConnectRate) + " per second");
            options.connectRate = *rate;
        } else if (name == "--connect-retries") {
            const auto retries = parseInteger<int>(value);
            if (!retries || *retries > 100)
                return fail("invalid --connect-retries \"" + value + "\": expected 0..100");
            options.connectRetries = *retries;
        } else if (name == "--connect-timeout") {
            const auto seconds = parseSeconds(value);
            if (!seconds || *seconds < 0.1 || *seconds > 120)
                return fail("invalid --connect-timeout \"" + value +
                            "\": expected 0.1..120 seconds");
            options.connectTimeoutSeconds = *seconds;
        } else if (name == "--threads") {
            const auto threads = parseInteger<int>(value);
            if (!threads || *threads < 1 || *threads > kMaxThreads)
                return fail("invalid --threads \"" + value + "\": expected 1.." +
                            std::to_string(kMaxThreads));
            options.threads = *threads;
        }
    }

    if (!portGiven)
        return fail("missing --port");
    if (payloadGiven && options.payloadSize)
        return fail("--payload and --payload-size: give one of them, not both");
    // After the loop: the bytes depend on --framing, wherever it was given.
    if (options.payloadSize)
        options.payload = makePayload(options.framing, options.payloadSize);
    if (options.payload.empty())
        return fail("--payload must not be empty");
    const bool lineFraming =
        options.framing == WireFraming::Lf || options.framing == WireFraming::Chorus;
    if (lineFraming && (options.payload.find('\n') != std::string::npos ||
                        options.payload.find('\r') != std::string::npos))
        return fail("--payload must not contain line breaks with lf or chorus framing");
    if (options.framing == WireFraming::Delim03 &&
        options.payload.find('\x03') != std::string::npos)
        return fail("--payload must not contain byte 0x03 with delim03 framing");
    const std::size_t limit =
        options.framing == WireFraming::None ? kMaxPayloadBytesNone : kMaxPayloadBytes;
    if (options.payload.size() > limit)
        return fail("--payload is " + std::to_string(options.payload.size()) +
                    " bytes; the limit for this framing is " + std::to_string(limit));
    if (options.threads > options.connections)
        options.threads = options.connections;
    result.options = options;
    return result;
}

} // namespace chorus::bench
