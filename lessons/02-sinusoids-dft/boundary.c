/*
 * Lesson 02 — how each exercise's arguments cross the sandbox (grader/rpc.h).
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
    {"sine_ex.c", "gen_sine_ex", "dsp_gen_*"},
    {"kernel_ex.c", "gen_kernel_ex", "dsp_gen_*"},
    {"dft_ex.c", "dft_ex", "dsp_dft* dsp_idft dsp_fft* dsp_stft* dsp_dftmodel*"},
    {"idft_ex.c", "idft_ex", "dsp_dft* dsp_idft dsp_fft* dsp_stft* dsp_dftmodel*"},
    {"mag_db_ex.c", "mag_db_ex", "dsp_amp_to_db* dsp_power_to_db dsp_magnitude dsp_dftmodel*"},
};

RPC_FUNCTION(gen_sine_ex, (double amp, double freq, double phase, double fs, double *x, size_t n),
             (amp, freq, phase, fs, x, n))
{
    RPC_SCALAR(amp);
    RPC_SCALAR(freq);
    RPC_SCALAR(phase);
    RPC_SCALAR(fs);
    RPC_SCALAR(n);
    RPC_OUT(x, n);
    return RPC_CALL(gen_sine_ex(amp, freq, phase, fs, x, n));
}

RPC_FUNCTION(gen_kernel_ex, (size_t k, size_t n, double complex *s), (k, n, s))
{
    RPC_SCALAR(k);
    RPC_SCALAR(n);
    RPC_OUT(s, n);
    return RPC_CALL(gen_kernel_ex(k, n, s));
}

RPC_FUNCTION(dft_ex, (const double *x, size_t n, double complex *X), (x, n, X))
{
    RPC_SCALAR(n);
    RPC_IN(x, n);
    RPC_OUT(X, n);
    return RPC_CALL(dft_ex(x, n, X));
}

RPC_FUNCTION(idft_ex, (const double complex *X, size_t n, double complex *x), (X, n, x))
{
    RPC_SCALAR(n);
    RPC_IN(X, n);
    RPC_OUT(x, n);
    return RPC_CALL(idft_ex(X, n, x));
}

RPC_FUNCTION(mag_db_ex, (const double complex *X, size_t n, double *mX, size_t *n_bins),
             (X, n, mX, n_bins))
{
    RPC_SCALAR(n);
    RPC_IN(X, n);
    RPC_OUT(mX, n / 2 + 1);
    RPC_OUT(n_bins, 1);
    return RPC_CALL(mag_db_ex(X, n, mX, n_bins));
}

RPC_LESSON(gen_sine_ex, gen_kernel_ex, dft_ex, idft_ex, mag_db_ex);
