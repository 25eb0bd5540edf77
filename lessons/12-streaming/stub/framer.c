/*
 * Lesson 12, Part 3 — a streaming framer
 *
 * Put Parts 1 and 2 together: samples arrive in pushes of any size (1
 * sample, or 10 seconds), and every frame must come out exactly once, as
 * soon as its last sample is in. Sample t of the stream (t = pushed + i for
 * x[i]) lives in ring slot t % cap; cap >= win, so a whole frame always
 * fits. Sample t completes frame k when t + 1 = k*hop + win, that is when
 * t + 1 >= win and (t + 1 - win) % hop == 0; the frame is then
 *
 *   frame[j] = sample (t + 1 - win + j) = ring[(t + 1 - win + j) % cap],  j = 0 .. win-1
 *
 * Copy each completed frame into the next row of frames (win values per
 * row) and count them in *n_frames. Write each sample into the ring before
 * you test whether it completes a frame: a frame ends with that sample.
 *
 * Returns DSP_OK, or DSP_EINVAL when win or hop is 0, cap < win, an array
 * is NULL, or more than max_frames frames would complete.
 *
 * EXAMPLE  win = 3, hop = 2, cap = 4, pushed = 0, x = {1, 2, 3, 4, 5}
 *   ->  *n_frames = 2, frames = {1, 2, 3,  3, 4, 5}
 *   then pushed = 5, x = {6, 7}  ->  *n_frames = 1, frames = {5, 6, 7}
 * HINT  Do not wait for a whole push before cutting frames: with a push of
 *       10 s and a ring of cap samples, the early frames are overwritten.
 * CHECK make grade LESSON=12 ONLY=framer
 */
#include "exercise.h"

int framer_push_ex(double *ring, size_t cap, size_t pushed, const double *x, size_t n,
                   size_t win, size_t hop, double *frames, size_t max_frames, size_t *n_frames)
{
    /* YOUR CODE HERE */
    (void)ring;
    (void)cap;
    (void)pushed;
    (void)x;
    (void)n;
    (void)win;
    (void)hop;
    (void)frames;
    (void)max_frames;
    (void)n_frames;
    return DSP_ETODO;
}
