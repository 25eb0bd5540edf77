/*
 * Lesson 05, Part 2 — Parabolic interpolation of a peak
 *
 * Implement interp_ex(): a sinusoid rarely sits on a bin, so its true
 * frequency lies between bins. Near its top the main lobe of the window, in
 * dB, is close to a parabola: fit the parabola through the three values
 *     l = mX[k-1],  c = mX[k],  r = mX[k+1]      (k = loc[i])
 * and take its top:
 *     p      = 0.5 (l - r) / (l - 2c + r)        (between -0.5 and 0.5)
 *     iloc   = k + p                             (fractional bin)
 *     imag   = c - 0.25 (l - r) p                (dB)
 *     iphase = pX read at iloc by linear interpolation between the two
 *              bins around it: floor(iloc) and floor(iloc) + 1
 * The frequency is iloc * fs / N Hz.
 *
 * mX, pX   the spectrum, n bins (dB, unwrapped radians)
 * loc      n_peaks peak bins (from Part 1), each 0 < loc[i] < n-1
 * iloc, imag, iphase   outputs, n_peaks each, allocated by the caller
 * Returns DSP_OK, or DSP_EINVAL when a loc[i] is 0 or n-1 (no neighbour).
 *
 * EXAMPLE  mX[k] = -6 - 2 (k - 10.3)^2, pX[k] = 0.5 + 0.1 k, loc = {10}:
 *            mX[9..11] = {-9.38, -6.18, -6.98}
 *            ->  iloc 10.3, imag -6, iphase 1.53
 *          (a true parabola is recovered exactly; a window's main lobe
 *           only approximately — see the README)
 *   You may see 10.300000000000001: the grader allows 1e-9.
 * HINT  when p < 0 the top is left of k: interpolate pX between k-1 and k.
 * CHECK make grade LESSON=05 ONLY=interp
 */
#include "exercise.h"

int interp_ex(const double *mX, const double *pX, size_t n, const size_t *loc, size_t n_peaks,
              double *iloc, double *imag, double *iphase)
{
    /* YOUR CODE HERE */
    (void)mX;
    (void)pX;
    (void)n;
    (void)loc;
    (void)n_peaks;
    (void)iloc;
    (void)imag;
    (void)iphase;
    return DSP_ETODO;
}
