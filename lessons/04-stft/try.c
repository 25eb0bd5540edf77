/*
 * try.c — lesson 04 on a real sound (`make try LESSON=04 ONLY=...`, see
 * lessons/try.h). The "try:" lines name each exercise, its file and its
 * default sound:
 *
 * try: stft stft.c sounds/flute-a5.wav
 * try: istft istft.c sounds/flute-a5.wav
 *
 * stft: Hamming M = 801, N = 1024, H = 256 over the whole sound; yours and
 * the library's mX as spectrograms, their difference as heat maps.
 * istft: the library's STFT of the sound (same parameters) resynthesised by
 * your istft_ex: yours.wav to listen to, and the signal against the sound.
 */
#include "try.h"

#include <dsplab/stft.h>
#include <dsplab/window.h>

#include "exercise.h"

#pragma weak stft_ex
#pragma weak istft_ex

#define M 801
#define N 1024
#define H 256

static void stft_headers(const char **h, char *fs, char *frames)
{
    const char *v[] = {"sample_rate", fs,   "window",    "hamming", "window_size", "801",
                       "fft_size",    "1024", "hop_size", "256",     "units",       "db",
                       "frames",      frames, NULL};
    memcpy(h, v, sizeof v);
}

int main(int argc, char **argv)
{
    const char *ex = try_start(argc, argv);
    size_t len;
    double *x = try_read(&len);
    double w[M];
    if (dsp_window_fill(DSP_WIN_HAMMING, 0, DSP_WINDOW_PERIODIC, w, M) != DSP_OK)
        try_fail("%s", dsp_last_error());
    struct dsp_stft *st = dsp_stft_new(w, M, N, H);
    if (!st)
        try_fail("%s", dsp_last_error());
    size_t frames = len / H + 1, nb = N / 2 + 1;
    double *mX = malloc(frames * nb * sizeof *mX), *pX = malloc(frames * nb * sizeof *pX);
    double *emX = malloc(frames * nb * sizeof *emX), *epX = malloc(frames * nb * sizeof *epX);
    double *y = malloc(len * sizeof *y);
    if (!mX || !pX || !emX || !epX || !y)
        try_fail("out of memory");
    for (size_t k = 0; k < frames; k++)
        dsp_stft_analyze_frame(st, x, len, k, emX + k * nb, epX + k * nb);
    char fs[32], nfr[32];
    snprintf(fs, sizeof fs, "%g", try_fs);
    snprintf(nfr, sizeof nfr, "%zu", frames);
    const char *headers[16];
    stft_headers(headers, fs, nfr);

    if (strcmp(ex, "stft") == 0) {
        if (!stft_ex)
            try_fail("stft_ex is not in the file");
        try_status(stft_ex(x, len, w, M, N, H, mX, pX), "stft_ex");
        try_write_matrix("yours.txt", mX, frames, nb, headers);
        try_write_matrix("library.txt", emX, frames, nb, headers);
        try_write_compare("mX (dB; row = frame, column = bin)", mX, emX, frames, nb);
        try_plot("spectrogram", try_path("yours.txt"), "yours-spectrogram.png",
                 "your stft_ex (Hamming 801, N 1024, H 256)", "--range", "100", NULL);
        try_plot("spectrogram", try_path("library.txt"), "library-spectrogram.png",
                 "the library's STFT (Hamming 801, N 1024, H 256)", "--range", "100", NULL);
    } else if (strcmp(ex, "istft") == 0) {
        if (!istft_ex)
            try_fail("istft_ex is not in the file");
        try_status(istft_ex(emX, epX, frames, w, M, N, H, y, len), "istft_ex");
        try_write_wav("yours.wav", y, len);
        const char *h[] = {"sample_rate", fs, NULL};
        try_write_matrix("yours.txt", y, len, 1, h);
        try_write_matrix("library.txt", x, len, 1, h);
        try_write_compare("y (your resynthesis against the sound itself)", y, x, 1, len);
        try_plot("waveform", try_path("yours.wav"), "yours-waveform.png",
                 "your istft_ex of the library's STFT", NULL);
        try_plot("waveform", try_sound, "library-waveform.png", "the sound", NULL);
    } else {
        try_fail("no exercise \"%s\" in lesson 04's try.c (stft, istft)", ex);
    }
    try_plot("feedback", try_path("compare.txt"), "compare.png",
             "yours against the library's", NULL);
    dsp_stft_free(st);
    free(x), free(mX), free(pX), free(emX), free(epX), free(y);
    return 0;
}
