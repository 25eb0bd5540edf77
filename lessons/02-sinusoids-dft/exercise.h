/*
 * Lesson 02 — Sinusoids and the DFT: the exercises you write (see README.md).
 *
 * Conventions (the same as lib/include/dsplab/dft.h):
 *   forward:  X[k] = sum_{m=0}^{N-1} x[m] exp(-j 2 pi k m / N)      (no scaling)
 *   inverse:  x[m] = (1/N) sum_{k=0}^{N-1} X[k] exp(+j 2 pi k m / N)
 *   dB:       20 log10(max(|X[k]|, DBL_MIN)) over k = 0 .. N/2
 * Every function returns DSP_OK, or DSP_EINVAL for a bad argument (the stubs
 * return DSP_ETODO until you fill them in). Outputs go into arrays the
 * caller allocates; a length sits next to its pointer.
 */
#ifndef LESSON02_EXERCISE_H
#define LESSON02_EXERCISE_H

#include <complex.h>
#include <stddef.h>

#include <dsplab/status.h>

/* Part 1: x[i] = amp * cos(2*pi*freq*i/fs + phase), i = 0..n-1. */
int gen_sine_ex(double amp, double freq, double phase, double fs, double *x, size_t n);

/* Part 2: the DFT's kernel for bin k: s[m] = exp(-j*2*pi*k*m/n), m = 0..n-1. */
int gen_kernel_ex(size_t k, size_t n, double complex *s);

/* Part 3: the DFT of n real samples: X has n values. */
int dft_ex(const double *x, size_t n, double complex *X);

/* Part 4: the inverse DFT, with the 1/n: x has n complex values. */
int idft_ex(const double complex *X, size_t n, double complex *x);

/* Part 5: magnitude spectrum in dB of an n-point DFT X: for k = 0..n/2,
 * mX[k] = 20*log10(max(|X[k]|, DBL_MIN)); *n_bins receives n/2 + 1.
 * mX has room for n/2 + 1 values. */
int mag_db_ex(const double complex *X, size_t n, double *mX, size_t *n_bins);

#endif
