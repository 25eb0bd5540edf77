/* Lesson 01, Parts 2 and 3 — reference solution. */
#include <math.h>

#include "exercise.h"

int scale_ex(const double *x, size_t n, double gain, double *y)
{
    if ((n > 0 && (x == NULL || y == NULL)) || !isfinite(gain))
        return DSP_EINVAL;
    for (size_t i = 0; i < n; i++)
        y[i] = (float)(gain * x[i]);  /* MISTAKE: rounded to float */
    return DSP_OK;
}

int normalize_ex(const double *x, size_t n, double target, double *y, double *gain)
{
    if (x == NULL || y == NULL || gain == NULL || n == 0 || !(target > 0 && target <= 1))
        return DSP_EINVAL;
    double peak = 0.0;
    for (size_t i = 0; i < n; i++)
        if (fabs(x[i]) > peak)
            peak = fabs(x[i]);
    if (peak == 0.0)
        return DSP_EINVAL;  /* silence has no level to scale to */
    *gain = target / peak;
    return scale_ex(x, n, *gain, y);
}
