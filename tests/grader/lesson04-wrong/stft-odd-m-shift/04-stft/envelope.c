/* Lesson 04, Part 4 — reference solution. */
#include <stdlib.h>

#include <dsplab/spectrum.h>
#include <dsplab/stft.h>

#include "exercise.h"

int envelope_ex(const double *x, size_t len, double fs, const double *w, size_t m,
                size_t n_fft, size_t hop, double *env_low, double *env_high)
{
    if (m == 0 || n_fft < m || hop == 0 || !(fs > 0))
        return DSP_EINVAL;
    size_t nb = n_fft / 2 + 1;
    double *mag = malloc(nb * sizeof *mag);
    struct dsp_stft *st = dsp_stft_new(w, m, n_fft, hop);
    int status = DSP_ENOMEM;
    if (!mag)
        goto done;
    if (!st) {
        status = DSP_EINVAL;
        goto done;
    }
    size_t frames = dsp_stft_num_frames(st, len);
    for (size_t k = 0; k < frames; k++) {
        status = dsp_stft_magnitude(st, x, len, k, mag);
        if (status != DSP_OK)
            goto done;
        double lo = 0.0, hi = 0.0;
        for (size_t b = 1; b < nb; b++) {   /* bin 0 is in neither band */
            double f = (double)b * fs / (double)n_fft;
            if (f < 3000.0)
                lo += mag[b] * mag[b];
            else if (f > 3000.0 && f < 10000.0)
                hi += mag[b] * mag[b];
        }
        env_low[k] = dsp_power_to_db(lo);
        env_high[k] = dsp_power_to_db(hi);
    }
    status = DSP_OK;
done:
    dsp_stft_free(st);
    free(mag);
    return status;
}
