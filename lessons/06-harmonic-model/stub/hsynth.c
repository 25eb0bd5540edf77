/*
 * Lesson 06, Part 5 — Harmonic synthesis
 *
 * Implement hsynth_ex(): in a harmonic sound every partial is locked to f0,
 * so ONE phase is enough: if phi is the phase of the fundamental, harmonic
 * h has phase h * phi (the integral of h*f0 is h times the integral of f0).
 * Frame k sits at sample k*hop; over samples k*hop + j, j = 0 .. hop-1:
 *     f(j)   = fa + (fb - fa) j / hop          (fa = f0[k], fb = f0[k+1])
 *     a_h(j) = a_h[k] + (a_h[k+1] - a_h[k]) j / hop
 *     y[k*hop + j] = sum_h a_h(j) cos(h * phi)
 *     phi += 2 pi (fa + (fb - fa)(j + 0.5) / hop) / fs
 * The last frame is held (fb = fa, same amplitudes). An f0 of 0 is
 * unvoiced:
 *   - fa == 0 and fb == 0: silence, and phi = 0;
 *   - fa == 0 (voicing starts): phi = 0, fa = fb, amplitudes from 0;
 *   - fb == 0 (voicing ends): fb = fa, amplitudes to 0.
 * Harmonics with h * max(fa, fb) >= fs/2 are left out of that hop.
 *
 * f0     n_frames values, Hz;  hamp  n_frames rows of n_harm amplitudes
 *        (harmonic h of frame k: hamp[k * n_harm + h - 1])
 * hop    >= 1;  fs  Hz;  y  output, len = n_frames * hop samples
 * Returns DSP_OK, or DSP_EINVAL (hop 0, fs <= 0, len != n_frames * hop).
 *
 * EXAMPLE  f0 = 441 Hz in every frame, amplitudes 1, 1/2, .. 1/5, fs 44100:
 *            y[i] = sum_h (1/h) cos(2 pi h 441 i / 44100) — what
 *            dsp_gen_harmonics() makes; at fs 4000 the 5th (2205 Hz) is out.
 *          f0 gliding 200 -> 300 Hz in 1 s: phi = 2 pi (200 t + 50 t^2).
 *   The grader allows 1e-8 on the 1 s glide (phase rounding) and 1e-12 on
 *   short cases.
 * HINT  fmod(phi, 2 pi) once per hop is safe: h is a whole number.
 * CHECK make grade LESSON=06 ONLY=hsynth
 */
#include "exercise.h"

int hsynth_ex(const double *f0, const double *hamp, size_t n_frames, size_t n_harm, size_t hop,
              double fs, double *y, size_t len)
{
    /* YOUR CODE HERE */
    (void)f0;
    (void)hamp;
    (void)n_frames;
    (void)n_harm;
    (void)hop;
    (void)fs;
    (void)y;
    (void)len;
    return DSP_ETODO;
}
