/*
 * dft.c — the naive O(N^2) DFT, written to be exact rather than fast.
 *
 * Two things keep the rounding error at the level of the sums themselves:
 *  - the phase index k*m mod N is kept in integers (advanced by k each step
 *    and wrapped), so no large angle 2*pi*k*m/N is ever formed in floating
 *    point and nothing can overflow;
 *  - cos and sin of 2*pi*j/N are computed once per call into a table, each
 *    from an angle reduced to [0, pi/4], so the table is exactly symmetric:
 *    sin(pi) is 0, cos(pi/2) is 0, e^{-j2pi(N-j)/N} is exactly conj(e^{-j2pi j/N}).
 * The table costs one allocation of 2N doubles per call. That breaks the
 * library's "processing never allocates" rule on purpose: this is the
 * teaching transform, and recomputing cos/sin per term would make it ~20x
 * slower. Use fft.h where allocation matters.
 */
#include "dsplab/dft.h"

#include "dsplab/status.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

static const double PI = 3.14159265358979323846;

/* cos and sin of 2*pi*j/n, for 0 <= j < n, from an angle reduced to [0, pi/4].
 * The angle is kept as an exact fraction num/den of a full turn, in integers. */
static void unit_root(size_t j, size_t n, double *c, double *s)
{
    int neg_sin = 0, neg_cos = 0, swap = 0;
    if (2 * j > n) { /* 2pi - a: same cosine, opposite sine */
        j = n - j;
        neg_sin = 1;
    }
    size_t num = 2 * j, den = 2 * n; /* a = 2pi num/den, in [0, pi] */
    if (4 * num > den) {             /* pi - a: opposite cosine, same sine */
        num = den / 2 - num;
        neg_cos = 1;
    }
    if (8 * num > den) { /* pi/2 - a: cosine and sine swap */
        num = den - 4 * num;
        den = 4 * den;
        swap = 1;
    }
    double b = 2.0 * PI * (double)num / (double)den; /* in [0, pi/4] */
    double cb = cos(b), sb = sin(b);
    *c = swap ? sb : cb;
    *s = swap ? cb : sb;
    if (neg_cos)
        *c = -*c;
    if (neg_sin)
        *s = -*s;
}

/* Table of cos (tab[0..n-1]) and sin (tab[n..2n-1]) of 2*pi*j/n. */
static double *twiddles(size_t n)
{
    /* the angle fractions in unit_root use up to 8n */
    if (n > SIZE_MAX / 16)
        return NULL;
    double *tab = malloc(2 * n * sizeof *tab);
    if (!tab)
        return NULL;
    for (size_t j = 0; j < n; j++)
        unit_root(j, n, &tab[j], &tab[n + j]);
    return tab;
}

/* X[k] = sum_m x[m] e^{sign*j*2*pi*k*m/n}; sign = -1 forward, +1 inverse. */
static void dft_complex(const double *tab, const double complex *x, size_t n, double sign,
                        double complex *X)
{
    const double *c = tab, *s = tab + n;
    for (size_t k = 0; k < n; k++) {
        double re = 0.0, im = 0.0;
        size_t j = 0; /* (k*m) mod n, advanced by k each step */
        for (size_t m = 0; m < n; m++) {
            double xr = creal(x[m]), xi = cimag(x[m]);
            double ws = sign * s[j];
            re += xr * c[j] - xi * ws;
            im += xr * ws + xi * c[j];
            j += k;
            if (j >= n)
                j -= n;
        }
        X[k] = CMPLX(re, im);
    }
}

static int check_args(const char *fn, const void *in, size_t n, const void *out)
{
    if (n == 0)
        return dsp_fail(DSP_EINVAL, "%s: length (0) must be at least 1", fn);
    if (!in || !out)
        return dsp_fail(DSP_EINVAL, "%s: %s array is NULL", fn, in ? "output" : "input");
    return DSP_OK;
}

int dsp_dft(const double complex *x, size_t n, double complex *X)
{
    int status = check_args("dsp_dft", x, n, X);
    if (status != DSP_OK)
        return status;
    double *tab = twiddles(n);
    if (!tab)
        return dsp_fail(DSP_ENOMEM, "dsp_dft: no memory for the %zu-point cos/sin table", n);
    dft_complex(tab, x, n, -1.0, X);
    free(tab);
    return DSP_OK;
}

int dsp_idft(const double complex *X, size_t n, double complex *x)
{
    int status = check_args("dsp_idft", X, n, x);
    if (status != DSP_OK)
        return status;
    double *tab = twiddles(n);
    if (!tab)
        return dsp_fail(DSP_ENOMEM, "dsp_idft: no memory for the %zu-point cos/sin table", n);
    dft_complex(tab, X, n, +1.0, x);
    free(tab);
    /* the 1/N of the inverse, as its own step */
    for (size_t m = 0; m < n; m++)
        x[m] /= (double)n;
    return DSP_OK;
}

int dsp_dft_real(const double *x, size_t n, double complex *X)
{
    int status = check_args("dsp_dft_real", x, n, X);
    if (status != DSP_OK)
        return status;
    double *tab = twiddles(n);
    if (!tab)
        return dsp_fail(DSP_ENOMEM, "dsp_dft_real: no memory for the %zu-point cos/sin table",
                        n);
    const double *c = tab, *s = tab + n;
    /* bins 0..n/2 directly; the rest by Hermitian symmetry X[n-k] = conj X[k] */
    for (size_t k = 0; k <= n / 2; k++) {
        double re = 0.0, im = 0.0;
        size_t j = 0;
        for (size_t m = 0; m < n; m++) {
            re += x[m] * c[j];
            im -= x[m] * s[j];
            j += k;
            if (j >= n)
                j -= n;
        }
        X[k] = CMPLX(re, im);
    }
    for (size_t k = n / 2 + 1; k < n; k++)
        X[k] = conj(X[n - k]);
    free(tab);
    return DSP_OK;
}
