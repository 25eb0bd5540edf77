/*
 * dft.h — the discrete Fourier transform, computed naively in O(N^2),
 * for teaching and as the reference the FFT is tested against.
 *
 *   forward:  X[k] = sum_{m=0}^{N-1} x[m] exp(-j 2 pi k m / N)      (no scaling)
 *   inverse:  x[m] = (1/N) sum_{k=0}^{N-1} X[k] exp(+j 2 pi k m / N)
 *
 * The angle 2*pi*(k*m mod N)/N is reduced exactly in integers before the
 * cosine, so large N loses no accuracy. For speed use fft.h.
 * Each call allocates (and frees) a table of 2N doubles for cos/sin, so these
 * can fail with DSP_ENOMEM; DSP_EINVAL for n == 0 or a NULL array.
 */
#ifndef DSPLAB_DFT_H
#define DSPLAB_DFT_H

#include <complex.h>
#include <stddef.h>

/* C11's CMPLX(re, im) builds a complex number without the NaN that
 * re + im * I makes of an infinite part. glibc's <complex.h> defines it only
 * for GCC >= 4.7, so clang (which calls itself GCC 4.2) gets it here. */
#ifndef CMPLX
#define CMPLX(re, im) __builtin_complex((double)(re), (double)(im))
#endif

/* Complex input x (n values) -> X (n values). x and X must not overlap. */
int dsp_dft(const double complex *x, size_t n, double complex *X);

/* Real input x (n values) -> all n values of X (X[n-k] = conj X[k]). */
int dsp_dft_real(const double *x, size_t n, double complex *X);

/* X (n values) -> x (n values), with the 1/N scaling. */
int dsp_idft(const double complex *X, size_t n, double complex *x);

#endif
