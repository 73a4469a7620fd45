#pragma once

// The bytes chorus-bench puts on the wire for one request, and where a reply
// ends, for the framings that are not JSON lines. Plain C++17, no Qt.
//
//   lf       payload 0A                 a reply ends at the next 0A
//   none     payload                    a reply is whatever one read returns
//   u16be    LL LL payload              LL LL: the payload's length, big endian;
//                                       a reply is LL LL and that many bytes
//   delim03  payload 03                 a reply ends at the next 03
//
// The binary framings match chorus-server's "--framing u16be" and
// "--framing delimiter:03" (docs/PROTOCOL.md) and epoll_ref_server's
// "--framing u16be|delim03".

#include "BenchOptions.h"

#include <string>
#include <string_view>

namespace chorus::bench {

inline constexpr char kDelimiter03 = '\x03';
inline constexpr std::size_t kU16HeaderBytes = 2;

// One request as sent. Not for chorus framing (its requests carry a sequence
// number and are built per message).
std::string requestBytes(WireFraming framing, std::string_view payload);

// u16be and delim03: how many bytes at the front of `received` make one
// complete reply (header or delimiter included); 0 while it is incomplete.
std::size_t completeReplyBytes(WireFraming framing, std::string_view received);

} // namespace chorus::bench
