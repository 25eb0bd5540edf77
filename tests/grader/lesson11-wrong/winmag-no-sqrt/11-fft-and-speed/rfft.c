/* Lesson 11, Part 4 — reference solution. */
#include <math.h>
#include <stdlib.h>

#include "exercise.h"

int rfft_ex(const double *x, size_t n, double complex *X)
{
    if (n < 2 || (n & (n - 1)) != 0 || x == NULL || X == NULL)
        return dsp_fail(DSP_EINVAL, "rfft_ex: n = %zu is not a power of two >= 2", n);
    size_t h = n / 2;
    double complex *z = malloc(h * sizeof *z), *Z = malloc(h * sizeof *Z);
    if (z == NULL || Z == NULL) {
        free(z);
        free(Z);
        return DSP_ENOMEM;
    }
    /* even samples as real parts, odd samples as imaginary parts */
    for (size_t m = 0; m < h; m++)
        z[m] = x[2 * m] + I * x[2 * m + 1];
    int s = fft_ex(z, h, Z);
    if (s == DSP_OK)
        for (size_t k = 0; k <= h; k++) {
            double complex zk = Z[k % h], zc = conj(Z[(h - k) % h]);
            double complex even = 0.5 * (zk + zc);           /* DFT of x[0], x[2], ... */
            double complex odd = -0.5 * I * (zk - zc);       /* DFT of x[1], x[3], ... */
            double angle = -2.0 * M_PI * (double)k / (double)n;
            X[k] = even + (cos(angle) + I * sin(angle)) * odd;
        }
    free(z);
    free(Z);
    return s;
}
