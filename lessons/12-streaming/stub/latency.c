/*
 * Lesson 12, Part 5 — latency
 *
 * A streaming front end answers late by a fixed amount: frame k can only be
 * computed once its last sample has arrived. Its latency is how many
 * samples after k*hop that is:
 *
 *   inside framing (VGGish; centered = 0): the frame starts at k*hop,
 *       so it is complete after k*hop + win samples:  samples = win
 *   librosa's centred framing (centered = 1): the window (win samples) sits
 *       in the middle of an n_fft frame centred on sample k*hop, starting at
 *       k*hop - n_fft/2 + (n_fft - win)/2, so
 *           samples = win + (n_fft - win)/2 - n_fft/2      (integer division)
 *   ms = 1000 * samples / sample_rate
 *
 * The grader measures the latency of dsplab's own streams (lib/include/
 * dsplab/stream.h), one sample at a time, and compares it with yours.
 *
 * Returns DSP_OK, or DSP_EINVAL when win or hop is 0, n_fft < win,
 * sample_rate <= 0, centered is not 0 or 1, or an output is NULL.
 *
 * EXAMPLE  VGGish: win = 400, hop = 160, n_fft = 512, inside, 16000 Hz
 *              ->  samples = 400, ms = 25
 *          librosa: win = n_fft = 2048, hop = 512, centred, 22050 Hz
 *              ->  samples = 1024, ms = 46.439909297052154
 * HINT  win + (n_fft - win)/2 - n_fft/2 is never negative, but compute it in
 *       that order: n_fft/2 first would subtract from a smaller number.
 * CHECK make grade LESSON=12 ONLY=latency
 */
#include "exercise.h"

int latency_ex(size_t win, size_t hop, size_t n_fft, int centered, double sample_rate,
               size_t *samples, double *ms)
{
    /* YOUR CODE HERE */
    (void)win;
    (void)hop;
    (void)n_fft;
    (void)centered;
    (void)sample_rate;
    (void)samples;
    (void)ms;
    return DSP_ETODO;
}
