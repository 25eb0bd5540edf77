/*
 * Lesson 01, Part 4 — Downsampling (and aliasing)
 *
 * Implement downsample_ex(): keep one sample out of every factor,
 * starting with the first:
 *     y[m] = x[m * factor],   m = 0 .. ny-1,   ny = ceil(n / factor)
 * The new sample rate is fs / factor. No low-pass filter is applied first,
 * so anything above the new Nyquist frequency fs / (2 * factor) folds back
 * ("aliases") to a lower frequency: see the README.
 *
 * x       input, n samples          factor  >= 1 (1 copies x)
 * y       output, room for ceil(n / factor) samples, allocated by the caller
 * ny      output, the number of samples written
 * Returns DSP_OK, or DSP_EINVAL when factor == 0.
 *
 * EXAMPLE  x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, factor 3  ->  y = {0, 3, 6, 9}, ny = 4
 *          the same x, factor 4                        ->  y = {0, 4, 8},    ny = 3
 *   Copies are exact: the grader expects exactly these values.
 * HINT  ceil(n / factor) in integers is (n + factor - 1) / factor.
 * CHECK make grade LESSON=01 ONLY=downsample
 */
#include "exercise.h"

int downsample_ex(const double *x, size_t n, size_t factor, double *y, size_t *ny)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)n;
    (void)factor;
    (void)y;
    (void)ny;
    return DSP_ETODO;
}
