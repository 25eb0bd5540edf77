/*
 * Lesson 02, Part 4 — The inverse DFT
 *
 * Implement idft_ex(): from n DFT values X[0..n-1], rebuild the signal
 *     x[m] = (1/n) * sum_{k=0}^{n-1} X[k] * exp(+j*2*pi*k*m/n),   m = 0 .. n-1
 * Note the PLUS sign and the 1/n: together they undo dft_ex() exactly.
 * The output is complex; for the DFT of a real signal its imaginary parts
 * are rounding noise (~1e-16).
 *
 * X  input, n complex values (n > 0)   x  output, n complex values, allocated by the caller
 * Returns DSP_OK, or DSP_EINVAL when n == 0.
 *
 * EXAMPLE  X = {10, -2+2j, -2, -2-2j}  ->  x = {1, 2, 3, 4}
 *          X[3] = 8, other bins 0, n 8  ->  x[m] = exp(+j*2*pi*3*m/8)
 *   The grader allows 1e-9.
 * HINT  Got {4, 8, 12, 16}? The 1/n is missing. Got {1, 4, 3, 2}, the
 *       signal reversed in time? The exponent has the forward transform's
 *       minus sign; the inverse's is +j.
 * CHECK make grade LESSON=02 ONLY=idft
 */
#include "exercise.h"

int idft_ex(const double complex *X, size_t n, double complex *x)
{
    /* YOUR CODE HERE */
    (void)X;
    (void)n;
    (void)x;
    return DSP_ETODO;
}
