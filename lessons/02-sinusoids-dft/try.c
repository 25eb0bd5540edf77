/*
 * try.c — lesson 02 on a real sound (`make try LESSON=02 ONLY=...`, see
 * lessons/try.h). The "try:" lines name each exercise, its file and its
 * default sound:
 *
 * try: sine sine_ex.c sounds/piano-a4.wav
 * try: dft dft_ex.c sounds/piano-a4.wav
 * try: idft idft_ex.c sounds/piano-a4.wav
 * try: mag_db mag_db_ex.c sounds/piano-a4.wav
 *
 * sine: one second of 0.5 cos(2 pi 440 t) at the sound's sample rate, to
 * listen to beside the piano's A4 (yours.wav).
 * dft, mag_db: a Hann-windowed frame of 1024 samples from the middle of the
 * sound; your spectrum beside the library's (dsplab plot dft).
 * idft: the library's DFT of that frame back through your idft_ex.
 */
#include "try.h"

#include <complex.h>
#include <float.h>

#include <dsplab/dft.h>
#include <dsplab/gen.h>
#include <dsplab/window.h>

#include "exercise.h"

#pragma weak gen_sine_ex
#pragma weak dft_ex
#pragma weak idft_ex
#pragma weak mag_db_ex

#define N 1024
#define NB (N / 2 + 1)

/* mX (dB) and pX as `dsplab dft` writes them: bin freq_hz mag_db phase_rad */
static void write_dft(const char *name, const double *mX, const double complex *X)
{
    static double rows[NB * 4];
    for (size_t k = 0; k < NB; k++) {
        rows[4 * k] = (double)k;
        rows[4 * k + 1] = (double)k * try_fs / N;
        rows[4 * k + 2] = mX[k];
        rows[4 * k + 3] = carg(X[k]);
    }
    char fs[32];
    snprintf(fs, sizeof fs, "%g", try_fs);
    const char *h[] = {"sample_rate", fs, "window", "hann", "window_size", "1024", "fft_size",
                       "1024", "bins", "513", "fields", "bin freq_hz mag_db phase_rad", NULL};
    try_write_matrix(name, rows, NB, 4, h);
}

static double db(double complex v)
{
    return 20 * log10(fmax(cabs(v), DBL_MIN));
}

int main(int argc, char **argv)
{
    const char *ex = try_start(argc, argv);
    size_t len;
    double *x = try_read(&len);
    if (len < N)
        try_fail("%s: shorter than %d samples", try_sound, N);
    static double frame[N], w[N], mX[NB], emX[NB];
    static double complex X[N], eX[N], y[N];
    dsp_window_fill(DSP_WIN_HANN, 0, DSP_WINDOW_PERIODIC, w, N);
    size_t start = (len - N) / 2;
    for (size_t i = 0; i < N; i++)
        frame[i] = x[start + i] * w[i];
    dsp_dft_real(frame, N, eX);
    for (size_t k = 0; k < NB; k++)
        emX[k] = db(eX[k]);
    printf("the frame: samples %zu..%zu of %s (%.3f s), Hann window\n", start, start + N - 1,
           try_sound, (double)start / try_fs);

    if (strcmp(ex, "sine") == 0) {
        if (!gen_sine_ex)
            try_fail("gen_sine_ex is not in the file");
        size_t n = (size_t)try_fs;
        double *s = malloc(n * sizeof *s), *e = malloc(n * sizeof *e);
        if (!s || !e)
            try_fail("out of memory");
        try_status(gen_sine_ex(0.5, 440.0, 0.0, try_fs, s, n), "gen_sine_ex");
        dsp_gen_sine(0.5, 440.0, 0.0, try_fs, e, n);
        try_write_wav("yours.wav", s, n);
        try_write_compare("x (0.5 cos(2 pi 440 t), the first 200 samples)", s, e, 1, 200);
        try_plot("waveform", try_path("yours.wav"), "yours-waveform.png",
                 "your gen_sine_ex: 440 Hz, 1 s (listen beside the piano's A4)", "--to",
                 "0.01", NULL);
        free(s), free(e);
    } else if (strcmp(ex, "dft") == 0) {
        if (!dft_ex)
            try_fail("dft_ex is not in the file");
        try_status(dft_ex(frame, N, X), "dft_ex");
        for (size_t k = 0; k < NB; k++)
            mX[k] = db(X[k]);
        write_dft("yours.txt", mX, X);
        write_dft("library.txt", emX, eX);
        try_write_compare("|X| (dB)", mX, emX, 1, NB);
        try_plot("dft", try_path("yours.txt"), "yours-dft.png", "your dft_ex of the frame", NULL);
        try_plot("dft", try_path("library.txt"), "library-dft.png", "the library's DFT", NULL);
    } else if (strcmp(ex, "mag_db") == 0) {
        if (!mag_db_ex)
            try_fail("mag_db_ex is not in the file");
        size_t nb = 0;
        try_status(mag_db_ex(eX, N, mX, &nb), "mag_db_ex");
        if (nb != NB)
            try_fail("mag_db_ex said n_bins = %zu, expected %d", nb, NB);
        write_dft("yours.txt", mX, eX);
        write_dft("library.txt", emX, eX);
        try_write_compare("mX (dB)", mX, emX, 1, NB);
        try_plot("dft", try_path("yours.txt"), "yours-dft.png", "your mag_db_ex of the frame",
                 NULL);
        try_plot("dft", try_path("library.txt"), "library-dft.png", "the library's", NULL);
    } else if (strcmp(ex, "idft") == 0) {
        if (!idft_ex)
            try_fail("idft_ex is not in the file");
        try_status(idft_ex(eX, N, y), "idft_ex");
        static double re[N];
        for (size_t i = 0; i < N; i++)
            re[i] = creal(y[i]);
        try_write_wav("yours.wav", re, N);
        try_write_compare("x (real part of your idft_ex of the library's DFT, against the frame)",
                          re, frame, 1, N);
        try_plot("waveform", try_path("yours.wav"), "yours-waveform.png",
                 "your idft_ex of the frame's DFT", NULL);
    } else {
        try_fail("no exercise \"%s\" in lesson 02's try.c (sine, dft, idft, mag_db)", ex);
    }
    try_plot("feedback", try_path("compare.txt"), "compare.png", "yours against the library's",
             NULL);
    free(x);
    return 0;
}
