/*
 * The floor: the least a Lambda bootstrap can do. One socket to AWS_LAMBDA_RUNTIME_API (an IPv4 host:port),
 * then forever: GET /next, POST the event back as the response. No allocation, no configuration, no error
 * reporting beyond exiting. The benchmark compiles it with gcc and measures every other variant against it.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#define BUFFER_BYTES (7 * 1024 * 1024)

static char in[BUFFER_BYTES];
static char out[BUFFER_BYTES + 1024];

static void fail(const char *what) { fprintf(stderr, "floor: %s\n", what); exit(1); }

static void send_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w <= 0) fail("send failed");
        p += w;
        n -= (size_t)w;
    }
}

/* Reads one response into `in`: returns the body; sets *body_len and copies the request id, if any, into id. */
static char *read_response(int fd, size_t *body_len, char *id, size_t id_size) {
    size_t have = 0;
    char *end = NULL;
    while (!end) {
        ssize_t r = recv(fd, in + have, BUFFER_BYTES - 1 - have, 0);
        if (r <= 0) fail("connection closed");
        have += (size_t)r;
        in[have] = 0;
        end = strstr(in, "\r\n\r\n");
    }
    size_t length = 0;
    for (char *line = strstr(in, "\r\n") + 2; line < end; line = strstr(line, "\r\n") + 2) {
        if (strncasecmp(line, "Content-Length:", 15) == 0)
            length = strtoul(line + 15, NULL, 10);
        else if (id && strncasecmp(line, "Lambda-Runtime-Aws-Request-Id:", 30) == 0) {
            char *v = line + 30;
            while (*v == ' ') v++;
            size_t n = strcspn(v, "\r");
            if (n >= id_size) fail("request id too long");
            memcpy(id, v, n);
            id[n] = 0;
        }
    }
    char *body = end + 4;
    if ((size_t)(body - in) + length > BUFFER_BYTES - 1) fail("response too large");
    while ((size_t)(in + have - body) < length) {
        ssize_t r = recv(fd, in + have, BUFFER_BYTES - 1 - have, 0);
        if (r <= 0) fail("connection closed in a body");
        have += (size_t)r;
    }
    *body_len = length;
    return body;
}

int main(void) {
    const char *api = getenv("AWS_LAMBDA_RUNTIME_API");
    if (!api) fail("AWS_LAMBDA_RUNTIME_API is not set");
    char host[64];
    const char *colon = strrchr(api, ':');
    if (!colon || (size_t)(colon - api) >= sizeof host) fail("AWS_LAMBDA_RUNTIME_API is not host:port");
    memcpy(host, api, (size_t)(colon - api));
    host[colon - api] = 0;

    struct sockaddr_in address = { .sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(colon + 1)) };
    if (inet_pton(AF_INET, host, &address.sin_addr) != 1) fail("not an IPv4 address");
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (fd < 0 || connect(fd, (struct sockaddr *)&address, sizeof address) != 0) fail("cannot connect");

    static const char next[] = "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: runtime\r\n\r\n";
    char id[256];
    for (;;) {
        send_all(fd, next, sizeof next - 1);
        size_t length;
        id[0] = 0;
        char *body = read_response(fd, &length, id, sizeof id);
        if (!id[0]) fail("no request id");
        int head = snprintf(out, 1024,
            "POST /2018-06-01/runtime/invocation/%s/response HTTP/1.1\r\nHost: runtime\r\nContent-Length: %zu\r\n\r\n", id, length);
        memcpy(out + head, body, length);
        send_all(fd, out, (size_t)head + length);
        read_response(fd, &length, NULL, 0);
    }
}
