/*
 * testutil.h — what every CUnit test program here shares: a table of tests,
 * one call to run it, and comparisons that say where two arrays differ.
 *
 *     static void test_impulse(void) { ... CU_ASSERT(...); }
 *     static const struct test_case cases[] = {
 *         {"impulse has a flat spectrum", test_impulse},
 *     };
 *     int main(void) { return test_run("dft", cases, TEST_COUNT(cases)); }
 */
#ifndef DSPLAB_TESTUTIL_H
#define DSPLAB_TESTUTIL_H

#include <CUnit/CUnit.h>
#include <complex.h>
#include <dsplab/dft.h> /* CMPLX where <complex.h> lacks it (clang) */
#include <stddef.h>

struct test_case {
    const char *name;
    void (*fn)(void);
};

#define TEST_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Registers the cases as one suite, runs them with CUnit's basic runner
 * (verbose), prints CUnit's summary and returns the process exit status:
 * 0 when every assertion passed, 1 otherwise. */
int test_run(const char *suite_name, const struct test_case *cases, size_t n);

/* |got[i] - want[i]| <= atol + rtol * |want[i]| for every i. On failure
 * prints the first bad index, both values, the largest error and the count
 * of bad values, and records a CUnit failure. Returns 1 when all are close. */
int test_close(const char *what, const double *got, const double *want, size_t n, double atol,
               double rtol);
int test_close_complex(const char *what, const double complex *got, const double complex *want,
                       size_t n, double atol, double rtol);

/* Largest |a[i] - b[i]|. */
double test_max_abs_diff(const double *a, const double *b, size_t n);

/* A fresh temporary directory (mkdtemp under $TMPDIR or /tmp); the path is
 * valid until test_rmdir. */
const char *test_tmpdir(void);
/* Removes the directory made by test_tmpdir and everything in it. */
void test_rmdir(const char *dir);

/* Runs a command line through /bin/sh and returns its exit status (or 128 +
 * signal); stdout and stderr are captured into out/err (may be NULL) up to
 * their sizes. Used by the tests of the dsplab tool. */
int test_sh(const char *cmd, char *out, size_t outsize, char *err, size_t errsize);

/* Path of the dsplab tool under test: $DSPLAB, else build/bin/dsplab. */
const char *test_dsplab(void);

/* ---- for the tests that drive `make grade` ---- */

/* 1 when this program (and so the build it tests) uses AddressSanitizer. */
#if defined(__SANITIZE_ADDRESS__)
#define TEST_SAN_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_SAN_BUILD 1
#endif
#endif
#ifndef TEST_SAN_BUILD
#define TEST_SAN_BUILD 0
#endif

/* The build folder under test: $BUILD, else build or build-san. */
const char *test_build_dir(void);

/* A whole file, NUL-terminated (malloc'd; *n gets its length when n is not
 * NULL), or NULL when it cannot be read. */
char *test_slurp(const char *path, size_t *n);

/* A wrong submission, laid out like assignments/: the .c files of
 * lessons/<lesson>/solution/ with those of tests/grader/<cases>/<name>/<lesson>/
 * on top (a case keeps only the files its mistake changes). Built under
 * scratch; returns the submission folder (static storage, until the next
 * call), or NULL when it cannot be made. */
const char *test_wrong_submission(const char *cases, const char *name, const char *lesson,
                                  const char *scratch);

#endif
