/*
 * mel.h — mel scales and triangular mel filterbanks over rFFT bins.
 *
 * Scales (mel <-> Hz, both ways):
 *   DSP_MEL_SLANEY  librosa's default (Slaney's Auditory Toolbox): linear,
 *                   f / (200/3), below 1000 Hz; above, 15 + ln(f/1000) /
 *                   (ln(6.4)/27), i.e. logarithmic with 27 mels per 6.4x.
 *   DSP_MEL_HTK     2595 * log10(1 + f/700)    (librosa htk=True)
 *   DSP_MEL_HTK_LN  1127 * ln(1 + f/700)       (VGGish mel_features.py; the
 *                   same curve as HTK up to rounding, 2595/ln(10) ~ 1127)
 *
 * A filterbank has n_mels triangles over the n_fft/2+1 bins of an rFFT of
 * size n_fft at sample_rate (bin k at k*sample_rate/n_fft Hz). The n_mels+2
 * band edges are equally spaced in mel between mel(fmin) and mel(fmax).
 * Two ways to draw the triangles:
 *   DSP_MEL_TRIANGLES_HZ   librosa.filters.mel: edges converted back to Hz,
 *                          slopes linear in Hz:
 *                          w = max(0, min((f - f_m)/(f_{m+1} - f_m),
 *                                         (f_{m+2} - f)/(f_{m+2} - f_{m+1})))
 *   DSP_MEL_TRIANGLES_MEL  VGGish spectrogram_to_mel_matrix: the bin
 *                          frequencies converted to mel, slopes linear in mel.
 * Norm: DSP_MEL_NORM_NONE (peak 1) or DSP_MEL_NORM_SLANEY (each triangle
 * scaled by 2 / (f_{m+2} - f_m), constant energy per band; Hz edges).
 * zero_dc zeroes every band's weight on bin 0 (VGGish does).
 * Weights equal librosa.filters.mel's formula evaluated in float64 (librosa
 * itself returns float32 by default; its values then differ from ours by
 * float32 rounding, ~6e-8 relative).
 *
 * The bank is stored sparsely (first bin and the non-zero run per band), so
 * applying it costs O(bins), not O(bins * bands).
 *
 *     struct dsp_melbank_params p = dsp_melbank_defaults(22050, 2048); // librosa
 *     struct dsp_melbank *mb = dsp_melbank_new(&p);
 *     if (!mb) fprintf(stderr, "%s\n", dsp_last_error());
 *     dsp_melbank_apply(mb, power, 1025, mel);       // 1025 bins -> 128 bands
 *     dsp_melbank_free(mb);
 */
#ifndef DSPLAB_MEL_H
#define DSPLAB_MEL_H

#include <stddef.h>

enum dsp_mel_scale {
    DSP_MEL_SLANEY,
    DSP_MEL_HTK,
    DSP_MEL_HTK_LN,
};

enum dsp_mel_norm {
    DSP_MEL_NORM_NONE,
    DSP_MEL_NORM_SLANEY,
};

enum dsp_mel_triangles {
    DSP_MEL_TRIANGLES_HZ,
    DSP_MEL_TRIANGLES_MEL,
};

double dsp_hz_to_mel(double hz, enum dsp_mel_scale scale);
double dsp_mel_to_hz(double mel, enum dsp_mel_scale scale);

struct dsp_melbank_params {
    double sample_rate;   /* Hz, > 0 */
    size_t n_fft;         /* >= 2: the bank covers n_fft/2 + 1 bins */
    size_t n_mels;        /* >= 1 */
    double fmin;          /* Hz, >= 0 */
    double fmax;          /* Hz, fmin < fmax <= sample_rate/2 */
    enum dsp_mel_scale scale;
    enum dsp_mel_norm norm;
    enum dsp_mel_triangles triangles;
    int zero_dc;          /* 1: bin 0 gets weight 0 in every band */
};

/* librosa.filters.mel defaults: 128 bands, 0 .. sample_rate/2, Slaney scale,
 * Slaney norm, triangles in Hz, DC kept. */
struct dsp_melbank_params dsp_melbank_defaults(double sample_rate, size_t n_fft);

struct dsp_melbank;

/* NULL with dsp_last_error() set for a bad parameter, e.g.
 * "mel filterbank: fmax (30000 Hz) is above Nyquist (11025 Hz)".
 * Bands that catch no bin (n_mels too large for n_fft) are NOT an error, as in
 * librosa (which warns): count them with dsp_melbank_num_empty(). */
struct dsp_melbank *dsp_melbank_new(const struct dsp_melbank_params *p);
void dsp_melbank_free(struct dsp_melbank *mb);   /* NULL is a no-op */

size_t dsp_melbank_num_bands(const struct dsp_melbank *mb);
size_t dsp_melbank_num_bins(const struct dsp_melbank *mb);     /* n_fft/2 + 1 */

/* Bands whose weights are all zero. If list is not NULL, their indices
 * (ascending) go into list[0 .. min(count, list_len) - 1]. Returns the count.
 * librosa's warning skips a band whose left foot is exactly 0 Hz; this
 * counts every all-zero band. */
size_t dsp_melbank_num_empty(const struct dsp_melbank *mb, size_t *list, size_t list_len);

/* Band m's non-zero run: bins first .. first+count-1 with weights w[0..count-1]
 * (count 0 for an empty band). DSP_EINVAL if m >= n_mels. */
int dsp_melbank_band(const struct dsp_melbank *mb, size_t m, size_t *first, size_t *count,
                     const double **w);

/* The n_mels+2 band edges in Hz (edges[m], edges[m+1], edges[m+2] are the
 * left foot, peak and right foot of band m). */
const double *dsp_melbank_edges_hz(const struct dsp_melbank *mb);

/* mel[m] = sum_k W[m][k] * spec[k]: spec has n_bins = n_fft/2+1 values (power
 * or magnitude), mel has n_mels. DSP_EINVAL if n_bins is not the bank's.
 * Each sum runs in 8 partial sums over the band's bins widened to a multiple
 * of 8 with zero weights (vectorised, the same bits on every CPU): a value
 * that is infinite or NaN within 7 bins of a band makes that band NaN. */
int dsp_melbank_apply(const struct dsp_melbank *mb, const double *spec, size_t n_bins,
                      double *mel);

/* The dense matrix, n_mels rows of n_bins values (row m = band m). */
int dsp_melbank_dense(const struct dsp_melbank *mb, double *W, size_t n);

#endif
