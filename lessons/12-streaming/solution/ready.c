/* Lesson 12, Part 2 — which frames a push completes (reference solution). */
#include "exercise.h"

/* Frames complete after len samples: frame k needs k*hop + win of them. */
static size_t frames_in(size_t len, size_t win, size_t hop)
{
    return len < win ? 0 : 1 + (len - win) / hop;
}

int frames_ready_ex(size_t pushed, size_t n, size_t win, size_t hop, size_t *first,
                    size_t *count)
{
    if (win == 0 || hop == 0 || !first || !count)
        return DSP_EINVAL;
    *first = frames_in(pushed, win, hop);
    *count = frames_in(pushed + n, win, hop) - *first;
    return DSP_OK;
}
