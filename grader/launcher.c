/*
 * launcher.c — the grader's own program inside a kept sandbox (sandbox.h,
 * sb_pool_start): it starts one worker per request, so that a lesson's
 * tests pay for one bubblewrap start instead of one each.
 *
 * It runs as /grader/launcher in the sandbox with the control socket on
 * descriptor 3 (SOCK_SEQPACKET: every request arrives whole or not at
 * all). A request (struct pool_request in sandbox.h) carries the worker's
 * limits, argv and environment, and these descriptors: a session socket,
 * the worker's stdout and stderr, then the descriptors it keeps as 3, 4...
 * For each request it forks the worker, reports "started" on the session,
 * then either the worker's wait status when it ends, or -- when the session
 * closes first (the test was stopped) -- kills it. Then it empties /tmp, so
 * that no test sees a file an earlier one left, and takes the next request.
 * One worker at a time: a lesson's tests run one after another.
 *
 * Everything in this sandbox counts as the student's (THREATS.md): a worker
 * that kills the launcher only makes the later tests start sandboxes of
 * their own (sandbox.c falls back), and the launcher is not dumpable, so a
 * worker cannot trace it or write its memory.
 */
#define _DEFAULT_SOURCE
#define _XOPEN_SOURCE 700 /* nftw */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "procfd.h"
#include "sandbox.h"

#define CONTROL_FD 3

static void set_limit(int resource, rlim_t value)
{
    struct rlimit rl = {value, value};
    setrlimit(resource, &rl);
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    if (ftw->level > 0)
        remove(path);
    return 0;
}

/* Empties /tmp without following links (FTW_PHYS) or leaving it (FTW_MOUNT). */
static void empty_tmp(void)
{
    nftw("/tmp", remove_entry, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
}

/* The worker: descriptors in place, limits, then exec. Never returns. */
static void start_worker(const struct pool_request *rq, char **argv, char **env, const int *fds,
                         int n_fds)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    setpgid(0, 0);
    signal(SIGPIPE, SIG_DFL);
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0 && devnull != 0) {
        dup2(devnull, 0);
        close(devnull);
    }
    dup2(fds[1], 1);
    dup2(fds[2], 2);
    procfd_keep_as_3(fds + 3, n_fds - 3);
    if (rq->cpu_s > 0) {
        struct rlimit rl = {(rlim_t)rq->cpu_s, (rlim_t)rq->cpu_s + 1};
        setrlimit(RLIMIT_CPU, &rl);
    }
    if (rq->as_bytes)
        set_limit(RLIMIT_AS, (rlim_t)rq->as_bytes);
    set_limit(RLIMIT_FSIZE, (rlim_t)rq->fsize_bytes);
    set_limit(RLIMIT_CORE, 0);
    if (chdir("/tmp") != 0)
        _exit(126);
    execve(argv[0], argv, env);
    _exit(127);
}

/* Splits the request's strings into argv and env (both NULL-ended, in
 * vec). Returns 0, or -1 when the counts do not match the text. */
static int split_strings(const struct pool_request *rq, char *text, size_t len, char **vec)
{
    size_t want = (size_t)rq->argc + rq->envc, n = 0, at = 0;
    if (rq->argc < 1 || want > POOL_MAX_STRINGS || len == 0 || text[len - 1] != '\0')
        return -1;
    while (at < len && n < want) {
        vec[n++] = text + at;
        at += strlen(text + at) + 1;
    }
    if (n != want || at != len)
        return -1;
    /* argv, NULL, env, NULL */
    memmove(vec + rq->argc + 1, vec + rq->argc, rq->envc * sizeof *vec);
    vec[rq->argc] = NULL;
    vec[rq->argc + 1 + rq->envc] = NULL;
    return 0;
}

static void report(int session, int kind, int status)
{
    int msg[2] = {kind, status};
    (void)!send(session, msg, sizeof msg, MSG_NOSIGNAL);
}

/* One request: start the worker, wait for it or for the session to close. */
static void serve(const struct pool_request *rq, char *text, size_t len, const int *fds,
                  int n_fds)
{
    int session = fds[0];
    static char *vec[POOL_MAX_STRINGS + 2];
    if (n_fds < 3 || split_strings(rq, text, len, vec) != 0) {
        report(session, POOL_EXITED, 127 << 8);
        return;
    }
    pid_t pid = fork();
    if (pid == 0)
        start_worker(rq, vec, vec + rq->argc + 1, fds, n_fds);
    for (int i = 1; i < n_fds; i++)
        close(fds[i]);
    if (pid < 0) {
        report(session, POOL_EXITED, 127 << 8);
        return;
    }
    report(session, POOL_STARTED, 0);
    int pidfd = procfd_open(pid), status = 0;
    for (;;) {
        struct pollfd p[2] = {{session, POLLIN, 0}, {pidfd, POLLIN, 0}};
        poll(p, pidfd >= 0 ? 2 : 1, pidfd >= 0 ? -1 : 5);
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid) {
            report(session, POOL_EXITED, status);
            break;
        }
        if (p[0].revents) { /* the test is over (or stopped): so is its worker */
            char c;
            if (recv(session, &c, 1, MSG_DONTWAIT) <= 0) {
                kill(-pid, SIGKILL);
                kill(pid, SIGKILL);
                waitpid(pid, &status, 0);
                break;
            }
        }
    }
    if (pidfd >= 0)
        close(pidfd);
    empty_tmp();
}

int main(void)
{
    prctl(PR_SET_DUMPABLE, 0);
    signal(SIGPIPE, SIG_IGN);
    static char buf[sizeof(struct pool_request) + POOL_MAX_TEXT];
    for (;;) {
        union {
            char space[CMSG_SPACE(sizeof(int) * (3 + POOL_MAX_KEEP))];
            struct cmsghdr align;
        } control;
        struct iovec iov = {buf, sizeof buf};
        struct msghdr msg = {0};
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control.space;
        msg.msg_controllen = sizeof control.space;
        ssize_t n = recvmsg(CONTROL_FD, &msg, MSG_CMSG_CLOEXEC);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return 0; /* the judge is gone */
        int fds[3 + POOL_MAX_KEEP], n_fds = 0;
        for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c))
            if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
                int k = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
                for (int i = 0; i < k; i++) {
                    int fd;
                    memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof fd);
                    if (n_fds < (int)(sizeof fds / sizeof fds[0]))
                        fds[n_fds++] = fd;
                    else
                        close(fd);
                }
            }
        struct pool_request rq;
        if ((size_t)n >= sizeof rq && n_fds >= 1 && !(msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) &&
            (memcpy(&rq, buf, sizeof rq), rq.magic == POOL_MAGIC)) {
            serve(&rq, buf + sizeof rq, (size_t)n - sizeof rq, fds, n_fds);
        } else {
            for (int i = 1; i < n_fds; i++)
                close(fds[i]);
        }
        if (n_fds >= 1)
            close(fds[0]);
    }
}
