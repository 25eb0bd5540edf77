/* peaks.c — strict local maxima of a dB spectrum and their parabolic
 * interpolation (see peaks.h). */
#include "dsplab/peaks.h"

#include "dsplab/status.h"

#include <math.h>

int dsp_peaks_detect(const double *mX, size_t n, double threshold, size_t *loc,
                     size_t max_peaks, size_t *n_peaks)
{
    if (!mX || !loc || !n_peaks)
        return dsp_fail(DSP_EINVAL, "peaks: mX, loc and n_peaks must not be NULL");
    if (isnan(threshold))
        return dsp_fail(DSP_EINVAL, "peaks: threshold is NaN");
    size_t count = 0;
    for (size_t k = 1; k + 1 < n && count < max_peaks; k++) {
        /* written so that NaN bins are never peaks */
        if (mX[k] > threshold && mX[k] > mX[k - 1] && mX[k] > mX[k + 1])
            loc[count++] = k++;   /* k+1 cannot be a peak: it is below mX[k] */
    }
    *n_peaks = count;
    return DSP_OK;
}

int dsp_peaks_interp(const double *mX, const double *pX, size_t n, const size_t *loc,
                     size_t n_peaks, double *iloc, double *imag, double *iphase)
{
    if (!mX || (!loc && n_peaks) || (n_peaks && (!iloc || !imag)))
        return dsp_fail(DSP_EINVAL, "peaks: mX, loc, iloc and imag must not be NULL");
    if (!pX != !iphase)
        return dsp_fail(DSP_EINVAL, "peaks: pX and iphase must both be given or both be NULL");
    for (size_t i = 0; i < n_peaks; i++) {
        size_t k = loc[i];
        if (k < 1 || k + 1 >= n)
            return dsp_fail(DSP_EINVAL,
                            "peaks: peak %zu is at bin %zu, but interpolation needs a bin in "
                            "1 .. %zu (n = %zu)",
                            i, k, n >= 2 ? n - 2 : 0, n);
        double a = mX[k - 1], b = mX[k], c = mX[k + 1];
        double den = a - 2.0 * b + c;
        /* den < 0 at a strict maximum; a flat top (den == 0) stays on the bin */
        double p = den != 0.0 ? 0.5 * (a - c) / den : 0.0;
        iloc[i] = (double)k + p;
        imag[i] = b - 0.25 * (a - c) * p;
        if (iphase) {
            double pa = pX[k - 1], pb = pX[k], pc = pX[k + 1];
            iphase[i] = pb + 0.5 * p * (pc - pa) + 0.5 * p * p * (pa - 2.0 * pb + pc);
        }
    }
    return DSP_OK;
}
