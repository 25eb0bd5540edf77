/* Lesson 07, Part 5 — reference solution. */
#include <math.h>
#include <stdlib.h>

#include <dsplab/signal.h>

#include "exercise.h"

int decompose_ex(const double *x, size_t len, const double *freq, const double *amp,
                 const double *phase, size_t n_frames, size_t n_sines, size_t hop, double fs,
                 size_t n_fft, size_t n_env, uint64_t seed, double *sines, double *stoch,
                 double *recon_err, double *snr_db, double *env_err_db)
{
    if (hop == 0 || n_frames != len / hop + 1)
        return DSP_EINVAL;
    double *res = malloc((len + 1) * sizeof *res), *sum = malloc((len + 1) * sizeof *sum);
    double *env_r = malloc(n_frames * n_env * sizeof *env_r + 1);
    double *env_s = malloc(n_frames * n_env * sizeof *env_s + 1);
    int s = DSP_ENOMEM;
    double srr;
    if (!res || !sum || !env_r || !env_s)
        goto done;
    s = residual_ex(x, len, freq, amp, phase, n_frames, n_sines, hop, fs, sines, res, &srr);
    if (s == DSP_OK)
        s = stocenv_ex(res, len, n_fft, hop, n_env, env_r);
    if (s == DSP_OK)
        s = stocsynth_ex(env_r, n_frames, n_env, n_fft, hop, seed, stoch, len);
    if (s == DSP_OK)
        s = stocenv_ex(stoch, len, n_fft, hop, n_env, env_s);
    if (s != DSP_OK)
        goto done;
    /* sines + residual rebuilds x up to rounding: the identity of the model */
    double err = 0.0;
    for (size_t i = 0; i < len; i++) {
        err = fmax(err, fabs(sines[i] + res[i] - x[i]));
        sum[i] = sines[i] + stoch[i];
    }
    *recon_err = err;
    /* sines + stochastic only sounds like x: measure how far the waveform
     * is, and how close the spectral envelope */
    *snr_db = dsp_snr_db(x, sum, len);
    double d = 0.0;
    for (size_t q = 0; q < n_frames * n_env; q++)
        d += fabs(env_s[q] - env_r[q]);
    *env_err_db = d / (double)(n_frames * n_env);
done:
    free(res);
    free(sum);
    free(env_r);
    free(env_s);
    return s;
}
