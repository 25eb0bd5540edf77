/*
 * Lesson 09, Part 3 — Sine model: frequency scaling
 *
 * Implement sinefreq_ex(): multiply every sinusoid's frequency by a factor
 * that may change over time (the course's sineFreqScaling). The factor of
 * frame k is the linear interpolation at k of the breakpoints
 * (at_frame[i], factor[i]):
 *     c(k) = factor[0]                               k <= at_frame[0]
 *            factor[i] + (k - at_frame[i]) * (factor[i+1] - factor[i])
 *                        / (at_frame[i+1] - at_frame[i])
 *                                                    at_frame[i] <= k <= at_frame[i+1]
 *            factor[n_points-1]                      beyond the last point
 *     out_freq[k][s] = c(k) * freq[k][s],  out_mag[k][s] = mag[k][s]
 * An empty slot (freq 0) stays empty; a sinusoid pushed to fs/2 or above
 * would alias, so it becomes empty too (freq 0, mag 0).
 *
 * freq, mag, out_freq, out_mag  n_frames x n_sines (row k = frame k)
 * at_frame (strictly increasing), factor (> 0): n_points >= 1 values
 * Returns DSP_OK, or DSP_EINVAL (n_points 0, a factor <= 0, at_frame not
 * increasing, fs <= 0).
 *
 * EXAMPLE  2 frames x 2 sines, fs 1000, freq = {100, 300, 300, 200},
 *          mag = {-6, -12, -20, -30}, breakpoints (0, 1) and (1, 2)
 *            ->  out_freq = {100, 300, 0, 400}, out_mag = {-6, -12, 0, -30}
 *          (frame 1 doubles: 600 Hz >= 500 Hz is dropped)
 *   The grader allows 1e-9 Hz.
 * HINT  interpolate at the frame index k itself, as a double.
 * CHECK make grade LESSON=09 ONLY=sinefreq
 */
#include "exercise.h"

int sinefreq_ex(const double *freq, const double *mag, size_t n_frames, size_t n_sines,
                const double *at_frame, const double *factor, size_t n_points, double fs,
                double *out_freq, double *out_mag)
{
    /* YOUR CODE HERE */
    (void)freq;
    (void)mag;
    (void)n_frames;
    (void)n_sines;
    (void)at_frame;
    (void)factor;
    (void)n_points;
    (void)fs;
    (void)out_freq;
    (void)out_mag;
    return DSP_ETODO;
}
