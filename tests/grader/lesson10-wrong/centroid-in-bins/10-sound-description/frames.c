/* Lesson 10, Part 2 — flux, zero crossings, a whole sound (reference solution). */
#include <math.h>
#include <stdlib.h>

#include <dsplab/stft.h>
#include <dsplab/window.h>

#include "exercise.h"

int flux_ex(const double *prev, const double *mag, size_t n_bins, double *flux)
{
    if (n_bins == 0)
        return DSP_EINVAL;
    double acc = 0.0;
    for (size_t k = 0; k < n_bins; k++) {
        if (!(mag[k] >= 0.0) || isinf(mag[k]) || !(prev[k] >= 0.0) || isinf(prev[k]))
            return DSP_EINVAL;
        double d = mag[k] - prev[k];
        acc += d * d;
    }
    *flux = sqrt(acc);
    return DSP_OK;
}

int zcr_ex(const double *x, size_t n, double *zcr)
{
    if (n < 2)
        return DSP_EINVAL;
    size_t crossings = 0;
    for (size_t i = 1; i < n; i++)
        if ((x[i - 1] >= 0.0) != (x[i] >= 0.0))
            crossings++;
    *zcr = (double)crossings / (double)(n - 1);
    return DSP_OK;
}

int descriptors_ex(const double *x, size_t len, double sample_rate, size_t n_fft, size_t hop,
                   double *D, size_t n_frames)
{
    if (len == 0 || !(sample_rate > 0.0) || n_fft < 4 || n_fft % 2 || hop == 0 ||
        n_frames != len / hop + 1)
        return DSP_EINVAL;
    size_t n_bins = n_fft / 2 + 1;
    double bin_hz = sample_rate / (double)n_fft;
    double *w = malloc(n_fft * sizeof *w), *frame = malloc(n_fft * sizeof *frame);
    double *mag = malloc(n_bins * sizeof *mag), *prev = malloc(n_bins * sizeof *prev);
    struct dsp_stft *st = NULL;
    int s = DSP_ENOMEM;
    if (!w || !frame || !mag || !prev)
        goto done;
    /* the library's STFT: frames centred on t * hop, window divided by its
     * sum, linear magnitude: exactly the framing asked for */
    dsp_window_fill(DSP_WIN_HANN, 0.0, DSP_WINDOW_PERIODIC, w, n_fft);
    st = dsp_stft_new(w, n_fft, n_fft, hop);
    if (!st)
        goto done;
    for (size_t t = 0; t < n_frames; t++) {
        double *d = D + t * DESCRIPTOR_COUNT;
        s = dsp_stft_magnitude(st, x, len, t, mag);
        if (s == DSP_OK)
            s = centroid_ex(mag, n_bins, bin_hz, &d[DESC_CENTROID]);
        if (s == DSP_OK)
            s = spread_ex(mag, n_bins, bin_hz, &d[DESC_SPREAD]);
        if (s == DSP_OK)
            s = flatness_ex(mag, n_bins, &d[DESC_FLATNESS]);
        if (s == DSP_OK)
            s = rolloff_ex(mag, n_bins, bin_hz, 0.85, &d[DESC_ROLLOFF]);
        if (s == DSP_OK && t > 0)
            s = flux_ex(prev, mag, n_bins, &d[DESC_FLUX]);
        else
            d[DESC_FLUX] = 0.0;
        if (s != DSP_OK)
            goto done;
        /* the n_fft samples under the window: x[t*hop - n_fft/2 ...] */
        for (size_t i = 0; i < n_fft; i++) {
            size_t j = t * hop + i;   /* index + n_fft/2, to stay unsigned */
            frame[i] = j >= n_fft / 2 && j - n_fft / 2 < len ? x[j - n_fft / 2] : 0.0;
        }
        s = zcr_ex(frame, n_fft, &d[DESC_ZCR]);
        if (s != DSP_OK)
            goto done;
        double *swap = prev;
        prev = mag;
        mag = swap;
    }
    s = DSP_OK;
done:
    dsp_stft_free(st);
    free(w);
    free(frame);
    free(mag);
    free(prev);
    return s;
}
