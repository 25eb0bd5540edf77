/* Lesson 06, Part 3 — reference solution. */
#include <math.h>

#include "exercise.h"

int harmonics_ex(const double *pfreq, const double *pmag, const double *pphase,
                 size_t n_peaks, double f0, size_t n_harm, double slope, double fs,
                 double *hfreq, double *hmag, double *hphase)
{
    if (!(fs > 0) || !(slope >= 0))
        return DSP_EINVAL;
    for (size_t h = 0; h < n_harm; h++)
        hfreq[h] = hmag[h] = hphase[h] = 0.0;
    if (!(f0 > 0) || n_peaks == 0)
        return DSP_OK;
    for (size_t h = 1; h <= n_harm && (double)h * f0 < fs / 2; h++) {
        double fh = (double)h * f0;
        size_t best = 0;
        for (size_t i = 1; i < n_peaks; i++)
            if (fabs(pfreq[i] - fh) < fabs(pfreq[best] - fh))
                best = i;
        if (fabs(pfreq[best] - fh) < f0 / 3.0 + slope * pfreq[best]) {
            hfreq[h - 1] = pfreq[best];
            hmag[h - 1] = pmag[best];
            hphase[h - 1] = pphase[best];
        }
    }
    return DSP_OK;
}
