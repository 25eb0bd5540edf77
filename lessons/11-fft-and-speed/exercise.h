/*
 * Lesson 11 — The FFT and speed: the exercises you write (see README.md).
 *
 * Conventions (the same as lib/include/dsplab/dft.h and fft.h):
 *   X[k] = sum_{m=0}^{N-1} x[m] exp(-j 2 pi k m / N),   k = 0 .. N-1   (no scaling)
 * The radix-2 exercises take N = a power of two (1, 2, 4, 8, ...);
 * any other N is DSP_EINVAL. Every function returns DSP_OK, or DSP_EINVAL
 * for a bad argument (the stubs return DSP_ETODO until you fill them in).
 * Outputs go into arrays the caller allocates, never into the inputs;
 * lengths are stated below, next to each prototype. Arrays may start at any
 * address (no alignment is promised).
 */
#ifndef LESSON11_EXERCISE_H
#define LESSON11_EXERCISE_H

#include <complex.h>
#include <stddef.h>

#include <dsplab/status.h>

/* Part 1: the bit-reversal permutation of n = 2^b: rev[i] is i with its b
 * low bits in reverse order (n = 8: {0, 4, 2, 6, 1, 5, 3, 7}).
 * rev has n values. n must be a power of two (n = 1 gives {0}). */
int bitrev_ex(size_t n, size_t *rev);

/* Part 2: the twiddle table of an n-point FFT: w[k] = exp(-j 2 pi k / n),
 * k = 0 .. n/2 - 1. w has n/2 values. n must be a power of two >= 2. */
int twiddle_ex(size_t n, double complex *w);

/* Part 3: the iterative radix-2 FFT: X (n values) is the DFT of x (n
 * values, unchanged). n must be a power of two >= 1. */
int fft_ex(const double complex *x, size_t n, double complex *X);

/* Part 4: the FFT of n real samples through one complex FFT of n/2 points:
 * X has n/2 + 1 values (bins 0 .. n/2). n must be a power of two >= 2. */
int rfft_ex(const double *x, size_t n, double complex *X);

/* Part 5: one DFT three ways, timed. x has n complex values (n a power of
 * two >= 1); X_dft, X_fft and X_fftw receive n values each: the naive
 * O(n^2) DFT, your fft_ex, and FFTW (dsp_fft_forward in fft.h). *t_dft,
 * *t_fft and *t_fftw receive the seconds one transform of each takes
 * (averaged over repeats lasting at least 10 ms each; planning excluded). */
int fftbench_ex(const double complex *x, size_t n, double complex *X_dft, double complex *X_fft,
                double complex *X_fftw, double *t_dft, double *t_fft, double *t_fftw);

/* Part 6a: a weighted magnitude spectrum, written so the compiler can
 * vectorise it: mag[k] = w[k] * sqrt(re[k]^2 + im[k]^2), k = 0 .. n-1.
 * re, im, w and mag have n values each (n >= 0; n == 0 does nothing). */
int winmag_ex(const double *re, const double *im, const double *w, size_t n, double *mag);

/* Part 6b: the same numbers, written the plain way for comparison: X has n
 * complex values, w and mag n values; mag[k] = w[k] * |X[k]|. */
int winmag_scalar_ex(const double complex *X, const double *w, size_t n, double *mag);

#endif
