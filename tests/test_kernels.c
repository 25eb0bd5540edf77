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

/* dsp_k_bands over bands of every length 0 .. 2*MAXN/3 at assorted starts,
 * against the sum it promises written out plainly: element j into lane
 * j % 8, lanes added ((0+4)+(2+6))+((1+5)+(3+7)). Returns the number of
 * bands that differ in any bit. Also checks that sum against a naive
 * left-to-right one, to 1e-14 relative to the sum of |terms| (the two
 * orders of n <= 133 additions differ by at most ~n * 2^-53 = 1.5e-14 of
 * it; a lane or weight mix-up would be off by whole terms). */
static size_t check_bands(size_t *far)
{
    enum { NB = 60 };
    size_t first[NB], count[NB], total = 0;
    for (size_t m = 0; m < NB; m++) {
        count[m] = (m * 37) % (2 * MAXN / 3);
        first[m] = (m * 53) % (2 * MAXN - count[m]);
        total += count[m];
    }
    static double wts[NB * 2 * MAXN / 3], out[NB];
    /* every 7th weight 0, to be skipped */
    for (size_t i = 0; i < total; i++)
        wts[i] = i % 7 == 3 ? 0.0 : w[i % (2 * MAXN)] + (double)(i / (2 * MAXN));
    dsp_k_bands(x, wts, first, count, NB, out);
    size_t bad = 0, at = 0;
    for (size_t m = 0; m < NB; m++) {
        double lane[8] = {0}, naive = 0.0, mass = 0.0;
        for (size_t j = 0; j < count[m]; j++) {
            double t = wts[at + j] * x[first[m] + j];
            lane[j % 8] += t;
            naive += t;
            mass += fabs(t);
        }
        double want = ((lane[0] + lane[4]) + (lane[2] + lane[6])) +
                      ((lane[1] + lane[5]) + (lane[3] + lane[7]));
        bad += memcmp(&out[m], &want, sizeof want) != 0;
        *far += fabs(want - naive) > 1e-14 * mass;
        at += count[m];
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
        size_t far = 0, bad = check_current() + check_bands(&far);
        CU_ASSERT_EQUAL(far, 0);
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
