/*
 * Lesson 01, Parts 2 and 3 — Louder, softer, normalised
 *
 * Part 2. Implement scale_ex(): multiply every sample by a gain.
 *     y[i] = gain * x[i],   i = 0..n-1
 * x  input, n samples        gain  a finite number (2 = 6.02 dB louder)
 * y  output, n samples, allocated by the caller (y may be the same array as x)
 * Returns DSP_OK, or DSP_EINVAL when gain is NaN or infinite.
 *
 * EXAMPLE  x = {0.5, -0.25, 0}, gain 2  ->  y = {1, -0.5, 0}
 * CHECK make grade LESSON=01 ONLY=scale
 */
#include "exercise.h"

int scale_ex(const double *x, size_t n, double gain, double *y)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)n;
    (void)gain;
    (void)y;
    return DSP_ETODO;
}

/*
 * Part 3. Implement normalize_ex(): scale x so that its loudest sample
 * reaches exactly target ("peak normalisation"):
 *     peak  = max_i |x[i]|
 *     *gain = target / peak
 *     y[i]  = *gain * x[i]
 * x  input, n samples (n > 0)     target  wanted peak, 0 < target <= 1
 * y  output, n samples (may be x) gain    output, the factor used
 * Returns DSP_OK, or DSP_EINVAL when n == 0, target is outside (0, 1], or
 * x is all zeros (silence has no peak to scale).
 *
 * EXAMPLE  x = {0.1, -0.4, 0.2}, target 0.8  ->  gain 2, y = {0.2, -0.8, 0.4}
 *   The grader allows 1e-15 relative (a few units in the last bit):
 *   0.8 / 0.4 may round differently from 2 in the last bit, nothing more.
 * HINT  The peak is the largest ABSOLUTE value: -0.4 counts as 0.4.
 *       You may call your scale_ex().
 * CHECK make grade LESSON=01 ONLY=normalize
 */
int normalize_ex(const double *x, size_t n, double target, double *y, double *gain)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)n;
    (void)target;
    (void)y;
    (void)gain;
    return DSP_ETODO;
}
