/* Lesson 04, Part 1 — reference solution. */
#include <complex.h>
#include <stdlib.h>
#include <string.h>

#include <dsplab/fft.h>
#include <dsplab/spectrum.h>

#include "exercise.h"

int lobe_ex(enum dsp_window type, double param, size_t m, double *lobe, size_t *len)
{
    if (m == 0)
        return DSP_EINVAL;
    size_t n = 8 * m, nb = n / 2 + 1, h = m / 2;
    double *w = malloc(m * sizeof *w), *buf = calloc(n, sizeof *buf);
    double complex *X = malloc(nb * sizeof *X);
    struct dsp_fft *fft = dsp_fft_new(n);
    int status = DSP_ENOMEM;
    if (!w || !buf || !X || !fft)
        goto done;
    status = dsp_window_fill(type, param, DSP_WINDOW_PERIODIC, w, m);
    if (status != DSP_OK)
        goto done;
    double sum = 0.0;
    for (size_t i = 0; i < m; i++)
        sum += w[i];
    if (sum == 0.0) {
        status = DSP_EINVAL;
        goto done;
    }
    /* unit sum, zero-phase into N = 8M: the spectrum is real and even */
    for (size_t i = 0; i < m; i++)
        buf[(i + n - h) % n] = w[i] / sum;
    dsp_fft_forward_real(fft, buf, X);
    /* magnitudes in dB, then the first minimum: the first bin after which
     * the magnitude rises */
    double *mX = buf;   /* the buffer is free again: reuse it for nb values */
    for (size_t b = 0; b < nb; b++)
        mX[b] = dsp_amp_to_db(cabs(X[b]));
    size_t r = 0;
    for (size_t b = 1; b + 1 < nb; b++)
        if (mX[b + 1] > mX[b]) {
            r = b;
            break;
        }
    if (r == 0) {
        status = DSP_EINVAL;
        goto done;
    }
    /* |X[-b]| = |X[b]| for a real window: mirror the positive half */
    for (size_t b = 0; b <= r; b++)
        lobe[r + b] = lobe[r - b] = mX[b];
    *len = 2 * r + 1;
    status = DSP_OK;
done:
    dsp_fft_free(fft);
    free(w);
    free(buf);
    free(X);
    return status;
}
