/*
 * suite.c — the grader's tests for lesson @LESSON@ (see grader/grade.h and
 * grader/check.h for the API, lessons/README.md for the conventions).
 *
 * The placeholder below is worth 0 points, so a new lesson builds and grades
 * at once; give real tests their points as you write them.
 */
#include "exercise.h"
#include "grade.h"

/* The README's worked example, exact: gain * x of small integers. */
static void example_worked(void)
{
    const double x[4] = {0, 1, 2, 3};
    const double want[4] = {0, 2, 4, 6};
    double y[4];
    if (!grade_status(example_ex(x, 4, 2.0, y), "example_ex"))
        return;
    grade_close("y", y, want, 4, 1e-12, 0);
}

/* Against data/reference/@LESSON@/example.txt (written by refgen.c; run
 * `make references`). Products of small integers and 2 are exact in double,
 * so 1e-12 leaves room only for a different rounding order. */
static void example_reference(void)
{
    struct dsp_mat ref;
    if (!grade_reference("example.txt", &ref))
        return;
    double x[8], y[8];
    for (size_t i = 0; i < 8; i++)
        x[i] = (double)i;
    if (grade_length("example.txt columns", ref.cols, 8) &&
        grade_status(example_ex(x, 8, 2.0, y), "example_ex"))
        grade_close("y", y, ref.data, 8, 1e-12, 1e-12);
    dsp_mat_free(&ref);
}

static const struct grade_test tests[] = {
    /* {name, points, test, depends on, CPU seconds (0 = 10)} */
    {"example: worked example", 0, example_worked, NULL, 0},
    {"example: reference data", 0, example_reference, "example: worked example", 0},
};
GRADE_SUITE("@LESSON@", tests);
