/* dftmodel.c — the DFT model of one frame (see dftmodel.h). */
#include "dsplab/dftmodel.h"

#include "dsplab/dft.h"
#include "dsplab/fft.h"
#include "dsplab/spectrum.h"
#include "dsplab/status.h"

#include "kernels.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A real or imaginary part below this is rounding noise and is set to 0
 * before the phase is taken, part by part, as the course toolkit does: a
 * real-even frame then gets phases of exactly 0 or pi, not +-pi at random. */
#define PHASE_TOL 1e-14

struct dsp_dftmodel {
    size_t m, n, nb;       /* window size M, FFT size N, bins N/2+1 */
    size_t hm1, hm2;       /* (M+1)/2 samples go to the front, M/2 to the back */
    double *w;             /* window normalised to unit sum, M values */
    double *w_raw;         /* the window as given, M values (for the power) */
    struct dsp_fft *fft;   /* plans and aligned buffers for size N */
    double complex *X;     /* scratch, N/2+1 bins */
    double *buf;           /* scratch, N samples */
};

struct dsp_dftmodel *dsp_dftmodel_new(const double *window, size_t m, size_t n_fft)
{
    struct dsp_dftmodel *dm = NULL;
    if (!window) {
        dsp_fail(DSP_EINVAL, "dftmodel: window is NULL");
        goto fail;
    }
    if (m == 0) {
        dsp_fail(DSP_EINVAL, "window size (0) must be at least 1");
        goto fail;
    }
    if (n_fft < m) {
        dsp_fail(DSP_EINVAL, "FFT size (%zu) is smaller than the window size (%zu)", n_fft, m);
        goto fail;
    }
    double sum = 0.0;
    for (size_t i = 0; i < m; i++)
        sum += window[i];
    if (!(fabs(sum) > 0.0) || !isfinite(sum)) {
        dsp_fail(DSP_EINVAL, "window (M = %zu) sums to %g: cannot normalise it to unit sum",
                 m, sum);
        goto fail;
    }
    dm = calloc(1, sizeof *dm);
    if (!dm)
        goto nomem;
    dm->m = m;
    dm->n = n_fft;
    dm->nb = n_fft / 2 + 1;
    dm->hm1 = (m + 1) / 2;
    dm->hm2 = m / 2;
    dm->w = malloc(m * sizeof *dm->w);
    dm->w_raw = malloc(m * sizeof *dm->w_raw);
    dm->X = malloc(dm->nb * sizeof *dm->X);
    dm->buf = malloc(n_fft * sizeof *dm->buf);
    if (!dm->w || !dm->w_raw || !dm->X || !dm->buf)
        goto nomem;
    dm->fft = dsp_fft_new(n_fft);
    if (!dm->fft)
        goto fail;   /* dsp_fft_new has set the message */
    memcpy(dm->w_raw, window, m * sizeof *window);
    for (size_t i = 0; i < m; i++)
        dm->w[i] = window[i] / sum;
    return dm;
nomem:
    dsp_fail(DSP_ENOMEM, "dftmodel: out of memory for M = %zu, N = %zu", m, n_fft);
fail:
    dsp_dftmodel_free(dm);
    return NULL;
}

void dsp_dftmodel_free(struct dsp_dftmodel *dm)
{
    if (!dm)
        return;
    dsp_fft_free(dm->fft);
    free(dm->w);
    free(dm->w_raw);
    free(dm->X);
    free(dm->buf);
    free(dm);
}

size_t dsp_dftmodel_window_size(const struct dsp_dftmodel *dm)
{
    return dm->m;
}

size_t dsp_dftmodel_fft_size(const struct dsp_dftmodel *dm)
{
    return dm->n;
}

const double *dsp_dftmodel_window(const struct dsp_dftmodel *dm)
{
    return dm->w;
}

/* Steps 1-2 written straight into the FFT's input buffer: buf[0 .. hm1-1] =
 * (x*w)[hm2 .. M-1], zeros, buf[N-hm2 .. N-1] = (x*w)[0 .. hm2-1]. */
static void fill_rotated(const struct dsp_dftmodel *dm, const double *w, const double *x,
                         double *buf)
{
    const size_t hm1 = dm->hm1, hm2 = dm->hm2, n = dm->n;
    dsp_k_mul(x + hm2, w + hm2, buf, hm1);
    memset(buf + hm1, 0, (n - hm1 - hm2) * sizeof *buf);
    dsp_k_mul(x, w, buf + (n - hm2), hm2);
}

/* Runs the forward FFT of x*w (rotated); the bins stay in the FFT's output. */
static const double complex *forward(struct dsp_dftmodel *dm, const double *w, const double *x)
{
    fill_rotated(dm, w, x, dsp_fft_real_input(dm->fft));
    dsp_fft_execute_real(dm->fft);
    return dsp_fft_real_output(dm->fft);
}

int dsp_dftmodel_spectrum(struct dsp_dftmodel *dm, const double *x, double complex *X)
{
    const double complex *Y = forward(dm, dm->w, x);
    memcpy(X, Y, dm->nb * sizeof *X);
    return DSP_OK;
}

/* |X| as sqrt(re^2 + im^2) over the interleaved (re, im) pairs, not cabs():
 * cabs (hypot) guards against overflow and underflow, which costs a branch
 * and a rescale per bin. Frames of audio are far from 1e154, where re^2
 * would overflow. The loop is kernels.c's, vectorised (sqrtpd). */
int dsp_dftmodel_magnitude(struct dsp_dftmodel *dm, const double *x, double *mag)
{
    dsp_k_mag((const double *)forward(dm, dm->w, x), mag, dm->nb);
    return DSP_OK;
}

int dsp_dftmodel_power(struct dsp_dftmodel *dm, const double *x, double *power)
{
    dsp_k_pow((const double *)forward(dm, dm->w_raw, x), power, dm->nb);
    return DSP_OK;
}

int dsp_dftmodel_analyze(struct dsp_dftmodel *dm, const double *x, double *mX, double *pX)
{
    const double complex *X = forward(dm, dm->w, x);
    const size_t nb = dm->nb;
    for (size_t k = 0; k < nb; k++) {
        mX[k] = dsp_amp_to_db(cabs(X[k]));   /* exact down to the dB floor */
    }
    if (!pX)
        return DSP_OK;
    for (size_t k = 0; k < nb; k++) {
        double re = creal(X[k]), im = cimag(X[k]);
        if (fabs(re) < PHASE_TOL)
            re = 0.0;
        if (fabs(im) < PHASE_TOL)
            im = 0.0;
        pX[k] = atan2(im, re);
    }
    dsp_unwrap(pX, nb);
    return DSP_OK;
}

int dsp_dftmodel_synthesize(struct dsp_dftmodel *dm, const double *mX, const double *pX,
                            double *y)
{
    const size_t nb = dm->nb, n = dm->n, hm1 = dm->hm1, hm2 = dm->hm2;
    for (size_t k = 0; k < nb; k++) {
        double a = dsp_db_to_amp(mX[k]);
        dm->X[k] = CMPLX(a * cos(pX[k]), a * sin(pX[k]));
    }
    int s = dsp_fft_inverse_real(dm->fft, dm->X, dm->buf);
    if (s != DSP_OK)
        return s;
    /* undo the zero-phase rotation */
    memcpy(y, dm->buf + (n - hm2), hm2 * sizeof *y);
    memcpy(y + hm2, dm->buf, hm1 * sizeof *y);
    return DSP_OK;
}
