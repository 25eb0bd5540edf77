/*
 * Lesson 11 — how each exercise's arguments cross the sandbox (grader/rpc.h).
 * Compiled into the judge (the proxies the suite calls) and, with
 * RPC_SERVE, into the worker that runs the student's code. Lengths are the
 * ones exercise.h promises.
 */
#include <complex.h>
#include <stddef.h>

#include "exercise.h"
#include "rpc.h"

/* file, its exercise functions, the library functions it may not call.
 * fft.c and its parts may not use any library FFT. rfft.c may use the
 * library's complex FFT (dsp_fft_new, dsp_fft_forward, dsp_fft_free) for
 * its n/2 points while Part 3 is unfinished, not its real FFT. fftbench.c
 * must call the naive DFT and FFTW, so nothing is forbidden there. */
RPC_FILES = {
    {"bitrev.c", "bitrev_ex", "dsp_fft* dsp_dft* fftw_*"},
    {"twiddle.c", "twiddle_ex", "dsp_fft* dsp_dft* dsp_gen_* fftw_*"},
    {"fft.c", "fft_ex", "dsp_fft* dsp_dft* dsp_idft dsp_stft* dsp_dftmodel* fftw_*"},
    {"rfft.c", "rfft_ex",
     "dsp_fft_forward_real dsp_fft_real_* dsp_fft_execute_real dsp_dft* dsp_dftmodel* "
     "dsp_stft* fftw_*"},
    {"fftbench.c", "fftbench_ex", ""},
    {"winmag.c", "winmag_ex winmag_scalar_ex", "dsp_magnitude dsp_mel*"},
};

RPC_FUNCTION(bitrev_ex, (size_t n, size_t *rev), (n, rev))
{
    RPC_SCALAR(n);
    RPC_OUT(rev, n);
    return RPC_CALL(bitrev_ex(n, rev));
}

RPC_FUNCTION(twiddle_ex, (size_t n, double complex *w), (n, w))
{
    RPC_SCALAR(n);
    RPC_OUT(w, n / 2);
    return RPC_CALL(twiddle_ex(n, w));
}

RPC_FUNCTION(fft_ex, (const double complex *x, size_t n, double complex *X), (x, n, X))
{
    RPC_SCALAR(n);
    RPC_IN(x, n);
    RPC_OUT(X, n);
    return RPC_CALL(fft_ex(x, n, X));
}

RPC_FUNCTION(rfft_ex, (const double *x, size_t n, double complex *X), (x, n, X))
{
    RPC_SCALAR(n);
    RPC_IN(x, n);
    RPC_OUT(X, n / 2 + 1);
    return RPC_CALL(rfft_ex(x, n, X));
}

RPC_FUNCTION(fftbench_ex,
             (const double complex *x, size_t n, double complex *X_dft, double complex *X_fft,
              double complex *X_fftw, double *t_dft, double *t_fft, double *t_fftw),
             (x, n, X_dft, X_fft, X_fftw, t_dft, t_fft, t_fftw))
{
    RPC_SCALAR(n);
    RPC_IN(x, n);
    RPC_OUT(X_dft, n);
    RPC_OUT(X_fft, n);
    RPC_OUT(X_fftw, n);
    RPC_OUT(t_dft, 1);
    RPC_OUT(t_fft, 1);
    RPC_OUT(t_fftw, 1);
    return RPC_CALL(fftbench_ex(x, n, X_dft, X_fft, X_fftw, t_dft, t_fft, t_fftw));
}

RPC_FUNCTION(winmag_ex,
             (const double *re, const double *im, const double *w, size_t n, double *mag),
             (re, im, w, n, mag))
{
    RPC_SCALAR(n);
    RPC_IN(re, n);
    RPC_IN(im, n);
    RPC_IN(w, n);
    RPC_OUT(mag, n);
    return RPC_CALL(winmag_ex(re, im, w, n, mag));
}

RPC_FUNCTION(winmag_scalar_ex, (const double complex *X, const double *w, size_t n, double *mag),
             (X, w, n, mag))
{
    RPC_SCALAR(n);
    RPC_IN(X, n);
    RPC_IN(w, n);
    RPC_OUT(mag, n);
    return RPC_CALL(winmag_scalar_ex(X, w, n, mag));
}

RPC_LESSON(bitrev_ex, twiddle_ex, fft_ex, rfft_ex, fftbench_ex, winmag_ex, winmag_scalar_ex);
