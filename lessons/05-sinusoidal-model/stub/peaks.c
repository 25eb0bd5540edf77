/*
 * Lesson 05, Part 1 — Finding the peaks of a spectrum
 *
 * Implement peaks_ex(): a sinusoid shows up in a magnitude spectrum as a
 * peak, a bin louder than both of its neighbours. Find every bin k with
 *     0 < k < n-1,   mX[k] > threshold,   mX[k] > mX[k-1],   mX[k] > mX[k+1]
 * (all strict: a plateau of equal values is not a peak, and the first and
 * last bins have only one neighbour, so they are never peaks).
 *
 * mX         magnitude spectrum in dB, n bins (the DFT model's N/2+1)
 * threshold  in dB; quieter bins are ignored (noise, side lobes)
 * loc        output: the peak bins in increasing order, at most max_peaks
 *            of them (the lowest ones); allocated by the caller
 * n_peaks    output: how many were written to loc
 * Returns DSP_OK, or DSP_EINVAL for NULL pointers.
 *
 * EXAMPLE  mX = {-60, -20, -50, -40, -40, -30, -70, -10}, threshold -45
 *            ->  loc = {1, 5}, n_peaks = 2
 *          (bins 3 and 4 are equal: no peak; bin 7 is the last bin)
 *          the same with threshold -25  ->  loc = {1}
 *   Indices are integers: the grader wants exactly these.
 * HINT  one pass over k = 1 .. n-2; stop when loc is full. Watch n < 3.
 * CHECK make grade LESSON=05 ONLY=peaks
 */
#include "exercise.h"

int peaks_ex(const double *mX, size_t n, double threshold, size_t *loc, size_t max_peaks,
             size_t *n_peaks)
{
    /* YOUR CODE HERE */
    (void)mX;
    (void)n;
    (void)threshold;
    (void)loc;
    (void)max_peaks;
    (void)n_peaks;
    return DSP_ETODO;
}
