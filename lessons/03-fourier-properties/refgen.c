/*
 * refgen.c — writes data/reference/03-fourier-properties/ from the
 * reference solution. Usage (from the repository root): refgen <output folder>
 *   suppress_piano.txt  suppress_ex() on 2001 samples of
 *                       data/sounds/piano-a4.wav from sample 22050 (0.5 s),
 *                       periodic Blackman window, N = 4096, band 0..600 Hz:
 *                       one output sample y[i] per row
 * The parameters must match suite.c's PIANO_* constants.
 */
#include <stdio.h>
#include <stdlib.h>

#include <dsplab/audio.h>
#include <dsplab/datafile.h>
#include <dsplab/window.h>

#include "exercise.h"
#include "refgen.h"

#define PIANO_FILE "data/sounds/piano-a4.wav"
#define PIANO_START 22050
#define PIANO_M 2001
#define PIANO_N 4096
#define PIANO_F_LOW 0.0
#define PIANO_F_HIGH 600.0

static int write_suppress(const char *dir)
{
    double *x = NULL, fs = 0, w[PIANO_M], y[PIANO_M];
    size_t n = 0;
    int s = dsp_audio_read_mono(PIANO_FILE, &x, &n, &fs);
    if (s != DSP_OK)
        return s;
    if (n < PIANO_START + PIANO_M) {
        free(x);
        return dsp_fail(DSP_EFORMAT, "%s: %zu samples, too short", PIANO_FILE, n);
    }
    dsp_window_fill(DSP_WIN_BLACKMAN, 0, DSP_WINDOW_PERIODIC, w, PIANO_M);
    s = suppress_ex(x + PIANO_START, PIANO_M, w, PIANO_N, fs, PIANO_F_LOW, PIANO_F_HIGH, y);
    free(x);
    if (s != DSP_OK)
        return dsp_fail(s, "suppress_ex failed (%d)", s);
    struct dsp_matfile *f = refgen_open(dir, "suppress_piano.txt", 1,
                                        "03-fourier-properties", "suppress_ex");
    if (f == NULL)
        return DSP_EIO;
    dsp_matfile_header(f, "file", "%s", PIANO_FILE);
    dsp_matfile_header(f, "start", "%d", PIANO_START);
    dsp_matfile_header(f, "window", "blackman periodic, M = %d", PIANO_M);
    dsp_matfile_header(f, "fft_size", "%d", PIANO_N);
    dsp_matfile_header(f, "band_hz", "%g %g", PIANO_F_LOW, PIANO_F_HIGH);
    for (size_t i = 0; i < PIANO_M; i++)
        dsp_matfile_write_row(f, &y[i]);
    return dsp_matfile_commit(f);
}

int main(int argc, char **argv)
{
    return refgen_main(argc, argv, "03", write_suppress);
}
