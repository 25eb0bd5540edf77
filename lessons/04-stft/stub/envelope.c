/*
 * Lesson 04, Part 4 — Energy envelopes in two bands
 *
 * Implement envelope_ex(): for each STFT frame k, the energy in a low band
 * and a high band, in dB:
 *     env_low[k]  = 10 log10( sum_{b: 0    < f_b < 3000 }  |X_k[b]|^2 )
 *     env_high[k] = 10 log10( sum_{b: 3000 < f_b < 10000}  |X_k[b]|^2 )
 * with f_b = b * fs / n_fft and |X_k[b]| the LINEAR magnitude of the
 * STFT with the unit-sum window (10^(mX/20), or dsp_stft_magnitude
 * directly). Both inequalities are strict: bin 0, and a bin exactly on
 * 3000 or 10000 Hz, belong to neither band. Take 10 log10 with
 * dsp_power_to_db(), so an empty sum (digital silence) gives its floor,
 * -3076.5 dB, instead of -inf.
 *
 * x        input, len samples, at fs Hz
 * w, m, n_fft, hop  the STFT's window (as given), sizes and hop
 * env_low, env_high  outputs, n_frames = len/hop + 1 values each
 * Returns DSP_OK, DSP_EINVAL (bad sizes, fs <= 0), DSP_ENOMEM.
 *
 * EXAMPLE  fs 32000, rectangular m = n_fft = 1024 (bins 31.25 Hz apart),
 *          hop 512, x = 0.3 + 0.5 cos(2 pi 1000 t) + 0.1 cos(2 pi 5000 t):
 *          every frame inside the signal has
 *            env_low  = 10 log10((0.5/2)^2) = -12.0412 dB,
 *            env_high = 10 log10((0.1/2)^2) = -26.0206 dB;
 *          the offset 0.3 is all in bin 0, which neither band counts.
 *          x = 0.5 cos(2 pi 3000 t): bin 96 is exactly 3000 Hz, in neither
 *          band: both envelopes are rounding noise, below -200 dB.
 *   The grader allows 1e-9 dB (sums of a few hundred squares); below
 *   -200 dB yours only has to be below -200 dB too.
 * HINT  an energy is a power: 10 log10, never 20 log10 (that doubles
 *       every dB value: -24.08 instead of -12.04). Here you may use the
 *       library's STFT (dsp_stft_new, dsp_stft_num_frames,
 *       dsp_stft_magnitude): Part 2 was about building it. Compute f_b in
 *       double.
 * CHECK make grade LESSON=04 ONLY=envelope
 */
#include <stdlib.h>

#include <dsplab/spectrum.h>
#include <dsplab/stft.h>

#include "exercise.h"

int envelope_ex(const double *x, size_t len, double fs, const double *w, size_t m,
                size_t n_fft, size_t hop, double *env_low, double *env_high)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)len;
    (void)fs;
    (void)w;
    (void)m;
    (void)n_fft;
    (void)hop;
    (void)env_low;
    (void)env_high;
    return DSP_ETODO;
}
