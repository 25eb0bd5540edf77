/*
 * Lesson 06 — how each exercise's arguments cross the sandbox (grader/rpc.h).
 * Compiled into the judge (the proxies the suite calls) and, with
 * RPC_SERVE, into the worker that runs the student's code. Lengths are the
 * ones exercise.h promises.
 */
#include <stddef.h>

#include "exercise.h"
#include "rpc.h"

/* file, its exercise functions, the library functions it may not call */
RPC_FILES = {
    {"twm.c", "twm_ex", "dsp_twm_error dsp_f0_twm dsp_harmonic_*"},
    {"f0.c", "f0_ex", "dsp_twm_error dsp_f0_twm dsp_harmonic_* dsp_yin_*"},
    {"harmonics.c", "harmonics_ex", "dsp_harmonic_*"},
    {"inharm.c", "inharm_ex", "dsp_harmonic_*"},
    {"hsynth.c", "hsynth_ex", "dsp_harmonic_* dsp_sine_* dsp_gen_harmonics"},
};

RPC_FUNCTION(twm_ex, (const double *pfreq, const double *pmag, size_t n_peaks, double f0, double *err),
             (pfreq, pmag, n_peaks, f0, err))
{
    RPC_SCALAR(n_peaks);
    RPC_SCALAR(f0);
    RPC_IN(pfreq, n_peaks);
    RPC_IN(pmag, n_peaks);
    RPC_OUT(err, 1);
    return RPC_CALL(twm_ex(pfreq, pmag, n_peaks, f0, err));
}

RPC_FUNCTION(f0_ex,
             (const double *pfreq, const double *pmag, size_t n_peaks, double fmin, double fmax,
              double max_err, double *f0),
             (pfreq, pmag, n_peaks, fmin, fmax, max_err, f0))
{
    RPC_SCALAR(n_peaks);
    RPC_SCALAR(fmin);
    RPC_SCALAR(fmax);
    RPC_SCALAR(max_err);
    RPC_IN(pfreq, n_peaks);
    RPC_IN(pmag, n_peaks);
    RPC_OUT(f0, 1);
    return RPC_CALL(f0_ex(pfreq, pmag, n_peaks, fmin, fmax, max_err, f0));
}

RPC_FUNCTION(harmonics_ex,
             (const double *pfreq, const double *pmag, const double *pphase, size_t n_peaks,
              double f0, size_t n_harm, double slope, double fs, double *hfreq, double *hmag,
              double *hphase),
             (pfreq, pmag, pphase, n_peaks, f0, n_harm, slope, fs, hfreq, hmag, hphase))
{
    RPC_SCALAR(n_peaks);
    RPC_SCALAR(f0);
    RPC_SCALAR(n_harm);
    RPC_SCALAR(slope);
    RPC_SCALAR(fs);
    RPC_IN(pfreq, n_peaks);
    RPC_IN(pmag, n_peaks);
    RPC_IN(pphase, n_peaks);
    RPC_OUT(hfreq, n_harm);
    RPC_OUT(hmag, n_harm);
    RPC_OUT(hphase, n_harm);
    return RPC_CALL(harmonics_ex(pfreq, pmag, pphase, n_peaks, f0, n_harm, slope, fs, hfreq, hmag,
                                 hphase));
}

RPC_FUNCTION(inharm_ex,
             (const double *f0, const double *hfreq, size_t n_frames, size_t n_harm,
              double *inharm),
             (f0, hfreq, n_frames, n_harm, inharm))
{
    RPC_SCALAR(n_frames);
    RPC_SCALAR(n_harm);
    RPC_IN(f0, n_frames);
    RPC_IN(hfreq, n_frames * n_harm);
    RPC_OUT(inharm, 1);
    return RPC_CALL(inharm_ex(f0, hfreq, n_frames, n_harm, inharm));
}

RPC_FUNCTION(hsynth_ex,
             (const double *f0, const double *hamp, size_t n_frames, size_t n_harm, size_t hop,
              double fs, double *y, size_t len),
             (f0, hamp, n_frames, n_harm, hop, fs, y, len))
{
    RPC_SCALAR(n_frames);
    RPC_SCALAR(n_harm);
    RPC_SCALAR(hop);
    RPC_SCALAR(fs);
    RPC_SCALAR(len);
    RPC_IN(f0, n_frames);
    RPC_IN(hamp, n_frames * n_harm);
    RPC_OUT(y, len);
    return RPC_CALL(hsynth_ex(f0, hamp, n_frames, n_harm, hop, fs, y, len));
}

RPC_LESSON(twm_ex, f0_ex, harmonics_ex, inharm_ex, hsynth_ex);
