/*
 * Lesson 04 — how each exercise's arguments cross the sandbox (grader/rpc.h).
 * Compiled into the judge (the proxies the suite calls) and, with
 * RPC_SERVE, into the worker that runs the student's code. Lengths are the
 * ones exercise.h promises.
 */
#include <stddef.h>

#include "exercise.h"
#include "rpc.h"

/* file, its exercise functions, the library functions it may not call */
RPC_FILES = {
    {"lobe.c", "lobe_ex", "dsp_sine_bh92_lobe dsp_dftmodel* dsp_stft*"},
    {"stft.c", "stft_ex", "dsp_stft*"},
    {"istft.c", "istft_ex", "dsp_stft*"},
    {"envelope.c", "envelope_ex", ""},
    {"odf.c", "odf_ex", ""},
};

RPC_FUNCTION(lobe_ex, (enum dsp_window type, double param, size_t m, double *lobe, size_t *len),
             (type, param, m, lobe, len))
{
    RPC_SCALAR(type);
    RPC_SCALAR(param);
    RPC_SCALAR(m);
    RPC_OUT(lobe, 8 * m);
    RPC_OUT(len, 1);
    return RPC_CALL(lobe_ex(type, param, m, lobe, len));
}

/* mX and pX: len/hop + 1 rows of n_fft/2 + 1 values. The contract holds
 * for valid shapes only (hop >= 1, n_fft >= m): the suite's bad-input
 * calls pass smaller arrays, and nothing crosses for them. */
RPC_FUNCTION(stft_ex,
             (const double *x, size_t len, const double *w, size_t m, size_t n_fft, size_t hop,
              double *mX, double *pX),
             (x, len, w, m, n_fft, hop, mX, pX))
{
    RPC_SCALAR(len);
    RPC_SCALAR(m);
    RPC_SCALAR(n_fft);
    RPC_SCALAR(hop);
    RPC_IN(x, len);
    RPC_IN(w, m);
    size_t total = hop && n_fft >= m ? (len / hop + 1) * (n_fft / 2 + 1) : 0;
    RPC_OUT(mX, total);
    RPC_OUT(pX, total);
    return RPC_CALL(stft_ex(x, len, w, m, n_fft, hop, mX, pX));
}

RPC_FUNCTION(istft_ex,
             (const double *mX, const double *pX, size_t n_frames, const double *w, size_t m,
              size_t n_fft, size_t hop, double *y, size_t len),
             (mX, pX, n_frames, w, m, n_fft, hop, y, len))
{
    RPC_SCALAR(n_frames);
    RPC_SCALAR(m);
    RPC_SCALAR(n_fft);
    RPC_SCALAR(hop);
    RPC_SCALAR(len);
    RPC_IN(mX, n_frames * (n_fft / 2 + 1));
    RPC_IN(pX, n_frames * (n_fft / 2 + 1));
    RPC_IN(w, m);
    RPC_OUT(y, len);
    return RPC_CALL(istft_ex(mX, pX, n_frames, w, m, n_fft, hop, y, len));
}

/* env_low and env_high: len/hop + 1 values each (none for hop 0). */
RPC_FUNCTION(envelope_ex,
             (const double *x, size_t len, double fs, const double *w, size_t m, size_t n_fft,
              size_t hop, double *env_low, double *env_high),
             (x, len, fs, w, m, n_fft, hop, env_low, env_high))
{
    RPC_SCALAR(len);
    RPC_SCALAR(fs);
    RPC_SCALAR(m);
    RPC_SCALAR(n_fft);
    RPC_SCALAR(hop);
    RPC_IN(x, len);
    RPC_IN(w, m);
    RPC_OUT(env_low, hop ? len / hop + 1 : 0);
    RPC_OUT(env_high, hop ? len / hop + 1 : 0);
    return RPC_CALL(envelope_ex(x, len, fs, w, m, n_fft, hop, env_low, env_high));
}

RPC_FUNCTION(odf_ex, (const double *env, size_t n, double *odf), (env, n, odf))
{
    RPC_SCALAR(n);
    RPC_IN(env, n);
    RPC_OUT(odf, n);
    return RPC_CALL(odf_ex(env, n, odf));
}

RPC_LESSON(lobe_ex, stft_ex, istft_ex, envelope_ex, odf_ex);
