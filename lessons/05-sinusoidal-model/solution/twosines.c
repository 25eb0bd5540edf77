/* Lesson 05, Part 3 — reference solution.
 * Blackman-Harris: side lobes at -92 dB, so the weaker sinusoid (-20 dB)
 * is never hidden by the stronger one's; its main lobe is 8 bins wide, so
 * M must give 4 bins < 20 Hz: M > 4 fs / 20 = 8820 at 44.1 kHz. Zero-padding
 * by 4 leaves a parabolic-interpolation error of about 0.001 bin. */
#include <math.h>
#include <stdlib.h>

#include <dsplab/dftmodel.h>
#include <dsplab/window.h>

#include "exercise.h"

int twosines_ex(const double *x, size_t len, double fs, const double f_true[2], double f_est[2],
                double *err, size_t *m_used, size_t *n_used)
{
    if (x == NULL || !(fs > 0) || len < 3)
        return DSP_EINVAL;
    size_t m = (size_t)ceil(6.0 * fs / 20.0) | 1;   /* 6 bins per 20 Hz, odd */
    if (m > len)
        m = (len - 1) | 1;
    size_t n = 1;
    while (n < 4 * m)
        n *= 2;
    size_t nb = n / 2 + 1;
    double *w = malloc(m * sizeof *w), *mX = malloc(nb * sizeof *mX);
    struct dsp_dftmodel *dm = NULL;
    int status = DSP_ENOMEM;
    if (!w || !mX)
        goto done;
    dsp_window_fill(DSP_WIN_BLACKMANHARRIS, 0, DSP_WINDOW_PERIODIC, w, m);
    dm = dsp_dftmodel_new(w, m, n);
    if (!dm)
        goto done;
    /* one frame from the middle of the sound */
    status = dsp_dftmodel_analyze(dm, x + (len - m) / 2, mX, NULL);
    if (status != DSP_OK)
        goto done;
    /* the two largest strict local maxima, then parabolic interpolation */
    size_t best[2] = {0, 0};
    for (size_t k = 1; k + 1 < nb; k++) {
        if (!(mX[k] > mX[k - 1] && mX[k] > mX[k + 1]))
            continue;
        if (best[0] == 0 || mX[k] > mX[best[0]]) {
            best[1] = best[0];
            best[0] = k;
        } else if (best[1] == 0 || mX[k] > mX[best[1]]) {
            best[1] = k;
        }
    }
    if (best[1] == 0) {
        status = DSP_EINVAL;   /* fewer than two peaks: not two sinusoids */
        goto done;
    }
    for (int i = 0; i < 2; i++) {
        size_t k = best[i];
        double l = mX[k - 1], c = mX[k], r = mX[k + 1];
        double p = 0.5 * (l - r) / (l - 2.0 * c + r);
        f_est[i] = ((double)k + p) * fs / (double)n;
    }
    if (f_est[0] > f_est[1]) {
        double t = f_est[0];
        f_est[0] = f_est[1];
        f_est[1] = t;
    }
    *err = fmax(fabs(f_est[0] - f_true[0]), fabs(f_est[1] - f_true[1]));
    *m_used = m;
    *n_used = n;
    status = DSP_OK;
done:
    dsp_dftmodel_free(dm);
    free(w);
    free(mX);
    return status;
}
