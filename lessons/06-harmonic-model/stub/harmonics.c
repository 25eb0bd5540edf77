/*
 * Lesson 06, Part 3 — Harmonic analysis of a frame
 *
 * Implement harmonics_ex(): with f0 known, harmonic h should be near h*f0.
 * For h = 1 .. n_harm, as long as h*f0 < fs/2:
 *   i = the peak nearest h*f0 (ties: the first);
 *   if |pfreq[i] - h*f0| < f0/3 + slope * pfreq[i]   (strict)
 *       hfreq[h-1], hmag[h-1], hphase[h-1] = pfreq[i], pmag[i], pphase[i]
 * Every harmonic not found (and all of them when f0 <= 0 or there are no
 * peaks) is 0 in all three outputs.
 *
 * pfreq, pmag, pphase  n_peaks peaks: Hz (increasing), dB, radians
 * f0          Hz; <= 0 means unvoiced
 * n_harm      how many harmonics to look for
 * slope       extra tolerance per Hz (the course's harmDevSlope, 0.01)
 * fs          sample rate, Hz
 * hfreq, hmag, hphase  outputs, n_harm each
 * Returns DSP_OK, or DSP_EINVAL (fs <= 0, slope < 0).
 *
 * EXAMPLE  the six peaks of Part 2 with phases 0.1 .. 0.6, f0 220.5,
 *          n_harm 8, slope 0.01, fs 44100:
 *            hfreq = {220.5, 441.3, 659.8, 882, 1101.7, 1325.1, 0, 0}
 *            (harmonic 7, 1543.5 Hz, is 218 Hz from 1325.1: not found)
 *          peaks 390, 700, 890 Hz, f0 300, slope 0:  {390, 0, 890}
 *            (700 is exactly 100 = f0/3 from 600: strict, not found)
 *   Copies of peak values: the grader compares exactly.
 * HINT  zero all outputs first; a peak may serve two harmonics.
 * CHECK make grade LESSON=06 ONLY=harmonics
 */
#include "exercise.h"

int harmonics_ex(const double *pfreq, const double *pmag, const double *pphase,
                 size_t n_peaks, double f0, size_t n_harm, double slope, double fs,
                 double *hfreq, double *hmag, double *hphase)
{
    /* YOUR CODE HERE */
    (void)pfreq;
    (void)pmag;
    (void)pphase;
    (void)n_peaks;
    (void)f0;
    (void)n_harm;
    (void)slope;
    (void)fs;
    (void)hfreq;
    (void)hmag;
    (void)hphase;
    return DSP_ETODO;
}
