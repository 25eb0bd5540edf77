/*
 * refgen.c — writes data/reference/11-fft-and-speed/ from the reference
 * solution. Usage (from the repository root, run by `make references`):
 * refgen <output folder>
 *   fft_piano.txt    fft_ex() of 2048 complex values: real parts are
 *                    data/sounds/piano-a4.wav from sample 22050, imaginary
 *                    parts the 2048 samples after those; one bin per row, "re im"
 *   rfft_flute.txt   rfft_ex() of 4096 samples of data/sounds/flute-a5.wav
 *                    from sample 22050: bins 0 .. 2048, one per row, "re im"
 *   winmag_piano.txt winmag_ex() on the 1025 bins of the FFT (fft.h) of 2048
 *                    piano samples from 22050, weighted by a triangle that
 *                    rises from bin 20 to 1 at bin 40 and falls to 0 at bin 60
 * The parameters must match suite.c's PIANO_*, FLUTE_* and WINMAG_* constants.
 */
#include <complex.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <dsplab/audio.h>
#include <dsplab/datafile.h>
#include <dsplab/fft.h>

#include "exercise.h"
#include "refgen.h"

#define LESSON "11-fft-and-speed"
#define PIANO "data/sounds/piano-a4.wav"
#define PIANO_START 22050
#define PIANO_N 2048
#define FLUTE "data/sounds/flute-a5.wav"
#define FLUTE_START 22050
#define FLUTE_N 4096
#define WINMAG_N 2048
#define WINMAG_CENTRE 40
#define WINMAG_HALF 20

static double *read_sound(const char *path, size_t need)
{
    double *x = NULL, fs = 0;
    size_t n = 0;
    if (dsp_audio_read_mono(path, &x, &n, &fs) != DSP_OK)
        return NULL;
    if (n < need) {
        free(x);
        dsp_fail(DSP_EFORMAT, "%s: %zu samples, expected at least %zu", path, n, need);
        return NULL;
    }
    return x;
}

static int write_complex(const char *dir, const char *name, const char *what,
                         const double complex *X, size_t n, const char *input)
{
    struct dsp_matfile *f = refgen_open(dir, name, 2, LESSON, what);
    if (f == NULL)
        return DSP_EIO;
    dsp_matfile_header(f, "input", "%s", input);
    dsp_matfile_header(f, "values", "re im");
    for (size_t k = 0; k < n; k++) {
        double row[2] = {creal(X[k]), cimag(X[k])};
        dsp_matfile_write_row(f, row);
    }
    return dsp_matfile_commit(f);
}

static int write_fft_piano(const char *dir, const double *piano)
{
    static double complex z[PIANO_N], X[PIANO_N];
    for (size_t i = 0; i < PIANO_N; i++)
        z[i] = piano[PIANO_START + i] + I * piano[PIANO_START + PIANO_N + i];
    int s = fft_ex(z, PIANO_N, X);
    if (s != DSP_OK)
        return dsp_fail(s, "fft_ex failed (%d)", s);
    return write_complex(dir, "fft_piano.txt", "fft_ex", X, PIANO_N,
                         PIANO " samples 22050..24097 + j samples 24098..26145, n = 2048");
}

static int write_rfft_flute(const char *dir)
{
    static double complex X[FLUTE_N / 2 + 1];
    double *x = read_sound(FLUTE, FLUTE_START + FLUTE_N);
    if (x == NULL)
        return DSP_EIO;
    int s = rfft_ex(x + FLUTE_START, FLUTE_N, X);
    free(x);
    if (s != DSP_OK)
        return dsp_fail(s, "rfft_ex failed (%d)", s);
    return write_complex(dir, "rfft_flute.txt", "rfft_ex", X, FLUTE_N / 2 + 1,
                         FLUTE " samples 22050..26145, n = 4096");
}

static int write_winmag_piano(const char *dir, const double *piano)
{
    enum { NB = WINMAG_N / 2 + 1 };
    static double complex X[NB];
    static double re[NB], im[NB], w[NB], mag[NB];
    struct dsp_fft *plan = dsp_fft_new(WINMAG_N);
    if (plan == NULL)
        return DSP_ENOMEM;
    dsp_fft_forward_real(plan, piano + PIANO_START, X);
    dsp_fft_free(plan);
    for (size_t k = 0; k < NB; k++) {
        re[k] = creal(X[k]);
        im[k] = cimag(X[k]);
        double d = fabs((double)k - WINMAG_CENTRE) / WINMAG_HALF;
        w[k] = d < 1 ? 1 - d : 0;
    }
    int s = winmag_ex(re, im, w, NB, mag);
    if (s != DSP_OK)
        return dsp_fail(s, "winmag_ex failed (%d)", s);
    struct dsp_matfile *f = refgen_open(dir, "winmag_piano.txt", 1, LESSON, "winmag_ex");
    if (f == NULL)
        return DSP_EIO;
    dsp_matfile_header(f, "input", "%s samples 22050..24097, FFT n = 2048 (fft.h), bins 0..1024",
                       PIANO);
    dsp_matfile_header(f, "weights", "triangle: 0 at bins 20 and 60, 1 at bin 40");
    for (size_t k = 0; k < NB; k++)
        dsp_matfile_write_row(f, &mag[k]);
    return dsp_matfile_commit(f);
}

static int write_all(const char *dir)
{
    double *piano = read_sound(PIANO, PIANO_START + 2 * PIANO_N);
    if (piano == NULL)
        return DSP_EIO;
    int s = write_fft_piano(dir, piano);
    if (s == DSP_OK)
        s = write_winmag_piano(dir, piano);
    free(piano);
    if (s == DSP_OK)
        s = write_rfft_flute(dir);
    return s;
}

int main(int argc, char **argv)
{
    return refgen_main(argc, argv, "11", write_all);
}
