/* Lesson 09, Part 2 — reference solution. */
#include <complex.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <dsplab/fft.h>

#include "exercise.h"

/* FFT of the Hann-windowed frame of x centred on sample c (zeros outside):
 * magnitudes and phases of the nb bins. */
static void analyze(struct dsp_fft *fft, const double *w, size_t n, const double *x, size_t len,
                    long long c, double *buf, double complex *X, double *mag, double *phase)
{
    for (size_t i = 0; i < n; i++) {
        long long t = c - (long long)(n / 2) + (long long)i;
        buf[i] = t >= 0 && t < (long long)len ? w[i] * x[t] : 0.0;
    }
    dsp_fft_forward_real(fft, buf, X);
    for (size_t k = 0; k <= n / 2; k++) {
        mag[k] = cabs(X[k]);
        phase[k] = carg(X[k]);
    }
}

int pvstretch_ex(const double *x, size_t len, double factor, size_t n_fft, size_t hop, int lock,
                 double *y, size_t out_len)
{
    const double pi = 3.14159265358979323846;
    if (len == 0 || !(factor > 0) || n_fft < 4 || n_fft % 2 != 0 || hop == 0 ||
        2 * hop > n_fft || (lock != PV_LOCK_NONE && lock != PV_LOCK_IDENTITY) ||
        out_len != (size_t)llround((double)len * factor))
        return DSP_EINVAL;
    size_t nb = n_fft / 2 + 1;
    struct dsp_fft *fft = dsp_fft_new(n_fft);
    double *w = malloc(n_fft * sizeof *w), *buf = malloc(n_fft * sizeof *buf);
    double *wsum = calloc(out_len + 1, sizeof *wsum), *ph = malloc(6 * nb * sizeof *ph);
    double complex *X = malloc(nb * sizeof *X);
    int s = DSP_ENOMEM;
    if (!fft || !w || !buf || !wsum || !ph || !X)
        goto done;
    double *mag = ph, *phi = ph + nb, *phi_prev = ph + 2 * nb, *theta = ph + 3 * nb;
    double *theta_new = ph + 4 * nb, *unused = ph + 5 * nb;
    for (size_t i = 0; i < n_fft; i++)
        w[i] = 0.5 - 0.5 * cos(2.0 * pi * (double)i / (double)n_fft);   /* periodic Hann */
    memset(y, 0, out_len * sizeof *y);
    s = DSP_OK;
    for (size_t j = 0; j <= out_len / hop && s == DSP_OK; j++) {
        long long a = llround((double)(j * hop) / factor);
        analyze(fft, w, n_fft, x, len, a, buf, X, mag, phi);
        if (j == 0) {
            memcpy(theta, phi, nb * sizeof *theta);   /* the first frame as analysed */
        } else {
            /* the frame hop samples earlier gives each bin's frequency */
            analyze(fft, w, n_fft, x, len, a - (long long)hop, buf, X, unused, phi_prev);
            s = pvphase_ex(mag, phi, phi_prev, theta, n_fft, hop, lock, theta_new);
            memcpy(theta, theta_new, nb * sizeof *theta);
        }
        for (size_t k = 0; k < nb; k++)
            X[k] = mag[k] * cexp(I * theta[k]);
        dsp_fft_inverse_real(fft, X, buf);
        /* window again and overlap-add, remembering the sum of w^2 */
        for (size_t i = 0; i < n_fft; i++) {
            long long t = (long long)(j * hop) - (long long)(n_fft / 2) + (long long)i;
            if (t >= 0 && t < (long long)out_len) {
                y[t] += w[i] * buf[i];
                wsum[t] += w[i] * w[i];
            }
        }
    }
    for (size_t i = 0; i < out_len && s == DSP_OK; i++)
        y[i] = wsum[i] > 1e-12 ? y[i] / wsum[i] : 0.0;
done:
    dsp_fft_free(fft);
    free(w);
    free(buf);
    free(wsum);
    free(ph);
    free(X);
    return s;
}
