/* Lesson 02, Part 2 — reference solution. */
#include <math.h>

#include "exercise.h"

int gen_kernel_ex(size_t k, size_t n, double complex *s)
{
    if (n == 0 || s == NULL)
        return DSP_EINVAL;
    const double pi = acos(-1.0);
    for (size_t m = 0; m < n; m++) {
        /* k*m mod n in integers keeps the angle small and exact */
        double angle = -2.0 * pi * (double)((k % n) * m % n) / (double)n;
        s[m] = cos(angle) + I * sin(angle);
    }
    return DSP_OK;
}
