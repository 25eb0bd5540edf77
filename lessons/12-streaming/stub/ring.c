/*
 * Lesson 12, Part 1 — a ring buffer
 *
 * A live stream never ends, so it cannot be stored: keep only the last cap
 * samples in an array used in a circle. Sample i of a push that starts at
 * slot pos goes to slot (pos + i) % cap; once the circle is full, each new
 * sample overwrites the oldest one.
 *
 *   ring_write_ex:  ring[(pos + i) % cap] = x[i],            i = 0 .. n-1
 *   ring_latest_ex: out[i] = ring[(pos + cap - count + i) % cap], i = 0 .. count-1
 *                   (the count samples written last before slot pos, oldest first)
 *
 * ring  cap samples, the caller's        x    n samples        out  count samples
 * Returns DSP_OK, or DSP_EINVAL when cap is 0, count > cap, or an array is NULL
 * (x may be NULL when n is 0).
 *
 * EXAMPLE  cap = 4, ring = {0, 0, 0, 0}
 *   ring_write_ex(ring, 4, 0, {1, 2, 3}, 3)   ->  ring = {1, 2, 3, 0}
 *   ring_write_ex(ring, 4, 3, {4, 5, 6}, 3)   ->  ring = {5, 6, 3, 4}
 *   ring_latest_ex(ring, 4, 6, 3, out)        ->  out = {4, 5, 6}
 * HINT  pos may be any size_t (the count of samples so far): reduce it with
 *       % cap before adding cap, or pos + cap can wrap around to a small number.
 * CHECK make grade LESSON=12 ONLY=ring
 */
#include "exercise.h"

int ring_write_ex(double *ring, size_t cap, size_t pos, const double *x, size_t n)
{
    /* YOUR CODE HERE */
    (void)ring;
    (void)cap;
    (void)pos;
    (void)x;
    (void)n;
    return DSP_ETODO;
}

int ring_latest_ex(const double *ring, size_t cap, size_t pos, size_t count, double *out)
{
    /* YOUR CODE HERE */
    (void)ring;
    (void)cap;
    (void)pos;
    (void)count;
    (void)out;
    return DSP_ETODO;
}
