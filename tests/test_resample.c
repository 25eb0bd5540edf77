/* Tests for resample.h: the filter's passband and stopband measured with
 * sines through the resampler itself, alignment, lengths and bad input. */
#include "melref.h"
#include "testutil.h"

#include <dsplab/resample.h>
#include <dsplab/status.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double pi = 3.14159265358979323846;

/* Resamples one second of sin(2 pi f t) from fin to fout and returns, over
 * the output away from the edges (300 samples each side, more than the
 * filter's half-width at these rates), the least-squares amplitude of a sine
 * at f (gain) and the RMS of y minus the exact sine sin(2 pi f n / fout)
 * (err_rms: gain and timing errors together). */
static void sine_through(double fin, double fout, double f, double *gain, double *err_rms,
                         double *rms)
{
    struct dsp_resample *rs = dsp_resample_new(fin, fout, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    size_t n = (size_t)fin, m = dsp_resample_out_len(rs, n);
    double *x = malloc(n * sizeof *x), *y = malloc(m * sizeof *y);
    for (size_t i = 0; i < n; i++)
        x[i] = sin(2.0 * pi * f * (double)i / fin);
    CU_ASSERT_EQUAL_FATAL(dsp_resample_process(rs, x, n, y, m), DSP_OK);
    size_t lo = 300, hi = m - 300;
    double ss = 0, sc = 0, cc = 0, ys = 0, yc = 0, e2 = 0, y2 = 0;
    for (size_t i = lo; i < hi; i++) {
        double s = sin(2.0 * pi * f * (double)i / fout), c = cos(2.0 * pi * f * (double)i / fout);
        ss += s * s;
        sc += s * c;
        cc += c * c;
        ys += y[i] * s;
        yc += y[i] * c;
        e2 += (y[i] - s) * (y[i] - s);
        y2 += y[i] * y[i];
    }
    /* 2x2 normal equations for y ~ a s + b c */
    double det = ss * cc - sc * sc;
    double a = det != 0.0 ? (ys * cc - yc * sc) / det : 0.0;
    double b = det != 0.0 ? (yc * ss - ys * sc) / det : 0.0;
    *gain = hypot(a, b);
    *err_rms = sqrt(e2 / (double)(hi - lo));
    *rms = sqrt(y2 / (double)(hi - lo));
    free(x);
    free(y);
    dsp_resample_free(rs);
}

/* 44.1 kHz -> 16 kHz, new Nyquist 8 kHz: the passband (to 7200 Hz) is flat
 * within 0.1 dB and in time with the input; above 8 kHz every sine is at
 * least 60 dB down (a unit sine has RMS 1/sqrt(2)). */
static void test_downsample_pass_and_stop(void)
{
    double worst_pass = 0.0, worst_stop = -999.0;
    for (double f = 50.0; f <= 7200.0; f += 250.0) {
        double g, e, r;
        sine_through(44100.0, 16000.0, f, &g, &e, &r);
        double db = 20.0 * log10(g);
        worst_pass = fmax(worst_pass, fabs(db));
        CU_ASSERT(fabs(db) < 0.1);
        /* in time: 0.1 dB of ripple is 1.2 % of amplitude; a one-sample
         * delay at 7 kHz would give an error near 1 */
        CU_ASSERT(e < 0.012 / sqrt(2.0));
    }
    for (double f = 8000.0; f <= 22000.0; f += 500.0) {
        double g, e, r;
        sine_through(44100.0, 16000.0, f, &g, &e, &r);
        double db = 20.0 * log10(r * sqrt(2.0) + 1e-300);
        worst_stop = fmax(worst_stop, db);
        CU_ASSERT(db < -60.0);
    }
    printf("\n    44.1k->16k: passband |ripple| <= %.4f dB, stopband <= %.1f dB ", worst_pass,
           worst_stop);
}

/* 8 kHz -> 16 kHz: the images above 4 kHz are removed, so a passband sine
 * comes out as the same sine within -60 dB (ripple and images together). */
static void test_upsample_images(void)
{
    for (double f = 100.0; f <= 3600.0; f += 500.0) {
        double g, e, r;
        sine_through(8000.0, 16000.0, f, &g, &e, &r);
        CU_ASSERT(fabs(20.0 * log10(g)) < 0.1);
        CU_ASSERT(20.0 * log10(e * sqrt(2.0)) < -60.0);
    }
}

static void test_dc_and_lengths(void)
{
    struct dsp_resample *rs = dsp_resample_new(44100, 16000, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    CU_ASSERT_EQUAL(dsp_resample_out_len(rs, 44100), 16000);
    CU_ASSERT_EQUAL(dsp_resample_out_len(rs, 1), 1);
    CU_ASSERT_EQUAL(dsp_resample_out_len(rs, 0), 0);
    CU_ASSERT_EQUAL(dsp_resample_out_len(rs, 442), 161);   /* ceil(442*160/441) */
    CU_ASSERT(dsp_resample_half_width(rs) > 0);
    size_t n = 4410, m = dsp_resample_out_len(rs, n);
    double *x = malloc(n * sizeof *x), *y = malloc(m * sizeof *y);
    for (size_t i = 0; i < n; i++)
        x[i] = 0.5;
    CU_ASSERT_EQUAL(dsp_resample_process(rs, x, n, y, m), DSP_OK);
    /* DC gain 1 to the Kaiser design's ripple (1e-4 at 80 dB) */
    for (size_t i = 200; i < m - 200; i++)
        CU_ASSERT(fabs(y[i] - 0.5) < 0.5e-4);
    CU_ASSERT_EQUAL(dsp_resample_process(rs, x, n, y, m - 1), DSP_EINVAL);
    /* a very short input: only edges, but no out-of-range reads (ASan) */
    CU_ASSERT_EQUAL(dsp_resample_process(rs, x, 3, y, dsp_resample_out_len(rs, 3)), DSP_OK);
    free(x);
    free(y);
    dsp_resample_free(rs);
}

static void test_equal_rates_copy(void)
{
    struct dsp_resample *rs = dsp_resample_new(16000, 16000, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    double x[5] = {1, -2, 3, -4, 5}, y[5];
    CU_ASSERT_EQUAL(dsp_resample_out_len(rs, 5), 5);
    CU_ASSERT_EQUAL(dsp_resample_process(rs, x, 5, y, 5), DSP_OK);
    CU_ASSERT(memcmp(x, y, sizeof x) == 0);
    dsp_resample_free(rs);
}

static void test_bad_parameters(void)
{
    CU_ASSERT_PTR_NULL(dsp_resample_new(0, 16000, NULL));
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "whole numbers"));
    CU_ASSERT_PTR_NULL(dsp_resample_new(44100.5, 16000, NULL));
    struct dsp_resample_params p = dsp_resample_defaults();
    p.passband = 1.0;
    CU_ASSERT_PTR_NULL(dsp_resample_new(44100, 16000, &p));
    p = dsp_resample_defaults();
    p.stopband_db = 5.0;
    CU_ASSERT_PTR_NULL(dsp_resample_new(44100, 16000, &p));
    /* 44100 -> 16001 reduces to 16001/44100: too many phases */
    CU_ASSERT_PTR_NULL(dsp_resample_new(1000003, 16001, NULL));
    dsp_resample_free(NULL);
}

/* ---- resampy's kaiser_best (tests/gen/resampy_ref.py) ------------------ */

static struct dsp_resample *kaiser_best(double fin, double fout)
{
    struct dsp_resample_params p = dsp_resample_defaults();
    p.filter = DSP_RESAMPLE_KAISER_BEST;
    p.length = DSP_RESAMPLE_LEN_FLOOR;
    return dsp_resample_new(fin, fout, &p);
}

/* resampy_ref.py's signal_44k: the mel test signal plus 0.1 sin at 7200 Hz. */
static void signal_44k(double *x, size_t n)
{
    mel_ref_signal(x, n, 44100.0, 0.01);
    for (size_t i = 0; i < n; i++)
        x[i] = x[i] + 0.1 * sin(2.0 * pi * 7200.0 * (double)i / 44100.0);
}

/* The same arithmetic as resampy_ref.py in the same order; what differs is
 * I0 (a power series here, Cephes' Chebyshev expansion in numpy) and libm's
 * last ulp of sin, about 1e-16 relative in each table entry, summed over
 * about 275 taps of |h| < 1 on samples below 1: 1e-12 leaves room, while a
 * filter parameter wrong in its 4th digit (or a table off by one entry)
 * errs by 1e-6 or more. */
static void test_kaiser_best_reference(void)
{
    enum { N = 42995, M = 15599, MAX = 2000 };
    struct dsp_resample *rs = kaiser_best(44100.0, 16000.0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    CU_ASSERT_EQUAL(dsp_resample_out_len(rs, N), M);   /* floor(42995 * 160/441) */
    static double x[N], y[M], ref[2 * MAX];
    signal_44k(x, N);
    CU_ASSERT_EQUAL_FATAL(dsp_resample_process(rs, x, N, y, M), DSP_OK);
    size_t n = mel_ref_read("tests/data/resampy_kb_44100_16000.txt", ref, 2 * MAX);
    CU_ASSERT_FATAL(n > 0 && n % 2 == 0 && n < 2 * MAX);
    static double got[MAX], want[MAX];
    for (size_t i = 0; i < n / 2; i++) {
        size_t k = (size_t)ref[2 * i];
        CU_ASSERT_FATAL(k < M);
        got[i] = y[k];
        want[i] = ref[2 * i + 1];
    }
    test_close("kaiser_best 44.1k -> 16k vs resampy_ref.py", got, want, n / 2, 1e-12, 0.0);
    dsp_resample_free(rs);
}

/* The gain of kaiser_best at 1 .. 7.8 kHz, measured as resampy_ref.py does
 * (a 1 s sine, least squares over output samples 4000-11999): within 1e-6
 * dB of the reference, and -2.23 dB at 7.2 kHz where the Kaiser design
 * (DSP_RESAMPLE_DESIGN, the default) is flat to 0.1 dB. */
static void test_kaiser_best_gain(void)
{
    double ref[2 * 16];
    size_t n = mel_ref_read("tests/data/resampy_kb_gain.txt", ref, 2 * 16);
    CU_ASSERT_FATAL(n == 14);
    struct dsp_resample *rs = kaiser_best(44100.0, 16000.0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    static double x[44100], y[16000];
    for (size_t r = 0; r < n / 2; r++) {
        double f = ref[2 * r];
        for (size_t i = 0; i < 44100; i++)
            x[i] = sin(2.0 * pi * f * (double)i / 44100.0);
        CU_ASSERT_EQUAL_FATAL(dsp_resample_process(rs, x, 44100, y, 16000), DSP_OK);
        double ss = 0, sc = 0, cc = 0, ys = 0, yc = 0;
        for (size_t i = 4000; i < 12000; i++) {
            double c = cos(2.0 * pi * f * (double)i / 16000.0);
            double s = sin(2.0 * pi * f * (double)i / 16000.0);
            cc += c * c;
            sc += s * c;
            ss += s * s;
            yc += y[i] * c;
            ys += y[i] * s;
        }
        double det = cc * ss - sc * sc;
        double a = (yc * ss - ys * sc) / det, b = (ys * cc - yc * sc) / det;
        double db = 20.0 * log10(hypot(a, b));
        if (fabs(db - ref[2 * r + 1]) > 1e-6)
            fprintf(stderr, "\n  %g Hz: %.9f dB, reference %.9f dB\n", f, db, ref[2 * r + 1]);
        CU_ASSERT(fabs(db - ref[2 * r + 1]) <= 1e-6);
        if (f == 7200.0)
            CU_ASSERT(fabs(db - -2.23) < 0.01);
    }
    dsp_resample_free(rs);
    double gain, err, rms;
    sine_through(44100.0, 16000.0, 7200.0, &gain, &err, &rms);
    CU_ASSERT(fabs(20.0 * log10(gain)) < 0.1);   /* the design: flat there */
}

/* Lengths: floor for kaiser_best's default use (VGGish), ceil otherwise;
 * upsampling works too (8 kHz -> 16 kHz doubles, DC stays 1 inside). */
static void test_kaiser_best_lengths(void)
{
    struct dsp_resample *down = kaiser_best(44100.0, 16000.0);
    struct dsp_resample *up = kaiser_best(8000.0, 16000.0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(down);
    CU_ASSERT_PTR_NOT_NULL_FATAL(up);
    CU_ASSERT_EQUAL(dsp_resample_out_len(down, 442), 160);   /* ceil would be 161 */
    CU_ASSERT_EQUAL(dsp_resample_out_len(down, 441), 160);
    CU_ASSERT_EQUAL(dsp_resample_out_len(up, 1000), 2000);
    static double one[1000], y[2000];
    for (size_t i = 0; i < 1000; i++)
        one[i] = 1.0;
    CU_ASSERT_EQUAL_FATAL(dsp_resample_process(up, one, 1000, y, 2000), DSP_OK);
    /* inside (50 zero crossings = 50 input samples from either end) DC
     * passes with the filter's DC gain, within 1e-3 of 1 */
    for (size_t i = 200; i < 1800; i++)
        if (fabs(y[i] - 1.0) > 1e-3) {
            fprintf(stderr, "\n  y[%zu] = %.9f\n", i, y[i]);
            CU_FAIL("kaiser_best upsampled DC");
            break;
        }
    dsp_resample_free(down);
    dsp_resample_free(up);
    struct dsp_resample_params p = dsp_resample_defaults();
    p.filter = (enum dsp_resample_filter)7;
    CU_ASSERT_PTR_NULL(dsp_resample_new(44100, 16000, &p));
}

int main(void)
{
    static const struct test_case cases[] = {
        {"44.1k -> 16k: passband < 0.1 dB, stopband > 60 dB", test_downsample_pass_and_stop},
        {"8k -> 16k: images removed", test_upsample_images},
        {"DC gain and output lengths", test_dc_and_lengths},
        {"equal rates copy", test_equal_rates_copy},
        {"bad parameters are reported", test_bad_parameters},
        {"kaiser_best 44.1k -> 16k equals resampy's formula (1e-12)",
         test_kaiser_best_reference},
        {"kaiser_best gain: -2.23 dB at 7.2 kHz, as the reference", test_kaiser_best_gain},
        {"kaiser_best lengths (floor) and upsampling", test_kaiser_best_lengths},
    };
    return test_run("resample", cases, TEST_COUNT(cases));
}
