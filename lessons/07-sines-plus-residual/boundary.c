/*
 * Lesson 07 — how each exercise's arguments cross the sandbox (grader/rpc.h).
 * Compiled into the judge (the proxies the suite calls) and, with
 * RPC_SERVE, into the worker that runs the student's code. Lengths are the
 * ones exercise.h promises.
 */
#include <stddef.h>
#include <stdint.h>

#include "exercise.h"
#include "rpc.h"

/* file, its exercise functions, the library functions it may not call */
RPC_FILES = {
    {"sines.c", "sines_ex", "dsp_sine_* dsp_residual_* dsp_decompose"},
    {"residual.c", "residual_ex", "dsp_sine_* dsp_residual_* dsp_decompose"},
    {"stocenv.c", "stocenv_ex", "dsp_stochastic_* dsp_decompose"},
    {"stocsynth.c", "stocsynth_ex", "dsp_stochastic_* dsp_decompose"},
    {"decompose.c", "decompose_ex", "dsp_sine_* dsp_residual_* dsp_stochastic_* dsp_decompose"},
};

RPC_FUNCTION(sines_ex,
             (const double *freq, const double *amp, const double *phase, size_t n_frames,
              size_t n_sines, size_t hop, double fs, double *y, size_t len),
             (freq, amp, phase, n_frames, n_sines, hop, fs, y, len))
{
    RPC_SCALAR(n_frames);
    RPC_SCALAR(n_sines);
    RPC_SCALAR(hop);
    RPC_SCALAR(fs);
    RPC_SCALAR(len);
    RPC_IN(freq, n_frames * n_sines);
    RPC_IN(amp, n_frames * n_sines);
    RPC_IN(phase, n_frames * n_sines);
    RPC_OUT(y, len);
    return RPC_CALL(sines_ex(freq, amp, phase, n_frames, n_sines, hop, fs, y, len));
}

RPC_FUNCTION(residual_ex,
             (const double *x, size_t len, const double *freq, const double *amp,
              const double *phase, size_t n_frames, size_t n_sines, size_t hop, double fs,
              double *sines, double *residual, double *srr_db),
             (x, len, freq, amp, phase, n_frames, n_sines, hop, fs, sines, residual, srr_db))
{
    RPC_SCALAR(len);
    RPC_SCALAR(n_frames);
    RPC_SCALAR(n_sines);
    RPC_SCALAR(hop);
    RPC_SCALAR(fs);
    RPC_IN(x, len);
    RPC_IN(freq, n_frames * n_sines);
    RPC_IN(amp, n_frames * n_sines);
    RPC_IN(phase, n_frames * n_sines);
    RPC_OUT(sines, len);
    RPC_OUT(residual, len);
    RPC_OUT(srr_db, 1);
    return RPC_CALL(residual_ex(x, len, freq, amp, phase, n_frames, n_sines, hop, fs, sines,
                                residual, srr_db));
}

/* env: len/hop + 1 rows of n_env values (none for hop 0). */
RPC_FUNCTION(stocenv_ex,
             (const double *x, size_t len, size_t n_fft, size_t hop, size_t n_env, double *env),
             (x, len, n_fft, hop, n_env, env))
{
    RPC_SCALAR(len);
    RPC_SCALAR(n_fft);
    RPC_SCALAR(hop);
    RPC_SCALAR(n_env);
    RPC_IN(x, len);
    RPC_OUT(env, hop ? (len / hop + 1) * n_env : 0);
    return RPC_CALL(stocenv_ex(x, len, n_fft, hop, n_env, env));
}

/* env: n_frames rows of n_env values, n_env <= n_fft/2 + 1 (an envelope
 * with more blocks than bins is refused, and the suite's bad-input call
 * passes a smaller array: nothing crosses for it). */
RPC_FUNCTION(stocsynth_ex,
             (const double *env, size_t n_frames, size_t n_env, size_t n_fft, size_t hop,
              uint64_t seed, double *y, size_t len),
             (env, n_frames, n_env, n_fft, hop, seed, y, len))
{
    RPC_SCALAR(n_frames);
    RPC_SCALAR(n_env);
    RPC_SCALAR(n_fft);
    RPC_SCALAR(hop);
    RPC_SCALAR(seed);
    RPC_SCALAR(len);
    RPC_IN(env, n_env <= n_fft / 2 + 1 ? n_frames * n_env : 0);
    RPC_OUT(y, len);
    return RPC_CALL(stocsynth_ex(env, n_frames, n_env, n_fft, hop, seed, y, len));
}

RPC_FUNCTION(decompose_ex,
             (const double *x, size_t len, const double *freq, const double *amp,
              const double *phase, size_t n_frames, size_t n_sines, size_t hop, double fs,
              size_t n_fft, size_t n_env, uint64_t seed, double *sines, double *stoch,
              double *recon_err, double *snr_db, double *env_err_db),
             (x, len, freq, amp, phase, n_frames, n_sines, hop, fs, n_fft, n_env, seed, sines,
              stoch, recon_err, snr_db, env_err_db))
{
    RPC_SCALAR(len);
    RPC_SCALAR(n_frames);
    RPC_SCALAR(n_sines);
    RPC_SCALAR(hop);
    RPC_SCALAR(fs);
    RPC_SCALAR(n_fft);
    RPC_SCALAR(n_env);
    RPC_SCALAR(seed);
    RPC_IN(x, len);
    RPC_IN(freq, n_frames * n_sines);
    RPC_IN(amp, n_frames * n_sines);
    RPC_IN(phase, n_frames * n_sines);
    RPC_OUT(sines, len);
    RPC_OUT(stoch, len);
    RPC_OUT(recon_err, 1);
    RPC_OUT(snr_db, 1);
    RPC_OUT(env_err_db, 1);
    return RPC_CALL(decompose_ex(x, len, freq, amp, phase, n_frames, n_sines, hop, fs, n_fft,
                                 n_env, seed, sines, stoch, recon_err, snr_db, env_err_db));
}

RPC_LESSON(sines_ex, residual_ex, stocenv_ex, stocsynth_ex, decompose_ex);
