#define _XOPEN_SOURCE 700 /* realpath */
#include "testutil.h"

#include <CUnit/Basic.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int test_run(const char *suite_name, const struct test_case *cases, size_t n)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    CU_pSuite suite = CU_add_suite(suite_name, NULL, NULL);
    for (size_t i = 0; suite && i < n; i++)
        if (!CU_add_test(suite, cases[i].name, cases[i].fn))
            suite = NULL;
    if (!suite) {
        fprintf(stderr, "%s: cannot register tests: %s\n", suite_name, CU_get_error_msg());
        CU_cleanup_registry();
        return 1;
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failures = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    int status = CU_get_error() != CUE_SUCCESS || failures > 0;
    CU_cleanup_registry();
    return status;
}

static int close_enough(double got, double want, double atol, double rtol)
{
    if (isnan(want))
        return isnan(got);
    if (isinf(want))
        return got == want;
    return fabs(got - want) <= atol + rtol * fabs(want);
}

int test_close(const char *what, const double *got, const double *want, size_t n, double atol,
               double rtol)
{
    size_t bad = 0, first = 0, worst = 0;
    double worst_err = 0.0;
    for (size_t i = 0; i < n; i++) {
        double err = fabs(got[i] - want[i]);
        if (!close_enough(got[i], want[i], atol, rtol)) {
            if (bad++ == 0)
                first = i;
            if (!(err <= worst_err)) {
                worst_err = err;
                worst = i;
            }
        }
    }
    if (bad) {
        printf("\n    %s: %zu of %zu values differ (atol %g, rtol %g); first at [%zu]: got %.17g, "
               "want %.17g; largest error %.3g at [%zu]\n",
               what, bad, n, atol, rtol, first, got[first], want[first], worst_err, worst);
    }
    CU_ASSERT(bad == 0);
    return bad == 0;
}

int test_close_complex(const char *what, const double complex *got, const double complex *want,
                       size_t n, double atol, double rtol)
{
    size_t bad = 0, first = 0;
    double worst_err = 0.0;
    for (size_t i = 0; i < n; i++) {
        double err = cabs(got[i] - want[i]);
        if (!(err <= atol + rtol * cabs(want[i]))) {
            if (bad++ == 0)
                first = i;
            if (!(err <= worst_err))
                worst_err = err;
        }
    }
    if (bad) {
        printf("\n    %s: %zu of %zu values differ (atol %g, rtol %g); first at [%zu]: got "
               "%.17g%+.17gj, want %.17g%+.17gj; largest error %.3g\n",
               what, bad, n, atol, rtol, first, creal(got[first]), cimag(got[first]),
               creal(want[first]), cimag(want[first]), worst_err);
    }
    CU_ASSERT(bad == 0);
    return bad == 0;
}

double test_max_abs_diff(const double *a, const double *b, size_t n)
{
    double m = 0.0;
    for (size_t i = 0; i < n; i++) {
        double d = fabs(a[i] - b[i]);
        if (!(d <= m))
            m = d;
    }
    return m;
}

const char *test_tmpdir(void)
{
    static char path[4096];
    const char *base = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/dsplab-test-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(path)) {
        perror("mkdtemp");
        abort();
    }
    return path;
}

void test_rmdir(const char *dir)
{
    char cmd[4300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "warning: could not remove %s\n", dir);
}

static void slurp(FILE *f, char *buf, size_t size)
{
    if (!buf || size == 0)
        return;
    size_t got = 0;
    if (f) {
        rewind(f);
        got = fread(buf, 1, size - 1, f);
    }
    buf[got] = '\0';
}

int test_sh(const char *cmd, char *out, size_t outsize, char *err, size_t errsize)
{
    FILE *fo = tmpfile(), *fe = tmpfile();
    if (!fo || !fe) {
        perror("tmpfile");
        abort();
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fileno(fo), 1);
        dup2(fileno(fe), 2);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    slurp(fo, out, outsize);
    slurp(fe, err, errsize);
    fclose(fo);
    fclose(fe);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

const char *test_dsplab(void)
{
    const char *p = getenv("DSPLAB");
    if (p && *p)
        return p;
    /* run by hand from the top folder: an absolute path, since some tests
     * cd into a scratch folder before calling the tool */
    static char path[4096];
    char rel[512];
    snprintf(rel, sizeof rel, "%s/bin/dsplab", test_build_dir());
    return realpath(rel, path) ? path : "build/bin/dsplab";
}

const char *test_build_dir(void)
{
    const char *b = getenv("BUILD");
    return b && b[0] ? b : (TEST_SAN_BUILD ? "build-san" : "build");
}

char *test_slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    char *s = size >= 0 ? malloc((size_t)size + 1) : NULL;
    size_t got = s ? fread(s, 1, (size_t)size, f) : 0;
    if (s)
        s[got] = '\0';
    if (n)
        *n = got;
    fclose(f);
    return s;
}

/* Copies every regular .c file of from/ into to/ (replacing what is there). */
static int copy_c_files(const char *from, const char *to)
{
    DIR *d = opendir(from);
    if (!d)
        return -1;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 3 || strcmp(e->d_name + len - 2, ".c") != 0)
            continue;
        char src[2400], dst[2400];
        snprintf(src, sizeof src, "%s/%s", from, e->d_name);
        snprintf(dst, sizeof dst, "%s/%s", to, e->d_name);
        size_t n = 0;
        char *text = test_slurp(src, &n);
        FILE *f = text ? fopen(dst, "wb") : NULL;
        if (!f || fwrite(text, 1, n, f) != n)
            rc = -1;
        if (f && fclose(f) != 0)
            rc = -1;
        free(text);
    }
    closedir(d);
    return rc;
}

const char *test_wrong_submission(const char *cases, const char *name, const char *lesson,
                                  const char *scratch)
{
    static char sub[1500];
    char dir[1700], from[1700];
    snprintf(sub, sizeof sub, "%s/%s-%s", scratch, cases, name);
    snprintf(dir, sizeof dir, "%s/%s", sub, lesson);
    mkdir(sub, 0755);
    mkdir(dir, 0755);
    snprintf(from, sizeof from, "lessons/%s/solution", lesson);
    if (copy_c_files(from, dir) != 0)
        return NULL;
    snprintf(from, sizeof from, "tests/grader/%s/%s/%s", cases, name, lesson);
    return copy_c_files(from, dir) == 0 ? sub : NULL;
}
