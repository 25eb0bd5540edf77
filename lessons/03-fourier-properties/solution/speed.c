/* Lesson 03, Part 5 — reference solution. */
#include <stdlib.h>
#include <time.h>

#include <dsplab/dft.h>
#include <dsplab/fft.h>

#include "exercise.h"

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

int speed_ex(const double *x, size_t n, double complex *X, double *t_dft, double *t_fft)
{
    if (n == 0)
        return DSP_EINVAL;
    double complex *full = malloc(n * sizeof *full);
    struct dsp_fft *fft = dsp_fft_new(n);   /* planning: outside the timing */
    int status = DSP_ENOMEM;
    if (!full || !fft)
        goto done;
    /* repeat until 1 ms has passed: one fast call can be shorter than the
     * clock's resolution */
    size_t reps = 0;
    double t0 = now_s(), t1;
    do {
        dsp_dft_real(x, n, full);
        reps++;
        t1 = now_s();
    } while (t1 - t0 < 1e-3);
    *t_dft = (t1 - t0) / (double)reps;
    reps = 0;
    t0 = now_s();
    do {
        dsp_fft_forward_real(fft, x, X);
        reps++;
        t1 = now_s();
    } while (t1 - t0 < 1e-3);
    *t_fft = (t1 - t0) / (double)reps;
    status = DSP_OK;
done:
    dsp_fft_free(fft);
    free(full);
    return status;
}
