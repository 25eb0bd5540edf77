/*
 * Lesson 03, Part 5 — The naive DFT against the FFT
 *
 * Implement speed_ex(): transform the same n samples twice, with the naive
 * DFT, O(n^2) (dsp_dft_real in dft.h, or your own from lesson 02), and with
 * the FFT, O(n log n) (dsp_fft_forward_real in fft.h), and time both.
 * Return the FFT's n/2+1 bins in X, and the seconds one call of each took.
 *
 * Timing: read clock_gettime(CLOCK_MONOTONIC, ...) (<time.h>) before and
 * after. One FFT of 256 samples takes about a microsecond, close to what
 * the clock can resolve, so repeat each transform until at least 1 ms has
 * passed and divide by the number of calls. Make the FFT plan
 * (dsp_fft_new) before starting the clock: planning is a one-off cost.
 *
 * x      input, n real samples (n >= 1)
 * X      output, n/2+1 bins of the FFT, allocated by the caller
 * t_dft, t_fft  outputs: seconds per naive DFT and per FFT
 * Returns DSP_OK, DSP_EINVAL for n == 0, DSP_ENOMEM.
 *
 * EXAMPLE  x[i] = cos(2 pi 5 i / 256), n 256  ->  X[5] = 128, other bins 0;
 *          on the machine this course was written on t_dft = 4.0e-5 s and
 *          t_fft = 2.9e-7 s: 140 times faster. At n = 4096 it was 1700 times:
 *          the ratio n^2 / (n log2 n) = n / log2 n keeps growing with n.
 *   The grader checks X (1e-12 * sum|x| for rounding) and that both times
 *   are positive numbers — never their values, which depend on the machine.
 * HINT  a struct timespec has tv_sec and tv_nsec; convert to double seconds.
 * CHECK make grade LESSON=03 ONLY=speed
 */
#include <time.h>

#include <dsplab/dft.h>
#include <dsplab/fft.h>

#include "exercise.h"

int speed_ex(const double *x, size_t n, double complex *X, double *t_dft, double *t_fft)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)n;
    (void)X;
    (void)t_dft;
    (void)t_fft;
    return DSP_ETODO;
}
