/* Lesson 06, Part 4 — reference solution. */
#include <math.h>

#include "exercise.h"

int inharm_ex(const double *f0, const double *hfreq, size_t n_frames, size_t n_harm,
              double *inharm)
{
    double total = 0.0;
    size_t frames = 0;
    for (size_t l = 0; l < n_frames; l++) {
        if (!(f0[l] > 0))
            continue;
        double sum = 0.0;
        size_t found = 0;
        for (size_t h = 1; h <= n_harm; h++) {
            double f = hfreq[l * n_harm + h - 1];
            if (f > 0) {
                sum += fabs(f - (double)h * f0[l]) / (double)h;
                found++;
            }
        }
        if (found > 0) {
            total += sum / (double)found;
            frames++;
        }
    }
    if (frames == 0)
        return DSP_EINVAL;
    *inharm = total / (double)frames;
    return DSP_OK;
}
