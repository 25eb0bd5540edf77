/*
 * stft.h — the short-time Fourier transform: analysis and overlap-add
 * synthesis.
 *
 * Framing (the course's: sms-tools' stftAnal pads floor(M/2) zeros and
 * centres window index floor(M/2) on each hop): for a signal of L samples
 * and hop H there are floor(L/H) + 1 frames; frame k takes the M samples
 * x[k*H - floor(M/2)] .. x[k*H - floor(M/2) + M - 1], reading zero outside
 * 0..L-1, so that window index floor(M/2) sits on sample k*H. Frame k's
 * time is k*H/fs. The frame count is librosa's (center=True,
 * pad_mode='constant'), and so is the window's place when M is even or
 * M == N; but for an odd M inside an even N librosa centres the window in
 * its N-sample frame, which starts it at k*H - floor(M/2) - 1: one sample
 * earlier than here.
 * Each frame then goes through the DFT model (dftmodel.h): unit-sum window,
 * zero-phase rotation into N >= M samples, N/2+1 bins, mX in dB, pX
 * unwrapped. So frame k of the STFT equals `dsplab dft --start k*H-M/2`.
 *
 * Synthesis turns each frame's (mX, pX) back into the windowed frame, applies
 * the window once more and overlap-adds; dividing by the overlapped sum of
 * squared (normalised) windows reconstructs x exactly for any window and hop
 * for which that sum is non-zero at every sample (COLA or not).
 *
 *     double w[2048];
 *     dsp_window_fill(DSP_WIN_HANN, 0, DSP_WINDOW_PERIODIC, w, 2048);
 *     struct dsp_stft *st = dsp_stft_new(w, 2048, 2048, 512);
 *     size_t frames = dsp_stft_num_frames(st, n);
 *     for (size_t k = 0; k < frames; k++)
 *         dsp_stft_analyze_frame(st, x, n, k, mX, pX);   // 1025 values each
 *     dsp_stft_free(st);
 */
#ifndef DSPLAB_STFT_H
#define DSPLAB_STFT_H

#include <complex.h>
#include <stddef.h>

struct dsp_stft;

/* window: m values (copied). n_fft >= m, 1 <= hop. NULL with
 * dsp_last_error() set ("hop size (0) must be at least 1", ...). */
struct dsp_stft *dsp_stft_new(const double *window, size_t m, size_t n_fft, size_t hop);
void dsp_stft_free(struct dsp_stft *st);   /* NULL is a no-op */

size_t dsp_stft_window_size(const struct dsp_stft *st);
size_t dsp_stft_fft_size(const struct dsp_stft *st);
size_t dsp_stft_hop(const struct dsp_stft *st);
size_t dsp_stft_num_bins(const struct dsp_stft *st);          /* N/2 + 1 */
size_t dsp_stft_num_frames(const struct dsp_stft *st, size_t len);  /* floor(len/H) + 1 */

/* Copies frame k's M raw (unwindowed) samples, zeros outside the signal. */
int dsp_stft_frame(const struct dsp_stft *st, const double *x, size_t len, size_t k,
                   double *frame);

/* Frame k's complex spectrum (N/2+1 bins) through the DFT model. */
int dsp_stft_spectrum(struct dsp_stft *st, const double *x, size_t len, size_t k,
                      double complex *X);

/* Frame k's linear magnitude |X| (N/2+1 values) — the fast path: no
 * logarithm, no phase. */
int dsp_stft_magnitude(struct dsp_stft *st, const double *x, size_t len, size_t k,
                       double *mag);

/* Frame k's power spectrum |X|^2 (N/2+1 values) with the window AS GIVEN to
 * dsp_stft_new, without the unit-sum normalisation: librosa's stft scaling,
 * for mel spectrograms. With M == N it equals |librosa.stft(center=True,
 * pad_mode='constant')|^2 of frame k (the zero-phase rotation does not
 * change magnitudes). */
int dsp_stft_power(struct dsp_stft *st, const double *x, size_t len, size_t k,
                   double *power);

/* Frame k's mX (dB) and pX (unwrapped radians); pX may be NULL. */
int dsp_stft_analyze_frame(struct dsp_stft *st, const double *x, size_t len, size_t k,
                           double *mX, double *pX);

/* Synthesis from whole matrices: mX and pX hold n_frames rows of N/2+1
 * values (row k = frame k); y receives len samples. n_frames must equal
 * dsp_stft_num_frames(st, len). DSP_EINVAL, before any work, where the
 * overlapped sum of squared windows is zero or below 1e-16 of the largest
 * w^2 at some sample (hop too large for the window, e.g. Hann with H = M):
 * the message names the sample, M and H. */
int dsp_stft_synthesize(struct dsp_stft *st, const double *mX, const double *pX,
                        size_t n_frames, double *y, size_t len);

#endif
