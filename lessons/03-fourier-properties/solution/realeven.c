/* Lesson 03, Part 3 — reference solution. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <dsplab/fft.h>

#include "exercise.h"

int realeven_ex(const double *x, size_t m, double tol, int *is_even, double *max_imag,
                double complex *X)
{
    if (m == 0 || !(tol >= 0))
        return DSP_EINVAL;
    double *buf = malloc(m * sizeof *buf);
    struct dsp_fft *fft = dsp_fft_new(m);
    int status = DSP_ENOMEM;
    if (!buf || !fft)
        goto done;
    /* zero-phase buffer with n = m: x[m/2 .. m-1] then x[0 .. m/2-1] */
    size_t h = m / 2;
    memcpy(buf, x + h, (m - h) * sizeof *buf);
    memcpy(buf + m - h, x, h * sizeof *buf);
    /* even: buf[i] == buf[-i], and index -i is m-i */
    int even = 1;
    for (size_t i = 1; i < m; i++)
        if (!(fabs(buf[i] - buf[m - i]) <= tol))
            even = 0;
    dsp_fft_forward_real(fft, buf, X);
    double mi = 0.0;
    for (size_t j = 0; j <= m / 2; j++)
        if (fabs(cimag(X[j])) > mi)
            mi = fabs(cimag(X[j]));
    *is_even = even;
    *max_imag = mi;
    status = DSP_OK;
done:
    dsp_fft_free(fft);
    free(buf);
    return status;
}
