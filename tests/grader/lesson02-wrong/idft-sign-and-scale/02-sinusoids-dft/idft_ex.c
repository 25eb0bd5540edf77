/* Lesson 02, Part 4 — reference solution. */
#include <math.h>

#include "exercise.h"

int idft_ex(const double complex *X, size_t n, double complex *x)
{
    if (n == 0 || X == NULL || x == NULL)
        return DSP_EINVAL;
    const double pi = acos(-1.0);
    for (size_t m = 0; m < n; m++) {
        double complex sum = 0;
        for (size_t k = 0; k < n; k++) {
            double angle = -2.0 * pi * (double)(k * m % n) / (double)n;  /* MISTAKE: - sign */
            sum += X[k] * (cos(angle) + I * sin(angle));
        }
        x[m] = sum;  /* MISTAKE: no 1/n */
    }
    return DSP_OK;
}
