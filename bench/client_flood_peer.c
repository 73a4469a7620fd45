/* client_flood_peer: a loopback server that floods the one client that
 * connects with short LF lines at a fixed rate, for the client-flood row of
 * bench/run-benchmarks.sh (issue 11 item 5: a bounded client).
 *
 *   client_flood_peer [--port N] [--rate LINES_PER_S] [--seconds S]
 *
 * Listens on 127.0.0.1 only (port 0, the default, picks a free one) and prints
 * "listening on 127.0.0.1:PORT". Accepts one client (within 60 s), then sends
 * "flood 00000001\n", "flood 00000002\n", ... paced in 10 ms ticks so that
 * RATE lines a second leave, for S seconds; a client that reads too slowly
 * blocks the sends (the kernel's buffers fill), which shows as "behind". Then
 * prints one line
 *   RESULT {"lines":N,"seconds":S,"lines_per_s":R,"max_behind_lines":B}
 * and closes. Bounded: at most RATE*S lines, at most S + 60 s of sending. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int send_all(int fd, const char* data, size_t size, double deadline)
{
    while (size > 0) {
        struct pollfd p = {fd, POLLOUT, 0};
        if (now_s() > deadline)
            return -1;
        if (poll(&p, 1, 100) <= 0)
            continue;
        ssize_t n = send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            return -1;
        }
        data += n;
        size -= (size_t)n;
    }
    return 0;
}

int main(int argc, char** argv)
{
    int port = 0;
    long rate = 100000;
    double seconds = 60;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--port"))
            port = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--rate"))
            rate = atol(argv[i + 1]);
        else if (!strcmp(argv[i], "--seconds"))
            seconds = atof(argv[i + 1]);
        else {
            fprintf(stderr, "client_flood_peer: unknown option %s\n", argv[i]);
            return 2;
        }
    }
    if (rate < 1 || rate > 10000000 || seconds <= 0 || seconds > 3600 || port < 0 ||
        port > 65535) {
        fprintf(stderr, "client_flood_peer: bad --rate, --seconds or --port\n");
        return 2;
    }
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons((unsigned short)port);
    socklen_t len = sizeof addr;
    if (bind(listener, (struct sockaddr*)&addr, sizeof addr) != 0 || listen(listener, 1) != 0 ||
        getsockname(listener, (struct sockaddr*)&addr, &len) != 0) {
        perror("client_flood_peer: listen");
        return 1;
    }
    printf("listening on 127.0.0.1:%d\n", ntohs(addr.sin_port));
    fflush(stdout);
    struct pollfd p = {listener, POLLIN, 0};
    if (poll(&p, 1, 60000) != 1) {
        fprintf(stderr, "client_flood_peer: no client within 60 s\n");
        return 1;
    }
    int fd = accept(listener, NULL, NULL);
    if (fd < 0) {
        perror("client_flood_peer: accept");
        return 1;
    }
    const long total = (long)((double)rate * seconds);
    const double start = now_s();
    const double deadline = start + seconds + 60;
    static char buffer[1 << 20];
    long sent = 0, max_behind = 0;
    while (sent < total) {
        const double elapsed = now_s() - start;
        long due = (long)((double)rate * elapsed);
        if (due > total)
            due = total;
        if (due - sent > max_behind)
            max_behind = due - sent;
        size_t used = 0;
        while (sent < due && used + 32 < sizeof buffer) {
            used += (size_t)snprintf(buffer + used, 32, "flood %08ld\n", ++sent);
        }
        if (used > 0 && send_all(fd, buffer, used, deadline) != 0) {
            fprintf(stderr, "client_flood_peer: the client stopped reading or closed\n");
            break;
        }
        if (sent >= due) {
            struct timespec tick = {0, 10 * 1000 * 1000};
            nanosleep(&tick, NULL);
        }
    }
    const double took = now_s() - start;
    printf("RESULT {\"lines\":%ld,\"seconds\":%.2f,\"lines_per_s\":%.0f,\"max_behind_lines\":%ld}\n",
           sent, took, (double)sent / took, max_behind);
    fflush(stdout);
    close(fd);
    close(listener);
    return sent == total ? 0 : 1;
}
