/* Lesson 02, Part 3 — a block allocated and never freed. */
#include <math.h>
#include <stdlib.h>

#include "exercise.h"

int dft_ex(const double *x, size_t n, double complex *X)
{
    if (n == 0 || x == NULL || X == NULL)
        return DSP_EINVAL;
    const double pi = acos(-1.0);
    double *angles = malloc(n * sizeof *angles); /* MISTAKE: never freed */
    if (!angles)
        return DSP_ENOMEM;
    for (size_t k = 0; k < n; k++) {
        double complex sum = 0;
        for (size_t m = 0; m < n; m++) {
            angles[m] = -2.0 * pi * (double)(k * m % n) / (double)n;
            sum += x[m] * (cos(angles[m]) + I * sin(angles[m]));
        }
        X[k] = sum;
    }
    return DSP_OK;
}
