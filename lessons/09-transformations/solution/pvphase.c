/* Lesson 09, Part 1 — reference solution. */
#include <math.h>
#include <stdlib.h>

#include "exercise.h"

static double princarg(double x)
{
    const double pi = 3.14159265358979323846;
    return x - 2.0 * pi * floor((x + pi) / (2.0 * pi));
}

int pvphase_ex(const double *mag, const double *phi, const double *phi_prev,
               const double *theta_prev, size_t n_fft, size_t hop, int lock, double *theta)
{
    const double pi = 3.14159265358979323846;
    if (n_fft < 4 || n_fft % 2 != 0 || hop == 0 || 2 * hop > n_fft ||
        (lock != PV_LOCK_NONE && lock != PV_LOCK_IDENTITY))
        return DSP_EINVAL;
    size_t nb = n_fft / 2 + 1;
    /* every bin's own advance: its instantaneous frequency times the hop */
    for (size_t k = 0; k < nb; k++) {
        double bin = 2.0 * pi * (double)k / (double)n_fft;
        double w = bin + princarg(phi[k] - phi_prev[k] - bin * (double)hop) / (double)hop;
        theta[k] = theta_prev[k] + (double)hop * w;
    }
    if (lock == PV_LOCK_NONE)
        return DSP_OK;
    size_t *peak = malloc(nb * sizeof *peak), np = 0;
    if (!peak)
        return DSP_ENOMEM;
    for (size_t k = 1; k + 1 < nb; k++)
        if (mag[k] > mag[k - 1] && mag[k] > mag[k + 1])
            peak[np++] = k;
    /* identity locking: each bin keeps its analysed phase offset from its
     * nearest peak; p walks along the peaks as k grows */
    size_t p = 0;
    for (size_t k = 0; k < nb && np > 0; k++) {
        while (p + 1 < np && peak[p + 1] <= k)
            p++;
        size_t q = peak[p];
        if (p + 1 < np && q < k && peak[p + 1] - k < k - q)
            q = peak[p + 1];   /* strictly nearer: ties stay with the lower peak */
        if (q != k)
            theta[k] = theta[q] + phi[k] - phi[q];
    }
    free(peak);
    return DSP_OK;
}
