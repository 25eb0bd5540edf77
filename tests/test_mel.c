/* Tests for mel.h: scales against closed forms, filterbanks against
 * librosa.filters.mel's formula (tests/gen/mel_ref.py, numpy float64). */
#include "testutil.h"

#include <dsplab/mel.h>
#include <dsplab/status.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads a sparse bank written by mel_ref.py ("band bin weight" lines) into a
 * dense n_mels x n_bins matrix. Returns 1 on success. */
static int read_sparse_bank(const char *path, double *W, size_t n_mels, size_t n_bins)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "cannot open %s (run the tests from the repository root)\n", path);
        return 0;
    }
    memset(W, 0, n_mels * n_bins * sizeof *W);
    char line[256];
    int ok = 1;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#')
            continue;
        size_t m, k;
        double w;
        if (sscanf(line, "%zu %zu %lf", &m, &k, &w) != 3 || m >= n_mels || k >= n_bins) {
            ok = 0;
            break;
        }
        W[m * n_bins + k] = w;
    }
    fclose(f);
    return ok;
}

static void test_scales_closed_form(void)
{
    /* Slaney: linear 3 mels per 200 Hz below 1 kHz, 27 mels per factor 6.4 above. */
    CU_ASSERT_DOUBLE_EQUAL(dsp_hz_to_mel(0.0, DSP_MEL_SLANEY), 0.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(dsp_hz_to_mel(500.0, DSP_MEL_SLANEY), 7.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(dsp_hz_to_mel(1000.0, DSP_MEL_SLANEY), 15.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(dsp_hz_to_mel(6400.0, DSP_MEL_SLANEY), 42.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(dsp_hz_to_mel(40960.0, DSP_MEL_SLANEY), 69.0, 1e-12);
    /* HTK: 700 Hz -> 2595 log10(2); the ln form -> 1127 ln 2. */
    CU_ASSERT_DOUBLE_EQUAL(dsp_hz_to_mel(700.0, DSP_MEL_HTK), 2595.0 * log10(2.0), 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(dsp_hz_to_mel(700.0, DSP_MEL_HTK_LN), 1127.0 * log(2.0), 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(dsp_hz_to_mel(6300.0, DSP_MEL_HTK), 2595.0, 1e-9);
    /* The two HTK forms agree to 2595/ln(10) vs 1127: 0.0236 % */
    double a = dsp_hz_to_mel(4000.0, DSP_MEL_HTK), b = dsp_hz_to_mel(4000.0, DSP_MEL_HTK_LN);
    CU_ASSERT(fabs(a - b) / a < 3e-4);
}

static void test_scales_round_trip(void)
{
    enum dsp_mel_scale s[] = {DSP_MEL_SLANEY, DSP_MEL_HTK, DSP_MEL_HTK_LN};
    double f[] = {0.0, 20.0, 440.0, 999.999, 1000.0, 1000.001, 8000.0, 22050.0, 96000.0};
    for (size_t i = 0; i < 3; i++)
        for (size_t j = 0; j < sizeof f / sizeof f[0]; j++) {
            double back = dsp_mel_to_hz(dsp_hz_to_mel(f[j], s[i]), s[i]);
            CU_ASSERT(fabs(back - f[j]) <= 1e-12 * (1.0 + f[j]));
        }
}

/* librosa's filterbank, 12 cases: sr 22050, (n_fft, n_mels, fmin, fmax) in
 * {(512,40,0,11025), (2048,128,0,11025), (512,40,300,8000)} x {Slaney, HTK}
 * x {norm none, Slaney}.
 * Tolerance atol 1e-12 + rtol 1e-9: both sides evaluate the same float64
 * formula, so they differ by a few ulps, more only where a foot of a
 * triangle cancels (f - f_m ~ 0); weights are 1e-4 .. 1. The issue asks for
 * 1e-6 relative; this is tighter. */
static void check_bank(const char *scale_name, enum dsp_mel_scale scale, const char *norm_name,
                       enum dsp_mel_norm norm, size_t n_fft, size_t n_mels, double fmin,
                       double fmax)
{
    struct dsp_melbank_params p = dsp_melbank_defaults(22050.0, n_fft);
    p.n_mels = n_mels;
    p.fmin = fmin;
    p.fmax = fmax;
    p.scale = scale;
    p.norm = norm;
    struct dsp_melbank *mb = dsp_melbank_new(&p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(mb);
    size_t n_bins = n_fft / 2 + 1;
    CU_ASSERT_EQUAL(dsp_melbank_num_bins(mb), n_bins);
    CU_ASSERT_EQUAL(dsp_melbank_num_bands(mb), n_mels);
    double *got = malloc(n_mels * n_bins * sizeof *got);
    double *want = malloc(n_mels * n_bins * sizeof *want);
    char path[256], what[300];
    snprintf(path, sizeof path, "tests/data/mel_fb_%s_%s_%zu_%zu_%d.txt", scale_name, norm_name,
             n_fft, n_mels, (int)fmin);
    snprintf(what, sizeof what, "filterbank %s", path);
    CU_ASSERT_FATAL(read_sparse_bank(path, want, n_mels, n_bins));
    CU_ASSERT_EQUAL(dsp_melbank_dense(mb, got, n_mels * n_bins), DSP_OK);
    test_close(what, got, want, n_mels * n_bins, 1e-12, 1e-9);
    free(got);
    free(want);
    dsp_melbank_free(mb);
}

static void test_banks_match_librosa(void)
{
    size_t nfft[] = {512, 2048, 512}, nmel[] = {40, 128, 40};
    double lo[] = {0.0, 0.0, 300.0}, hi[] = {11025.0, 11025.0, 8000.0};
    for (int c = 0; c < 3; c++) {
        check_bank("slaney", DSP_MEL_SLANEY, "none", DSP_MEL_NORM_NONE, nfft[c], nmel[c], lo[c], hi[c]);
        check_bank("slaney", DSP_MEL_SLANEY, "slaney", DSP_MEL_NORM_SLANEY, nfft[c], nmel[c], lo[c], hi[c]);
        check_bank("htk", DSP_MEL_HTK, "none", DSP_MEL_NORM_NONE, nfft[c], nmel[c], lo[c], hi[c]);
        check_bank("htk", DSP_MEL_HTK, "slaney", DSP_MEL_NORM_SLANEY, nfft[c], nmel[c], lo[c], hi[c]);
    }
}

/* The sparse product equals the dense one, and the storage is banded. */
static void test_apply_is_dense_product(void)
{
    struct dsp_melbank_params p = dsp_melbank_defaults(44100.0, 2048);
    struct dsp_melbank *mb = dsp_melbank_new(&p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(mb);
    size_t nb = 1025, nm = 128;
    double *W = malloc(nm * nb * sizeof *W), spec[1025], got[128], want[128];
    CU_ASSERT_EQUAL(dsp_melbank_dense(mb, W, nm * nb), DSP_OK);
    for (size_t k = 0; k < nb; k++)
        spec[k] = 1.0 + sin(0.37 * (double)k) * sin(0.37 * (double)k) * (double)k;
    size_t nonzero = 0;
    for (size_t m = 0; m < nm; m++) {
        want[m] = 0.0;
        for (size_t k = 0; k < nb; k++) {
            want[m] += W[m * nb + k] * spec[k];
            nonzero += W[m * nb + k] != 0.0;
        }
    }
    CU_ASSERT_EQUAL(dsp_melbank_apply(mb, spec, nb, got), DSP_OK);
    /* Same products summed in the same order, bar skipped zeros: 1e-13. */
    test_close("sparse apply", got, want, nm, 0.0, 1e-13);
    /* Each bin is in at most two triangles: at most 2 x 1025 non-zeros of
     * 131200 (1.6 %). */
    CU_ASSERT(nonzero <= 2 * nb);
    size_t stored = 0;
    for (size_t m = 0; m < nm; m++) {
        size_t first, count;
        const double *w;
        CU_ASSERT_EQUAL(dsp_melbank_band(mb, m, &first, &count, &w), DSP_OK);
        stored += count;
    }
    CU_ASSERT_EQUAL(stored, nonzero);
    CU_ASSERT_EQUAL(dsp_melbank_apply(mb, spec, 1024, got), DSP_EINVAL);
    size_t first, count;
    const double *w;
    CU_ASSERT_EQUAL(dsp_melbank_band(mb, 128, &first, &count, &w), DSP_EINVAL);
    free(W);
    dsp_melbank_free(mb);
}

static void test_fmax_above_nyquist(void)
{
    struct dsp_melbank_params p = dsp_melbank_defaults(22050.0, 2048);
    p.fmax = 16000.0;
    CU_ASSERT_PTR_NULL(dsp_melbank_new(&p));
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "fmax (16000 Hz) is above Nyquist (11025 Hz)"));
    p.fmax = 11025.0;
    p.fmin = 12000.0;
    CU_ASSERT_PTR_NULL(dsp_melbank_new(&p));
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "fmin"));
    p = dsp_melbank_defaults(0.0, 2048);
    CU_ASSERT_PTR_NULL(dsp_melbank_new(&p));
    p = dsp_melbank_defaults(22050.0, 2048);
    p.n_mels = 0;
    CU_ASSERT_PTR_NULL(dsp_melbank_new(&p));
    CU_ASSERT_PTR_NULL(dsp_melbank_new(NULL));
    dsp_melbank_free(NULL);
}

/* 128 bands over the 129 bins of n_fft 256 at 22050 Hz: the low bands are
 * narrower than a bin (86 Hz) and catch none, as librosa warns
 * ("Empty filters detected in mel frequency basis"). */
static void test_empty_bands_reported(void)
{
    struct dsp_melbank_params p = dsp_melbank_defaults(22050.0, 256);
    struct dsp_melbank *mb = dsp_melbank_new(&p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(mb);
    size_t list[128];
    size_t n = dsp_melbank_num_empty(mb, list, 128);
    CU_ASSERT(n > 0);
    /* Cross-check against the weights themselves. */
    size_t count_zero = 0;
    for (size_t m = 0; m < 128; m++) {
        size_t first, count;
        const double *w;
        dsp_melbank_band(mb, m, &first, &count, &w);
        count_zero += count == 0;
    }
    CU_ASSERT_EQUAL(n, count_zero);
    for (size_t i = 1; i < n && i < 128; i++)
        CU_ASSERT(list[i] > list[i - 1]);
    CU_ASSERT_EQUAL(dsp_melbank_num_empty(mb, NULL, 0), n);
    dsp_melbank_free(mb);

    p = dsp_melbank_defaults(22050.0, 2048);
    mb = dsp_melbank_new(&p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(mb);
    CU_ASSERT_EQUAL(dsp_melbank_num_empty(mb, NULL, 0), 0);
    dsp_melbank_free(mb);
}

/* VGGish's bank (triangles in mel, DC zeroed, peak 1): the peaks sit on the
 * band centres, so each band's largest weight is <= 1 and bin 0 is 0. */
static void test_vggish_style_bank(void)
{
    struct dsp_melbank_params p = {
        .sample_rate = 16000, .n_fft = 512, .n_mels = 64, .fmin = 125, .fmax = 7500,
        .scale = DSP_MEL_HTK_LN, .norm = DSP_MEL_NORM_NONE,
        .triangles = DSP_MEL_TRIANGLES_MEL, .zero_dc = 1,
    };
    struct dsp_melbank *mb = dsp_melbank_new(&p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(mb);
    CU_ASSERT_EQUAL(dsp_melbank_num_empty(mb, NULL, 0), 0);
    for (size_t m = 0; m < 64; m++) {
        size_t first, count;
        const double *w;
        dsp_melbank_band(mb, m, &first, &count, &w);
        CU_ASSERT(first >= 1);
        for (size_t j = 0; j < count; j++)
            CU_ASSERT(w[j] > 0.0 && w[j] <= 1.0);
    }
    dsp_melbank_free(mb);
}

int main(void)
{
    static const struct test_case cases[] = {
        {"mel scales: closed-form values", test_scales_closed_form},
        {"mel scales: hz -> mel -> hz round trip", test_scales_round_trip},
        {"filterbanks equal librosa.filters.mel (12 cases)", test_banks_match_librosa},
        {"sparse apply equals the dense product", test_apply_is_dense_product},
        {"fmax above Nyquist and other bad parameters", test_fmax_above_nyquist},
        {"empty bands are counted and listed", test_empty_bands_reported},
        {"VGGish-style bank: mel triangles, zero DC", test_vggish_style_bank},
    };
    return test_run("mel", cases, TEST_COUNT(cases));
}
