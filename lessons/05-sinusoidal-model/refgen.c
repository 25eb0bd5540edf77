/*
 * refgen.c — writes data/reference/05-sinusoidal-model/ from the reference
 * solution. Usage (from the repository root): refgen <output folder>
 *   peaks_flute.txt  one frame of data/sounds/flute-a5.wav from sample
 *                    22050 (0.5 s), periodic Blackman M = 2001, N = 4096,
 *                    through the DFT model; peaks above -80 dB: one row per
 *                    peak: loc, iloc, imag (dB), iphase (rad)
 *   track_flute.txt  30 frames of the same sound (STFT: Hamming M = 1201,
 *                    N = 2048, hop 512, from frame 20), peaks above -70 dB,
 *                    at most 25 per frame (the loudest), tracked into 15
 *                    slots (offset 20 Hz, slope 0.01): one row per frame:
 *                    n_peaks, pfreq[25], pmag[25], pphase[25] (the input,
 *                    zero-padded), tfreq[15], tmag[15], tphase[15] (the output)
 * The parameters must match suite.c's FLUTE_* and TRACK_* constants.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dsplab/audio.h>
#include <dsplab/datafile.h>
#include <dsplab/dftmodel.h>
#include <dsplab/stft.h>
#include <dsplab/window.h>

#include "exercise.h"
#include "refgen.h"

#define FLUTE_FILE "data/sounds/flute-a5.wav"
#define FLUTE_START 22050
#define FLUTE_M 2001
#define FLUTE_N 4096
#define FLUTE_THRESHOLD -80.0
#define NB (FLUTE_N / 2 + 1)

#define TRACK_M 1201
#define TRACK_N 2048
#define TRACK_HOP 512
#define TRACK_FIRST 20
#define TRACK_FRAMES 30
#define TRACK_THRESHOLD -70.0
#define TRACK_PEAKS 25
#define TRACK_SLOTS 15
#define TRACK_OFFSET 20.0
#define TRACK_SLOPE 0.01

static int write_peaks(const char *dir, const double *x, size_t len)
{
    double w[FLUTE_M], mX[NB], pX[NB], il[NB], im[NB], ip[NB];
    size_t loc[NB], np = 0;
    if (len < FLUTE_START + FLUTE_M)
        return dsp_fail(DSP_EFORMAT, "%s: too short", FLUTE_FILE);
    dsp_window_fill(DSP_WIN_BLACKMAN, 0, DSP_WINDOW_PERIODIC, w, FLUTE_M);
    struct dsp_dftmodel *dm = dsp_dftmodel_new(w, FLUTE_M, FLUTE_N);
    if (!dm)
        return DSP_ENOMEM;
    int s = dsp_dftmodel_analyze(dm, x + FLUTE_START, mX, pX);
    dsp_dftmodel_free(dm);
    if (s == DSP_OK)
        s = peaks_ex(mX, NB, FLUTE_THRESHOLD, loc, NB, &np);
    if (s == DSP_OK)
        s = interp_ex(mX, pX, NB, loc, np, il, im, ip);
    if (s != DSP_OK)
        return dsp_fail(s, "peaks_ex/interp_ex failed (%d)", s);
    struct dsp_matfile *f = refgen_open(dir, "peaks_flute.txt", 4,
                                        "05-sinusoidal-model", "peaks_ex, interp_ex");
    if (f == NULL)
        return DSP_EIO;
    dsp_matfile_header(f, "file", "%s", FLUTE_FILE);
    dsp_matfile_header(f, "start", "%d", FLUTE_START);
    dsp_matfile_header(f, "window", "blackman periodic, M = %d", FLUTE_M);
    dsp_matfile_header(f, "fft_size", "%d", FLUTE_N);
    dsp_matfile_header(f, "threshold_db", "%g", FLUTE_THRESHOLD);
    dsp_matfile_header(f, "columns_are", "loc iloc imag iphase");
    for (size_t i = 0; i < np; i++) {
        double row[4] = {(double)loc[i], il[i], im[i], ip[i]};
        dsp_matfile_write_row(f, row);
    }
    return dsp_matfile_commit(f);
}

static int write_tracks(const char *dir, const double *x, size_t len, double fs)
{
    enum { NBT = TRACK_N / 2 + 1, COLS = 1 + 3 * TRACK_PEAKS + 3 * TRACK_SLOTS };
    double w[TRACK_M], mX[NBT], pX[NBT], il[NBT], im[NBT], ip[NBT], row[COLS];
    double prev[TRACK_SLOTS] = {0};
    size_t loc[NBT], np = 0;
    dsp_window_fill(DSP_WIN_HAMMING, 0, DSP_WINDOW_PERIODIC, w, TRACK_M);
    struct dsp_stft *st = dsp_stft_new(w, TRACK_M, TRACK_N, TRACK_HOP);
    if (!st)
        return DSP_ENOMEM;
    struct dsp_matfile *f = refgen_open(dir, "track_flute.txt", COLS,
                                        "05-sinusoidal-model", "track_ex");
    if (f == NULL) {
        dsp_stft_free(st);
        return DSP_EIO;
    }
    dsp_matfile_header(f, "file", "%s", FLUTE_FILE);
    dsp_matfile_header(f, "stft", "hamming periodic M = %d, N = %d, hop %d, frames %d..%d",
                       TRACK_M, TRACK_N, TRACK_HOP, TRACK_FIRST, TRACK_FIRST + TRACK_FRAMES - 1);
    dsp_matfile_header(f, "peaks", "above %g dB, the %d loudest, Hz/dB/rad", TRACK_THRESHOLD,
                       TRACK_PEAKS);
    dsp_matfile_header(f, "tracking", "%d slots, offset %g Hz, slope %g", TRACK_SLOTS,
                       TRACK_OFFSET, TRACK_SLOPE);
    dsp_matfile_header(f, "columns_are",
                       "n_peaks pfreq[25] pmag[25] pphase[25] tfreq[15] tmag[15] tphase[15]");
    int s = DSP_OK;
    for (size_t k = TRACK_FIRST; k < TRACK_FIRST + TRACK_FRAMES && s == DSP_OK; k++) {
        s = dsp_stft_analyze_frame(st, x, len, k, mX, pX);
        if (s == DSP_OK)
            s = peaks_ex(mX, NBT, TRACK_THRESHOLD, loc, NBT, &np);
        if (s == DSP_OK)
            s = interp_ex(mX, pX, NBT, loc, np, il, im, ip);
        if (s != DSP_OK)
            break;
        /* keep the TRACK_PEAKS loudest, in order of frequency */
        while (np > TRACK_PEAKS) {
            size_t q = 0;
            for (size_t i = 1; i < np; i++)
                if (im[i] < im[q])
                    q = i;
            memmove(il + q, il + q + 1, (np - q - 1) * sizeof *il);
            memmove(im + q, im + q + 1, (np - q - 1) * sizeof *im);
            memmove(ip + q, ip + q + 1, (np - q - 1) * sizeof *ip);
            np--;
        }
        memset(row, 0, sizeof row);
        row[0] = (double)np;
        for (size_t i = 0; i < np; i++) {
            row[1 + i] = il[i] * fs / TRACK_N;
            row[1 + TRACK_PEAKS + i] = im[i];
            row[1 + 2 * TRACK_PEAKS + i] = ip[i];
        }
        double *out = row + 1 + 3 * TRACK_PEAKS;
        s = track_ex(row + 1, row + 1 + TRACK_PEAKS, row + 1 + 2 * TRACK_PEAKS, np, prev,
                     TRACK_SLOTS, TRACK_OFFSET, TRACK_SLOPE, out, out + TRACK_SLOTS,
                     out + 2 * TRACK_SLOTS);
        if (s == DSP_OK)
            s = dsp_matfile_write_row(f, row);
        memcpy(prev, out, sizeof prev);
    }
    dsp_stft_free(st);
    if (s != DSP_OK) {
        dsp_matfile_abort(f);
        return dsp_fail(s, "tracking the flute failed (%d)", s);
    }
    return dsp_matfile_commit(f);
}

static int write_all(const char *dir)
{
    double *x = NULL, fs = 0;
    size_t n = 0;
    int s = dsp_audio_read_mono(FLUTE_FILE, &x, &n, &fs);
    if (s == DSP_OK)
        s = write_peaks(dir, x, n);
    if (s == DSP_OK)
        s = write_tracks(dir, x, n, fs);
    free(x);
    return s;
}

int main(int argc, char **argv)
{
    return refgen_main(argc, argv, "05", write_all);
}
