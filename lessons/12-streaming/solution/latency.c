/* Lesson 12, Part 5 — the latency of a framing (reference solution). */
#include "exercise.h"

int latency_ex(size_t win, size_t hop, size_t n_fft, int centered, double sample_rate,
               size_t *samples, double *ms)
{
    if (win == 0 || hop == 0 || n_fft < win || !(sample_rate > 0) || !samples || !ms ||
        (centered != 0 && centered != 1))
        return DSP_EINVAL;
    /* the frame's last sample is its start + win - 1; the start is k*hop
     * (inside) or k*hop - n_fft/2 + (n_fft - win)/2 (centred) */
    *samples = centered ? win + (n_fft - win) / 2 - n_fft / 2 : win;
    *ms = 1000.0 * (double)*samples / sample_rate;
    return DSP_OK;
}
