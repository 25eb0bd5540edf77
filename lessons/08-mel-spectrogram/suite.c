/*
 * Lesson 08 — The mel spectrogram: the graded tests.
 *
 * Expected values come from closed forms computed here (published mel
 * values, a filterbank whose edges fall on bins, partition of unity, the
 * DCT's basis vectors, the dB floor of silence, ln 0.01), from the
 * library's tested versions (mel.h, melspec.h, mfcc.h, vggish.h: checked in
 * tests/ against numpy restatements of librosa and of VGGish's
 * mel_features.py, tests/gen/mel_ref.py), and from data/reference/
 * 08-mel-spectrogram/ (written by refgen.c from the solution) for the
 * speech file.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dsplab/audio.h>
#include <dsplab/datafile.h>
#include <dsplab/gen.h>
#include <dsplab/mel.h>
#include <dsplab/melspec.h>
#include <dsplab/mfcc.h>
#include <dsplab/resample.h>
#include <dsplab/status.h>
#include <dsplab/vggish.h>

#include "exercise.h"
#include "grade.h"

static const double PI = 3.14159265358979323846;

/* The speech cases, shared with refgen.c. */
#define SPEECH "sounds/speech-front-center.wav"
#define SP_NFFT 2048
#define SP_HOP 1024
#define SP_MELS 40
#define SP_FMAX 8000.0
#define SP_MFCC 13

static double *alloc_doubles(size_t n)
{
    double *p = malloc((n ? n : 1) * sizeof *p);
    grade_true(p != NULL, "out of memory (%zu values)", n);
    return p;
}

static const char *scale_name(enum dsp_mel_scale s)
{
    return s == DSP_MEL_SLANEY ? "Slaney" : s == DSP_MEL_HTK ? "HTK" : "HTK ln";
}

/* ---- Part 1: hz_to_mel / mel_to_hz ---------------------------------------------- */

/* hz -> mel and mel -> hz for n pairs, both directions. Scales are smooth
 * closed forms: one log or exp, a product, a sum; any order of evaluation
 * agrees to a few ulps, so 1e-9 absolute (mels up to 3000, Hz up to 41000
 * with rtol) is loose enough for any honest formula and tight enough to
 * catch a wrong constant (2595 vs 2595.1 moves 1000 Hz by 0.04 mel). */
static int mel_pairs(const char *what, enum dsp_mel_scale scale, const double *hz,
                     const double *mel, size_t n)
{
    double got[16];
    char label[128];
    if (!grade_status(hz_to_mel_ex(hz, n, scale, got), "hz_to_mel_ex"))
        return 0;
    snprintf(label, sizeof label, "mel (%s scale, %s)", scale_name(scale), what);
    if (!grade_close(label, got, mel, n, 1e-9, 1e-12))
        return 0;
    if (!grade_status(mel_to_hz_ex(mel, n, scale, got), "mel_to_hz_ex"))
        return 0;
    snprintf(label, sizeof label, "Hz (%s scale, back from mel, %s)", scale_name(scale), what);
    return grade_close(label, got, hz, n, 1e-9, 1e-12);
}

static void mel_slaney(void)
{
    /* librosa's documented examples (hz_to_mel(60) = 0.9, [110, 220, 440]
     * -> [1.65, 3.3, 6.6]), the break at 1000 Hz = 15 mel, and the log part:
     * 27 mels per factor 6.4, so 6400 Hz = 42 and 40960 Hz = 69 */
    const double hz[] = {0, 60, 110, 220, 440, 500, 1000, 6400, 40960};
    const double mel[] = {0, 0.9, 1.65, 3.3, 6.6, 7.5, 15, 42, 69};
    grade_note("Slaney: f / (200/3) below 1000 Hz, 15 + 27 ln(f/1000) / ln(6.4) above");
    const double sixty[1] = {60.0};
    double m60 = 0;
    if (hz_to_mel_ex(sixty, 1, DSP_MEL_SLANEY, &m60) == DSP_OK && fabs(m60 - 60.0 / 66.0) < 1e-9)
        grade_note("60 Hz gives 60/66 = 0.909: 200/3 in integer arithmetic is 66; write "
                   "200.0 / 3.0");
    mel_pairs("published values", DSP_MEL_SLANEY, hz, mel, 9);
}

static void mel_htk(void)
{
    /* 2595 log10(1 + f/700): 700 Hz -> 2595 log10 2 = 781.17, 1000 Hz ->
     * 999.99 (the scale was fitted so that 1000 Hz is about 1000 mel),
     * 6300 Hz -> exactly 2595; the ln form 1127 ln(1 + f/700) nearly agrees */
    const double hz[] = {0, 700, 1000, 6300};
    double mel[4], mel_ln[4];
    for (size_t i = 0; i < 4; i++) {
        mel[i] = 2595.0 * log10(1.0 + hz[i] / 700.0);
        mel_ln[i] = 1127.0 * log(1.0 + hz[i] / 700.0);
    }
    mel[3] = 2595.0;
    if (!mel_pairs("2595 log10(1 + f/700)", DSP_MEL_HTK, hz, mel, 4))
        return;
    mel_pairs("1127 ln(1 + f/700)", DSP_MEL_HTK_LN, hz, mel_ln, 4);
}

static void mel_random(void)
{
    /* seeded random frequencies 0 .. 24 kHz against the library, and the
     * round trip mel_to_hz(hz_to_mel(f)) = f */
    enum { N = 200 };
    const enum dsp_mel_scale scales[] = {DSP_MEL_SLANEY, DSP_MEL_HTK, DSP_MEL_HTK_LN};
    struct dsp_rng rng;
    double hz[N], want[N], mel[N], back[N];
    dsp_rng_seed(&rng, 801);
    for (size_t i = 0; i < N; i++)
        hz[i] = 24000.0 * dsp_rng_uniform(&rng);
    hz[0] = 999.9999999;   /* either side of Slaney's break */
    hz[1] = 1000.0000001;
    for (size_t s = 0; s < 3; s++) {
        char what[96];
        for (size_t i = 0; i < N; i++)
            want[i] = dsp_hz_to_mel(hz[i], scales[s]);
        if (!grade_status(hz_to_mel_ex(hz, N, scales[s], mel), "hz_to_mel_ex"))
            return;
        snprintf(what, sizeof what, "mel (%s scale, random frequencies)", scale_name(scales[s]));
        if (!grade_close(what, mel, want, N, 1e-9, 1e-12))
            return;
        if (!grade_status(mel_to_hz_ex(mel, N, scales[s], back), "mel_to_hz_ex"))
            return;
        /* exp(log(.)) loses a few ulps of f: rtol 1e-12 */
        snprintf(what, sizeof what, "Hz (%s scale, mel_to_hz(hz_to_mel(f)))",
                 scale_name(scales[s]));
        if (!grade_close(what, back, hz, N, 1e-9, 1e-12))
            return;
    }
}

static void mel_table(void)
{
    /* mel_table.txt: rows "Hz Slaney HTK HTK-ln" (the README's table) */
    struct dsp_mat ref = {0};
    double *hz = NULL, *got = NULL, *want = NULL;
    if (!grade_reference("mel_table.txt", &ref))
        return;
    if (!grade_true(ref.cols == 4 && ref.rows >= 1,
                    "mel_table.txt is %zu x %zu, expected 4 columns: run make references",
                    ref.rows, ref.cols))
        goto done;
    size_t n = ref.rows;
    hz = alloc_doubles(n);
    got = alloc_doubles(n);
    want = alloc_doubles(n);
    if (!hz || !got || !want)
        goto done;
    const enum dsp_mel_scale scales[] = {DSP_MEL_SLANEY, DSP_MEL_HTK, DSP_MEL_HTK_LN};
    for (size_t i = 0; i < n; i++)
        hz[i] = ref.data[i * 4];
    for (size_t s = 0; s < 3; s++) {
        char what[96];
        for (size_t i = 0; i < n; i++)
            want[i] = ref.data[i * 4 + 1 + s];
        if (!grade_status(hz_to_mel_ex(hz, n, scales[s], got), "hz_to_mel_ex"))
            goto done;
        snprintf(what, sizeof what, "mel (%s scale, index = row of mel_table.txt)",
                 scale_name(scales[s]));
        if (!grade_close(what, got, want, n, 1e-9, 1e-12))
            goto done;
    }
done:
    dsp_mat_free(&ref);
    free(hz);
    free(got);
    free(want);
}

static void mel_bad(void)
{
    const double ok[2] = {100.0, 200.0}, neg[2] = {100.0, -1.0}, nan2[2] = {NAN, 1.0};
    const double inf[1] = {INFINITY};
    double out[2];
    if (!grade_einval(hz_to_mel_ex(ok, 2, (enum dsp_mel_scale)7, out), "hz_to_mel_ex",
                      "scale 7 (no such scale)"))
        return;
    if (!grade_einval(hz_to_mel_ex(neg, 2, DSP_MEL_SLANEY, out), "hz_to_mel_ex",
                      "{100, -1} Hz (a negative frequency)"))
        return;
    if (!grade_einval(hz_to_mel_ex(nan2, 2, DSP_MEL_HTK, out), "hz_to_mel_ex", "{NaN, 1} Hz"))
        return;
    if (!grade_einval(mel_to_hz_ex(neg, 2, DSP_MEL_HTK, out), "mel_to_hz_ex",
                      "{100, -1} mel (negative)"))
        return;
    if (!grade_einval(mel_to_hz_ex(inf, 1, DSP_MEL_SLANEY, out), "mel_to_hz_ex",
                      "{inf} mel"))
        return;
    grade_einval(mel_to_hz_ex(ok, 2, (enum dsp_mel_scale)-1, out), "mel_to_hz_ex",
                 "scale -1 (no such scale)");
}

/* ---- Part 2: melbank ------------------------------------------------------------ */

/* The library's dense bank (triangles in Hz, DC kept: librosa's). */
static int library_bank(double sr, size_t n_fft, size_t n_mels, double fmin, double fmax,
                        enum dsp_mel_scale scale, enum dsp_mel_norm norm, double *W)
{
    struct dsp_melbank_params p = dsp_melbank_defaults(sr, n_fft);
    p.n_mels = n_mels;
    p.fmin = fmin;
    p.fmax = fmax;
    p.scale = scale;
    p.norm = norm;
    struct dsp_melbank *mb = dsp_melbank_new(&p);
    if (!grade_true(mb != NULL, "dsp_melbank_new: %s", dsp_last_error()))
        return 0;
    dsp_melbank_dense(mb, W, n_mels * (n_fft / 2 + 1));
    dsp_melbank_free(mb);
    return 1;
}

/* melbank_ex against the library. Weights are <= 1 (Slaney-normalised
 * ones much smaller); the same float64 formula evaluated in another order
 * (k * sr / n_fft or k * (sr / n_fft), edges from linspace) differs by a
 * few ulps of f divided by a band width, below 1e-12; at the feet of a
 * triangle (f - f_m ~ 0) it cancels, still below 1e-11 absolute. 1e-9
 * absolute + 1e-9 relative leaves room and still catches a bin frequency
 * off by one bin or a band edge off by one (errors of 1e-2 and more). */
static int bank_case(double sr, size_t n_fft, size_t n_mels, double fmin, double fmax,
                     enum dsp_mel_scale scale, enum dsp_mel_norm norm)
{
    size_t n_bins = n_fft / 2 + 1, n = n_mels * n_bins;
    double *W = alloc_doubles(n), *want = alloc_doubles(n);
    int ok = 0;
    if (!W || !want)
        goto done;
    if (!library_bank(sr, n_fft, n_mels, fmin, fmax, scale, norm, want))
        goto done;
    for (size_t i = 0; i < n; i++)
        W[i] = 999.0;   /* every weight must be written, zeros included */
    if (!grade_status(melbank_ex(sr, n_fft, n_mels, fmin, fmax, scale, norm, W), "melbank_ex"))
        goto done;
    char what[200];
    snprintf(what, sizeof what,
             "W (%g Hz, n_fft %zu, %zu bands, %g-%g Hz, %s scale, norm %s; index = band * %zu "
             "+ bin)",
             sr, n_fft, n_mels, fmin, fmax, scale_name(scale),
             norm == DSP_MEL_NORM_SLANEY ? "slaney" : "none", n_bins);
    ok = grade_close_matrix(what, W, want, n_mels, n_bins, 1e-9, 1e-9);
done:
    free(W);
    free(want);
    return ok;
}

static void melbank_example(void)
{
    /* fs 2000, n_fft 20: 11 bins 100 Hz apart, 0 .. 1000 Hz. Four bands
     * on the Slaney scale from 0 to 1000 Hz (all in its linear part): edges
     * 0, 3, 6, .., 15 mel = 0, 200, 400, 600, 800, 1000 Hz. Band m peaks at
     * 200 (m+1) Hz (bin 2m+2) with feet 200 Hz either side:
     *   W[m][k] = max(0, 1 - |100 k - 200 (m+1)| / 200)
     * e.g. band 0 = {0, 0.5, 1, 0.5, 0, 0, ..}. Slaney's norm scales each
     * row by 2 / 400: peaks of 0.005. Rounding of 200/3: 1e-13, atol 1e-9. */
    enum { BINS = 11, MELS = 4 };
    double want[MELS * BINS], W[MELS * BINS];
    for (size_t m = 0; m < MELS; m++)
        for (size_t k = 0; k < BINS; k++)
            want[m * BINS + k] = fmax(0.0, 1.0 - fabs(100.0 * k - 200.0 * (m + 1)) / 200.0);
    for (size_t i = 0; i < MELS * BINS; i++)
        W[i] = 999.0;
    if (!grade_status(melbank_ex(2000.0, 20, MELS, 0.0, 1000.0, DSP_MEL_SLANEY, DSP_MEL_NORM_NONE,
                                 W),
                      "melbank_ex"))
        return;
    grade_note("fs 2000, n_fft 20, 4 bands 0-1000 Hz, Slaney scale: edges at 0, 200, .., 1000 Hz");
    if (!grade_close("W (norm none; index = band * 11 + bin)", W, want, MELS * BINS, 1e-9, 0))
        return;
    for (size_t i = 0; i < MELS * BINS; i++)
        want[i] *= 2.0 / 400.0;
    if (!grade_status(melbank_ex(2000.0, 20, MELS, 0.0, 1000.0, DSP_MEL_SLANEY,
                                 DSP_MEL_NORM_SLANEY, W),
                      "melbank_ex"))
        return;
    grade_close("W (norm slaney: each row times 2 / (f_{m+2} - f_m) = 2/400; index = band * 11 "
                "+ bin)",
                W, want, MELS * BINS, 1e-12, 0);
}

static void melbank_librosa(void)
{
    /* librosa.filters.mel(sr=22050, n_fft=2048) with its defaults:
     * 128 bands, 0 .. 11025 Hz, Slaney scale, Slaney norm */
    bank_case(22050.0, 2048, 128, 0.0, 11025.0, DSP_MEL_SLANEY, DSP_MEL_NORM_SLANEY);
}

static void melbank_htk(void)
{
    if (!bank_case(16000.0, 512, 40, 300.0, 8000.0, DSP_MEL_HTK, DSP_MEL_NORM_NONE))
        return;
    if (!bank_case(16000.0, 512, 40, 300.0, 8000.0, DSP_MEL_HTK, DSP_MEL_NORM_SLANEY))
        return;
    /* an odd n_fft, and fmax below Nyquist on the ln form */
    bank_case(44100.0, 1001, 26, 20.0, 7000.0, DSP_MEL_HTK_LN, DSP_MEL_NORM_NONE);
}

static void melbank_unity(void)
{
    /* Without normalisation, neighbouring triangles cross at half height
     * and add up to exactly 1 at every bin between the first band's peak
     * f_1 and the last band's peak f_n (the rising slope of band m+1 and the
     * falling slope of band m share their two end points). Rounding: 1e-15;
     * checked to 1e-9. A closed form independent of the library. */
    enum { NFFT = 1024, MELS = 48, BINS = NFFT / 2 + 1 };
    const double sr = 24000.0;
    double *W = alloc_doubles(MELS * BINS), sum[BINS], one[BINS];
    if (!W)
        return;
    if (!grade_status(melbank_ex(sr, NFFT, MELS, 50.0, 12000.0, DSP_MEL_SLANEY, DSP_MEL_NORM_NONE,
                                 W),
                      "melbank_ex"))
        goto done;
    double lo = dsp_hz_to_mel(50.0, DSP_MEL_SLANEY), hi = dsp_hz_to_mel(12000.0, DSP_MEL_SLANEY);
    double f1 = dsp_mel_to_hz(lo + (hi - lo) / (MELS + 1), DSP_MEL_SLANEY);
    double fn = dsp_mel_to_hz(lo + MELS * (hi - lo) / (MELS + 1), DSP_MEL_SLANEY);
    size_t n = 0;
    for (size_t k = 0; k < BINS; k++) {
        double f = k * sr / NFFT;
        if (f < f1 + 1e-6 || f > fn - 1e-6)
            continue;
        sum[n] = 0.0;
        for (size_t m = 0; m < MELS; m++)
            sum[n] += W[m * BINS + k];
        one[n++] = 1.0;
    }
    grade_note("24000 Hz, n_fft 1024, 48 bands 50-12000 Hz, norm none: %zu bins between %.2f Hz "
               "and %.2f Hz", n, f1, fn);
    grade_close("sum over bands of W[m][k] (index = bin counted from the first band's peak)", sum,
                one, n, 1e-9, 0);
done:
    free(W);
}

static void melbank_edges(void)
{
    /* 128 bands on 129 bins: the low bands are narrower than a bin and
     * catch none (all-zero rows, as librosa gives with a warning) */
    if (!bank_case(22050.0, 256, 128, 0.0, 11025.0, DSP_MEL_SLANEY, DSP_MEL_NORM_SLANEY))
        return;
    double W[40 * 257];
    if (!grade_einval(melbank_ex(16000, 512, 40, 0, 8001, DSP_MEL_SLANEY, DSP_MEL_NORM_NONE, W),
                      "melbank_ex", "fs 16000, fmax 8001 Hz (above Nyquist)"))
        return;
    if (!grade_einval(melbank_ex(16000, 512, 0, 0, 8000, DSP_MEL_SLANEY, DSP_MEL_NORM_NONE, W),
                      "melbank_ex", "n_mels 0"))
        return;
    if (!grade_einval(melbank_ex(16000, 512, 40, 300, 300, DSP_MEL_HTK, DSP_MEL_NORM_NONE, W),
                      "melbank_ex", "fmin = fmax = 300 Hz"))
        return;
    if (!grade_einval(melbank_ex(16000, 1, 40, 0, 8000, DSP_MEL_HTK, DSP_MEL_NORM_NONE, W),
                      "melbank_ex", "n_fft 1"))
        return;
    if (!grade_einval(melbank_ex(0, 512, 40, 0, 0, DSP_MEL_HTK, DSP_MEL_NORM_NONE, W),
                      "melbank_ex", "sample rate 0"))
        return;
    grade_einval(melbank_ex(16000, 512, 40, 0, 8000, DSP_MEL_HTK, (enum dsp_mel_norm)5, W),
                 "melbank_ex", "norm 5 (no such norm)");
}

/* ---- Part 3: melapply ----------------------------------------------------------- */

static void apply_example(void)
{
    /* two bands over three bins, two frames:
     *   W = |1 0.5 0|   P = |4 2 0|   ->   S = |4+1    1| = |5 1|
     *       |0 0.5 1|       |0 2 8|            |1    1+8|   |1 9|
     * (S row t = frame t; exact in any order) */
    const double W[6] = {1, 0.5, 0, 0, 0.5, 1}, P[6] = {4, 2, 0, 0, 2, 8};
    const double want[4] = {5, 1, 1, 9};
    double S[4] = {999, 999, 999, 999};
    if (!grade_status(melapply_ex(W, 2, 3, P, 2, S), "melapply_ex"))
        return;
    grade_close("S (index = frame * 2 + band)", S, want, 4, 1e-12, 0);
}

static void apply_random(void)
{
    /* random non-negative W (30 x 129, half of it zero) and P (9 frames),
     * against the sum written out: 129 non-negative products add up with
     * a relative error below 129 * 2^-53 = 1.4e-14 in any order: rtol 1e-12 */
    enum { MELS = 30, BINS = 129, FRAMES = 9 };
    struct dsp_rng rng;
    double *W = alloc_doubles(MELS * BINS), *P = alloc_doubles(FRAMES * BINS);
    double *S = alloc_doubles(FRAMES * MELS), *want = alloc_doubles(FRAMES * MELS);
    if (!W || !P || !S || !want)
        goto done;
    dsp_rng_seed(&rng, 803);
    for (size_t i = 0; i < MELS * BINS; i++) {
        double u = dsp_rng_uniform(&rng);
        W[i] = u < 0.5 ? 0.0 : u;
    }
    for (size_t i = 0; i < FRAMES * BINS; i++)
        P[i] = 100.0 * dsp_rng_uniform(&rng);
    for (size_t t = 0; t < FRAMES; t++)
        for (size_t m = 0; m < MELS; m++) {
            double acc = 0.0;
            for (size_t k = 0; k < BINS; k++)
                acc += W[m * BINS + k] * P[t * BINS + k];
            want[t * MELS + m] = acc;
        }
    if (!grade_status(melapply_ex(W, MELS, BINS, P, FRAMES, S), "melapply_ex"))
        goto done;
    grade_close_matrix("S (random W and P; index = frame * 30 + band)", S, want, FRAMES, MELS, 0,
                       1e-12);
done:
    free(W);
    free(P);
    free(S);
    free(want);
}

/* The speech case's inputs: the library's power spectrogram (librosa
 * framing: centred, periodic Hann 2048, hop 1024, |X|^2) and its bank
 * (40 Slaney bands, 0 .. 8000 Hz, Slaney norm). The same in refgen.c. */
static int speech_inputs(double **P, double **W, size_t *frames)
{
    double *x = NULL, fs = 0;
    size_t n = 0, nb = SP_NFFT / 2 + 1;
    int ok = 0;
    *P = *W = NULL;
    if (!grade_read_mono(SPEECH, &x, &n, &fs))
        return 0;
    struct dsp_melspec_params p = dsp_melspec_defaults(fs);
    p.n_fft = p.win_length = SP_NFFT;
    p.hop = SP_HOP;
    p.mel.n_mels = SP_MELS;
    p.mel.fmax = SP_FMAX;
    struct dsp_melspec *ms = dsp_melspec_new(&p);
    if (!grade_true(ms != NULL, "dsp_melspec_new: %s", dsp_last_error()))
        goto done;
    *frames = dsp_melspec_num_frames(ms, n);
    *P = alloc_doubles(*frames * nb);
    *W = alloc_doubles(SP_MELS * nb);
    if (!*P || !*W)
        goto done;
    dsp_melbank_dense(dsp_melspec_melbank(ms), *W, SP_MELS * nb);
    for (size_t k = 0; k < *frames; k++)
        dsp_melspec_spectrum(ms, x, n, k, *P + k * nb);
    ok = 1;
done:
    dsp_melspec_free(ms);
    free(x);
    return ok;
}

static void apply_speech(void)
{
    struct dsp_mat ref = {0};
    double *P = NULL, *W = NULL, *S = NULL;
    size_t frames = 0;
    if (!grade_reference("melspec_speech.txt", &ref) || !speech_inputs(&P, &W, &frames))
        goto done;
    if (!grade_true(ref.rows == frames && ref.cols == SP_MELS,
                    "melspec_speech.txt is %zu x %zu, expected %zu x %d: run make references",
                    ref.rows, ref.cols, frames, SP_MELS))
        goto done;
    S = alloc_doubles(frames * SP_MELS);
    if (!S)
        goto done;
    if (!grade_status(melapply_ex(W, SP_MELS, SP_NFFT / 2 + 1, P, frames, S), "melapply_ex"))
        goto done;
    /* sums of non-negative products: rtol 1e-9; plus 1e-12 of the largest
     * value, because an FFT on another machine may move quiet bins (its
     * rounding is ~1e-16 of the frame's largest bin) */
    double top = 0.0;
    for (size_t i = 0; i < frames * SP_MELS; i++)
        top = fmax(top, ref.data[i]);
    grade_note("speech-front-center.wav, 48 kHz: Hann 2048, hop 1024, 40 Slaney bands "
               "0-8000 Hz; %zu frames", frames);
    grade_close_matrix("S (power per band; index = frame * 40 + band)", S, ref.data, frames,
                       SP_MELS, 1e-12 * top, 1e-9);
done:
    dsp_mat_free(&ref);
    free(P);
    free(W);
    free(S);
}

static void apply_edges(void)
{
    const double W[2] = {1, 1}, P[2] = {1, 2};
    double S[2] = {999, 999};
    if (!grade_einval(melapply_ex(W, 0, 2, P, 1, S), "melapply_ex", "n_mels 0"))
        return;
    if (!grade_einval(melapply_ex(W, 1, 0, P, 1, S), "melapply_ex", "n_bins 0"))
        return;
    if (!grade_status(melapply_ex(W, 1, 2, P, 0, S), "melapply_ex (n_frames 0)"))
        return;
    if (!grade_true(S[0] == 999 && S[1] == 999,
                    "melapply_ex with n_frames 0 wrote into S (S[0] = %g): there is no frame",
                    S[0]))
        return;
    /* one band over two bins, one frame: 1*1 + 1*2 */
    if (!grade_status(melapply_ex(W, 1, 2, P, 1, S), "melapply_ex"))
        return;
    grade_close_scalar("S[0] (W = {1, 1}, P = {1, 2})", S[0], 3.0, 1e-12, 0);
}

/* ---- Part 4: power_to_db -------------------------------------------------------- */

/* dB values: 10 log10 of a double is good to ~1e-15 relative, so 1e-9 dB
 * absolute is generous; a wrong floor or reference is off by whole dB. */
#define DB_ATOL 1e-9

static int db_case(const char *what, const double *S, size_t n, double ref, double amin,
                   double top_db, const double *want)
{
    double *db = alloc_doubles(n);
    int ok = 0;
    if (!db)
        return 0;
    for (size_t i = 0; i < n; i++)
        db[i] = 999.0;
    if (grade_status(power_to_db_ex(S, n, ref, amin, top_db, db), "power_to_db_ex"))
        ok = grade_close(what, db, want, n, DB_ATOL, 1e-12);
    free(db);
    return ok;
}

static void db_example(void)
{
    const double S[5] = {1, 0.1, 1e-3, 1e-12, 0};
    const double want[5] = {0, -10, -30, -100, -100};
    const double want80[5] = {0, -10, -30, -80, -80};
    const double want_ref[5] = {20, 10, -10, -80, -80};
    /* ref 1, amin 1e-10: 1e-12 and 0 are below amin and read as 1e-10 */
    if (!db_case("db (ref 1, amin 1e-10, no top_db)", S, 5, 1.0, 1e-10, DSP_DB_NO_TOP, want))
        return;
    /* top_db 80: nothing more than 80 dB under the loudest value */
    if (!db_case("db (ref 1, amin 1e-10, top_db 80)", S, 5, 1.0, 1e-10, 80.0, want80))
        return;
    /* ref 0.01 shifts everything by +20 dB; the clip follows the maximum */
    db_case("db (ref 0.01, amin 1e-10, top_db 100)", S, 5, 0.01, 1e-10, 100.0, want_ref);
}

static void db_silence(void)
{
    /* digital silence: 10 log10(0) would be -inf; amin makes it a floor */
    enum { N = 1000 };
    double S[N], want[N];
    memset(S, 0, sizeof S);
    for (size_t i = 0; i < N; i++)
        want[i] = -100.0;
    if (!db_case("db of silence (ref 1, amin 1e-10, top_db 80): 10 log10(1e-10)", S, N, 1.0,
                 1e-10, 80.0, want))
        return;
    for (size_t i = 0; i < N; i++)
        want[i] = -50.0;
    if (!db_case("db of silence (ref 1, amin 1e-5, no top_db): 10 log10(1e-5)", S, N, 1.0, 1e-5,
                 DSP_DB_NO_TOP, want))
        return;
    /* ref = max(S) = 0 is itself floored to amin: 0 dB everywhere */
    for (size_t i = 0; i < N; i++)
        want[i] = 0.0;
    db_case("db of silence (ref max, amin 1e-10): max(amin, 0) / max(amin, 0)", S, N,
            DSP_DB_REF_MAX, 1e-10, 80.0, want);
}

static void db_random(void)
{
    /* values spread over 16 decades (10^-14 .. 10^2), some exact zeros, in
     * every combination of ref, amin and top_db, against the library's
     * librosa.power_to_db */
    enum { N = 500 };
    struct dsp_rng rng;
    double S[N], want[N], inplace[N];
    dsp_rng_seed(&rng, 804);
    for (size_t i = 0; i < N; i++)
        S[i] = i % 50 == 7 ? 0.0 : pow(10.0, -14.0 + 16.0 * dsp_rng_uniform(&rng));
    const struct {
        double ref, amin, top_db;
        const char *what;
    } c[] = {
        {1.0, 1e-10, 80.0, "db (ref 1, amin 1e-10, top_db 80: librosa's defaults)"},
        {DSP_DB_REF_MAX, 1e-10, DSP_DB_NO_TOP, "db (ref max, amin 1e-10, no top_db)"},
        {DSP_DB_REF_MAX, 1e-10, 60.0, "db (ref max, amin 1e-10, top_db 60)"},
        {0.5, 1e-6, 40.0, "db (ref 0.5, amin 1e-6, top_db 40)"},
        {1e-12, 1e-10, 0.0, "db (ref 1e-12 below amin, top_db 0: everything at the maximum)"},
    };
    for (size_t j = 0; j < sizeof c / sizeof c[0]; j++) {
        dsp_melspec_power_to_db(S, N, c[j].ref, c[j].amin, c[j].top_db, want);
        if (!db_case(c[j].what, S, N, c[j].ref, c[j].amin, c[j].top_db, want))
            return;
    }
    /* S and db the same array */
    memcpy(inplace, S, sizeof S);
    dsp_melspec_power_to_db(S, N, DSP_DB_REF_MAX, 1e-10, 80.0, want);
    if (!grade_status(power_to_db_ex(inplace, N, DSP_DB_REF_MAX, 1e-10, 80.0, inplace),
                      "power_to_db_ex (in place)"))
        return;
    grade_close("db computed in place (S == db; ref max, top_db 80)", inplace, want, N, DB_ATOL,
                1e-12);
}

static void db_speech(void)
{
    struct dsp_mat S = {0}, want = {0};
    if (!grade_reference("melspec_speech.txt", &S) || !grade_reference("db_speech.txt", &want))
        goto done;
    size_t n = S.rows * S.cols;
    if (!grade_true(want.rows * want.cols == n,
                    "db_speech.txt has %zu values, melspec_speech.txt %zu: run make references",
                    want.rows * want.cols, n))
        goto done;
    grade_note("the speech mel spectrogram (melspec_speech.txt), ref max, amin 1e-10, top_db 80");
    db_case("db (index = frame * 40 + band)", S.data, n, DSP_DB_REF_MAX, 1e-10, 80.0, want.data);
done:
    dsp_mat_free(&S);
    dsp_mat_free(&want);
}

static void db_bad(void)
{
    const double S[3] = {1, 2, 3};
    double db[3];
    if (!grade_einval(power_to_db_ex(S, 0, 1.0, 1e-10, 80.0, db), "power_to_db_ex", "n 0"))
        return;
    if (!grade_einval(power_to_db_ex(S, 3, 1.0, 0.0, 80.0, db), "power_to_db_ex",
                      "amin 0 (the floor must be positive)"))
        return;
    if (!grade_einval(power_to_db_ex(S, 3, -1.0, 1e-10, 80.0, db), "power_to_db_ex", "ref -1"))
        return;
    if (!grade_einval(power_to_db_ex(S, 3, 1.0, 1e-10, -10.0, db), "power_to_db_ex",
                      "top_db -10"))
        return;
    grade_einval(power_to_db_ex(S, 3, NAN, 1e-10, 80.0, db), "power_to_db_ex", "ref NaN");
}

/* ---- Part 5: mfcc --------------------------------------------------------------- */

/* The orthonormal DCT's rows are unit vectors: a coefficient is a sum of
 * n_mels terms of size up to |db|, good to ~n_mels * 1e-16 * max|db|
 * (below 1e-11 here); 1e-9 absolute + 1e-9 relative. */
static int mfcc_case(const char *what, const double *db, size_t frames, size_t n_mels,
                     size_t n_mfcc, const double *want)
{
    double *C = alloc_doubles(frames * n_mfcc);
    int ok = 0;
    if (!C)
        return 0;
    for (size_t i = 0; i < frames * n_mfcc; i++)
        C[i] = 999.0;
    if (grade_status(mfcc_ex(db, frames, n_mels, n_mfcc, C), "mfcc_ex")) {
        /* the classic slip: the plain cosine sums, without s_q */
        const double M = (double)n_mels;
        size_t i = 0, n = frames * n_mfcc;
        int differs = 0;
        for (; i < n; i++) {
            double s = i % n_mfcc == 0 ? sqrt(1.0 / M) : sqrt(2.0 / M);
            if (!(fabs(C[i] * s - want[i]) <= 1e-9 * (1.0 + fabs(want[i]))))
                break;
            differs |= fabs(C[i] - want[i]) > 1e-9 * (1.0 + fabs(want[i]));
        }
        if (i == n && differs)
            grade_note("your coefficients are the plain sums: multiply by s_0 = sqrt(1/M) "
                       "for q = 0 and s_q = sqrt(2/M) for q >= 1 (the orthonormal DCT-II)");
        ok = grade_close_matrix(what, C, want, frames, n_mfcc, 1e-9, 1e-9);
    }
    free(C);
    return ok;
}

static void mfcc_constant(void)
{
    /* a flat spectrum (every band -20 dB): only the average survives,
     * c0 = sqrt(1/M) * M * (-20) = -20 sqrt(40) = -126.49; the cosines of
     * q >= 1 sum to zero over the M bands */
    enum { M = 40, Q = 13 };
    double db[M], want[Q] = {0};
    for (size_t m = 0; m < M; m++)
        db[m] = -20.0;
    want[0] = -20.0 * sqrt((double)M);
    mfcc_case("C (40 bands all -20 dB, 13 coefficients)", db, 1, M, Q, want);
}

static void mfcc_cosine(void)
{
    /* one DCT basis vector, db[m] = 3 cos(pi 5 (2m+1) / 64), M = 32: all of
     * it lands in c5 = 3 sqrt(M/2) = 12, nothing elsewhere (orthogonality).
     * Two frames: the second is the basis vector of q = 0 (constant 1). */
    enum { M = 32 };
    double db[2 * M], want[2 * M] = {0};
    for (size_t m = 0; m < M; m++) {
        db[m] = 3.0 * cos(PI * 5.0 * (2.0 * m + 1.0) / (2.0 * M));
        db[M + m] = 1.0 / sqrt((double)M);
    }
    want[5] = 3.0 * sqrt(M / 2.0);
    want[M] = 1.0;
    mfcc_case("C (frame 0: 3 cos(pi 5 (2m+1) / 64), frame 1: 1/sqrt(32); all 32 "
              "coefficients; index = frame * 32 + q)",
              db, 2, M, M, want);
}

static void mfcc_random(void)
{
    /* random frames against the library's DCT, and energy: with n_mfcc =
     * n_mels the orthonormal DCT is a rotation, sum c^2 = sum db^2 */
    enum { M = 40, FRAMES = 7 };
    struct dsp_rng rng;
    double db[FRAMES * M], want[FRAMES * M], C[FRAMES * M];
    double e_in[FRAMES], e_out[FRAMES];
    dsp_rng_seed(&rng, 805);
    for (size_t i = 0; i < FRAMES * M; i++)
        db[i] = -80.0 + 80.0 * dsp_rng_uniform(&rng);
    struct dsp_mfcc *mf = dsp_mfcc_new(M, M);
    if (!grade_true(mf != NULL, "dsp_mfcc_new: %s", dsp_last_error()))
        return;
    for (size_t t = 0; t < FRAMES; t++)
        dsp_mfcc_frame(mf, db + t * M, M, want + t * M);
    dsp_mfcc_free(mf);
    if (!mfcc_case("C (random frames, 40 coefficients; index = frame * 40 + q)", db, FRAMES, M, M,
                   want))
        return;
    /* the first 13 of them, as usual for speech */
    double want13[FRAMES * 13];
    for (size_t t = 0; t < FRAMES; t++)
        memcpy(want13 + t * 13, want + t * M, 13 * sizeof *want13);
    if (!mfcc_case("C (random frames, 13 coefficients; index = frame * 13 + q)", db, FRAMES, M,
                   13, want13))
        return;
    if (!grade_status(mfcc_ex(db, FRAMES, M, M, C), "mfcc_ex"))
        return;
    for (size_t t = 0; t < FRAMES; t++) {
        e_in[t] = e_out[t] = 0.0;
        for (size_t i = 0; i < M; i++) {
            e_in[t] += db[t * M + i] * db[t * M + i];
            e_out[t] += C[t * M + i] * C[t * M + i];
        }
    }
    grade_close("sum of c^2 per frame (must equal the sum of db^2: the DCT is orthonormal)",
                e_out, e_in, FRAMES, 0, 1e-12);
}

static void mfcc_speech(void)
{
    struct dsp_mat db = {0}, want = {0};
    if (!grade_reference("db_speech.txt", &db) || !grade_reference("mfcc_speech.txt", &want))
        goto done;
    if (!grade_true(db.cols == SP_MELS && want.cols == SP_MFCC && want.rows == db.rows,
                    "db_speech.txt (%zu x %zu) / mfcc_speech.txt (%zu x %zu): unexpected shapes, "
                    "run make references",
                    db.rows, db.cols, want.rows, want.cols))
        goto done;
    grade_note("the speech dB mel spectrogram (db_speech.txt), 40 bands -> 13 MFCCs");
    mfcc_case("C (speech; index = frame * 13 + q)", db.data, db.rows, SP_MELS, SP_MFCC,
              want.data);
done:
    dsp_mat_free(&db);
    dsp_mat_free(&want);
}

static void mfcc_bad(void)
{
    double db[4] = {0}, C[8];
    if (!grade_einval(mfcc_ex(db, 1, 4, 0, C), "mfcc_ex", "n_mfcc 0"))
        return;
    grade_einval(mfcc_ex(db, 1, 4, 5, C), "mfcc_ex", "n_mfcc 5 > n_mels 4");
}

/* ---- Part 6: vggish ------------------------------------------------------------- */

#define VG_BANDS 64

static void vggish_counts(void)
{
    /* 1 + (len - 400) / 160, 0 below one window: 15600 samples (0.975 s)
     * are exactly 96 frames, one 96 x 64 example */
    const size_t len[] = {0, 1, 399, 400, 559, 560, 15599, 15600, 16000, 16123};
    const size_t want[] = {0, 0, 0, 1, 1, 2, 95, 96, 98, 99};
    for (size_t i = 0; i < sizeof len / sizeof len[0]; i++) {
        size_t got = 12345;
        if (!grade_status(vggish_frames_ex(len[i], &got), "vggish_frames_ex"))
            return;
        if (!grade_true(got == want[i], "vggish_frames_ex(%zu) gave %zu frames, expected %zu "
                        "(1 + (len - 400) / 160, only whole frames)",
                        len[i], got, want[i]))
            return;
    }
}

/* vggish_ex on x (16 kHz) against the library's dsp_vggish_log_mel. The
 * library equals the numpy restatement of mel_features.py to 1e-9
 * (tests/test_vggish.c), and any float64 implementation agrees with it to
 * ~1e-12 whatever the order of its sums (values lie between -4.6 and 4).
 * The tolerance is the 1e-4 the project asks of a reproduction of the
 * published front end; the classic slips are 100 times larger or more
 * (largest error on the 15600-sample case): triangles drawn in Hz instead
 * of mel 0.011, a symmetric Hann window 0.16, log10 instead of ln 2.5,
 * power instead of magnitude 3.8. (Forgetting to zero bin 0 changes
 * nothing here: with fmin 125 Hz no triangle reaches 0 Hz.) A float32 FFT
 * does not fit in 1e-4: its rounding, ~1e-7 of a frame's loudest bin,
 * lands in quiet bands where ln(mel + 0.01) magnifies it (~1e-3 here). */
/* A precise hint for the log10 slip: then every value is log10(e) = 1/ln 10
 * times the expected one (log10(v) = ln(v) / ln 10). */
static void vggish_log10_note(const double *got, const double *want, size_t n)
{
    const double log10e = 0.43429448190325182765;
    size_t i = 0;
    while (i < n && fabs(got[i] - log10e * want[i]) <= 1e-6 * (1.0 + fabs(want[i])))
        i++;
    if (n > 0 && i == n)
        grade_note("every value is 0.4343 = 1/ln(10) times the expected one: VGGish takes "
                   "the natural log, log() in C, not log10()");
}

static int vggish_case(const char *name, const double *x, size_t len)
{
    struct dsp_vggish_params p = dsp_vggish_defaults();
    struct dsp_vggish *v = dsp_vggish_new(&p, 16000.0);
    size_t frames = len < 400 ? 0 : 1 + (len - 400) / 160;
    double *got = alloc_doubles(frames * VG_BANDS), *want = alloc_doubles(frames * VG_BANDS);
    int ok = 0;
    if (!grade_true(v != NULL, "dsp_vggish_new: %s", dsp_last_error()) || !got || !want)
        goto done;
    if (!grade_true(dsp_vggish_log_mel(v, x, len, NULL, want, frames) == DSP_OK,
                    "dsp_vggish_log_mel: %s", dsp_last_error()))
        goto done;
    for (size_t i = 0; i < frames * VG_BANDS; i++)
        got[i] = 999.0;
    if (!grade_status(vggish_ex(x, len, got, frames), "vggish_ex"))
        goto done;
    char what[160];
    snprintf(what, sizeof what, "log-mel (%s, %zu samples = %zu x 64; index = frame * 64 + band)",
             name, len, frames);
    vggish_log10_note(got, want, frames * VG_BANDS);
    ok = grade_close_matrix(what, got, want, frames, VG_BANDS, 1e-4, 0);
done:
    dsp_vggish_free(v);
    free(got);
    free(want);
    return ok;
}

static void vggish_silence(void)
{
    /* no signal, no energy in any band: ln(0 + 0.01) = -4.60517 everywhere.
     * The offset is VGGish's floor, as amin was librosa's. */
    enum { LEN = 15600, FRAMES = 96 };
    double *x = alloc_doubles(LEN), *got = alloc_doubles(FRAMES * VG_BANDS);
    double *want = alloc_doubles(FRAMES * VG_BANDS);
    if (!x || !got || !want)
        goto done;
    memset(x, 0, LEN * sizeof *x);
    for (size_t i = 0; i < FRAMES * VG_BANDS; i++)
        want[i] = log(0.01);
    if (!grade_status(vggish_ex(x, LEN, got, FRAMES), "vggish_ex"))
        goto done;
    vggish_log10_note(got, want, FRAMES * VG_BANDS);
    /* ln(0.01) is a closed form: 1e-6 still accepts a float ln (6e-8 away) */
    grade_close("log-mel of 15600 zeros (ln 0.01; index = frame * 64 + band)", got, want,
                FRAMES * VG_BANDS, 1e-6, 0);
done:
    free(x);
    free(got);
    free(want);
}

static void vggish_example(void)
{
    /* the library's own test signal, 0.975 s: 0.5 sin at 440 Hz, 0.25 at
     * 3000.5 Hz, a little noise -> one 96 x 64 example */
    enum { LEN = 15600 };
    double *x = alloc_doubles(LEN), *b = alloc_doubles(LEN);
    if (!x || !b)
        goto done;
    dsp_gen_sine(0.5, 440.0, -PI / 2, 16000.0, x, LEN);
    dsp_gen_sine(0.25, 3000.5, 0.3 - PI / 2, 16000.0, b, LEN);
    for (size_t i = 0; i < LEN; i++)
        x[i] += b[i];
    dsp_gen_noise(0.005, 806, b, LEN);
    for (size_t i = 0; i < LEN; i++)
        x[i] += b[i];
    vggish_case("440 Hz + 3000.5 Hz + noise", x, LEN);
done:
    free(x);
    free(b);
}

static void vggish_speech(void)
{
    /* speech-front-center.wav brought from 48 kHz to 16 kHz by the
     * library's resampler (VGGish's first step; 22849 samples, 141 frames) */
    double *x = NULL, fs = 0, *y = NULL;
    size_t n = 0;
    struct dsp_resample *rs = NULL;
    if (!grade_read_mono(SPEECH, &x, &n, &fs))
        return;
    rs = dsp_resample_new(fs, 16000.0, NULL);
    if (!grade_true(rs != NULL, "dsp_resample_new: %s", dsp_last_error()))
        goto done;
    size_t m = dsp_resample_out_len(rs, n);
    y = alloc_doubles(m);
    if (!y)
        goto done;
    dsp_resample_process(rs, x, n, y, m);
    vggish_case("speech at 16 kHz", y, m);
done:
    dsp_resample_free(rs);
    free(x);
    free(y);
}

static void vggish_edges(void)
{
    double x[600] = {0}, L[2 * VG_BANDS];
    /* shorter than one window: no frame, nothing to do */
    if (!grade_status(vggish_ex(x, 399, L, 0), "vggish_ex (399 samples, 0 frames)"))
        return;
    /* 560 samples: 2 frames, a sine in the second only */
    dsp_gen_sine(0.1, 1000.0, 0.0, 16000.0, x + 400, 160);
    if (!vggish_case("560 samples", x, 560))
        return;
    if (!grade_einval(vggish_ex(x, 560, L, 1), "vggish_ex", "560 samples with n_frames 1 (2)"))
        return;
    grade_einval(vggish_ex(x, 399, L, 1), "vggish_ex", "399 samples with n_frames 1 (0)");
}

static const struct grade_test tests[] = {
    {"mel: Slaney, published values", 1, mel_slaney, NULL, 0},
    {"mel: HTK, published values", 1, mel_htk, NULL, 0},
    {"mel: random frequencies and back", 1, mel_random, "mel: Slaney, published values", 0},
    {"mel: table", 1, mel_table, "mel: Slaney, published values", 0},
    {"mel: bad arguments", 1, mel_bad, NULL, 0},
    {"melbank: worked example", 1, melbank_example, NULL, 0},
    {"melbank: librosa defaults", 1, melbank_librosa, "melbank: worked example", 0},
    {"melbank: HTK scales, both norms", 1, melbank_htk, "melbank: worked example", 0},
    {"melbank: triangles add up to one", 1, melbank_unity, NULL, 0},
    {"melbank: empty bands, bad arguments", 1, melbank_edges, "melbank: worked example", 0},
    {"apply: worked example", 1, apply_example, NULL, 0},
    {"apply: random", 1, apply_random, "apply: worked example", 0},
    {"apply: speech", 1, apply_speech, "apply: worked example", 0},
    {"apply: no frames, bad arguments", 1, apply_edges, NULL, 0},
    {"db: worked example", 1, db_example, NULL, 0},
    {"db: silence and the floor", 1, db_silence, NULL, 0},
    {"db: random, every option", 1, db_random, "db: worked example", 0},
    {"db: speech", 1, db_speech, "db: worked example", 0},
    {"db: bad arguments", 1, db_bad, NULL, 0},
    {"mfcc: constant frame", 1, mfcc_constant, NULL, 0},
    {"mfcc: one cosine", 1, mfcc_cosine, NULL, 0},
    {"mfcc: random, energy kept", 1, mfcc_random, "mfcc: one cosine", 0},
    {"mfcc: speech", 1, mfcc_speech, "mfcc: one cosine", 0},
    {"mfcc: bad arguments", 1, mfcc_bad, NULL, 0},
    {"vggish: frame counts", 1, vggish_counts, NULL, 0},
    {"vggish: silence", 1, vggish_silence, "vggish: frame counts", 0},
    {"vggish: 15600 samples, 96 x 64", 2, vggish_example, "vggish: frame counts", 0},
    {"vggish: speech", 1, vggish_speech, "vggish: 15600 samples, 96 x 64", 0},
    {"vggish: short inputs, wrong frame count", 1, vggish_edges, "vggish: frame counts", 0},
};
GRADE_SUITE("08-mel-spectrogram", tests);
