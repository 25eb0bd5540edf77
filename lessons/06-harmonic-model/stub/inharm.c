/*
 * Lesson 06, Part 4 — Inharmonicity
 *
 * Implement inharm_ex(): how far are a sound's partials from exact
 * multiples of f0? The course's measure (its A6 assignment) for frame l:
 *     I[l] = (1 / R_l) * sum_h |hfreq[l][h] - h * f0[l]| / h
 * and the result is the mean of I[l] over the frames. Dividing by h makes
 * a deviation of the 10th harmonic count as much as a tenth of it at the
 * 1st. Here the sum and R_l cover only the harmonics found
 * (hfreq > 0), and only frames with f0 > 0 and R_l > 0 are averaged.
 *
 * f0      n_frames values, Hz (0 = unvoiced)
 * hfreq   n_frames rows of n_harm values, Hz (0 = not found);
 *         harmonic h of frame l is hfreq[l * n_harm + h - 1]
 * inharm  output, Hz
 * Returns DSP_OK, or DSP_EINVAL when no frame counts.
 *
 * EXAMPLE  f0 = {100, 0, 200, 200}, n_harm 3,
 *          hfreq = {101, 0, 297,   50, 60, 70,   0, 0, 0,   0, 406, 600}:
 *            frame 0: (1/1 + 3/3) / 2 = 1;  frame 1 unvoiced;
 *            frame 2 has no harmonic;  frame 3: (6/2 + 0/3) / 2 = 1.5
 *            ->  inharm = (1 + 1.5) / 2 = 1.25
 *          a stiff string f_h = h f0 sqrt(1 + B h^2), f0 100, B 1e-4,
 *          10 harmonics  ->  0.19218 Hz
 *   The grader allows 1e-12 relative: a few dozen additions.
 * HINT  count frames and harmonics as you go; h starts at 1, not 0.
 * CHECK make grade LESSON=06 ONLY=inharm
 */
#include "exercise.h"

int inharm_ex(const double *f0, const double *hfreq, size_t n_frames, size_t n_harm,
              double *inharm)
{
    /* YOUR CODE HERE */
    (void)f0;
    (void)hfreq;
    (void)n_frames;
    (void)n_harm;
    (void)inharm;
    return DSP_ETODO;
}
