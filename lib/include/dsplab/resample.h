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
 * This design is not resampy's filter; the second one below is.
 *
 * DSP_RESAMPLE_KAISER_BEST is resampy's default filter, kaiser_best
 * (resampy 0.4, the resampler of VGGish's own front end), restated from
 * its published formula: a table of the right wing of a Kaiser-windowed
 * sinc, Z = 50 zero crossings, P = 2^13 = 8192 entries per crossing,
 *     h[k] = r sinc(r k/P) * I0(beta sqrt(1 - (k/(Z P))^2)) / I0(beta),
 *     k = 0 .. Z P,  beta = 12.9846,  r (roll-off) = 0.917347
 * (the 6-digit values resampy's filters.py documents; its stored table
 * uses the optimiser's full-precision values, which differ in the 7th
 * digit), scaled by fs_out/fs_in when downsampling. Output sample t sits
 * at input time t * fs_in/fs_out; each wing sums x times the table read
 * every floor(min(1, fs_out/fs_in) P) entries from the fractional offset,
 * interpolated linearly between entries, over the samples that exist
 * (resampy's loop, in the same order). It keeps -2.2 dB at 7.2 kHz for
 * 44.1 -> 16 kHz, where the design above is flat; tests/gen/resampy_ref.py
 * restates it in numpy for tests/test_resample.c.
 *
 * Lengths: DSP_RESAMPLE_LEN_CEIL (the default) gives ceil(len L / M)
 * samples, DSP_RESAMPLE_LEN_FLOOR floor(len L / M), resampy's
 * int(len * fs_out / fs_in) (VGGish: 42995 samples at 44.1 kHz give 15599
 * at 16 kHz, 95 frames; ceil would give 15600 and a 96th frame).
 *
 *     struct dsp_resample *rs = dsp_resample_new(44100, 16000, NULL);
 *     size_t m = dsp_resample_out_len(rs, n);
 *     dsp_resample_process(rs, x, n, y, m);
 *     dsp_resample_free(rs);
 */
#ifndef DSPLAB_RESAMPLE_H
#define DSPLAB_RESAMPLE_H

#include <stddef.h>

enum dsp_resample_filter {
    DSP_RESAMPLE_DESIGN,       /* the Kaiser design above (passband, stopband_db) */
    DSP_RESAMPLE_KAISER_BEST,  /* resampy's kaiser_best (passband, stopband_db unused) */
};

enum dsp_resample_length {
    DSP_RESAMPLE_LEN_CEIL,     /* ceil(len * L / M) */
    DSP_RESAMPLE_LEN_FLOOR,    /* floor(len * L / M), as resampy */
};

struct dsp_resample_params {
    double passband;      /* 0 < passband < 1: flat up to passband * f_ny (0.9) */
    double stopband_db;   /* 20 .. 200: design attenuation in dB (80) */
    enum dsp_resample_filter filter;   /* DSP_RESAMPLE_DESIGN */
    enum dsp_resample_length length;   /* DSP_RESAMPLE_LEN_CEIL */
};

struct dsp_resample_params dsp_resample_defaults(void);

struct dsp_resample;

/* rate_in, rate_out: whole numbers of Hz, 1 .. 2^31-1. p NULL = defaults.
 * NULL with dsp_last_error() set for a bad rate or parameter, or a ratio
 * whose reduced L exceeds 65536 ("44100 -> 16001 Hz: ..."). */
struct dsp_resample *dsp_resample_new(double rate_in, double rate_out,
                                      const struct dsp_resample_params *p);
void dsp_resample_free(struct dsp_resample *rs);   /* NULL is a no-op */

/* ceil(len * L / M), or floor with DSP_RESAMPLE_LEN_FLOOR; len itself for
 * equal rates. */
size_t dsp_resample_out_len(const struct dsp_resample *rs, size_t len);

/* Filter half-width K in input samples (the edges within K of either end
 * see the zeros outside the signal). 0 for equal rates; for kaiser_best
 * Z / min(1, fs_out/fs_in), rounded up. */
size_t dsp_resample_half_width(const struct dsp_resample *rs);

/* x: len input samples -> y: out_len = dsp_resample_out_len(rs, len) samples
 * (DSP_EINVAL otherwise). x and y must not overlap. */
int dsp_resample_process(const struct dsp_resample *rs, const double *x, size_t len, double *y,
                         size_t out_len);

#endif
