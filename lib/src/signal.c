/* signal.c — energy, SNR, zero padding, linear interpolation (see signal.h). */
#include "dsplab/signal.h"

#include "dsplab/status.h"

#include <math.h>
#include <string.h>

double dsp_energy(const double *x, size_t n)
{
    double e = 0.0;
    for (size_t i = 0; i < n; i++)
        e += x[i] * x[i];
    return e;
}

double dsp_snr_db(const double *ref, const double *est, size_t n)
{
    if (n == 0)
        return NAN;   /* nothing to compare */
    double sig = 0.0, noise = 0.0;
    for (size_t i = 0; i < n; i++) {
        double d = ref[i] - est[i];
        sig += ref[i] * ref[i];
        noise += d * d;
    }
    if (isnan(sig) || isnan(noise))
        return NAN;
    if (noise == 0.0)
        return INFINITY;    /* identical, including both all zero */
    if (sig == 0.0)
        return -INFINITY;   /* silent reference, audible error */
    return 10.0 * log10(sig / noise);
}

int dsp_zero_pad(const double *x, size_t n, double *y, size_t m)
{
    if (m < n)
        return dsp_fail(DSP_EINVAL, "dsp_zero_pad: output length (%zu) is shorter than input (%zu)",
                        m, n);
    if (n > 0 && x != y)
        memmove(y, x, n * sizeof *y);
    for (size_t i = n; i < m; i++)
        y[i] = 0.0;
    return DSP_OK;
}

/* Largest j with xp[j] <= v, for xp[0] <= v < xp[n-1]. */
static size_t find_interval(const double *xp, size_t n, double v)
{
    size_t lo = 0, hi = n - 1;   /* invariant: xp[lo] <= v < xp[hi] */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (xp[mid] <= v)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

int dsp_interp_linear(const double *xp, const double *fp, size_t n, const double *q,
                      double *out, size_t m)
{
    if (n == 0)
        return dsp_fail(DSP_EINVAL, "dsp_interp_linear: no points to interpolate (n == 0)");
    for (size_t j = 0; j + 1 < n; j++)
        if (!(xp[j] <= xp[j + 1]))
            return dsp_fail(DSP_EINVAL,
                            "dsp_interp_linear: xp must increase: xp[%zu] = %g, xp[%zu] = %g", j,
                            xp[j], j + 1, xp[j + 1]);
    for (size_t i = 0; i < m; i++) {
        double v = q[i];
        if (isnan(v)) {
            out[i] = v;
        } else if (v < xp[0]) {
            out[i] = fp[0];
        } else if (v >= xp[n - 1]) {
            out[i] = fp[n - 1];   /* also the exact right end, as numpy */
        } else {
            size_t j = find_interval(xp, n, v);
            if (v == xp[j]) {
                out[i] = fp[j];   /* exact knot: no rounding, no inf*0 */
            } else {
                /* numpy's order of operations, including its fallbacks for
                 * an infinite slope. */
                double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
                double r = slope * (v - xp[j]) + fp[j];
                if (isnan(r)) {
                    r = slope * (v - xp[j + 1]) + fp[j + 1];
                    if (isnan(r) && fp[j] == fp[j + 1])
                        r = fp[j];
                }
                out[i] = r;
            }
        }
    }
    return DSP_OK;
}
