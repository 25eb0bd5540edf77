/*
 * refgen.c — writes data/reference/07-sines-plus-residual/ from the
 * reference solution. Usage (from the repository root): refgen <output folder>
 *   stocsynth_ref.txt   stocsynth_ex on the envelope
 *                       env[k][e] = -40 - 2 e + 6 sin(k / 3), 33 frames x 16,
 *                       n_fft 256, hop 64, seed 701, len 2048: one sample per row
 *   flute_peaks.txt     the input of the flute cases: data/sounds/flute-a5.wav
 *                       from sample 52*256 = 13312, 13230 samples (0.3 s),
 *                       52 frames every 256 samples; per frame the peaks of
 *                       the DFT model (Blackman-Harris M = 1501, N = 4096,
 *                       above -70 dB, the 30 lowest, dsp_peaks_detect/interp):
 *                       freq[30] (Hz), amp[30] (2*10^(imag/20)), phase[30]
 *   flute_env.txt       stocenv_ex of the flute excerpt itself: n_fft 1024,
 *                       hop 256, 64 blocks: 52 rows of 64 dB values
 *   flute_summary.txt   srr_db of residual_ex on the flute, then snr_db and
 *                       env_err_db of decompose_ex (n_fft 1024, 64 blocks,
 *                       seed 702)
 *   synth_summary.txt   snr_db and env_err_db of decompose_ex on the
 *                       synthetic case of suite.c (two sines plus noise)
 * The parameters must match suite.c's constants.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dsplab/audio.h>
#include <dsplab/datafile.h>
#include <dsplab/gen.h>
#include <dsplab/peaks.h>
#include <dsplab/stft.h>
#include <dsplab/window.h>

#include "exercise.h"
#include "refgen.h"

#define LESSON "07-sines-plus-residual"

#define FLUTE_FILE "data/sounds/flute-a5.wav"
#define FLUTE_HOP 256
#define FLUTE_K0 52
#define FLUTE_LEN 13230
#define FLUTE_FRAMES (FLUTE_LEN / FLUTE_HOP + 1)
#define FLUTE_M 1501
#define FLUTE_N 4096
#define FLUTE_THRESHOLD -70.0
#define FLUTE_SINES 30
#define STOC_N 1024
#define STOC_ENV 64
#define FLUTE_SEED 702

#define SYN_FS 44100.0
#define SYN_LEN 22050
#define SYN_HOP 256
#define SYN_FRAMES (SYN_LEN / SYN_HOP + 1)
#define SYN_NOISE_SEED 7
#define SYN_SIGMA 0.05
#define SYN_SEED 703

static const double PI = 3.14159265358979323846;

static int write_stocsynth(const char *dir)
{
    enum { N = 256, H = 64, LEN = 2048, FR = LEN / H + 1, NE = 16 };
    double env[FR * NE], y[LEN];
    for (int k = 0; k < FR; k++)
        for (int e = 0; e < NE; e++)
            env[k * NE + e] = -40.0 - 2.0 * e + 6.0 * sin(k / 3.0);
    int s = stocsynth_ex(env, FR, NE, N, H, 701, y, LEN);
    if (s != DSP_OK)
        return dsp_fail(s, "stocsynth_ex failed (%d)", s);
    struct dsp_matfile *f = refgen_open(dir, "stocsynth_ref.txt", 1, LESSON, "stocsynth_ex");
    if (!f)
        return DSP_EIO;
    dsp_matfile_header(f, "envelope", "-40 - 2 e + 6 sin(k/3), %d frames x %d", FR, NE);
    dsp_matfile_header(f, "params", "n_fft %d, hop %d, seed 701, len %d", N, H, LEN);
    for (int i = 0; i < LEN; i++)
        dsp_matfile_write_row(f, &y[i]);
    return dsp_matfile_commit(f);
}

/* The synthetic case: two sinusoids with their exact per-frame parameters,
 * plus uniform noise of standard deviation SYN_SIGMA. */
static void synthetic(double *x, double *fr, double *am, double *ph)
{
    dsp_gen_noise(SYN_SIGMA * sqrt(3.0), SYN_NOISE_SEED, x, SYN_LEN);
    for (int i = 0; i < SYN_LEN; i++) {
        double t = i / SYN_FS;
        x[i] += 0.6 * cos(2 * PI * 440.0 * t + 0.3) + 0.3 * cos(2 * PI * 1234.5 * t - 1.0);
    }
    for (int k = 0; k < SYN_FRAMES; k++) {
        double t = k * SYN_HOP / SYN_FS;
        fr[2 * k] = 440.0;
        am[2 * k] = 0.6;
        ph[2 * k] = 2 * PI * 440.0 * t + 0.3;
        fr[2 * k + 1] = 1234.5;
        am[2 * k + 1] = 0.3;
        ph[2 * k + 1] = 2 * PI * 1234.5 * t - 1.0;
    }
}

static int write_synthetic(const char *dir)
{
    static double x[SYN_LEN], sines[SYN_LEN], stoch[SYN_LEN];
    static double fr[2 * SYN_FRAMES], am[2 * SYN_FRAMES], ph[2 * SYN_FRAMES];
    double row[2], re;
    synthetic(x, fr, am, ph);
    int s = decompose_ex(x, SYN_LEN, fr, am, ph, SYN_FRAMES, 2, SYN_HOP, SYN_FS, STOC_N, STOC_ENV,
                         SYN_SEED, sines, stoch, &re, &row[0], &row[1]);
    if (s != DSP_OK)
        return dsp_fail(s, "decompose_ex (synthetic) failed (%d)", s);
    struct dsp_matfile *f = refgen_open(dir, "synth_summary.txt", 2, LESSON, "decompose_ex");
    if (!f)
        return DSP_EIO;
    dsp_matfile_header(f, "signal", "0.6 cos(440 Hz, 0.3) + 0.3 cos(1234.5 Hz, -1) + noise "
                                    "(uniform, sd %g, seed %d), %d samples at %g Hz",
                       SYN_SIGMA, SYN_NOISE_SEED, SYN_LEN, SYN_FS);
    dsp_matfile_header(f, "params", "hop %d, n_fft %d, %d blocks, seed %d", SYN_HOP, STOC_N,
                       STOC_ENV, SYN_SEED);
    dsp_matfile_header(f, "columns_are", "snr_db env_err_db");
    dsp_matfile_write_row(f, row);
    return dsp_matfile_commit(f);
}

static int write_flute(const char *dir)
{
    enum { NB = FLUTE_N / 2 + 1, COLS = 3 * FLUTE_SINES };
    static double fr[FLUTE_FRAMES * FLUTE_SINES], am[FLUTE_FRAMES * FLUTE_SINES];
    static double ph[FLUTE_FRAMES * FLUTE_SINES], env[FLUTE_FRAMES * STOC_ENV];
    static double sines[FLUTE_LEN], res[FLUTE_LEN], stoch[FLUTE_LEN];
    double *x = NULL, fs = 0, w[FLUTE_M], mX[NB], pX[NB], il[NB], im[NB], ip[NB], row[COLS];
    size_t len = 0, loc[FLUTE_SINES], np = 0;
    struct dsp_stft *st = NULL;
    struct dsp_matfile *f = NULL;
    int s = dsp_audio_read_mono(FLUTE_FILE, &x, &len, &fs);
    if (s != DSP_OK)
        return s;
    if (len < FLUTE_K0 * FLUTE_HOP + FLUTE_LEN + FLUTE_N) {
        s = dsp_fail(DSP_EFORMAT, "%s: too short", FLUTE_FILE);
        goto done;
    }
    dsp_window_fill(DSP_WIN_BLACKMANHARRIS, 0, DSP_WINDOW_PERIODIC, w, FLUTE_M);
    st = dsp_stft_new(w, FLUTE_M, FLUTE_N, FLUTE_HOP);
    f = refgen_open(dir, "flute_peaks.txt", COLS, LESSON, "input sinusoids");
    if (!st || !f) {
        s = DSP_EIO;
        goto done;
    }
    dsp_matfile_header(f, "file", "%s from sample %d, %d samples", FLUTE_FILE,
                       FLUTE_K0 * FLUTE_HOP, FLUTE_LEN);
    dsp_matfile_header(f, "analysis", "blackmanharris periodic M = %d, N = %d, hop %d, "
                                      "peaks above %g dB, the %d lowest",
                       FLUTE_M, FLUTE_N, FLUTE_HOP, FLUTE_THRESHOLD, FLUTE_SINES);
    dsp_matfile_header(f, "columns_are", "freq[30] (Hz) amp[30] (linear) phase[30] (rad)");
    memset(fr, 0, sizeof fr);
    memset(am, 0, sizeof am);
    memset(ph, 0, sizeof ph);
    for (size_t k = 0; k < FLUTE_FRAMES && s == DSP_OK; k++) {
        s = dsp_stft_analyze_frame(st, x, len, FLUTE_K0 + k, mX, pX);
        if (s == DSP_OK)
            s = dsp_peaks_detect(mX, NB, FLUTE_THRESHOLD, loc, FLUTE_SINES, &np);
        if (s == DSP_OK)
            s = dsp_peaks_interp(mX, pX, NB, loc, np, il, im, ip);
        if (s != DSP_OK)
            break;
        for (size_t j = 0; j < np; j++) {
            fr[k * FLUTE_SINES + j] = il[j] * fs / FLUTE_N;
            am[k * FLUTE_SINES + j] = 2.0 * pow(10.0, im[j] / 20.0);
            ph[k * FLUTE_SINES + j] = ip[j];
        }
        memcpy(row, fr + k * FLUTE_SINES, FLUTE_SINES * sizeof *row);
        memcpy(row + FLUTE_SINES, am + k * FLUTE_SINES, FLUTE_SINES * sizeof *row);
        memcpy(row + 2 * FLUTE_SINES, ph + k * FLUTE_SINES, FLUTE_SINES * sizeof *row);
        s = dsp_matfile_write_row(f, row);
    }
    if (s != DSP_OK)
        goto done;
    s = dsp_matfile_commit(f);
    f = NULL;
    if (s != DSP_OK)
        goto done;
    const double *ex = x + FLUTE_K0 * FLUTE_HOP;
    /* Part 3 on the excerpt itself */
    s = stocenv_ex(ex, FLUTE_LEN, STOC_N, FLUTE_HOP, STOC_ENV, env);
    if (s != DSP_OK)
        goto done;
    f = refgen_open(dir, "flute_env.txt", STOC_ENV, LESSON, "stocenv_ex");
    if (!f) {
        s = DSP_EIO;
        goto done;
    }
    dsp_matfile_header(f, "input", "the excerpt of flute_peaks.txt");
    dsp_matfile_header(f, "params", "n_fft %d, hop %d, %d blocks", STOC_N, FLUTE_HOP, STOC_ENV);
    for (size_t k = 0; k < FLUTE_FRAMES; k++)
        dsp_matfile_write_row(f, env + k * STOC_ENV);
    s = dsp_matfile_commit(f);
    f = NULL;
    if (s != DSP_OK)
        goto done;
    /* Parts 2 and 5 */
    double sum[3], re;
    s = residual_ex(ex, FLUTE_LEN, fr, am, ph, FLUTE_FRAMES, FLUTE_SINES, FLUTE_HOP, fs, sines,
                    res, &sum[0]);
    if (s == DSP_OK)
        s = decompose_ex(ex, FLUTE_LEN, fr, am, ph, FLUTE_FRAMES, FLUTE_SINES, FLUTE_HOP, fs,
                         STOC_N, STOC_ENV, FLUTE_SEED, sines, stoch, &re, &sum[1], &sum[2]);
    if (s != DSP_OK)
        goto done;
    f = refgen_open(dir, "flute_summary.txt", 3, LESSON, "residual_ex, decompose_ex");
    if (!f) {
        s = DSP_EIO;
        goto done;
    }
    dsp_matfile_header(f, "params", "n_fft %d, %d blocks, seed %d", STOC_N, STOC_ENV,
                       FLUTE_SEED);
    dsp_matfile_header(f, "columns_are", "srr_db snr_db env_err_db");
    dsp_matfile_write_row(f, sum);
    s = dsp_matfile_commit(f);
    f = NULL;
done:
    dsp_matfile_abort(f);
    dsp_stft_free(st);
    free(x);
    return s;
}

static int write_all(const char *dir)
{
    int s = write_stocsynth(dir);
    if (s == DSP_OK)
        s = write_synthetic(dir);
    if (s == DSP_OK)
        s = write_flute(dir);
    return s;
}

int main(int argc, char **argv)
{
    return refgen_main(argc, argv, "07", write_all);
}
