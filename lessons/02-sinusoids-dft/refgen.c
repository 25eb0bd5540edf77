/*
 * refgen.c — writes data/reference/02-sinusoids-dft/ from the reference
 * solution. Usage (from the repository root): refgen <output folder>
 *   piano-dft.txt  dft_ex() of 256 samples of data/sounds/piano-a4.wav from
 *                  sample 4410 (0.1 s): 256 rows "re im"
 *   piano-mx.txt   mag_db_ex() of that DFT: 129 rows, dB
 */
#include <stdio.h>
#include <stdlib.h>

#include <dsplab/audio.h>
#include <dsplab/datafile.h>

#include "exercise.h"

#define PIANO "data/sounds/piano-a4.wav"
#define START 4410
#define N 256

static struct dsp_matfile *open_ref(const char *dir, const char *name, size_t cols)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    struct dsp_matfile *f = dsp_matfile_create(path, cols);
    if (f != NULL) {
        dsp_matfile_header(f, "file", "%s", PIANO);
        dsp_matfile_header(f, "start_sample", "%d", START);
        dsp_matfile_header(f, "n", "%d", N);
    }
    return f;
}

int main(int argc, char **argv)
{
    double *x = NULL, fs = 0, mX[N / 2 + 1];
    double complex X[N];
    size_t n = 0, nb = 0;
    if (argc != 2) {
        fprintf(stderr, "usage: %s <output folder>\n", argv[0]);
        return 2;
    }
    if (dsp_audio_read_mono(PIANO, &x, &n, &fs) != DSP_OK || n < START + N) {
        fprintf(stderr, "refgen 02: %s\n", dsp_last_error());
        free(x);
        return 1;
    }
    int ok = dft_ex(x + START, N, X) == DSP_OK && mag_db_ex(X, N, mX, &nb) == DSP_OK;
    free(x);

    struct dsp_matfile *f = ok ? open_ref(argv[1], "piano-dft.txt", 2) : NULL;
    if (f != NULL) {
        dsp_matfile_header(f, "dsplab", "02-sinusoids-dft dft_ex, columns: re im");
        for (size_t k = 0; k < N; k++) {
            double row[2] = {creal(X[k]), cimag(X[k])};
            dsp_matfile_write_row(f, row);
        }
        ok = dsp_matfile_commit(f) == DSP_OK;
    } else {
        ok = 0;
    }
    f = ok ? open_ref(argv[1], "piano-mx.txt", 1) : NULL;
    if (f != NULL) {
        dsp_matfile_header(f, "dsplab", "02-sinusoids-dft mag_db_ex, dB, floor 20*log10(DBL_MIN)");
        for (size_t k = 0; k < nb; k++)
            dsp_matfile_write_row(f, &mX[k]);
        ok = dsp_matfile_commit(f) == DSP_OK;
    } else {
        ok = 0;
    }
    if (!ok)
        fprintf(stderr, "refgen 02: %s\n", dsp_last_error());
    return ok ? 0 : 1;
}
