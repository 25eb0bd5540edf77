/* Lesson 05, Part 2 — reference solution. */
#include <math.h>

#include "exercise.h"

int interp_ex(const double *mX, const double *pX, size_t n, const size_t *loc, size_t n_peaks,
              double *iloc, double *imag, double *iphase)
{
    for (size_t i = 0; i < n_peaks; i++)
        if (loc[i] == 0 || loc[i] + 1 >= n)
            return DSP_EINVAL;
    for (size_t i = 0; i < n_peaks; i++) {
        size_t k = loc[i];
        double l = mX[k - 1], c = mX[k], r = mX[k + 1];
        /* the parabola through (-1, l), (0, c), (1, r) peaks at p */
        double p = 0.5 * (l - r) / (l - 2.0 * c + r);
        iloc[i] = (double)k + p;
        imag[i] = c - 0.25 * (l - r) * p;
        /* linear interpolation of the phase between the two bins around iloc */
        size_t k0 = p < 0 ? k - 1 : k;
        double frac = iloc[i] - (double)k0;
        iphase[i] = pX[k0] + frac * (pX[k0 + 1] - pX[k0]);
    }
    return DSP_OK;
}
