/*
 * signal.h — small utilities on sample arrays: energy, SNR, zero padding
 * and linear interpolation.
 */
#ifndef DSPLAB_SIGNAL_H
#define DSPLAB_SIGNAL_H

#include <stddef.h>

/* sum of x[i]^2 */
double dsp_energy(const double *x, size_t n);

/* Signal-to-noise ratio in dB of an estimate against a reference:
 * 10*log10( sum ref^2 / sum (ref - est)^2 ). +inf when they are identical,
 * -inf when the reference is all zeros and the estimate is not; NaN when
 * n == 0 or a value is NaN. */
double dsp_snr_db(const double *ref, const double *est, size_t n);

/* y[0..n-1] = x, y[n..m-1] = 0. m >= n; DSP_EINVAL otherwise. x and y may be
 * the same array. */
int dsp_zero_pad(const double *x, size_t n, double *y, size_t m);

/* numpy.interp: for each q[i], the piecewise-linear interpolant through the
 * points (xp[j], fp[j]) (xp increasing, n >= 1), held constant outside
 * [xp[0], xp[n-1]]. NaN queries give NaN. DSP_EINVAL when n == 0 or xp
 * decreases somewhere (equal neighbours are allowed, as in numpy). */
int dsp_interp_linear(const double *xp, const double *fp, size_t n, const double *q,
                      double *out, size_t m);

#endif
