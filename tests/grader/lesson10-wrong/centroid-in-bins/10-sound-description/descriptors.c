/* Lesson 10, Part 1 — descriptors of one spectrum (reference solution). */
#include <math.h>

#include "exercise.h"

/* n_bins >= 1 finite magnitudes >= 0; their sum into *sum. */
static int valid_spectrum(const double *mag, size_t n_bins, double *sum)
{
    if (n_bins == 0)
        return 0;
    *sum = 0.0;
    for (size_t k = 0; k < n_bins; k++) {
        if (!(mag[k] >= 0.0) || isinf(mag[k]))
            return 0;
        *sum += mag[k];
    }
    return 1;
}

static int valid_bin_hz(double bin_hz)
{
    return bin_hz > 0.0 && !isinf(bin_hz);
}

int centroid_ex(const double *mag, size_t n_bins, double bin_hz, double *centroid)
{
    double sum;
    if (!valid_spectrum(mag, n_bins, &sum) || !valid_bin_hz(bin_hz))
        return DSP_EINVAL;
    double acc = 0.0;
    for (size_t k = 0; k < n_bins; k++)
        acc += (double)k * mag[k];   /* MISTAKE: the bin index, not its frequency in Hz */
    *centroid = sum > 0.0 ? acc / sum : 0.0;
    return DSP_OK;
}

int spread_ex(const double *mag, size_t n_bins, double bin_hz, double *spread)
{
    double c, sum;
    int s = centroid_ex(mag, n_bins, bin_hz, &c);
    if (s != DSP_OK)
        return s;
    valid_spectrum(mag, n_bins, &sum);
    double acc = 0.0;
    for (size_t k = 0; k < n_bins; k++) {
        double d = (double)k * bin_hz - c;
        acc += d * d * mag[k];
    }
    *spread = sum > 0.0 ? sqrt(acc / sum) : 0.0;
    return DSP_OK;
}

int flatness_ex(const double *mag, size_t n_bins, double *flatness)
{
    double sum;
    if (!valid_spectrum(mag, n_bins, &sum))
        return DSP_EINVAL;
    double mean_log = 0.0, mean_pow = 0.0;
    for (size_t k = 0; k < n_bins; k++) {
        double p = fmax(mag[k] * mag[k], 1e-10);
        mean_log += log(p);
        mean_pow += p;
    }
    mean_log /= (double)n_bins;
    mean_pow /= (double)n_bins;
    *flatness = exp(mean_log) / mean_pow;
    return DSP_OK;
}

int rolloff_ex(const double *mag, size_t n_bins, double bin_hz, double fraction,
               double *rolloff)
{
    double sum;
    if (!valid_spectrum(mag, n_bins, &sum) || !valid_bin_hz(bin_hz) ||
        !(fraction > 0.0 && fraction <= 1.0))
        return DSP_EINVAL;
    double threshold = fraction * sum, acc = 0.0;
    *rolloff = 0.0;
    if (sum <= 0.0)
        return DSP_OK;
    for (size_t k = 0; k < n_bins; k++) {
        acc += mag[k];
        if (acc >= threshold) {
            *rolloff = (double)k * bin_hz;
            return DSP_OK;
        }
    }
    /* fraction 1: rounding may leave the running sum a hair short */
    for (size_t k = n_bins; k-- > 0;)
        if (mag[k] > 0.0) {
            *rolloff = (double)k * bin_hz;
            break;
        }
    return DSP_OK;
}
