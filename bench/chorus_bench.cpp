// chorus-bench: a lean epoll load generator for chorus-server and the
// reference servers. Loopback only; every loop ends by deadline or count.
//
// Each thread owns an epoll set and a slice of the connections, so the bench
// never shares a socket between threads and costs about one read and one
// write per request, which is what it takes to saturate a server on 2 cores.

#include "BenchFraming.h"
#include "BenchOptions.h"
#include "BenchStats.h"
#include "BenchUdp.h"

#include <arpa/inet.h>
#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace chorus::bench {
namespace {

constexpr std::chrono::milliseconds kRetryBackoff{100};
constexpr std::chrono::milliseconds kMaxPollWait{20};
constexpr std::chrono::seconds kConnectPhaseSlack{5};
constexpr std::size_t kMaxLineBytes = 1024 * 1024; // a reply longer than this is an error
constexpr std::size_t kReadChunk = 64 * 1024;
constexpr int kMaxEvents = 512;

volatile std::sig_atomic_t g_interrupted = 0;
extern "C" void onSignal(int)
{
    g_interrupted = 1;
}

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::int64_t toNs(double seconds)
{
    return static_cast<std::int64_t>(seconds * 1e9);
}

enum class ConnState : std::uint8_t { Pending, Connecting, Handshake, Active, Closed, Failed };

// How onReadable finds replies: decided once, so the LF path costs one test
// per read whatever other framings exist.
enum class ReadPath : std::uint8_t { Lines, WholeRead, Frames };

struct Connection
{
    int fd = -1;
    int number = 0; // global, for the chorus hello name
    ConnState state = ConnState::Pending;
    std::uint8_t attempts = 0;
    bool awaiting = false; // a request is outstanding
    bool answered = false;
    bool wantWrite = false;
    std::int64_t connectStartNs = 0;
    std::int64_t sentNs = 0;
    std::int64_t retryAtNs = 0;
    std::uint64_t seq = 0;
    std::string in;  // partial line
    std::string out; // bytes the socket did not take yet
};

struct Shared
{
    const BenchOptions* options = nullptr;
    std::int64_t startNs = 0;
    std::atomic<int> threadsConnected{0};
    std::atomic<std::int64_t> windowStartNs{0};
    std::atomic<std::uint64_t> totalReplies{0};
    std::atomic<bool> stop{false};
};

class Worker
{
public:
    Worker(Shared& shared, int id, int firstNumber, int count)
        : m_shared(shared), m_options(*shared.options), m_latency(8u << 20, 1234u + id)
    {
        m_connections.resize(static_cast<std::size_t>(count));
        for (int i = 0; i < count; ++i)
            m_connections[i].number = firstNumber + i;
        const double rate = std::max(1.0, static_cast<double>(m_options.connectRate) /
                                              std::max(1, m_options.threads));
        m_connectIntervalNs = static_cast<std::int64_t>(1e9 / rate);
        m_chorusPayload = jsonEscape(m_options.payload);
        m_request = requestBytes(m_options.framing, m_options.payload);
        switch (m_options.framing) {
        case WireFraming::Lf:
        case WireFraming::Chorus:
            m_readPath = ReadPath::Lines;
            break;
        case WireFraming::None:
            m_readPath = ReadPath::WholeRead;
            break;
        case WireFraming::U16Be:
        case WireFraming::Delim03:
            m_readPath = ReadPath::Frames;
            break;
        }
    }

    void run();

    BenchReport partial;
    LatencyRecorder& latency() { return m_latency; }
    std::int64_t endNs = 0;
    std::uint64_t handshakeFailures = 0;
    std::string fatal;

private:
    void launch(Connection& c, std::int64_t now);
    void scheduleRetry(Connection& c, std::int64_t now);
    void finishConnect(Connection& c, std::int64_t now);
    void onReadable(Connection& c, std::int64_t now);
    void onLine(Connection& c, std::string_view line, std::int64_t now);
    [[gnu::noinline]] bool onBinaryData(Connection& c, std::size_t n, std::int64_t now);
    void onReply(Connection& c, std::int64_t now);
    void sendRequest(Connection& c, std::int64_t now);
    void sendBytes(Connection& c, const std::string& bytes);
    void flush(Connection& c);
    void updateInterest(Connection& c);
    void closeConnection(Connection& c, ConnState state);
    void checkConnectPhase(std::int64_t now);
    bool counting(std::int64_t now) const
    {
        const std::int64_t start = m_shared.windowStartNs.load(std::memory_order_relaxed);
        return start != 0 && now >= start;
    }

    Shared& m_shared;
    const BenchOptions& m_options;
    int m_epoll = -1;
    std::vector<Connection> m_connections;
    std::vector<int> m_retryQueue;
    std::int64_t m_connectIntervalNs = 0;
    std::size_t m_nextLaunch = 0;
    int m_connecting = 0;
    int m_live = 0; // connected and not closed
    bool m_connectPhaseDone = false;
    std::int64_t m_connectDoneNs = 0;
    std::string m_chorusPayload;
    std::string m_request; // prebuilt lf/none/u16be/delim03 request bytes
    ReadPath m_readPath = ReadPath::Lines;
    LatencyRecorder m_latency;
    char m_readBuffer[kReadChunk];
};

void Worker::launch(Connection& c, std::int64_t now)
{
    const int family = m_options.ipv6 ? AF_INET6 : AF_INET;
    c.fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    ++c.attempts;
    c.connectStartNs = now;
    if (c.fd < 0) {
        scheduleRetry(c, now);
        return;
    }
    const int one = 1;
    ::setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    // An abortive close (RST) at the end keeps 10,000-connection runs from
    // leaving 10,000 client ports in TIME_WAIT for the next round.
    const linger abortive{1, 0};
    ::setsockopt(c.fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);

    int rc;
    if (m_options.ipv6) {
        sockaddr_in6 address{};
        address.sin6_family = AF_INET6;
        address.sin6_port = htons(m_options.port);
        address.sin6_addr = in6addr_loopback;
        rc = ::connect(c.fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    } else {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(m_options.port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        rc = ::connect(c.fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    }
    if (rc != 0 && errno != EINPROGRESS) {
        scheduleRetry(c, now); // ECONNREFUSED, EAGAIN, EADDRNOTAVAIL…
        return;
    }
    epoll_event event{};
    event.events = EPOLLOUT | EPOLLIN | EPOLLRDHUP;
    event.data.u32 = static_cast<std::uint32_t>(&c - m_connections.data());
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &event) != 0) {
        scheduleRetry(c, now);
        return;
    }
    c.state = ConnState::Connecting;
    ++m_connecting;
}

void Worker::scheduleRetry(Connection& c, std::int64_t now)
{
    if (c.fd >= 0) {
        ::close(c.fd);
        c.fd = -1;
    }
    if (c.state == ConnState::Connecting)
        --m_connecting;
    if (c.attempts > m_options.connectRetries) {
        c.state = ConnState::Failed;
        ++partial.connectFailed;
        ++partial.errors;
        return;
    }
    c.state = ConnState::Pending;
    c.retryAtNs = now + std::chrono::nanoseconds(kRetryBackoff).count() * c.attempts;
    m_retryQueue.push_back(static_cast<int>(&c - m_connections.data()));
}

void Worker::finishConnect(Connection& c, std::int64_t now)
{
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0 || error != 0) {
        scheduleRetry(c, now);
        return;
    }
    --m_connecting;
    ++m_live;
    ++partial.connected;
    c.state = m_options.framing == WireFraming::Chorus ? ConnState::Handshake : ConnState::Active;
    updateInterest(c);
    if (c.state == ConnState::Handshake) {
        sendBytes(c, "{\"type\":\"hello\",\"proto\":1,\"name\":\"bench-" +
                         std::to_string(c.number) + "\",\"app\":\"chorus-bench\"}\n");
    } else {
        sendRequest(c, now);
    }
}

void Worker::sendRequest(Connection& c, std::int64_t now)
{
    ++c.seq;
    c.awaiting = true;
    c.sentNs = now;
    if (m_options.framing == WireFraming::Chorus)
        sendBytes(c, "{\"type\":\"msg\",\"seq\":" + std::to_string(c.seq) + ",\"text\":\"" +
                         m_chorusPayload + "\"}\n");
    else
        sendBytes(c, m_request); // prebuilt for every other framing
}

void Worker::sendBytes(Connection& c, const std::string& bytes)
{
    if (c.out.empty() && c.fd >= 0) {
        // The common case: the socket takes the whole request at once, no copy.
        const ssize_t n = ::send(c.fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n == static_cast<ssize_t>(bytes.size()))
            return;
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            ++partial.errors;
            closeConnection(c, ConnState::Closed);
            return;
        }
        c.out.assign(bytes, n > 0 ? static_cast<std::size_t>(n) : 0, std::string::npos);
        flush(c);
        return;
    }
    c.out += bytes;
    flush(c);
}

void Worker::flush(Connection& c)
{
    while (!c.out.empty() && c.fd >= 0) {
        const ssize_t n = ::send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
        if (n > 0) {
            c.out.erase(0, static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (n < 0 && errno == EINTR)
            continue;
        ++partial.errors;
        closeConnection(c, ConnState::Closed);
        return;
    }
    if (c.fd >= 0 && c.wantWrite != !c.out.empty())
        updateInterest(c);
}

void Worker::updateInterest(Connection& c)
{
    c.wantWrite = !c.out.empty();
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP | (c.wantWrite ? EPOLLOUT : 0u);
    event.data.u32 = static_cast<std::uint32_t>(&c - m_connections.data());
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &event);
}

void Worker::closeConnection(Connection& c, ConnState state)
{
    if (c.fd >= 0) {
        ::close(c.fd); // closing removes it from the epoll set
        c.fd = -1;
    }
    if (c.state == ConnState::Active || c.state == ConnState::Handshake)
        --m_live;
    c.state = state;
    c.out.clear();
    c.in.clear();
}

void Worker::onReply(Connection& c, std::int64_t now)
{
    if (!c.awaiting)
        return; // unsolicited (a broadcast, a banner): not an answer to us
    c.awaiting = false;
    const auto micros =
        static_cast<std::uint32_t>(std::min<std::int64_t>((now - c.sentNs) / 1000, UINT32_MAX));
    if (!c.answered) {
        c.answered = true;
        ++partial.answered;
    }
    if (m_options.mode == Mode::Hold) {
        if (c.seq == 1) {
            ++partial.replies;
            m_latency.add(micros);
        }
        return;
    }
    if (counting(now)) {
        if (m_options.maxMessages) {
            // Claim a slot first: exact across threads and across the rest of
            // this epoll batch once the cap is reached.
            const auto total = m_shared.totalReplies.fetch_add(1, std::memory_order_relaxed) + 1;
            if (total > m_options.maxMessages) {
                m_shared.stop.store(true, std::memory_order_relaxed);
                return;
            }
            ++partial.replies;
            m_latency.add(micros);
            if (total == m_options.maxMessages) {
                m_shared.stop.store(true, std::memory_order_relaxed);
                return;
            }
        } else {
            ++partial.replies;
            m_latency.add(micros);
        }
    }
    sendRequest(c, now);
}

void Worker::onLine(Connection& c, std::string_view line, std::int64_t now)
{
    if (m_options.framing != WireFraming::Chorus) {
        onReply(c, now);
        return;
    }
    const std::string type = jsonTypeOf(line);
    if (c.state == ConnState::Handshake) {
        if (type == "welcome") {
            c.state = ConnState::Active;
            sendRequest(c, now);
        } else {
            // An error (e.g. server full) or a plain-text answer: this server
            // does not speak the chorus protocol to us; no point waiting.
            ++partial.errors;
            ++handshakeFailures;
            closeConnection(c, ConnState::Closed);
        }
        return;
    }
    if (type == "reply")
        onReply(c, now);
    else if (type == "error")
        ++partial.errors;
}

// u16be and delim03: the n bytes just read are appended and every complete
// reply is taken off the front. Kept out of onReadable so the LF path stays as
// it was. Returns false once the connection is closed.
bool Worker::onBinaryData(Connection& c, std::size_t n, std::int64_t now)
{
    c.in.append(m_readBuffer, n);
    std::size_t begin = 0;
    for (;;) {
        const std::size_t length =
            completeReplyBytes(m_options.framing, std::string_view(c.in).substr(begin));
        if (length == 0)
            break;
        begin += length;
        onReply(c, now);
        if (c.fd < 0)
            return false;
    }
    c.in.erase(0, begin);
    // u16be replies cannot exceed 64 KiB + 2; a delim03 reply can, so bound it.
    if (c.in.size() > kMaxLineBytes) {
        ++partial.errors;
        closeConnection(c, ConnState::Closed);
        return false;
    }
    return true;
}

void Worker::onReadable(Connection& c, std::int64_t now)
{
    // Level-triggered: a bounded number of reads per event keeps one busy
    // connection from starving the others; epoll reports the rest again.
    for (int round = 0; round < 4 && c.fd >= 0; ++round) {
        const ssize_t n = ::recv(c.fd, m_readBuffer, sizeof m_readBuffer, 0);
        if (n > 0) {
            if (m_readPath == ReadPath::Lines) {
                c.in.append(m_readBuffer, static_cast<std::size_t>(n));
                std::size_t begin = 0;
                for (std::size_t lf = c.in.find('\n'); lf != std::string::npos;
                     lf = c.in.find('\n', begin)) {
                    onLine(c, std::string_view(c.in).substr(begin, lf - begin), now);
                    begin = lf + 1;
                    if (c.fd < 0)
                        return;
                }
                c.in.erase(0, begin);
                if (c.in.size() > kMaxLineBytes) {
                    ++partial.errors;
                    closeConnection(c, ConnState::Closed);
                    return;
                }
            } else if (m_readPath == ReadPath::WholeRead) {
                // Like client.py: whatever one read returns is the reply.
                onReply(c, now);
            } else if (!onBinaryData(c, static_cast<std::size_t>(n), now)) {
                return;
            }
            if (static_cast<std::size_t>(n) < sizeof m_readBuffer)
                return;
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n < 0 && errno == EINTR)
            continue;
        // 0: closed by the server; <0: reset. Either way the peer is gone.
        ++partial.closedByServer;
        if (m_options.mode == Mode::ClosedLoop)
            ++partial.errors;
        closeConnection(c, ConnState::Closed);
        return;
    }
}

void Worker::checkConnectPhase(std::int64_t now)
{
    if (m_connectPhaseDone)
        return;
    const std::int64_t expected =
        m_connectIntervalNs * static_cast<std::int64_t>(m_connections.size());
    const std::int64_t limit =
        m_shared.startNs + expected +
        toNs(m_options.connectTimeoutSeconds) * (m_options.connectRetries + 1) +
        std::chrono::nanoseconds(kConnectPhaseSlack).count();
    const bool settled =
        m_nextLaunch >= m_connections.size() && m_connecting == 0 && m_retryQueue.empty();
    if (!settled && now < limit)
        return;
    if (!settled) {
        // Bounded: whatever has not connected by now has failed.
        for (auto& c : m_connections) {
            if (c.state == ConnState::Pending || c.state == ConnState::Connecting) {
                if (c.state == ConnState::Connecting)
                    --m_connecting;
                if (c.fd >= 0)
                    ::close(c.fd);
                c.fd = -1;
                c.state = ConnState::Failed;
                ++partial.connectFailed;
                ++partial.errors;
            }
        }
        m_retryQueue.clear();
        m_nextLaunch = m_connections.size();
    }
    m_connectPhaseDone = true;
    m_connectDoneNs = now;
    partial.connectSeconds = (now - m_shared.startNs) / 1e9;
    if (m_shared.threadsConnected.fetch_add(1) + 1 == m_options.threads)
        m_shared.windowStartNs.store(now);
}

void Worker::run()
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0) {
        fatal = std::string("epoll_create1: ") + std::strerror(errno);
        m_shared.threadsConnected.fetch_add(1);
        return;
    }
    const std::int64_t duration = toNs(m_options.durationSeconds);
    const std::int64_t connectTimeout = toNs(m_options.connectTimeoutSeconds);
    std::int64_t nextTimeoutScan = 0;
    epoll_event events[kMaxEvents];

    for (;;) {
        std::int64_t now = nowNs();
        if (g_interrupted || m_shared.stop.load(std::memory_order_relaxed))
            break;
        while (m_nextLaunch < m_connections.size() &&
               m_shared.startNs + m_connectIntervalNs * static_cast<std::int64_t>(m_nextLaunch) <=
                   now)
            launch(m_connections[m_nextLaunch++], now);
        if (!m_retryQueue.empty()) {
            std::vector<int> due;
            auto it = std::partition(m_retryQueue.begin(), m_retryQueue.end(),
                                     [&](int i) { return m_connections[i].retryAtNs > now; });
            due.assign(it, m_retryQueue.end());
            m_retryQueue.erase(it, m_retryQueue.end());
            for (int i : due)
                launch(m_connections[i], now);
        }
        if (m_connecting > 0 && now >= nextTimeoutScan) {
            nextTimeoutScan = now + 100'000'000;
            for (auto& c : m_connections)
                if (c.state == ConnState::Connecting && now - c.connectStartNs > connectTimeout)
                    scheduleRetry(c, now);
        }
        checkConnectPhase(now);

        const std::int64_t windowStart = m_shared.windowStartNs.load(std::memory_order_relaxed);
        if (windowStart != 0 && now >= windowStart + duration)
            break;
        if (m_connectPhaseDone && m_live == 0)
            break; // nothing left to measure here

        std::int64_t waitNs = std::chrono::nanoseconds(kMaxPollWait).count();
        if (m_nextLaunch < m_connections.size())
            waitNs = std::min<std::int64_t>(waitNs, m_connectIntervalNs);
        if (windowStart != 0)
            waitNs = std::min(waitNs, windowStart + duration - now);
        const int waitMs = static_cast<int>(std::max<std::int64_t>(0, waitNs / 1'000'000));

        const int n = ::epoll_wait(m_epoll, events, kMaxEvents, waitMs);
        if (n < 0 && errno != EINTR) {
            fatal = std::string("epoll_wait: ") + std::strerror(errno);
            break;
        }
        now = nowNs();
        for (int i = 0; i < n; ++i) {
            Connection& c = m_connections[events[i].data.u32];
            if (c.fd < 0)
                continue;
            const std::uint32_t what = events[i].events;
            if (c.state == ConnState::Connecting) {
                if (what & (EPOLLOUT | EPOLLERR | EPOLLHUP))
                    finishConnect(c, now);
                continue;
            }
            if (what & (EPOLLIN | EPOLLRDHUP | EPOLLERR | EPOLLHUP))
                onReadable(c, now);
            if (c.fd >= 0 && (what & EPOLLOUT))
                flush(c);
        }
    }

    endNs = nowNs();
    if (m_options.mode == Mode::Hold) {
        // Pick up closes that raced the deadline, then count who is still here.
        const int n = ::epoll_wait(m_epoll, events, kMaxEvents, 0);
        for (int i = 0; i < n; ++i) {
            Connection& c = m_connections[events[i].data.u32];
            if (c.fd >= 0 && c.state != ConnState::Connecting)
                onReadable(c, endNs);
        }
    }
    for (auto& c : m_connections) {
        if (c.state == ConnState::Active || c.state == ConnState::Handshake)
            ++partial.stillOpen;
        closeConnection(c, c.state == ConnState::Failed ? ConnState::Failed : ConnState::Closed);
    }
    // A thread that stopped before its connect phase ended must not hold the
    // others' measurement window hostage.
    if (!m_connectPhaseDone)
        m_shared.threadsConnected.fetch_add(1);
    ::close(m_epoll);
}

void raiseOpenFileLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

int run(const BenchOptions& options)
{
    raiseOpenFileLimit();
    rlimit limit{};
    ::getrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur != RLIM_INFINITY &&
        static_cast<rlim_t>(options.connections) + 32 > limit.rlim_cur) {
        std::fprintf(stderr,
                     "chorus-bench: %d connections need more descriptors than the open-file "
                     "limit allows (%llu); raise the hard limit (ulimit -Hn) or use fewer\n",
                     options.connections, static_cast<unsigned long long>(limit.rlim_cur));
        return 2;
    }

    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    if (options.mode == Mode::Udp) {
        BenchReport report;
        std::string error;
        if (!runUdpClosedLoop(options, g_interrupted, &report, &error)) {
            std::fprintf(stderr, "chorus-bench: %s\n", error.c_str());
            return 1;
        }
        if (!options.json)
            std::fputs(reportText(report).c_str(), stdout);
        std::printf("RESULT %s\n", reportJson(report).c_str());
        std::fflush(stdout);
        return report.replies == 0 ? 1 : 0;
    }

    Shared shared;
    shared.options = &options;
    shared.startNs = nowNs();
    std::vector<std::unique_ptr<Worker>> workers;
    int first = 0;
    for (int t = 0; t < options.threads; ++t) {
        const int count = options.connections / options.threads +
                          (t < options.connections % options.threads ? 1 : 0);
        workers.push_back(std::make_unique<Worker>(shared, t, first, count));
        first += count;
    }
    std::vector<std::thread> threads;
    for (std::size_t t = 1; t < workers.size(); ++t)
        threads.emplace_back([&workers, t] { workers[t]->run(); });
    workers[0]->run();
    for (auto& thread : threads)
        thread.join();

    BenchReport report;
    report.mode = modeName(options.mode);
    report.framing = framingName(options.framing);
    report.connectionsRequested = options.connections;
    LatencyRecorder latency(8u << 20);
    std::int64_t end = 0;
    std::string fatal;
    std::uint64_t handshakeFailures = 0;
    for (auto& worker : workers) {
        handshakeFailures += worker->handshakeFailures;
        const BenchReport& p = worker->partial;
        report.connected += p.connected;
        report.connectFailed += p.connectFailed;
        report.answered += p.answered;
        report.stillOpen += p.stillOpen;
        report.closedByServer += p.closedByServer;
        report.replies += p.replies;
        report.errors += p.errors;
        report.connectSeconds = std::max(report.connectSeconds, p.connectSeconds);
        latency.merge(worker->latency());
        end = std::max(end, worker->endNs);
        if (fatal.empty())
            fatal = worker->fatal;
    }
    const std::int64_t windowStart = shared.windowStartNs.load();
    report.durationSeconds =
        windowStart ? std::min(options.durationSeconds, (end - windowStart) / 1e9) : 0.0;
    report.latency = latency.summarize();

    if (!fatal.empty())
        std::fprintf(stderr, "chorus-bench: %s\n", fatal.c_str());
    if (handshakeFailures)
        std::fprintf(stderr,
                     "chorus-bench: %llu connection(s) got something other than a welcome in "
                     "answer to the chorus hello; does the server speak the chorus protocol?\n",
                     static_cast<unsigned long long>(handshakeFailures));
    if (g_interrupted)
        std::fprintf(stderr, "chorus-bench: interrupted; figures cover the run so far\n");
    if (!options.json)
        std::fputs(reportText(report).c_str(), stdout);
    std::printf("RESULT %s\n", reportJson(report).c_str());
    std::fflush(stdout);
    if (!fatal.empty())
        return 1;
    return report.connected == 0 ? 1 : 0;
}

} // namespace
} // namespace chorus::bench

int main(int argc, char** argv)
{
    using namespace chorus::bench;
    const std::vector<std::string> args(argv + 1, argv + argc);
    const ParsedOptions parsed = parseBenchOptions(args);
    if (parsed.helpRequested) {
        std::fputs(benchUsage().c_str(), stdout);
        return 0;
    }
    if (!parsed.options) {
        std::fprintf(stderr, "chorus-bench: %s\n(see chorus-bench --help)\n", parsed.error.c_str());
        return 2;
    }
    return run(*parsed.options);
}
