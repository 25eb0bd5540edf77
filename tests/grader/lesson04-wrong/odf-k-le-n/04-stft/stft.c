/* Lesson 04, Part 2 — reference solution. */
#include <stdlib.h>

#include <dsplab/dftmodel.h>

#include "exercise.h"

int stft_ex(const double *x, size_t len, const double *w, size_t m, size_t n_fft, size_t hop,
            double *mX, double *pX)
{
    if (m == 0 || n_fft < m || hop == 0)
        return DSP_EINVAL;
    size_t frames = len / hop + 1, nb = n_fft / 2 + 1, h = m / 2;
    double *frame = malloc(m * sizeof *frame);
    struct dsp_dftmodel *dm = dsp_dftmodel_new(w, m, n_fft);
    int status = DSP_ENOMEM;
    if (!frame)
        goto done;
    if (!dm) {
        status = DSP_EINVAL;   /* a window summing to zero */
        goto done;
    }
    for (size_t k = 0; k < frames; k++) {
        /* sample t = k*H - h + i, read as 0 outside the signal; in size_t,
         * t < 0 is k*H + i < h */
        for (size_t i = 0; i < m; i++) {
            size_t p = k * hop + i;
            frame[i] = (p >= h && p - h < len) ? x[p - h] : 0.0;
        }
        status = dsp_dftmodel_analyze(dm, frame, mX + k * nb, pX + k * nb);
        if (status != DSP_OK)
            goto done;
    }
    status = DSP_OK;
done:
    dsp_dftmodel_free(dm);
    free(frame);
    return status;
}
