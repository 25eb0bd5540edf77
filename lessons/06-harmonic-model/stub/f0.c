/*
 * Lesson 06, Part 2 — The fundamental frequency of a frame
 *
 * Implement f0_ex(): try every peak in the allowed range as a candidate
 * fundamental and keep the one the TWM error (Part 1) likes best:
 *   1. candidates: the peaks with fmin <= pfreq[i] <= fmax;
 *   2. for each, err_i = twm_ex(pfreq, pmag, n_peaks, pfreq[i]);
 *   3. the best is the lowest err (ties: the first, i.e. lower frequency);
 *   4. *f0 = its frequency if its err < max_err (strict), else 0 (the frame
 *      is called unvoiced). No peaks or no candidate: *f0 = 0.
 * Call your own twm_ex(): it is declared in exercise.h.
 *
 * pfreq, pmag  n_peaks peaks (n_peaks may be 0): Hz (increasing), dB
 * fmin, fmax   the range of f0, Hz, 0 < fmin <= fmax
 * max_err      the largest acceptable TWM error (the course uses 5..7)
 * f0           output, Hz or 0
 * Returns DSP_OK, or DSP_EINVAL (fmin <= 0, fmin > fmax).
 *
 * EXAMPLE  peaks 220.5, 441.3, 659.8, 882, 1101.7, 1325.1 Hz at
 *          -12, -6, -20, -25, -30, -41 dB:
 *            fmin 100, fmax 1000, max_err 5   ->  220.5  (err -0.157)
 *            fmin 300, fmax 1000, max_err 5   ->  0      (441.3 has err 10.1)
 *            fmin 300, fmax 1000, max_err 20  ->  441.3
 *   f0 is a peak's own frequency or 0: the grader compares exactly.
 * HINT  a frame whose true fundamental has no peak of its own cannot be
 *       found this way; the course accepts that.
 * CHECK make grade LESSON=06 ONLY=f0
 */
#include "exercise.h"

int f0_ex(const double *pfreq, const double *pmag, size_t n_peaks, double fmin, double fmax,
          double max_err, double *f0)
{
    /* YOUR CODE HERE */
    (void)pfreq;
    (void)pmag;
    (void)n_peaks;
    (void)fmin;
    (void)fmax;
    (void)max_err;
    (void)f0;
    return DSP_ETODO;
}
