/*
 * Lesson 03, Part 4 — Removing a band with the DFT model
 *
 * Implement suppress_ex(): filter one frame in the frequency domain.
 *   1. analyse x (m samples) with the DFT model: window w, FFT size n,
 *      giving mX (dB) and pX (radians), n/2+1 bins each (dftmodel.h);
 *   2. for every bin k with  f_low <= k*fs/n <= f_high  (ends included)
 *      set mX[k] = -120 dB — the course's "silence": 1e-6, not 0;
 *   3. synthesise back to m samples with the same model;
 *   4. multiply by sum(w): the model divided w by its sum, and y should be
 *      x*w without the band.
 *
 * x       input frame, m samples        w   window, m values (sum != 0)
 * n       FFT size, n >= m              fs  sample rate in Hz
 * f_low, f_high  the band in Hz, f_low <= f_high
 * y       output, m samples, allocated by the caller
 * Returns DSP_OK, DSP_EINVAL (m == 0, n < m, fs <= 0, f_low > f_high),
 * DSP_ENOMEM.
 *
 * EXAMPLE  x = cos(2 pi 62.5 t) + 0.5 cos(2 pi 1000 t), fs 8000, Hamming
 *          (periodic) m 801, n 1024, band 0 .. 200 Hz:
 *            y[400] = 0.500506: the 1000 Hz part, 0.5 * w[400] = 0.499998,
 *            plus what is left of 62.5 Hz: its Hamming side lobes reach
 *            beyond 200 Hz, so y is 0.5 cos(2 pi 1000 t) * w to about 38 dB SNR;
 *          band 5000 .. 6000 Hz (no bin at all): y = x*w exactly.
 *   The grader allows 1e-9: the model's round trip is exact to ~1e-13.
 * HINT  dsp_dftmodel_new / _analyze / _synthesize / _free do steps 1 and
 *       3; compute k*fs/n in double, not in size_t.
 * CHECK make grade LESSON=03 ONLY=suppress
 */
#include <dsplab/dftmodel.h>

#include "exercise.h"

int suppress_ex(const double *x, size_t m, const double *w, size_t n, double fs,
                double f_low, double f_high, double *y)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)m;
    (void)w;
    (void)n;
    (void)fs;
    (void)f_low;
    (void)f_high;
    (void)y;
    return DSP_ETODO;
}
