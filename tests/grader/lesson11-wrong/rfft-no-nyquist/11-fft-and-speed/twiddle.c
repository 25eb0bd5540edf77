/* Lesson 11, Part 2 — reference solution. */
#include <math.h>

#include "exercise.h"

int twiddle_ex(size_t n, double complex *w)
{
    if (n < 2 || (n & (n - 1)) != 0 || w == NULL)
        return dsp_fail(DSP_EINVAL, "twiddle_ex: n = %zu is not a power of two >= 2", n);
    /* Each value straight from cos and sin: a recurrence w[k] = w[k-1] * w[1]
     * would carry the rounding of w[1] into every later value, k times over. */
    for (size_t k = 0; k < n / 2; k++) {
        double angle = -2.0 * M_PI * (double)k / (double)n;
        w[k] = cos(angle) + I * sin(angle);
    }
    return DSP_OK;
}
