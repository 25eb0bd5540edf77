/* Lesson 07, Part 4 — reference solution. */
#include <complex.h>
#include <math.h>
#include <stdlib.h>

#include <dsplab/fft.h>
#include <dsplab/gen.h>
#include <dsplab/signal.h>
#include <dsplab/window.h>

#include "exercise.h"

int stocsynth_ex(const double *env, size_t n_frames, size_t n_env, size_t n_fft, size_t hop,
                 uint64_t seed, double *y, size_t len)
{
    const double two_pi = 6.28318530717958647692;
    size_t nb = n_fft / 2 + 1;
    if (n_fft < 2 || hop == 0 || n_env == 0 || n_env > nb || n_frames != len / hop + 1)
        return DSP_EINVAL;
    double *v = malloc(n_fft * sizeof *v), *z = malloc(n_fft * sizeof *z);
    double *centre = malloc(n_env * sizeof *centre), *bins = malloc(nb * sizeof *bins);
    double *db = malloc(nb * sizeof *db);
    double complex *Y = malloc(nb * sizeof *Y);
    struct dsp_fft *fft = dsp_fft_new(n_fft);
    int s = DSP_ENOMEM;
    if (!v || !z || !centre || !bins || !db || !Y || !fft)
        goto done;
    dsp_window_fill(DSP_WIN_HANN, 0, DSP_WINDOW_PERIODIC, v, n_fft);
    for (size_t e = 0; e < n_env; e++) {
        size_t lo = e * nb / n_env, hi = (e + 1) * nb / n_env;
        centre[e] = 0.5 * (double)(lo + hi - 1);
    }
    for (size_t b = 0; b < nb; b++)
        bins[b] = (double)b;
    /* undoes the unit-sum analysis window, the 1/N of the inverse FFT and
     * the overlap of the Hann windows (README.md derives it) */
    double gain = 4.0 / 3.0 * sqrt((double)n_fft * (double)hop);
    struct dsp_rng rng;
    dsp_rng_seed(&rng, seed);
    for (size_t i = 0; i < len; i++)
        y[i] = 0.0;
    for (size_t k = 0; k < n_frames; k++) {
        s = dsp_interp_linear(centre, env + k * n_env, n_env, bins, db, nb);
        if (s != DSP_OK)
            goto done;
        for (size_t b = 0; b < nb; b++) {
            double theta = two_pi * dsp_rng_uniform(&rng);
            Y[b] = pow(10.0, db[b] / 20.0) * cexp(I * theta);
        }
        dsp_fft_inverse_real(fft, Y, z);
        /* the buffer's n-th sample goes to k*hop - n_fft/2 + n */
        for (size_t n = 0; n < n_fft; n++) {
            size_t i = k * hop + n;
            if (i < n_fft / 2 || i - n_fft / 2 >= len)
                continue;
            y[i - n_fft / 2] += gain * v[n] * z[n];
        }
    }
    s = DSP_OK;
done:
    dsp_fft_free(fft);
    free(v);
    free(z);
    free(centre);
    free(bins);
    free(db);
    free(Y);
    return s;
}
