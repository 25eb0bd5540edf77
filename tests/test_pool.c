/*
 * test_pool.c — the grader's kept sandbox (grader/sandbox.h sb_pool_*,
 * grader/launcher.c), with the real bubblewrap and the real launcher
 * (BUILD/grade/launcher), running /bin/sh as the command:
 *   - commands run in the one kept sandbox (their pids inside it grow from
 *     run to run; a sandbox per run would give the same pid each time);
 *   - the caller sees each command's exit status, and a signal as 128 +
 *     signal, as bubblewrap reports it; the CPU limit is the command's own;
 *   - /tmp is empty at the start of every run; the host's folders are not
 *     in the sandbox; no descriptor of the grader's reaches the command;
 *   - killing the relay (what a test's timeout does) kills the command;
 *   - a command that kills the launcher ends its own run only: the next
 *     run starts a sandbox of its own, and the pool can be started again.
 */
#include "testutil.h"

#include <CUnit/Basic.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sandbox.h"

static char launcher[1024], host_dir[4096];

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int start_pool(void)
{
    struct sb_spec spec = {0};
    spec.tmp_bytes = (size_t)8 << 20;
    return sb_pool_start(&spec, launcher);
}

/* Starts `sh -c script` pooled; its output goes to *out_fd (a pipe's
 * read end, or -1 when out is not wanted). Returns the relay's pid. */
static pid_t spawn(const char *script, double cpu_s, int *out_fd)
{
    int p[2];
    if (pipe(p) != 0)
        return -1;
    struct sb_spec spec = {0};
    spec.cpu_s = cpu_s;
    spec.as_bytes = (size_t)1 << 30;
    spec.pooled = 1;
    char *argv[] = {(char *)"/bin/sh", (char *)"-c", (char *)script, NULL};
    pid_t pid = sb_spawn(&spec, argv, p[1], NULL, 0, 1);
    close(p[1]);
    if (out_fd)
        *out_fd = p[0];
    else
        close(p[0]);
    return pid;
}

/* Runs script to its end: its status as the caller sees it, its output in out. */
static int run(const char *script, double cpu_s, char *out, size_t cap)
{
    int fd = -1;
    pid_t pid = spawn(script, cpu_s, &fd);
    if (pid < 0)
        return -1;
    size_t n = 0;
    ssize_t k;
    while (fd >= 0 && (k = read(fd, out + n, cap - 1 - n)) > 0 && n + 1 < cap)
        n += (size_t)k;
    out[n] = '\0';
    if (fd >= 0)
        close(fd);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1000 + WTERMSIG(status);
}

static void test_runs_share_one_sandbox(void)
{
    CU_ASSERT_EQUAL_FATAL(sb_active(NULL), 1);
    CU_ASSERT_EQUAL_FATAL(start_pool(), 0);
    CU_ASSERT(sb_pool_pid() > 0);
    char a[64], b[64];
    CU_ASSERT_EQUAL(run("echo $$", 0, a, sizeof a), 0);
    CU_ASSERT_EQUAL(run("echo $$", 0, b, sizeof b), 0);
    /* the same pid namespace: the second command's pid is a later one */
    CU_ASSERT(atoi(a) > 0 && atoi(b) > atoi(a));
}

static void test_status_signal_and_cpu_limit(void)
{
    char out[64];
    CU_ASSERT_EQUAL(run("exit 7", 0, out, sizeof out), 7);
    CU_ASSERT_EQUAL(run("kill -SEGV $$", 0, out, sizeof out), 128 + SIGSEGV);
    /* 1 s of CPU, then SIGXCPU: 128 + 24 */
    CU_ASSERT_EQUAL(run("while :; do :; done", 1, out, sizeof out), 128 + SIGXCPU);
}

static void test_each_run_starts_clean(void)
{
    char out[4096];
    CU_ASSERT_EQUAL(run("mkdir /tmp/d && echo x > /tmp/d/f && echo y > /tmp/left && "
                        "ln -s /usr /tmp/link && ls -A /tmp | wc -l",
                        0, out, sizeof out),
                    0);
    CU_ASSERT_EQUAL(atoi(out), 3); /* the files were there during the run */
    CU_ASSERT_EQUAL(run("ls -A /tmp | wc -l", 0, out, sizeof out), 0);
    CU_ASSERT_EQUAL(atoi(out), 0);
    /* the link was removed, not followed */
    CU_ASSERT_EQUAL(run("test -x /usr/bin/sh", 0, out, sizeof out), 0);
    /* the host's folders are not there, nor the grader's descriptors */
    char script[4200];
    snprintf(script, sizeof script, "test -e '%s'", host_dir);
    CU_ASSERT_EQUAL(run(script, 0, out, sizeof out), 1);
    CU_ASSERT_EQUAL(run("ls /proc/self/fd | tr '\\n' ' '", 0, out, sizeof out), 0);
    CU_ASSERT_STRING_EQUAL(out, "0 1 2 3 "); /* 3: ls's own listing */
}

static void test_killing_the_relay_kills_the_command(void)
{
    pid_t pid = spawn("sleep 30", 0, NULL);
    CU_ASSERT_FATAL(pid > 0);
    nanosleep(&(struct timespec){0, 200000000}, NULL);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    /* the launcher takes one command at a time: this one finishing at once
     * shows the sleep is gone (30 s otherwise; 10 s leaves room for a
     * loaded machine) */
    char out[64];
    double t0 = now_s();
    CU_ASSERT_EQUAL(run("exit 3", 0, out, sizeof out), 3);
    CU_ASSERT(now_s() - t0 < 10);
}

static void test_a_killed_launcher_costs_one_run(void)
{
    pid_t pool = sb_pool_pid();
    char out[64];
    /* the command's parent is the launcher */
    CU_ASSERT_EQUAL(run("kill -KILL $PPID; sleep 5; exit 0", 0, out, sizeof out), 128 + SIGKILL);
    /* the next run starts a sandbox of its own */
    CU_ASSERT_EQUAL(run("exit 5", 0, out, sizeof out), 5);
    /* the judge reaps the kept sandbox, then starts a new one */
    int status;
    CU_ASSERT_EQUAL(waitpid(pool, &status, 0), pool);
    sb_pool_reaped(pool);
    CU_ASSERT_EQUAL(sb_pool_pid(), -1);
    CU_ASSERT_EQUAL_FATAL(start_pool(), 0);
    CU_ASSERT(sb_pool_pid() > 0 && sb_pool_pid() != pool);
    CU_ASSERT_EQUAL(run("exit 6", 0, out, sizeof out), 6);
    sb_pool_stop();
    CU_ASSERT_EQUAL(sb_pool_pid(), -1);
    /* without a pool, pooled runs start their own sandboxes */
    CU_ASSERT_EQUAL(run("exit 4", 0, out, sizeof out), 4);
}

static const struct test_case cases[] = {
    {"commands share the kept sandbox", test_runs_share_one_sandbox},
    {"exit status, signal as 128 + signal, CPU limit", test_status_signal_and_cpu_limit},
    {"every run starts with an empty /tmp, without the host's files or descriptors",
     test_each_run_starts_clean},
    {"killing the relay kills the command", test_killing_the_relay_kills_the_command},
    {"a killed launcher costs one run; the pool starts again", test_a_killed_launcher_costs_one_run},
};

int main(void)
{
    snprintf(launcher, sizeof launcher, "%s/grade/launcher", test_build_dir());
    snprintf(host_dir, sizeof host_dir, "%s", test_tmpdir()); /* exists on the host */
    if (sb_set_policy("require") != 0)
        return 1;
    int rc = test_run("pool", cases, TEST_COUNT(cases));
    test_rmdir(host_dir);
    return rc;
}
