/* Lesson 07, Part 1 — reference solution. */
#include <math.h>

#include "exercise.h"

int sines_ex(const double *freq, const double *amp, const double *phase, size_t n_frames,
             size_t n_sines, size_t hop, double fs, double *y, size_t len)
{
    const double pi = 3.14159265358979323846;
    if (hop == 0 || !(fs > 0) || n_frames != len / hop + 1)
        return DSP_EINVAL;
    for (size_t i = 0; i < len; i++)
        y[i] = 0.0;
    for (size_t k = 0; k < n_frames; k++) {
        size_t c = k * hop;
        /* the frame's samples c-hop .. c+hop-1 that fall inside the signal */
        size_t first = c >= hop ? c - hop : 0, end = c + hop < len ? c + hop : len;
        for (size_t i = first; i < end; i++) {
            double n = (double)i - (double)c;
            /* the last frame has no successor to fade into: full weight
             * after its centre */
            double w = k + 1 == n_frames && n >= 0 ? 1.0 : 0.5 + 0.5 * cos(pi * n / (double)hop);
            double s = 0.0;
            for (size_t j = 0; j < n_sines; j++) {
                size_t q = k * n_sines + j;
                if (freq[q] > 0)
                    s += amp[q] * cos(2.0 * pi * freq[q] * n / fs + phase[q]);
            }
            y[i] += w * s;
        }
    }
    return DSP_OK;
}
