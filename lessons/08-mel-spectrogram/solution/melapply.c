/* Lesson 08, Part 3 — reference solution. */
#include "exercise.h"

int melapply_ex(const double *W, size_t n_mels, size_t n_bins, const double *P, size_t n_frames,
                double *S)
{
    if (n_mels == 0 || n_bins == 0)
        return DSP_EINVAL;
    for (size_t t = 0; t < n_frames; t++) {
        const double *p = P + t * n_bins;
        for (size_t m = 0; m < n_mels; m++) {
            const double *w = W + m * n_bins;
            double acc = 0.0;
            for (size_t k = 0; k < n_bins; k++)
                acc += w[k] * p[k];
            S[t * n_mels + m] = acc;
        }
    }
    return DSP_OK;
}
