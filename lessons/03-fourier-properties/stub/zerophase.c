/*
 * Lesson 03, Part 2 — Zero-phase windowing
 *
 * Implement zerophase_ex(): put the m-sample frame x into an n-sample FFT
 * buffer (n >= m) so that the frame's middle sample lands at time 0, the
 * first half at negative times (the end of the buffer, since the DFT is
 * periodic) and zeros in between. With h = floor(m/2):
 *     buf[0 .. m-h-1]  = x[h .. m-1]       (the middle and what follows)
 *     buf[n-h .. n-1]  = x[0 .. h-1]       (what comes before the middle)
 *     buf[m-h .. n-h-1] = 0
 * A frame that is symmetric about its middle then has a real spectrum:
 * no linear phase from a delay of h samples.
 *
 * x    input frame, m samples (m >= 1)
 * buf  output, n samples (n >= m), allocated by the caller
 * Returns DSP_OK, or DSP_EINVAL when m == 0 or n < m.
 *
 * EXAMPLE  x = {1, 2, 3, 4, 5}, n 8  ->  buf = {3, 4, 5, 0, 0, 0, 1, 2}
 *          x = {1, 2, 3, 4},    n 6  ->  buf = {3, 4, 0, 0, 1, 2}
 *   Only copies: the grader wants exact values, zeros included (it fills
 *   buf with 999 before calling you).
 * HINT  for an even m the middle is x[m/2], the later of the two central
 *       samples. memcpy and memset (<string.h>) do all of it.
 * CHECK make grade LESSON=03 ONLY=zerophase
 */
#include "exercise.h"

int zerophase_ex(const double *x, size_t m, double *buf, size_t n)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)m;
    (void)buf;
    (void)n;
    return DSP_ETODO;
}
