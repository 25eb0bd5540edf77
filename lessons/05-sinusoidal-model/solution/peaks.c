/* Lesson 05, Part 1 — reference solution. */
#include "exercise.h"

int peaks_ex(const double *mX, size_t n, double threshold, size_t *loc, size_t max_peaks,
             size_t *n_peaks)
{
    if (mX == NULL || n_peaks == NULL || (loc == NULL && max_peaks > 0))
        return DSP_EINVAL;
    size_t count = 0;
    for (size_t k = 1; k + 1 < n && count < max_peaks; k++)
        if (mX[k] > threshold && mX[k] > mX[k - 1] && mX[k] > mX[k + 1])
            loc[count++] = k;
    *n_peaks = count;
    return DSP_OK;
}
