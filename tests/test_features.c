/* Tests for features.h: spectral descriptors against closed forms (a
 * bin-centred tone, a flat spectrum, white noise, a sine's zero crossings),
 * the summary's mean and std, and the whole-sound analyser. */
#include "testutil.h"

#include <dsplab/features.h>
#include <dsplab/fft.h>
#include <dsplab/gen.h>
#include <dsplab/status.h>
#include <dsplab/stft.h>
#include <dsplab/window.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double FS = 16000.0;
#define NFFT 512
#define NBINS (NFFT / 2 + 1)
static const double BIN_HZ = 16000.0 / NFFT;   /* 31.25 Hz */

/* The magnitude spectrum (DFT-model units: |X| / sum(w)) of n_fft samples
 * under a periodic Hann window, by a direct DFT in long double: the test's
 * own spectrum, independent of the library's FFT. */
static void hann_magnitude(const double *x, double *mag)
{
    double w[NFFT];
    dsp_window_fill(DSP_WIN_HANN, 0.0, DSP_WINDOW_PERIODIC, w, NFFT);
    long double pi = 3.14159265358979323846264338327950288L;
    for (size_t k = 0; k < NBINS; k++) {
        long double re = 0, im = 0;
        for (size_t i = 0; i < NFFT; i++) {
            long double a = 2 * pi * (long double)((k * i) % NFFT) / NFFT;
            re += w[i] * x[i] * cosl(a);
            im -= w[i] * x[i] * sinl(a);
        }
        mag[k] = (double)(sqrtl(re * re + im * im) / (NFFT / 2.0L));
    }
}

/* A sine on bin 32 (1000 Hz) fills 512 samples with 32 whole periods: under
 * the periodic Hann window its spectrum is exactly three bins, A/4, A/2,
 * A/4 at 968.75, 1000, 1031.25 Hz (the window's own DFT, shifted). So:
 * centroid = 1000 Hz by symmetry, spread = sqrt(2 * 1/4 * 31.25^2) =
 * 31.25 / sqrt(2), rolloff(0.85) = 1031.25 Hz (the running sum reaches
 * 3/4 < 0.85 at bin 32, 1 at bin 33), flatness ~ 0 (254 bins at the
 * 1e-10 floor). The other bins hold rounding noise ~1e-17, which moves the
 * centroid by < 1e-9 Hz: tolerances 1e-6 Hz. */
static void test_tone_on_a_bin(void)
{
    double x[NFFT], mag[NBINS], c = 0, s = 0, r = 0, f = 1;
    dsp_gen_sine(0.8, 1000.0, 0.3, FS, x, NFFT);
    hann_magnitude(x, mag);
    CU_ASSERT_DOUBLE_EQUAL(mag[32], 0.4, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(mag[31], 0.2, 1e-12);
    CU_ASSERT_EQUAL(dsp_spectral_centroid(mag, NBINS, BIN_HZ, &c), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(c, 1000.0, 1e-6);
    CU_ASSERT_EQUAL(dsp_spectral_spread(mag, NBINS, BIN_HZ, &s), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(s, 31.25 / sqrt(2.0), 1e-6);
    CU_ASSERT_EQUAL(dsp_spectral_rolloff(mag, NBINS, BIN_HZ, 0.85, &r), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(r, 1031.25, 0.0);
    /* fraction 0.5: 1/4 at bin 31, 3/4 at bin 32 */
    CU_ASSERT_EQUAL(dsp_spectral_rolloff(mag, NBINS, BIN_HZ, 0.5, &r), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(r, 1000.0, 0.0);
    CU_ASSERT_EQUAL(dsp_spectral_flatness(mag, NBINS, &f), DSP_OK);
    CU_ASSERT(f < 1e-6);
}

/* Flat spectra: flatness exactly 1 (geometric = arithmetic mean), centroid
 * at the middle bin, spread the std of a discrete uniform distribution on
 * 0 .. n-1 bins: sqrt((n^2 - 1) / 12) bins. */
static void test_flat_spectrum(void)
{
    double mag[9], v = 0;
    for (int k = 0; k < 9; k++)
        mag[k] = 0.25;
    CU_ASSERT_EQUAL(dsp_spectral_flatness(mag, 9, &v), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(v, 1.0, 1e-14);
    CU_ASSERT_EQUAL(dsp_spectral_centroid(mag, 9, 100.0, &v), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(v, 400.0, 1e-12);
    CU_ASSERT_EQUAL(dsp_spectral_spread(mag, 9, 100.0, &v), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(v, 100.0 * sqrt(80.0 / 12.0), 1e-11);
    /* {1,1,1,1}: running sums 1,2,3,4; 0.85 * 4 = 3.4 first reached at bin 3 */
    double ones[4] = {1, 1, 1, 1};
    CU_ASSERT_EQUAL(dsp_spectral_rolloff(ones, 4, 100.0, 0.85, &v), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(v, 300.0, 0.0);
    CU_ASSERT_EQUAL(dsp_spectral_rolloff(ones, 4, 100.0, 0.5, &v), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(v, 100.0, 0.0);
    CU_ASSERT_EQUAL(dsp_spectral_rolloff(ones, 4, 100.0, 1.0, &v), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(v, 300.0, 0.0);
    /* silence: 0 Hz for the frequency descriptors, flatness 1 (all at the floor) */
    double zero[4] = {0};
    CU_ASSERT_EQUAL(dsp_spectral_centroid(zero, 4, 100.0, &v), DSP_OK);
    CU_ASSERT_EQUAL(v, 0.0);
    CU_ASSERT_EQUAL(dsp_spectral_spread(zero, 4, 100.0, &v), DSP_OK);
    CU_ASSERT_EQUAL(v, 0.0);
    CU_ASSERT_EQUAL(dsp_spectral_rolloff(zero, 4, 100.0, 0.85, &v), DSP_OK);
    CU_ASSERT_EQUAL(v, 0.0);
    CU_ASSERT_EQUAL(dsp_spectral_flatness(zero, 4, &v), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(v, 1.0, 1e-12);
}

/* The same spectrum through the library's FFT (tests/test_fft.c checks it
 * against the DFT): fast enough for the 200 frames of white noise below. */
static void hann_magnitude_fft(struct dsp_fft *fft, const double *x, double *mag)
{
    double w[NFFT], xw[NFFT];
    double complex X[NBINS];
    dsp_window_fill(DSP_WIN_HANN, 0.0, DSP_WINDOW_PERIODIC, w, NFFT);
    for (size_t i = 0; i < NFFT; i++)
        xw[i] = w[i] * x[i];
    dsp_fft_forward_real(fft, xw, X);
    for (size_t k = 0; k < NBINS; k++)
        mag[k] = cabs(X[k]) / (NFFT / 2.0);
}

/* White noise. One frame's periodogram has exponentially distributed bins
 * around the flat PSD, so E[ln P] = ln E[P] - gamma and one frame's
 * flatness is near e^-gamma = 0.5615 (Euler's gamma 0.5772), not 1. The DC
 * and Nyquist bins are real (chi-square with one degree of freedom, E[ln]
 * lower by ln 2), which pulls the geometric mean down by 2^(-2/257):
 * expected 0.5585 (measured 0.5585 for this seed). Tolerance 0.01: the
 * spread of a 200-frame mean is about 0.003. The power averaged
 * over the 200 frames is flat: its flatness is above 0.97 (a mean of 200
 * exponentials has E[ln] about ln mu - 1/400). The rolloff of a flat
 * spectrum is at 0.85 of Nyquist, 6800 Hz, within 2%. */
static void test_white_noise(void)
{
    enum { FRAMES = 200 };
    double *x = malloc(FRAMES * NFFT * sizeof *x);
    double mag[NBINS], avg[NBINS] = {0}, f, sum_f = 0, sum_r = 0, r;
    struct dsp_fft *fft = dsp_fft_new(NFFT);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fft);
    dsp_gen_noise(1.0, 1234, x, FRAMES * NFFT);
    for (int t = 0; t < FRAMES; t++) {
        hann_magnitude_fft(fft, x + t * NFFT, mag);
        CU_ASSERT_EQUAL(dsp_spectral_flatness(mag, NBINS, &f), DSP_OK);
        sum_f += f;
        dsp_spectral_rolloff(mag, NBINS, BIN_HZ, 0.85, &r);
        sum_r += r;
        for (int k = 0; k < NBINS; k++)
            avg[k] += mag[k] * mag[k] / FRAMES;
    }
    CU_ASSERT_DOUBLE_EQUAL(sum_f / FRAMES, exp(-0.57721566490153286 - log(2.0) * 2.0 / NBINS),
                           0.01);
    CU_ASSERT_DOUBLE_EQUAL(sum_r / FRAMES, 6800.0, 0.02 * 6800.0);
    for (int k = 0; k < NBINS; k++)
        avg[k] = sqrt(avg[k]);
    CU_ASSERT_EQUAL(dsp_spectral_flatness(avg, NBINS, &f), DSP_OK);
    CU_ASSERT(f > 0.97 && f <= 1.0);
    if (getenv("DSPLAB_TEST_VERBOSE"))
        printf("\nwhite noise: mean flatness %.4f, mean rolloff %.1f Hz, averaged flatness %.4f\n",
               sum_f / FRAMES, sum_r / FRAMES, f);
    dsp_fft_free(fft);
    free(x);
}

/* Flux: the Euclidean distance between two magnitude spectra. A bin-centred
 * tone of amplitude A (A/4, A/2, A/4) jumping to another bin far away:
 * sqrt(2 * (A^2/4 + 2 A^2/16)) = A sqrt(3/4). The same spectrum twice: 0. */
static void test_flux(void)
{
    double a[NBINS] = {0}, b[NBINS] = {0}, v = -1;
    a[31] = a[33] = 0.25;
    a[32] = 0.5;
    b[99] = b[101] = 0.25;
    b[100] = 0.5;
    CU_ASSERT_EQUAL(dsp_spectral_flux(a, b, NBINS, &v), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(v, sqrt(0.75), 1e-15);
    CU_ASSERT_EQUAL(dsp_spectral_flux(a, a, NBINS, &v), DSP_OK);
    CU_ASSERT_EQUAL(v, 0.0);
    double three[3] = {3, 0, 4}, none[3] = {0};
    CU_ASSERT_EQUAL(dsp_spectral_flux(none, three, 3, &v), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(v, 5.0, 1e-15);
}

/* A sine of f Hz crosses zero 2f times a second: f = 1000 Hz at 16 kHz with
 * a phase of 0.1 rad over 16001 samples (one second of sample pairs)
 * crosses exactly 2000 times (2 pi f t + 0.1 passes m pi for m = 1 ..
 * 2000; no sample lands on a zero), so ZCR = 2000 / 16000 = 2f/fs. */
static void test_zcr(void)
{
    enum { N = 16001 };
    double *x = malloc(N * sizeof *x), z = -1;
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    dsp_gen_sine(1.0, 1000.0, 0.1, FS, x, N);
    CU_ASSERT_EQUAL(dsp_zero_crossing_rate(x, N, &z), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(z, 2.0 * 1000.0 / FS, 1e-15);
    /* f = 440 Hz: 880 crossings in a second, give or take the last one */
    dsp_gen_sine(1.0, 440.0, 0.1, FS, x, N);
    CU_ASSERT_EQUAL(dsp_zero_crossing_rate(x, N, &z), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(z, 2.0 * 440.0 / FS, 1.0 / (N - 1));
    free(x);
    double alt[4] = {1, -1, 1, -1}, flat[3] = {2, 2, 2}, zp[2] = {0, 1}, zn[2] = {0, -1};
    dsp_zero_crossing_rate(alt, 4, &z);
    CU_ASSERT_DOUBLE_EQUAL(z, 1.0, 0.0);   /* Nyquist: every pair */
    dsp_zero_crossing_rate(flat, 3, &z);
    CU_ASSERT_DOUBLE_EQUAL(z, 0.0, 0.0);
    dsp_zero_crossing_rate(zp, 2, &z);     /* 0 counts as positive */
    CU_ASSERT_DOUBLE_EQUAL(z, 0.0, 0.0);
    dsp_zero_crossing_rate(zn, 2, &z);
    CU_ASSERT_DOUBLE_EQUAL(z, 1.0, 0.0);
    CU_ASSERT_EQUAL(dsp_zero_crossing_rate(alt, 1, &z), DSP_EINVAL);
}

static void test_bad_arguments(void)
{
    double mag[3] = {1, -1, 2}, ok[3] = {1, 1, 1}, v;
    CU_ASSERT_EQUAL(dsp_spectral_centroid(mag, 3, 10.0, &v), DSP_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "bin 1"));
    CU_ASSERT_EQUAL(dsp_spectral_centroid(ok, 0, 10.0, &v), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_spectral_spread(ok, 3, 0.0, &v), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_spectral_rolloff(ok, 3, 10.0, 0.0, &v), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_spectral_rolloff(ok, 3, 10.0, 1.5, &v), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_spectral_flatness(mag, 3, &v), DSP_EINVAL);
    ok[2] = NAN;
    CU_ASSERT_EQUAL(dsp_spectral_flux(ok, ok, 3, &v), DSP_EINVAL);
    enum dsp_feature f;
    CU_ASSERT_EQUAL(dsp_feature_from_name("rolloff", &f), DSP_OK);
    CU_ASSERT_EQUAL(f, DSP_FEAT_ROLLOFF);
    CU_ASSERT_STRING_EQUAL(dsp_feature_name(DSP_FEAT_ZCR), "zcr");
    CU_ASSERT_EQUAL(dsp_feature_from_name("loudness", &f), DSP_EINVAL);
    CU_ASSERT_PTR_NULL(dsp_feature_name(DSP_FEAT_COUNT));
}

/* Mean and population std: {1,2,3,4} -> 2.5, sqrt(1.25); a constant column
 * -> std 0 (two passes: no cancellation around 1e8). */
static void test_summary(void)
{
    double F[8] = {1, 1e8, 2, 1e8, 3, 1e8, 4, 1e8}, s[4];
    CU_ASSERT_EQUAL(dsp_summary_mean_std(F, 4, 2, s), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(s[0], 2.5, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(s[1], 1e8, 0.0);
    CU_ASSERT_DOUBLE_EQUAL(s[2], sqrt(1.25), 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(s[3], 0.0, 0.0);
    CU_ASSERT_EQUAL(dsp_summary_mean_std(F, 0, 2, s), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_summary_mean_std(F, 4, 0, s), DSP_EINVAL);
}

/* The analyser on a 1000 Hz sine (bin 32 of 512 at 16 kHz): frames whose
 * 512 samples lie inside the signal see 32 whole periods, so the closed
 * forms of test_tone_on_a_bin hold there, and the spectrum does not move
 * (flux ~ 0). Frame count 1 + len/hop (centred frames). */
static void test_analyser_on_a_sine(void)
{
    enum { LEN = 8000 };
    struct dsp_features_params p = dsp_features_defaults(FS);
    struct dsp_features *ft = dsp_features_new(&p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ft);
    double x[LEN];
    dsp_gen_sine(0.5, 1000.0, 0.1, FS, x, LEN);
    size_t frames = dsp_features_num_frames(ft, LEN);
    CU_ASSERT_EQUAL(frames, 1 + LEN / 256);
    double *D = malloc(frames * DSP_FEAT_COUNT * sizeof *D);
    CU_ASSERT_PTR_NOT_NULL_FATAL(D);
    CU_ASSERT_EQUAL(dsp_features_frames(ft, x, LEN, D, frames), DSP_OK);
    for (size_t k = 1; k * 256 + 256 <= LEN; k++) {
        const double *d = D + k * DSP_FEAT_COUNT;
        CU_ASSERT_DOUBLE_EQUAL(d[DSP_FEAT_CENTROID], 1000.0, 1e-6);
        CU_ASSERT_DOUBLE_EQUAL(d[DSP_FEAT_SPREAD], 31.25 / sqrt(2.0), 1e-6);
        CU_ASSERT_DOUBLE_EQUAL(d[DSP_FEAT_ROLLOFF], 1031.25, 0.0);
        CU_ASSERT(d[DSP_FEAT_FLATNESS] < 1e-6);
        if (k >= 2)
            CU_ASSERT(d[DSP_FEAT_FLUX] < 1e-9);   /* FFT rounding, amplitude 0.25 */
        /* 64 crossings in 511 pairs (32 periods), give or take one */
        CU_ASSERT_DOUBLE_EQUAL(d[DSP_FEAT_ZCR], 64.0 / 511.0, 1.0 / 511.0);
    }
    CU_ASSERT_EQUAL(D[DSP_FEAT_FLUX], 0.0);   /* frame 0 has no previous frame */
    CU_ASSERT_EQUAL(dsp_features_frames(ft, x, LEN, D, frames - 1), DSP_EINVAL);

    /* summary: 13 MFCC means, 6 descriptor means, then the stds */
    size_t n = dsp_features_summary_len(ft);
    CU_ASSERT_EQUAL(n, 2 * (13 + DSP_FEAT_COUNT));
    double v[2 * (13 + DSP_FEAT_COUNT)];
    CU_ASSERT_EQUAL(dsp_features_summary(ft, x, LEN, v, n), DSP_OK);
    double mean_centroid = 0;
    for (size_t k = 0; k < frames; k++)
        mean_centroid += D[k * DSP_FEAT_COUNT + DSP_FEAT_CENTROID] / (double)frames;
    /* the summary's descriptor means are the frames' means */
    CU_ASSERT_DOUBLE_EQUAL(v[13 + DSP_FEAT_CENTROID], mean_centroid, 1e-9);
    for (size_t i = 0; i < n; i++)
        CU_ASSERT(isfinite(v[i]));
    CU_ASSERT_EQUAL(dsp_features_summary(ft, x, LEN, v, n - 1), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_features_summary(ft, x, 0, v, n), DSP_EEMPTY);
    free(D);
    dsp_features_free(ft);
}

/* The analyser computes its descriptors in one fused pass (and the
 * flatness's logarithms as one log of a product); on the magnitudes of the
 * library's STFT of the same frames (unit-sum periodic Hann, M = N = 512,
 * hop 256: the same framing, magnitudes equal to ~1e-16 relative) the
 * public functions must give the same values: 1e-10 relative (sums of 257
 * terms in another order, the frexp product against 257 logarithms). The
 * rolloff is a bin frequency; on noise no running sum lands within
 * rounding of its threshold, so it must match exactly. */
static void test_analyser_equals_public_functions(void)
{
    enum { LEN = 6000 };
    double x[LEN], w[NFFT], mag[NBINS], prev[NBINS], v;
    dsp_gen_noise(0.3, 99, x, LEN);
    for (size_t i = 0; i < LEN; i++)
        x[i] += 0.5 * sin(0.2 * (double)i);
    struct dsp_features_params p = dsp_features_defaults(FS);
    struct dsp_features *ft = dsp_features_new(&p);
    dsp_window_fill(DSP_WIN_HANN, 0.0, DSP_WINDOW_PERIODIC, w, NFFT);
    struct dsp_stft *st = dsp_stft_new(w, NFFT, NFFT, 256);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ft);
    CU_ASSERT_PTR_NOT_NULL_FATAL(st);
    size_t frames = dsp_features_num_frames(ft, LEN);
    CU_ASSERT_EQUAL_FATAL(frames, dsp_stft_num_frames(st, LEN));
    double *D = malloc(frames * DSP_FEAT_COUNT * sizeof *D);
    CU_ASSERT_PTR_NOT_NULL_FATAL(D);
    CU_ASSERT_EQUAL(dsp_features_frames(ft, x, LEN, D, frames), DSP_OK);
    for (size_t k = 0; k < frames; k++) {
        const double *d = D + k * DSP_FEAT_COUNT;
        CU_ASSERT_EQUAL_FATAL(dsp_stft_magnitude(st, x, LEN, k, mag), DSP_OK);
        dsp_spectral_centroid(mag, NBINS, BIN_HZ, &v);
        CU_ASSERT_DOUBLE_EQUAL(d[DSP_FEAT_CENTROID], v, 1e-10 * v);
        dsp_spectral_spread(mag, NBINS, BIN_HZ, &v);
        CU_ASSERT_DOUBLE_EQUAL(d[DSP_FEAT_SPREAD], v, 1e-10 * v);
        dsp_spectral_flatness(mag, NBINS, &v);
        CU_ASSERT_DOUBLE_EQUAL(d[DSP_FEAT_FLATNESS], v, 1e-10 * v);
        dsp_spectral_rolloff(mag, NBINS, BIN_HZ, 0.85, &v);
        CU_ASSERT_DOUBLE_EQUAL(d[DSP_FEAT_ROLLOFF], v, 0.0);
        if (k > 0) {
            dsp_spectral_flux(prev, mag, NBINS, &v);
            CU_ASSERT_DOUBLE_EQUAL(d[DSP_FEAT_FLUX], v, 1e-10 * v + 1e-15);
        }
        memcpy(prev, mag, sizeof mag);
    }
    free(D);
    dsp_stft_free(st);
    dsp_features_free(ft);
}

/* Silence gives finite values (centroid 0, flatness 1, MFCCs at the floor). */
static void test_analyser_silence_and_params(void)
{
    struct dsp_features_params p = dsp_features_defaults(FS);
    struct dsp_features *ft = dsp_features_new(&p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ft);
    double x[1000] = {0}, v[2 * (13 + DSP_FEAT_COUNT)];
    CU_ASSERT_EQUAL(dsp_features_summary(ft, x, 1000, v, dsp_features_summary_len(ft)), DSP_OK);
    for (size_t i = 0; i < dsp_features_summary_len(ft); i++)
        CU_ASSERT(isfinite(v[i]));
    CU_ASSERT_DOUBLE_EQUAL(v[13 + DSP_FEAT_CENTROID], 0.0, 0.0);
    CU_ASSERT_DOUBLE_EQUAL(v[13 + DSP_FEAT_FLATNESS], 1.0, 1e-12);
    dsp_features_free(ft);
    dsp_features_free(NULL);

    struct dsp_features_params bad = p;
    bad.n_fft = 511;
    CU_ASSERT_PTR_NULL(dsp_features_new(&bad));
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "511"));
    bad = p;
    bad.n_mfcc = 41;
    CU_ASSERT_PTR_NULL(dsp_features_new(&bad));
    bad = p;
    bad.rolloff = 0.0;
    CU_ASSERT_PTR_NULL(dsp_features_new(&bad));
    bad = p;
    bad.hop = 0;
    CU_ASSERT_PTR_NULL(dsp_features_new(&bad));
    CU_ASSERT_PTR_NULL(dsp_features_new(NULL));
}

int main(void)
{
    static const struct test_case cases[] = {
        {"a tone on a bin: centroid, spread, rolloff, flatness", test_tone_on_a_bin},
        {"flat spectra and silence", test_flat_spectrum},
        {"white noise: flatness e^-gamma per frame, 1 averaged", test_white_noise},
        {"flux of a jumping tone", test_flux},
        {"zero-crossing rate of a sine is 2f/fs", test_zcr},
        {"bad arguments are reported", test_bad_arguments},
        {"summary: mean and population std", test_summary},
        {"analyser on a sine: frames and summary", test_analyser_on_a_sine},
        {"analyser on silence; bad parameters", test_analyser_silence_and_params},
        {"analyser equals the public functions on the STFT's magnitudes",
         test_analyser_equals_public_functions},
    };
    return test_run("features", cases, TEST_COUNT(cases));
}
