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

/* The split step of the half-size real FFT (dsp_k_half_*), written out
 * plainly in the order kernels.h gives, for m = 1 .. MAXN-1: returns the
 * number of m whose output differs in any bit. z is read from xf (MAXN
 * complex values at most); the twiddles are any numbers, since the bits,
 * not the maths, are checked here (test_half_dft checks the maths). */
static size_t check_half(void)
{
    static float twr[MAXN], twi[MAXN], scratch[DSP_K_HALF_SCRATCH(MAXN)];
    static float got_m[MAXN + 1], got_p[MAXN + 1], want_m[MAXN + 1], want_p[MAXN + 1];
    for (size_t k = 0; k < MAXN; k++) {
        twr[k] = wf[k];
        twi[k] = -wf[MAXN + k];
    }
    const float *z = xf;
    size_t bad = 0;
    for (size_t m = 1; m < MAXN; m++) {
        dsp_k_half_magf(z, twr, twi, m, scratch, got_m);
        dsp_k_half_powf(z, twr, twi, m, scratch, got_p);
        float s = z[0] + z[1], d = z[0] - z[1];
        want_m[0] = sqrtf(s * s);
        want_m[m] = sqrtf(d * d);
        want_p[0] = s * s;
        want_p[m] = d * d;
        for (size_t k = 1; k <= m / 2; k++) {
            float ar = z[2 * k], ai = z[2 * k + 1], br = z[2 * (m - k)], bi = -z[2 * (m - k) + 1];
            float er = 0.5f * (ar + br), ei = 0.5f * (ai + bi);
            float orr = 0.5f * (ai - bi), oi = -0.5f * (ar - br);
            float tr = twr[k] * orr - twi[k] * oi, ti = twr[k] * oi + twi[k] * orr;
            float pr = er + tr, pi = ei + ti, qr = er - tr, qi = ei - ti;
            want_p[k] = pr * pr + pi * pi;
            want_m[k] = sqrtf(want_p[k]);
            want_p[m - k] = qr * qr + qi * qi;   /* k = m - k: this one wins */
            want_m[m - k] = sqrtf(want_p[m - k]);
        }
        bad += memcmp(got_m, want_m, (m + 1) * sizeof *got_m) != 0;
        bad += memcmp(got_p, want_p, (m + 1) * sizeof *got_p) != 0;
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
        size_t far = 0, bad = check_current() + check_bands(&far) + check_half();
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

/* The maths of the split step: for n = 2m real samples, z = the m-point
 * DFT of x[2j] + i x[2j+1] (in double, rounded to float), the kernel's
 * |X[k]| and |X[k]|^2 against the n-point real DFT written out in double.
 * Bound: 1e-6 of the largest |X| (2e-6 of the largest power, twice the
 * relative error). Each float z value carries up to 2^-24 = 6e-8 of its
 * size in rounding and the split adds about ten float operations on values
 * no larger than the peak, so rounding stays under 10 * 6e-8 = 6e-7 of it
 * (seen: 8e-8); a wrong sign, twiddle or partner index is off by a whole bin's
 * worth (order 1). Every m from 1 to 64 (odd and even, the self-paired
 * bin m/2, the blocks' remainders) and a few larger. */
static void test_half_dft(void)
{
    enum { MAXM = 300 };
    static float xr[2 * MAXM], z[2 * MAXM], twr[MAXM], twi[MAXM];
    static float scratch[DSP_K_HALF_SCRATCH(MAXM)], mag[MAXM + 1], pw[MAXM + 1];
    const double pi = 3.14159265358979323846;
    const size_t sizes[] = {72, 100, 128, 255, 256, 299};
    double worst = 0.0, worst_p = 0.0;
    for (size_t t = 0; t < 64 + sizeof sizes / sizeof *sizes; t++) {
        size_t m = t < 64 ? t + 1 : sizes[t - 64], n = 2 * m;
        uint64_t s = 12345 + m;
        for (size_t i = 0; i < n; i++) {
            s = s * 6364136223846793005ull + 1442695040888963407ull;
            xr[i] = (float)((double)(int64_t)(s >> 11) / 4.5e15 + (i % 5 == 0 ? 0.7 : 0.0));
        }
        for (size_t k = 0; k < m; k++) {
            double re = 0.0, im = 0.0;
            for (size_t j = 0; j < m; j++) {
                double a = -2.0 * pi * (double)((j * k) % m) / (double)m;
                re += xr[2 * j] * cos(a) - xr[2 * j + 1] * sin(a);
                im += xr[2 * j] * sin(a) + xr[2 * j + 1] * cos(a);
            }
            z[2 * k] = (float)re;
            z[2 * k + 1] = (float)im;
        }
        for (size_t k = 0; k <= m / 2; k++) {
            twr[k] = (float)cos(2.0 * pi * (double)k / (double)n);
            twi[k] = (float)-sin(2.0 * pi * (double)k / (double)n);
        }
        dsp_k_half_magf(z, twr, twi, m, scratch, mag);
        dsp_k_half_powf(z, twr, twi, m, scratch, pw);
        double peak = 0.0, err = 0.0, err_p = 0.0;
        for (size_t k = 0; k <= m; k++) {
            double re = 0.0, im = 0.0;
            for (size_t i = 0; i < n; i++) {
                double a = -2.0 * pi * (double)((i * k) % n) / (double)n;
                re += xr[i] * cos(a);
                im += xr[i] * sin(a);
            }
            double a = sqrt(re * re + im * im);
            peak = fmax(peak, a);
            err = fmax(err, fabs(mag[k] - a));
            err_p = fmax(err_p, fabs(pw[k] - a * a));
        }
        worst = fmax(worst, err / peak);
        worst_p = fmax(worst_p, err_p / (peak * peak));
    }
    printf(" [worst %.2g of the peak, power %.2g] ", worst, worst_p);
    CU_ASSERT(worst <= 1e-6);
    CU_ASSERT(worst_p <= 2e-6);
    CU_ASSERT(worst > 1e-9);   /* float rounding is visible: not vacuous */
}

static const struct test_case cases[] = {
    {"every instruction set's kernels = the plain loops, bit for bit", test_every_isa},
    {"half-size split step = the real DFT of 2m points, m = 1 .. 64 and larger", test_half_dft},
};

int main(void)
{
    return test_run("kernels", cases, TEST_COUNT(cases));
}
