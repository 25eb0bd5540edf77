/*
 * test_deploy.c — the instructor's tools for a class at scale (issue 13),
 * each checked by a script in tests/ that runs the real make targets:
 *   release-check.sh    `make release`: no solution source and no hidden
 *                       test's data in the student edition, which builds,
 *                       grades and tests on its own
 *   gradescope-check.sh `make gradescope`: Gradescope's folders in a scratch
 *                       root, run_autograder for a correct, a wrong, a
 *                       hostile and an empty submission; the container's
 *                       entry script
 *   parallel-check.sh   `make grade-all HOSTS=file` (ssh to 127.0.0.1 with
 *                       the test's own sshd, or parallel's local mode):
 *                       the same gradebook as the local run, incremental
 * A script prints "<name>: ok" as its last line when every check passed,
 * else the failed check. The student edition (a file STUDENT_EDITION) has
 * no solutions to release or to grade with: this program says so and
 * checks nothing there. The scripts are shell work (make, git, grep), the
 * same under the sanitizers, so the SAN=1 build skips them too, saying so.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SAN_BUILD TEST_SAN_BUILD

static char tmp[1024];

static int skipped(void)
{
    if (access("STUDENT_EDITION", F_OK) == 0) {
        printf("\n  skipped in the student edition (no solutions, no hidden tests)\n");
        return 1;
    }
    if (SAN_BUILD) {
        printf("\n  skipped under SAN=1 (shell and make only; checked by the normal build)\n");
        return 1;
    }
    return 0;
}

/* Runs tests/<script> with a scratch folder; its last line must be
 * "<name>: ok". Prints the whole log when not. */
static void run_script(const char *script, const char *name)
{
    if (skipped())
        return;
    char cmd[4096], log[1200];
    snprintf(log, sizeof log, "%s/%s.log", tmp, name);
    snprintf(cmd, sizeof cmd,
             "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL sh tests/%s %s/%s >%s 2>&1; "
             "tail -n 1 %s | grep -qx '%s: ok'",
             script, tmp, name, log, log, name);
    int rc = test_sh(cmd, NULL, 0, NULL, 0);
    if (rc != 0) {
        static char text[6500];
        snprintf(cmd, sizeof cmd, "tail -c 6000 %s", log);
        text[0] = '\0';
        test_sh(cmd, text, sizeof text, NULL, 0);
        printf("\n  %s failed:\n%s\n", script, text);
    }
    CU_ASSERT_EQUAL(rc, 0);
}

static void test_release(void)
{
    run_script("release-check.sh", "release-check");
}

static void test_gradescope(void)
{
    run_script("gradescope-check.sh", "gradescope-check");
}

static void test_parallel(void)
{
    run_script("parallel-check.sh", "parallel-check");
}

static const struct test_case cases[] = {
    {"make release: no solution or hidden data; it builds, grades and tests alone", test_release},
    {"make gradescope: run_autograder grades correct, wrong, hostile and empty submissions",
     test_gradescope},
    {"make grade-all HOSTS=file: the same gradebook as the local run, incremental; the dashboard renders", test_parallel},
};

int main(void)
{
    snprintf(tmp, sizeof tmp, "%s", test_tmpdir());
    int rc = test_run("deploy", cases, TEST_COUNT(cases));
    test_rmdir(tmp);
    return rc;
}
