/*
 * Lesson 06, Part 1 — The two-way mismatch error
 *
 * Implement twm_ex(): how well does a candidate fundamental f0 explain a
 * frame's peaks? Maher and Beauchamp's two-way mismatch (TWM) compares the
 * predicted harmonics h*f0 with the measured peaks in both directions.
 * With K = min(10, n_peaks), Amax = the largest pmag, and for a peak of
 * magnitude m its weight a = 10^((m - Amax)/20):
 *
 *   predicted -> measured, h = 1 .. K:  fh = h*f0, i = the peak nearest fh,
 *       d = |pfreq[i] - fh| * fh^(-p)
 *       E_pm += d + a_i * (q*d - r)
 *   measured -> predicted, i = 0 .. K-1 (the first K peaks):
 *       h = round(pfreq[i] / f0), at least 1
 *       d = |pfreq[i] - h*f0| * pfreq[i]^(-p)
 *       E_mp += a_i * (d + a_i * (q*d - r))
 *   err = E_pm / K + rho * E_mp / K
 *
 * with the course's p = 0.5, q = 1.4, r = 0.5, rho = 0.33 (TWM_P, TWM_Q,
 * TWM_R, TWM_RHO in exercise.h). Lower is better; it can be negative.
 *
 * pfreq, pmag  n_peaks >= 1 peaks: Hz (increasing), dB
 * f0           the candidate, Hz, > 0
 * err          output: the error
 * Returns DSP_OK, or DSP_EINVAL (n_peaks == 0, f0 <= 0).
 *
 * EXAMPLE  peaks 200, 400, 600 Hz at -10, -20, -30 dB:
 *            f0 200  ->  err -0.2970879610028064   (every d is 0)
 *            f0 400  ->  err 12.957623352181116    (an octave too high)
 *            f0 100  ->  err 12.057752153517004    (an octave too low)
 *   The grader allows 1e-9: pow and the order of the sums move the last digits.
 * HINT  Amax is over ALL peaks, K only limits the two sums. Ties for the
 *       nearest peak: keep the first. round() (math.h) rounds halves away
 *       from zero, numpy's to even: exact halves do not occur in the tests.
 * CHECK make grade LESSON=06 ONLY=twm
 */
#include <math.h>

#include "exercise.h"

int twm_ex(const double *pfreq, const double *pmag, size_t n_peaks, double f0, double *err)
{
    /* YOUR CODE HERE */
    (void)pfreq;
    (void)pmag;
    (void)n_peaks;
    (void)f0;
    (void)err;
    return DSP_ETODO;
}
