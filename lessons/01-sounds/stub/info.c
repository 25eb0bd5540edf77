/*
 * Lesson 01, Part 1 — What is in a sound?
 *
 * A sound in memory is a list of numbers (samples) in [-1, 1], taken
 * sample_rate times per second, one per channel in turn ("interleaved"):
 * frame f, channel c is a->data[f * a->channels + c].
 *
 * Implement sound_info_ex(): fill *info with
 *     sample_rate, channels, frames   copied from *a
 *     duration = frames / sample_rate                     seconds
 *     peak     = max over all samples of |data[i]|        (all channels)
 *     rms      = sqrt( (1/T) * sum over all samples of data[i]^2 ),
 *                T = frames * channels                    (all channels)
 *
 * a     a sound (data, frames, channels, sample_rate); read only
 * info  output, one struct sound_info (see exercise.h)
 * Returns DSP_OK, or DSP_EINVAL when a has no frames, no channels or a
 * sample rate <= 0.
 *
 * EXAMPLE  mono, sample_rate 4, data = {0.5, -1, 0.5, 0}  ->
 *     duration 1 s, peak 1, rms = sqrt((0.25 + 1 + 0.25 + 0) / 4) = 0.6123724356957945
 *   The grader allows 1e-12 relative: summing in another order changes the
 *   last bits only.
 * HINT  frames * channels is a size_t; convert it to double before dividing.
 * CHECK make grade LESSON=01 ONLY=info
 */
#include "exercise.h"

int sound_info_ex(const struct dsp_audio *a, struct sound_info *info)
{
    /* YOUR CODE HERE */
    (void)a;
    (void)info;
    return DSP_ETODO;
}
