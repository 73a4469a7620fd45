#include "BenchFraming.h"

namespace chorus::bench {

std::string requestBytes(WireFraming framing, std::string_view payload)
{
    std::string bytes;
    switch (framing) {
    case WireFraming::Lf:
        bytes.reserve(payload.size() + 1);
        bytes.append(payload);
        bytes += '\n';
        break;
    case WireFraming::U16Be:
        // BenchOptions keeps payloads under 64 KiB, so the length always fits.
        bytes.reserve(kU16HeaderBytes + payload.size());
        bytes += static_cast<char>((payload.size() >> 8) & 0xFF);
        bytes += static_cast<char>(payload.size() & 0xFF);
        bytes.append(payload);
        break;
    case WireFraming::Delim03:
        bytes.reserve(payload.size() + 1);
        bytes.append(payload);
        bytes += kDelimiter03;
        break;
    case WireFraming::None:
    case WireFraming::Chorus:
        bytes.assign(payload);
        break;
    }
    return bytes;
}

std::size_t completeReplyBytes(WireFraming framing, std::string_view received)
{
    if (framing == WireFraming::U16Be) {
        if (received.size() < kU16HeaderBytes)
            return 0;
        const std::size_t length =
            static_cast<std::size_t>((static_cast<unsigned char>(received[0]) << 8) |
                                     static_cast<unsigned char>(received[1]));
        return received.size() >= kU16HeaderBytes + length ? kU16HeaderBytes + length : 0;
    }
    if (framing == WireFraming::Delim03) {
        const std::size_t end = received.find(kDelimiter03);
        return end == std::string_view::npos ? 0 : end + 1;
    }
    return 0;
}

} // namespace chorus::bench
