/* Lesson 06, Part 1 — reference solution. */
#include <math.h>

#include "exercise.h"

int twm_ex(const double *pfreq, const double *pmag, size_t n_peaks, double f0, double *err)
{
    if (n_peaks == 0 || !(f0 > 0))
        return DSP_EINVAL;
    double amax = pmag[0];
    for (size_t i = 1; i < n_peaks; i++)
        amax = fmax(amax, pmag[i]);
    size_t K = n_peaks < TWM_MAX_HARMONICS ? n_peaks : TWM_MAX_HARMONICS;
    /* predicted -> measured: each of the first K harmonics to its nearest peak */
    double e_pm = 0.0;
    for (size_t h = 1; h <= K; h++) {
        double fh = (double)h * f0;
        size_t best = 0;
        for (size_t i = 1; i < n_peaks; i++)
            if (fabs(pfreq[i] - fh) < fabs(pfreq[best] - fh))
                best = i;
        double d = fabs(pfreq[best] - fh) * pow(fh, -TWM_P);
        double a = pow(10.0, (pmag[best] - amax) / 20.0);
        e_pm += d + a * (TWM_Q * d - TWM_R);
    }
    /* measured -> predicted: each of the first K peaks to its nearest harmonic */
    double e_mp = 0.0;
    for (size_t i = 0; i < K; i++) {
        double h = round(pfreq[i] / f0);
        if (h < 1)
            h = 1;
        double d = fabs(pfreq[i] - h * f0) * pow(pfreq[i], -TWM_P);
        double a = pow(10.0, (pmag[i] - amax) / 20.0);
        e_mp += a * (d + a * (TWM_Q * d - TWM_R));
    }
    *err = e_pm / (double)K + TWM_RHO * e_mp / (double)K;
    return DSP_OK;
}
