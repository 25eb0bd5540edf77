/*
 * Lesson 03, Part 1 — Zero-padding that puts a sinusoid on a bin
 *
 * Implement zeropad_ex(): a sinusoid of f_hz sits exactly on bin k of an
 * n-point DFT at fs_hz when
 *     f_hz = k * fs_hz / n,    i.e.    f_hz * n / fs_hz is a whole number k.
 * Given a frame of m samples, find the smallest FFT size n >= m for which
 * that holds (the frame is then zero-padded from m to n samples).
 * Frequencies are whole numbers of Hz, so the test is exact integer
 * arithmetic: (f_hz * n) % fs_hz == 0.
 *
 * f_hz   frequency in Hz, 0 <= f_hz <= fs_hz / 2
 * fs_hz  sample rate in Hz, > 0
 * m      frame length in samples, >= 1
 * n_max  the largest n you may answer
 * n, k   outputs: the FFT size and the bin the sinusoid lands on
 * Returns DSP_OK, or DSP_EINVAL for a bad argument or when no n with
 * m <= n <= n_max works.
 *
 * EXAMPLE  f 100 Hz, fs 1000 Hz, m 25     ->  n 30, k 3
 *            (the period is 10 samples: 30 samples hold three of them)
 *          f 440 Hz, fs 44100 Hz, m 1000  ->  n 2205, k 22
 *          f 443 Hz, fs 44100 Hz, m 1000, n_max 8192  ->  DSP_EINVAL
 *   All integers: the grader wants exactly these numbers.
 * HINT  n must be a multiple of fs_hz / gcd(f_hz, fs_hz). Trying every n
 *       from m upwards also works, if more slowly. f_hz == 0 is on bin 0
 *       for any n.
 * CHECK make grade LESSON=03 ONLY=zeropad
 */
#include "exercise.h"

int zeropad_ex(long f_hz, long fs_hz, size_t m, size_t n_max, size_t *n, size_t *k)
{
    /* YOUR CODE HERE */
    (void)f_hz;
    (void)fs_hz;
    (void)m;
    (void)n_max;
    (void)n;
    (void)k;
    return DSP_ETODO;
}
