/*
 * Lesson 11, Part 1 — The bit-reversal permutation
 *
 * Implement bitrev_ex(): for n = 2^b, rev[i] is the number whose b binary
 * digits are those of i read backwards. The iterative FFT (Part 3) starts
 * by copying x[i] to position rev[i]: after that, every pair of neighbours
 * holds the two samples a length-2 DFT combines, every group of four the
 * samples a length-4 DFT combines, and so on.
 *
 *     i = sum_{t=0}^{b-1} i_t 2^t   ->   rev[i] = sum_{t=0}^{b-1} i_t 2^(b-1-t)
 *
 * n    the FFT size, a power of two (1, 2, 4, ...)
 * rev  output, n values, allocated by the caller
 * Returns DSP_OK, or DSP_EINVAL when n is 0 or not a power of two.
 *
 * EXAMPLE  n = 8 (b = 3): i = 1 = 001b -> 100b = 4, i = 6 = 110b -> 011b = 3
 *          rev = {0, 4, 2, 6, 1, 5, 3, 7}
 *          n = 2 -> {0, 1};  n = 1 -> {0}  (b = 0: nothing to reverse)
 * HINT  b is the number of bits of n - 1, not of n: n = 8 = 1000b has 4
 *       bits, but indexes go up to 7 = 111b. Reversing 4 bits instead of 3
 *       gives {0, 8, 4, 12, ...}: indexes past the end of the array.
 *       n is a power of two exactly when (n & (n - 1)) == 0 and n > 0.
 * CHECK make grade LESSON=11 ONLY=bitrev
 */
#include "exercise.h"

int bitrev_ex(size_t n, size_t *rev)
{
    /* YOUR CODE HERE */
    (void)n;
    (void)rev;
    return DSP_ETODO;
}
