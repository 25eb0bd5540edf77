/* plotfb.c — the figure of a failed comparison (see plotfb.h). Runs in the
 * test's child process, after the comparison has failed; the drawing is
 * done by the dsplab tool in a process of its own, its output discarded. */
#include "plotfb.h"

#include <CUnit/CUnit.h>
#include <complex.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <dsplab/datafile.h>

#include "check.h"

static int plotted;   /* once per test: each test runs in a fresh child */
static size_t shape_rows, shape_cols;

void plotfb_set_shape(size_t rows, size_t cols)
{
    shape_rows = rows;
    shape_cols = cols;
}

/* "dft: example {1,2,3,4}" -> "dft-example-1-2-3-4" */
static void slug(char *dst, size_t size, const char *s)
{
    size_t k = 0;
    int dash = 0;
    for (; *s && k + 2 < size; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            if (dash && k > 0)
                dst[k++] = '-';
            dst[k++] = (char)c;
            dash = 0;
        } else {
            dash = 1;
        }
    }
    dst[k] = '\0';
    if (k == 0)
        snprintf(dst, size, "output");
}

/* path shown relative to the current folder when it lies inside it */
static const char *shown(const char *path)
{
    static char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return path;
    size_t n = strlen(cwd);
    return strncmp(path, cwd, n) == 0 && path[n] == '/' ? path + n + 1 : path;
}

/* The dsplab tool of the build the grade program belongs to: the program
 * lives in BUILD/grade/judge/LESSON/, the tool in
 * BUILD/bin/. $DSPLAB overrides. NULL when there is none. */
static char feedback_dir[PATH_MAX];

void plotfb_set_dir(const char *dir)
{
    snprintf(feedback_dir, sizeof feedback_dir, "%s", dir ? dir : "");
}

static const char *find_tool(const char *dir, char *buf, size_t size)
{
    const char *env = getenv("DSPLAB");
    if (env && env[0] && access(env, X_OK) == 0)
        return env;
    static const char *const up[] = {"/../..", "/../../..", "/../../../.."};
    for (size_t i = 0; i < sizeof up / sizeof up[0]; i++) {
        snprintf(buf, size, "%s%s/bin/dsplab", dir, up[i]);
        if (access(buf, X_OK) == 0)
            return buf;
    }
    return NULL;
}

static int run_tool(const char *tool, const char *txt, const char *png, const char *title)
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, 1);
            dup2(null, 2);
        }
        char *args[] = {(char *)"dsplab", (char *)"plot",  (char *)"feedback", (char *)txt,
                        (char *)"--title", (char *)title, (char *)"-o",      (char *)png,
                        NULL};
        execv(tool, args);
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* got/expected as given (real), or the magnitudes of complex arrays with
 * their complex |difference| in a 4th column (the quantity compared). */
static void plot_arrays(const char *what, const double *got, const double *expected,
                        const double complex *cgot, const double complex *cexp, size_t n,
                        double atol, double rtol)
{
    const char *off = getenv("DSPLAB_NO_PLOTS");
    if (plotted || n < PLOTFB_MIN_LENGTH || (off && off[0] && strcmp(off, "0") != 0))
        return;
    plotted = 1;
    CU_pTest t = CU_get_current_test();
    const char *test = t && t->pName ? t->pName : "test";

    char dir[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", dir, sizeof dir - 1);
    if (len <= 0)
        return;
    dir[len] = '\0';
    char *slash = strrchr(dir, '/');
    if (!slash)
        return;
    *slash = '\0';
    char fbdir[PATH_MAX + 16], base[PATH_MAX + 600], a[256], b[128];
    /* One submission's figures live in its own build folder. */
    snprintf(fbdir, sizeof fbdir, "%s", feedback_dir[0] ? feedback_dir : dir);
    if (!feedback_dir[0])
        strncat(fbdir, "/feedback", sizeof fbdir - strlen(fbdir) - 1);
    if (mkdir(fbdir, 0777) != 0 && errno != EEXIST)
        return;
    slug(a, sizeof a, test);
    slug(b, sizeof b, what);
    snprintf(base, sizeof base, "%s/%s--%s", fbdir, a, b);
    char txt[sizeof base + 8], png[sizeof base + 8], shown_what[300];
    snprintf(txt, sizeof txt, "%s.txt", base);
    snprintf(png, sizeof png, "%s.png", base);
    snprintf(shown_what, sizeof shown_what, cgot ? "|%s|" : "%s", what);

    struct dsp_matfile *f = dsp_matfile_create(txt, cgot ? 4 : 3);
    if (!f)
        return;
    dsp_matfile_header(f, "test", "%s", test);
    dsp_matfile_header(f, "what", "%s", shown_what);
    dsp_matfile_header(f, "atol", "%.17g", atol);
    dsp_matfile_header(f, "rtol", "%.17g", rtol);
    int matrix = shape_rows >= 2 && shape_cols >= 2 && shape_rows * shape_cols == n;
    if (matrix) {
        dsp_matfile_header(f, "matrix_rows", "%zu", shape_rows);
        dsp_matfile_header(f, "matrix_cols", "%zu", shape_cols);
    }
    dsp_matfile_header(f, "fields", cgot ? "index |got| |expected| |got-expected|"
                                         : "index got expected");
    for (size_t i = 0; i < n; i++) {
        double row[4] = {(double)i, 0, 0, 0};
        if (cgot) {
            row[1] = cabs(cgot[i]);
            row[2] = cabs(cexp[i]);
            row[3] = cabs(cgot[i] - cexp[i]);
        } else {
            row[1] = got[i];
            row[2] = expected[i];
        }
        if (dsp_matfile_write_row(f, row) != 0) {
            dsp_matfile_abort(f);
            return;
        }
    }
    if (dsp_matfile_commit(f) != 0)
        return;

    char toolbuf[PATH_MAX + 64], title[600];
    const char *tool = find_tool(dir, toolbuf, sizeof toolbuf);
    snprintf(title, sizeof title, "%s: %s", test, shown_what);
    remove(png);   /* an old figure must not pass for this run's */
    if (tool && run_tool(tool, txt, png, title) == 0 && access(png, R_OK) == 0)
        grade_note(matrix ? "plot: %s (yours, the expected and the difference as heat maps)"
                          : "plot: %s (yours against the expected values, mismatches shaded)",
                   shown(png));
    else
        grade_note("values: %s (draw them with: dsplab plot feedback %s)", shown(txt),
                   shown(txt));
}

void plotfb_close(const char *what, const double *got, const double *expected, size_t n,
                  double atol, double rtol)
{
    plot_arrays(what, got, expected, NULL, NULL, n, atol, rtol);
}

void plotfb_close_complex(const char *what, const double complex *got,
                          const double complex *expected, size_t n, double atol, double rtol)
{
    plot_arrays(what, NULL, NULL, got, expected, n, atol, rtol);
}
