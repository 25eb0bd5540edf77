/* Lesson 09, Part 3 — reference solution. */
#include "exercise.h"

/* The breakpoints' linear interpolation at frame k, flat beyond the ends. */
static double factor_at(const double *at, const double *factor, size_t n, double k)
{
    if (k <= at[0])
        return factor[0];
    for (size_t i = 0; i + 1 < n; i++)
        if (k <= at[i + 1])
            return factor[i] + (k - at[i]) * (factor[i + 1] - factor[i]) / (at[i + 1] - at[i]);
    return factor[n - 1];
}

int sinefreq_ex(const double *freq, const double *mag, size_t n_frames, size_t n_sines,
                const double *at_frame, const double *factor, size_t n_points, double fs,
                double *out_freq, double *out_mag)
{
    if (n_points == 0 || !(fs > 0))
        return DSP_EINVAL;
    for (size_t i = 0; i < n_points; i++)
        if (!(factor[i] > 0) || (i > 0 && !(at_frame[i] > at_frame[i - 1])))
            return DSP_EINVAL;
    for (size_t k = 0; k < n_frames; k++) {
        double c = factor_at(at_frame, factor, n_points, (double)k);
        for (size_t s = 0; s < n_sines; s++) {
            size_t q = k * n_sines + s;
            double f = freq[q] > 0 ? c * freq[q] : 0.0;
            if (f >= fs / 2)
                f = 0.0;   /* above Nyquist it would alias: drop it */
            out_freq[q] = f;
            out_mag[q] = f > 0 ? mag[q] : 0.0;
        }
    }
    return DSP_OK;
}
