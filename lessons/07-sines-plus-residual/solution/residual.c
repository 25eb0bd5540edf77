/* Lesson 07, Part 2 — reference solution. */
#include <math.h>

#include "exercise.h"

int residual_ex(const double *x, size_t len, const double *freq, const double *amp,
                const double *phase, size_t n_frames, size_t n_sines, size_t hop, double fs,
                double *sines, double *residual, double *srr_db)
{
    int s = sines_ex(freq, amp, phase, n_frames, n_sines, hop, fs, sines, len);
    if (s != DSP_OK)
        return s;
    double es = 0.0, er = 0.0;
    for (size_t i = 0; i < len; i++) {
        residual[i] = x[i] - sines[i];
        es += sines[i] * sines[i];
        er += residual[i] * residual[i];
    }
    *srr_db = er > 0 ? 10.0 * log10(es / er) : INFINITY;
    return DSP_OK;
}
