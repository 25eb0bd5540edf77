/*
 * Lesson 05, Part 5 — Additive synthesis of tracks
 *
 * Implement synth_ex(): one oscillator per track, summed. Frame k sits at
 * sample k*hop. Between frame k and frame k+1, for j = 0 .. hop-1:
 *     a(j) = a0 + (a1 - a0) j / hop          amplitude, linear
 *     f(j) = f0 + (f1 - f0) j / hop          frequency, linear
 *     y[k*hop + j] += a(j) cos(phi)
 *     phi += 2 pi (f0 + (f1 - f0) (j + 0.5) / hop) / fs
 * (the last line is the exact integral of f over one sample, so a linear
 * chirp comes out exactly). The phase carries on from segment to segment.
 * (f0, a0) is frame k, (f1, a1) frame k+1; the last frame is held
 * (f1 = f0, a1 = a0). A frequency of 0 means no track:
 *   - f0 == 0 and f1 == 0: silence, and phi = 0;
 *   - f0 == 0 (a track starts): phi = 0, f0 = f1, a0 = 0 (fade in);
 *   - f1 == 0 (a track ends): f1 = f0, a1 = 0 (fade out).
 *
 * tfreq, tamp   n_frames rows of n_tracks values: Hz, linear amplitude
 *               (element [k][t] is tfreq[k * n_tracks + t])
 * hop           samples between frames, >= 1;  fs  sample rate in Hz
 * y             output, len = n_frames * hop samples
 * Returns DSP_OK, or DSP_EINVAL (hop 0, fs <= 0, len != n_frames * hop).
 *
 * EXAMPLE  one track, frames (1 Hz, 1) (1 Hz, 1), hop 4, fs 8:
 *            y = cos(2 pi i / 8) = {1, 0.7071, 0, -0.7071, -1, -0.7071, 0, 0.7071}
 *          frames (0, 0) (1 Hz, 1) (0, 0), hop 4, fs 8:
 *            y = {0, 0.1768, 0, -0.5303, -1, -0.5303, 0, 0.1768, 0, 0, 0, 0}
 *   Rounding in phi builds up over many samples; the grader allows 1e-8 on
 *   a 1 s chirp (and 1e-12 on the short examples).
 * HINT  loop over tracks outside, frames inside, so phi is one variable.
 *       fmod(phi, 2 pi) once per frame keeps it small.
 * CHECK make grade LESSON=05 ONLY=synth
 */
#include "exercise.h"

int synth_ex(const double *tfreq, const double *tamp, size_t n_frames, size_t n_tracks,
             size_t hop, double fs, double *y, size_t len)
{
    /* YOUR CODE HERE */
    (void)tfreq;
    (void)tamp;
    (void)n_frames;
    (void)n_tracks;
    (void)hop;
    (void)fs;
    (void)y;
    (void)len;
    return DSP_ETODO;
}
