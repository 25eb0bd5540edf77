/*
 * Lesson 09 — Sound transformations: the exercises you write (see README.md).
 *
 * Every function returns DSP_OK, or DSP_EINVAL for a bad argument (the
 * stubs return DSP_ETODO until you fill them in). Outputs go into arrays the
 * caller allocates; a length sits next to its pointer.
 *
 * Phase vocoder (Parts 1-2): a periodic Hann window of n_fft samples
 * (n_fft even, >= 4), synthesis hop `hop` (1 <= hop, 2*hop <= n_fft); a
 * spectrum has nb = n_fft/2 + 1 bins; phases are in radians.
 *
 * Tracks (Parts 3-6): the layout of lessons 05-07: n_frames rows of n_sines
 * (or n_harm) values, row k = frame k, element [k][s] at k * n_sines + s;
 * freq in Hz (0 = empty slot: no sinusoid, no harmonic), mag in dB (0 in an
 * empty slot). Harmonic h sits in column h-1.
 */
#ifndef LESSON09_EXERCISE_H
#define LESSON09_EXERCISE_H

#include <stddef.h>

#include <dsplab/status.h>

/* Phase locking of the phase vocoder (Parts 1-2). */
#define PV_LOCK_NONE 0       /* every bin advances on its own */
#define PV_LOCK_IDENTITY 1   /* bins follow their nearest peak */

/* Part 1: one frame's synthesis phases. mag, phi (this frame's analysis,
 * centred on sample a), phi_prev (the analysis at a - hop), theta_prev
 * (the previous output frame's phases), theta (output): nb = n_fft/2 + 1
 * values each.
 *     w_k     = 2 pi k / n_fft + princarg(phi_k - phi_prev_k - 2 pi k hop / n_fft) / hop
 *     theta_k = theta_prev_k + hop * w_k
 * princarg(x) = x - 2 pi floor((x + pi) / (2 pi)), in [-pi, pi).
 * With PV_LOCK_IDENTITY only the peaks (1 <= k <= nb-2, mag_k greater than
 * both neighbours) advance so; every other bin k takes
 *     theta_k = theta_p + phi_k - phi_p
 * from its nearest peak p (ties: the lower peak). No peak: every bin
 * advances on its own. DSP_EINVAL: n_fft odd or < 4, hop 0, 2*hop > n_fft,
 * lock not PV_LOCK_NONE or PV_LOCK_IDENTITY. */
int pvphase_ex(const double *mag, const double *phi, const double *phi_prev,
               const double *theta_prev, size_t n_fft, size_t hop, int lock, double *theta);

/* Part 2: phase vocoder time scaling of x (len >= 1 samples) by factor
 * (> 0: the output is factor times longer) into y, out_len =
 * round(len * factor) samples (halves away from zero, as llround).
 * Output frame j = 0 .. out_len/hop is centred on sample j*hop and reads
 * the input frame centred on a_j = round(j * hop / factor): see README.md
 * for the exact steps. DSP_EINVAL: as Part 1, factor <= 0, len 0, out_len
 * wrong. */
int pvstretch_ex(const double *x, size_t len, double factor, size_t n_fft, size_t hop, int lock,
                 double *y, size_t out_len);

/* Part 3: sine-model frequency scaling. The factor of frame k is the
 * linear interpolation at k of the n_points >= 1 breakpoints
 * (at_frame[i], factor[i]) (at_frame strictly increasing, factors > 0),
 * held flat before the first and after the last. Each present slot gets
 * freq * factor, and becomes empty (freq 0, mag 0) at or above fs/2.
 * freq, mag, out_freq, out_mag: n_frames x n_sines. */
int sinefreq_ex(const double *freq, const double *mag, size_t n_frames, size_t n_sines,
                const double *at_frame, const double *factor, size_t n_points, double fs,
                double *out_freq, double *out_mag);

/* Part 4: sine-model time scaling through a map of n_points >= 2
 * breakpoints (in_frame[i], out_frame[i]), both strictly increasing, the
 * first (0, 0). out_frames must be round(out_frame[n_points-1]) + 1. Output
 * frame j copies input frame round(t(j)), t the map's linear interpolation
 * at j (held at in_frame[n_points-1] beyond the last point), clamped to
 * 0 .. n_frames-1. freq, mag: n_frames x n_sines; out_freq, out_mag:
 * out_frames x n_sines. */
int sinetime_ex(const double *freq, const double *mag, size_t n_frames, size_t n_sines,
                const double *in_frame, const double *out_frame, size_t n_points,
                double *out_freq, double *out_mag, size_t out_frames);

/* Part 5: pitch shifting with the harmonic model: each present harmonic
 * goes to ratio * freq (> 0; empty at or above fs/2). keep_envelope 0:
 * magnitudes stay with their harmonics; 1: a shifted harmonic takes the
 * magnitude of the frame's original envelope at its new frequency (the
 * present harmonics' (freq, mag) points joined linearly, held flat beyond
 * the first and last). hfreq, hmag, out_freq, out_mag: n_frames x n_harm
 * (the outputs are separate arrays). */
int harmpitch_ex(const double *hfreq, const double *hmag, size_t n_frames, size_t n_harm,
                 double ratio, int keep_envelope, double fs, double *out_freq, double *out_mag);

/* Part 6: morphing sound A (n_a frames) towards sound B (n_b frames):
 * frame k of A meets frame round(k (n_b - 1) / (n_a - 1)) of B (0 when
 * n_a = 1). A harmonic present in both frames gets
 *     f = (1 - alpha_freq) f_A + alpha_freq f_B,  m = (1 - alpha_mag) m_A + alpha_mag m_B
 * (others are empty); the stochastic envelopes (dB) mix as
 *     e = (1 - alpha_stoch) e_A + alpha_stoch e_B.
 * freq_a, mag_a: n_a x n_harm; freq_b, mag_b: n_b x n_harm; env_a: n_a x
 * n_env; env_b: n_b x n_env; out_freq, out_mag: n_a x n_harm; out_env:
 * n_a x n_env. Alphas in [0, 1]. */
int morph_ex(const double *freq_a, const double *mag_a, const double *env_a, size_t n_a,
             const double *freq_b, const double *mag_b, const double *env_b, size_t n_b,
             size_t n_harm, size_t n_env, double alpha_freq, double alpha_mag,
             double alpha_stoch, double *out_freq, double *out_mag, double *out_env);

#endif
