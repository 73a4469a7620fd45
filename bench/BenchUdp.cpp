#include "BenchUdp.h"

#include "BenchFraming.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <vector>

namespace chorus::bench {

namespace {

std::int64_t monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

struct UdpPeer
{
    int fd = -1;
    std::int64_t sentNs = 0;
    bool waiting = false;
};

} // namespace

bool runUdpClosedLoop(const BenchOptions& options, const volatile std::sig_atomic_t& interrupted,
                      BenchReport* report, std::string* error)
{
    sockaddr_storage server{};
    socklen_t serverLength = 0;
    if (options.ipv6) {
        auto* a = reinterpret_cast<sockaddr_in6*>(&server);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(options.port);
        inet_pton(AF_INET6, options.address.c_str(), &a->sin6_addr);
        serverLength = sizeof *a;
    } else {
        auto* a = reinterpret_cast<sockaddr_in*>(&server);
        a->sin_family = AF_INET;
        a->sin_port = htons(options.port);
        inet_pton(AF_INET, options.address.c_str(), &a->sin_addr);
        serverLength = sizeof *a;
    }
    // The datagram: the payload, with LF in the LF framing (the server strips
    // it and ends its reply the same way).
    std::string datagram = options.payloadSize > 0
                               ? makePayload(WireFraming::None, options.payloadSize)
                               : options.payload;
    if (options.framing == WireFraming::Lf)
        datagram += '\n';

    const int epoll = ::epoll_create1(EPOLL_CLOEXEC);
    std::vector<UdpPeer> peers(std::size_t(options.connections));
    for (std::size_t i = 0; i < peers.size(); ++i) {
        const int fd = ::socket(server.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0 ||
            ::connect(fd, reinterpret_cast<const sockaddr*>(&server), serverLength) != 0) {
            *error = std::string("UDP socket: ") + std::strerror(errno);
            for (const UdpPeer& p : peers)
                if (p.fd >= 0)
                    ::close(p.fd);
            if (fd >= 0)
                ::close(fd);
            ::close(epoll);
            return false;
        }
        peers[i].fd = fd;
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.u32 = std::uint32_t(i);
        ::epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event);
    }

    const std::int64_t timeoutNs = std::int64_t(options.udpTimeoutMs * 1e6);
    LatencyRecorder latency(8u << 20);
    std::uint64_t replies = 0;
    std::uint64_t lost = 0;
    std::uint64_t late = 0;
    std::uint64_t errors = 0;
    auto sendNext = [&](UdpPeer& p, std::int64_t now) {
        if (::send(p.fd, datagram.data(), datagram.size(), 0) < 0)
            ++errors; // ECONNREFUSED (port unreachable), ENOBUFS: retried after the timeout
        p.sentNs = now;
        p.waiting = true;
    };
    const std::int64_t startNs = monotonicNs();
    const std::int64_t endNs = startNs + std::int64_t(options.durationSeconds * 1e9);
    for (UdpPeer& p : peers)
        sendNext(p, startNs);

    constexpr int kMaxEvents = 512;
    epoll_event events[kMaxEvents];
    char buffer[65536];
    std::int64_t now = startNs;
    std::int64_t nextScanNs = startNs + timeoutNs;
    while (!interrupted && now < endNs) {
        const int waitMs = int(
            std::clamp<std::int64_t>((std::min(endNs, nextScanNs) - now) / 1000000 + 1, 1, 100));
        const int n = ::epoll_wait(epoll, events, kMaxEvents, waitMs);
        now = monotonicNs();
        for (int i = 0; i < n; ++i) {
            UdpPeer& p = peers[events[i].data.u32];
            for (;;) {
                const ssize_t got = ::recv(p.fd, buffer, sizeof buffer, 0);
                if (got < 0) {
                    if (errno != EAGAIN && errno != EWOULDBLOCK)
                        ++errors;
                    break;
                }
                if (!p.waiting) {
                    ++late; // after its timeout: already counted lost
                    continue;
                }
                if (p.sentNs >= startNs && now < endNs) {
                    ++replies;
                    latency.add(std::uint32_t(std::min<std::int64_t>(
                        (now - p.sentNs) / 1000, std::numeric_limits<std::uint32_t>::max())));
                }
                p.waiting = false;
                if (now < endNs)
                    sendNext(p, now);
            }
        }
        if (now >= nextScanNs) {
            for (UdpPeer& p : peers) {
                if (p.waiting && now - p.sentNs >= timeoutNs) {
                    ++lost;
                    sendNext(p, now);
                }
            }
            nextScanNs = now + std::max<std::int64_t>(timeoutNs / 4, 1000000);
        }
    }
    const std::int64_t stopNs = std::min(now, endNs);
    for (const UdpPeer& p : peers)
        ::close(p.fd);
    ::close(epoll);

    report->mode = modeName(Mode::Udp);
    report->framing = framingName(options.framing);
    report->connectionsRequested = options.connections;
    report->connected = std::uint64_t(options.connections);
    report->replies = replies;
    report->lost = lost;
    report->late = late;
    report->errors = errors;
    report->durationSeconds = double(stopNs - startNs) / 1e9;
    report->latency = latency.summarize();
    return true;
}

} // namespace chorus::bench
