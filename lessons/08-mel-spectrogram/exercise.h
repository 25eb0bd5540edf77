/*
 * Lesson 08 — The mel spectrogram: the exercises you write (see README.md).
 *
 * Conventions (the same as lib/include/dsplab/mel.h, melspec.h, mfcc.h and
 * vggish.h):
 *   mel scales  DSP_MEL_SLANEY  f/(200/3) below 1000 Hz,
 *                               15 + ln(f/1000) / (ln(6.4)/27) from 1000 Hz up
 *               DSP_MEL_HTK     2595 log10(1 + f/700)
 *               DSP_MEL_HTK_LN  1127 ln(1 + f/700)        (VGGish)
 *   filterbank  n_mels rows of n_bins = n_fft/2 + 1 weights, row-major:
 *               W[m * n_bins + k] is band m's weight on FFT bin k
 *               (bin k is at k * sample_rate / n_fft Hz)
 *   spectrograms one frame per row: P[t * n_bins + k], S[t * n_mels + m],
 *               C[t * n_mfcc + q]
 * Every function returns DSP_OK, or DSP_EINVAL for a bad argument (the stubs
 * return DSP_ETODO until you fill them in). Outputs go into arrays the
 * caller allocates; a length sits next to its pointer.
 */
#ifndef LESSON08_EXERCISE_H
#define LESSON08_EXERCISE_H

#include <stddef.h>

#include <dsplab/mel.h>
#include <dsplab/melspec.h>
#include <dsplab/status.h>

/* Part 1: n frequencies in Hz (each >= 0 and finite) to mels on a scale,
 * and back (mels >= 0 and finite). DSP_EINVAL for an unknown scale or a
 * negative or non-finite value. */
int hz_to_mel_ex(const double *hz, size_t n, enum dsp_mel_scale scale, double *mel);
int mel_to_hz_ex(const double *mel, size_t n, enum dsp_mel_scale scale, double *hz);

/* Part 2: librosa's triangular filterbank (librosa.filters.mel), dense:
 * W receives n_mels * (n_fft/2 + 1) weights. The n_mels + 2 edges are
 * equally spaced in mel between mel(f_min) and mel(f_max) and converted back
 * to Hz f_0 .. f_{n_mels+1}; band m rises from f_m to f_{m+1} and falls to
 * f_{m+2}, linearly in Hz:
 *   W[m][k] = max(0, min((F_k - f_m) / (f_{m+1} - f_m),
 *                        (f_{m+2} - F_k) / (f_{m+2} - f_{m+1}))),
 * F_k = k * sample_rate / n_fft; with DSP_MEL_NORM_SLANEY each row is then
 * multiplied by 2 / (f_{m+2} - f_m). DSP_EINVAL for sample_rate <= 0,
 * n_fft < 2, n_mels == 0, f_min < 0, f_max <= f_min, f_max > sample_rate/2, or
 * an unknown scale or norm. */
int melbank_ex(double sample_rate, size_t n_fft, size_t n_mels, double f_min, double f_max,
               enum dsp_mel_scale scale, enum dsp_mel_norm norm, double *W);

/* Part 3: apply a filterbank W (n_mels x n_bins) to a power spectrogram P
 * (n_frames x n_bins): S[t][m] = sum_k W[m][k] * P[t][k], S has n_frames x
 * n_mels values. DSP_EINVAL if n_mels or n_bins is 0 (n_frames 0 is fine:
 * nothing to do). */
int melapply_ex(const double *W, size_t n_mels, size_t n_bins, const double *P, size_t n_frames,
                double *S);

/* Part 4: librosa.power_to_db over n >= 1 values:
 *   db[i] = 10 log10(max(amin, S[i])) - 10 log10(max(amin, ref)),
 *   then, unless top_db is DSP_DB_NO_TOP (infinity),
 *   db[i] = max(db[i], max_j db[j] - top_db).
 * ref > 0, or DSP_DB_REF_MAX (0) to use the largest S[i]. S and db may be
 * the same array. DSP_EINVAL for n == 0, amin <= 0, ref < 0, top_db < 0 or
 * a NaN among them. */
int power_to_db_ex(const double *S, size_t n, double ref, double amin, double top_db, double *db);

/* Part 5: MFCCs: for each of n_frames rows of n_mels dB values, the first
 * n_mfcc coefficients of the orthonormal DCT-II
 *   C[t][q] = s_q * sum_{m=0}^{M-1} db[t][m] * cos(pi * q * (2m + 1) / (2M)),
 *   s_0 = sqrt(1/M), s_q = sqrt(2/M) for q >= 1,  M = n_mels.
 * DSP_EINVAL unless 1 <= n_mfcc <= n_mels. */
int mfcc_ex(const double *db, size_t n_frames, size_t n_mels, size_t n_mfcc, double *C);

/* Part 6: the VGGish log-mel front end on a signal at 16000 Hz.
 * vggish_frames_ex: *n_frames = 1 + (len - 400) / 160, or 0 when len < 400.
 * vggish_ex: frames of 400 samples every 160 (only whole frames), periodic
 * Hann window, FFT of 512, magnitude |X| over 257 bins, 64 mel bands from
 * 125 to 7500 Hz on the 1127 ln(1 + f/700) scale with the triangles drawn in
 * mel and bin 0 weighted 0, then ln(mel + 0.01). logmel receives n_frames
 * rows of 64 values. DSP_EINVAL if n_frames is not vggish_frames_ex's. */
int vggish_frames_ex(size_t len, size_t *n_frames);
int vggish_ex(const double *x, size_t len, double *logmel, size_t n_frames);

#endif
