/* Lesson 11, Part 5 — reference solution. */
#include <time.h>

#include <dsplab/dft.h>
#include <dsplab/fft.h>

#include "exercise.h"

#define MIN_SECONDS 0.01   /* per method: long enough to average out the clock */

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

int fftbench_ex(const double complex *x, size_t n, double complex *X_dft, double complex *X_fft,
                double complex *X_fftw, double *t_dft, double *t_fft, double *t_fftw)
{
    if (n == 0 || (n & (n - 1)) != 0)
        return dsp_fail(DSP_EINVAL, "fftbench_ex: n = %zu is not a power of two", n);
    struct dsp_fft *plan = dsp_fft_new(n);   /* planning: before any clock starts */
    if (plan == NULL)
        return DSP_ENOMEM;
    int s = DSP_OK;
    size_t reps = 0;
    double t0 = now_s(), t1;
    do {   /* 1. plain loops: n sums of n products */
        s = dsp_dft(x, n, X_dft);
        reps++;
        t1 = now_s();
    } while (s == DSP_OK && t1 - t0 < MIN_SECONDS);
    *t_dft = (t1 - t0) / (double)reps;
    reps = 0;
    t0 = now_s();
    while (s == DSP_OK) {   /* 2. the clever algorithm: log2(n) stages of n/2 butterflies */
        s = fft_ex(x, n, X_fft);
        reps++;
        t1 = now_s();
        if (t1 - t0 >= MIN_SECONDS)
            break;
    }
    *t_fft = (t1 - t0) / (double)reps;
    reps = 0;
    t0 = now_s();
    while (s == DSP_OK) {   /* 3. the library: the same algorithm, tuned to the machine */
        s = dsp_fft_forward(plan, x, X_fftw);
        reps++;
        t1 = now_s();
        if (t1 - t0 >= MIN_SECONDS)
            break;
    }
    *t_fftw = (t1 - t0) / (double)reps;
    dsp_fft_free(plan);
    return s;
}
