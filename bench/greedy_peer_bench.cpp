// chorus-greedy-bench: one greedy peer and N normal peers against one server
// (issue 11, fairness). The greedy peer pipelines tiny lines ("g\n") as fast
// as the server takes them while reading its replies; the normal peers run
// closed loop (one line, wait for the reply, the next). Reported: the normal
// peers' round-trip percentiles and the greedy peer's replies per second.
// Run the server with --io-threads 1 so every peer shares one event loop.
//
//   chorus-greedy-bench --port P [--normal 20] [--duration 5] [--warmup 1]
//
// Prints one line "RESULT {json}". Loopback (127.0.0.1) only; plain epoll,
// one thread, no Qt.

#include "BenchStats.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace chorus::bench;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kMaxNormalPeers = 1000;
constexpr double kMaxSeconds = 600;

struct Peer
{
    int fd = -1;
    bool greedy = false;
    Clock::time_point sentAt;
    bool waiting = false;
    std::uint64_t replies = 0;
};

int connectLoopback(std::uint16_t port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    return fd;
}

bool sendAll(int fd, const char* data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= std::size_t(n);
    }
    return true;
}

void usage()
{
    std::printf("usage: chorus-greedy-bench --port P [--normal N] [--duration S] [--warmup S]\n");
}

} // namespace

int main(int argc, char** argv)
{
    std::uint16_t port = 0;
    int normalPeers = 20;
    double duration = 5;
    double warmup = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
        if (arg == "-h" || arg == "--help") {
            usage();
            return 0;
        }
        if (!value) {
            usage();
            return 2;
        }
        if (arg == "--port")
            port = std::uint16_t(std::atoi(value));
        else if (arg == "--normal")
            normalPeers = std::atoi(value);
        else if (arg == "--duration")
            duration = std::atof(value);
        else if (arg == "--warmup")
            warmup = std::atof(value);
        else {
            usage();
            return 2;
        }
        ++i;
    }
    if (port == 0 || normalPeers < 1 || normalPeers > kMaxNormalPeers || duration <= 0 ||
        duration > kMaxSeconds || warmup < 0 || warmup > kMaxSeconds) {
        usage();
        return 2;
    }

    const int epoll = ::epoll_create1(0);
    std::vector<Peer> peers(std::size_t(normalPeers) + 1);
    peers[0].greedy = true;
    for (std::size_t i = 0; i < peers.size(); ++i) {
        peers[i].fd = connectLoopback(port);
        if (peers[i].fd < 0) {
            std::fprintf(stderr, "chorus-greedy-bench: cannot connect to 127.0.0.1:%u: %s\n",
                         unsigned(port), std::strerror(errno));
            return 1;
        }
        epoll_event event{};
        event.events = EPOLLIN | (peers[i].greedy ? EPOLLOUT : 0u);
        event.data.u64 = i;
        ::epoll_ctl(epoll, EPOLL_CTL_ADD, peers[i].fd, &event);
    }

    std::string block;
    for (int i = 0; i < 32 * 1024; ++i)
        block += "g\n";
    std::size_t blockOffset = 0;
    LatencyRecorder latencies;
    const Clock::time_point start = Clock::now();
    const Clock::time_point measureFrom =
        start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(warmup));
    const Clock::time_point end = measureFrom + std::chrono::duration_cast<Clock::duration>(
                                                    std::chrono::duration<double>(duration));
    bool normalStarted = false;
    bool measuring = false;
    std::uint64_t greedyAtStart = 0;
    std::uint64_t normalAtStart = 0;
    std::uint64_t normalReplies = 0;
    std::uint64_t errors = 0;
    char buffer[64 * 1024];
    epoll_event events[256];
    while (true) {
        const Clock::time_point now = Clock::now();
        if (now >= end)
            break;
        // The normal peers start once the greedy one is in full swing.
        if (!normalStarted && now >= start + (measureFrom - start) / 2) {
            normalStarted = true;
            for (Peer& peer : peers) {
                if (peer.greedy)
                    continue;
                peer.sentAt = Clock::now();
                peer.waiting = sendAll(peer.fd, "n\n", 2);
            }
        }
        if (!measuring && now >= measureFrom) {
            measuring = true;
            greedyAtStart = peers[0].replies;
            normalAtStart = normalReplies;
        }
        const int n = ::epoll_wait(epoll, events, 256, 10);
        for (int e = 0; e < n; ++e) {
            Peer& peer = peers[events[e].data.u64];
            if (peer.greedy && (events[e].events & EPOLLOUT)) {
                while (true) {
                    const ssize_t sent = ::send(peer.fd, block.data() + blockOffset,
                                                block.size() - blockOffset, MSG_NOSIGNAL);
                    if (sent <= 0)
                        break;
                    blockOffset = (blockOffset + std::size_t(sent)) % block.size();
                }
            }
            if (!(events[e].events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
                continue;
            const ssize_t got = ::recv(peer.fd, buffer, sizeof buffer, 0);
            if (got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR)) {
                ++errors;
                ::epoll_ctl(epoll, EPOLL_CTL_DEL, peer.fd, nullptr);
                continue;
            }
            if (got < 0)
                continue;
            const auto lines = std::uint64_t(std::count(buffer, buffer + got, '\n'));
            peer.replies += lines;
            if (peer.greedy || lines == 0 || !peer.waiting)
                continue;
            const Clock::time_point replied = Clock::now();
            normalReplies += lines;
            if (measuring)
                latencies.add(std::uint32_t(
                    std::chrono::duration_cast<std::chrono::microseconds>(replied - peer.sentAt)
                        .count()));
            peer.sentAt = replied;
            peer.waiting = sendAll(peer.fd, "n\n", 2);
        }
    }
    const LatencySummary summary = latencies.summarize();
    std::printf("RESULT {\"mode\":\"greedy\",\"normal_peers\":%d,\"duration_s\":%.3f,"
                "\"greedy_replies_per_s\":%.0f,\"normal_replies_per_s\":%.0f,"
                "\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,"
                "\"samples\":%llu,\"errors\":%llu}\n",
                normalPeers, duration, double(peers[0].replies - greedyAtStart) / duration,
                double(normalReplies - normalAtStart) / duration, summary.p50Ms, summary.p90Ms,
                summary.p99Ms, summary.maxMs, static_cast<unsigned long long>(summary.count),
                static_cast<unsigned long long>(errors));
    for (Peer& peer : peers)
        ::close(peer.fd);
    ::close(epoll);
    return errors == 0 ? 0 : 1;
}
