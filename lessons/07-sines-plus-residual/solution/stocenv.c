/* Lesson 07, Part 3 — reference solution. */
#include <math.h>
#include <stdlib.h>

#include <dsplab/stft.h>
#include <dsplab/window.h>

#include "exercise.h"

int stocenv_ex(const double *x, size_t len, size_t n_fft, size_t hop, size_t n_env,
               double *env)
{
    size_t nb = n_fft / 2 + 1;
    if (n_fft < 2 || hop == 0 || n_env == 0 || n_env > nb)
        return DSP_EINVAL;
    double *w = malloc(n_fft * sizeof *w), *mag = malloc(nb * sizeof *mag);
    struct dsp_stft *st = NULL;
    int s = DSP_ENOMEM;
    if (!w || !mag)
        goto done;
    dsp_window_fill(DSP_WIN_HANN, 0, DSP_WINDOW_PERIODIC, w, n_fft);
    st = dsp_stft_new(w, n_fft, n_fft, hop);
    if (!st)
        goto done;
    size_t n_frames = len / hop + 1;
    for (size_t k = 0; k < n_frames; k++) {
        s = dsp_stft_magnitude(st, x, len, k, mag);
        if (s != DSP_OK)
            goto done;
        for (size_t e = 0; e < n_env; e++) {
            size_t lo = e * nb / n_env, hi = (e + 1) * nb / n_env;
            double p = 0.0;
            for (size_t b = lo; b < hi; b++)
                p += mag[b] * mag[b];
            /* mean power, floored at -200 dB */
            env[k * n_env + e] = 10.0 * log10(fmax(p / (double)(hi - lo), 1e-20));
        }
    }
    s = DSP_OK;
done:
    dsp_stft_free(st);
    free(w);
    free(mag);
    return s;
}
