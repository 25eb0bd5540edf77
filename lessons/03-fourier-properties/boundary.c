/*
 * Lesson 03 — how each exercise's arguments cross the sandbox (grader/rpc.h).
 * Compiled into the judge (the proxies the suite calls) and, with
 * RPC_SERVE, into the worker that runs the student's code. Lengths are the
 * ones exercise.h promises.
 */
#include <complex.h>
#include <stddef.h>

#include "exercise.h"
#include "rpc.h"

/* file, its exercise functions, the library functions it may not call */
RPC_FILES = {
    {"zeropad.c", "zeropad_ex", ""},
    {"zerophase.c", "zerophase_ex", "dsp_zero_pad dsp_dftmodel*"},
    {"realeven.c", "realeven_ex", "dsp_zero_pad dsp_dftmodel*"},
    {"suppress.c", "suppress_ex", "dsp_stft*"},
    {"speed.c", "speed_ex", ""},
};

RPC_FUNCTION(zeropad_ex, (long f_hz, long fs_hz, size_t m, size_t n_max, size_t *n, size_t *k),
             (f_hz, fs_hz, m, n_max, n, k))
{
    RPC_SCALAR(f_hz);
    RPC_SCALAR(fs_hz);
    RPC_SCALAR(m);
    RPC_SCALAR(n_max);
    RPC_OUT(n, 1);
    RPC_OUT(k, 1);
    return RPC_CALL(zeropad_ex(f_hz, fs_hz, m, n_max, n, k));
}

RPC_FUNCTION(zerophase_ex, (const double *x, size_t m, double *buf, size_t n), (x, m, buf, n))
{
    RPC_SCALAR(m);
    RPC_SCALAR(n);
    RPC_IN(x, m);
    RPC_OUT(buf, n);
    return RPC_CALL(zerophase_ex(x, m, buf, n));
}

RPC_FUNCTION(realeven_ex,
             (const double *x, size_t m, double tol, int *is_even, double *max_imag,
              double complex *X),
             (x, m, tol, is_even, max_imag, X))
{
    RPC_SCALAR(m);
    RPC_SCALAR(tol);
    RPC_IN(x, m);
    RPC_OUT(is_even, 1);
    RPC_OUT(max_imag, 1);
    RPC_OUT(X, m / 2 + 1);
    return RPC_CALL(realeven_ex(x, m, tol, is_even, max_imag, X));
}

RPC_FUNCTION(suppress_ex,
             (const double *x, size_t m, const double *w, size_t n, double fs, double f_low,
              double f_high, double *y),
             (x, m, w, n, fs, f_low, f_high, y))
{
    RPC_SCALAR(m);
    RPC_SCALAR(n);
    RPC_SCALAR(fs);
    RPC_SCALAR(f_low);
    RPC_SCALAR(f_high);
    RPC_IN(x, m);
    RPC_IN(w, m);
    RPC_OUT(y, m);
    return RPC_CALL(suppress_ex(x, m, w, n, fs, f_low, f_high, y));
}

RPC_FUNCTION(speed_ex, (const double *x, size_t n, double complex *X, double *t_dft, double *t_fft),
             (x, n, X, t_dft, t_fft))
{
    RPC_SCALAR(n);
    RPC_IN(x, n);
    RPC_OUT(X, n / 2 + 1);
    RPC_OUT(t_dft, 1);
    RPC_OUT(t_fft, 1);
    return RPC_CALL(speed_ex(x, n, X, t_dft, t_fft));
}

RPC_LESSON(zeropad_ex, zerophase_ex, realeven_ex, suppress_ex, speed_ex);
