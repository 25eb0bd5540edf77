/* Lesson 12, Part 3 — a streaming framer (reference solution). */
#include "exercise.h"

int framer_push_ex(double *ring, size_t cap, size_t pushed, const double *x, size_t n,
                   size_t win, size_t hop, double *frames, size_t max_frames, size_t *n_frames)
{
    if (!ring || (!x && n > 0) || !frames || !n_frames || win == 0 || hop == 0 || cap < win)
        return DSP_EINVAL;
    *n_frames = 0;
    for (size_t i = 0; i < n; i++) {
        size_t t = pushed + i;   /* the sample's index in the stream */
        ring[t % cap] = x[i];
        /* sample t is the last one of frame k when t + 1 = k*hop + win */
        if (t + 1 < win || (t + 1 - win) % hop != 0)
            continue;
        if (*n_frames == max_frames)
            return DSP_EINVAL;
        double *row = frames + *n_frames * win;
        size_t start = t + 1 - win;
        for (size_t j = 0; j < win; j++)
            row[j] = ring[(start + j) % cap];
        (*n_frames)++;
    }
    return DSP_OK;
}
