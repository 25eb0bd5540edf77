/*
 * f32.h — single-precision (float32) STFT magnitudes and mel spectrograms,
 * through FFTW's single-precision library (fftw3f), for ML pipelines that
 * want float32 features and the speed of 4 (SSE) to 16 (AVX-512) lanes.
 *
 * Conventions are those of the double-precision objects, frame for frame:
 *   dsp_stft_f32_magnitude  = dsp_stft_magnitude (stft.h): frame k centred
 *       on sample k*H, floor(L/H)+1 frames, unit-sum window, N/2+1 bins;
 *   dsp_melspec_f32_frame   = dsp_melspec_frame (melspec.h): the same
 *       params (centred or inside framing, power 1 or 2), mel bank in double.
 * Only the arithmetic differs: samples, window, FFT and |X| in float; the
 * mel bank sums in double. For an even N the FFT is FFTW's complex one of
 * N/2 points over the samples taken in pairs, split into the N/2+1 bins of
 * the real transform (a few float operations per bin, within the bound
 * below): FFTW's real float plans are slower than that here.
 *
 * Error bound (tests/test_f32.c checks it on noise, chirps and silence):
 *   |mag32[b] - mag64[b]| <= 1e-5 * max_b mag64[b]     per frame,
 *   |mel32[m] - mel64[m]| <= 1e-5 * max_m mel64[m]     per frame (power 2:
 *                                                      2e-5; power doubles
 *                                                      a relative error).
 * Why: rounding the input and window to float costs 2^-24 = 6e-8 relative
 * per product; FFTW's float FFT adds about eps * sqrt(log2 N) in rms (and at
 * most eps * log2 N = 6.6e-7 for N = 2048) relative to the frame's energy,
 * which is below its peak bin. 1e-5 leaves a factor > 10 for N up to 2^16.
 * Bins far below the frame's peak are NOT accurate relative to themselves:
 * a bin 100 dB under the peak may be off by 20 %, so dB values of quiet
 * bins (and MFCCs, which mix them) differ from the double path by up to
 * ~0.5 dB below 80 dB under the peak.
 *
 *     double w[2048];
 *     dsp_window_fill(DSP_WIN_HANN, 0, DSP_WINDOW_PERIODIC, w, 2048);
 *     struct dsp_stft_f32 *st = dsp_stft_f32_new(w, 2048, 2048, 512);
 *     for (size_t k = 0; k < dsp_stft_f32_num_frames(st, len); k++)
 *         dsp_stft_f32_magnitude(st, xf, len, k, mag);      // 1025 floats
 *     dsp_stft_f32_free(st);
 * Processing never allocates; one object serves one thread at a time.
 */
#ifndef DSPLAB_F32_H
#define DSPLAB_F32_H

#include "dsplab/melspec.h"

#include <stddef.h>

struct dsp_stft_f32;

/* As dsp_stft_new (window: m doubles, normalised to unit sum and rounded to
 * float); NULL with dsp_last_error() set. */
struct dsp_stft_f32 *dsp_stft_f32_new(const double *window, size_t m, size_t n_fft, size_t hop);
void dsp_stft_f32_free(struct dsp_stft_f32 *st);   /* NULL is a no-op */
size_t dsp_stft_f32_num_bins(const struct dsp_stft_f32 *st);               /* N/2 + 1 */
size_t dsp_stft_f32_num_frames(const struct dsp_stft_f32 *st, size_t len);  /* L/H + 1 */

/* Frame k of x[0..len-1] (float samples): |X|, N/2+1 floats. */
int dsp_stft_f32_magnitude(struct dsp_stft_f32 *st, const float *x, size_t len, size_t k,
                           float *mag);

struct dsp_melspec_f32;

/* As dsp_melspec_new. */
struct dsp_melspec_f32 *dsp_melspec_f32_new(const struct dsp_melspec_params *p);
void dsp_melspec_f32_free(struct dsp_melspec_f32 *ms);   /* NULL is a no-op */
size_t dsp_melspec_f32_num_frames(const struct dsp_melspec_f32 *ms, size_t len);
size_t dsp_melspec_f32_num_bands(const struct dsp_melspec_f32 *ms);

/* Frame k of x[0..len-1] (float samples) -> mel[0..n_mels-1], in double
 * (the bank's sums), to be stored as float by the caller. */
int dsp_melspec_f32_frame(struct dsp_melspec_f32 *ms, const float *x, size_t len, size_t k,
                          double *mel);

#endif
