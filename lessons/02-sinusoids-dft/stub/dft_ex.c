/*
 * Lesson 02, Part 3 — The discrete Fourier transform
 *
 * Implement dft_ex(): given n real samples x[0..n-1], compute
 *     X[k] = sum_{m=0}^{n-1} x[m] * exp(-j*2*pi*k*m/n),   k = 0 .. n-1
 * (no scaling in the forward direction). X[k] measures how much of the
 * exponential of Part 2 (conjugated: turning at +k cycles) is in x.
 *
 * x  input, n real samples (n > 0)     X  output, n complex values, allocated by the caller
 * Returns DSP_OK, or DSP_EINVAL when n == 0.
 *
 * EXAMPLE  x = {1, 2, 3, 4}  ->  X = {10, -2+2j, -2, -2-2j}
 *          x = {1, 0, 0, 0, 0, 0, 0, 0}  ->  every X[k] = 1
 *          x[m] = cos(2*pi*3*m/16), n 16  ->  X[3] = X[13] = 8, all other bins 0
 *   You may see -2 - 9.8e-16j instead of -2: rounding noise near 1e-15 is
 *   fine; the grader allows 1e-9.
 * HINT  k*m/n with size_t operands is integer division: compute the angle in
 *       double. Keep every variable double (not float, cosf, sinf): float
 *       holds 7 digits, the grader checks 9. The sum runs over all n terms,
 *       m = 0 .. n-1. For a real x, X[n-k] is the complex conjugate of X[k]: a
 *       quick check of your output.
 * CHECK make grade LESSON=02 ONLY=dft
 */
#include "exercise.h"

int dft_ex(const double *x, size_t n, double complex *X)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)n;
    (void)X;
    return DSP_ETODO;
}
