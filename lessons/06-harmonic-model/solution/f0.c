/* Lesson 06, Part 2 — reference solution. */
#include "exercise.h"

int f0_ex(const double *pfreq, const double *pmag, size_t n_peaks, double fmin, double fmax,
          double max_err, double *f0)
{
    if (!(fmin > 0) || !(fmin <= fmax))
        return DSP_EINVAL;
    double best_f = 0.0, best_e = 0.0;
    for (size_t i = 0; i < n_peaks; i++) {
        if (pfreq[i] < fmin || pfreq[i] > fmax)
            continue;
        double e;
        int s = twm_ex(pfreq, pmag, n_peaks, pfreq[i], &e);
        if (s != DSP_OK)
            return s;
        if (best_f == 0.0 || e < best_e) {   /* strict: ties keep the lower */
            best_f = pfreq[i];
            best_e = e;
        }
    }
    *f0 = best_f > 0 && best_e < max_err ? best_f : 0.0;
    return DSP_OK;
}
