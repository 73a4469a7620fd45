/* epoll_ref_server: the smallest server that answers like chorus-server, to
 * show what this machine can do at best. One thread, one level-triggered
 * epoll set, non-blocking sockets, 127.0.0.1 only.
 *
 *   --framing lf    answer every complete line with one random factory reply,
 *                   terminated like the line (LF or CRLF)
 *   --framing none  answer every read() with one reply and no terminator,
 *                   exactly like ../shared/seed/server_multi.py
 *   --framing u16be answer every frame (2-byte big-endian length, then that
 *                   many bytes) with one reply framed the same way
 *   --framing delim03
 *                   answer every frame (bytes up to and including 0x03) with
 *                   one reply followed by 0x03
 *   --udp           also answer UDP datagrams on the same port: each datagram
 *                   gets one random factory reply in one datagram, ending with
 *                   the datagram's LF or CR LF (as chorus-server --udp does)
 *   --port N        0 (default) picks a free port; prints
 *                   "listening on 127.0.0.1:PORT" once bound
 * SIGTERM / SIGINT end it cleanly. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

enum { MAX_LINE = 64 * 1024, HIGH_WATER = 1024 * 1024, READ_CHUNK = 64 * 1024, MAX_EVENTS = 512 };

static const char* const kReplies[] = {
    "안녕하세요!",
    "요청을 잘 받았습니다.",
    "오늘도 좋은 하루 되세요.",
    "서버에서 보낸 랜덤 메시지입니다.",
    "데이터 수신 완료!",
    "드론 통신 테스트 중입니다.",
    "응답 메시지 전송합니다.",
};
enum { REPLY_COUNT = sizeof kReplies / sizeof kReplies[0] };

struct buffer
{
    char* data;
    size_t size, capacity;
};

enum framing { FRAMING_LF, FRAMING_NONE, FRAMING_U16BE, FRAMING_DELIM03 };

/* u16be's state sits in what was padding: one connection stays 64 bytes, so
 * &g_connections[fd] stays a shift on every path, LF included. */
struct connection
{
    int open;
    uint32_t body_left; /* u16be: body bytes still to come (counted, never buffered) */
    struct buffer in;   /* partial line (lf) or frame (delim03) */
    struct buffer out;  /* replies the socket did not take yet */
    int want_write;
    uint8_t in_body;     /* u16be: a header has been read, body_left counts */
    uint8_t header_have; /* u16be: 1 when a read ended after a header's first byte */
    uint8_t header_high; /* ... which is kept here */
};
_Static_assert(sizeof(struct connection) == 64, "one connection slot is 64 bytes");

/* The replies with their u16be header or 0x03 delimiter, built once. */
struct framed_reply
{
    char* data;
    size_t size;
};
static struct framed_reply g_framed[REPLY_COUNT];

static volatile sig_atomic_t g_stop = 0;
static void on_signal(int sig)
{
    (void)sig;
    g_stop = 1;
}

static uint64_t g_random = 0x9e3779b97f4a7c15ull;
static unsigned next_reply(void)
{
    /* xorshift64: plenty random for picking one of 7 lines */
    g_random ^= g_random << 13;
    g_random ^= g_random >> 7;
    g_random ^= g_random << 17;
    return (unsigned)(g_random % REPLY_COUNT);
}

static int buffer_append(struct buffer* b, const char* data, size_t n)
{
    if (b->size + n > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 256;
        while (capacity < b->size + n)
            capacity *= 2;
        char* grown = realloc(b->data, capacity);
        if (!grown)
            return -1;
        b->data = grown;
        b->capacity = capacity;
    }
    memcpy(b->data + b->size, data, n);
    b->size += n;
    return 0;
}

static void buffer_consume(struct buffer* b, size_t n)
{
    memmove(b->data, b->data + n, b->size - n);
    b->size -= n;
}

static void buffer_free(struct buffer* b)
{
    free(b->data);
    b->data = NULL;
    b->size = b->capacity = 0;
}

static struct connection* g_connections;
static size_t g_connection_slots;
static int g_epoll;
static enum framing g_framing = FRAMING_LF;

static void close_connection(int fd)
{
    struct connection* c = &g_connections[fd];
    c->open = 0;
    buffer_free(&c->in);
    buffer_free(&c->out);
    close(fd);
}

static void set_interest(int fd, int want_write)
{
    struct connection* c = &g_connections[fd];
    if (c->want_write == want_write)
        return;
    c->want_write = want_write;
    struct epoll_event event = {.events = EPOLLIN | (want_write ? EPOLLOUT : 0u), .data.fd = fd};
    epoll_ctl(g_epoll, EPOLL_CTL_MOD, fd, &event);
}

/* Writes what it can; keeps the rest. Returns -1 if the connection died. */
static int flush_out(int fd)
{
    struct connection* c = &g_connections[fd];
    while (c->out.size) {
        ssize_t n = send(fd, c->out.data, c->out.size, MSG_NOSIGNAL);
        if (n > 0) {
            buffer_consume(&c->out, (size_t)n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        return -1;
    }
    if (c->out.size > HIGH_WATER)
        return -1; /* the peer stopped reading */
    set_interest(fd, c->out.size != 0);
    return 0;
}

static int queue_reply(int fd, const char* terminator)
{
    struct connection* c = &g_connections[fd];
    const char* reply = kReplies[next_reply()];
    if (buffer_append(&c->out, reply, strlen(reply)) != 0 ||
        buffer_append(&c->out, terminator, strlen(terminator)) != 0)
        return -1;
    return 0;
}

static int queue_framed_reply(int fd)
{
    const struct framed_reply* reply = &g_framed[next_reply()];
    return buffer_append(&g_connections[fd].out, reply->data, reply->size);
}

static int build_framed_replies(void)
{
    for (unsigned i = 0; i < REPLY_COUNT; ++i) {
        const size_t length = strlen(kReplies[i]);
        char* data = malloc(length + 2);
        if (!data)
            return -1;
        if (g_framing == FRAMING_U16BE) {
            data[0] = (char)(length >> 8);
            data[1] = (char)(length & 0xFF);
            memcpy(data + 2, kReplies[i], length);
        } else {
            memcpy(data, kReplies[i], length);
            data[length] = 0x03;
        }
        g_framed[i].data = data;
        g_framed[i].size = g_framing == FRAMING_U16BE ? length + 2 : length + 1;
    }
    return 0;
}

static int on_u16be(int fd, const unsigned char* data, size_t n)
{
    struct connection* c = &g_connections[fd];
    size_t i = 0;
    while (i < n) {
        if (c->in_body) {
            const size_t take = n - i < c->body_left ? n - i : c->body_left;
            c->body_left -= (uint32_t)take;
            i += take;
            if (c->body_left)
                break;
            c->in_body = 0;
            if (queue_framed_reply(fd) != 0)
                return -1;
            continue;
        }
        uint32_t length;
        if (c->header_have == 0 && n - i >= 2) {
            length = (uint32_t)data[i] << 8 | data[i + 1];
            i += 2;
        } else if (c->header_have == 0) {
            c->header_high = data[i++];
            c->header_have = 1;
            continue;
        } else {
            length = (uint32_t)c->header_high << 8 | data[i++];
            c->header_have = 0;
        }
        if (length == 0) {
            if (queue_framed_reply(fd) != 0) /* an empty frame is still a frame */
                return -1;
        } else {
            c->body_left = length;
            c->in_body = 1;
        }
    }
    return 0;
}

static int on_delim03(int fd, const char* data, size_t n)
{
    struct connection* c = &g_connections[fd];
    size_t begin = 0;
    for (const char* end; begin < n && (end = memchr(data + begin, 0x03, n - begin));) {
        if (queue_framed_reply(fd) != 0)
            return -1;
        c->in.size = 0;
        begin = (size_t)(end - data) + 1;
    }
    if (begin < n) {
        /* as for lines: an over-long frame is dropped, never buffered without bound */
        if (c->in.size + (n - begin) > MAX_LINE)
            c->in.size = 0;
        else if (buffer_append(&c->in, data + begin, n - begin) != 0)
            return -1;
    }
    return 0;
}

/* Every framing but LF; kept apart so the LF path tests one value per read,
 * as it did before there were other framings. */
static __attribute__((noinline)) int on_other_data(int fd, const char* data, size_t n)
{
    if (g_framing == FRAMING_NONE)
        return queue_reply(fd, ""); /* one read, one reply, like recv(1024) in Python */
    if (g_framing == FRAMING_U16BE)
        return on_u16be(fd, (const unsigned char*)data, n);
    return on_delim03(fd, data, n);
}

static int on_data(int fd, const char* data, size_t n)
{
    struct connection* c = &g_connections[fd];
    if (g_framing != FRAMING_LF)
        return on_other_data(fd, data, n);
    size_t begin = 0;
    for (size_t i = 0; i < n; ++i) {
        if (data[i] != '\n')
            continue;
        const int crlf =
            (i > begin) ? data[i - 1] == '\r' : (c->in.size && c->in.data[c->in.size - 1] == '\r');
        if (queue_reply(fd, crlf ? "\r\n" : "\n") != 0)
            return -1;
        c->in.size = 0;
        begin = i + 1;
    }
    if (begin < n) {
        /* an over-long line is dropped up to its end, never buffered without bound */
        if (c->in.size + (n - begin) > MAX_LINE)
            c->in.size = 0;
        else if (buffer_append(&c->in, data + begin, n - begin) != 0)
            return -1;
    }
    return 0;
}

static void on_readable(int fd, char* chunk)
{
    for (int round = 0; round < 4; ++round) {
        ssize_t n = recv(fd, chunk, READ_CHUNK, 0);
        if (n > 0) {
            if (on_data(fd, chunk, (size_t)n) != 0) {
                close_connection(fd);
                return;
            }
            if ((size_t)n < READ_CHUNK)
                break;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        close_connection(fd); /* 0: peer closed; <0: reset */
        return;
    }
    if (flush_out(fd) != 0)
        close_connection(fd);
}

static void accept_all(int listener)
{
    for (int accepted = 0; accepted < 1024; ++accepted) {
        int fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EMFILE || errno == ENFILE)
                fprintf(stderr, "epoll_ref_server: accept: %s\n", strerror(errno));
            return;
        }
        if ((size_t)fd >= g_connection_slots) {
            close(fd);
            continue;
        }
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        struct connection* c = &g_connections[fd];
        memset(c, 0, sizeof *c);
        c->open = 1;
        struct epoll_event event = {.events = EPOLLIN, .data.fd = fd};
        if (epoll_ctl(g_epoll, EPOLL_CTL_ADD, fd, &event) != 0)
            close_connection(fd);
    }
}

/* UDP: every datagram waiting (up to a bound per wakeup, as chorus-server
 * reads), each answered at once with sendto(). */
static void on_udp_readable(int fd, char* chunk)
{
    for (int i = 0; i < 256; ++i) {
        struct sockaddr_storage from;
        socklen_t from_length = sizeof from;
        ssize_t n = recvfrom(fd, chunk, READ_CHUNK, 0, (struct sockaddr*)&from, &from_length);
        if (n < 0)
            return; /* EAGAIN: all read */
        if (n == 0)
            continue; /* an empty datagram is never answered */
        const char* terminator = "";
        if (n >= 2 && chunk[n - 2] == '\r' && chunk[n - 1] == '\n')
            terminator = "\r\n";
        else if (chunk[n - 1] == '\n')
            terminator = "\n";
        const char* reply = kReplies[next_reply()];
        char out[256];
        const size_t length = strlen(reply);
        memcpy(out, reply, length);
        memcpy(out + length, terminator, strlen(terminator));
        sendto(fd, out, length + strlen(terminator), 0, (struct sockaddr*)&from, from_length);
    }
}

static void usage(FILE* to)
{
    fputs("usage: epoll_ref_server [--port N] [--framing lf|none|u16be|delim03] [--udp]\n"
          "Single-threaded epoll reference server on 127.0.0.1 (see bench/run-benchmarks.sh).\n",
          to);
}

int main(int argc, char** argv)
{
    long port = 0;
    int udp = 0;
    for (int i = 1; i < argc; ++i) {
        const char* arg = argv[i];
        const char* value = (i + 1 < argc) ? argv[i + 1] : NULL;
        if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(arg, "--udp")) {
            udp = 1;
        } else if (!strcmp(arg, "--port") && value) {
            char* end = NULL;
            port = strtol(value, &end, 10);
            if (*value == '\0' || *end != '\0' || port < 0 || port > 65535) {
                fprintf(stderr, "epoll_ref_server: invalid --port \"%s\": expected 0..65535\n",
                        value);
                return 2;
            }
            ++i;
        } else if (!strcmp(arg, "--framing") && value) {
            if (!strcmp(value, "lf") || !strcmp(value, "line"))
                g_framing = FRAMING_LF;
            else if (!strcmp(value, "none") || !strcmp(value, "raw"))
                g_framing = FRAMING_NONE;
            else if (!strcmp(value, "u16be"))
                g_framing = FRAMING_U16BE;
            else if (!strcmp(value, "delim03") || !strcmp(value, "delimiter:03"))
                g_framing = FRAMING_DELIM03;
            else {
                fprintf(stderr,
                        "epoll_ref_server: invalid --framing \"%s\": expected lf, none, u16be or "
                        "delim03\n",
                        value);
                return 2;
            }
            ++i;
        } else {
            fprintf(stderr, "epoll_ref_server: unknown or incomplete option \"%s\"\n", arg);
            usage(stderr);
            return 2;
        }
    }

    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
        getrlimit(RLIMIT_NOFILE, &limit);
    }
    g_connection_slots = limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur > 1048576
                             ? 1048576
                             : (size_t)limit.rlim_cur;
    g_connections = calloc(g_connection_slots, sizeof *g_connections);
    if (!g_connections) {
        fprintf(stderr, "epoll_ref_server: out of memory\n");
        return 1;
    }
    g_random ^= (uint64_t)getpid() << 17;
    if ((g_framing == FRAMING_U16BE || g_framing == FRAMING_DELIM03) &&
        build_framed_replies() != 0) {
        fprintf(stderr, "epoll_ref_server: out of memory\n");
        return 1;
    }

    signal(SIGPIPE, SIG_IGN);
    struct sigaction action = {0};
    action.sa_handler = on_signal;
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGINT, &action, NULL);

    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (listener < 0 || bind(listener, (struct sockaddr*)&address, sizeof address) != 0 ||
        listen(listener, 4096) != 0) {
        fprintf(stderr, "epoll_ref_server: cannot listen on 127.0.0.1:%ld: %s\n", port,
                strerror(errno));
        return 1;
    }
    socklen_t length = sizeof address;
    getsockname(listener, (struct sockaddr*)&address, &length);

    g_epoll = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event event = {.events = EPOLLIN, .data.fd = listener};
    epoll_ctl(g_epoll, EPOLL_CTL_ADD, listener, &event);
    int udp_socket = -1;
    if (udp) {
        udp_socket = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        int buffer_size = 1 << 20;
        setsockopt(udp_socket, SOL_SOCKET, SO_RCVBUF, &buffer_size, sizeof buffer_size);
        if (udp_socket < 0 || bind(udp_socket, (struct sockaddr*)&address, sizeof address) != 0) {
            fprintf(stderr, "epoll_ref_server: cannot bind UDP 127.0.0.1:%u: %s\n",
                    ntohs(address.sin_port), strerror(errno));
            return 1;
        }
        struct epoll_event udp_event = {.events = EPOLLIN, .data.fd = udp_socket};
        epoll_ctl(g_epoll, EPOLL_CTL_ADD, udp_socket, &udp_event);
    }
    printf("listening on 127.0.0.1:%u\n", ntohs(address.sin_port));
    fflush(stdout);

    static char chunk[READ_CHUNK];
    struct epoll_event events[MAX_EVENTS];
    while (!g_stop) {
        int n = epoll_wait(g_epoll, events, MAX_EVENTS, 500);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            perror("epoll_ref_server: epoll_wait");
            return 1;
        }
        for (int i = 0; i < n; ++i) {
            int fd = events[i].data.fd;
            if (fd == listener) {
                accept_all(listener);
                continue;
            }
            if (fd == udp_socket) {
                on_udp_readable(fd, chunk);
                continue;
            }
            if (!g_connections[fd].open)
                continue;
            if (events[i].events & (EPOLLIN | EPOLLERR | EPOLLHUP))
                on_readable(fd, chunk);
            else if ((events[i].events & EPOLLOUT) && flush_out(fd) != 0)
                close_connection(fd);
        }
    }
    for (size_t fd = 0; fd < g_connection_slots; ++fd)
        if (g_connections[fd].open)
            close_connection((int)fd);
    close(listener);
    if (udp_socket >= 0)
        close(udp_socket);
    close(g_epoll);
    free(g_connections);
    for (unsigned i = 0; i < REPLY_COUNT; ++i)
        free(g_framed[i].data);
    return 0;
}
