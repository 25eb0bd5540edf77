/* Lesson 03, Part 4 — reference solution. */
#include <stdlib.h>

#include <dsplab/dftmodel.h>

#include "exercise.h"

int suppress_ex(const double *x, size_t m, const double *w, size_t n, double fs,
                double f_low, double f_high, double *y)
{
    if (m == 0 || n < m || !(fs > 0) || !(f_low <= f_high))
        return DSP_EINVAL;
    size_t nb = n / 2 + 1;
    double *mX = malloc(nb * sizeof *mX);
    double *pX = malloc(nb * sizeof *pX);
    struct dsp_dftmodel *dm = dsp_dftmodel_new(w, m, n);
    int status = DSP_ENOMEM;
    if (!mX || !pX)
        goto done;
    if (!dm) {
        status = DSP_EINVAL;   /* e.g. a window that sums to zero */
        goto done;
    }
    status = dsp_dftmodel_analyze(dm, x, mX, pX);
    if (status != DSP_OK)
        goto done;
    for (size_t k = 0; k < nb; k++) {
        double f = (double)k * fs / (double)n;
        if (f >= f_low && f <= f_high)
            mX[k] = -120.0;   /* 1e-6 of full scale: "silence" in the course */
    }
    status = dsp_dftmodel_synthesize(dm, mX, pX, y);
    if (status != DSP_OK)
        goto done;
    /* the model normalised w to unit sum; scale back to x*w */
    double sw = 0.0;
    for (size_t i = 0; i < m; i++)
        sw += w[i];
    for (size_t i = 0; i < m; i++)
        y[i] *= sw;
done:
    dsp_dftmodel_free(dm);
    free(mX);
    free(pX);
    return status;
}
