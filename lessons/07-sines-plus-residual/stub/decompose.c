/*
 * Lesson 07, Part 5 — The whole decomposition, and what it costs
 *
 * Implement decompose_ex(): put Parts 1-4 together and measure.
 *   sines    = Part 1 (through Part 2, which also gives the residual)
 *   residual = x - sines
 *   env_r    = stocenv(residual)               (Part 3, n_fft, hop, n_env)
 *   stoch    = stocsynth(env_r, seed)          (Part 4)
 *   env_s    = stocenv(stoch)
 * and report
 *   *recon_err  = max_i |sines[i] + residual[i] - x[i]|
 *                 the sines-plus-RESIDUAL model is exact: rounding only;
 *   *snr_db     = dsp_snr_db(x, sines + stoch, len)     (signal.h)
 *                 the sines-plus-STOCHASTIC model is not: its noise is new
 *                 noise with the right spectrum, not the same waveform;
 *   *env_err_db = mean over all frames and blocks of |env_s - env_r|
 *                 how close the spectral envelopes are.
 *
 * x, len, freq, amp, phase, n_frames, n_sines, hop, fs   as in Parts 1-2
 * n_fft, n_env, seed    as in Parts 3-4
 * sines, stoch          outputs, len samples each
 * Returns DSP_OK, or the first error of Parts 1-4, DSP_ENOMEM.
 *
 * EXAMPLE  the two sinusoids plus noise of Part 2, n_fft 1024, n_env 64,
 *          seed 703:  recon_err ~1e-17, snr_db 16.63, env_err_db 1.86
 *          (the noise alone would give 10 log10(P_x / (2 sigma^2)) = 16.58:
 *           new noise differs from the old by twice its power)
 *          the flute excerpt, seed 702: snr_db 29.70, env_err_db 2.24
 *   The grader checks recon_err <= 1e-15, snr_db against your own outputs
 *   (1e-9) and both measurements against the reference (1e-6 relative).
 * HINT  allocate the residual and the two envelopes here, free them on
 *       every path.
 * CHECK make grade LESSON=07 ONLY=decompose
 */
#include <math.h>
#include <stdlib.h>

#include <dsplab/signal.h>

#include "exercise.h"

int decompose_ex(const double *x, size_t len, const double *freq, const double *amp,
                 const double *phase, size_t n_frames, size_t n_sines, size_t hop, double fs,
                 size_t n_fft, size_t n_env, uint64_t seed, double *sines, double *stoch,
                 double *recon_err, double *snr_db, double *env_err_db)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)len;
    (void)freq;
    (void)amp;
    (void)phase;
    (void)n_frames;
    (void)n_sines;
    (void)hop;
    (void)fs;
    (void)n_fft;
    (void)n_env;
    (void)seed;
    (void)sines;
    (void)stoch;
    (void)recon_err;
    (void)snr_db;
    (void)env_err_db;
    return DSP_ETODO;
}
