/* Lesson 05, Part 5 — reference solution. */
#include <math.h>
#include <stdlib.h>

#include "exercise.h"

int synth_ex(const double *tfreq, const double *tamp, size_t n_frames, size_t n_tracks,
             size_t hop, double fs, double *y, size_t len)
{
    const double two_pi = 6.28318530717958647692;
    if (hop == 0 || !(fs > 0) || len != n_frames * hop)
        return DSP_EINVAL;
    for (size_t i = 0; i < len; i++)
        y[i] = 0.0;
    for (size_t t = 0; t < n_tracks; t++) {
        double phi = 0.0;
        for (size_t k = 0; k < n_frames; k++) {
            double f0 = tfreq[k * n_tracks + t], a0 = tamp[k * n_tracks + t];
            int last = k + 1 == n_frames;
            double f1 = last ? f0 : tfreq[(k + 1) * n_tracks + t];
            double a1 = last ? a0 : tamp[(k + 1) * n_tracks + t];
            if (f0 <= 0) {
                phi = 0.0;   /* no track here: one starting next begins at phase 0 */
                if (f1 <= 0)
                    continue;
                f0 = f1;     /* birth: fade in at the first frequency */
                a0 = 0.0;
            } else if (f1 <= 0) {
                f1 = f0;     /* death: fade out at the last frequency */
                a1 = 0.0;
            }
            double df = (f1 - f0) / (double)hop, da = (a1 - a0) / (double)hop;
            double *out = y + k * hop;
            for (size_t j = 0; j < hop; j++) {
                out[j] += (a0 + da * (double)j) * cos(phi);
                /* exact integral of the linear frequency over one sample */
                phi += two_pi * (f0 + df * ((double)j + 0.5)) / fs;
            }
            phi = fmod(phi, two_pi);
        }
    }
    return DSP_OK;
}
