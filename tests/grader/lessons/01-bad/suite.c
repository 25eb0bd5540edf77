/* Fixture suite: one test per way a submission can misbehave. The expected
 * outcome of each is asserted in tests/test_grader.c. */
#include <CUnit/CUnit.h>
#include <math.h>
#include <string.h>

#include "exercise.h"
#include "grade.h"

#define N 16

static void ramp_ok(void)
{
    double y[N], want[N];
    for (size_t i = 0; i < N; i++)
        want[i] = (double)i;
    if (grade_status(ramp_ex(y, N), "ramp_ex"))
        grade_close("y", y, want, N, 1e-12, 0);
}

static void ramp_reference(void)
{
    struct dsp_mat m;
    if (!grade_reference("ramp.txt", &m))
        return;
    double y[N];
    if (grade_length("ramp.txt columns", m.cols, N) && grade_status(ramp_ex(y, N), "ramp_ex"))
        grade_close("y", y, m.data, N, 1e-12, 0);
    dsp_mat_free(&m);
}

static void missing_reference(void)
{
    struct dsp_mat m;
    if (grade_reference("no-such-file.txt", &m))
        dsp_mat_free(&m);
}

static void loop_forever(void) { grade_status(loop_ex(), "loop_ex"); }
static void segv_null(void) { grade_status(segv_ex(), "segv_ex"); }
static void abort_call(void) { grade_status(abort_ex(), "abort_ex"); }
static void fpe_trap(void) { grade_status(fpe_ex(), "fpe_ex"); }
static void stack_overflow(void) { grade_status(stack_ex(0), "stack_ex"); }
static void exit_early(void) { grade_status(exit_ex(), "exit_ex"); }
static void sleep_long(void) { grade_status(sleep_ex(), "sleep_ex"); }
static void escape_group(void) { grade_status(escape_ex(), "escape_ex"); }
static void alloc_huge(void) { grade_status(alloc_ex(), "alloc_ex"); }
static void todo_stub(void) { grade_status(todo_ex(), "todo_ex"); }
static void after_todo(void) { grade_true(0, "never runs: its parent fails"); }

static void fake_pass(void)
{
    double y[N], want[N];
    for (size_t i = 0; i < N; i++)
        want[i] = (double)i;
    if (grade_status(fake_ex(y, N), "fake_ex"))
        grade_close("y", y, want, N, 1e-12, 0);
}

static void flood_output(void)
{
    double y[N], want[N];
    for (size_t i = 0; i < N; i++)
        want[i] = (double)i;
    if (grade_status(flood_ex(y, N), "flood_ex"))
        grade_close("y", y, want, N, 1e-12, 0);
}

static void scaled_hint(void)
{
    double y[N], want[N];
    for (size_t i = 0; i < N; i++)
        want[i] = (double)i / N;
    if (grade_status(scaled_ex(y, N), "scaled_ex"))
        grade_close("y", y, want, N, 1e-12, 1e-12);
}

static void shift_hint(void)
{
    double y[N], want[N];
    for (size_t i = 0; i < N; i++)
        want[i] = (double)(i * i);
    if (grade_status(shift_ex(y, N), "shift_ex"))
        grade_close("y", y, want, N, 1e-12, 1e-12);
}

static void conj_hint(void)
{
    double complex X[N], want[N];
    for (size_t k = 0; k < N; k++)
        want[k] = cexp(-2.0 * I * M_PI * (double)k / N);
    if (grade_status(conj_ex(X, N), "conj_ex"))
        grade_close_complex("X", X, want, N, 1e-12, 1e-12);
}

/* The hints must not name a transformation that does not explain the error.
 * These "submissions" live in the suite: a float computation (errors that
 * vary from value to value), an error varying around 0.002 dB next to one
 * -6153 dB floor value (which once made the hint call it "1 x expected"),
 * and a true constant dB offset, which must be named. */
static void float_rounding(void)
{
    double got[N], want[N];
    for (size_t i = 0; i < N; i++) {
        want[i] = 1000 * sin(0.3 * (double)i);
        got[i] = (float)want[i];
    }
    grade_close("X", got, want, N, 1e-9, 0);
}

static void varying_db(void)
{
    double got[N], want[N];
    for (size_t i = 0; i < N; i++) {
        want[i] = i == 5 ? -6153.0531 : -20.0 - (double)i;
        got[i] = want[i] + 0.002 + (i == 5 ? 0 : 0.001 * sin((double)i));
    }
    grade_close("mX (dB)", got, want, N, 1e-9, 0);
}

static void offset_db(void)
{
    double got[N], want[N];
    for (size_t i = 0; i < N; i++) {
        want[i] = -20.0 - (double)i;
        got[i] = want[i] - 20 * log10(32.0);
    }
    grade_close("mX (dB)", got, want, N, 1e-9, 0);
}

static void bare_assert(void)
{
    double y[N];
    CU_ASSERT_EQUAL(ramp_ex(y, N), DSP_OK);
    CU_ASSERT(y[3] == 4.0);
}

static const struct grade_test tests[] = {
    {"ramp: basic", 2, ramp_ok, NULL, 0},
    {"ramp: reference file", 1, ramp_reference, NULL, 0},
    {"ramp: missing reference", 1, missing_reference, NULL, 0},
    {"ramp: bare CU_ASSERT", 1, bare_assert, NULL, 0},
    {"loop: forever", 1, loop_forever, NULL, 1},
    {"segv: null pointer", 1, segv_null, NULL, 0},
    {"abort: abort()", 1, abort_call, NULL, 0},
    {"fpe: SIGFPE", 1, fpe_trap, NULL, 0},
    {"stack: overflow", 1, stack_overflow, NULL, 0},
    {"exit: exit(0)", 1, exit_early, NULL, 0},
    {"fake: prints OK", 1, fake_pass, NULL, 0},
    {"flood: 10 MB of output", 1, flood_output, NULL, 0},
    {"alloc: 4 GB", 1, alloc_huge, NULL, 0},
    {"sleep: sleep(1000)", 1, sleep_long, NULL, 1},
    {"escape: grandchild in its own session", 1, escape_group, NULL, 0},
    {"todo: stub", 1, todo_stub, NULL, 0},
    {"after: depends on the stub", 1, after_todo, "todo: stub", 0},
    {"scaled: missing 1/N", 1, scaled_hint, NULL, 0},
    {"shift: off by one", 1, shift_hint, NULL, 0},
    {"conj: conjugated", 1, conj_hint, NULL, 0},
    {"noisy: float rounding", 1, float_rounding, NULL, 0},
    {"noisy: varying dB error", 1, varying_db, NULL, 0},
    {"offset: dB offset", 1, offset_db, NULL, 0},
};
GRADE_SUITE("01-bad", tests);
