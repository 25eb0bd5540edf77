/* Lesson 08, Part 5 — reference solution. */
#include <math.h>

#include "exercise.h"

int mfcc_ex(const double *db, size_t n_frames, size_t n_mels, size_t n_mfcc, double *C)
{
    if (n_mfcc < 1 || n_mfcc > n_mels)
        return DSP_EINVAL;
    const double pi = acos(-1.0), M = (double)n_mels;
    for (size_t t = 0; t < n_frames; t++) {
        const double *d = db + t * n_mels;
        for (size_t q = 0; q < n_mfcc; q++) {
            double acc = 0.0;
            for (size_t m = 0; m < n_mels; m++)
                acc += d[m] * cos(pi * (double)q * (double)(2 * m + 1) / (2.0 * M));
            /* orthonormal: every basis vector has length 1 */
            C[t * n_mfcc + q] = (q == 0 ? sqrt(1.0 / M) : sqrt(2.0 / M)) * acc;
        }
    }
    return DSP_OK;
}
