/* Lesson 06, Part 5 — reference solution. */
#include <math.h>

#include "exercise.h"

int hsynth_ex(const double *f0, const double *hamp, size_t n_frames, size_t n_harm, size_t hop,
              double fs, double *y, size_t len)
{
    const double two_pi = 6.28318530717958647692;
    if (hop == 0 || !(fs > 0) || len != n_frames * hop)
        return DSP_EINVAL;
    double phi = 0.0;   /* the fundamental's phase; harmonic h is at h*phi */
    for (size_t k = 0; k < n_frames; k++) {
        int last = k + 1 == n_frames;
        double fa = f0[k], fb = last ? fa : f0[k + 1];
        const double *aa = hamp + k * n_harm, *ab = last ? aa : hamp + (k + 1) * n_harm;
        double *out = y + k * hop;
        int fade_in = 0, fade_out = 0;
        if (fa <= 0) {
            phi = 0.0;   /* voicing starts (or not) here */
            if (fb <= 0) {
                for (size_t j = 0; j < hop; j++)
                    out[j] = 0.0;
                continue;
            }
            fa = fb;
            fade_in = 1;
        } else if (fb <= 0) {
            fb = fa;
            fade_out = 1;
        }
        /* harmonics that reach fs/2 in this hop are left out */
        size_t nh = 0;
        while (nh < n_harm && (double)(nh + 1) * fmax(fa, fb) < fs / 2)
            nh++;
        double df = (fb - fa) / (double)hop;
        for (size_t j = 0; j < hop; j++) {
            double t = (double)j / (double)hop, s = 0.0;
            for (size_t h = 1; h <= nh; h++) {
                double a0 = fade_in ? 0.0 : aa[h - 1], a1 = fade_out ? 0.0 : ab[h - 1];
                s += (a0 + (a1 - a0) * t) * cos((double)h * phi);
            }
            out[j] = s;
            phi += two_pi * (fa + df * ((double)j + 0.5)) / fs;
        }
        phi = fmod(phi, two_pi);   /* h * phi keeps its value modulo 2 pi */
    }
    return DSP_OK;
}
