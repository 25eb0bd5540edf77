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

#endif
