/*
 * resample.h — band-limited sample-rate conversion by a rational factor.
 *
 * Method: a windowed-sinc polyphase resampler. The rates (whole numbers of
 * Hz) reduce to out/in = L/M; output sample n sits at input time t = n*M/L
 * and is
 *     y[n] = sum_i x[i] * g(t - i),
 *     g(tau) = (2 fc / fs_in) * sinc(2 fc tau / fs_in) * kaiser(tau / K, beta),
 * with x read as zero outside the signal, so the output is aligned with the
 * input (no delay) and has ceil(len * L / M) samples. The L phases of g
 * (2K taps each) are tabulated once in _new.
 * Design (Kaiser's formulas): with f_ny = min(fs_in, fs_out)/2,
 *   passband edge  passband * f_ny  (default 0.9),
 *   stopband edge  f_ny              (nothing above the lower Nyquist survives),
 *   cutoff fc halfway between them; beta and K from the attenuation
 *   stopband_db (default 80 dB) and the transition width.
 * Guaranteed by tests/test_resample.c at the defaults: passband ripple below
 * 0.1 dB up to 0.9 f_ny, attenuation above 60 dB from f_ny up (measured with
 * sines, 44.1 kHz -> 16 kHz and 8 kHz -> 16 kHz). Equal rates copy the input.
 * This is not resampy's filter (VGGish uses resampy's kaiser_best), so
 * resampled results agree with VGGish's only to within the two filters'
 * passband ripple and transition-band differences.
 *
 *     struct dsp_resample *rs = dsp_resample_new(44100, 16000, NULL);
 *     size_t m = dsp_resample_out_len(rs, n);
 *     dsp_resample_process(rs, x, n, y, m);
 *     dsp_resample_free(rs);
 */
#ifndef DSPLAB_RESAMPLE_H
#define DSPLAB_RESAMPLE_H

#include <stddef.h>

struct dsp_resample_params {
    double passband;      /* 0 < passband < 1: flat up to passband * f_ny (0.9) */
    double stopband_db;   /* 20 .. 200: design attenuation in dB (80) */
};

struct dsp_resample_params dsp_resample_defaults(void);

struct dsp_resample;

/* rate_in, rate_out: whole numbers of Hz, 1 .. 2^31-1. p NULL = defaults.
 * NULL with dsp_last_error() set for a bad rate or parameter, or a ratio
 * whose reduced L exceeds 65536 ("44100 -> 16001 Hz: ..."). */
struct dsp_resample *dsp_resample_new(double rate_in, double rate_out,
                                      const struct dsp_resample_params *p);
void dsp_resample_free(struct dsp_resample *rs);   /* NULL is a no-op */

/* ceil(len * L / M) */
size_t dsp_resample_out_len(const struct dsp_resample *rs, size_t len);

/* Filter half-width K in input samples (the edges within K of either end
 * see the zeros outside the signal). 0 for equal rates. */
size_t dsp_resample_half_width(const struct dsp_resample *rs);

/* x: len input samples -> y: out_len = dsp_resample_out_len(rs, len) samples
 * (DSP_EINVAL otherwise). x and y must not overlap. */
int dsp_resample_process(const struct dsp_resample *rs, const double *x, size_t len, double *y,
                         size_t out_len);

#endif
