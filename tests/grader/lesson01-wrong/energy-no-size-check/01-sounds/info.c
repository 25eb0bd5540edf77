/* Lesson 01, Part 1 — reference solution. */
#include <math.h>

#include "exercise.h"

int sound_info_ex(const struct dsp_audio *a, struct sound_info *info)
{
    if (a == NULL || info == NULL || a->data == NULL || a->frames == 0 || a->channels < 1 ||
        !(a->sample_rate > 0))
        return DSP_EINVAL;

    size_t total = a->frames * (size_t)a->channels;
    double peak = 0.0, sum_sq = 0.0;
    for (size_t i = 0; i < total; i++) {
        double v = fabs(a->data[i]);
        if (v > peak)
            peak = v;
        sum_sq += a->data[i] * a->data[i];
    }
    info->sample_rate = a->sample_rate;
    info->channels = a->channels;
    info->frames = a->frames;
    info->duration = (double)a->frames / a->sample_rate;
    info->peak = peak;
    info->rms = sqrt(sum_sq / (double)total);
    return DSP_OK;
}
