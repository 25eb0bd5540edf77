/*
 * Lesson 09, Part 1 — Phase vocoder: the phases of one output frame
 *
 * Implement pvphase_ex(). A time-scaled sound keeps each frame's
 * magnitudes but needs NEW phases: output frames are hop samples apart,
 * while the input frames they read are hop/factor apart, so the analysed
 * phases no longer fit together. Each bin's phase must advance by its own
 * frequency times the output hop.
 *   1. Instantaneous frequency of bin k (radians per sample), from the two
 *      analyses hop samples apart in the INPUT (phi_prev, then phi):
 *          w_k = 2 pi k / N + princarg(phi_k - phi_prev_k - 2 pi k hop / N) / hop
 *      princarg(x) = x - 2 pi floor((x + pi) / (2 pi)) lies in [-pi, pi):
 *      the bin centre's advance is removed, the rest is the deviation.
 *   2. theta_k = theta_prev_k + hop * w_k   (the output hop)
 *   3. With lock == PV_LOCK_IDENTITY: the peaks (1 <= k <= nb-2, mag[k]
 *      greater than both neighbours) keep step 2's phase; every other bin
 *      k copies its analysed offset from its nearest peak p (ties: the
 *      lower peak):   theta_k = theta_p + phi_k - phi_p.
 *      No peak at all: keep step 2 everywhere.
 *
 * mag, phi, phi_prev, theta_prev  inputs, nb = n_fft/2 + 1 values each
 * theta                           output, nb values
 * Returns DSP_OK, or DSP_EINVAL (n_fft odd or < 4, hop 0, 2*hop > n_fft,
 * lock not PV_LOCK_NONE or PV_LOCK_IDENTITY).
 *
 * EXAMPLE  n_fft 8, hop 2 (nb 5), mag = {0, 1, 4, 1, 0},
 *          phi = {0, 1, 2, 0.5, -1}, phi_prev = {0, 0.5, -2, 1.5, 0},
 *          theta_prev = {0.1, 0.2, 0.3, 0.4, 0.5}
 *   PV_LOCK_NONE      ->  theta = {0.1, 0.7, 4.3, 5.683185, 5.783185}
 *                         (bin 3: 0.4 + 3 pi/2 + princarg(-1 - 3 pi/2))
 *   PV_LOCK_IDENTITY  ->  theta = {2.3, 3.3, 4.3, 2.8, 1.3}
 *                         (one peak, bin 2: theta_2 + phi_k - 2)
 *   The grader allows 1e-9 rad (a few roundings).
 * HINT  the advance uses the OUTPUT hop; the expected phase advance
 *       2 pi k hop / N must be removed before princarg, or every bin
 *       above the first wraps to a wrong frequency.
 * CHECK make grade LESSON=09 ONLY=pvphase
 */
#include <math.h>

#include "exercise.h"

int pvphase_ex(const double *mag, const double *phi, const double *phi_prev,
               const double *theta_prev, size_t n_fft, size_t hop, int lock, double *theta)
{
    /* YOUR CODE HERE */
    (void)mag;
    (void)phi;
    (void)phi_prev;
    (void)theta_prev;
    (void)n_fft;
    (void)hop;
    (void)lock;
    (void)theta;
    return DSP_ETODO;
}
