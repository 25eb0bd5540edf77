/* Lesson 08, Part 2 — reference solution. */
#include <math.h>
#include <stdlib.h>

#include "exercise.h"

int melbank_ex(double sample_rate, size_t n_fft, size_t n_mels, double f_min, double f_max,
               enum dsp_mel_scale scale, enum dsp_mel_norm norm, double *W)
{
    if (!(sample_rate > 0.0) || !isfinite(sample_rate) || n_fft < 2 || n_mels == 0 ||
        !(f_min >= 0.0) || !(f_max > f_min) || f_max > sample_rate / 2.0)
        return DSP_EINVAL;
    if (scale != DSP_MEL_SLANEY && scale != DSP_MEL_HTK && scale != DSP_MEL_HTK_LN)
        return DSP_EINVAL;
    if (norm != DSP_MEL_NORM_NONE && norm != DSP_MEL_NORM_SLANEY)
        return DSP_EINVAL;

    /* n_mels + 2 edges, equally spaced in mel, back in Hz */
    size_t n_edges = n_mels + 2, n_bins = n_fft / 2 + 1;
    double *f = malloc(n_edges * sizeof *f);
    if (!f)
        return DSP_ENOMEM;
    double lo = dsp_hz_to_mel(f_min, scale), hi = dsp_hz_to_mel(f_max, scale);
    double step = (hi - lo) / (double)(n_edges - 1);
    for (size_t i = 0; i < n_edges; i++)
        f[i] = dsp_mel_to_hz(i + 1 == n_edges ? hi : lo + (double)i * step, scale);

    for (size_t m = 0; m < n_mels; m++) {
        double rise = f[m + 1] - f[m], fall = f[m + 2] - f[m + 1];
        /* Slaney's norm: every triangle gets area 1 (in Hz), so a wide band
         * does not collect more energy just for being wide */
        double gain = norm == DSP_MEL_NORM_SLANEY ? 2.0 / (f[m + 2] - f[m]) : 1.0;
        for (size_t k = 0; k < n_bins; k++) {
            double fk = (double)k * sample_rate / (double)n_fft;
            double up = (fk - f[m]) / rise, down = (f[m + 2] - fk) / fall;
            double w = fmin(up, down);
            W[m * n_bins + k] = w > 0.0 ? gain * w : 0.0;
        }
    }
    free(f);
    return DSP_OK;
}
