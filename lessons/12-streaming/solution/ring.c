/* Lesson 12, Part 1 — a ring buffer (reference solution). */
#include "exercise.h"

int ring_write_ex(double *ring, size_t cap, size_t pos, const double *x, size_t n)
{
    if (!ring || cap == 0 || (!x && n > 0))
        return DSP_EINVAL;
    for (size_t i = 0; i < n; i++)
        ring[(pos + i) % cap] = x[i];
    return DSP_OK;
}

int ring_latest_ex(const double *ring, size_t cap, size_t pos, size_t count, double *out)
{
    if (!ring || !out || cap == 0 || count > cap)
        return DSP_EINVAL;
    /* pos % cap first: pos + cap cannot wrap around size_t then */
    size_t start = (pos % cap + cap - count) % cap;
    for (size_t i = 0; i < count; i++)
        out[i] = ring[(start + i) % cap];
    return DSP_OK;
}
