/* Tests of the DFT model (dftmodel.h) against closed forms. */
#include "testutil.h"

#include <dsplab/dft.h>
#include <dsplab/dftmodel.h>
#include <dsplab/gen.h>
#include <dsplab/spectrum.h>
#include <dsplab/status.h>
#include <dsplab/window.h>

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const enum dsp_window peak_windows[] = {DSP_WIN_HANN, DSP_WIN_HAMMING, DSP_WIN_BLACKMAN,
                                               DSP_WIN_BLACKMANHARRIS};

static struct dsp_dftmodel *make(enum dsp_window type, enum dsp_window_symmetry sym, size_t m,
                                 size_t n)
{
    double *w = malloc(m * sizeof *w);
    CU_ASSERT_FATAL(w != NULL);
    CU_ASSERT_FATAL(dsp_window_fill(type, 0.0, sym, w, m) == DSP_OK);
    struct dsp_dftmodel *dm = dsp_dftmodel_new(w, m, n);
    free(w);
    CU_ASSERT_FATAL(dm != NULL);
    return dm;
}

/* A cosine of amplitude A at the centre of bin k0 peaks at 20*log10(A/2) dB
 * when the window has unit sum. Exact, not approximate, when the image at
 * -k0 falls on a zero of the window's transform: a periodic cosine-sum
 * window of M samples has a transform that vanishes at every multiple of
 * fs/M except its first few (3 for Blackman-Harris); with N = 2M or 4M and
 * k0 a multiple of N/M that is at least 4 such multiples from 0 and from
 * Nyquist, the leak is zero up to rounding. Rounding is ~1e-15 relative,
 * ~1e-14 dB, so 1e-9 dB is loose yet far below any real leak (a symmetric
 * window here leaks ~1e-4 dB). */
static void test_peak_at_bin_centre(void)
{
    const double amp = 0.8, want = 20.0 * log10(amp / 2.0);
    const size_t sizes[] = {511, 512};
    const size_t factors[] = {2, 4};
    for (size_t wi = 0; wi < TEST_COUNT(peak_windows); wi++)
        for (size_t si = 0; si < TEST_COUNT(sizes); si++)
            for (size_t fi = 0; fi < TEST_COUNT(factors); fi++) {
                size_t m = sizes[si], n = m * factors[fi], nb = n / 2 + 1;
                size_t k0 = 37 * factors[fi];   /* 37 bins of the M-grid */
                struct dsp_dftmodel *dm = make(peak_windows[wi], DSP_WINDOW_PERIODIC, m, n);
                double *x = malloc(m * sizeof *x), *mX = malloc(nb * sizeof *mX);
                CU_ASSERT_FATAL(x && mX);
                dsp_gen_sine(amp, (double)k0, 0.3, (double)n, x, m);
                CU_ASSERT_EQUAL(dsp_dftmodel_analyze(dm, x, mX, NULL), DSP_OK);
                size_t kmax = 0;
                for (size_t k = 1; k < nb; k++)
                    if (mX[k] > mX[kmax])
                        kmax = k;
                CU_ASSERT_EQUAL(kmax, k0);
                if (!(fabs(mX[k0] - want) <= 1e-9))
                    printf("\n    %s M=%zu N=%zu: peak %.15g dB, want %.15g dB\n",
                           dsp_window_name(peak_windows[wi]), m, n, mX[k0], want);
                CU_ASSERT(fabs(mX[k0] - want) <= 1e-9);
                free(x);
                free(mX);
                dsp_dftmodel_free(dm);
            }
}

/* A frame symmetric about its middle sample floor(M/2), under a window
 * symmetric about the same sample, becomes real-even after the zero-phase
 * rotation, so its spectrum is real: Im X = 0 and pX a multiple of pi.
 * Odd M: symmetric windows; even M: the periodic Hann, whose w[0] = 0
 * leaves the unpaired first sample out. Rounding leaves Im X ~ 1e-16 of the
 * largest bin; 1e-12 allows for it, while a rotation off by one sample
 * gives Im X ~ sin(2*pi*k/N) |X|, orders of magnitude above. */
static void test_symmetric_frame_is_real(void)
{
    struct {
        enum dsp_window type;
        enum dsp_window_symmetry sym;
        size_t m, n;
    } cases[] = {
        {DSP_WIN_HAMMING, DSP_WINDOW_SYMMETRIC, 301, 512},
        {DSP_WIN_BLACKMAN, DSP_WINDOW_SYMMETRIC, 301, 301},
        {DSP_WIN_HANN, DSP_WINDOW_PERIODIC, 300, 1024},
    };
    for (size_t c = 0; c < TEST_COUNT(cases); c++) {
        size_t m = cases[c].m, n = cases[c].n, nb = n / 2 + 1, h = m / 2;
        struct dsp_dftmodel *dm = make(cases[c].type, cases[c].sym, m, n);
        double *x = malloc(m * sizeof *x), *pX = malloc(nb * sizeof *pX);
        double *mX = malloc(nb * sizeof *mX);
        double complex *X = malloc(nb * sizeof *X);
        CU_ASSERT_FATAL(x && pX && mX && X);
        dsp_gen_noise(1.0, 42 + c, x, m);
        for (size_t j = 1; j <= h && h + j < m; j++)
            x[h + j] = x[h - j];
        CU_ASSERT_EQUAL(dsp_dftmodel_spectrum(dm, x, X), DSP_OK);
        CU_ASSERT_EQUAL(dsp_dftmodel_analyze(dm, x, mX, pX), DSP_OK);
        double peak = 0.0, worst_im = 0.0, worst_sin = 0.0;
        for (size_t k = 0; k < nb; k++)
            if (cabs(X[k]) > peak)
                peak = cabs(X[k]);
        for (size_t k = 0; k < nb; k++) {
            if (fabs(cimag(X[k])) > worst_im)
                worst_im = fabs(cimag(X[k]));
            /* phase is only meaningful well above rounding noise */
            if (cabs(X[k]) > 1e-6 * peak && fabs(sin(pX[k])) > worst_sin)
                worst_sin = fabs(sin(pX[k]));
        }
        if (!(worst_im <= 1e-12 * peak) || !(worst_sin <= 1e-9))
            printf("\n    case %zu: max|Im X| = %g (peak %g), max|sin pX| = %g\n", c, worst_im,
                   peak, worst_sin);
        CU_ASSERT(worst_im <= 1e-12 * peak);
        CU_ASSERT(worst_sin <= 1e-9);
        free(x);
        free(pX);
        free(mX);
        free(X);
        dsp_dftmodel_free(dm);
    }
}

/* An impulse on the middle sample lands on time 0 of the rotated buffer:
 * X[k] = w_norm[M/2] for every k — flat magnitude, zero phase. The FFT of
 * one non-zero sample at index 0 is exact but for rounding in its twiddle
 * multiplications by 0 and 1; 1e-12 relative and 1e-12 rad allow for it. */
static void test_centre_impulse(void)
{
    const size_t ms[] = {255, 256};
    for (size_t i = 0; i < TEST_COUNT(ms); i++) {
        size_t m = ms[i], n = 2048, nb = n / 2 + 1;
        struct dsp_dftmodel *dm = make(DSP_WIN_HAMMING, DSP_WINDOW_PERIODIC, m, n);
        double x[256] = {0}, *mX = malloc(nb * sizeof *mX), *pX = malloc(nb * sizeof *pX);
        double *want_m = malloc(nb * sizeof *want_m), *zeros = calloc(nb, sizeof *zeros);
        CU_ASSERT_FATAL(mX && pX && want_m && zeros);
        x[m / 2] = 1.0;
        const double *w = dsp_dftmodel_window(dm);
        double s = 0.0;
        for (size_t j = 0; j < m; j++)
            s += w[j];
        CU_ASSERT(fabs(s - 1.0) <= 1e-12);   /* unit sum */
        CU_ASSERT_EQUAL(dsp_dftmodel_analyze(dm, x, mX, pX), DSP_OK);
        for (size_t k = 0; k < nb; k++)
            want_m[k] = 20.0 * log10(w[m / 2]);
        test_close("mX of centre impulse", mX, want_m, nb, 1e-10, 0.0);
        test_close("pX of centre impulse", pX, zeros, nb, 1e-12, 0.0);
        free(mX);
        free(pX);
        free(want_m);
        free(zeros);
        dsp_dftmodel_free(dm);
    }
}

/* Synthesis inverts analysis: (mX, pX) -> x * w_norm. The dB round trip
 * 10^(mX/20) costs |mX| ln10/20 * eps ~ 1e-14 relative, the FFT pair
 * ~ log2(N) * eps; 1e-9 of the frame's largest value leaves a wide margin
 * while a misplaced sample gives errors of order 1. */
static void test_synthesis_round_trip(void)
{
    const size_t ms[] = {255, 256};
    const size_t factors[] = {1, 4};
    const enum dsp_window wins[] = {DSP_WIN_HANN, DSP_WIN_BLACKMANHARRIS};
    for (size_t i = 0; i < TEST_COUNT(ms); i++)
        for (size_t f = 0; f < TEST_COUNT(factors); f++)
            for (size_t wi = 0; wi < TEST_COUNT(wins); wi++) {
                size_t m = ms[i], n = m * factors[f], nb = n / 2 + 1;
                struct dsp_dftmodel *dm = make(wins[wi], DSP_WINDOW_PERIODIC, m, n);
                double *x = malloc(m * sizeof *x), *y = malloc(m * sizeof *y);
                double *xw = malloc(m * sizeof *xw);
                double *mX = malloc(nb * sizeof *mX), *pX = malloc(nb * sizeof *pX);
                CU_ASSERT_FATAL(x && y && xw && mX && pX);
                dsp_gen_noise(1.0, 7 + m + n, x, m);
                const double *w = dsp_dftmodel_window(dm);
                double peak = 0.0;
                for (size_t j = 0; j < m; j++) {
                    xw[j] = x[j] * w[j];
                    if (fabs(xw[j]) > peak)
                        peak = fabs(xw[j]);
                }
                CU_ASSERT_EQUAL(dsp_dftmodel_analyze(dm, x, mX, pX), DSP_OK);
                CU_ASSERT_EQUAL(dsp_dftmodel_synthesize(dm, mX, pX, y), DSP_OK);
                char what[96];
                snprintf(what, sizeof what, "synthesis %s M=%zu N=%zu",
                         dsp_window_name(wins[wi]), m, n);
                test_close(what, y, xw, m, 1e-9 * peak, 0.0);
                free(x);
                free(y);
                free(xw);
                free(mX);
                free(pX);
                dsp_dftmodel_free(dm);
            }
}

/* Silence has no logarithm: every bin sits at the stated floor,
 * 20*log10(DBL_MIN) = -6153.05 dB (computed here from DBL_MIN, and checked
 * against spectrum.h's DSP_DB_FLOOR literal), finite. 1e-9 dB: one log10 of
 * rounding. */
static void test_silent_frame(void)
{
    const double floor_db = 20.0 * log10(DBL_MIN);
    CU_ASSERT_DOUBLE_EQUAL(DSP_DB_FLOOR, floor_db, 1e-9);
    size_t m = 101, n = 128, nb = n / 2 + 1;
    struct dsp_dftmodel *dm = make(DSP_WIN_HANN, DSP_WINDOW_PERIODIC, m, n);
    double x[101] = {0}, mX[65], pX[65], y[101];
    CU_ASSERT_EQUAL(dsp_dftmodel_analyze(dm, x, mX, pX), DSP_OK);
    for (size_t k = 0; k < nb; k++) {
        CU_ASSERT(isfinite(mX[k]) && isfinite(pX[k]));
        CU_ASSERT_DOUBLE_EQUAL(mX[k], floor_db, 1e-9);
        CU_ASSERT_EQUAL(pX[k], 0.0);
    }
    CU_ASSERT_EQUAL(dsp_dftmodel_synthesize(dm, mX, pX, y), DSP_OK);
    for (size_t j = 0; j < m; j++)
        CU_ASSERT(isfinite(y[j]) && fabs(y[j]) < 1e-300);
    dsp_dftmodel_free(dm);
}

/* The fast paths agree with the full spectrum: |X| and, with the window as
 * given (unnormalised), |X|^2. The power is also checked against the naive
 * DFT of the unrotated frame x * w_raw (librosa's convention with M == N):
 * the rotation must not change magnitudes. Both are the same FFT (or a
 * naive DFT, error ~ M eps) scaled; 1e-12 relative to the peak covers it. */
static void test_magnitude_and_power(void)
{
    size_t m = 256, n = 256, nb = n / 2 + 1;
    double w[256], x[256], xw[256], mag[129], power[129], want[129];
    double complex X[129], D[256];
    dsp_window_fill(DSP_WIN_HANN, 0.0, DSP_WINDOW_PERIODIC, w, m);
    struct dsp_dftmodel *dm = dsp_dftmodel_new(w, m, n);
    CU_ASSERT_FATAL(dm != NULL);
    dsp_gen_noise(1.0, 99, x, m);
    CU_ASSERT_EQUAL(dsp_dftmodel_spectrum(dm, x, X), DSP_OK);
    CU_ASSERT_EQUAL(dsp_dftmodel_magnitude(dm, x, mag), DSP_OK);
    double peak = 0.0;
    for (size_t k = 0; k < nb; k++) {
        want[k] = cabs(X[k]);
        peak = fmax(peak, want[k]);
    }
    test_close("magnitude vs |spectrum|", mag, want, nb, 1e-12 * peak, 0.0);

    for (size_t j = 0; j < m; j++)
        xw[j] = x[j] * w[j];
    CU_ASSERT_FATAL(dsp_dft_real(xw, m, D) == DSP_OK);
    CU_ASSERT_EQUAL(dsp_dftmodel_power(dm, x, power), DSP_OK);
    peak = 0.0;
    for (size_t k = 0; k < nb; k++) {
        want[k] = creal(D[k]) * creal(D[k]) + cimag(D[k]) * cimag(D[k]);
        peak = fmax(peak, want[k]);
    }
    test_close("power vs |naive DFT of x*w_raw|^2", power, want, nb, 1e-12 * peak, 0.0);
    dsp_dftmodel_free(dm);
}

static void test_bad_parameters(void)
{
    double w[8] = {1, 1, 1, 1, 1, 1, 1, 1}, zero_sum[4] = {1, -1, 1, -1};
    CU_ASSERT_PTR_NULL(dsp_dftmodel_new(w, 0, 8));
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "(0)"));
    CU_ASSERT_PTR_NULL(dsp_dftmodel_new(w, 8, 4));
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "FFT size (4)"));
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "(8)"));
    CU_ASSERT_PTR_NULL(dsp_dftmodel_new(zero_sum, 4, 4));
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "sums to 0"));
    dsp_dftmodel_free(NULL);
}

int main(void)
{
    static const struct test_case cases[] = {
        {"bin-centre sinusoid peaks at 20log10(A/2) dB", test_peak_at_bin_centre},
        {"symmetric frame has a real spectrum", test_symmetric_frame_is_real},
        {"centre impulse: flat w[M/2], zero phase", test_centre_impulse},
        {"synthesis reproduces x*w", test_synthesis_round_trip},
        {"silent frame sits at the dB floor", test_silent_frame},
        {"magnitude and unnormalised power fast paths", test_magnitude_and_power},
        {"bad parameters give NULL and a message", test_bad_parameters},
    };
    return test_run("dftmodel", cases, TEST_COUNT(cases));
}
