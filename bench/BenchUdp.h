#pragma once

// chorus-bench --mode udp: closed loop over UDP. Each of C sockets sends one
// datagram and waits for its reply; a reply that does not come within
// --udp-timeout counts as lost and the socket sends its next datagram.

#include "BenchOptions.h"
#include "BenchStats.h"

#include <csignal>

namespace chorus::bench {

// Fills the report (mode "udp"; lost in report.lost); false and *error on a setup failure.
bool runUdpClosedLoop(const BenchOptions& options, const volatile std::sig_atomic_t& interrupted,
                      BenchReport* report, std::string* error);

} // namespace chorus::bench
