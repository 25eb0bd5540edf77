/*
 * Lesson 05, Part 3 — Telling two close sinusoids apart
 *
 * Implement twosines_ex(): x holds two sinusoids (frequencies between
 * 100 Hz and fs/4, at least 20 Hz apart, the weaker at most 20 dB below
 * the stronger). Estimate both frequencies to within 0.05 Hz.
 * This part is a design problem: YOU choose
 *   - the window (dsp_window_fill, window.h) and its size M <= len: its
 *     main lobe must be narrower than the gap, and its side lobes low
 *     enough not to bury the weaker sinusoid;
 *   - the FFT size N >= M (zero-padding makes parabolic interpolation finer).
 * Then analyse one frame (dsp_dftmodel_new / _analyze, dftmodel.h), take
 * the two loudest peaks, interpolate them (your Parts 1 and 2, or the same
 * formulas inline) and convert to Hz: f = iloc * fs / N.
 *
 * x        len samples at fs Hz
 * f_true   the true frequencies, increasing (used only to report the error)
 * f_est    output: your two estimates, increasing
 * err      output: max(|f_est[0] - f_true[0]|, |f_est[1] - f_true[1]|)
 * m_used, n_used   output: the M and N you chose
 * Returns DSP_OK, DSP_EINVAL (fewer than two peaks, bad arguments), DSP_ENOMEM.
 *
 * EXAMPLE  1 s at 44100 Hz of 0.5 cos(2 pi 440 t + 0.3) + 0.5 cos(2 pi 460 t + 1.9)
 *          (the grader's signal; the frame from sample (len - M)/2):
 *            Blackman-Harris, M = 13231, N = 65536
 *              ->  f_est = {439.9999, 459.9999}, err 6e-5 Hz
 *            Hamming, M = 8821, N = 65536  ->  err 0.005 Hz here, but
 *              0.076 Hz with both phases 0: too close to the edge;
 *            Hamming, M = 2001, N = 4096: one blurred peak at 449.9 Hz.
 *          with 0.8 cos(2 pi 1000.3 t + 0.3) + 0.08 cos(2 pi 1023.9 t + 1.9),
 *            Hamming M = 8821 puts the weak one at 1023.58 Hz (the loud
 *            one's side lobes): err 0.32 Hz, too much.
 *   The grader checks each estimate is within 0.05 Hz (the course's bound)
 *   and that err is computed from them (1e-12).
 * HINT  a main lobe B bins wide covers B * fs / M Hz: Hamming B = 4,
 *       Blackman B = 6, Blackman-Harris B = 8. Take the frame from the
 *       middle of x. Sort the two estimates before computing err.
 * CHECK make grade LESSON=05 ONLY=twosines
 */
#include <dsplab/dftmodel.h>
#include <dsplab/window.h>

#include "exercise.h"

int twosines_ex(const double *x, size_t len, double fs, const double f_true[2], double f_est[2],
                double *err, size_t *m_used, size_t *n_used)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)len;
    (void)fs;
    (void)f_true;
    (void)f_est;
    (void)err;
    (void)m_used;
    (void)n_used;
    return DSP_ETODO;
}
