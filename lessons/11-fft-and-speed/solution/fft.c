/* Lesson 11, Part 3 — reference solution. */
#include <stdlib.h>

#include "exercise.h"

int fft_ex(const double complex *x, size_t n, double complex *X)
{
    if (n == 0 || (n & (n - 1)) != 0 || x == NULL || X == NULL)
        return dsp_fail(DSP_EINVAL, "fft_ex: n = %zu is not a power of two", n);
    if (n == 1) {
        X[0] = x[0];
        return DSP_OK;
    }
    size_t *rev = malloc(n * sizeof *rev);
    double complex *w = malloc(n / 2 * sizeof *w);
    if (rev == NULL || w == NULL) {
        free(rev);
        free(w);
        return DSP_ENOMEM;
    }
    bitrev_ex(n, rev);
    twiddle_ex(n, w);
    /* 1. inputs in bit-reversed order: the length-2 DFTs then pair neighbours */
    for (size_t i = 0; i < n; i++)
        X[rev[i]] = x[i];
    /* 2. log2(n) stages; a stage merges DFTs of half = len/2 points into DFTs
     * of len points. The twiddle of a len-point DFT, exp(-j 2 pi j / len), is
     * w[j * (n / len)] of the n-point table. */
    for (size_t len = 2; len <= n; len *= 2) {
        size_t half = len / 2, stride = n / len;
        for (size_t start = 0; start < n; start += len)
            for (size_t j = 0; j < half; j++) {
                double complex a = X[start + j];
                double complex b = X[start + j + half] * w[j * stride];
                X[start + j] = a + b;          /* the butterfly */
                X[start + j + half] = a - b;
            }
    }
    free(rev);
    free(w);
    return DSP_OK;
}
