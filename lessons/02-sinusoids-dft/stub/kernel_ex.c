/*
 * Lesson 02, Part 2 — The complex exponential of bin k
 *
 * The DFT compares a signal with one complex exponential per bin. Ours
 * (the course's convention, with a MINUS sign) is
 *     s[m] = exp(-j*2*pi*k*m/n) = cos(2*pi*k*m/n) - j*sin(2*pi*k*m/n),
 *     m = 0 .. n-1
 * It turns k times clockwise around the unit circle in n samples.
 *
 * k  bin index (any k >= 0; k and k + n give the same s)
 * n  length, > 0                s  output, n complex values, allocated by the caller
 * Returns DSP_OK, or DSP_EINVAL when n == 0.
 *
 * EXAMPLE  k 1, n 4  ->  s = {1, -j, -1, +j}
 *          k 0       ->  all ones;  k = n/2  ->  {1, -1, 1, -1, ...}
 *   You may see 6.1e-17 - 1j instead of -1j: rounding noise; the grader
 *   allows 1e-12 on the examples and 1e-9 on random k and n.
 * HINT  k*m/n with size_t operands is integer division: 1*1/4 == 0.
 *       Write the complex value as cos(a) + I * sin(a) (<complex.h>), or cexp(I * a).
 * CHECK make grade LESSON=02 ONLY=kernel
 */
#include "exercise.h"

int gen_kernel_ex(size_t k, size_t n, double complex *s)
{
    /* YOUR CODE HERE */
    (void)k;
    (void)n;
    (void)s;
    return DSP_ETODO;
}
