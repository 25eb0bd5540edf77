/*
 * Lesson 10, Part 3 — Summarising a sound
 *
 * A classifier wants one vector per sound, but a sound is many frames (of
 * MFCCs, of descriptors). Summarise each column over time by its mean
 * (the typical value) and its standard deviation (how much it moves):
 *
 *     summary[j]          = mean_j = (1/T) sum_t F[t][j]
 *     summary[n_cols + j] = sqrt( (1/T) sum_t (F[t][j] - mean_j)^2 )
 *
 * with T = n_frames (the POPULATION standard deviation, numpy's default).
 *
 * F        n_frames >= 1 rows of n_cols >= 1 values, row-major F[t * n_cols + j]
 * summary  2 * n_cols values: the means, then the standard deviations
 * DSP_EINVAL if n_frames or n_cols is 0.
 *
 * EXAMPLE  F = {1, 10,
 *               2, 20,
 *               6, 30}  ->  summary = {3, 20, 2.1602469, 8.1649658}
 *          (sqrt(14/3) and sqrt(200/3)).
 *   The grader allows 1e-9 relative.
 * HINT  Dividing by T - 1 (the sample std) gives 2.6457513 and 10: close,
 *       but not this convention. Two passes (mean first, then the squared
 *       deviations) avoid the cancellation of sum(x^2) - T mean^2.
 * CHECK make grade LESSON=10 ONLY=summary
 */
#include <math.h>

#include "exercise.h"

int summary_ex(const double *F, size_t n_frames, size_t n_cols, double *summary)
{
    /* YOUR CODE HERE */
    (void)F;
    (void)n_frames;
    (void)n_cols;
    (void)summary;
    return DSP_ETODO;
}
