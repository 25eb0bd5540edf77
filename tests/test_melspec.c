/* Tests for melspec.h against librosa's melspectrogram and power_to_db,
 * re-computed in float64 numpy by tests/gen/mel_ref.py. */
#include "melref.h"
#include "testutil.h"

#include <dsplab/melspec.h>
#include <dsplab/status.h>
#include <dsplab/stft.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIG_LEN 11125   /* 21.7 hops of 512: the last frame is partly padding */

static struct dsp_melspec_params case_b(void)
{
    struct dsp_melspec_params p = dsp_melspec_defaults(22050.0);
    p.n_fft = 512;
    p.win_length = 400;
    p.hop = 128;
    p.power = 1.0;
    p.mel.n_mels = 40;
    p.mel.fmin = 50.0;
    p.mel.fmax = 8000.0;
    p.mel.scale = DSP_MEL_HTK;
    p.mel.norm = DSP_MEL_NORM_NONE;
    return p;
}

/* Computes the whole spectrogram and compares it with a reference file.
 * Tolerance: rtol 1e-7 (the issue allows 1e-5). Both sides sum the same
 * products in float64; FFTW vs numpy's pocketfft and sin's last ulp move
 * the values by ~1e-12 relative; every band holds the noise floor (about
 * 1e-4 of the peak or more), so no value is tiny enough for cancellation. */
static void check_spec(const struct dsp_melspec_params *p, const char *path, size_t want_frames)
{
    double *x = malloc(SIG_LEN * sizeof *x);
    mel_ref_signal(x, SIG_LEN, 22050.0, 0.01);
    struct dsp_melspec *ms = dsp_melspec_new(p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ms);
    size_t frames = dsp_melspec_num_frames(ms, SIG_LEN), nm = dsp_melspec_num_bands(ms);
    CU_ASSERT_EQUAL(frames, want_frames);
    double *S = malloc(frames * nm * sizeof *S), *ref = malloc(frames * nm * sizeof *ref);
    CU_ASSERT_EQUAL(mel_ref_read(path, ref, frames * nm), frames * nm);
    CU_ASSERT_EQUAL(dsp_melspec_compute(ms, x, SIG_LEN, S, frames), DSP_OK);
    test_close(path, S, ref, frames * nm, 0.0, 1e-7);
    /* Streaming frame by frame gives the same rows. */
    double row[128];
    for (size_t k = 0; k < frames; k += 5) {
        CU_ASSERT_EQUAL(dsp_melspec_frame(ms, x, SIG_LEN, k, row), DSP_OK);
        CU_ASSERT(memcmp(row, S + k * nm, nm * sizeof *row) == 0);
    }
    CU_ASSERT_EQUAL(dsp_melspec_frame(ms, x, SIG_LEN, frames, row), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_melspec_compute(ms, x, SIG_LEN, S, frames - 1), DSP_EINVAL);
    free(x);
    free(S);
    free(ref);
    dsp_melspec_free(ms);
}

static void test_defaults_match_librosa(void)
{
    struct dsp_melspec_params p = dsp_melspec_defaults(22050.0);
    check_spec(&p, "tests/data/mel_spec_a.txt", 1 + SIG_LEN / 512);
}

static void test_htk_magnitude_short_window(void)
{
    struct dsp_melspec_params p = case_b();
    check_spec(&p, "tests/data/mel_spec_b.txt", 1 + SIG_LEN / 128);
}

/* power_to_db of case A, with ref=max/top_db=80 and ref=1/no top_db.
 * Tolerance 1e-6 dB absolute (the issue allows 1e-4): a 1e-7 relative
 * error in S is 4.3e-7 dB. */
static void test_db_matches_librosa(void)
{
    double *x = malloc(SIG_LEN * sizeof *x);
    mel_ref_signal(x, SIG_LEN, 22050.0, 0.01);
    struct dsp_melspec_params p = dsp_melspec_defaults(22050.0);
    struct dsp_melspec *ms = dsp_melspec_new(&p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ms);
    size_t frames = dsp_melspec_num_frames(ms, SIG_LEN), n = frames * 128;
    double *S = malloc(n * sizeof *S), *D = malloc(n * sizeof *D), *ref = malloc(n * sizeof *ref);
    CU_ASSERT_EQUAL(dsp_melspec_compute(ms, x, SIG_LEN, S, frames), DSP_OK);

    CU_ASSERT_EQUAL(mel_ref_read("tests/data/mel_db_a_refmax.txt", ref, n), n);
    CU_ASSERT_EQUAL(dsp_melspec_power_to_db(S, n, DSP_DB_REF_MAX, 1e-10, 80.0, D), DSP_OK);
    test_close("power_to_db ref=max top_db=80", D, ref, n, 1e-6, 0.0);
    /* ref max: the peak is 0 dB and nothing is below -80 dB */
    double lo = 0.0, hi = -1e9;
    for (size_t i = 0; i < n; i++) {
        lo = fmin(lo, D[i]);
        hi = fmax(hi, D[i]);
    }
    CU_ASSERT_DOUBLE_EQUAL(hi, 0.0, 1e-12);
    CU_ASSERT(lo >= -80.0 - 1e-12);

    CU_ASSERT_EQUAL(mel_ref_read("tests/data/mel_db_a_ref1.txt", ref, n), n);
    CU_ASSERT_EQUAL(dsp_melspec_power_to_db(S, n, 1.0, 1e-10, DSP_DB_NO_TOP, D), DSP_OK);
    test_close("power_to_db ref=1 no top_db", D, ref, n, 1e-6, 0.0);
    /* in place */
    CU_ASSERT_EQUAL(dsp_melspec_power_to_db(S, n, 1.0, 1e-10, DSP_DB_NO_TOP, S), DSP_OK);
    test_close("power_to_db in place", S, ref, n, 1e-6, 0.0);
    free(x);
    free(S);
    free(D);
    free(ref);
    dsp_melspec_free(ms);
}

static void test_power_to_db_closed_form(void)
{
    const double S[] = {1.0, 10.0, 100.0, 1e-12, 0.0, 1000.0};
    double D[6];
    const double want1[] = {0.0, 10.0, 20.0, -100.0, -100.0, 30.0};
    CU_ASSERT_EQUAL(dsp_melspec_power_to_db(S, 6, 1.0, 1e-10, DSP_DB_NO_TOP, D), DSP_OK);
    test_close("ref 1", D, want1, 6, 1e-12, 0.0);
    /* ref 10, top_db 25: 30-10 = 20 dB peak, floor at -5 dB */
    const double want2[] = {-5.0, 0.0, 10.0, -5.0, -5.0, 20.0};
    CU_ASSERT_EQUAL(dsp_melspec_power_to_db(S, 6, 10.0, 1e-10, 25.0, D), DSP_OK);
    test_close("ref 10 top_db 25", D, want2, 6, 1e-12, 0.0);
    /* ref max, amin 1e-3 */
    const double want3[] = {-30.0, -20.0, -10.0, -60.0, -60.0, 0.0};
    CU_ASSERT_EQUAL(dsp_melspec_power_to_db(S, 6, DSP_DB_REF_MAX, 1e-3, DSP_DB_NO_TOP, D), DSP_OK);
    test_close("ref max amin 1e-3", D, want3, 6, 1e-12, 0.0);
    CU_ASSERT_EQUAL(dsp_melspec_power_to_db(S, 6, 1.0, 0.0, 80.0, D), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_melspec_power_to_db(S, 6, -1.0, 1e-10, 80.0, D), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_melspec_power_to_db(S, 6, 1.0, 1e-10, -1.0, D), DSP_EINVAL);
}

/* Silence: mel values 0, dB at the floor, never -inf or NaN. */
static void test_silent_input(void)
{
    size_t len = 5000;
    double *x = calloc(len, sizeof *x);
    struct dsp_melspec_params p = dsp_melspec_defaults(22050.0);
    struct dsp_melspec *ms = dsp_melspec_new(&p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ms);
    size_t frames = dsp_melspec_num_frames(ms, len), n = frames * 128;
    double *S = malloc(n * sizeof *S), *D = malloc(n * sizeof *D);
    CU_ASSERT_EQUAL(dsp_melspec_compute(ms, x, len, S, frames), DSP_OK);
    CU_ASSERT_EQUAL(dsp_melspec_power_to_db(S, n, DSP_DB_REF_MAX, 1e-10, 80.0, D), DSP_OK);
    for (size_t i = 0; i < n; i++) {
        CU_ASSERT(S[i] == 0.0);
        CU_ASSERT(D[i] == 0.0);   /* 10log10(amin) - 10log10(max(amin, 0)) */
    }
    CU_ASSERT_EQUAL(dsp_melspec_power_to_db(S, n, 1.0, 1e-10, 80.0, D), DSP_OK);
    for (size_t i = 0; i < n; i++)
        CU_ASSERT(isfinite(D[i]) && fabs(D[i] + 100.0) < 1e-12);
    free(x);
    free(S);
    free(D);
    dsp_melspec_free(ms);
}

static void test_frame_counts(void)
{
    struct dsp_melspec_params p = dsp_melspec_defaults(22050.0);
    struct dsp_melspec *ms = dsp_melspec_new(&p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ms);
    CU_ASSERT_EQUAL(dsp_melspec_num_frames(ms, 0), 1);
    CU_ASSERT_EQUAL(dsp_melspec_num_frames(ms, 511), 1);
    CU_ASSERT_EQUAL(dsp_melspec_num_frames(ms, 512), 2);
    CU_ASSERT_EQUAL(dsp_melspec_num_frames(ms, 22050), 44);
    dsp_melspec_free(ms);
    /* odd n_fft: librosa pads n_fft//2 per side, 1 + (L - 1) // hop frames */
    p.n_fft = p.win_length = 2047;
    p.mel.n_fft = 2047;
    ms = dsp_melspec_new(&p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ms);
    CU_ASSERT_EQUAL(dsp_melspec_num_frames(ms, 512), 1);
    CU_ASSERT_EQUAL(dsp_melspec_num_frames(ms, 513), 2);
    dsp_melspec_free(ms);
    /* frames inside the signal (VGGish) */
    p = dsp_melspec_defaults(16000.0);
    p.framing = DSP_FRAMES_INSIDE;
    p.n_fft = 512;
    p.win_length = 400;
    p.hop = 160;
    p.mel.n_mels = 64;
    ms = dsp_melspec_new(&p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ms);
    CU_ASSERT_EQUAL(dsp_melspec_num_frames(ms, 399), 0);
    CU_ASSERT_EQUAL(dsp_melspec_num_frames(ms, 400), 1);
    CU_ASSERT_EQUAL(dsp_melspec_num_frames(ms, 559), 1);
    CU_ASSERT_EQUAL(dsp_melspec_num_frames(ms, 560), 2);
    CU_ASSERT_EQUAL(dsp_melspec_num_frames(ms, 15600), 96);
    dsp_melspec_free(ms);
}

static void test_bad_parameters(void)
{
    struct dsp_melspec_params p = dsp_melspec_defaults(22050.0);
    p.win_length = 4096;
    CU_ASSERT_PTR_NULL(dsp_melspec_new(&p));
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "window length (4096)"));
    p = dsp_melspec_defaults(22050.0);
    p.hop = 0;
    CU_ASSERT_PTR_NULL(dsp_melspec_new(&p));
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "hop"));
    p = dsp_melspec_defaults(22050.0);
    p.power = 0.0;
    CU_ASSERT_PTR_NULL(dsp_melspec_new(&p));
    p = dsp_melspec_defaults(22050.0);
    p.mel.fmax = 12000.0;
    CU_ASSERT_PTR_NULL(dsp_melspec_new(&p));
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "Nyquist"));
    CU_ASSERT_PTR_NULL(dsp_melspec_new(NULL));
    dsp_melspec_free(NULL);
}

/* A signal shorter than a frame: both ends of the window read padding.
 * Frame 0 must equal frame 0 of the same samples followed by zeros. */
static void test_short_signal(void)
{
    double x[100], padded[3000] = {0};
    mel_ref_signal(x, 100, 22050.0, 0.01);
    memcpy(padded, x, sizeof x);
    struct dsp_melspec_params p = dsp_melspec_defaults(22050.0);
    struct dsp_melspec *ms = dsp_melspec_new(&p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ms);
    CU_ASSERT_EQUAL(dsp_melspec_num_frames(ms, 100), 1);
    double a[128], b[128];
    CU_ASSERT_EQUAL(dsp_melspec_frame(ms, x, 100, 0, a), DSP_OK);
    CU_ASSERT_EQUAL(dsp_melspec_frame(ms, padded, 3000, 0, b), DSP_OK);
    CU_ASSERT(memcmp(a, b, sizeof a) == 0);
    double e = 0.0;
    for (int m = 0; m < 128; m++)
        e += a[m];
    CU_ASSERT(e > 0.0);
    dsp_melspec_free(ms);
}

/* Our framing and scaling against stft.h's librosa-scaled power spectrum
 * (dsp_stft_power) on the same frames: the two are independent code paths
 * (theirs rotates the frame to zero phase), so they agree to rounding,
 * 1e-9 relative to the frame's largest bin. */
static void test_spectrum_matches_stft_power(void)
{
    double *x = malloc(SIG_LEN * sizeof *x);
    mel_ref_signal(x, SIG_LEN, 22050.0, 0.01);
    struct dsp_melspec_params p = dsp_melspec_defaults(22050.0);
    struct dsp_melspec *ms = dsp_melspec_new(&p);
    double w[2048];
    dsp_window_fill(DSP_WIN_HANN, 0.0, DSP_WINDOW_PERIODIC, w, 2048);
    struct dsp_stft *st = dsp_stft_new(w, 2048, 2048, 512);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ms);
    CU_ASSERT_PTR_NOT_NULL_FATAL(st);
    size_t frames = dsp_melspec_num_frames(ms, SIG_LEN);
    CU_ASSERT_EQUAL(frames, dsp_stft_num_frames(st, SIG_LEN));
    double a[1025], b[1025];
    for (size_t k = 0; k < frames; k++) {
        CU_ASSERT_EQUAL(dsp_melspec_spectrum(ms, x, SIG_LEN, k, a), DSP_OK);
        CU_ASSERT_EQUAL(dsp_stft_power(st, x, SIG_LEN, k, b), DSP_OK);
        double peak = 0.0;
        for (int i = 0; i < 1025; i++)
            peak = fmax(peak, b[i]);
        if (!test_close("melspec spectrum vs dsp_stft_power", a, b, 1025, 1e-9 * peak, 0.0))
            break;
    }
    free(x);
    dsp_melspec_free(ms);
    dsp_stft_free(st);
}

int main(void)
{
    static const struct test_case cases[] = {
        {"librosa defaults (n_fft 2048, hop 512, 128 Slaney bands)", test_defaults_match_librosa},
        {"HTK, no norm, magnitude, win 400 in n_fft 512", test_htk_magnitude_short_window},
        {"power_to_db equals librosa (ref max / ref 1)", test_db_matches_librosa},
        {"power_to_db closed forms and bad arguments", test_power_to_db_closed_form},
        {"silent input: zeros, finite dB", test_silent_input},
        {"frame counts (centred, odd n_fft, inside)", test_frame_counts},
        {"bad parameters are reported", test_bad_parameters},
        {"signal shorter than a frame", test_short_signal},
        {"power spectrum equals dsp_stft_power (stft.h)", test_spectrum_matches_stft_power},
    };
    return test_run("melspec", cases, TEST_COUNT(cases));
}
