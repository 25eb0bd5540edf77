/*
 * residual.h — what the sinusoids leave: the residual, its stochastic
 * approximation, and the decomposition of a sound into sinusoidal (or
 * harmonic), residual and stochastic parts (the course's SPS/HPS models).
 *
 * Residual: r = x - y, sample by sample, where y is the time-domain
 * synthesis of the sinusoidal or harmonic tracks (sine.h), which keeps
 * each sinusoid's measured phase so that the subtraction cancels it.
 *
 * Stochastic model, struct dsp_stochastic, hop H:
 *   analysis: frames as the STFT's (frame k centred on sample k*H), periodic
 *     Hann window of M = N = 2H samples normalised to unit sum (the DFT
 *     model), N/2+1 = H+1 bins. The bins are split into E = max(2,
 *     round(stocf * (H+1))) bands of consecutive bins (band j holds bins
 *     floor(j(H+1)/E) .. floor((j+1)(H+1)/E) - 1), and the envelope value of
 *     band j is the dB of its mean power:  env[j] = 10 log10(mean |X_k|^2).
 *     So the envelope is a decimated dB magnitude spectrum, in the units of
 *     mX (dftmodel.h), and white noise of variance s^2 gives a flat envelope
 *     at 10 log10(s^2 * sum w_n^2) = 10 log10(s^2 * 1.5 / N) dB (w_n the
 *     unit-sum Hann window). Averaging powers, not dBs, keeps the level:
 *     the mean of the dB of noise is 2.5 dB lower.
 *     stocf (0 < stocf <= 1) is the stochastic factor, e.g. 0.2.
 *   synthesis: the envelope, linear in dB between band centres (held flat
 *     beyond the first and last), gives each bin a power P_k; the bin gets
 *     magnitude sqrt(P_k) and a uniformly random phase (DC and Nyquist: a
 *     random sign) from a seeded dsp_rng; the inverse FFT is scaled by
 *     sqrt(N / sum w_n^2), undoing the analysis window's noise gain, then
 *     multiplied by sqrt(Hann) and overlap-added at hop H: the squared
 *     windows sum to 1, so independent frames add up to the analysed power
 *     spectrum (white noise of variance s^2 comes back with variance s^2).
 *
 *     struct dsp_stochastic *st = dsp_stochastic_new(128, 0.2);
 *     size_t nf = dsp_stochastic_num_frames(st, len), E = dsp_stochastic_env_size(st);
 *     double *env = malloc(nf * E * sizeof *env);
 *     dsp_stochastic_analyze(st, r, len, env, nf);
 *     dsp_stochastic_synthesize(st, env, nf, 1234, ys, len);
 *     dsp_stochastic_free(st);
 *
 * Decomposition, dsp_decompose(): sinusoidal or harmonic analysis, track
 * cleaning, time-domain synthesis -> sines; x - sines -> residual; the
 * residual's stochastic envelope resynthesised -> stochastic. So
 * sines + residual == x exactly, and sines + stochastic is the course's
 * SPS/HPS resynthesis.
 */
#ifndef DSPLAB_RESIDUAL_H
#define DSPLAB_RESIDUAL_H

#include <stddef.h>
#include <stdint.h>

#include "dsplab/gen.h"
#include "dsplab/harmonic.h"
#include "dsplab/sine.h"

/* r[i] = x[i] - y[i] for n samples; r may be x or y. */
int dsp_residual_subtract(const double *x, const double *y, size_t n, double *r);

struct dsp_stochastic;

/* hop >= 2 (window 2*hop), 0 < stocf <= 1. NULL with dsp_last_error() set. */
struct dsp_stochastic *dsp_stochastic_new(size_t hop, double stocf);
void dsp_stochastic_free(struct dsp_stochastic *st);   /* NULL is a no-op */
size_t dsp_stochastic_hop(const struct dsp_stochastic *st);
size_t dsp_stochastic_env_size(const struct dsp_stochastic *st);          /* E */
size_t dsp_stochastic_num_frames(const struct dsp_stochastic *st, size_t len);
/* Fractional bin (0 .. H) at the centre of band j: where env[j] sits;
 * times fs / (2H) for Hz. */
double dsp_stochastic_band_centre(const struct dsp_stochastic *st, size_t j);

/* Frame k of x (len samples) -> env, E values in dB. */
int dsp_stochastic_analyze_frame(struct dsp_stochastic *st, const double *x, size_t len,
                                 size_t k, double *env);
/* Every frame: env is n_frames x E, n_frames = dsp_stochastic_num_frames. */
int dsp_stochastic_analyze(struct dsp_stochastic *st, const double *x, size_t len, double *env,
                           size_t n_frames);

/* One frame from env (E values) with phases from rng -> out, 2H samples
 * to be added to y[k*H - H + i]. */
int dsp_stochastic_synth_frame(struct dsp_stochastic *st, const double *env,
                               struct dsp_rng *rng, double *out);
/* Every frame, phases from a generator seeded with seed, overlap-added
 * into y (len samples). */
int dsp_stochastic_synthesize(struct dsp_stochastic *st, const double *env, size_t n_frames,
                              uint64_t seed, double *y, size_t len);

enum dsp_decompose_model {
    DSP_DECOMPOSE_SINE,       /* sinusoidal tracks: params.sine */
    DSP_DECOMPOSE_HARMONIC,   /* harmonics of f0: params.harmonic */
};

struct dsp_decompose_params {
    enum dsp_decompose_model model;
    struct dsp_sine_params sine;          /* used by DSP_DECOMPOSE_SINE */
    struct dsp_harmonic_params harmonic;  /* used by DSP_DECOMPOSE_HARMONIC */
    size_t min_frames;                    /* tracks shorter than this are removed (0: none) */
    size_t stoch_hop;                     /* stochastic model hop, e.g. 128 */
    double stocf;                         /* stochastic factor, e.g. 0.2 */
    uint64_t seed;                        /* random phases of the stochastic part */
};

/* Whole signal x (len samples) -> sines, residual (len samples each) and,
 * when stochastic is not NULL, the stochastic part (len samples). A
 * convenience for tools and lessons: it makes and frees its own analysis
 * objects and track matrices (unlike the per-frame functions, it
 * allocates). */
int dsp_decompose(const struct dsp_decompose_params *p, const double *x, size_t len,
                  double *sines, double *residual, double *stochastic);

#endif
