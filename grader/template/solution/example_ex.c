/* Reference solution of lessons/@LESSON@/stub/example_ex.c. */
#include "exercise.h"

int example_ex(const double *x, size_t n, double gain, double *y)
{
    if (x == NULL || y == NULL)
        return dsp_fail(DSP_EINVAL, "example_ex: x and y must not be NULL");
    for (size_t i = 0; i < n; i++)
        y[i] = gain * x[i];
    return DSP_OK;
}
