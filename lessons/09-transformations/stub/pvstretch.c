/*
 * Lesson 09, Part 2 — Time scaling with the phase vocoder
 *
 * Implement pvstretch_ex(): make x factor times longer without changing
 * its pitch. With w the periodic Hann window of N = n_fft samples,
 * w[i] = 0.5 - 0.5 cos(2 pi i / N), and out_len = round(len * factor):
 *   for each output frame j = 0 .. out_len/hop (integer division):
 *     1. a = round(j * hop / factor): the input sample it reads (llround);
 *     2. X = FFT of w[i] * x[a - N/2 + i], i = 0 .. N-1 (x is 0 outside
 *        0 .. len-1); mag = |X|, phi = arg X (nb = N/2+1 bins);
 *     3. j = 0: theta = phi. Otherwise phi_prev = the phases of the frame
 *        centred on a - hop (step 2 again) and
 *        theta = pvphase_ex(mag, phi, phi_prev, theta_prev, N, hop, lock);
 *     4. frame = inverse FFT of mag * e^{i theta} (dsp_fft_inverse_real
 *        scales by 1/N), times w again, added to y[j*hop - N/2 + i]
 *        (inside 0 .. out_len-1 only), and w[i]^2 added to a sum s at
 *        the same place;
 *   finally y[n] /= s[n] (s > 0 everywhere when 2*hop <= N).
 * The division makes factor 1 give x back exactly, whatever the hop.
 *
 * x: len >= 1 samples; y: out_len samples (must be round(len * factor)).
 * Returns DSP_OK, or DSP_EINVAL (as pvphase_ex, factor <= 0, len 0,
 * out_len wrong).
 *
 * EXAMPLE  factor 1 (any x, N 1024, hop 256)  ->  y = x (to 1e-9)
 *          0.8 cos(2 pi 440 t), 1 s, factor 1.5, N 2048, hop 512,
 *          PV_LOCK_IDENTITY  ->  66150 samples of a 440 Hz tone whose
 *          amplitude stays 0.8 within 2 %
 *   The grader compares with the reference to 1e-8 (rounding in the
 *   phase sums over ~100 frames).
 * HINT  dsp_fft_new(N), dsp_fft_forward_real, dsp_fft_inverse_real and
 *       carg/cabs/cexp (complex.h); compute a with signed integers
 *       (long long): a - N/2 is negative at the start.
 * CHECK make grade LESSON=09 ONLY=pvstretch
 */
#include <complex.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <dsplab/fft.h>

#include "exercise.h"

int pvstretch_ex(const double *x, size_t len, double factor, size_t n_fft, size_t hop, int lock,
                 double *y, size_t out_len)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)len;
    (void)factor;
    (void)n_fft;
    (void)hop;
    (void)lock;
    (void)y;
    (void)out_len;
    return DSP_ETODO;
}
