/*
 * Lesson 07 — Sines plus residual, sines plus stochastic: the exercises
 * you write (see README.md).
 *
 * Every function returns DSP_OK, or DSP_EINVAL for a bad argument (the
 * stubs return DSP_ETODO until you fill them in). Outputs go into arrays the
 * caller allocates; a length sits next to its pointer.
 *
 * Frames follow the STFT's framing (lib/include/dsplab/stft.h): a signal of
 * len samples and hop H has n_frames = len/H + 1 frames (integer division),
 * frame k centred on sample k*H.
 * Per-frame sinusoids come as n_frames rows of n_sines values: frequency
 * (Hz, 0 = no sinusoid), linear amplitude, and phase (radians) AT THE FRAME
 * CENTRE — what the zero-phase DFT model's peaks give (lesson 05:
 * amplitude 2 * 10^(imag/20), phase iphase, frequency iloc * fs / N).
 */
#ifndef LESSON07_EXERCISE_H
#define LESSON07_EXERCISE_H

#include <stddef.h>
#include <stdint.h>

#include <dsplab/status.h>

/* Part 1: overlap-add synthesis of per-frame sinusoids: for each frame k
 * and n = -hop .. hop-1 with 0 <= k*hop + n < len,
 *     y[k*hop + n] += w(n) * sum_s amp * cos(2 pi freq n / fs + phase),
 *     w(n) = 0.5 + 0.5 cos(pi n / hop)   (w(n) = 1 for n >= 0 in the last frame).
 * n_frames must be len/hop + 1. */
int sines_ex(const double *freq, const double *amp, const double *phase, size_t n_frames,
             size_t n_sines, size_t hop, double fs, double *y, size_t len);

/* Part 2: the residual: sines = Part 1's synthesis, residual = x - sines
 * (len samples each); *srr_db = 10 log10(sum sines^2 / sum residual^2),
 * the sines-to-residual ratio (+inf for a zero residual). */
int residual_ex(const double *x, size_t len, const double *freq, const double *amp,
                const double *phase, size_t n_frames, size_t n_sines, size_t hop, double fs,
                double *sines, double *residual, double *srr_db);

/* Part 3: the stochastic envelope of x: each STFT frame (periodic Hann of
 * n_fft samples, FFT size n_fft, hop, through the DFT model) has
 * nb = n_fft/2+1 bins; block e = 0 .. n_env-1 holds bins
 * e*nb/n_env .. (e+1)*nb/n_env - 1 (integer division), and
 *     env[k][e] = 10 log10(max(mean over the block of |X|^2, 1e-20)).
 * env: n_frames = len/hop + 1 rows of n_env values; 1 <= n_env <= nb. */
int stocenv_ex(const double *x, size_t len, size_t n_fft, size_t hop, size_t n_env,
               double *env);

/* Part 4: stochastic synthesis from an envelope (n_frames rows of n_env,
 * n_frames = len/hop + 1): per frame, dB at each bin by linear
 * interpolation between the block centres, random phases from one
 * generator seeded with seed (bins 0 .. n_fft/2, frame after frame),
 * inverse FFT, Hann window, gain (4/3) sqrt(n_fft * hop), overlap-add
 * centred on k*hop (see README.md for the exact steps). */
int stocsynth_ex(const double *env, size_t n_frames, size_t n_env, size_t n_fft, size_t hop,
                 uint64_t seed, double *y, size_t len);

/* Part 5: the whole decomposition of x (len samples) with the per-frame
 * sinusoids: sines (Part 1), residual = x - sines, its envelope (Part 3),
 * stoch = its stochastic synthesis (Part 4). Outputs sines and stoch (len
 * each) and three measurements:
 *   *recon_err   max |sines + residual - x| (rounding only),
 *   *snr_db      SNR in dB of sines + stoch against x (dsp_snr_db),
 *   *env_err_db  mean over frames and blocks of |env(stoch) - env(residual)|. */
int decompose_ex(const double *x, size_t len, const double *freq, const double *amp,
                 const double *phase, size_t n_frames, size_t n_sines, size_t hop, double fs,
                 size_t n_fft, size_t n_env, uint64_t seed, double *sines, double *stoch,
                 double *recon_err, double *snr_db, double *env_err_db);

#endif
