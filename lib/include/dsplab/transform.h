/*
 * transform.h — sound transformations: time scaling with the phase vocoder,
 * frequency scaling and time scaling of sinusoidal tracks, pitch shifting
 * with the harmonic model, and morphing two harmonic sounds (the course's
 * week 8: stftTransformations, sineTransformations, hpsTransformations).
 *
 * Time scaling by a factor r (> 0) makes a sound r times LONGER (r = 2:
 * half speed) and keeps its pitch; pitch shifting by a ratio q (> 0)
 * multiplies every frequency by q (q = 2: an octave up) and keeps its
 * duration.
 *
 * Phase vocoder, dsp_time_stretch():
 *   Periodic Hann window of N samples (N even >= 4), synthesis hop Hs
 *   (2 Hs <= N; N = 4 Hs keeps the window overlap smooth). The output has
 *   out_len = dsp_time_stretch_len(len, r) = round(len * r) samples and
 *   J = out_len / Hs + 1 frames: output frame j is centred on sample j*Hs
 *   and takes the input frame centred on a_j = round(j * Hs / r) (reading
 *   zeros outside the input). Each frame's spectrum is the FFT of the
 *   windowed frame x[a - N/2 .. a + N/2 - 1] (no zero-phase rotation).
 *   Instantaneous frequency of bin k, from a second frame Hs samples
 *   earlier in the input (a_j - Hs), so that it is measured over the same
 *   distance whatever r:
 *       w_k = 2 pi k / N + princarg(phi_k(a_j) - phi_k(a_j - Hs) - 2 pi k Hs / N) / Hs
 *   (rad/sample; princarg maps to [-pi, pi)). Synthesis phases:
 *       frame 0:   theta_k = phi_k(a_0)
 *       frame j:   theta_k = theta_k(j-1) + Hs w_k          (each peak)
 *   With DSP_PV_LOCK_IDENTITY (Laroche and Dolson 1999) only the peaks of
 *   |X| (bins greater than both neighbours) advance that way; every other
 *   bin belongs to its nearest peak p (ties to the lower one) and keeps
 *   its analysed phase offset from it:
 *       theta_k = theta_p + phi_k(a_j) - phi_p(a_j)
 *   which keeps the shape of each peak's main lobe and so the sinusoid's
 *   clean sound ("phasiness" comes from bins of one lobe drifting apart).
 *   With DSP_PV_LOCK_NONE every bin advances on its own (the classic
 *   phase vocoder). Frame j = |X_k(a_j)| e^{i theta_k} -> inverse FFT ->
 *   Hann window again -> overlap-add at j*Hs - N/2; the sum is divided,
 *   sample by sample, by the overlapped sum of w^2, so r = 1 gives back x
 *   (up to rounding).
 *
 * Sinusoidal tracks (the layout of sine.h: n_frames rows of n_sines slots,
 * freq Hz with 0 = empty slot, mag dB, row k = frame k):
 *   dsp_sine_freq_scale(): freq_out[k][s] = scale[k] * freq[k][s]; a slot
 *     pushed to fs/2 or beyond becomes empty (freq 0, mag 0).
 *   dsp_sine_time_scale(): a map of n_points breakpoints (in_frame[i],
 *     out_frame[i]), both strictly increasing, in_frame[0] = out_frame[0]
 *     = 0: output frame j reads input frame round(t) with t the map's
 *     linear interpolation at j (held at the last point beyond it; a frame
 *     past the input's end reads the last one). out_frames =
 *     round(out_frame[n-1]) + 1. Phases are not copied: synthesise the
 *     result without phases (dsp_sine_synth_time with phase NULL), which
 *     integrates the frequencies at the output's hop.
 *   A constant factor r on n_frames frames: points (0, 0) and
 *     (n_frames - 1, (n_frames - 1) r).
 *
 * Pitch shifting with the harmonic model, dsp_harmonic_pitch_shift():
 *   every present harmonic goes to q * f (empty beyond fs/2).
 *   DSP_ENVELOPE_MOVE: the magnitudes stay with their harmonics, so the
 *     spectral envelope (the formants, the timbre) moves by q too
 *     ("chipmunk" voices).
 *   DSP_ENVELOPE_KEEP: each shifted harmonic takes the magnitude the
 *     frame's ORIGINAL envelope has at its new frequency; the envelope is
 *     the dB magnitudes of the frame's present harmonics joined linearly
 *     over frequency (numpy.interp: held flat below the first and beyond
 *     the last), so the formants stay where they were.
 *
 * Morphing, dsp_harmonic_morph() and dsp_env_morph() (the course's
 * hpsMorph): sound B's frames are aligned to sound A's: frame k of A
 * (n_a frames) meets frame round(k (n_b - 1) / (n_a - 1)) of B (frame 0
 * when n_a = 1). A harmonic present in both frames gets
 *       f = (1 - a_f) f_A + a_f f_B,   m = (1 - a_m) m_A + a_m m_B  (dB)
 * and a harmonic missing from either is empty. Stochastic envelopes
 * (residual.h, dB) mix as e = (1 - a_s) e_A + a_s e_B. a = 0 gives sound
 * A, a = 1 sound B's frequencies (or magnitudes) on A's time line.
 *
 * Whole sounds (for tools and lessons; they make and free their own
 * analysis objects, unlike the functions on arrays): dsp_time_stretch(),
 * and dsp_pitch_shift() and dsp_morph(), which use the harmonic plus
 * stochastic model (residual.h's dsp_decompose_params, model harmonic):
 * harmonic analysis and track cleaning, the transformation of the tracks,
 * synthesis without phases (dsp_sine_synth_time), plus the resynthesised
 * stochastic envelope of the residual (unshifted by dsp_pitch_shift,
 * mixed by dsp_morph).
 *
 *     size_t out_len = dsp_time_stretch_len(len, 1.5);
 *     double *y = malloc(out_len * sizeof *y);
 *     dsp_time_stretch(x, len, 1.5, 2048, 512, DSP_PV_LOCK_IDENTITY, y, out_len);
 *
 *     struct dsp_decompose_params p = {.model = DSP_DECOMPOSE_HARMONIC,
 *                                      .min_frames = 10, .stoch_hop = 128,
 *                                      .stocf = 0.2, .seed = 1};
 *     dsp_harmonic_params_default(&p.harmonic, fs);
 *     dsp_pitch_shift(&p, x, len, 1.5, DSP_ENVELOPE_KEEP, y2, len);
 */
#ifndef DSPLAB_TRANSFORM_H
#define DSPLAB_TRANSFORM_H

#include <stddef.h>

#include "dsplab/residual.h"

enum dsp_pv_lock {
    DSP_PV_LOCK_NONE,       /* every bin's phase advances on its own */
    DSP_PV_LOCK_IDENTITY,   /* bins follow their nearest peak (Laroche-Dolson) */
};

enum dsp_envelope {
    DSP_ENVELOPE_MOVE,   /* magnitudes travel with the harmonics */
    DSP_ENVELOPE_KEEP,   /* magnitudes read from the original envelope */
};

/* round(len * factor): the length of a sound time-scaled by factor. */
size_t dsp_time_stretch_len(size_t len, double factor);

/* Phase vocoder time scaling of x (len >= 1 samples) by factor (> 0) into
 * y (out_len = dsp_time_stretch_len(len, factor) samples). n_fft even,
 * >= 4, >= 2 hop; hop >= 1. DSP_EINVAL otherwise (message names the
 * values); DSP_ENOMEM. */
int dsp_time_stretch(const double *x, size_t len, double factor, size_t n_fft, size_t hop,
                     enum dsp_pv_lock lock, double *y, size_t out_len);

/* freq, mag: n_frames x n_sines (Hz, dB); scale: n_frames factors (> 0)
 * -> out_freq, out_mag (same shape; may be freq and mag themselves). */
int dsp_sine_freq_scale(const double *freq, const double *mag, size_t n_frames, size_t n_sines,
                        const double *scale, double fs, double *out_freq, double *out_mag);

/* The number of output frames of a time map: round(out_frame[n_points-1]) + 1. */
size_t dsp_sine_time_scale_frames(const double *out_frame, size_t n_points);

/* freq, mag: n_frames x n_sines -> out_freq, out_mag: out_frames x n_sines
 * (out_frames = dsp_sine_time_scale_frames), through the map of n_points
 * >= 2 breakpoints (see above). */
int dsp_sine_time_scale(const double *freq, const double *mag, size_t n_frames, size_t n_sines,
                        const double *in_frame, const double *out_frame, size_t n_points,
                        double *out_freq, double *out_mag, size_t out_frames);

/* hfreq, hmag: n_frames x n_harm (Hz, dB) -> out_freq, out_mag (same
 * shape; not aliasing the inputs). ratio > 0, fs > 0. */
int dsp_harmonic_pitch_shift(const double *hfreq, const double *hmag, size_t n_frames,
                             size_t n_harm, double ratio, enum dsp_envelope envelope, double fs,
                             double *out_freq, double *out_mag);

/* Sound A (n_a frames) and B (n_b frames), n_harm slots each -> out_freq,
 * out_mag: n_a x n_harm. 0 <= alpha_freq, alpha_mag <= 1. */
int dsp_harmonic_morph(const double *freq_a, const double *mag_a, size_t n_a,
                       const double *freq_b, const double *mag_b, size_t n_b, size_t n_harm,
                       double alpha_freq, double alpha_mag, double *out_freq, double *out_mag);

/* Stochastic envelopes env_a (n_a x n_env) and env_b (n_b x n_env, dB) ->
 * out (n_a x n_env). 0 <= alpha <= 1. */
int dsp_env_morph(const double *env_a, size_t n_a, const double *env_b, size_t n_b,
                  size_t n_env, double alpha, double *out);

/* Harmonic plus stochastic pitch shift of x (len samples) into y (len
 * samples). p->model must be DSP_DECOMPOSE_HARMONIC. */
int dsp_pitch_shift(const struct dsp_decompose_params *p, const double *x, size_t len,
                    double ratio, enum dsp_envelope envelope, double *y, size_t out_len);

/* Harmonic plus stochastic morph of sound A (len_a samples, analysed with
 * pa) towards sound B (len_b samples, with pb) into y (len_a samples).
 * Both must be harmonic models with the same fs, hop and n_harmonics;
 * the stochastic part uses pa's stoch_hop, stocf and seed. */
int dsp_morph(const struct dsp_decompose_params *pa, const double *xa, size_t len_a,
              const struct dsp_decompose_params *pb, const double *xb, size_t len_b,
              double alpha_freq, double alpha_mag, double alpha_stoch, double *y,
              size_t out_len);

#endif
