/*
 * Lesson 10 — Sound description and classification: the graded tests.
 *
 * Expected values come from closed forms computed here (a bin-centred
 * tone's three-bin spectrum under the periodic Hann window, flat and
 * two-level spectra, a sine's zero crossings, small integer examples
 * worked by hand), and from data/reference/10-sound-description/ (written
 * by refgen.c from the solution) for the clips of data/clips/.
 *
 * Tolerances. Descriptors are ratios of sums of at most a few hundred
 * non-negative terms: any honest order of summation agrees to ~1e-13
 * relative, so 1e-9 relative (+1e-12 absolute for values near 0, such as
 * the flux of a steady tone) passes every correct implementation and fails
 * every real mistake (a bin index instead of Hz is off by a factor of
 * 31.25, a variance instead of a std by orders of magnitude, n instead of
 * n - 1 in the ZCR by 1/n ~ 2e-3). The rolloff is a bin frequency: exact.
 * Labels and counts are integers: exact.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dsplab/classify.h>
#include <dsplab/datafile.h>
#include <dsplab/gen.h>
#include <dsplab/melspec.h>
#include <dsplab/mfcc.h>

#include "exercise.h"
#include "grade.h"

/* shared with refgen.c */
#define NFFT 512
#define HOP 256
#define N_CLASSES 5
#define N_CLIPS 100
#define N_FOLDS 5
#define K 3
/* the held-out accuracy the README promises for the clips */
#define ACCURACY_FLOOR 0.85

static const double RTOL = 1e-9, ATOL = 1e-12;

/* The spectrum of a bin-centred tone of amplitude 0.5 under a periodic
 * Hann window divided by its sum: 0.125, 0.25, 0.125 on bins 31, 32, 33
 * (1000 Hz at 16 kHz with n_fft 512, bins 31.25 Hz apart), zeros
 * elsewhere: centroid 1000 Hz, spread 31.25/sqrt(2), rolloff(0.85)
 * 1031.25 Hz. */
#define TONE_BINS 257
#define TONE_BIN_HZ 31.25
static void tone_spectrum(double *mag)
{
    for (size_t k = 0; k < TONE_BINS; k++)
        mag[k] = 0.0;
    mag[31] = mag[33] = 0.125;
    mag[32] = 0.25;
}

/* ---- Part 1 --------------------------------------------------------------------- */

static const double EX_MAG[4] = {0, 1, 2, 1};

static void centroid_example(void)
{
    double c = -1;
    if (!grade_status(centroid_ex(EX_MAG, 4, 100.0, &c), "centroid_ex"))
        return;
    if (fabs(c - 2.0) < 1e-9)
        grade_note("you returned 2, the centroid in BINS: multiply each k by bin_hz");
    else if (fabs(c - 2200.0 / 6.0) < 1e-6)
        grade_note("366.67 Hz is the centroid of mag^2 (power): weight by the magnitude");
    else if (fabs(c - 800.0) < 1e-9)
        grade_note("800 = sum f_k mag[k]: divide by sum mag[k]");
    grade_close_scalar("centroid of {0, 1, 2, 1}, 100 Hz bins (Hz)", c, 200.0, ATOL, RTOL);
}

static void centroid_tone(void)
{
    double mag[TONE_BINS], c = -1;
    tone_spectrum(mag);
    if (!grade_status(centroid_ex(mag, TONE_BINS, TONE_BIN_HZ, &c), "centroid_ex"))
        return;
    grade_close_scalar("centroid of a 1000 Hz tone (Hz)", c, 1000.0, ATOL, RTOL);
}

static void centroid_edges(void)
{
    double zero[4] = {0}, bad[3] = {1, -1, 1}, c = -1;
    if (!grade_status(centroid_ex(zero, 4, 100.0, &c), "centroid_ex (silence)"))
        return;
    if (!grade_true(c == 0.0, "centroid of silence: got %g, expected 0 (not NaN: 0/0)", c))
        return;
    if (!grade_einval(centroid_ex(bad, 3, 100.0, &c), "centroid_ex", "{1, -1, 1} (negative)"))
        return;
    if (!grade_einval(centroid_ex(EX_MAG, 0, 100.0, &c), "centroid_ex", "n_bins 0"))
        return;
    grade_einval(centroid_ex(EX_MAG, 4, 0.0, &c), "centroid_ex", "bin_hz 0");
}

static void spread_example(void)
{
    double s = -1, mag[TONE_BINS];
    if (!grade_status(spread_ex(EX_MAG, 4, 100.0, &s), "spread_ex"))
        return;
    if (fabs(s - 5000.0) < 1e-6)
        grade_note("5000 is the variance (Hz^2): take its square root");
    if (!grade_close_scalar("spread of {0, 1, 2, 1}, 100 Hz bins (Hz)", s, sqrt(5000.0), ATOL,
                            RTOL))
        return;
    tone_spectrum(mag);
    if (!grade_status(spread_ex(mag, TONE_BINS, TONE_BIN_HZ, &s), "spread_ex"))
        return;
    grade_close_scalar("spread of a 1000 Hz tone (Hz)", s, TONE_BIN_HZ / sqrt(2.0), ATOL, RTOL);
}

static void spread_edges(void)
{
    double zero[4] = {0}, bad[2] = {NAN, 1}, s = -1;
    double flat[9] = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    if (!grade_status(spread_ex(zero, 4, 100.0, &s), "spread_ex (silence)"))
        return;
    if (!grade_true(s == 0.0, "spread of silence: got %g, expected 0", s))
        return;
    /* a flat spectrum over bins 0..8: the std of a uniform distribution on
     * 9 points, sqrt((9^2 - 1) / 12) bins */
    if (!grade_status(spread_ex(flat, 9, 100.0, &s), "spread_ex"))
        return;
    if (!grade_close_scalar("spread of 9 equal bins, 100 Hz apart (Hz)", s,
                            100.0 * sqrt(80.0 / 12.0), ATOL, RTOL))
        return;
    grade_einval(spread_ex(bad, 2, 100.0, &s), "spread_ex", "{NaN, 1}");
}

static void flatness_example(void)
{
    double f = -1;
    double ones[4] = {1, 1, 1, 1};
    if (!grade_status(flatness_ex(EX_MAG, 4, &f), "flatness_ex"))
        return;
    if (f == 0.0 || isnan(f))
        grade_note("ln(0) = -inf: floor the power at 1e-10 first, P = max(mag^2, 1e-10)");
    if (!grade_close_scalar("flatness of {0, 1, 2, 1}", f, pow(4e-10, 0.25) / 1.5, ATOL, RTOL))
        return;
    if (!grade_status(flatness_ex(ones, 4, &f), "flatness_ex"))
        return;
    grade_close_scalar("flatness of {1, 1, 1, 1}", f, 1.0, ATOL, RTOL);
}

/* Half the bins at magnitude 1, half at 2: powers 1 and 4, geometric mean
 * 2, arithmetic mean 2.5, flatness 0.8 (on magnitudes it would be
 * sqrt(2)/1.5 = 0.943). A tone: three bins above the floor, 254 at 1e-10:
 * below 1e-6. */
static void flatness_closed_forms(void)
{
    double mag[TONE_BINS], f = -1;
    for (size_t k = 0; k < 64; k++)
        mag[k] = k % 2 ? 2.0 : 1.0;
    if (!grade_status(flatness_ex(mag, 64, &f), "flatness_ex"))
        return;
    if (fabs(f - sqrt(2.0) / 1.5) < 1e-9)
        grade_note("that is the flatness of the magnitudes: square them first (power)");
    if (!grade_close_scalar("flatness of 32 bins at 1 and 32 at 2", f, 0.8, ATOL, RTOL))
        return;
    tone_spectrum(mag);
    if (!grade_status(flatness_ex(mag, TONE_BINS, &f), "flatness_ex"))
        return;
    if (!grade_true(f >= 0.0 && f < 1e-6, "flatness of a 1000 Hz tone: got %g, expected < 1e-6",
                    f))
        return;
    double neg[2] = {-1, 1};
    grade_einval(flatness_ex(neg, 2, &f), "flatness_ex", "{-1, 1}");
}

static void rolloff_example(void)
{
    const double fractions[3] = {0.85, 0.5, 0.25}, want[3] = {300, 200, 100};
    for (int i = 0; i < 3; i++) {
        double r = -1;
        char what[96];
        if (!grade_status(rolloff_ex(EX_MAG, 4, 100.0, fractions[i], &r), "rolloff_ex"))
            return;
        if (fabs(r - want[i] - 100.0) < 1e-9)
            grade_note("one bin too high: the running sum must be >= fraction * total, not >");
        else if (fabs(r * 100.0 - want[i]) < 1e-9)
            grade_note("you returned the bin index: multiply by bin_hz");
        snprintf(what, sizeof what, "rolloff of {0, 1, 2, 1}, fraction %g (Hz)", fractions[i]);
        if (!grade_close_scalar(what, r, want[i], 0, 0))
            return;
    }
}

static void rolloff_edges(void)
{
    double mag[TONE_BINS], r = -1, zero[3] = {0}, ones[4] = {1, 1, 1, 1};
    tone_spectrum(mag);
    if (!grade_status(rolloff_ex(mag, TONE_BINS, TONE_BIN_HZ, 0.85, &r), "rolloff_ex"))
        return;
    if (!grade_close_scalar("rolloff (0.85) of a 1000 Hz tone (Hz)", r, 1031.25, 0, 0))
        return;
    if (!grade_status(rolloff_ex(ones, 4, 100.0, 1.0, &r), "rolloff_ex"))
        return;
    if (!grade_close_scalar("rolloff of {1, 1, 1, 1}, fraction 1 (Hz)", r, 300.0, 0, 0))
        return;
    if (!grade_status(rolloff_ex(zero, 3, 100.0, 0.85, &r), "rolloff_ex (silence)"))
        return;
    if (!grade_close_scalar("rolloff of silence (Hz)", r, 0.0, 0, 0))
        return;
    if (!grade_einval(rolloff_ex(ones, 4, 100.0, 0.0, &r), "rolloff_ex", "fraction 0"))
        return;
    grade_einval(rolloff_ex(ones, 4, 100.0, 1.5, &r), "rolloff_ex", "fraction 1.5");
}

/* ---- Part 2 --------------------------------------------------------------------- */

static void flux_example(void)
{
    const double cur[4] = {1, 1, 0, 1};
    double v = -1, a[TONE_BINS], b[TONE_BINS];
    if (!grade_status(flux_ex(EX_MAG, cur, 4, &v), "flux_ex"))
        return;
    if (fabs(v - 5.0) < 1e-9)
        grade_note("5 is the squared distance: take its square root");
    else if (fabs(v - 3.0) < 1e-9)
        grade_note("3 is the sum of |differences|: the flux here is Euclidean");
    if (!grade_close_scalar("flux {0, 1, 2, 1} -> {1, 1, 0, 1}", v, sqrt(5.0), ATOL, RTOL))
        return;
    /* a tone jumping from bin 32 to bin 100: sqrt(2 (0.25^2 + 2 * 0.125^2)) */
    tone_spectrum(a);
    memset(b, 0, sizeof b);
    b[99] = b[101] = 0.125;
    b[100] = 0.25;
    if (!grade_status(flux_ex(a, b, TONE_BINS, &v), "flux_ex"))
        return;
    if (!grade_close_scalar("flux of a tone jumping from 1000 to 3125 Hz", v, sqrt(0.1875), ATOL,
                            RTOL))
        return;
    if (!grade_status(flux_ex(a, a, TONE_BINS, &v), "flux_ex"))
        return;
    if (!grade_close_scalar("flux of a spectrum that did not change", v, 0.0, 0, 0))
        return;
    grade_einval(flux_ex(a, a, 0, &v), "flux_ex", "n_bins 0");
}

static void zcr_example(void)
{
    const double x[5] = {1, -1, 0, 2, -3};
    double z = -1;
    if (!grade_status(zcr_ex(x, 5, &z), "zcr_ex"))
        return;
    if (fabs(z - 0.6) < 1e-12)
        grade_note("3/5: divide by the n - 1 = 4 pairs, not by the n = 5 samples");
    else if (fabs(z - 0.5) < 1e-12)
        grade_note("2/4: 0 counts as positive, so -1 -> 0 is a crossing (test x >= 0)");
    grade_close_scalar("zcr of {1, -1, 0, 2, -3}", z, 0.75, ATOL, 0);
}

/* A sine of 1000 Hz at 16 kHz, phase 0.1 rad, 16001 samples: exactly 2000
 * crossings in 16000 pairs (2 pi f t + 0.1 passes m pi for m = 1 .. 2000,
 * and no sample is 0), so 2f/fs = 0.125. */
static void zcr_sine(void)
{
    enum { N = 16001 };
    double *x = malloc(N * sizeof *x), z = -1;
    if (!grade_true(x != NULL, "out of memory"))
        return;
    dsp_gen_sine(1.0, 1000.0, 0.1, 16000.0, x, N);
    if (!grade_status(zcr_ex(x, N, &z), "zcr_ex"))
        return;
    if (fabs(z - 2000.0 / N) < 1e-12)
        grade_note("2000 / 16001: divide by the n - 1 pairs");
    if (!grade_close_scalar("zcr of a 1000 Hz sine at 16 kHz (2f/fs)", z, 0.125, ATOL, 0))
        return;
    double alt[4] = {1, -1, 1, -1};
    if (!grade_status(zcr_ex(alt, 4, &z), "zcr_ex"))
        return;
    if (!grade_close_scalar("zcr of {1, -1, 1, -1} (Nyquist)", z, 1.0, ATOL, 0))
        return;
    grade_einval(zcr_ex(alt, 1, &z), "zcr_ex", "n 1");
    free(x);
}

/* The README's sine: in frames wholly inside the signal the three-bin
 * closed forms hold, the flux is rounding noise and the zcr counts 64
 * crossings (32 periods) in 511 pairs, give or take one. */
static void descriptors_sine(void)
{
    enum { LEN = 8000, FRAMES = LEN / HOP + 1 };
    double x[LEN], D[FRAMES * DESCRIPTOR_COUNT];
    dsp_gen_sine(0.5, 1000.0, 0.1, 16000.0, x, LEN);
    for (size_t i = 0; i < FRAMES * DESCRIPTOR_COUNT; i++)
        D[i] = NAN;
    if (!grade_status(descriptors_ex(x, LEN, 16000.0, NFFT, HOP, D, FRAMES), "descriptors_ex"))
        return;
    if (!grade_true(D[DESC_FLUX] == 0.0, "frame 0's flux: got %g, expected 0 (no previous frame)",
                    D[DESC_FLUX]))
        return;
    for (size_t t = 1; t * HOP + NFFT / 2 <= LEN; t++) {
        const double *d = D + t * DESCRIPTOR_COUNT;
        char what[96];
        snprintf(what, sizeof what, "frame %zu {centroid, spread, rolloff} (Hz)", t);
        const double got[3] = {d[DESC_CENTROID], d[DESC_SPREAD], d[DESC_ROLLOFF]};
        const double want[3] = {1000.0, TONE_BIN_HZ / sqrt(2.0), 1031.25};
        if (!grade_close(what, got, want, 3, 1e-6, RTOL)) {
            if (fabs(d[DESC_CENTROID] * TONE_BIN_HZ - 1000.0) < 1.0)
                grade_note("the centroid is in bins: f_k = k * bin_hz, bin_hz = sample_rate "
                           "/ n_fft");
            else if (fabs(d[DESC_CENTROID] - 1000.0) < 1.0)
                grade_note("close but not exact: is the window periodic (DSP_WINDOW_PERIODIC)?");
            else
                grade_note("frame t is centred on sample t * hop: it starts at t*hop - n_fft/2");
            return;
        }
        if (!grade_true(d[DESC_FLATNESS] >= 0 && d[DESC_FLATNESS] < 1e-6,
                        "frame %zu flatness: got %g, expected < 1e-6", t, d[DESC_FLATNESS]))
            return;
        if (t >= 2 && !grade_true(d[DESC_FLUX] >= 0 && d[DESC_FLUX] < 1e-9,
                                  "frame %zu flux: got %g, expected ~0 (the tone is steady)", t,
                                  d[DESC_FLUX]))
            return;
        if (!grade_true(fabs(d[DESC_ZCR] - 64.0 / 511.0) <= 1.0 / 511.0 + 1e-12,
                        "frame %zu zcr: got %g, expected 64/511 = 0.1252 (+- 1/511)", t,
                        d[DESC_ZCR]))
            return;
    }
}

static void descriptors_clip(const char *ref_name, const char *clip)
{
    struct dsp_mat ref = {0};
    double *x = NULL, fs = 0, *D = NULL;
    size_t n = 0;
    if (!grade_reference(ref_name, &ref) || !grade_read_mono(clip, &x, &n, &fs))
        goto done;
    size_t frames = n / HOP + 1;
    if (!grade_true(ref.rows == frames && ref.cols == DESCRIPTOR_COUNT,
                    "%s is %zu x %zu, expected %zu x %d: run make references", ref_name,
                    ref.rows, ref.cols, frames, DESCRIPTOR_COUNT))
        goto done;
    D = malloc(frames * DESCRIPTOR_COUNT * sizeof *D);
    if (!grade_true(D != NULL, "out of memory"))
        goto done;
    if (!grade_status(descriptors_ex(x, n, fs, NFFT, HOP, D, frames), "descriptors_ex"))
        goto done;
    static const char *const names[DESCRIPTOR_COUNT] = {"centroid (Hz)", "spread (Hz)",
                                                        "flatness", "rolloff (Hz)", "flux",
                                                        "zcr"};
    double got[64], want[64];
    for (int j = 0; j < DESCRIPTOR_COUNT; j++) {
        char what[160];
        size_t m = frames < 64 ? frames : 64;
        for (size_t t = 0; t < m; t++) {
            got[t] = D[t * DESCRIPTOR_COUNT + j];
            want[t] = ref.data[t * DESCRIPTOR_COUNT + j];
        }
        snprintf(what, sizeof what, "%s of %s, index = frame", names[j], clip);
        if (j == DESC_ZCR) {
            /* the zcr divided by the frame's n_fft samples, not its n_fft - 1 pairs */
            int per_sample = 1;
            for (size_t t = 0; t < m; t++)
                per_sample &= fabs(got[t] - want[t] * (NFFT - 1) / NFFT) <= 1e-12;
            if (per_sample)
                grade_note("the zcr is %d/%d of the expected one: divide the crossings by the "
                           "n_fft - 1 = %d pairs of samples, not by n_fft", NFFT - 1, NFFT,
                           NFFT - 1);
        }
        if (!grade_close(what, got, want, m, ATOL, RTOL))
            goto done;
    }
done:
    dsp_mat_free(&ref);
    free(x);
    free(D);
}

static void descriptors_piano(void)
{
    descriptors_clip("descriptors_piano.txt", "clips/piano/piano-00.wav");
}

static void descriptors_speech(void)
{
    descriptors_clip("descriptors_speech.txt", "clips/speech/speech-03.wav");
}

static void descriptors_bad(void)
{
    double x[1000] = {0}, D[5 * DESCRIPTOR_COUNT];
    /* 1000 / 256 + 1 = 4 frames */
    if (!grade_einval(descriptors_ex(x, 1000, 16000.0, NFFT, HOP, D, 5), "descriptors_ex",
                      "1000 samples, hop 256, n_frames 5 (it has 4)"))
        return;
    if (!grade_einval(descriptors_ex(x, 1000, 16000.0, 511, HOP, D, 4), "descriptors_ex",
                      "n_fft 511 (odd)"))
        return;
    grade_einval(descriptors_ex(x, 1000, 16000.0, NFFT, 0, D, 4), "descriptors_ex", "hop 0");
}

/* ---- Part 3 --------------------------------------------------------------------- */

static const double EX_F[6] = {1, 10, 2, 20, 6, 30};

static void summary_example(void)
{
    double s[4];
    const double want[4] = {3, 20, sqrt(14.0 / 3.0), sqrt(200.0 / 3.0)};
    if (!grade_status(summary_ex(EX_F, 3, 2, s), "summary_ex"))
        return;
    if (fabs(s[2] - sqrt(7.0)) < 1e-9)
        grade_note("sqrt(7) = 2.6458 divides by T - 1 (the sample std): divide by T");
    else if (fabs(s[2] - 14.0 / 3.0) < 1e-9)
        grade_note("14/3 is the variance: take its square root");
    grade_close("summary of {1,10; 2,20; 6,30} (means, then stds)", s, want, 4, ATOL, RTOL);
}

static void summary_speech(void)
{
    struct dsp_mat ref = {0};
    double *x = NULL, fs = 0, *S = NULL, *C = NULL, v[26];
    size_t n = 0;
    struct dsp_melspec *ms = NULL;
    struct dsp_mfcc *mf = NULL;
    if (!grade_reference("summary_speech.txt", &ref) ||
        !grade_read_mono("clips/speech/speech-03.wav", &x, &n, &fs))
        goto done;
    if (!grade_true(ref.rows == 1 && ref.cols == 26, "summary_speech.txt is %zu x %zu: run make "
                    "references", ref.rows, ref.cols))
        goto done;
    struct dsp_melspec_params p = dsp_melspec_defaults(fs);
    p.n_fft = p.win_length = NFFT;
    p.hop = HOP;
    p.mel.n_mels = 40;
    p.mel.fmax = fs / 2;
    ms = dsp_melspec_new(&p);
    mf = dsp_mfcc_new(40, 13);
    if (!grade_true(ms && mf, "cannot make the MFCC analysis"))
        goto done;
    size_t frames = dsp_melspec_num_frames(ms, n);
    S = malloc(frames * 40 * sizeof *S);
    C = malloc(frames * 13 * sizeof *C);
    if (!grade_true(S && C, "out of memory") ||
        !grade_true(dsp_mfcc_compute(mf, ms, x, n, S, C, frames) == DSP_OK, "dsp_mfcc_compute"))
        goto done;
    if (!grade_status(summary_ex(C, frames, 13, v), "summary_ex"))
        goto done;
    /* MFCCs reach a few hundred: 1e-9 absolute + relative */
    grade_close("summary of speech-03's 13 MFCCs (means 0-12, stds 13-25)", v, ref.data, 26,
                1e-9, RTOL);
done:
    dsp_mat_free(&ref);
    free(x);
    free(S);
    free(C);
    dsp_melspec_free(ms);
    dsp_mfcc_free(mf);
}

static void summary_edges(void)
{
    double s[4] = {0}, one[2] = {7, -3};
    const double want[4] = {7, -3, 0, 0};
    if (!grade_status(summary_ex(one, 1, 2, s), "summary_ex (one frame)"))
        return;
    if (!grade_close("summary of one frame {7, -3}", s, want, 4, 0, 0))
        return;
    if (!grade_einval(summary_ex(EX_F, 0, 2, s), "summary_ex", "n_frames 0"))
        return;
    grade_einval(summary_ex(EX_F, 3, 0, s), "summary_ex", "n_cols 0");
}

/* ---- Part 4 --------------------------------------------------------------------- */

static void standardize_example(void)
{
    double mean[2], scale[2], cmean[1], cscale[1];
    const double want_mean[2] = {3, 20}, want_scale[2] = {sqrt(14.0 / 3.0), sqrt(200.0 / 3.0)};
    const double constant[3] = {5, 5, 5};
    if (!grade_status(standardize_ex(EX_F, 3, 2, mean, scale), "standardize_ex"))
        return;
    if (fabs(scale[0] - sqrt(7.0)) < 1e-9)
        grade_note("sqrt(7) divides by n - 1: the scale is the population std (divide by n)");
    if (!grade_close("mean of {1,10; 2,20; 6,30}", mean, want_mean, 2, ATOL, RTOL) ||
        !grade_close("scale of {1,10; 2,20; 6,30}", scale, want_scale, 2, ATOL, RTOL))
        return;
    if (!grade_status(standardize_ex(constant, 3, 1, cmean, cscale), "standardize_ex"))
        return;
    if (!grade_true(cscale[0] == 1.0, "scale of a constant column {5, 5, 5}: got %g, expected 1 "
                    "(a std of 0 would divide by zero)", cscale[0]))
        return;
    grade_einval(standardize_ex(EX_F, 0, 2, mean, scale), "standardize_ex", "n 0");
}

static int same_labels(const char *what, const int *got, const int *want, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (got[i] != want[i])
            return grade_true(0, "%s: first difference at index %zu: got %d, expected %d", what,
                              i, got[i], want[i]);
    return 1;
}

static void knn_example(void)
{
    const double train[4] = {0, 1, 10, 11}, q[3] = {0.4, 5.4, 5.6}, mid[1] = {5.5};
    const int labels[4] = {0, 0, 1, 1}, want1[3] = {0, 0, 1};
    int pred[3] = {-1, -1, -1};
    if (!grade_status(knn_ex(train, labels, 4, 1, 2, 1, q, 3, pred), "knn_ex"))
        return;
    if (!same_labels("k = 1, queries {0.4, 5.4, 5.6}", pred, want1, 3))
        return;
    if (!grade_status(knn_ex(train, labels, 4, 1, 2, 3, q + 1, 1, pred), "knn_ex"))
        return;
    if (!grade_true(pred[0] == 0, "k = 3, query 5.4: got %d, expected 0 (rows 1, 2, 0 vote "
                    "0, 1, 0)", pred[0]))
        return;
    if (!grade_status(knn_ex(train, labels, 4, 1, 2, 2, mid, 1, pred), "knn_ex"))
        return;
    grade_true(pred[0] == 0, "k = 2, query 5.5: got %d, expected 0 (rows 1 and 2 are both 4.5 "
               "away: the lower index is the nearer, and a 1-1 tie goes to the nearest)",
               pred[0]);
}

static void knn_rules(void)
{
    /* Euclidean: (3,0) is 3 from (0,0) and sqrt(8) from (5,2); by the sum
     * of absolute differences it would be 3 and 4 */
    const double t2[4] = {0, 0, 5, 2}, q2[2] = {3, 0};
    const int l2[2] = {0, 1};
    int pred[2] = {-1, -1};
    if (!grade_status(knn_ex(t2, l2, 2, 2, 2, 1, q2, 1, pred), "knn_ex"))
        return;
    if (!grade_true(pred[0] == 1, "2-D, k = 1, query (3, 0): got %d, expected 1 ((5, 2) is "
                    "sqrt(8) = 2.83 away, (0, 0) is 3 away; is the distance Euclidean?)",
                    pred[0]))
        return;
    /* k = 9 > 4 rows: all four vote, 2-2, the nearest (row 2, 4.6 away) wins */
    const double train[4] = {0, 1, 10, 11}, q[1] = {5.6};
    const int labels[4] = {0, 0, 1, 1}, bad[4] = {0, 0, 2, 1};
    if (!grade_status(knn_ex(train, labels, 4, 1, 2, 9, q, 1, pred), "knn_ex (k 9, 4 rows)"))
        return;
    if (!grade_true(pred[0] == 1, "k = 9 on 4 rows, query 5.6: got %d, expected 1 (k is "
                    "clamped to 4; the 2-2 tie goes to the class of the nearest row, 10, "
                    "4.4 away)", pred[0]))
        return;
    /* three classes, a 3-way tie at k = 3 broken by the nearest */
    const double t3[3] = {5, -2, 3}, q3[1] = {0};
    const int l3[3] = {2, 0, 1};
    if (!grade_status(knn_ex(t3, l3, 3, 1, 3, 3, q3, 1, pred), "knn_ex"))
        return;
    if (!grade_true(pred[0] == 0, "k = 3, one vote each for classes 2, 0, 1 at distances 5, 2, "
                    "3: got %d, expected 0 (the nearest)", pred[0]))
        return;
    if (!grade_einval(knn_ex(train, bad, 4, 1, 2, 1, q, 1, pred), "knn_ex",
                      "labels {0, 0, 2, 1} with 2 classes"))
        return;
    grade_einval(knn_ex(train, labels, 4, 1, 2, 0, q, 1, pred), "knn_ex", "k 0");
}

/* The clip summaries: columns class, fold, then the summary. */
struct clips {
    struct dsp_mat ref;
    size_t dim;
    int labels[N_CLIPS], fold[N_CLIPS];
    double *X;   /* N_CLIPS x dim */
};

static int load_clips(struct clips *c)
{
    memset(c, 0, sizeof *c);
    if (!grade_reference("clip_summaries.txt", &c->ref))
        return 0;
    if (!grade_true(c->ref.rows == N_CLIPS && c->ref.cols > 2,
                    "clip_summaries.txt is %zu x %zu: run make references", c->ref.rows,
                    c->ref.cols))
        return 0;
    c->dim = c->ref.cols - 2;
    c->X = malloc(N_CLIPS * c->dim * sizeof *c->X);
    if (!grade_true(c->X != NULL, "out of memory"))
        return 0;
    for (size_t i = 0; i < N_CLIPS; i++) {
        const double *row = c->ref.data + i * c->ref.cols;
        c->labels[i] = (int)row[0];
        c->fold[i] = (int)row[1];
        memcpy(c->X + i * c->dim, row + 2, c->dim * sizeof *c->X);
    }
    return 1;
}

static void free_clips(struct clips *c)
{
    dsp_mat_free(&c->ref);
    free(c->X);
}

/* Fold 0 of the clips held out, the others scaled with the library's
 * z-scores (Part 4's standardize_ex is graded on its own above). */
static void knn_clips(void)
{
    struct clips c;
    struct dsp_mat want = {0};
    double *train = NULL, *test = NULL, *mean = NULL, *scale = NULL;
    if (!load_clips(&c) || !grade_reference("knn_fold0.txt", &want))
        goto done;
    size_t d = c.dim, n_train = 0, n_test = 0;
    int tl[N_CLIPS], pred[N_CLIPS], expected[N_CLIPS];
    train = malloc(N_CLIPS * d * sizeof *train);
    test = malloc(N_CLIPS * d * sizeof *test);
    mean = malloc(d * sizeof *mean);
    scale = malloc(d * sizeof *scale);
    if (!grade_true(train && test && mean && scale, "out of memory"))
        goto done;
    for (size_t i = 0; i < N_CLIPS; i++) {
        if (c.fold[i] == 0) {
            memcpy(test + n_test++ * d, c.X + i * d, d * sizeof *test);
        } else {
            memcpy(train + n_train * d, c.X + i * d, d * sizeof *train);
            tl[n_train++] = c.labels[i];
        }
    }
    if (!grade_true(want.cols == n_test, "knn_fold0.txt has %zu values, fold 0 %zu clips: run "
                    "make references", want.cols, n_test))
        goto done;
    dsp_standardize_fit(train, n_train, d, mean, scale);
    dsp_standardize_apply(mean, scale, d, train, n_train, train);
    dsp_standardize_apply(mean, scale, d, test, n_test, test);
    for (size_t i = 0; i < n_test; i++)
        expected[i] = (int)want.data[i];
    if (!grade_status(knn_ex(train, tl, n_train, d, N_CLASSES, K, test, n_test, pred), "knn_ex"))
        goto done;
    same_labels("3-NN predictions for the 20 clips of fold 0 (0 flute, 1 noise, 2 piano, "
                "3 speech, 4 violin)", pred, expected, n_test);
done:
    free_clips(&c);
    dsp_mat_free(&want);
    free(train);
    free(test);
    free(mean);
    free(scale);
}

/* ---- Part 5 --------------------------------------------------------------------- */

static int same_matrix(const char *what, const int *got, const int *want, int n)
{
    for (int t = 0; t < n; t++)
        for (int p = 0; p < n; p++)
            if (got[t * n + p] != want[t * n + p]) {
                int transposed = 1;
                for (int a = 0; a < n; a++)
                    for (int b = 0; b < n; b++)
                        transposed &= got[a * n + b] == want[b * n + a];
                if (transposed)
                    grade_note("your matrix is the transpose: rows are the TRUE class, "
                               "C[truth * n_classes + pred]");
                return grade_true(0, "%s: C[%d][%d] (truth %d, predicted %d): got %d, expected "
                                  "%d", what, t, p, t, p, got[t * n + p], want[t * n + p]);
            }
    return 1;
}

static void confusion_example(void)
{
    const int truth[6] = {0, 0, 1, 1, 2, 2}, pred[6] = {0, 1, 1, 1, 2, 0};
    const int want[9] = {1, 1, 0, 0, 2, 0, 1, 0, 1};
    int C[9];
    for (int i = 0; i < 9; i++)
        C[i] = 99;   /* every count must be written, zeros included */
    if (!grade_status(confusion_ex(truth, pred, 6, 3, C), "confusion_ex"))
        return;
    if (!same_matrix("confusion of the README's 6 labels", C, want, 3))
        return;
    const int bad[2] = {0, 3};
    grade_einval(confusion_ex(truth, bad, 2, 3, C), "confusion_ex", "a prediction of 3 with 3 "
                 "classes");
}

static void crossval_example(void)
{
    const double X[6] = {0, 1, 2, 10, 11, 12};
    const int labels[6] = {0, 0, 0, 1, 1, 1}, fold[6] = {0, 1, 2, 0, 1, 2};
    const int want[4] = {3, 0, 0, 3};
    int C[4] = {9, 9, 9, 9};
    double acc = -1;
    if (!grade_status(crossval_ex(X, labels, 6, 1, 2, 1, fold, 3, C, &acc), "crossval_ex"))
        return;
    if (!same_matrix("cross-validation of {0, 1, 2, 10, 11, 12}", C, want, 2))
        return;
    grade_close_scalar("accuracy", acc, 1.0, 1e-12, 0);
}

/* k-NN per fold on X as it is (no scaling inside the folds), into C. */
static int unscaled_cv(const double *X, const struct clips *c, int *C)
{
    int pred[N_CLIPS], tl[N_CLIPS], truth[N_CLIPS], m = 0;
    double *tr = malloc(N_CLIPS * c->dim * sizeof *tr);
    if (!tr)
        return 0;
    for (int f = 0; f < N_FOLDS; f++) {
        size_t nt = 0;
        for (size_t i = 0; i < N_CLIPS; i++)
            if (c->fold[i] != f) {
                memcpy(tr + nt * c->dim, X + i * c->dim, c->dim * sizeof *tr);
                tl[nt++] = c->labels[i];
            }
        for (size_t i = 0; i < N_CLIPS; i++)
            if (c->fold[i] == f) {
                dsp_knn_predict(tr, tl, nt, c->dim, N_CLASSES, K, X + i * c->dim, 1, pred + m);
                truth[m++] = c->labels[i];
            }
    }
    free(tr);
    return dsp_confusion_matrix(truth, pred, N_CLIPS, N_CLASSES, C) == DSP_OK;
}

static void crossval_clips(void)
{
    struct clips c;
    struct dsp_mat want = {0};
    if (!load_clips(&c) || !grade_reference("crossval_clips.txt", &want))
        goto done;
    if (!grade_true(want.rows == N_CLASSES && want.cols == N_CLASSES,
                    "crossval_clips.txt is %zu x %zu: run make references", want.rows, want.cols))
        goto done;
    int C[N_CLASSES * N_CLASSES], expected[N_CLASSES * N_CLASSES];
    double acc = -1;
    for (int i = 0; i < N_CLASSES * N_CLASSES; i++)
        expected[i] = (int)want.data[i];
    if (!grade_status(crossval_ex(c.X, c.labels, N_CLIPS, c.dim, N_CLASSES, K, c.fold, N_FOLDS,
                                  C, &acc), "crossval_ex"))
        goto done;
    if (!same_matrix("confusion of the 100 clips, 3-NN, 5 folds", C, expected, N_CLASSES)) {
        /* two classic mistakes, recognised by their results: scaling fitted
         * on every row (the test rows leak into the model), and no scaling */
        double *Z = malloc(N_CLIPS * c.dim * sizeof *Z), *mean = malloc(c.dim * sizeof *mean);
        double *scale = malloc(c.dim * sizeof *scale);
        int other[N_CLASSES * N_CLASSES];
        if (Z && mean && scale) {
            dsp_standardize_fit(c.X, N_CLIPS, c.dim, mean, scale);
            dsp_standardize_apply(mean, scale, c.dim, c.X, N_CLIPS, Z);
            if (unscaled_cv(Z, &c, other) && memcmp(other, C, sizeof C) == 0)
                grade_note("this is what scaling with ALL rows gives: fit standardize_ex on "
                           "the training rows of each fold only");
            else if (unscaled_cv(c.X, &c, other) && memcmp(other, C, sizeof C) == 0)
                grade_note("this is k-NN on the unscaled summaries: the columns in Hz swamp "
                           "the others; scale with standardize_ex first");
        }
        free(Z);
        free(mean);
        free(scale);
        goto done;
    }
    int right = 0;
    for (int t = 0; t < N_CLASSES; t++)
        right += C[t * N_CLASSES + t];
    if (!grade_close_scalar("accuracy (trace / 100)", acc, right / 100.0, 1e-12, 0))
        goto done;
    grade_true(acc >= ACCURACY_FLOOR, "held-out accuracy %.2f below the README's %.2f", acc,
               ACCURACY_FLOOR);
    grade_note("held-out accuracy on the clips: %.2f (chance: 0.20)", acc);
done:
    free_clips(&c);
    dsp_mat_free(&want);
}

static void crossval_bad(void)
{
    const double X[4] = {0, 1, 2, 3};
    const int labels[4] = {0, 0, 1, 1}, fold[4] = {0, 1, 0, 2};
    int C[4];
    double acc;
    if (!grade_einval(crossval_ex(X, labels, 4, 1, 2, 1, fold, 2, C, &acc), "crossval_ex",
                      "fold 2 with n_folds 2"))
        return;
    grade_einval(crossval_ex(X, labels, 4, 1, 2, 1, fold, 1, C, &acc), "crossval_ex",
                 "n_folds 1");
}

static const struct grade_test tests[] = {
    /* name                                     points test              depends on  CPU s */
    {"centroid: worked example", 2, centroid_example, NULL, 0},
    {"centroid: a 1000 Hz tone", 1, centroid_tone, "centroid: worked example", 0},
    {"centroid: silence, bad arguments", 1, centroid_edges, NULL, 0},
    {"spread: worked example and a tone", 2, spread_example, NULL, 0},
    {"spread: silence, a flat spectrum, bad arguments", 1, spread_edges, NULL, 0},
    {"flatness: worked example", 1, flatness_example, NULL, 0},
    {"flatness: two levels, a tone, bad arguments", 1, flatness_closed_forms, NULL, 0},
    {"rolloff: worked example, three fractions", 2, rolloff_example, NULL, 0},
    {"rolloff: a tone, fraction 1, silence, bad arguments", 1, rolloff_edges, NULL, 0},
    {"flux: worked example, a jumping tone", 1, flux_example, NULL, 0},
    {"zcr: worked example", 1, zcr_example, NULL, 0},
    {"zcr: a sine crosses 2f times a second", 1, zcr_sine, "zcr: worked example", 0},
    {"descriptors: a 1000 Hz sine", 2, descriptors_sine, NULL, 0},
    {"descriptors: a piano note", 1, descriptors_piano, "descriptors: a 1000 Hz sine", 0},
    {"descriptors: a spoken word", 1, descriptors_speech, "descriptors: a 1000 Hz sine", 0},
    {"descriptors: bad arguments", 1, descriptors_bad, NULL, 0},
    {"summary: worked example", 2, summary_example, NULL, 0},
    {"summary: MFCCs of a spoken word", 1, summary_speech, "summary: worked example", 0},
    {"summary: one frame, bad arguments", 1, summary_edges, NULL, 0},
    {"standardize: worked example, a constant column", 1, standardize_example, NULL, 0},
    {"knn: worked example", 2, knn_example, NULL, 0},
    {"knn: Euclidean distance, k > rows, three-way tie, bad", 1, knn_rules, NULL, 0},
    {"knn: 20 held-out clips", 1, knn_clips, "knn: worked example", 0},
    {"confusion: worked example", 1, confusion_example, NULL, 0},
    {"crossval: worked example", 1, crossval_example, NULL, 0},
    {"crossval: 100 clips, accuracy above 0.85", 2, crossval_clips, "crossval: worked example", 0},
    {"crossval: bad folds", 1, crossval_bad, NULL, 0},
};
GRADE_SUITE("10-sound-description", tests);
