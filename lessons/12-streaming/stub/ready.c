/*
 * Lesson 12, Part 2 — which frames does a push complete?
 *
 * Frame k covers samples k*hop .. k*hop + win - 1, so it can be computed as
 * soon as win + k*hop samples have arrived. After L samples, the complete
 * frames are 0 .. F(L) - 1 with
 *
 *   F(L) = 0                       if L < win
 *   F(L) = 1 + (L - win) / hop     otherwise (integer division)
 *
 * A push of n samples after `pushed` completes frames F(pushed) ..
 * F(pushed + n) - 1: first = F(pushed), count = F(pushed + n) - F(pushed).
 *
 * Returns DSP_OK, or DSP_EINVAL when win or hop is 0 or an output is NULL.
 *
 * EXAMPLE  win = 4, hop = 2
 *   pushed = 0, n = 7  ->  first = 0, count = 2   (frames 0..1 need 4 and 6 samples)
 *   pushed = 7, n = 1  ->  first = 2, count = 1   (frame 2 needs 8)
 *   pushed = 8, n = 1  ->  first = 3, count = 0   (frame 3 needs 10)
 * HINT  L - win with L < win wraps around in size_t: test L < win first.
 * CHECK make grade LESSON=12 ONLY=frames_ready
 */
#include "exercise.h"

int frames_ready_ex(size_t pushed, size_t n, size_t win, size_t hop, size_t *first,
                    size_t *count)
{
    /* YOUR CODE HERE */
    (void)pushed;
    (void)n;
    (void)win;
    (void)hop;
    (void)first;
    (void)count;
    return DSP_ETODO;
}
