/*
 * Lesson 02, Part 1 — A real sinusoid
 *
 * Implement gen_sine_ex(): n samples of a cosine of amplitude amp,
 * frequency freq (Hz) and initial phase phase (radians), sampled at fs Hz:
 *     x[i] = amp * cos(2*pi*freq*i/fs + phase),    i = 0 .. n-1
 *
 * amp    amplitude (any finite value)      freq   Hz (any finite value)
 * phase  radians at i = 0                  fs     sample rate in Hz, > 0
 * x      output, n samples, allocated by the caller
 * Returns DSP_OK, or DSP_EINVAL when fs <= 0 or a value is NaN or infinite.
 *
 * EXAMPLE  amp 1, freq 1000, phase 0, fs 4000, n 4  ->  x = {1, 0, -1, 0}
 *   You may see 6.1e-17 instead of 0: cos(pi/2) is not exactly 0 in double.
 *   The grader allows 1e-12 here and 1e-9 on long random signals.
 *   With phase -pi/2 the cosine becomes a sine: amp * sin(2*pi*freq*i/fs).
 * HINT  2*pi*freq*i/fs with i a size_t: convert i to double. pi is
 *       acos(-1.0); M_PI also works here (the grader compiles with
 *       _DEFAULT_SOURCE) but is not standard C.
 * CHECK make grade LESSON=02 ONLY=sine
 */
#include "exercise.h"

int gen_sine_ex(double amp, double freq, double phase, double fs, double *x, size_t n)
{
    /* YOUR CODE HERE */
    (void)amp;
    (void)freq;
    (void)phase;
    (void)fs;
    (void)x;
    (void)n;
    return DSP_ETODO;
}
