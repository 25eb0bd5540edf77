/*
 * grade.h — what a lesson's grader suite (lessons/NN-topic/suite.c) writes.
 *
 * A suite is a table of graded tests, compiled into the lesson's judge,
 * which contains no student code. Each test runs in its own child process
 * of the judge (grader/isolate.c) with a CPU-time limit, an address-space
 * limit and an output cap. Its calls to exercise functions go through the
 * proxies of the lesson's boundary.c to a worker process in a bubblewrap
 * sandbox, where the student's code runs; only the returned status and the
 * output arrays come back, as data. The checks, the points and the verdict
 * are computed in the judge: a test earns its points only when the
 * student's outputs are right (grader/THREATS.md).
 *
 * A test's name is "exercise: case", e.g. "dft: impulse"; `make grade
 * ONLY=dft` runs the tests whose exercise part is "dft". A test passes when
 * it returns without any failed check. Checks (grader/check.h) record CUnit
 * assertions and the lines of feedback the student reads.
 *
 *     static void dft_impulse(void)
 *     {
 *         double complex X[8], want[8];
 *         ...
 *         if (!grade_status(dft_ex(x, 8, X), "dft_ex"))
 *             return;
 *         grade_close_complex("X", X, want, 8, 1e-9, 1e-9);
 *     }
 *     static const struct grade_test tests[] = {
 *         {"dft: impulse", 2, dft_impulse, NULL, 0},
 *         {"idft: round trip", 3, idft_round_trip, "dft: impulse", 0},
 *     };
 *     GRADE_SUITE("02-sinusoids-dft", tests);
 *
 * Hidden tests go in a second table, after the suite's:
 *
 *     static const struct grade_test hidden_tests[] = {
 *         {"dft: hidden signal", 2, dft_hidden, NULL, 0},
 *     };
 *     GRADE_HIDDEN_TESTS(hidden_tests);
 *
 * and read their private inputs with grade_hidden_data() from
 * data/reference-hidden/<lesson>/, which only the instructor's copy holds.
 * The student edition counts them and their points; class grading runs
 * them; results.json marks them with Gradescope's "visibility".
 */
#ifndef DSPLAB_GRADE_H
#define DSPLAB_GRADE_H

#include <stddef.h>

#include "check.h"

struct grade_test {
    const char *name;        /* "exercise: case" — the line the student sees */
    int points;              /* earned whole when the test passes */
    void (*run)(void);       /* the test body */
    const char *depends_on;  /* another test's name that must pass first, or NULL */
    double timeout_s;        /* CPU seconds; 0 means the default, 10 s */
};

struct grade_suite {
    const char *lesson;                /* "02-sinusoids-dft" (its folder's name) */
    const struct grade_test *tests;
    size_t n_tests;
};

/* Defines the lesson's suite; use once in suite.c at file scope. */
#define GRADE_SUITE(lesson_name, table)                                                        \
    const struct grade_suite grade_suite = {(lesson_name), (table),                           \
                                            sizeof(table) / sizeof((table)[0])}

/* The lesson's hidden tests (optional; at most once, after GRADE_SUITE). */
#define GRADE_HIDDEN_TESTS(table)                                                              \
    const struct grade_suite grade_hidden_suite = {NULL, (table),                             \
                                                   sizeof(table) / sizeof((table)[0])}

extern const struct grade_suite grade_suite;
extern const struct grade_suite grade_hidden_suite;

#endif
