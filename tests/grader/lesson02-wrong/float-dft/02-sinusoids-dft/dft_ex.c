/* Lesson 02, Part 3 — reference solution. */
#include <math.h>

#include "exercise.h"

int dft_ex(const double *x, size_t n, double complex *X)
{
    if (n == 0 || x == NULL || X == NULL)
        return DSP_EINVAL;
    const double pi = acos(-1.0);
    for (size_t k = 0; k < n; k++) {
        float complex sum = 0;  /* MISTAKE: float instead of double */
        for (size_t m = 0; m < n; m++) {
            float angle = -2.0f * (float)pi * (float)(k * m % n) / (float)n;
            sum += (float)x[m] * (cosf(angle) + I * sinf(angle));
        }
        X[k] = sum;
    }
    return DSP_OK;
}
