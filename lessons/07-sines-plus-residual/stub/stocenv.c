/*
 * Lesson 07, Part 3 — The stochastic envelope
 *
 * Implement stocenv_ex(): a noisy residual is described well enough by
 * the SHAPE of its spectrum, frame by frame: a smooth curve, not every
 * bin. For each STFT frame k = 0 .. len/hop (periodic Hann window of n_fft
 * samples, FFT size n_fft, through the DFT model: dsp_stft_new /
 * dsp_stft_magnitude in stft.h give |X| directly), split the
 * nb = n_fft/2 + 1 bins into n_env blocks,
 *     block e = bins  e*nb/n_env  ..  (e+1)*nb/n_env - 1   (integer division)
 * and keep the mean POWER of each block in dB:
 *     env[k * n_env + e] = 10 log10( max( mean_b |X[b]|^2 , 1e-20 ) )
 *
 * x       input, len samples
 * n_fft   window and FFT size (>= 2);  hop >= 1
 * n_env   blocks per frame, 1 <= n_env <= nb
 * env     output, (len/hop + 1) rows of n_env values, dB
 * Returns DSP_OK, DSP_EINVAL (bad sizes), DSP_ENOMEM.
 *
 * EXAMPLE  x = 1 (64 samples), n_fft 16, hop 8, n_env 3 (blocks of bins
 *          0-2, 3-5, 6-8); a frame fully inside the signal has X[0] = 1,
 *          X[1] = 0.5 (zero-phase) and nothing else:
 *            env = {10 log10((1 + 0.25 + 0)/3), -200, -200}
 *                = {-3.802112, -200, -200}    (frames 1 .. 7)
 *          white noise of variance s^2: about 10 log10(1.5 s^2 / n_fft) dB.
 *   The grader allows 1e-9 dB.
 * HINT  mean the power, then take the log — not the other way round (the
 *       mean of dB values of noise reads 2.5 dB low: see the README).
 * CHECK make grade LESSON=07 ONLY=stocenv
 */
#include <math.h>
#include <stdlib.h>

#include <dsplab/stft.h>
#include <dsplab/window.h>

#include "exercise.h"

int stocenv_ex(const double *x, size_t len, size_t n_fft, size_t hop, size_t n_env,
               double *env)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)len;
    (void)n_fft;
    (void)hop;
    (void)n_env;
    (void)env;
    return DSP_ETODO;
}
