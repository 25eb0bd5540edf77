/* Tests for resample.h: the filter's passband and stopband measured with
 * sines through the resampler itself, alignment, lengths and bad input. */
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

int main(void)
{
    static const struct test_case cases[] = {
        {"44.1k -> 16k: passband < 0.1 dB, stopband > 60 dB", test_downsample_pass_and_stop},
        {"8k -> 16k: images removed", test_upsample_images},
        {"DC gain and output lengths", test_dc_and_lengths},
        {"equal rates copy", test_equal_rates_copy},
        {"bad parameters are reported", test_bad_parameters},
    };
    return test_run("resample", cases, TEST_COUNT(cases));
}
