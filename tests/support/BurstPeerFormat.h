#pragma once

// The console format of both burst clients (the reference client.py's, in
// UTF-8), shared by chorus-burst-peer and the tests that read its output.

namespace chorus::testing {

// Before each reply, one reply per line.
inline constexpr char kBurstClientReplyPrefix[] = "서버 응답: ";
// The last line after the user typed "exit".
inline constexpr char kBurstClientFarewell[] = "클라이언트를 종료합니다.";

} // namespace chorus::testing
