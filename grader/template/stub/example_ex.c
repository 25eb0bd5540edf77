/*
 * Lesson @NN@, Part 1 — an example exercise (replace it)
 *
 * Implement example_ex(): y[i] = gain * x[i] for i = 0..n-1.
 *
 * x  input, n samples            y  output, n samples, allocated by the caller
 * Returns DSP_OK, or DSP_EINVAL when x or y is NULL.
 *
 * EXAMPLE  x = {0, 1, 2, 3}, gain = 2  ->  y = {0, 2, 4, 6}
 * CHECK make grade LESSON=@NN@ ONLY=example
 */
#include "exercise.h"

int example_ex(const double *x, size_t n, double gain, double *y)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)n;
    (void)gain;
    (void)y;
    return DSP_ETODO;
}
