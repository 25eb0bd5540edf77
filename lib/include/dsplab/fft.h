/*
 * fft.h — fast Fourier transforms of one size through FFTW3.
 *
 * Same conventions as dft.h: the forward transform is unscaled, the inverse
 * carries the 1/N. Any N >= 1 (FFTW handles primes).
 * A struct dsp_fft holds the FFTW plans and aligned buffers for one size: make
 * it once (planning is the slow part) and reuse it for every frame; the
 * transform calls never allocate. Plan creation is serialised internally, so
 * objects may be created from several threads; one object is used by one
 * thread at a time. (The lock covers dsplab's own planner calls only: code
 * that also plans with FFTW directly, in another thread, needs its own.)
 * No plan depends on timings taken at run time (the real forward one comes
 * from wisdom compiled into the library, the others from FFTW_ESTIMATE),
 * so results are the same bits on every run.
 * dsplab never calls fftw_cleanup(); FFTW's planner memory stays reachable
 * (not a leak for LeakSanitizer). Call it yourself at exit if you want it,
 * after the last use of dsplab: the real forward plans from wisdom (512,
 * 1024, 4096 points) are made once per process and shared by every object (executed on
 * each object's own buffers), and fftw_cleanup() would invalidate them.
 *
 *   real forward:    n real samples      -> n/2+1 complex bins (0 .. Nyquist)
 *   real inverse:    n/2+1 complex bins  -> n real samples
 *   complex forward / inverse: n -> n
 *
 *     struct dsp_fft *fft = dsp_fft_new(2048);
 *     double complex X[1025];
 *     dsp_fft_forward_real(fft, x, X);
 *     dsp_fft_free(fft);
 */
#ifndef DSPLAB_FFT_H
#define DSPLAB_FFT_H

#include <complex.h>
#include <stddef.h>

struct dsp_fft;

/* Plans for size n (real and complex). NULL on n == 0 or out of memory. */
struct dsp_fft *dsp_fft_new(size_t n);
void dsp_fft_free(struct dsp_fft *fft);   /* NULL is a no-op */
size_t dsp_fft_size(const struct dsp_fft *fft);

/* x: n reals (unchanged) -> X: n/2+1 bins. */
int dsp_fft_forward_real(struct dsp_fft *fft, const double *x, double complex *X);
/* X: n/2+1 bins (unchanged; imaginary parts of bin 0 and, for even n, bin n/2
 * are ignored) -> x: n reals, scaled by 1/n. */
int dsp_fft_inverse_real(struct dsp_fft *fft, const double complex *X, double *x);
/* n complex -> n complex; forward unscaled, inverse scaled by 1/n. */
int dsp_fft_forward(struct dsp_fft *fft, const double complex *x, double complex *X);
int dsp_fft_inverse(struct dsp_fft *fft, const double complex *X, double complex *x);

/* In-place access for hot loops (the STFT): write n reals into
 * dsp_fft_real_input(), call dsp_fft_execute_real(), read n/2+1 bins from
 * dsp_fft_real_output(). Saves the copies of dsp_fft_forward_real. The
 * buffers are SIMD-aligned (fftw_malloc) and belong to the object; the input
 * is left unchanged by the execution; other calls on the object (e.g.
 * dsp_fft_inverse_real) overwrite both. fft must not be NULL. */
double *dsp_fft_real_input(struct dsp_fft *fft);
double complex *dsp_fft_real_output(struct dsp_fft *fft);
void dsp_fft_execute_real(struct dsp_fft *fft);

#endif
