/*
 * Lesson 04 — The short-time Fourier transform: the exercises you write
 * (see README.md).
 *
 * Every function returns DSP_OK, or DSP_EINVAL for a bad argument (the
 * stubs return DSP_ETODO until you fill them in). Outputs go into arrays the
 * caller allocates; a length sits next to its pointer.
 *
 * Framing, as in lib/include/dsplab/stft.h: a signal of len samples with
 * hop H has n_frames = len/H + 1 frames; frame k holds the M samples
 * x[k*H - M/2 .. k*H - M/2 + M - 1] (M/2 rounded down), zero outside
 * 0..len-1, and goes through the DFT model (dftmodel.h): unit-sum window,
 * zero-phase buffer of N samples, N/2+1 bins. Matrices are row-major with
 * one frame per row: element (k, b) is a[k * (N/2+1) + b].
 */
#ifndef LESSON04_EXERCISE_H
#define LESSON04_EXERCISE_H

#include <stddef.h>

#include <dsplab/status.h>
#include <dsplab/window.h>

/* Part 1: the main lobe of a window's spectrum. The periodic window of
 * type (param: Kaiser's beta, Gaussian's sigma) and m samples, normalised
 * to unit sum, zero-phase buffered into N = 8*m samples; mX[b] its
 * magnitude in dB (dsp_amp_to_db) for b = 0..N/2. r is the first bin
 * b >= 1 with mX[b+1] > mX[b] (the first minimum). lobe receives the
 * 2r+1 values mX[r], .., mX[1], mX[0], mX[1], .., mX[r] (centred on 0 Hz);
 * *len = 2r+1. lobe has room for 8*m values. DSP_EINVAL for m == 0, a bad
 * param, or no minimum below N/2. */
int lobe_ex(enum dsp_window type, double param, size_t m, double *lobe, size_t *len);

/* Part 2: the STFT of x (len samples): window w (m values, as given, the
 * DFT model normalises it), FFT size n_fft >= m, hop >= 1. mX (dB) and
 * pX (radians, unwrapped along frequency) receive n_frames rows of
 * n_fft/2+1 values, n_frames = len/hop + 1. */
int stft_ex(const double *x, size_t len, const double *w, size_t m, size_t n_fft, size_t hop,
            double *mX, double *pX);

/* Part 3: the inverse: each frame back to its windowed samples through the
 * DFT model, windowed once more by the normalised window and overlap-added
 * at k*hop - m/2; then each sample divided by the sum of the squared
 * normalised windows that overlap it. y receives len samples; n_frames
 * must be len/hop + 1. DSP_EINVAL where that sum is <= 1e-16 times the
 * largest squared normalised window value (a sample no frame covers). */
int istft_ex(const double *mX, const double *pX, size_t n_frames, const double *w, size_t m,
             size_t n_fft, size_t hop, double *y, size_t len);

/* Part 4: energy envelopes. For each frame k, with |X_k[b]| the linear
 * magnitude of the STFT (unit-sum window) and f_b = b*fs/n_fft:
 *   env_low[k]  = 10*log10( sum over 0    < f_b < 3000  of |X_k[b]|^2 )
 *   env_high[k] = 10*log10( sum over 3000 < f_b < 10000 of |X_k[b]|^2 )
 * (bin 0 and a bin exactly on 3000 or 10000 Hz belong to neither band; a
 * zero sum gives dsp_power_to_db's floor). n_frames = len/hop + 1 values
 * each. */
int envelope_ex(const double *x, size_t len, double fs, const double *w, size_t m,
                size_t n_fft, size_t hop, double *env_low, double *env_high);

/* Part 5: onset detection function of one envelope (n >= 1 frames, dB):
 * odf[0] = 0, odf[k] = max(env[k] - env[k-1], 0) for k >= 1. */
int odf_ex(const double *env, size_t n, double *odf);

#endif
