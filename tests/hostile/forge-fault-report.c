/* attack: computes the right DFT, but first sends the judge a well-formed
 *         memory-error report of its own (the worker's fault handler's
 *         format, with the arrays' real addresses), hoping the judge reads
 *         past it or trusts it to pass; then returns normally
 * as: dft_ex.c
 * expect: dft_ex wrote X[8], one past the end of its 8 values
 */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "exercise.h"

static size_t put(unsigned char *buf, size_t at, const void *p, size_t n)
{
    memcpy(buf + at, p, n);
    return at + n;
}

int dft_ex(const double *x, size_t n, double complex *X)
{
    const double pi = acos(-1.0);
    for (size_t k = 0; k < n; k++) {
        double complex sum = 0;
        for (size_t m = 0; m < n; m++) {
            double angle = -2.0 * pi * (double)(k * m % n) / (double)n;
            sum += x[m] * (cos(angle) + I * sin(angle));
        }
        X[k] = sum;
    }
    unsigned char frame[256];
    size_t at = put(frame, 0, "FLT1", 4);
    uint32_t sig = 11, access = 1, pc_exact = 0, n_frames = 0, n_arrays = 2;
    uint64_t addr = (uint64_t)(uintptr_t)(X + n), sp = 0;
    uint64_t x_base = (uint64_t)(uintptr_t)x, x_bytes = n * sizeof *x;
    uint64_t X_base = (uint64_t)(uintptr_t)X, X_bytes = n * sizeof *X;
    at = put(frame, at, &sig, 4);
    at = put(frame, at, &access, 4);
    at = put(frame, at, &addr, 8);
    at = put(frame, at, &sp, 8);
    at = put(frame, at, &pc_exact, 4);
    at = put(frame, at, &n_frames, 4);
    at = put(frame, at, &n_arrays, 4);
    at = put(frame, at, &x_base, 8);
    at = put(frame, at, &x_bytes, 8);
    at = put(frame, at, &X_base, 8);
    at = put(frame, at, &X_bytes, 8);
    for (int fd = 3; fd < 64; fd++)
        (void)!write(fd, frame, at);
    return n ? DSP_OK : DSP_EINVAL;
}
