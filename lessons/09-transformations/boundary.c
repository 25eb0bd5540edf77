/*
 * Lesson 09 — how each exercise's arguments cross the sandbox (grader/rpc.h).
 * Compiled into the judge (the proxies the suite calls) and, with
 * RPC_SERVE, into the worker that runs the student's code. Lengths are the
 * ones exercise.h promises.
 */
#include <stddef.h>

#include "exercise.h"
#include "rpc.h"

/* file, its exercise functions, the library functions it may not call */
RPC_FILES = {
    {"pvphase.c", "pvphase_ex", "dsp_time_stretch*"},
    {"pvstretch.c", "pvstretch_ex", "dsp_time_stretch*"},
    {"sinefreq.c", "sinefreq_ex", "dsp_sine_freq_scale"},
    {"sinetime.c", "sinetime_ex", "dsp_sine_time_scale*"},
    {"harmpitch.c", "harmpitch_ex", "dsp_harmonic_pitch_shift dsp_pitch_shift"},
    {"morph.c", "morph_ex", "dsp_harmonic_morph dsp_env_morph dsp_morph"},
};

RPC_FUNCTION(pvphase_ex,
             (const double *mag, const double *phi, const double *phi_prev,
              const double *theta_prev, size_t n_fft, size_t hop, int lock, double *theta),
             (mag, phi, phi_prev, theta_prev, n_fft, hop, lock, theta))
{
    RPC_SCALAR(n_fft);
    RPC_SCALAR(hop);
    RPC_SCALAR(lock);
    RPC_IN(mag, n_fft / 2 + 1);
    RPC_IN(phi, n_fft / 2 + 1);
    RPC_IN(phi_prev, n_fft / 2 + 1);
    RPC_IN(theta_prev, n_fft / 2 + 1);
    RPC_OUT(theta, n_fft / 2 + 1);
    return RPC_CALL(pvphase_ex(mag, phi, phi_prev, theta_prev, n_fft, hop, lock, theta));
}

RPC_FUNCTION(pvstretch_ex,
             (const double *x, size_t len, double factor, size_t n_fft, size_t hop, int lock,
              double *y, size_t out_len),
             (x, len, factor, n_fft, hop, lock, y, out_len))
{
    RPC_SCALAR(len);
    RPC_SCALAR(factor);
    RPC_SCALAR(n_fft);
    RPC_SCALAR(hop);
    RPC_SCALAR(lock);
    RPC_SCALAR(out_len);
    RPC_IN(x, len);
    RPC_OUT(y, out_len);
    return RPC_CALL(pvstretch_ex(x, len, factor, n_fft, hop, lock, y, out_len));
}

RPC_FUNCTION(sinefreq_ex,
             (const double *freq, const double *mag, size_t n_frames, size_t n_sines,
              const double *at_frame, const double *factor, size_t n_points, double fs,
              double *out_freq, double *out_mag),
             (freq, mag, n_frames, n_sines, at_frame, factor, n_points, fs, out_freq, out_mag))
{
    RPC_SCALAR(n_frames);
    RPC_SCALAR(n_sines);
    RPC_SCALAR(n_points);
    RPC_SCALAR(fs);
    RPC_IN(freq, n_frames * n_sines);
    RPC_IN(mag, n_frames * n_sines);
    RPC_IN(at_frame, n_points);
    RPC_IN(factor, n_points);
    RPC_OUT(out_freq, n_frames * n_sines);
    RPC_OUT(out_mag, n_frames * n_sines);
    return RPC_CALL(sinefreq_ex(freq, mag, n_frames, n_sines, at_frame, factor, n_points, fs,
                                out_freq, out_mag));
}

RPC_FUNCTION(sinetime_ex,
             (const double *freq, const double *mag, size_t n_frames, size_t n_sines,
              const double *in_frame, const double *out_frame, size_t n_points,
              double *out_freq, double *out_mag, size_t out_frames),
             (freq, mag, n_frames, n_sines, in_frame, out_frame, n_points, out_freq, out_mag,
              out_frames))
{
    RPC_SCALAR(n_frames);
    RPC_SCALAR(n_sines);
    RPC_SCALAR(n_points);
    RPC_SCALAR(out_frames);
    RPC_IN(freq, n_frames * n_sines);
    RPC_IN(mag, n_frames * n_sines);
    RPC_IN(in_frame, n_points);
    RPC_IN(out_frame, n_points);
    RPC_OUT(out_freq, out_frames * n_sines);
    RPC_OUT(out_mag, out_frames * n_sines);
    return RPC_CALL(sinetime_ex(freq, mag, n_frames, n_sines, in_frame, out_frame, n_points,
                                out_freq, out_mag, out_frames));
}

RPC_FUNCTION(harmpitch_ex,
             (const double *hfreq, const double *hmag, size_t n_frames, size_t n_harm,
              double ratio, int keep_envelope, double fs, double *out_freq, double *out_mag),
             (hfreq, hmag, n_frames, n_harm, ratio, keep_envelope, fs, out_freq, out_mag))
{
    RPC_SCALAR(n_frames);
    RPC_SCALAR(n_harm);
    RPC_SCALAR(ratio);
    RPC_SCALAR(keep_envelope);
    RPC_SCALAR(fs);
    RPC_IN(hfreq, n_frames * n_harm);
    RPC_IN(hmag, n_frames * n_harm);
    RPC_OUT(out_freq, n_frames * n_harm);
    RPC_OUT(out_mag, n_frames * n_harm);
    return RPC_CALL(harmpitch_ex(hfreq, hmag, n_frames, n_harm, ratio, keep_envelope, fs,
                                 out_freq, out_mag));
}

RPC_FUNCTION(morph_ex,
             (const double *freq_a, const double *mag_a, const double *env_a, size_t n_a,
              const double *freq_b, const double *mag_b, const double *env_b, size_t n_b,
              size_t n_harm, size_t n_env, double alpha_freq, double alpha_mag,
              double alpha_stoch, double *out_freq, double *out_mag, double *out_env),
             (freq_a, mag_a, env_a, n_a, freq_b, mag_b, env_b, n_b, n_harm, n_env, alpha_freq,
              alpha_mag, alpha_stoch, out_freq, out_mag, out_env))
{
    RPC_SCALAR(n_a);
    RPC_SCALAR(n_b);
    RPC_SCALAR(n_harm);
    RPC_SCALAR(n_env);
    RPC_SCALAR(alpha_freq);
    RPC_SCALAR(alpha_mag);
    RPC_SCALAR(alpha_stoch);
    RPC_IN(freq_a, n_a * n_harm);
    RPC_IN(mag_a, n_a * n_harm);
    RPC_IN(env_a, n_a * n_env);
    RPC_IN(freq_b, n_b * n_harm);
    RPC_IN(mag_b, n_b * n_harm);
    RPC_IN(env_b, n_b * n_env);
    RPC_OUT(out_freq, n_a * n_harm);
    RPC_OUT(out_mag, n_a * n_harm);
    RPC_OUT(out_env, n_a * n_env);
    return RPC_CALL(morph_ex(freq_a, mag_a, env_a, n_a, freq_b, mag_b, env_b, n_b, n_harm,
                             n_env, alpha_freq, alpha_mag, alpha_stoch, out_freq, out_mag,
                             out_env));
}

RPC_LESSON(pvphase_ex, pvstretch_ex, sinefreq_ex, sinetime_ex, harmpitch_ex, morph_ex);
