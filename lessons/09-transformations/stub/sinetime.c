/*
 * Lesson 09, Part 4 — Sine model: time scaling
 *
 * Implement sinetime_ex(): play the frames of a sinusoidal analysis at a
 * different pace (the course's sineTimeScaling). A map of breakpoints
 * (in_frame[i], out_frame[i]) says where input frames land in the output;
 * output frame j copies input frame
 *     round(t(j)),  t(j) = in_frame[i] + (j - out_frame[i]) * (in_frame[i+1] - in_frame[i])
 *                                        / (out_frame[i+1] - out_frame[i])
 * for out_frame[i] <= j <= out_frame[i+1] (t = in_frame[n_points-1] beyond
 * the last point), clamped to 0 .. n_frames-1. round() takes halves away
 * from zero (llround). The output has out_frames =
 * round(out_frame[n_points-1]) + 1 frames. Phases are not copied: the
 * result is synthesised without phases, which integrates the frequencies.
 *
 * freq, mag: n_frames x n_sines; out_freq, out_mag: out_frames x n_sines
 * in_frame, out_frame: n_points >= 2 values, strictly increasing, both
 * starting at 0.
 * Returns DSP_OK, or DSP_EINVAL (n_frames 0, n_points < 2, a map that does
 * not start at (0, 0) or does not increase, out_frames wrong).
 *
 * EXAMPLE  5 frames of one sine, freq = {100, 200, 300, 400, 500};
 *          map (0, 0), (4, 8): twice as slow, 9 output frames
 *            ->  out_freq = {100, 200, 200, 300, 300, 400, 400, 500, 500}
 *          (frame 1 reads t = 0.5 -> input frame 1)
 *   Frames are copied: the grader wants them exact.
 * HINT  the map goes from OUTPUT frames to INPUT frames.
 * CHECK make grade LESSON=09 ONLY=sinetime
 */
#include <math.h>
#include <string.h>

#include "exercise.h"

int sinetime_ex(const double *freq, const double *mag, size_t n_frames, size_t n_sines,
                const double *in_frame, const double *out_frame, size_t n_points,
                double *out_freq, double *out_mag, size_t out_frames)
{
    /* YOUR CODE HERE */
    (void)freq;
    (void)mag;
    (void)n_frames;
    (void)n_sines;
    (void)in_frame;
    (void)out_frame;
    (void)n_points;
    (void)out_freq;
    (void)out_mag;
    (void)out_frames;
    return DSP_ETODO;
}
