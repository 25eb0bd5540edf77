/*
 * Lesson 12, Part 4 — a streaming log-mel front end, any sizes
 *
 * Core ML's SoundAnalysisPreprocessing layer computes VGGish's log-mel
 * frames, but only at its own fixed sizes. Yours takes any: each frame your
 * framer (Part 3) completes goes through VGGish's steps
 *
 *   w[j]   = 0.5 - 0.5 cos(2 pi j / win),         j = 0 .. win-1  (periodic Hann)
 *   buf    = frame * w, then n_fft - win zeros
 *   X      = FFT of buf (n_fft points), |X[b]|,    b = 0 .. n_fft/2
 *   mel[m] = sum_b bank[m * (n_fft/2 + 1) + b] * |X[b]|
 *   out[m] = ln(mel[m] + 0.01),                    m = 0 .. n_mels-1
 *
 * and its n_mels values go to the next row of logmel. You may use
 * dsplab/fft.h for the FFT (dsp_fft_new once per call, dsp_fft_forward_real
 * per frame, dsp_fft_free before returning).
 *
 * Returns DSP_OK, or DSP_EINVAL when win or hop is 0, cap < win,
 * n_fft < win, n_mels is 0, an array is NULL, or more than max_frames
 * frames would complete.
 *
 * EXAMPLE  win = hop = n_fft = 4, n_mels = 1, bank = {0, 1, 0} (bin 1 alone),
 *   pushed = 0, x = {1, 1, 1, 1}: w = {0, 0.5, 1, 0.5}, buf = {0, 0.5, 1, 0.5},
 *   X = {2, -1, 0}, so *n_frames = 1 and logmel = {ln(1.01)} = {0.009950330853168092}
 * HINT  cos(2 pi j / win) with j and win as size_t: convert to double before
 *       dividing, or 2 * pi * j / win is fine but j / win alone is 0.
 * CHECK make grade LESSON=12 ONLY=stream_mel
 */
#include "exercise.h"

#include <dsplab/fft.h>

#include <complex.h>
#include <math.h>
#include <stdlib.h>

int stream_mel_ex(double *ring, size_t cap, size_t pushed, const double *x, size_t n,
                  size_t win, size_t hop, size_t n_fft, const double *bank, size_t n_mels,
                  double *logmel, size_t max_frames, size_t *n_frames)
{
    /* YOUR CODE HERE */
    (void)ring;
    (void)cap;
    (void)pushed;
    (void)x;
    (void)n;
    (void)win;
    (void)hop;
    (void)n_fft;
    (void)bank;
    (void)n_mels;
    (void)logmel;
    (void)max_frames;
    (void)n_frames;
    return DSP_ETODO;
}
