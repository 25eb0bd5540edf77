/*
 * refgen.c — writes data/reference/06-harmonic-model/ from the reference
 * solution. Usage (from the repository root): refgen <output folder>
 *   twm_random.txt        30 seeded random peak sets and a candidate f0:
 *                         n_peaks, pfreq[12], pmag[12] (zero-padded), f0,
 *                         then the expected twm_ex error
 *   violin_peaks.txt      the input of the violin cases: 40 frames of
 *                         data/sounds/violin-a4.wav (STFT: Blackman
 *                         M = 2001, N = 4096, hop 512, frames 10..49),
 *                         peaks above -70 dB by the library's
 *                         dsp_peaks_detect/interp, at most 40 (the lowest):
 *                         n_peaks, pfreq[40] (Hz), pmag[40], pphase[40]
 *   violin_f0.txt         f0_ex per frame (fmin 100, fmax 1500, max_err 5)
 *   violin_harmonics.txt  harmonics_ex per frame with violin_f0.txt's f0,
 *                         20 harmonics, slope 0.01: hfreq[20], hmag[20], hphase[20]
 *   violin_inharm.txt     inharm_ex over those 40 frames: one value, Hz
 * The parameters must match suite.c's VIOLIN_* and TWM_RANDOM_* constants.
 */
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

#define LESSON "06-harmonic-model"

#define VIOLIN_FILE "data/sounds/violin-a4.wav"
#define VIOLIN_M 2001
#define VIOLIN_N 4096
#define VIOLIN_HOP 512
#define VIOLIN_FIRST 10
#define VIOLIN_FRAMES 40
#define VIOLIN_THRESHOLD -70.0
#define VIOLIN_PEAKS 40
#define VIOLIN_FMIN 100.0
#define VIOLIN_FMAX 1500.0
#define VIOLIN_MAX_ERR 5.0
#define VIOLIN_HARM 20
#define VIOLIN_SLOPE 0.01
#define TWM_RANDOM_CASES 30
#define TWM_RANDOM_PEAKS 12
#define TWM_RANDOM_SEED 601

enum { PEAK_COLS = 1 + 3 * VIOLIN_PEAKS, NB = VIOLIN_N / 2 + 1 };

/* Peaks of random harmonic-ish spectra: jittered harmonics of a random f0,
 * some missing, some spurious, in increasing frequency. */
static int write_twm_random(const char *dir)
{
    enum { COLS = 1 + 2 * TWM_RANDOM_PEAKS + 2 };
    struct dsp_matfile *f = refgen_open(dir, "twm_random.txt", COLS, LESSON, "twm_ex");
    if (!f)
        return DSP_EIO;
    dsp_matfile_header(f, "seed", "%d", TWM_RANDOM_SEED);
    dsp_matfile_header(f, "columns_are", "n_peaks pfreq[12] pmag[12] f0 err");
    struct dsp_rng rng;
    dsp_rng_seed(&rng, TWM_RANDOM_SEED);
    int s = DSP_OK;
    for (int c = 0; c < TWM_RANDOM_CASES && s == DSP_OK; c++) {
        double row[COLS] = {0}, *pf = row + 1, *pm = row + 1 + TWM_RANDOM_PEAKS;
        double f0 = 80.0 + 700.0 * dsp_rng_uniform(&rng);
        size_t n = 0;
        int hmax = 1 + (int)(dsp_rng_next(&rng) % 16);   /* 1 to 12 peaks */
        for (int h = 1; n < TWM_RANDOM_PEAKS && h <= hmax; h++) {
            double u = dsp_rng_uniform(&rng);
            if (u < 0.15)
                continue;   /* a missing harmonic */
            if (u > 0.9 && n + 1 < TWM_RANDOM_PEAKS) {   /* a spurious peak below it */
                pf[n] = ((double)h - 0.3 - 0.4 * dsp_rng_uniform(&rng)) * f0;
                pm[n++] = -60.0 + 20.0 * dsp_rng_uniform(&rng);
            }
            pf[n] = (double)h * f0 * (1.0 + 0.01 * (dsp_rng_uniform(&rng) - 0.5));
            pm[n++] = -6.0 * h - 10.0 * dsp_rng_uniform(&rng);
        }
        if (n == 0) {   /* every harmonic missing: keep the fundamental */
            pf[0] = f0;
            pm[n++] = -6.0;
        }
        /* candidates: the true f0, an octave error either way, or anything */
        double cand[4] = {f0, 2.0 * f0, 0.5 * f0, 50.0 + 1000.0 * dsp_rng_uniform(&rng)};
        double f0c = cand[dsp_rng_next(&rng) % 4], err = 0;
        s = twm_ex(pf, pm, n, f0c, &err);
        row[0] = (double)n;
        row[COLS - 2] = f0c;
        row[COLS - 1] = err;
        if (s == DSP_OK)
            s = dsp_matfile_write_row(f, row);
    }
    if (s != DSP_OK) {
        dsp_matfile_abort(f);
        return dsp_fail(s, "twm_random failed (%d)", s);
    }
    return dsp_matfile_commit(f);
}

/* Peaks per frame (the input), written to violin_peaks.txt and kept. */
static int violin_peaks(const char *dir, double *peaks)
{
    double *x = NULL, fs = 0, w[VIOLIN_M], mX[NB], pX[NB], il[NB], im[NB], ip[NB];
    size_t len = 0, loc[VIOLIN_PEAKS], np = 0;
    int s = dsp_audio_read_mono(VIOLIN_FILE, &x, &len, &fs);
    if (s != DSP_OK)
        return s;
    dsp_window_fill(DSP_WIN_BLACKMAN, 0, DSP_WINDOW_PERIODIC, w, VIOLIN_M);
    struct dsp_stft *st = dsp_stft_new(w, VIOLIN_M, VIOLIN_N, VIOLIN_HOP);
    struct dsp_matfile *f = refgen_open(dir, "violin_peaks.txt", PEAK_COLS, LESSON, "input peaks");
    if (!st || !f) {
        s = DSP_EIO;
        goto done;
    }
    dsp_matfile_header(f, "file", "%s", VIOLIN_FILE);
    dsp_matfile_header(f, "stft", "blackman periodic M = %d, N = %d, hop %d, frames %d..%d",
                       VIOLIN_M, VIOLIN_N, VIOLIN_HOP, VIOLIN_FIRST,
                       VIOLIN_FIRST + VIOLIN_FRAMES - 1);
    dsp_matfile_header(f, "peaks", "above %g dB, the %d lowest, dsp_peaks_detect/interp",
                       VIOLIN_THRESHOLD, VIOLIN_PEAKS);
    dsp_matfile_header(f, "columns_are", "n_peaks pfreq[40] (Hz) pmag[40] (dB) pphase[40]");
    for (size_t k = 0; k < VIOLIN_FRAMES && s == DSP_OK; k++) {
        double *row = peaks + k * PEAK_COLS;
        s = dsp_stft_analyze_frame(st, x, len, VIOLIN_FIRST + k, mX, pX);
        if (s == DSP_OK)
            s = dsp_peaks_detect(mX, NB, VIOLIN_THRESHOLD, loc, VIOLIN_PEAKS, &np);
        if (s == DSP_OK)
            s = dsp_peaks_interp(mX, pX, NB, loc, np, il, im, ip);
        if (s != DSP_OK)
            break;
        memset(row, 0, PEAK_COLS * sizeof *row);
        row[0] = (double)np;
        for (size_t i = 0; i < np; i++) {
            row[1 + i] = il[i] * fs / VIOLIN_N;
            row[1 + VIOLIN_PEAKS + i] = im[i];
            row[1 + 2 * VIOLIN_PEAKS + i] = ip[i];
        }
        s = dsp_matfile_write_row(f, row);
    }
    if (s == DSP_OK) {
        s = dsp_matfile_commit(f);
        f = NULL;
    }
done:
    dsp_matfile_abort(f);
    dsp_stft_free(st);
    free(x);
    return s;
}

static int write_violin(const char *dir)
{
    double peaks[VIOLIN_FRAMES * PEAK_COLS], f0[VIOLIN_FRAMES];
    double hf[VIOLIN_FRAMES * VIOLIN_HARM], row[3 * VIOLIN_HARM], inh = 0;
    int s = violin_peaks(dir, peaks);
    if (s != DSP_OK)
        return s;
    struct dsp_matfile *ff = refgen_open(dir, "violin_f0.txt", 1, LESSON, "f0_ex");
    struct dsp_matfile *fh = refgen_open(dir, "violin_harmonics.txt", 3 * VIOLIN_HARM, LESSON,
                                         "harmonics_ex");
    struct dsp_matfile *fi = refgen_open(dir, "violin_inharm.txt", 1, LESSON, "inharm_ex");
    if (!ff || !fh || !fi) {
        s = DSP_EIO;
        goto fail;
    }
    dsp_matfile_header(ff, "input", "violin_peaks.txt, one frame per row");
    dsp_matfile_header(ff, "f0_range", "%g %g", VIOLIN_FMIN, VIOLIN_FMAX);
    dsp_matfile_header(ff, "max_err", "%g", VIOLIN_MAX_ERR);
    dsp_matfile_header(fh, "input", "violin_peaks.txt and violin_f0.txt");
    dsp_matfile_header(fh, "harmonics", "%d, slope %g, fs 44100", VIOLIN_HARM, VIOLIN_SLOPE);
    dsp_matfile_header(fh, "columns_are", "hfreq[20] (Hz) hmag[20] (dB) hphase[20]");
    dsp_matfile_header(fi, "input", "violin_f0.txt and violin_harmonics.txt (hfreq)");
    for (size_t k = 0; k < VIOLIN_FRAMES && s == DSP_OK; k++) {
        const double *p = peaks + k * PEAK_COLS;
        size_t np = (size_t)p[0];
        s = f0_ex(p + 1, p + 1 + VIOLIN_PEAKS, np, VIOLIN_FMIN, VIOLIN_FMAX, VIOLIN_MAX_ERR,
                  &f0[k]);
        if (s == DSP_OK)
            s = harmonics_ex(p + 1, p + 1 + VIOLIN_PEAKS, p + 1 + 2 * VIOLIN_PEAKS, np, f0[k],
                             VIOLIN_HARM, VIOLIN_SLOPE, 44100.0, row, row + VIOLIN_HARM,
                             row + 2 * VIOLIN_HARM);
        if (s == DSP_OK) {
            memcpy(hf + k * VIOLIN_HARM, row, VIOLIN_HARM * sizeof *row);
            dsp_matfile_write_row(ff, &f0[k]);
            s = dsp_matfile_write_row(fh, row);
        }
    }
    if (s == DSP_OK)
        s = inharm_ex(f0, hf, VIOLIN_FRAMES, VIOLIN_HARM, &inh);
    if (s == DSP_OK)
        s = dsp_matfile_write_row(fi, &inh);
    if (s != DSP_OK)
        goto fail;
    s = dsp_matfile_commit(ff);
    if (s == DSP_OK)
        s = dsp_matfile_commit(fh);
    else
        dsp_matfile_abort(fh);
    if (s == DSP_OK)
        s = dsp_matfile_commit(fi);
    else
        dsp_matfile_abort(fi);
    return s;
fail:
    dsp_matfile_abort(ff);
    dsp_matfile_abort(fh);
    dsp_matfile_abort(fi);
    return dsp_fail(s == DSP_OK ? DSP_EIO : s, "violin references failed: %s", dsp_last_error());
}

static int write_all(const char *dir)
{
    int s = write_twm_random(dir);
    if (s == DSP_OK)
        s = write_violin(dir);
    return s;
}

int main(int argc, char **argv)
{
    return refgen_main(argc, argv, "06", write_all);
}
