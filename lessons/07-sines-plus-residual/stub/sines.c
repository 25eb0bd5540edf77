/*
 * Lesson 07, Part 1 — Sinusoids by overlap-add
 *
 * Implement sines_ex(): rebuild the sinusoids of every frame and cross-fade
 * from frame to frame. Frame k is centred on sample c = k*hop and its
 * sinusoids (freq Hz, amp linear, phase radians AT THE CENTRE) are spread
 * over c - hop .. c + hop - 1 with a Hann-shaped weight:
 *     for n = -hop .. hop-1, 0 <= c + n < len:
 *         y[c + n] += w(n) * sum_s amp_s cos(2 pi freq_s n / fs + phase_s)
 *     w(n) = 0.5 + 0.5 cos(pi n / hop)
 * Two neighbouring weights add to exactly 1, so a steady sinusoid comes
 * back exactly. The last frame has no successor: its w(n) is 1 for n >= 0.
 * A frequency <= 0 is an empty slot: skip it.
 *
 * freq, amp, phase  n_frames rows of n_sines values (row k = frame k,
 *                   element [k][s] at k * n_sines + s)
 * n_frames          must be len/hop + 1 (the STFT's framing)
 * hop >= 1, fs > 0; y output, len samples (start from zeros)
 * Returns DSP_OK, or DSP_EINVAL (hop 0, fs <= 0, n_frames != len/hop + 1).
 *
 * EXAMPLE  fs 8, 1 Hz, amplitude 1:
 *          hop 4, len 8 (frames at 0, 4, 8), only in frame 0, phase 0
 *            ->  y = {1, 0.603553, 0, -0.103553, 0, 0, 0, 0}
 *          hop 2, len 4 (frames at 0, 2, 4), in all frames with phases
 *          0, pi/2, pi (its phase at each centre)
 *            ->  y = cos(2 pi i / 8) = {1, 0.707107, 0, -0.707107}
 *   The grader allows 1e-12 here and 1e-10 on 0.5 s of two sinusoids
 *   (the cosine of a phase near 4000 rad loses ~1e-12).
 * HINT  use signed arithmetic for n (or loop over i from max(c - hop, 0));
 *       size_t c - hop wraps around below 0.
 * CHECK make grade LESSON=07 ONLY=sines
 */
#include <math.h>

#include "exercise.h"

int sines_ex(const double *freq, const double *amp, const double *phase, size_t n_frames,
             size_t n_sines, size_t hop, double fs, double *y, size_t len)
{
    /* YOUR CODE HERE */
    (void)freq;
    (void)amp;
    (void)phase;
    (void)n_frames;
    (void)n_sines;
    (void)hop;
    (void)fs;
    (void)y;
    (void)len;
    return DSP_ETODO;
}
