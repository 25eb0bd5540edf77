/*
 * sandbox.h — running a command on untrusted input: the compiler on a
 * student's file, the linker on their objects, the worker on their code.
 *
 * With bubblewrap (bwrap) available, the command runs in new user, pid,
 * network, ipc, uts and cgroup namespaces with no capabilities, no way to
 * create further user namespaces, and a root file system made of only:
 *   /usr (read-only, with /bin, /lib, /lib64, /sbin as on the host),
 *   a fresh /proc for its own pid namespace and a minimal /dev,
 *   a private tmpfs at /tmp of a fixed size,
 *   and the binds the caller lists (read-only unless marked writable).
 * It cannot see the grader's processes, the course's solutions or
 * references, other students' folders or the instructor's home: they are
 * not in its file system. It gets a clean environment and a new session
 * (no controlling terminal).
 *
 * Every command also gets resource limits (CPU seconds, address space, file
 * size, no core dumps) and a wall-clock limit after which its whole process
 * group (and with it the sandbox) is killed.
 *
 * Policy (sb_set_policy, from GRADE_SANDBOX): "auto" uses bwrap when it
 * works and otherwise runs commands directly with the same limits (printing
 * one line that says so); "require" refuses to run without it (class
 * grading); "off" never uses it (UNSAFE=1, and the benchmark's baseline).
 */
#ifndef DSPLAB_GRADER_SANDBOX_H
#define DSPLAB_GRADER_SANDBOX_H

#include <stddef.h>
#include <sys/types.h>

enum sb_policy { SB_AUTO, SB_REQUIRE, SB_OFF };

struct sb_bind {
    const char *host;     /* a path on the host */
    const char *inside;   /* where the command sees it */
    int writable;
};

struct sb_spec {
    const struct sb_bind *binds;
    size_t n_binds;
    size_t tmp_bytes;        /* size of the private /tmp (0: 64 MiB) */
    const char *chdir;       /* working folder, as the command sees it (host path when off) */
    double cpu_s;            /* RLIMIT_CPU, whole seconds rounded up (0: none) */
    size_t as_bytes;         /* RLIMIT_AS (0: none; sanitizer builds need none) */
    size_t fsize_bytes;      /* RLIMIT_FSIZE (0: 64 MiB) */
    int keep_path;           /* pass the caller's PATH (when off) */
    int pooled;              /* run in the kept sandbox when there is one (sb_pool_start) */
};

/* Sets the policy: "auto", "require" or "off" (NULL or "" is auto).
 * Returns 0, or -1 for an unknown word. */
int sb_set_policy(const char *word);
enum sb_policy sb_policy(void);

/* 1 when commands will run inside bwrap; 0 when they run directly. Probes
 * bwrap once. With policy "require" and no working bwrap, returns -1 and
 * sets *why. *why explains a 0 under "auto" too (for the one warning line). */
int sb_active(const char **why);

/* The path a command should use for a bind: its inside path in a sandbox,
 * its host path otherwise. */
const char *sb_path(const struct sb_bind *b);

/* Starts argv[0] (an absolute path as the command sees it) under spec.
 * The child gets stdin from /dev/null, stdout and stderr on out_fd (or the
 * caller's when out_fd < 0), and keep[i] as descriptor 3 + i. It leads its
 * own process group when new_group is set. Returns the pid, or -1. */
pid_t sb_spawn(const struct sb_spec *spec, char *const argv[], int out_fd, const int *keep,
               int n_keep, int new_group);

struct sb_status {
    int exited, code;     /* exited normally with this code (bwrap reports 128 + signal) */
    int signaled, sig;    /* killed by a signal (only when run directly) */
    int timed_out;        /* over the wall-clock limit: killed */
    double seconds;
};

/* Runs argv under spec with its output appended to out_fd, waits at most
 * wall_s seconds (then kills its process group) and fills *st.
 * Returns 0, or -1 when it could not be started. */
int sb_run(const struct sb_spec *spec, char *const argv[], int out_fd, double wall_s,
           struct sb_status *st);

/* A kept sandbox: one bubblewrap start for many runs of the same program.
 * sb_pool_start starts bwrap with spec's binds and /tmp around the
 * grader's launcher (launcher.c, the host path `launcher`); from then on,
 * sb_spawn with spec->pooled set asks the launcher to start the command in
 * that sandbox, with spec's limits, instead of starting a sandbox of its own.
 * The pid sb_spawn returns is then a small relay in the caller's process
 * tree that ends as the command ends (the same exit status or signal), and
 * killing the relay kills the command: callers wait and kill as before.
 * The launcher empties /tmp between runs. If the kept sandbox is gone, a
 * pooled sb_spawn starts a sandbox of its own. The judge keeps one per
 * lesson, for the worker; only with bwrap. Returns 0, or -1 (no pool). */
int sb_pool_start(const struct sb_spec *spec, const char *launcher);
/* Stops it (the judge at its end; also when the process exits). */
void sb_pool_stop(void);
/* The kept sandbox's pid, or -1: a child the judge must not reap or kill
 * as a leftover of a test. sb_pool_reaped tells sandbox.c it ended. */
pid_t sb_pool_pid(void);
int sb_pool_fd(void); /* its control socket, which a test's process keeps (-1: none) */
void sb_pool_reaped(pid_t pid);

/* The launcher's protocol (sandbox.c and launcher.c). A request is this
 * header, then argc + envc NUL-ended strings; descriptors: the session
 * socket, stdout, stderr, then up to POOL_MAX_KEEP kept descriptors. The
 * launcher answers on the session: {POOL_STARTED, 0}, then
 * {POOL_EXITED, wait status} when the command ends. */
#define POOL_MAX_KEEP 4
#define POOL_MAX_STRINGS 64
#define POOL_MAX_TEXT 16384
enum { POOL_STARTED = 1, POOL_EXITED = 2 };
struct pool_request {
    unsigned magic; /* POOL_MAGIC */
    unsigned argc, envc;
    unsigned cpu_s; /* RLIMIT_CPU soft limit, whole seconds (0: none) */
    unsigned long long as_bytes, fsize_bytes;
};
#define POOL_MAGIC 0x64737031u

#endif
