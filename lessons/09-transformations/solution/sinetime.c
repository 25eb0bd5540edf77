/* Lesson 09, Part 4 — reference solution. */
#include <math.h>
#include <string.h>

#include "exercise.h"

int sinetime_ex(const double *freq, const double *mag, size_t n_frames, size_t n_sines,
                const double *in_frame, const double *out_frame, size_t n_points,
                double *out_freq, double *out_mag, size_t out_frames)
{
    if (n_frames == 0 || n_points < 2 || in_frame[0] != 0 || out_frame[0] != 0)
        return DSP_EINVAL;
    for (size_t i = 1; i < n_points; i++)
        if (!(in_frame[i] > in_frame[i - 1]) || !(out_frame[i] > out_frame[i - 1]))
            return DSP_EINVAL;
    if (out_frames != (size_t)llround(out_frame[n_points - 1]) + 1)
        return DSP_EINVAL;
    for (size_t j = 0; j < out_frames; j++) {
        double u = (double)j, t = in_frame[n_points - 1];
        for (size_t i = 0; i + 1 < n_points; i++)
            if (u <= out_frame[i + 1]) {
                t = in_frame[i] + (u - out_frame[i]) * (in_frame[i + 1] - in_frame[i]) /
                                      (out_frame[i + 1] - out_frame[i]);
                break;
            }
        long long k = llround(t);
        if (k < 0)
            k = 0;
        if (k > (long long)n_frames - 1)
            k = (long long)n_frames - 1;
        memcpy(out_freq + j * n_sines, freq + (size_t)k * n_sines, n_sines * sizeof *out_freq);
        memcpy(out_mag + j * n_sines, mag + (size_t)k * n_sines, n_sines * sizeof *out_mag);
    }
    return DSP_OK;
}
