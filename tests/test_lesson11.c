/*
 * test_lesson11.c — lesson 11's hints name the mistake a student made.
 *
 * Each case copies lessons/11-fft-and-speed/solution/ into a scratch
 * submission, makes one classic mistake in one file (an exact text
 * replacement; the case fails loudly if the solution no longer contains the
 * text), runs the real `make grade LESSON=11 ONLY=...` on it and checks that
 * the expected test fails with the expected hint, and that the solution
 * itself passes the same tests. Every case rewrites the same submission
 * folder, so the grader's compile cache (per file content) compiles each
 * unchanged file once, and one grading folder is left to remove.
 *
 * Under SAN=1 the program only says so and passes: which hint a wrong
 * answer draws does not depend on the sanitizers, `make SAN=1 grade-check`
 * already grades the solution under them, and nine more graded runs would
 * only lengthen CI.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define SAN_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SAN_BUILD 1
#endif
#endif
#ifndef SAN_BUILD
#define SAN_BUILD 0
#endif

#define LESSON "11-fft-and-speed"
#define SOLUTION "lessons/" LESSON "/solution"

static const char *const files[] = {"bitrev.c", "twiddle.c", "fft.c",
                                    "rfft.c",   "fftbench.c", "winmag.c"};

static const char *tmp;

static const char *build_dir(void)
{
    const char *b = getenv("BUILD");
    return b && b[0] ? b : (SAN_BUILD ? "build-san" : "build");
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    char *s = size >= 0 ? malloc((size_t)size + 1) : NULL;
    if (s != NULL)
        s[fread(s, 1, (size_t)size, f)] = '\0';
    fclose(f);
    return s;
}

static int write_all(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return 0;
    int ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok;
}

/* One classic mistake: in file, find -> replace; then `ONLY=only` must fail
 * test (the name before ": FAIL") with hint in its feedback. */
struct slip {
    const char *name, *file, *find, *replace, *only, *test, *hint;
};

static const struct slip slips[] = {
    {"bitrev: one bit too many", "bitrev.c", "while (((size_t)1 << bits) < n)",
     "while (((size_t)1 << bits) <= n)", "bitrev", "bitrev: n = 8", "reversed in 4 bits"},
    {"twiddle: exp(+j ...)", "twiddle.c", "double angle = -2.0 * M_PI",
     "double angle = 2.0 * M_PI", "twiddle", "twiddle: n = 8", "exp(+j pi/4)"},
    {"fft: no bit reversal", "fft.c", "X[rev[i]] = x[i];", "X[i] = x[i];", "fft",
     "fft: {1, 2, 3, 4}", "butterflies ran on x in natural order"},
    {"fft: w[j] without the stride", "fft.c", "w[j * stride]", "w[j]", "fft",
     "fft: impulses, a constant, one exponential (n = 8)", "uses w[j] in every stage"},
    {"fft: one stage short", "fft.c", "len <= n; len *= 2", "len < n; len *= 2", "fft",
     "fft: {1, 2, 3, 4}", "stops one stage early"},
    {"rfft: even and odd swapped", "rfft.c", "z[m] = x[2 * m] + I * x[2 * m + 1];",
     "z[m] = x[2 * m + 1] + I * x[2 * m];", "rfft", "rfft: {1, 2, 3, 4} and {5, -3}",
     "the even samples are the real parts"},
    {"rfft: bin n/2 never written", "rfft.c", "for (size_t k = 0; k <= h; k++)",
     "for (size_t k = 0; k < h; k++)", "rfft", "rfft: {1, 2, 3, 4} and {5, -3}",
     "(bin n/2) was never written"},
    {"winmag: no square root", "winmag.c", "w[k] * sqrt(re[k] * re[k] + im[k] * im[k])",
     "w[k] * (re[k] * re[k] + im[k] * im[k])", "winmag", "winmag: {3+4j, 2j, 1-1j}",
     "needs the square root"},
};

/* Copies the solution into tmp/dir/LESSON/, with s's mistake if s is not
 * NULL. 0 (and a message) when the mistake's text is not in the solution. */
static int make_submission(const char *dir, const struct slip *s)
{
    char path[2048];
    snprintf(path, sizeof path, "mkdir -p '%s/%s/%s'", tmp, dir, LESSON);
    if (test_sh(path, NULL, 0, NULL, 0) != 0)
        return 0;
    for (size_t i = 0; i < TEST_COUNT(files); i++) {
        snprintf(path, sizeof path, "%s/%s", SOLUTION, files[i]);
        char *text = read_all(path);
        if (text == NULL) {
            printf("\n  cannot read %s\n", path);
            return 0;
        }
        if (s != NULL && strcmp(s->file, files[i]) == 0) {
            char *at = strstr(text, s->find);
            if (at == NULL) {
                printf("\n  %s: \"%s\" is no longer in %s: update this case\n", s->name, s->find,
                       path);
                free(text);
                return 0;
            }
            size_t head = (size_t)(at - text), flen = strlen(s->find);
            size_t rlen = strlen(s->replace), tail = strlen(at + flen);
            char *changed = malloc(head + rlen + tail + 1);
            if (changed == NULL) {
                free(text);
                return 0;
            }
            memcpy(changed, text, head);
            memcpy(changed + head, s->replace, rlen);
            memcpy(changed + head + rlen, at + flen, tail + 1);
            free(text);
            text = changed;
        }
        snprintf(path, sizeof path, "%s/%s/%s/%s", tmp, dir, LESSON, files[i]);
        int ok = write_all(path, text);
        free(text);
        if (!ok)
            return 0;
    }
    return 1;
}

/* make grade on tmp/dir with ONLY=only; the report (kept as tmp/name.txt),
 * or NULL. */
static char *grade(const char *dir, const char *only, const char *name)
{
    char cmd[4096], report[2048];
    snprintf(report, sizeof report, "%s/%s.txt", tmp, name);
    snprintf(cmd, sizeof cmd,
             "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL NO_COLOR=1 make --no-print-directory -s "
             "BUILD=%s %s grade LESSON=11 ONLY=%s SUBMISSION='%s/%s' GRADE_REPORT_DIR='%s/out' "
             ">'%s' 2>&1",
             build_dir(), SAN_BUILD ? "SAN=1" : "", only, tmp, dir, tmp, report);
    test_sh(cmd, NULL, 0, NULL, 0);
    return read_all(report);
}

static void test_solution_passes(void)
{
    CU_ASSERT_FATAL(make_submission("sub", NULL));
    char *r = grade("sub", "bitrev,twiddle,fft,rfft,winmag", "solution");
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    int ok = strstr(r, "\nScore: 27/27") != NULL && strstr(r, "FAIL") == NULL;
    if (!ok)
        printf("\n  the solution did not pass:\n%.3000s\n", r);
    CU_ASSERT(ok);
    free(r);
}

static void test_each_slip_draws_its_hint(void)
{
    for (size_t i = 0; i < TEST_COUNT(slips); i++) {
        const struct slip *s = &slips[i];
        char name[32];
        snprintf(name, sizeof name, "slip%zu", i);
        if (!make_submission("sub", s)) {
            CU_FAIL("submission not made");
            continue;
        }
        char *r = grade("sub", s->only, name);
        CU_ASSERT_PTR_NOT_NULL(r);
        if (r == NULL)
            continue;
        /* the test's line says FAIL, and its feedback (up to the next
         * unindented line) holds the hint */
        char line[256];
        snprintf(line, sizeof line, "\n%s: FAIL", s->test);
        const char *at = strstr(r, line);
        const char *end = at ? strstr(at + strlen(line), "\n") : NULL;
        while (end && end[1] == ' ')
            end = strchr(end + 1, '\n');
        const char *hint = at ? strstr(at, s->hint) : NULL;
        int ok = at != NULL && hint != NULL && (end == NULL || hint < end);
        if (!ok)
            printf("\n  %s: expected \"%s\" to fail with \"%s\"; the report:\n%.3000s\n",
                   s->name, s->test, s->hint, r);
        CU_ASSERT(ok);
        free(r);
    }
}

/* Removes the scratch folder and the grader's folder for the submission,
 * BUILD/grade/sub/<its absolute path, '_' doubled, '/' as '_'> (grader.mk's
 * grade_key). */
static void test_cleanup(void)
{
    char path[1024], key[2048], cmd[4096];
    size_t k = 0;
    snprintf(path, sizeof path, "%s/sub", tmp);
    for (const char *c = path; *c && k + 2 < sizeof key; c++) {
        if (*c == '_')
            key[k++] = '_';
        key[k++] = *c == '/' ? '_' : *c;
    }
    key[k] = '\0';
    snprintf(cmd, sizeof cmd, "rm -rf '%s/grade/sub/%s'", build_dir(), key);
    CU_ASSERT_EQUAL(test_sh(cmd, NULL, 0, NULL, 0), 0);
    test_rmdir(tmp);
}

int main(void)
{
    if (SAN_BUILD) {
        printf("test_lesson11: skipped under SAN=1 (the hints are checked in the normal build)\n");
        return 0;
    }
    tmp = test_tmpdir();
    if (tmp == NULL) {
        fprintf(stderr, "test_lesson11: cannot make a scratch folder\n");
        return 1;
    }
    static const struct test_case cases[] = {
        {"the solution passes bitrev, twiddle, fft, rfft, winmag", test_solution_passes},
        {"each classic slip fails its test with its hint", test_each_slip_draws_its_hint},
        {"cleanup", test_cleanup},
    };
    return test_run("lesson11", cases, TEST_COUNT(cases));
}
