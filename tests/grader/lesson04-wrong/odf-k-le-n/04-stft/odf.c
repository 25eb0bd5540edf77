/* Lesson 04, Part 5 — reference solution. */
#include "exercise.h"

int odf_ex(const double *env, size_t n, double *odf)
{
    if (n == 0)
        return DSP_EINVAL;
    odf[0] = 0.0;   /* no previous frame to rise from */
    for (size_t k = 1; k <= n; k++) {  /* MISTAKE: one past the end */
        double d = env[k] - env[k - 1];
        odf[k] = d > 0.0 ? d : 0.0;   /* half-wave rectified: rises only */
    }
    return DSP_OK;
}
