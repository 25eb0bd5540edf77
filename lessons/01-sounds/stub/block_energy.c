/*
 * Lesson 01, Part 5 — Energy per block
 *
 * Implement block_energy_ex(): cut x into blocks of size samples, a new
 * block starting every hop samples, and sum the squares in each block:
 *     e[b] = sum_{i=0}^{size-1} x[b*hop + i]^2,    b = 0 .. nblocks-1
 * Only whole blocks count (the last one must end by x[n-1]), so
 *     nblocks = floor((n - size) / hop) + 1   when n >= size,
 *     nblocks = 0                             when n <  size.
 *
 * x        input, n samples
 * size     block length in samples (>= 1)    hop  block step in samples (>= 1)
 * e        output, room for nblocks values, allocated by the caller
 * nblocks  output, the number of blocks
 * Returns DSP_OK, or DSP_EINVAL when size == 0 or hop == 0.
 *
 * EXAMPLE  x = {1, 2, 3, 4, 5}, size 2, hop 2  ->  e = {5, 25}, nblocks 2
 *              (blocks {1,2} and {3,4}; {5} is not a whole block)
 *          the same x, size 3, hop 1           ->  e = {14, 29, 50}, nblocks 3
 *   The grader allows 1e-12 relative (a different summing order).
 * HINT  n - size with size_t operands wraps around to a huge number when
 *       n < size: test n >= size first.
 * CHECK make grade LESSON=01 ONLY=energy
 */
#include "exercise.h"

int block_energy_ex(const double *x, size_t n, size_t size, size_t hop, double *e,
                    size_t *nblocks)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)n;
    (void)size;
    (void)hop;
    (void)e;
    (void)nblocks;
    return DSP_ETODO;
}
