/* Lesson 11, Part 6 — reference solution. */
#include <math.h>

#include "exercise.h"

/* restrict: the four arrays never overlap, so the compiler may load several
 * k at once without fearing that a store to mag changes re, im or w. No
 * branch in the body: every k does the same arithmetic, one SIMD lane each. */
static void weighted_magnitude(const double *restrict re, const double *restrict im,
                               const double *restrict w, size_t n, double *restrict mag)
{
    for (size_t k = 0; k < n; k++)
        mag[k] = w[k] * sqrt(re[k] * re[k] + im[k] * im[k]);
}

int winmag_ex(const double *re, const double *im, const double *w, size_t n, double *mag)
{
    if (n > 0 && (re == NULL || im == NULL || w == NULL || mag == NULL))
        return dsp_fail(DSP_EINVAL, "winmag_ex: NULL array");
    weighted_magnitude(re, im, w, n, mag);
    return DSP_OK;
}

int winmag_scalar_ex(const double complex *X, const double *w, size_t n, double *mag)
{
    if (n > 0 && (X == NULL || w == NULL || mag == NULL))
        return dsp_fail(DSP_EINVAL, "winmag_scalar_ex: NULL array");
    for (size_t k = 0; k < n; k++) {
        if (w[k] == 0.0)   /* skips work, and stops the compiler from vectorising */
            mag[k] = 0.0;
        else
            mag[k] = w[k] * cabs(X[k]);
    }
    return DSP_OK;
}
