/*
 * sandbox.c — bubblewrap around the compiler, the linker and the worker
 * (see sandbox.h for what the sandbox holds and why).
 */
#include "sandbox.h"
#include "procfd.h"

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
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static enum sb_policy policy = SB_AUTO;
static int probed, works;
static char bwrap_path[4096];
static const char *probe_why = "";

int sb_set_policy(const char *word)
{
    if (!word || !word[0] || strcmp(word, "auto") == 0)
        policy = SB_AUTO;
    else if (strcmp(word, "require") == 0)
        policy = SB_REQUIRE;
    else if (strcmp(word, "off") == 0)
        policy = SB_OFF;
    else
        return -1;
    return 0;
}

enum sb_policy sb_policy(void)
{
    return policy;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* bwrap from PATH, or $DSPLAB_BWRAP when set (an empty value or a missing
 * file: no bwrap, as on a machine without it; the tests use this). */
static int find_bwrap(void)
{
    const char *forced = getenv("DSPLAB_BWRAP");
    if (forced) {
        snprintf(bwrap_path, sizeof bwrap_path, "%s", forced);
        return forced[0] && access(bwrap_path, X_OK) == 0;
    }
    const char *path = getenv("PATH");
    if (!path || !path[0])
        path = "/usr/bin:/bin";
    while (*path) {
        const char *colon = strchr(path, ':');
        size_t n = colon ? (size_t)(colon - path) : strlen(path);
        if (n > 0 && n < sizeof bwrap_path - 8) {
            snprintf(bwrap_path, sizeof bwrap_path, "%.*s/bwrap", (int)n, path);
            if (access(bwrap_path, X_OK) == 0)
                return 1;
        }
        if (!colon)
            break;
        path = colon + 1;
    }
    bwrap_path[0] = '\0';
    return 0;
}

static void probe(void)
{
    if (probed)
        return;
    probed = 1;
    if (!find_bwrap()) {
        probe_why = "bubblewrap (bwrap) is not installed (Debian: apt-get install bubblewrap)";
        return;
    }
    works = 1; /* so that sb_spawn wraps the probe itself */
    struct sb_spec spec = {0};
    char *argv[] = {(char *)"/usr/bin/true", NULL};
    int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
    struct sb_status st;
    int rc = sb_run(&spec, argv, devnull, 10, &st);
    if (devnull >= 0)
        close(devnull);
    works = rc == 0 && st.exited && st.code == 0;
    if (!works)
        probe_why = "bubblewrap cannot create namespaces here (user namespaces disabled, or "
                    "a container that forbids them)";
}

int sb_active(const char **why)
{
    if (why)
        *why = "";
    if (policy == SB_OFF) {
        if (why)
            *why = "the sandbox is turned off (UNSAFE=1)";
        return 0;
    }
    probe();
    if (works)
        return 1;
    if (why)
        *why = probe_why;
    return policy == SB_REQUIRE ? -1 : 0;
}

const char *sb_path(const struct sb_bind *b)
{
    return policy != SB_OFF && works ? b->inside : b->host;
}

/* ---- argument vector for bwrap ---- */

struct args {
    char **v;
    size_t n, cap;
    char *owned[16];
    size_t n_owned;
};

static int add(struct args *a, const char *s)
{
    if (a->n + 2 > a->cap) {
        size_t cap = a->cap ? 2 * a->cap : 64;
        char **v = realloc(a->v, cap * sizeof *v);
        if (!v)
            return -1;
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = (char *)s;
    a->v[a->n] = NULL;
    return 0;
}

static void args_free(struct args *a)
{
    for (size_t i = 0; i < a->n_owned; i++)
        free(a->owned[i]);
    free(a->v);
}

/* /bin, /lib, ... as on the host: a symlink into /usr stays a symlink,
 * a real folder is bound read-only. */
static void add_root_dirs(struct args *a)
{
    static const char *names[] = {"/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        struct stat st;
        if (lstat(names[i], &st) != 0)
            continue;
        if (S_ISLNK(st.st_mode) && a->n_owned < sizeof a->owned / sizeof a->owned[0]) {
            char *target = calloc(1, 4096);
            ssize_t k = target ? readlink(names[i], target, 4095) : -1;
            if (k <= 0) {
                free(target);
                continue;
            }
            a->owned[a->n_owned++] = target;
            add(a, "--symlink"), add(a, target), add(a, names[i]);
        } else if (S_ISDIR(st.st_mode)) {
            add(a, "--ro-bind"), add(a, names[i]), add(a, names[i]);
        }
    }
}

static int build_args(struct args *a, const struct sb_spec *s, char *const argv[])
{
    static char tmp_size[32];
    snprintf(tmp_size, sizeof tmp_size, "%zu", s->tmp_bytes ? s->tmp_bytes : (size_t)64 << 20);
    const char *fixed[] = {bwrap_path, "--unshare-all", "--unshare-user", "--disable-userns",
                           "--cap-drop", "ALL", "--die-with-parent", "--new-session",
                           "--ro-bind", "/usr", "/usr"};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        add(a, fixed[i]);
    add_root_dirs(a);
    add(a, "--proc"), add(a, "/proc");
    add(a, "--dev"), add(a, "/dev");
    add(a, "--size"), add(a, tmp_size), add(a, "--tmpfs"), add(a, "/tmp");
    for (size_t i = 0; i < s->n_binds; i++) {
        add(a, s->binds[i].writable ? "--bind" : "--ro-bind");
        add(a, s->binds[i].host);
        add(a, s->binds[i].inside);
    }
    add(a, "--chdir"), add(a, s->chdir ? s->chdir : "/tmp");
    add(a, "--");
    for (size_t i = 0; argv[i]; i++)
        add(a, argv[i]);
    return a->v ? 0 : -1;
}

/* ---- the child ---- */

static void set_limit(int resource, rlim_t soft, rlim_t hard)
{
    struct rlimit rl;
    if (getrlimit(resource, &rl) == 0 && rl.rlim_max != RLIM_INFINITY) {
        if (hard > rl.rlim_max)
            hard = rl.rlim_max;
        if (soft > hard)
            soft = hard;
    }
    rl.rlim_cur = soft;
    rl.rlim_max = hard;
    setrlimit(resource, &rl);
}

/* A clean environment: nothing of the grader's, except sanitizer options. */
static char **clean_env(const struct sb_spec *s, int sandboxed)
{
    static char *env[16];
    static char path[4200];
    size_t n = 0;
    const char *p = getenv("PATH");
    snprintf(path, sizeof path, "PATH=%s",
             !sandboxed && s->keep_path && p ? p : "/usr/bin:/bin");
    env[n++] = path;
    env[n++] = (char *)"LC_ALL=C";
    env[n++] = (char *)(sandboxed ? "TMPDIR=/tmp" : "TMPDIR=/tmp");
    static const char *pass[] = {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"};
    static char kept[3][1024];
    for (size_t i = 0; i < 3; i++) {
        const char *v = getenv(pass[i]);
        if (v) {
            snprintf(kept[i], sizeof kept[i], "%s=%s", pass[i], v);
            env[n++] = kept[i];
        }
    }
    env[n] = NULL;
    return env;
}

/* The child's side of a start: descriptors, limits, then bwrap (or the
 * command itself when not sandboxed). Never returns. */
static void exec_child(const struct sb_spec *spec, char *const argv[], int out_fd,
                       const int *keep, int n_keep, int sandboxed, char **bwrap_argv,
                       char **env) __attribute__((noreturn));
static void exec_child(const struct sb_spec *spec, char *const argv[], int out_fd,
                       const int *keep, int n_keep, int sandboxed, char **bwrap_argv, char **env)
{
    signal(SIGPIPE, SIG_DFL);
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0 && devnull != 0) {
        dup2(devnull, 0);
        close(devnull);
    }
    if (out_fd >= 0) {
        dup2(out_fd, 1);
        dup2(out_fd, 2);
    }
    procfd_keep_as_3(keep, n_keep);
    /* CPU: SIGXCPU at the limit (a TIMEOUT), SIGKILL a second later. */
    if (spec->cpu_s > 0)
        set_limit(RLIMIT_CPU, (rlim_t)ceil(spec->cpu_s), (rlim_t)ceil(spec->cpu_s) + 1);
    if (spec->as_bytes)
        set_limit(RLIMIT_AS, (rlim_t)spec->as_bytes, (rlim_t)spec->as_bytes);
    rlim_t fsize = (rlim_t)(spec->fsize_bytes ? spec->fsize_bytes : (size_t)64 << 20);
    set_limit(RLIMIT_FSIZE, fsize, fsize);
    set_limit(RLIMIT_CORE, 0, 0);
    if (sandboxed) {
        execve(bwrap_argv[0], bwrap_argv, env);
    } else {
        if (spec->chdir && chdir(spec->chdir) != 0)
            _exit(126);
        execve(argv[0], argv, env);
    }
    _exit(127);
}

/* ---- the kept sandbox (sb_pool_*) ---- */

static int pool_fd = -1;      /* the control socket to the launcher */
static pid_t pool_pid = -1;   /* its bwrap */
static pid_t pool_owner = -1; /* the process that started it: forks do not stop it */

pid_t sb_pool_pid(void)
{
    return pool_pid;
}

int sb_pool_fd(void)
{
    return pool_fd;
}

void sb_pool_reaped(pid_t pid)
{
    if (pid > 0 && pid == pool_pid && pool_owner == getpid()) {
        pool_pid = -1;
        if (pool_fd >= 0)
            close(pool_fd);
        pool_fd = -1;
    }
}

void sb_pool_stop(void)
{
    if (pool_owner != getpid())
        return;
    if (pool_fd >= 0)
        close(pool_fd); /* the launcher sees the end and exits */
    pool_fd = -1;
    if (pool_pid > 0) {
        kill(-pool_pid, SIGKILL);
        kill(pool_pid, SIGKILL);
        waitpid(pool_pid, NULL, 0);
    }
    pool_pid = -1;
}

int sb_pool_start(const struct sb_spec *spec, const char *launcher)
{
    static int registered;
    sb_pool_stop();
    if (sb_active(NULL) != 1 || spec->n_binds + 1 > 16 || access(launcher, X_OK) != 0)
        return -1;
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
        return -1;
    struct sb_bind binds[16];
    if (spec->n_binds)
        memcpy(binds, spec->binds, spec->n_binds * sizeof *binds);
    binds[spec->n_binds] = (struct sb_bind){launcher, "/grader/launcher", 0};
    struct sb_spec ps = *spec;
    ps.binds = binds;
    ps.n_binds = spec->n_binds + 1;
    ps.chdir = "/tmp";
    ps.cpu_s = 0;    /* each command gets its own limits from the launcher */
    ps.as_bytes = 0;
    ps.pooled = 0;
    char *argv[] = {(char *)"/grader/launcher", NULL};
    int keep[1] = {sv[1]};
    pid_t pid = sb_spawn(&ps, argv, -1, keep, 1, 1);
    close(sv[1]);
    if (pid < 0) {
        close(sv[0]);
        return -1;
    }
    pool_fd = sv[0];
    pool_pid = pid;
    pool_owner = getpid();
    if (!registered)
        registered = atexit(sb_pool_stop) == 0;
    return 0;
}

/* In the relay: sends the request; 0, or -1 when the launcher is gone. */
static int pool_send(const struct sb_spec *spec, char *const argv[], char **env, int session,
                     int out_fd, const int *keep, int n_keep)
{
    static char buf[sizeof(struct pool_request) + POOL_MAX_TEXT];
    struct pool_request rq = {POOL_MAGIC, 0, 0, 0, 0, 0};
    size_t at = sizeof rq;
    for (int pass = 0; pass < 2; pass++)
        for (char *const *v = pass ? env : argv; *v; v++) {
            size_t k = strlen(*v) + 1;
            if (at + k > sizeof buf || rq.argc + rq.envc >= POOL_MAX_STRINGS)
                return -1;
            memcpy(buf + at, *v, k);
            at += k;
            if (pass)
                rq.envc++;
            else
                rq.argc++;
        }
    rq.cpu_s = spec->cpu_s > 0 ? (unsigned)ceil(spec->cpu_s) : 0;
    rq.as_bytes = spec->as_bytes;
    /* No limit of its own (sanitizer builds): the one this process has, as
     * a command started here would inherit it (the test's process sets
     * one relative to its own size). */
    struct rlimit rl;
    if (!rq.as_bytes && getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
        rq.as_bytes = (unsigned long long)rl.rlim_cur;
    rq.fsize_bytes = spec->fsize_bytes ? spec->fsize_bytes : (size_t)64 << 20;
    memcpy(buf, &rq, sizeof rq);
    int fds[3 + POOL_MAX_KEEP] = {session, out_fd >= 0 ? out_fd : 1, out_fd >= 0 ? out_fd : 2};
    for (int i = 0; i < n_keep; i++)
        fds[3 + i] = keep[i];
    union {
        char space[CMSG_SPACE(sizeof fds)];
        struct cmsghdr align;
    } control;
    memset(&control, 0, sizeof control);
    struct iovec iov = {buf, at};
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.space;
    msg.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)(3 + n_keep));
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)(3 + n_keep));
    memcpy(CMSG_DATA(c), fds, sizeof(int) * (size_t)(3 + n_keep));
    ssize_t n;
    do
        n = sendmsg(pool_fd, &msg, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n == (ssize_t)at ? 0 : -1;
}

/* The relay: the command's stand-in in the caller's process tree. It ends
 * as the command ends (exit status, or 128 + signal as bwrap reports it);
 * when it is killed, its session closes and the launcher kills the
 * command. If the launcher is gone before it takes the request, the relay
 * starts a sandbox of its own instead. Never returns. */
static void relay(const struct sb_spec *spec, char *const argv[], int out_fd, const int *keep,
                  int n_keep, char **bwrap_argv, char **env) __attribute__((noreturn));
static void relay(const struct sb_spec *spec, char *const argv[], int out_fd, const int *keep,
                  int n_keep, char **bwrap_argv, char **env)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0 ||
        pool_send(spec, argv, env, sv[1], out_fd, keep, n_keep) != 0)
        exec_child(spec, argv, out_fd, keep, n_keep, 1, bwrap_argv, env);
    /* keep only the session: the command's pipes must close when it ends */
    if (sv[0] != 3) {
        dup2(sv[0], 3);
        close(sv[0]);
    }
    procfd_close_from(4);
    int msg[2] = {0, 0};
    for (;;) {
        ssize_t n = recv(3, msg, sizeof msg, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n != (ssize_t)sizeof msg)
            _exit(128 + SIGKILL); /* the launcher died, and the command with it */
        if (msg[0] == POOL_EXITED)
            break;
    }
    int status = msg[1];
    if (WIFSIGNALED(status))
        _exit(128 + WTERMSIG(status));
    _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 127);
}

pid_t sb_spawn(const struct sb_spec *spec, char *const argv[], int out_fd, const int *keep,
               int n_keep, int new_group)
{
    int sandboxed = policy != SB_OFF && works;
    struct args a = {0};
    if (sandboxed && build_args(&a, spec, argv) != 0) {
        args_free(&a);
        return -1;
    }
    char **env = clean_env(spec, sandboxed);
    int pooled = sandboxed && spec->pooled && pool_fd >= 0 && n_keep <= POOL_MAX_KEEP;
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid != 0) {
        args_free(&a);
        return pid;
    }
    /* the child: it dies with its parent, and leads its own group if asked */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (new_group)
        setpgid(0, 0);
    if (pooled)
        relay(spec, argv, out_fd, keep, n_keep, a.v, env);
    exec_child(spec, argv, out_fd, keep, n_keep, sandboxed, a.v, env);
}

int sb_run(const struct sb_spec *spec, char *const argv[], int out_fd, double wall_s,
           struct sb_status *st)
{
    memset(st, 0, sizeof *st);
    double t0 = now_s();
    pid_t pid = sb_spawn(spec, argv, out_fd, NULL, 0, 1);
    if (pid < 0)
        return -1;
    int status = 0;
    int pfd = procfd_open(pid);
    long sleep_ns = 500000;
    for (;;) {
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid)
            break;
        if (w < 0 && errno != EINTR)
            break;
        double left = wall_s > 0 ? wall_s - (now_s() - t0) : 3600;
        if (wall_s > 0 && left <= 0) {
            kill(-pid, SIGKILL);
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            st->timed_out = 1;
            break;
        }
        if (pfd >= 0) { /* wakes when the child exits */
            struct pollfd p = {pfd, POLLIN, 0};
            poll(&p, 1, left * 1000 < 60000 ? (int)(left * 1000) + 1 : 60000);
            continue;
        }
        nanosleep(&(struct timespec){0, sleep_ns}, NULL);
        if (sleep_ns < 5000000)
            sleep_ns += 500000;
    }
    if (pfd >= 0)
        close(pfd);
    kill(-pid, SIGKILL); /* anything left in its group */
    st->seconds = now_s() - t0;
    if (WIFEXITED(status)) {
        st->exited = 1;
        st->code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        st->signaled = 1;
        st->sig = WTERMSIG(status);
    }
    return 0;
}
