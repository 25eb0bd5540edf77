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
        double a = cabs(X[k]);
        mX[k] = 20.0 * log10(a > DBL_MIN ? a : DBL_MIN);  /* floor: never -inf */
    }
    *n_bins = nb;
    return DSP_OK;
}
