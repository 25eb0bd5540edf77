/*
 * Lesson 09, Part 5 — Harmonic model: pitch shifting
 *
 * Implement harmpitch_ex(): move every harmonic of every frame to ratio
 * times its frequency (ratio 2: an octave up; 2^(1/12): a semitone), and
 * choose where its magnitude comes from:
 *   keep_envelope 0: the magnitude travels with the harmonic, so the
 *     spectral envelope (the formants, the timbre) moves too;
 *   keep_envelope 1: the magnitude is read from the frame's ORIGINAL
 *     envelope at the new frequency: the envelope is the present
 *     harmonics' points (freq, mag) joined by straight lines (in dB over
 *     Hz), flat below the first and beyond the last point.
 * An empty harmonic (freq 0) stays empty; a harmonic shifted to fs/2 or
 * above becomes empty (freq 0, mag 0).
 *
 * hfreq, hmag, out_freq, out_mag  n_frames x n_harm (separate arrays)
 * Returns DSP_OK, or DSP_EINVAL (ratio <= 0, fs <= 0, keep_envelope not 0/1).
 *
 * EXAMPLE  one frame, harmonics 100, 200, 300 Hz at -10, -20, -30 dB,
 *          fs 800, ratio 1.5 -> out_freq = {150, 300, 0} (450 >= 400)
 *            keep_envelope 0  ->  out_mag = {-10, -20, 0}
 *            keep_envelope 1  ->  out_mag = {-15, -30, 0}
 *          (150 Hz lies halfway between the points at 100 and 200 Hz)
 *   The grader allows 1e-9.
 * HINT  read the envelope from the INPUT frame, never from the partly
 *       written output; look for the points just below and just above the
 *       new frequency among all present harmonics.
 * CHECK make grade LESSON=09 ONLY=harmpitch
 */
#include "exercise.h"

int harmpitch_ex(const double *hfreq, const double *hmag, size_t n_frames, size_t n_harm,
                 double ratio, int keep_envelope, double fs, double *out_freq, double *out_mag)
{
    /* YOUR CODE HERE */
    (void)hfreq;
    (void)hmag;
    (void)n_frames;
    (void)n_harm;
    (void)ratio;
    (void)keep_envelope;
    (void)fs;
    (void)out_freq;
    (void)out_mag;
    return DSP_ETODO;
}
