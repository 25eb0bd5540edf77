/* Lesson 01, Part 4 — reference solution. */
#include "exercise.h"

int downsample_ex(const double *x, size_t n, size_t factor, double *y, size_t *ny)
{
    if (factor == 0 || ny == NULL || (n > 0 && (x == NULL || y == NULL)))
        return DSP_EINVAL;
    size_t m = 0;
    for (size_t i = 0; i < n; i += factor)
        y[m++] = x[i];
    *ny = m;  /* = ceil(n / factor) */
    return DSP_OK;
}
