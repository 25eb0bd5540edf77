/* Tests for the vectorised inner loops (lib/src/kernels.h, internal): each
 * instruction set's version gives the same bits as the plain loop, for
 * every length around the block sizes (the remainders). */
#include "testutil.h"

#include "../lib/src/kernels.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXN 200

static double x[2 * MAXN], w[2 * MAXN], ref[MAXN], got[MAXN];
static float xf[2 * MAXN], wf[2 * MAXN], reff[MAXN], gotf[MAXN];

static void fill(void)
{
    uint64_t s = 99;
    for (size_t i = 0; i < 2 * MAXN; i++) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        x[i] = (double)(int64_t)(s >> 11) / 9.0e15;
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        w[i] = (double)(s >> 11) / 9.0e15;
        xf[i] = (float)x[i];
        wf[i] = (float)w[i];
    }
}

/* Every kernel for n = 0 .. MAXN-1 against the plain expression. Returns
 * the number of values that differ in any bit. */
static size_t check_current(void)
{
    size_t bad = 0;
    for (size_t n = 0; n < MAXN; n++) {
        dsp_k_mul(x, w, got, n);
        for (size_t i = 0; i < n; i++)
            ref[i] = x[i] * w[i];
        bad += memcmp(got, ref, n * sizeof *got) != 0;
        dsp_k_mag(x, got, n);
        for (size_t i = 0; i < n; i++)
            ref[i] = sqrt(x[2 * i] * x[2 * i] + x[2 * i + 1] * x[2 * i + 1]);
        bad += memcmp(got, ref, n * sizeof *got) != 0;
        dsp_k_pow(x, got, n);
        for (size_t i = 0; i < n; i++)
            ref[i] = x[2 * i] * x[2 * i] + x[2 * i + 1] * x[2 * i + 1];
        bad += memcmp(got, ref, n * sizeof *got) != 0;
        dsp_k_mulf(xf, wf, gotf, n);
        for (size_t i = 0; i < n; i++)
            reff[i] = xf[i] * wf[i];
        bad += memcmp(gotf, reff, n * sizeof *gotf) != 0;
        dsp_k_magf(xf, gotf, n);
        for (size_t i = 0; i < n; i++)
            reff[i] = sqrtf(xf[2 * i] * xf[2 * i] + xf[2 * i + 1] * xf[2 * i + 1]);
        bad += memcmp(gotf, reff, n * sizeof *gotf) != 0;
        dsp_k_powf(xf, gotf, n);
        for (size_t i = 0; i < n; i++)
            reff[i] = xf[2 * i] * xf[2 * i] + xf[2 * i + 1] * xf[2 * i + 1];
        bad += memcmp(gotf, reff, n * sizeof *gotf) != 0;
    }
    return bad;
}

static void test_every_isa(void)
{
    fill();
    const char *chosen = dsp_k_isa();
    printf(" [chosen at load: %s] ", chosen);
    const char *isas[] = {"baseline", "avx2", "avx512f"};
    size_t tried = 0;
    for (size_t i = 0; i < 3; i++) {
        if (dsp_k_select(isas[i]) != 0) {
            printf(" [%s: not on this CPU] ", isas[i]);
            continue;
        }
        CU_ASSERT_STRING_EQUAL(dsp_k_isa(), isas[i]);
        size_t bad = check_current();
        if (bad)
            printf("\n%s: %zu kernel runs differ from the plain loop\n", isas[i], bad);
        CU_ASSERT_EQUAL(bad, 0);
        tried++;
    }
    CU_ASSERT(tried >= 1);
    CU_ASSERT_EQUAL(dsp_k_select("no-such-isa"), -1);
    CU_ASSERT_EQUAL(dsp_k_select(chosen), 0);
}

static const struct test_case cases[] = {
    {"every instruction set's kernels = the plain loops, bit for bit", test_every_isa},
};

int main(void)
{
    return test_run("kernels", cases, TEST_COUNT(cases));
}
