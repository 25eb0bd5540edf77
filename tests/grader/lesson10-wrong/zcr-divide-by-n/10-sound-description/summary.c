/* Lesson 10, Part 3 — summarising a sound (reference solution). */
#include <math.h>

#include "exercise.h"

int summary_ex(const double *F, size_t n_frames, size_t n_cols, double *summary)
{
    if (n_frames == 0 || n_cols == 0)
        return DSP_EINVAL;
    for (size_t j = 0; j < n_cols; j++) {
        double mean = 0.0, var = 0.0;
        for (size_t t = 0; t < n_frames; t++)
            mean += F[t * n_cols + j];
        mean /= (double)n_frames;
        for (size_t t = 0; t < n_frames; t++) {
            double d = F[t * n_cols + j] - mean;
            var += d * d;
        }
        summary[j] = mean;
        summary[n_cols + j] = sqrt(var / (double)n_frames);
    }
    return DSP_OK;
}
