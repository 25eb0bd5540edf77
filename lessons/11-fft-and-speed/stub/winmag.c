/*
 * Lesson 11, Part 6 — A loop the compiler can vectorise
 *
 * A mel filter (lesson 08) weighs the magnitude of every bin by a
 * triangular window laid over the spectrum. Its inner loop,
 *
 *     mag[k] = w[k] * |X[k]| = w[k] * sqrt(re[k]^2 + im[k]^2),   k = 0 .. n-1,
 *
 * runs for every band of every frame. Write it twice.
 *
 * (a) winmag_ex(): re and im in two separate arrays, written so that the
 *     compiler can use SIMD instructions (README, "SIMD"):
 *     - a helper function whose pointer parameters are `restrict`
 *       (const double *restrict re, ...): a promise that the arrays do not
 *       overlap, so storing mag[k] cannot change re, im or w;
 *     - no branch in the loop body: every k does the same arithmetic;
 *     - nothing but the loop: no function calls other than sqrt, no
 *       printing, k running from 0 to n-1 with unit stride.
 *     Do not assume alignment (no __builtin_assume_aligned): the arrays
 *     may start at any address.
 * (b) winmag_scalar_ex(): the obvious version, for comparison: X as one
 *     array of double complex, mag[k] = w[k] * cabs(X[k]), skipping the
 *     work with an `if (w[k] == 0) mag[k] = 0;` as a plain C programmer
 *     might.
 *
 * re, im, w   inputs, n values each        X  input, n complex values
 * mag         output, n values, allocated by the caller (not an input)
 * Returns DSP_OK (n == 0 does nothing), or DSP_EINVAL for a NULL array
 * when n > 0.
 *
 * EXAMPLE  re = {3, 0, 1}, im = {4, 2, -1}, w = {0.5, 1, 0}  ->  mag = {2.5, 2, 0}
 *          (X = {3+4j, 2j, 1-1j} for winmag_scalar_ex)
 *   The grader checks both against each other and against the definition
 *   to 1e-14 relative (cabs and sqrt(re^2+im^2) may differ in the last
 *   bit), with lengths that leave every possible tail after a SIMD loop.
 *   Only correctness counts; the README shows how to see the vectorised
 *   loop and time it.
 * HINT  the grader compiles at -O1, which never vectorises. To see what
 *       the compiler does with your loop:
 *       gcc -std=c11 -O3 -fno-math-errno -fopt-info-vec -Ilib/include \
 *           -Ilessons/11-fft-and-speed -c assignments/11-fft-and-speed/winmag.c -o /dev/null
 *       and look for "loop vectorized". Without -fno-math-errno, gcc keeps
 *       sqrt scalar (it must set errno for a negative argument).
 * CHECK make grade LESSON=11 ONLY=winmag
 */
#include <math.h>

#include "exercise.h"

int winmag_ex(const double *re, const double *im, const double *w, size_t n, double *mag)
{
    /* YOUR CODE HERE */
    (void)re;
    (void)im;
    (void)w;
    (void)n;
    (void)mag;
    return DSP_ETODO;
}

int winmag_scalar_ex(const double complex *X, const double *w, size_t n, double *mag)
{
    /* YOUR CODE HERE */
    (void)X;
    (void)w;
    (void)n;
    (void)mag;
    return DSP_ETODO;
}
