/*
 * peaks.h — spectral peaks: where a dB magnitude spectrum has a local
 * maximum, and where the maximum lies between the bins.
 *
 * Detection: bin k (1 <= k <= n-2) is a peak when
 *     mX[k] > threshold  and  mX[k] > mX[k-1]  and  mX[k] > mX[k+1],
 * strictly: a flat top of two or more equal bins is not a peak, and the
 * first and last bins (DC and Nyquist) never are.
 *
 * Interpolation: the parabola through (k-1, a), (k, b), (k+1, c), with
 * a, b, c the dB magnitudes, has its vertex at
 *     iloc = k + p,   p = 0.5 * (a - c) / (a - 2b + c)   (-0.5 < p < 0.5)
 *     imag = b - 0.25 * (a - c) * p                       (dB)
 * and the phase there is the same kind of parabola through the three
 * unwrapped phases, evaluated at p:
 *     iphase = pb + 0.5 * p * (pc - pa) + 0.5 * p^2 * (pa - 2 pb + pc).
 * For the DFT model (dftmodel.h: zero-phase, unit-sum window) a stationary
 * sinusoid A cos(2 pi f t + phi) gives a peak at iloc ~ f * N / fs bins,
 * imag ~ 20 log10(A / 2) dB and iphase ~ its phase at the frame centre,
 * the errors shrinking with zero padding (N > M). A location in bins
 * becomes Hz as iloc * fs / N.
 *
 *     size_t loc[1024], np;            // at most (n - 1) / 2 peaks
 *     double f[1024], a[1024], ph[1024];
 *     dsp_peaks_detect(mX, 2049, -80.0, loc, 1024, &np);
 *     dsp_peaks_interp(mX, pX, 2049, loc, np, f, a, ph);   // f in bins
 */
#ifndef DSPLAB_PEAKS_H
#define DSPLAB_PEAKS_H

#include <stddef.h>

/* mX: n dB values. Writes the bins of the peaks above threshold (dB) in
 * increasing order into loc (room for max_peaks) and their number into
 * *n_peaks. When there are more than max_peaks, the max_peaks lowest bins
 * are kept; max_peaks >= (n - 1) / 2 never truncates. DSP_EINVAL on NULL
 * pointers or a NaN threshold. */
int dsp_peaks_detect(const double *mX, size_t n, double threshold, size_t *loc,
                     size_t max_peaks, size_t *n_peaks);

/* Parabolic interpolation of n_peaks peaks at bins loc[] (each in 1..n-2)
 * of mX (dB) and pX (unwrapped radians), n values each. Outputs n_peaks
 * values each: iloc (fractional bins), imag (dB), iphase (radians). pX and
 * iphase may both be NULL (no phases). DSP_EINVAL for a bin out of range. */
int dsp_peaks_interp(const double *mX, const double *pX, size_t n, const size_t *loc,
                     size_t n_peaks, double *iloc, double *imag, double *iphase);

#endif
