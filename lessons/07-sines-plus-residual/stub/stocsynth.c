/*
 * Lesson 07, Part 4 — Stochastic synthesis
 *
 * Implement stocsynth_ex(): make noise with a given spectral envelope. For
 * each frame k = 0 .. n_frames-1 (n_frames must be len/hop + 1), with
 * nb = n_fft/2 + 1 bins and the blocks of Part 3:
 *   1. dB at every bin b = 0 .. nb-1: linear interpolation through the
 *      points (centre_e, env[k][e]), centre_e = (lo_e + hi_e - 1) / 2 for
 *      block e = bins lo_e .. hi_e - 1, held constant beyond the first and
 *      last centres (dsp_interp_linear in signal.h does exactly this);
 *   2. Y[b] = 10^(dB/20) * exp(j theta_b), theta_b = 2 pi u, u the next
 *      dsp_rng_uniform() of ONE generator seeded once with seed
 *      (dsp_rng_seed, gen.h) — bins 0 .. nb-1 in order, frame after frame;
 *   3. z = inverse real FFT of Y (dsp_fft_inverse_real, fft.h: n_fft
 *      samples, with its 1/N; it ignores the imaginary parts of bins 0 and
 *      n_fft/2);
 *   4. overlap-add: y[k*hop - n_fft/2 + n] += g * v[n] * z[n] for
 *      n = 0 .. n_fft-1 where the index is inside 0 .. len-1, with v the
 *      periodic Hann window of n_fft samples and g = (4/3) sqrt(n_fft * hop).
 * The gain g makes white noise come back at the level Part 3 measured
 * (README.md derives it, for hops that divide n_fft at least 3 times).
 *
 * env     n_frames rows of n_env dB values;  n_fft >= 2, hop >= 1
 * seed    the random generator's seed;  y  output, len samples
 * Returns DSP_OK, DSP_EINVAL (bad sizes), DSP_ENOMEM.
 *
 * EXAMPLE  a flat envelope of -50 dB, n_fft 512, hop 128: noise of
 *          variance 512 * 10^-5 / 1.5 = 0.003413 (measured 0.003403);
 *          the same seed twice gives the same samples.
 *   The grader compares a seeded output with the reference to 1e-12.
 * HINT  the order of the random numbers matters: draw exactly nb of them
 *       per frame, even for bins whose imaginary part is ignored.
 * CHECK make grade LESSON=07 ONLY=stocsynth
 */
#include <complex.h>
#include <math.h>
#include <stdlib.h>

#include <dsplab/fft.h>
#include <dsplab/gen.h>
#include <dsplab/signal.h>
#include <dsplab/window.h>

#include "exercise.h"

int stocsynth_ex(const double *env, size_t n_frames, size_t n_env, size_t n_fft, size_t hop,
                 uint64_t seed, double *y, size_t len)
{
    /* YOUR CODE HERE */
    (void)env;
    (void)n_frames;
    (void)n_env;
    (void)n_fft;
    (void)hop;
    (void)seed;
    (void)y;
    (void)len;
    return DSP_ETODO;
}
