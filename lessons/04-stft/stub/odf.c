/*
 * Lesson 04, Part 5 — An onset detection function
 *
 * Implement odf_ex(): a note or a syllable starts where the energy jumps
 * up. Take the first difference of an energy envelope (dB) and keep only
 * the rises (half-wave rectification):
 *     odf[0] = 0
 *     odf[k] = max(env[k] - env[k-1], 0),    k = 1 .. n-1
 * Peaks of odf are candidate onsets; decays and silence give 0.
 *
 * env  input, n >= 1 envelope values in dB (one per frame, Part 4)
 * odf  output, n values, allocated by the caller
 * Returns DSP_OK, or DSP_EINVAL when n == 0.
 *
 * EXAMPLE  env = {-30, -20, -25, -25, -10}  ->  odf = {0, 10, 0, 0, 15}
 *   A subtraction is exact in any order: the grader allows 1e-12 dB.
 * HINT  the first frame has nothing before it: 0 by definition.
 * CHECK make grade LESSON=04 ONLY=odf
 */
#include "exercise.h"

int odf_ex(const double *env, size_t n, double *odf)
{
    /* YOUR CODE HERE */
    (void)env;
    (void)n;
    (void)odf;
    return DSP_ETODO;
}
