/* Lesson 09, Part 5 — reference solution. */
#include "exercise.h"

/* The frame's envelope at frequency f: its present harmonics' (freq, mag)
 * points joined linearly, flat beyond the first and the last. */
static double envelope(const double *hf, const double *hm, size_t n, double f)
{
    size_t lo = n, hi = n;   /* nearest point at or below f, at or above f */
    for (size_t h = 0; h < n; h++) {
        if (!(hf[h] > 0))
            continue;
        if (hf[h] <= f && (lo == n || hf[h] > hf[lo]))
            lo = h;
        if (hf[h] >= f && (hi == n || hf[h] < hf[hi]))
            hi = h;
    }
    if (lo == n)
        return hm[hi];
    if (hi == n || hf[hi] == hf[lo])
        return hm[lo];
    return hm[lo] + (f - hf[lo]) * (hm[hi] - hm[lo]) / (hf[hi] - hf[lo]);
}

int harmpitch_ex(const double *hfreq, const double *hmag, size_t n_frames, size_t n_harm,
                 double ratio, int keep_envelope, double fs, double *out_freq, double *out_mag)
{
    if (!(ratio > 0) || !(fs > 0) || (keep_envelope != 0 && keep_envelope != 1))
        return DSP_EINVAL;
    for (size_t k = 0; k < n_frames; k++) {
        const double *f = hfreq + k * n_harm, *m = hmag + k * n_harm;
        for (size_t h = 0; h < n_harm; h++) {
            size_t q = k * n_harm + h;
            double g = f[h] > 0 ? ratio * f[h] : 0.0;
            if (g >= fs / 2)
                g = 0.0;
            out_freq[q] = g;
            if (g == 0.0)
                out_mag[q] = 0.0;
            else
                out_mag[q] = keep_envelope ? envelope(f, m, n_harm, g) : m[h];
        }
    }
    return DSP_OK;
}
