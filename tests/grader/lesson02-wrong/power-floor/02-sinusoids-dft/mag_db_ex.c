/* Lesson 02, Part 5 — reference solution. */
#include <float.h>
#include <math.h>

#include "exercise.h"

int mag_db_ex(const double complex *X, size_t n, double *mX, size_t *n_bins)
{
    if (n == 0 || X == NULL || mX == NULL || n_bins == NULL)
        return DSP_EINVAL;
    size_t nb = n / 2 + 1;
    for (size_t k = 0; k < nb; k++) {
        double p = cabs(X[k]) * cabs(X[k]);
        mX[k] = 10.0 * log10(p > DBL_MIN ? p : DBL_MIN);  /* MISTAKE: the floor on the power */
    }
    *n_bins = nb;
    return DSP_OK;
}
