/*
 * Lesson 04, Part 1 — The main lobe of a window
 *
 * Implement lobe_ex(): the spectrum of a window is a main lobe around 0 Hz
 * and side lobes around it; the main lobe's width decides how close two
 * sinusoids may be and still be told apart. Cut it out:
 *   1. fill the periodic window (dsp_window_fill, DSP_WINDOW_PERIODIC) of
 *      m samples and divide it by its sum (0 dB at 0 Hz);
 *   2. zero-phase buffer it into N = 8*m samples (lesson 03, Part 2) and
 *      take mX[b] = 20 log10 |X[b]| for b = 0 .. N/2 (dsp_amp_to_db);
 *   3. find r, the first bin b >= 1 with mX[b+1] > mX[b]: the first minimum;
 *   4. write the lobe centred on 0 Hz, using |X[-b]| = |X[b]|:
 *        lobe = {mX[r], .., mX[1], mX[0], mX[1], .., mX[r]},  *len = 2r+1.
 *
 * type, param  the window (param: Kaiser's beta, Gaussian's sigma; else 0)
 * m            window length, >= 1
 * lobe         output, room for 8*m values, allocated by the caller
 * len          output, the number of values written
 * Returns DSP_OK, DSP_EINVAL (m == 0, a bad param, or no minimum before
 * b = N/2), DSP_ENOMEM.
 *
 * EXAMPLE  rectangular, m 32: r = 8 (the first zero is 1 bin of the m-point
 *          DFT = 8 bins of the 8m-point one), *len 17,
 *            lobe[8] = 0, lobe[7] = lobe[9] = -0.22419, lobe[5] = -2.10935,
 *            lobe[1] = -17.11568, lobe[0] = lobe[16] = an exact zero: rounding
 *            noise, -300 dB or lower
 *          blackmanharris, m 100: *len 65 (8 bins wide), lobe[31] = -0.05141
 *   The grader compares dB values to 1e-4 dB; where the true value is an
 *   exact zero (below -200 dB) yours only has to be below -200 dB too.
 * HINT  dsp_fft_new(8*m) and dsp_fft_forward_real give bins 0..N/2; cabs()
 *       the magnitude. Free what you allocate.
 * CHECK make grade LESSON=04 ONLY=lobe
 */
#include <complex.h>

#include <dsplab/fft.h>
#include <dsplab/spectrum.h>

#include "exercise.h"

int lobe_ex(enum dsp_window type, double param, size_t m, double *lobe, size_t *len)
{
    /* YOUR CODE HERE */
    (void)type;
    (void)param;
    (void)m;
    (void)lobe;
    (void)len;
    return DSP_ETODO;
}
