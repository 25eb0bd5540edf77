/*
 * isolate.c — runs one graded test in a child process of the judge.
 *
 * The child is trusted code: the suite's test body and the grader's checks.
 * The student's code never runs in it; the body's exercise calls go to a
 * separate worker process in the sandbox (rpc_proxy.c, sandbox.c), which
 * the child starts and which inherits its stdout and stderr.
 *
 * The child gets its own session (a process group, no terminal), stdin
 * from /dev/null, stdout and stderr into a pipe the parent drains and
 * truncates (so megabytes of printing neither flood the terminal nor block
 * the child), a CPU-time limit, an address-space limit, no core files and a
 * cap on file sizes. The parent keeps a wall-clock deadline and kills the
 * whole group when it passes (the worker's sandbox dies with it: bubblewrap
 * runs with --die-with-parent). The grader is a child subreaper, so
 * anything that left the group is killed when the test ends.
 *
 * The verdict travels on a second pipe, closed on exec (so the worker never
 * holds it), with a per-test random nonce: "<nonce> P|F|C|T|E <code>\n"
 * and the feedback lines. P and F come from the checks; C (crash), T
 * (timeout) and E (exited) from the proxy when the worker died mid-call.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fdio.h"
#include "procfd.h"
#include "sandbox.h"
#include "harness.h"

/* wait4() is a BSD/GNU extension; declare it rather than widen the feature
 * macros for the whole file. */
pid_t wait4(pid_t pid, int *status, int options, struct rusage *rusage);

#define VERDICT_CAP (64 * 1024)

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void make_nonce(char hex[33])
{
    unsigned char raw[16];
    size_t got = 0;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        while (got < sizeof raw) {
            ssize_t k = read(fd, raw + got, sizeof raw - got);
            if (k <= 0)
                break;
            got += (size_t)k;
        }
        close(fd);
    }
    if (got < sizeof raw) {
        /* No /dev/urandom: still unpredictable to code that cannot see us. */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        unsigned long long x = (unsigned long long)ts.tv_nsec * 6364136223846793005ULL ^
                               (unsigned long long)getpid() << 32 ^ (unsigned long long)ts.tv_sec;
        for (size_t i = 0; i < sizeof raw; i++) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            raw[i] = (unsigned char)(x >> 56);
        }
    }
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < sizeof raw; i++) {
        hex[2 * i] = digits[raw[i] >> 4];
        hex[2 * i + 1] = digits[raw[i] & 15];
    }
    hex[32] = '\0';
}

/* Current virtual size in bytes (0 if unknown): the address-space limit is
 * set relative to it, so sanitizer builds with huge shadow mappings work. */
static size_t current_vm_bytes(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return 0;
    char line[256];
    size_t kb = 0;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmSize: %zu kB", &kb) == 1)
            break;
    fclose(f);
    return kb * 1024;
}

static void write_all(int fd, const char *s, size_t n)
{
    if (fd_write_full(fd, s, n) != 0)
        _exit(3);
}

static void set_limit(int resource, rlim_t soft, rlim_t hard)
{
    struct rlimit rl;
    if (getrlimit(resource, &rl) == 0) {
        /* Never raise a limit the grader itself runs under. */
        if (rl.rlim_max != RLIM_INFINITY && hard > rl.rlim_max)
            hard = rl.rlim_max;
        if (soft > hard)
            soft = hard;
    }
    rl.rlim_cur = soft;
    rl.rlim_max = hard;
    setrlimit(resource, &rl);
}

/* Closes every descriptor above 2 except keep: those listed in
 * /proc/self/fd, or all up to the limit where /proc is missing. */
static void close_other_fds(int keep, int keep2)
{
    int fds[1024];
    size_t n = 0;
    DIR *d = opendir("/proc/self/fd");
    if (d) {
        int self = dirfd(d);
        struct dirent *e;
        while ((e = readdir(d)) && n < sizeof fds / sizeof fds[0]) {
            int fd = atoi(e->d_name);
            if (e->d_name[0] >= '0' && e->d_name[0] <= '9' && fd > 2 && fd != keep &&
                fd != keep2 && fd != self)
                fds[n++] = fd;
        }
        closedir(d);
        if (n < sizeof fds / sizeof fds[0]) {
            for (size_t i = 0; i < n; i++)
                close(fds[i]);
            return;
        }
    }
    long maxfd = sysconf(_SC_OPEN_MAX);
    if (maxfd < 0 || maxfd > 65536)
        maxfd = 65536;
    for (int fd = 3; fd < maxfd; fd++)
        if (fd != keep && fd != keep2)
            close(fd);
}

/* In the test's process: where its verdict goes. */
static int child_verdict_fd = -1;
static const char *child_nonce = "";

/* "<nonce> <kind letter> <code>\n" and the feedback, then exit. */
static void send_verdict(enum iso_kind kind, int code, const char *fb)
    __attribute__((noreturn));
static void send_verdict(enum iso_kind kind, int code, const char *fb)
{
    static const char letters[] = "PFCTE"; /* enum iso_kind order */
    char line[64];
    fflush(stdout);
    fflush(stderr);
    if (!fb)
        fb = "";
    snprintf(line, sizeof line, " %c %d\n", letters[kind], code);
    if (child_verdict_fd >= 0) {
        write_all(child_verdict_fd, child_nonce, strlen(child_nonce));
        write_all(child_verdict_fd, line, strlen(line));
        write_all(child_verdict_fd, fb, strlen(fb));
    }
    _exit(0);
}

static void child(iso_body body, void *arg, const struct iso_limits *lim, const char *nonce,
                  int verdict_w, int output_w, int unused_r1, int unused_r2)
{
    /* A new session: its own process group (killed as a whole), and no
     * controlling terminal, so /dev/tty cannot reach the student's screen. */
    setsid();
    /* If the judge dies (a class run's per-student limit kills it), so does
     * the test, and with it the worker's sandbox (--die-with-parent). */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    signal(SIGPIPE, SIG_DFL);
    close(unused_r1);
    close(unused_r2);
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) {
        dup2(devnull, 0);
        close(devnull);
    }
    dup2(output_w, 1);
    dup2(output_w, 2);
    close(output_w);
    /* Out of the way of the descriptors student code opens, closed on exec. */
    int vfd = fcntl(verdict_w, F_DUPFD_CLOEXEC, 512 + (nonce[0] & 0x7f));
    if (vfd < 0)
        vfd = verdict_w;
    else
        close(verdict_w);

    /* Nothing else inherited stays open: student code finds only 0, 1, 2
     * and the verdict pipe (and a write to a stray pipe cannot kill it). */
    close_other_fds(vfd, sb_pool_fd()); /* the kept sandbox's control socket stays */

    rlim_t cpu = (rlim_t)ceil(lim->cpu_s > 0 ? lim->cpu_s : 10);
    set_limit(RLIMIT_CPU, cpu, cpu + 1);
    set_limit(RLIMIT_CORE, 0, 0);
    set_limit(RLIMIT_FSIZE, (rlim_t)256 << 20, (rlim_t)256 << 20);
    if (lim->as_bytes) {
        size_t base = current_vm_bytes();
        set_limit(RLIMIT_AS, (rlim_t)(base + lim->as_bytes), (rlim_t)(base + lim->as_bytes));
    }
    setvbuf(stdout, NULL, _IOLBF, 0);

    child_verdict_fd = vfd;
    child_nonce = nonce;
    const char *fb = "";
    int pass = body(arg, &fb);
    send_verdict(pass ? ISO_PASS : ISO_FAIL, 0, fb);
}

void iso_child_end(enum iso_kind kind, int code)
{
    send_verdict(kind, code, harness_feedback());
}

struct sink {
    int fd;
    char *buf;
    size_t len, cap, total;
};

/* Reads what is available; returns 0 at end of file, 1 otherwise. */
static int drain(struct sink *s)
{
    char chunk[16384];
    for (;;) {
        ssize_t k = read(s->fd, chunk, sizeof chunk);
        if (k == 0)
            return 0;
        if (k < 0)
            return errno == EINTR ? drain(s) : (errno == EAGAIN || errno == EWOULDBLOCK) ? 1 : 0;
        s->total += (size_t)k;
        size_t room = s->cap - s->len;
        size_t keep = (size_t)k < room ? (size_t)k : room;
        memcpy(s->buf + s->len, chunk, keep);
        s->len += keep;
    }
}

static char *xstrdup(const char *s)
{
    char *d = malloc(strlen(s) + 1);
    if (d)
        strcpy(d, s);
    return d;
}

static int sanitizer_report(const char *out, size_t n)
{
    static const char *marks[] = {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
                                  "runtime error:", "ERROR: UndefinedBehaviorSanitizer"};
    for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
        size_t k = strlen(marks[m]);
        for (size_t i = 0; i + k <= n; i++)
            if (memcmp(out + i, marks[m], k) == 0)
                return 1;
    }
    return 0;
}

/* Kills and reaps every process re-parented to the grader (orphans of the
 * test that left its process group), until none is left. */
static void reap_leftovers(void)
{
    /* The usual case: nothing is left, or only sandboxes already dying
     * (bubblewrap's inner processes, re-parented to us, get SIGKILL when
     * their parent exits): once they are reaped, no child of ours is left
     * and /proc need not be read. Up to 20 ms for them to die, then the
     * search below, which finds what does not die by itself. */
    pid_t w;
    if (sb_active(NULL) == 1) {
        /* Sandboxed, everything the test started lives in a bwrap pid
         * namespace, which dies with its first process: only zombies are
         * left to reap here (the kept sandbox, sb_pool_pid, stays). */
        while ((w = waitpid(-1, NULL, WNOHANG)) > 0)
            sb_pool_reaped(w);
        return;
    }
    for (int spin = 0; spin < 100; spin++) {
        while ((w = waitpid(-1, NULL, WNOHANG)) > 0)
            sb_pool_reaped(w);
        siginfo_t si;
        if (waitid(P_ALL, 0, &si, WEXITED | WNOHANG | WNOWAIT) != 0 && errno == ECHILD)
            return;
        nanosleep(&(struct timespec){0, 200000}, NULL);
    }
    long self = (long)getpid();
    for (int round = 0; round < 50; round++) {
        int found = 0;
        DIR *d = opendir("/proc");
        if (!d)
            return;
        struct dirent *e;
        while ((e = readdir(d))) {
            char *end;
            long p = strtol(e->d_name, &end, 10);
            if (*end || p <= 0)
                continue;
            char path[64], buf[512];
            snprintf(path, sizeof path, "/proc/%ld/stat", p);
            FILE *f = fopen(path, "r");
            if (!f)
                continue;
            size_t n = fread(buf, 1, sizeof buf - 1, f);
            fclose(f);
            buf[n] = '\0';
            /* "pid (comm) state ppid ...": comm may hold spaces and ')' */
            char *rp = strrchr(buf, ')');
            char state;
            long ppid;
            if (rp && sscanf(rp + 1, " %c %ld", &state, &ppid) == 2 && ppid == self) {
                kill((pid_t)p, SIGKILL);
                found = 1;
            }
        }
        closedir(d);
        while ((w = waitpid(-1, NULL, WNOHANG)) > 0)
            sb_pool_reaped(w);
        if (!found)
            return;
        nanosleep(&(struct timespec){0, 1000000}, NULL);   /* let SIGKILL land */
    }
}

int iso_run(iso_body body, void *arg, const struct iso_limits *lim, struct iso_result *r)
{
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    memset(r, 0, sizeof *r);
    char nonce[33];
    make_nonce(nonce);
    int vp[2], op[2];
    if (pipe(vp) != 0) {
        r->feedback = xstrdup("    grader: cannot create a pipe\n");
        r->kind = ISO_FAIL;
        return -1;
    }
    if (pipe(op) != 0) {
        close(vp[0]);
        close(vp[1]);
        r->feedback = xstrdup("    grader: cannot create a pipe\n");
        r->kind = ISO_FAIL;
        return -1;
    }
    fcntl(vp[0], F_SETFD, FD_CLOEXEC);
    fcntl(op[0], F_SETFD, FD_CLOEXEC);
    fflush(stdout);
    fflush(stderr);
    double t0 = now_s();
    pid_t pid = fork();
    if (pid < 0) {
        close(vp[0]), close(vp[1]), close(op[0]), close(op[1]);
        r->feedback = xstrdup("    grader: fork failed\n");
        r->kind = ISO_FAIL;
        return -1;
    }
    if (pid == 0)
        child(body, arg, lim, nonce, vp[1], op[1], vp[0], op[0]);
    close(vp[1]);
    close(op[1]);
    fcntl(vp[0], F_SETFL, O_NONBLOCK);
    fcntl(op[0], F_SETFL, O_NONBLOCK);

    size_t ocap = lim->output_cap ? lim->output_cap : 65536;
    struct sink v = {vp[0], malloc(VERDICT_CAP), 0, VERDICT_CAP, 0};
    struct sink o = {op[0], malloc(ocap), 0, ocap, 0};
    if (!v.buf || !o.buf) {
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
    }
    if (!v.buf)
        v.cap = 0;
    if (!o.buf)
        o.cap = 0;
    int v_open = 1, o_open = 1, reaped = 0, killed = 0, status = 0;
    int pfd = procfd_open(pid); /* readable at the child's exit */
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    double deadline = t0 + (lim->wall_s > 0 ? lim->wall_s : 30);
    for (;;) {
        struct pollfd fds[3];
        nfds_t nf = 0;
        if (v_open)
            fds[nf++] = (struct pollfd){v.fd, POLLIN, 0};
        if (o_open)
            fds[nf++] = (struct pollfd){o.fd, POLLIN, 0};
        if (pfd >= 0)
            fds[nf++] = (struct pollfd){pfd, POLLIN, 0};
        double left = deadline - now_s();
        /* Both pipes closed and no pidfd: the child is exiting; check back
         * soon. With a pidfd, poll wakes at the exit itself. */
        int cap_ms = pfd >= 0 ? 1000 : v_open || o_open ? 50 : 2;
        int ms = left <= 0 ? 0 : left * 1000 < cap_ms ? (int)(left * 1000) + 1 : cap_ms;
        poll(nf ? fds : NULL, nf, ms);
        if (v_open)
            v_open = drain(&v);
        if (o_open)
            o_open = drain(&o);
        if (!reaped) {
            pid_t w = wait4(pid, &status, WNOHANG, &ru);
            if (w == pid)
                reaped = 1;
        }
        if (reaped) {
            if (v_open)
                drain(&v);
            if (o_open)
                drain(&o);
            break;
        }
        if (!killed && now_s() >= deadline) {
            kill(-pid, SIGKILL);
            kill(pid, SIGKILL);
            killed = 1;
        }
    }
    if (pfd >= 0)
        close(pfd);
    kill(-pid, SIGKILL); /* anything the test left running in its group */
    reap_leftovers();    /* and anything that left the group */
    close(vp[0]);
    close(op[0]);
    r->seconds = now_s() - t0;
    r->output = o.buf ? o.buf : xstrdup("");
    r->output_len = o.len;
    r->output_total = o.total;

    /* The verdict: the nonce, a kind letter, a code, then the feedback. The
     * test's process runs no student code (that runs in the worker, which
     * never holds this pipe); the nonce still guards against a stray write. */
    size_t nl = strlen(nonce), at = 0, body_at = 0;
    int valid = 0, code = 0;
    char letter = 0;
    for (; v.buf && at + nl + 4 <= v.len; at++) {
        if (memcmp(v.buf + at, nonce, nl) != 0 || v.buf[at + nl] != ' ')
            continue;
        const char *nlch = memchr(v.buf + at + nl, '\n', v.len - at - nl);
        char head[32];
        size_t hl = nlch ? (size_t)(nlch - (v.buf + at + nl)) : 0;
        if (!nlch || hl >= sizeof head)
            continue;
        memcpy(head, v.buf + at + nl, hl);
        head[hl] = '\0';
        if (sscanf(head, " %c %d", &letter, &code) == 2 && strchr("PFCTE", letter)) {
            valid = 1;
            body_at = (size_t)(nlch - v.buf) + 1;
            break;
        }
    }
    double cpu = (double)ru.ru_utime.tv_sec + 1e-6 * (double)ru.ru_utime.tv_usec +
                 (double)ru.ru_stime.tv_sec + 1e-6 * (double)ru.ru_stime.tv_usec;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && valid && !killed) {
        size_t fl = v.len - body_at;
        r->feedback = malloc(fl + 1);
        if (r->feedback) {
            memcpy(r->feedback, v.buf + body_at, fl);
            r->feedback[fl] = '\0';
        }
        switch (letter) {
        case 'P': r->kind = ISO_PASS; break;
        case 'F': r->kind = ISO_FAIL; break;
        case 'C': r->kind = ISO_CRASH; r->sig = code; break;
        case 'T': r->kind = ISO_TIMEOUT; r->sig = code; break;
        default: r->kind = ISO_EXITED; r->exit_status = code; break;
        }
        /* the exercise's process exited after a sanitizer report */
        if (r->kind == ISO_EXITED && sanitizer_report(r->output, r->output_len)) {
            r->kind = ISO_CRASH;
            r->sig = 0;
        }
    } else if (killed) {
        r->kind = ISO_TIMEOUT;
        r->wall_killed = 1;
        r->sig = SIGKILL;
    } else if (WIFSIGNALED(status)) {
        r->sig = WTERMSIG(status);
        double cpu_limit = ceil(lim->cpu_s > 0 ? lim->cpu_s : 10);
        if (r->sig == SIGXCPU || (r->sig == SIGKILL && cpu >= cpu_limit - 0.05))
            r->kind = ISO_TIMEOUT;
        else
            r->kind = ISO_CRASH;
    } else if (sanitizer_report(r->output, r->output_len)) {
        r->kind = ISO_CRASH;
        r->sig = 0;
    } else {
        r->kind = ISO_EXITED;
        r->exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    free(v.buf);
    if (!r->feedback)
        r->feedback = xstrdup("");
    return 0;
}

void iso_result_free(struct iso_result *r)
{
    free(r->feedback);
    free(r->output);
    r->feedback = r->output = NULL;
}

const char *iso_signal_name(int sig)
{
    switch (sig) {
    case SIGSEGV: return "SIGSEGV: segmentation fault";
    case SIGBUS: return "SIGBUS: bus error";
    case SIGABRT: return "SIGABRT: aborted";
    case SIGFPE: return "SIGFPE: floating-point exception";
    case SIGILL: return "SIGILL: illegal instruction";
    case SIGKILL: return "SIGKILL: killed";
    case SIGTERM: return "SIGTERM: terminated";
    case SIGXCPU: return "SIGXCPU: CPU time limit exceeded";
    case SIGXFSZ: return "SIGXFSZ: file size limit exceeded";
    case SIGPIPE: return "SIGPIPE: broken pipe";
    case SIGTRAP: return "SIGTRAP: trace trap";
    case SIGSYS: return "SIGSYS: bad system call";
    case SIGALRM: return "SIGALRM: alarm clock";
    case SIGHUP: return "SIGHUP: hangup";
    case SIGINT: return "SIGINT: interrupted";
    case SIGQUIT: return "SIGQUIT: quit";
    case SIGUSR1: return "SIGUSR1: user signal 1";
    case SIGUSR2: return "SIGUSR2: user signal 2";
    default: break;
    }
    static char buf[48];
    snprintf(buf, sizeof buf, "signal %d", sig);
    return buf;
}
