#include "testutil.h"

#include <dsplab/gen.h>
#include <dsplab/status.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double two_pi = 6.283185307179586476925286766559;

static void test_sine_closed_forms(void)
{
    double x[8];
    /* fs = 8 f: quarter period = 2 samples. */
    CU_ASSERT_EQUAL(dsp_gen_sine(0.7, 1000.0, 0.3, 8000.0, x, 8), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(x[0], 0.7 * cos(0.3), 1e-15);            /* t = 0: amp*cos(phase) */
    CU_ASSERT_DOUBLE_EQUAL(x[2], 0.7 * cos(two_pi / 4 + 0.3), 1e-15); /* a quarter period later */
    CU_ASSERT_DOUBLE_EQUAL(x[2], -0.7 * sin(0.3), 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(x[4], -0.7 * cos(0.3), 1e-15);           /* half a period: sign flips */
    CU_ASSERT_EQUAL(dsp_gen_sine(1.0, 440.0, 0.0, 0.0, x, 8), DSP_EINVAL);
    CU_ASSERT(strstr(dsp_last_error(), "sample rate") != NULL);
    CU_ASSERT_EQUAL(dsp_gen_sine(NAN, 440.0, 0.0, 8000.0, x, 8), DSP_EINVAL);
}

static void test_cexp_magnitude_and_direction(void)
{
    double complex z[64];
    CU_ASSERT_EQUAL(dsp_gen_cexp(0.25, -300.0, 1.0, 4800.0, z, 64), DSP_OK);
    double worst = 0.0;
    for (int i = 0; i < 64; i++)
        worst = fmax(worst, fabs(cabs(z[i]) - 0.25));
    CU_ASSERT(worst < 1e-15);   /* |amp e^{j a}| = amp up to rounding of cos/sin */
    CU_ASSERT_DOUBLE_EQUAL(carg(z[0]), 1.0, 1e-15);
    /* A negative frequency turns clockwise: one sample moves the angle by -2pi*300/4800. */
    CU_ASSERT_DOUBLE_EQUAL(carg(z[1] / z[0]), -two_pi * 300.0 / 4800.0, 1e-14);
}

static void test_chirp_frequency_matches_phase(void)
{
    /* The instantaneous frequency is (1/2pi) dphi/dt: compare
     * dsp_chirp_frequency with a central difference of scipy.signal.chirp's
     * closed-form phase (written out here), for both kinds. */
    for (int kind = 0; kind < 2; kind++) {
        double f0 = 100.0, f1 = 3000.0, t1 = 0.5;
        /* central difference of phi/(2 pi) from the closed forms of scipy */
        for (double t = 0.01; t < 0.5; t += 0.07) {
            double h = 1e-6, c[2];
            for (int k = 0; k < 2; k++) {
                double tt = t + (k ? h : -h);
                c[k] = kind == DSP_CHIRP_LINEAR
                           ? f0 * tt + 0.5 * (f1 - f0) / t1 * tt * tt
                           : t1 / log(f1 / f0) * f0 * (pow(f1 / f0, tt / t1) - 1.0);
            }
            double fd = (c[1] - c[0]) / (2 * h);
            /* Truncation error of the central difference is h^2 f''/6 (tiny);
             * rounding is ~eps*c/h ~ 1e-7 Hz for c ~ 1000 cycles. */
            CU_ASSERT_DOUBLE_EQUAL(dsp_chirp_frequency(kind, f0, f1, t1, t), fd, 1e-4);
        }
        CU_ASSERT_DOUBLE_EQUAL(dsp_chirp_frequency(kind, f0, f1, t1, 0.0), f0, 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(dsp_chirp_frequency(kind, f0, f1, t1, t1), f1, 1e-9);
    }
}

static void test_chirp_samples(void)
{
    /* Linear, f0 = 0, f1 = 1000 Hz at t1 = 1 s, fs = 8000: phi(t) = 2pi*500 t^2,
     * so at i = 8000 (t = 1) the phase is 1000 pi = 0 mod 2pi, and at t = 0.5
     * it is 250 pi = 0 mod 2 pi as well; at t = 0.25, 62.5 pi = pi/2 mod 2pi. */
    size_t n = 8001;
    double *x = malloc(n * sizeof *x);
    CU_ASSERT_EQUAL_FATAL(dsp_gen_chirp(DSP_CHIRP_LINEAR, 0.5, 0.0, 1000.0, 1.0, 8000.0, x, n),
                          DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(x[0], 0.5, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(x[8000], 0.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(x[4000], 0.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(x[2000], 0.0, 1e-12);
    /* Local frequency from three samples around i: for x = cos(w i + c) with
     * slowly varying w, (x[i-1] + x[i+1]) / (2 x[i]) = cos(w). Near t = 0.5 s
     * (f = 500 Hz) the chirp rate (1000 Hz/s) changes w by 1.6e-5 rad per
     * sample, so the estimate is good to ~1e-3 Hz... we allow 0.5 Hz. */
    double w = acos((x[3999] + x[4001]) / (2 * x[4000]));
    CU_ASSERT_DOUBLE_EQUAL(w * 8000.0 / two_pi, 500.0, 0.5);
    /* The same three-sample estimate along whole sweeps, against
     * dsp_chirp_frequency: for both kinds the phase curvature phi'' d^2/2
     * stays below 5e-5 rad, which moves cos(w) by < 1e-4 where |x[i]| > 0.5,
     * hence w by < 1e-4 / sin(w) (sin(w) > 0.15 above 200 Hz): < 1 Hz. */
    for (int kind = 0; kind < 2; kind++) {
        CU_ASSERT_EQUAL(dsp_gen_chirp(kind, 1.0, 200.0, 1800.0, 1.0, 8000.0, x, n), DSP_OK);
        int checked = 0;
        for (size_t i = 100; i + 1 < n; i += 97) {
            if (fabs(x[i]) < 0.5)
                continue;
            double est = acos((x[i - 1] + x[i + 1]) / (2 * x[i])) * 8000.0 / two_pi;
            double f = dsp_chirp_frequency(kind, 200.0, 1800.0, 1.0, (double)i / 8000.0);
            if (fabs(est - f) > 1.0)
                printf("\n    kind %d, i = %zu: local frequency %g Hz, expected %g\n", kind, i,
                       est, f);
            CU_ASSERT(fabs(est - f) <= 1.0);
            checked++;
        }
        CU_ASSERT(checked > 20);
    }
    /* Exponential: f0 = 100, f1 = 400 in 1 s: phi(1) = 2pi * (1/ln 4) * 100 * 3. */
    CU_ASSERT_EQUAL(dsp_gen_chirp(DSP_CHIRP_EXPONENTIAL, 1.0, 100.0, 400.0, 1.0, 8000.0, x, n),
                    DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(x[8000], cos(two_pi * 300.0 / log(4.0)), 1e-11);
    CU_ASSERT_EQUAL(dsp_gen_chirp(DSP_CHIRP_EXPONENTIAL, 1.0, 0.0, 400.0, 1.0, 8000.0, x, n),
                    DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_gen_chirp(DSP_CHIRP_LINEAR, 1.0, 10.0, 400.0, 0.0, 8000.0, x, n),
                    DSP_EINVAL);
    free(x);
}

static void test_harmonics_drop_aliases(void)
{
    /* f0 = 1000 Hz at fs = 8000: harmonics 1..3 stay (3000 < 4000), 4 (= fs/2)
     * and 5 are left out. */
    double amps[5] = {1.0, 0.5, 0.25, 7.0, 9.0}, phases[5] = {0.0, 1.0, 2.0, 0.0, 0.0};
    double x[16], want[16];
    CU_ASSERT_EQUAL(dsp_gen_harmonics(1000.0, amps, phases, 5, 8000.0, x, 16), DSP_OK);
    for (int i = 0; i < 16; i++) {
        want[i] = 0.0;
        for (int h = 1; h <= 3; h++)
            want[i] += amps[h - 1] * cos(two_pi * h * 1000.0 * i / 8000.0 + phases[h - 1]);
    }
    test_close("harmonics", x, want, 16, 1e-14, 0.0);
    CU_ASSERT_EQUAL(dsp_gen_harmonics(1000.0, amps, NULL, 1, 8000.0, x, 16), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(x[0], 1.0, 0.0);   /* NULL phases = zero phase */
}

static void test_rng_pinned_values(void)
{
    /* Computed with a 15-line integer implementation of splitmix64 +
     * xoshiro256** in /usr/bin/python3 (masking with 2^64-1), independent
     * of this C code: seed 42, first four outputs; seed 0, first two. */
    struct dsp_rng r;
    dsp_rng_seed(&r, 42);
    CU_ASSERT_EQUAL(dsp_rng_next(&r), UINT64_C(0x15780b2e0c2ec716));
    CU_ASSERT_EQUAL(dsp_rng_next(&r), UINT64_C(0x6104d9866d113a7e));
    CU_ASSERT_EQUAL(dsp_rng_next(&r), UINT64_C(0xae17533239e499a1));
    CU_ASSERT_EQUAL(dsp_rng_next(&r), UINT64_C(0xecb8ad4703b360a1));
    dsp_rng_seed(&r, 0);
    CU_ASSERT_EQUAL(dsp_rng_next(&r), UINT64_C(0x99ec5f36cb75f2b4));
    CU_ASSERT_EQUAL(dsp_rng_next(&r), UINT64_C(0xbf6e1f784956452a));
    /* Same Python, noise = 0.5 * (2 * ((next >> 11) * 2^-53) - 1), seed 12345:
     * exact doubles, so compared with ==. */
    double x[4], want[4] = {0.24380816315658937, -0.3699544653721655, 0.46333449301285445,
                            -0.4516598851636542};
    CU_ASSERT_EQUAL(dsp_gen_noise(0.5, 12345, x, 4), DSP_OK);
    for (int i = 0; i < 4; i++)
        CU_ASSERT_EQUAL(x[i], want[i]);
}

static void test_noise_statistics(void)
{
    enum { N = 100000 };
    double *x = malloc(N * sizeof *x), *y = malloc(N * sizeof *y);
    double amp = 2.0;
    CU_ASSERT_EQUAL_FATAL(dsp_gen_noise(amp, 7, x, N), DSP_OK);
    CU_ASSERT_EQUAL(dsp_gen_noise(amp, 7, y, N), DSP_OK);
    CU_ASSERT_EQUAL(memcmp(x, y, N * sizeof *x), 0);   /* same seed, same numbers */
    CU_ASSERT_EQUAL(dsp_gen_noise(amp, 8, y, N), DSP_OK);
    CU_ASSERT(memcmp(x, y, N * sizeof *x) != 0);
    double mean = 0.0, var = 0.0, lo = 1e9, hi = -1e9;
    for (int i = 0; i < N; i++) {
        mean += x[i];
        lo = fmin(lo, x[i]);
        hi = fmax(hi, x[i]);
    }
    mean /= N;
    for (int i = 0; i < N; i++)
        var += (x[i] - mean) * (x[i] - mean);
    var /= N - 1;
    /* Uniform on [-a, a): variance a^2/3, so the mean has standard error
     * a/sqrt(3N) = 0.00365; the sample variance of a uniform has standard
     * error sqrt((mu4 - sigma^4)/N) = a^2 sqrt(4/45/N) = 0.00377. Five
     * standard errors: a false alarm has probability below 1e-6. */
    double se_mean = amp / sqrt(3.0 * N), se_var = amp * amp * sqrt(4.0 / 45.0 / N);
    CU_ASSERT(fabs(mean) < 5 * se_mean);
    CU_ASSERT(fabs(var - amp * amp / 3.0) < 5 * se_var);
    CU_ASSERT(lo >= -amp && hi < amp);
    free(x);
    free(y);
}

static void test_normal_moments(void)
{
    struct dsp_rng r;
    dsp_rng_seed(&r, 99);
    enum { N = 100000 };
    double s = 0.0, s2 = 0.0;
    for (int i = 0; i < N; i++) {
        double v = dsp_rng_normal(&r);
        CU_ASSERT_FATAL(isfinite(v));
        s += v;
        s2 += v * v;
    }
    /* mean: se 1/sqrt(N) = 0.0032; E[v^2] = 1 with se sqrt(2/N) = 0.0045; 5 se. */
    CU_ASSERT(fabs(s / N) < 5 / sqrt(N));
    CU_ASSERT(fabs(s2 / N - 1.0) < 5 * sqrt(2.0 / N));
}

int main(void)
{
    static const struct test_case cases[] = {
        {"sine: t=0, quarter and half period", test_sine_closed_forms},
        {"cexp: magnitude and direction", test_cexp_magnitude_and_direction},
        {"chirp: f(t) is the derivative of the phase", test_chirp_frequency_matches_phase},
        {"chirp: samples at known phases", test_chirp_samples},
        {"harmonics at or above fs/2 are dropped", test_harmonics_drop_aliases},
        {"rng: pinned first values", test_rng_pinned_values},
        {"noise: reproducible, mean 0, variance amp^2/3", test_noise_statistics},
        {"normal: mean 0, variance 1", test_normal_moments},
    };
    return test_run("gen", cases, TEST_COUNT(cases));
}
