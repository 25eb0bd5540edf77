/*
 * Lesson 03 — Fourier properties: the exercises you write (see README.md).
 *
 * Every function returns DSP_OK, or DSP_EINVAL for a bad argument (the
 * stubs return DSP_ETODO until you fill them in). Outputs go into arrays the
 * caller allocates; a length sits next to its pointer. Spectra of N real
 * samples hold the N/2+1 bins 0 .. N/2 (frequency k*fs/N), as in fft.h.
 */
#ifndef LESSON03_EXERCISE_H
#define LESSON03_EXERCISE_H

#include <complex.h>
#include <stddef.h>

#include <dsplab/status.h>

/* Part 1: the smallest FFT size n >= m (and n <= n_max) that puts a sinusoid
 * of f_hz on a bin: f_hz * n / fs_hz is a whole number, *k. Frequencies are
 * whole Hz, 0 <= f_hz <= fs_hz / 2. DSP_EINVAL when no such n <= n_max
 * exists, or for m == 0, fs_hz <= 0, f_hz out of range. */
int zeropad_ex(long f_hz, long fs_hz, size_t m, size_t n_max, size_t *n, size_t *k);

/* Part 2: zero-phase buffering: the m-sample frame x goes into n >= m
 * samples so that its middle sample x[m/2] (m/2 rounded down) lands on
 * buf[0]; buf[0 .. (m+1)/2 - 1] = x[m/2 .. m-1],
 * buf[n - m/2 .. n-1] = x[0 .. m/2 - 1], zeros in between. */
int zerophase_ex(const double *x, size_t m, double *buf, size_t n);

/* Part 3: is x (m samples, zero-phase buffered into n = m) real and even,
 * buf[i] == buf[m-i] within tol for i = 1..m-1? *is_even is 1 or 0;
 * X receives the m/2+1 bins of the buffer's DFT and *max_imag the largest
 * |Im X[k]| among them. */
int realeven_ex(const double *x, size_t m, double tol, int *is_even, double *max_imag,
                double complex *X);

/* Part 4: band suppression with the DFT model (dftmodel.h): analyse the
 * m-sample frame x with window w and FFT size n >= m, set mX[k] = -120 dB
 * for every bin with f_low <= k*fs/n <= f_high, resynthesise, and multiply
 * by sum(w) to undo the model's unit-sum window: y (m samples) is then x*w
 * without that band. */
int suppress_ex(const double *x, size_t m, const double *w, size_t n, double fs,
                double f_low, double f_high, double *y);

/* Part 5: the naive DFT against the FFT on the same n samples: X receives
 * the n/2+1 bins of the FFT; *t_dft and *t_fft the time of one naive DFT
 * and of one FFT in seconds (each averaged over repeats that last at least
 * 1 ms in all; FFT planning not included). */
int speed_ex(const double *x, size_t n, double complex *X, double *t_dft, double *t_fft);

#endif
