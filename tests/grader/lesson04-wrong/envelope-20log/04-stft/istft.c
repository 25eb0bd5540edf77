/* Lesson 04, Part 3 — reference solution. */
#include <stdlib.h>
#include <string.h>

#include <dsplab/dftmodel.h>

#include "exercise.h"

int istft_ex(const double *mX, const double *pX, size_t n_frames, const double *w, size_t m,
             size_t n_fft, size_t hop, double *y, size_t len)
{
    if (m == 0 || n_fft < m || hop == 0 || n_frames != len / hop + 1)
        return DSP_EINVAL;
    size_t nb = n_fft / 2 + 1, h = m / 2;
    double *frame = malloc(m * sizeof *frame);
    double *wss = calloc(len ? len : 1, sizeof *wss);
    struct dsp_dftmodel *dm = dsp_dftmodel_new(w, m, n_fft);
    int status = DSP_ENOMEM;
    if (!frame || !wss)
        goto done;
    if (!dm) {
        status = DSP_EINVAL;
        goto done;
    }
    const double *wn = dsp_dftmodel_window(dm);   /* unit-sum window */
    double wsq_max = 0.0;
    for (size_t i = 0; i < m; i++)
        if (wn[i] * wn[i] > wsq_max)
            wsq_max = wn[i] * wn[i];
    memset(y, 0, len * sizeof *y);
    for (size_t k = 0; k < n_frames; k++) {
        status = dsp_dftmodel_synthesize(dm, mX + k * nb, pX + k * nb, frame);   /* x*wn */
        if (status != DSP_OK)
            goto done;
        for (size_t i = 0; i < m; i++) {
            size_t p = k * hop + i;   /* sample p - h */
            if (p >= h && p - h < len) {
                y[p - h] += frame[i] * wn[i];
                wss[p - h] += wn[i] * wn[i];
            }
        }
    }
    /* least squares: x = sum_k wn*(x*wn) / sum_k wn^2 */
    for (size_t t = 0; t < len; t++) {
        if (!(wss[t] > 1e-16 * wsq_max)) {   /* lib/src/stft.c's WSS_REL_TOL */
            status = DSP_EINVAL;
            goto done;
        }
        y[t] /= wss[t];
    }
    status = DSP_OK;
done:
    dsp_dftmodel_free(dm);
    free(frame);
    free(wss);
    return status;
}
