/*
 * Lesson 10, Part 1 — Descriptors of one spectrum
 *
 * A spectrum of 257 numbers is too much to compare sounds with; a handful
 * of numbers that describe its SHAPE is not. Treat the magnitudes as
 * weights on the bin frequencies, w_k = mag[k] / sum_j mag[j], f_k =
 * k * bin_hz, and compute:
 *
 *   centroid_ex  the centre of mass (brightness), in Hz:
 *                    C = sum_k f_k w_k
 *   spread_ex    the spread around it, in Hz:
 *                    S = sqrt( sum_k (f_k - C)^2 w_k )
 *   flatness_ex  noise-like (1) or tone-like (near 0), on the POWER
 *                P_k = max(mag[k]^2, 1e-10):
 *                    F = exp( mean_k ln P_k ) / mean_k P_k
 *   rolloff_ex   the frequency below which `fraction` of the magnitude lies:
 *                    the lowest f_k with sum_{j<=k} mag[j] >= fraction * sum_j mag[j]
 *
 * mag      n_bins >= 1 linear magnitudes, each finite and >= 0
 * bin_hz   > 0, the spacing of the bins in Hz (sample_rate / n_fft)
 * fraction 0 < fraction <= 1 (0.85 is librosa's default)
 * Each writes one value. DSP_EINVAL for a bad argument. A silent spectrum
 * (all zeros) has centroid, spread and rolloff 0, and flatness 1.
 *
 * EXAMPLE  mag = {0, 1, 2, 1}, bin_hz = 100 (bins at 0, 100, 200, 300 Hz):
 *            centroid = (100*1 + 200*2 + 300*1) / 4 = 200 Hz
 *            spread   = sqrt((100^2*1 + 0 + 100^2*1) / 4) = 70.710678 Hz
 *            flatness = (1e-10 * 1 * 4 * 1)^(1/4) / (6/4) = 0.0029814240
 *            rolloff  = 300 Hz (fraction 0.85: running sums 0, 1, 3, 4 >= 3.4),
 *                       200 Hz (fraction 0.5), 100 Hz (fraction 0.25: 1 >= 1)
 *          mag = {1, 1, 1, 1}: flatness = 1 exactly.
 *   The grader allows 1e-9 relative (sums of a few hundred terms).
 * HINT  f_k is in Hz: k * bin_hz, not k. The flatness needs the floor
 *       1e-10 on the power, or ln(0) = -inf ruins it. The rolloff's test is
 *       >=, not >.
 * CHECK make grade LESSON=10 ONLY=centroid,spread,flatness,rolloff
 */
#include <math.h>

#include "exercise.h"

int centroid_ex(const double *mag, size_t n_bins, double bin_hz, double *centroid)
{
    /* YOUR CODE HERE */
    (void)mag;
    (void)n_bins;
    (void)bin_hz;
    (void)centroid;
    return DSP_ETODO;
}

int spread_ex(const double *mag, size_t n_bins, double bin_hz, double *spread)
{
    /* YOUR CODE HERE (you may call centroid_ex) */
    (void)mag;
    (void)n_bins;
    (void)bin_hz;
    (void)spread;
    return DSP_ETODO;
}

int flatness_ex(const double *mag, size_t n_bins, double *flatness)
{
    /* YOUR CODE HERE */
    (void)mag;
    (void)n_bins;
    (void)flatness;
    return DSP_ETODO;
}

int rolloff_ex(const double *mag, size_t n_bins, double bin_hz, double fraction,
               double *rolloff)
{
    /* YOUR CODE HERE */
    (void)mag;
    (void)n_bins;
    (void)bin_hz;
    (void)fraction;
    (void)rolloff;
    return DSP_ETODO;
}
