/*
 * Lesson 08, Part 1 — From Hz to mel and back
 *
 * Implement hz_to_mel_ex() and mel_to_hz_ex(): convert n values between
 * hertz and mels on one of three scales.
 *     DSP_MEL_SLANEY (librosa's default, Slaney's Auditory Toolbox):
 *         mel = f / (200/3)                          for f <  1000 Hz
 *         mel = 15 + ln(f / 1000) / (ln(6.4) / 27)   for f >= 1000 Hz
 *       (linear below 1 kHz, 3 mels per 200 Hz; logarithmic above, 27 mels
 *       for every factor 6.4 in frequency; the two meet at 1000 Hz = 15 mel)
 *     DSP_MEL_HTK:     mel = 2595 log10(1 + f/700)
 *     DSP_MEL_HTK_LN:  mel = 1127 ln(1 + f/700)   (VGGish's; almost the same)
 * mel_to_hz_ex() solves each formula for f (on the Slaney scale, switch
 * branches at 15 mel).
 *
 * hz / mel  input, n values, each >= 0 and finite
 * scale     which of the three scales
 * mel / hz  output, n values, allocated by the caller
 * Returns DSP_OK, or DSP_EINVAL for an unknown scale or a negative, NaN or
 * infinite input (check every input before writing any output).
 *
 * EXAMPLE  hz = {60, 440, 1000, 6400}, DSP_MEL_SLANEY -> mel = {0.9, 6.6, 15, 42}
 *          hz = {700, 1000, 6300},     DSP_MEL_HTK    -> {781.1728, 999.98554, 2595}
 *          hz = {1000},                DSP_MEL_HTK_LN -> {999.99070}
 *          mel = {3, 15, 42}, DSP_MEL_SLANEY -> hz = {200, 1000, 6400}
 *   You may see 6.6000000000000005 instead of 6.6: rounding noise is fine,
 *   the grader allows 1e-9 (plus 1e-12 relative).
 * HINT  log() is the natural log, log10() the decimal one; exp() and
 *       pow(10, x) undo them. Write 200.0 / 3.0, not 200 / 3 (= 66).
 * CHECK make grade LESSON=08 ONLY=mel
 */
#include <math.h>

#include "exercise.h"

int hz_to_mel_ex(const double *hz, size_t n, enum dsp_mel_scale scale, double *mel)
{
    /* YOUR CODE HERE */
    (void)hz;
    (void)n;
    (void)scale;
    (void)mel;
    return DSP_ETODO;
}

int mel_to_hz_ex(const double *mel, size_t n, enum dsp_mel_scale scale, double *hz)
{
    /* YOUR CODE HERE */
    (void)mel;
    (void)n;
    (void)scale;
    (void)hz;
    return DSP_ETODO;
}
