/*
 * features.h — describing a sound with numbers: spectral descriptors per
 * frame, and a summary of a whole sound (lesson 10, sound description).
 *
 * One frame's spectrum is a magnitude spectrum mag[k] = |X_k| over
 * n_bins = n_fft/2 + 1 bins, bin k at f_k = k * bin_hz Hz
 * (bin_hz = sample_rate / n_fft). With w_k = mag[k] / sum_j mag[j]:
 *   centroid  C = sum_k f_k w_k                         Hz (librosa
 *             spectral_centroid); 0 for a silent frame
 *   spread    S = sqrt(sum_k (f_k - C)^2 w_k)           Hz (librosa
 *             spectral_bandwidth, p = 2); 0 for a silent frame
 *   flatness  F = exp(mean_k ln P_k) / mean_k P_k,  P_k = max(mag[k]^2, 1e-10)
 *             (librosa spectral_flatness: power, amin 1e-10): 1 for a flat
 *             spectrum (and for silence), near 0 for a tone. One frame of
 *             white noise gives about e^-0.5772 = 0.56, not 1: each bin of a
 *             periodogram is exponentially distributed around the flat PSD;
 *             an average of many frames' power approaches 1.
 *   rolloff   R = the lowest f_k with sum_{j<=k} mag[j] >= fraction * sum_j mag[j]
 *             (librosa spectral_rolloff, roll_percent = fraction, on
 *             magnitude); 0 for a silent frame
 *   flux      sqrt(sum_k (mag[k] - prev[k])^2): how much the spectrum moved
 *             since the previous frame (Euclidean, not rectified)
 * and, on the frame's samples x[0..n-1] (n >= 2), with x >= 0 counting as
 * positive (librosa's zero_pos):
 *   zcr       Z = #{i in 1..n-1 : (x[i-1] >= 0) != (x[i] >= 0)} / (n - 1)
 *             crossings per pair of neighbouring samples, so a sine of f Hz
 *             gives about 2 f / sample_rate (librosa divides by n instead).
 * The five spectral descriptors do not change when mag is scaled, except
 * flux (and flatness through its 1e-10 floor).
 *
 * dsp_features turns a whole sound into frames of these descriptors and
 * MFCCs (mfcc.h), then a summary vector (mean and standard deviation of
 * each column over the frames) for a classifier (classify.h). Its frames
 * are librosa's centred ones (melspec.h, DSP_FRAMES_CENTERED): frame k is
 * centred on sample k*hop, the signal padded with zeros, 1 + len/hop frames
 * for even n_fft; a periodic Hann window of n_fft, the magnitude divided by
 * the window's sum (a sinusoid of amplitude A on a bin peaks at A/2, the
 * course's DFT-model convention), the ZCR counted on the same n_fft samples.
 * Flux of frame 0 is 0 (no previous frame). MFCCs follow
 * dsp_mfcc_compute: power mel spectrogram (Slaney, n_mels bands, 0 .. fs/2),
 * dB with ref 1, amin 1e-10, top_db 80, orthonormal DCT-II.
 *
 *     struct dsp_features_params p = dsp_features_defaults(16000);
 *     struct dsp_features *ft = dsp_features_new(&p);
 *     size_t frames = dsp_features_num_frames(ft, len);
 *     double *D = malloc(frames * DSP_FEAT_COUNT * sizeof *D);
 *     dsp_features_frames(ft, x, len, D, frames);           // descriptors
 *     double v[2 * (13 + DSP_FEAT_COUNT)];
 *     dsp_features_summary(ft, x, len, v, dsp_features_summary_len(ft));
 *     dsp_features_free(ft);
 */
#ifndef DSPLAB_FEATURES_H
#define DSPLAB_FEATURES_H

#include <stddef.h>

/* The columns of a descriptor frame, in this order. */
enum dsp_feature {
    DSP_FEAT_CENTROID,   /* Hz */
    DSP_FEAT_SPREAD,     /* Hz */
    DSP_FEAT_FLATNESS,   /* 0 .. 1 */
    DSP_FEAT_ROLLOFF,    /* Hz */
    DSP_FEAT_FLUX,       /* magnitude units (A/2 for a sinusoid of amplitude A) */
    DSP_FEAT_ZCR,        /* crossings per sample pair, 0 .. 1 */
    DSP_FEAT_COUNT
};

/* "centroid", "spread", "flatness", "rolloff", "flux", "zcr"; NULL if unknown. */
const char *dsp_feature_name(enum dsp_feature f);
/* The enum for a name above; DSP_EINVAL if there is none. */
int dsp_feature_from_name(const char *name, enum dsp_feature *f);

/* Single-frame descriptors (formulas above). mag: n_bins >= 1 finite values
 * >= 0; bin_hz > 0; fraction in (0, 1]. DSP_EINVAL otherwise. */
int dsp_spectral_centroid(const double *mag, size_t n_bins, double bin_hz, double *centroid);
int dsp_spectral_spread(const double *mag, size_t n_bins, double bin_hz, double *spread);
int dsp_spectral_flatness(const double *mag, size_t n_bins, double *flatness);
int dsp_spectral_rolloff(const double *mag, size_t n_bins, double bin_hz, double fraction,
                         double *rolloff);
/* prev and mag: n_bins values each. */
int dsp_spectral_flux(const double *prev, const double *mag, size_t n_bins, double *flux);
/* x: n >= 2 samples. */
int dsp_zero_crossing_rate(const double *x, size_t n, double *zcr);

/* Mean and population standard deviation (divided by n_frames, numpy's
 * default ddof=0) of each of n_cols columns of F (n_frames rows, row-major):
 * summary[c] = mean of column c, summary[n_cols + c] = its std.
 * DSP_EINVAL if n_frames or n_cols is 0. */
int dsp_summary_mean_std(const double *F, size_t n_frames, size_t n_cols, double *summary);

struct dsp_features_params {
    double sample_rate;   /* Hz */
    size_t n_fft;         /* even, >= 4 (512: 32 ms at 16 kHz) */
    size_t hop;           /* >= 1 (256) */
    double rolloff;       /* rolloff fraction in (0, 1] (0.85, librosa's) */
    size_t n_mels;        /* mel bands for the MFCCs (40) */
    size_t n_mfcc;        /* 1 .. n_mels (13) */
};

/* The values in brackets above, at this sample rate. */
struct dsp_features_params dsp_features_defaults(double sample_rate);

struct dsp_features;

/* NULL with dsp_last_error() set for a bad parameter. */
struct dsp_features *dsp_features_new(const struct dsp_features_params *p);
void dsp_features_free(struct dsp_features *ft);   /* NULL is a no-op */

size_t dsp_features_num_frames(const struct dsp_features *ft, size_t len);
/* 2 * (n_mfcc + DSP_FEAT_COUNT): the means of the n_mfcc MFCCs and of the
 * DSP_FEAT_COUNT descriptors, then their standard deviations. */
size_t dsp_features_summary_len(const struct dsp_features *ft);

/* D: n_frames rows of DSP_FEAT_COUNT descriptors; n_frames must equal
 * dsp_features_num_frames(ft, len). */
int dsp_features_frames(struct dsp_features *ft, const double *x, size_t len, double *D,
                        size_t n_frames);

/* The summary of x[0..len-1] (len >= 1) into v, n = dsp_features_summary_len
 * values: each frame's row [MFCC 0..n_mfcc-1, descriptors], then
 * dsp_summary_mean_std over the frames. */
int dsp_features_summary(struct dsp_features *ft, const double *x, size_t len, double *v,
                         size_t n);

#endif
