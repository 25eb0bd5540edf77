/*
 * refgen.c — writes data/reference/04-stft/ from the reference solution.
 * Usage (from the repository root): refgen <output folder>
 *   lobe_<window>_<M>.txt        lobe_ex(): the main lobe in dB, one value
 *   lobe_<window>_<param>_<M>.txt   per row, centred on 0 Hz (N = 8M);
 *                                rounding noise below -200 dB written as -200
 *   envelope_speech.txt  envelope_ex() of data/sounds/speech-front-center.wav,
 *                        periodic Blackman M = 513, N = 1024, H = 128: one
 *                        frame per row, "low high" in dB
 *   odf_speech.txt       odf_ex() of those two envelopes: "low high" per row
 * The parameters must match suite.c.
 */
#include <stdio.h>
#include <stdlib.h>

#include <dsplab/audio.h>
#include <dsplab/datafile.h>
#include <dsplab/window.h>

#include "exercise.h"
#include "refgen.h"

#define SPEECH "data/sounds/speech-front-center.wav"
#define ENV_M 513
#define ENV_N 1024
#define ENV_H 128
#define LOBE_NOISE_DB (-200.0) /* suite.c's DB_NOISE */

static int write_lobe(const char *dir, const char *file, enum dsp_window type, double param,
                      size_t m)
{
    size_t len = 0;
    double *lobe = malloc(8 * m * sizeof *lobe);
    if (lobe == NULL)
        return DSP_ENOMEM;
    int s = lobe_ex(type, param, m, lobe, &len);
    if (s != DSP_OK) {
        free(lobe);
        return dsp_fail(s, "lobe_ex(%s, %g, %zu) failed (%d)", dsp_window_name(type), param, m, s);
    }
    struct dsp_matfile *f = refgen_open(dir, file, 1, "04-stft", "lobe_ex");
    if (f == NULL) {
        free(lobe);
        return DSP_EIO;
    }
    dsp_matfile_header(f, "window", "%s periodic", dsp_window_name(type));
    dsp_matfile_header(f, "param", "%g", param);
    dsp_matfile_header(f, "window_size", "%zu", m);
    dsp_matfile_header(f, "fft_size", "%zu", 8 * m);
    dsp_matfile_header(f, "units", "dB, unit-sum window (0 dB at 0 Hz)");
    dsp_matfile_header(f, "noise", "values below %g dB (rounding noise of exact zeros) are "
                                   "written as %g",
                       LOBE_NOISE_DB, LOBE_NOISE_DB);
    for (size_t i = 0; i < len; i++) {
        /* the noise differs between FFT code paths and machines; the suite
         * only asks that it stays below this level */
        double v = lobe[i] < LOBE_NOISE_DB ? LOBE_NOISE_DB : lobe[i];
        dsp_matfile_write_row(f, &v);
    }
    free(lobe);
    return dsp_matfile_commit(f);
}

static int write_pairs(const char *dir, const char *file, const char *what, const double *a,
                       const double *b, size_t n)
{
    struct dsp_matfile *f = refgen_open(dir, file, 2, "04-stft", what);
    if (f == NULL)
        return DSP_EIO;
    dsp_matfile_header(f, "file", "%s", SPEECH);
    dsp_matfile_header(f, "window", "blackman periodic, M = %d", ENV_M);
    dsp_matfile_header(f, "fft_size", "%d", ENV_N);
    dsp_matfile_header(f, "hop", "%d", ENV_H);
    dsp_matfile_header(f, "columns_are", "low (0 < f < 3000 Hz) high (3000 < f < 10000 Hz), dB");
    for (size_t k = 0; k < n; k++) {
        double row[2] = {a[k], b[k]};
        dsp_matfile_write_row(f, row);
    }
    return dsp_matfile_commit(f);
}

static int write_speech(const char *dir)
{
    double *x = NULL, fs = 0, w[ENV_M];
    size_t n = 0;
    int s = dsp_audio_read_mono(SPEECH, &x, &n, &fs);
    if (s != DSP_OK)
        return s;
    size_t frames = n / ENV_H + 1;
    double *lo = malloc(frames * sizeof *lo), *hi = malloc(frames * sizeof *hi);
    double *olo = malloc(frames * sizeof *olo), *ohi = malloc(frames * sizeof *ohi);
    s = DSP_ENOMEM;
    if (!lo || !hi || !olo || !ohi)
        goto done;
    dsp_window_fill(DSP_WIN_BLACKMAN, 0, DSP_WINDOW_PERIODIC, w, ENV_M);
    s = envelope_ex(x, n, fs, w, ENV_M, ENV_N, ENV_H, lo, hi);
    if (s == DSP_OK)
        s = odf_ex(lo, frames, olo);
    if (s == DSP_OK)
        s = odf_ex(hi, frames, ohi);
    if (s != DSP_OK) {
        s = dsp_fail(s, "envelope_ex / odf_ex failed (%d)", s);
        goto done;
    }
    s = write_pairs(dir, "envelope_speech.txt", "envelope_ex", lo, hi, frames);
    if (s == DSP_OK)
        s = write_pairs(dir, "odf_speech.txt", "odf_ex", olo, ohi, frames);
done:
    free(x);
    free(lo);
    free(hi);
    free(olo);
    free(ohi);
    return s;
}

static int write_all(const char *d)
{
    int s = write_lobe(d, "lobe_blackmanharris_100.txt", DSP_WIN_BLACKMANHARRIS, 0, 100);
    if (s == DSP_OK)
        s = write_lobe(d, "lobe_hann_100.txt", DSP_WIN_HANN, 0, 100);
    if (s == DSP_OK)
        s = write_lobe(d, "lobe_hamming_120.txt", DSP_WIN_HAMMING, 0, 120);
    if (s == DSP_OK)
        s = write_lobe(d, "lobe_blackman_63.txt", DSP_WIN_BLACKMAN, 0, 63);
    if (s == DSP_OK)
        s = write_lobe(d, "lobe_kaiser_8_50.txt", DSP_WIN_KAISER, 8.0, 50);
    if (s == DSP_OK)
        s = write_lobe(d, "lobe_gaussian_6_64.txt", DSP_WIN_GAUSSIAN, 6.0, 64);
    if (s == DSP_OK)
        s = write_speech(d);
    return s;
}

int main(int argc, char **argv)
{
    return refgen_main(argc, argv, "04", write_all);
}
