/* Lesson 03, Part 1 — reference solution. */
#include "exercise.h"

static long gcd_long(long a, long b)
{
    while (b != 0) {
        long r = a % b;
        a = b;
        b = r;
    }
    return a;
}

int zeropad_ex(long f_hz, long fs_hz, size_t m, size_t n_max, size_t *n, size_t *k)
{
    if (m == 0 || fs_hz <= 0 || f_hz < 0 || 2 * f_hz > fs_hz)
        return DSP_EINVAL;
    /* f*n/fs is whole exactly when n is a multiple of fs / gcd(f, fs):
     * the sinusoid's period is fs/f samples, and p = fs/g is the length of
     * its shortest whole number of periods (f/g of them). gcd(0, fs) = fs. */
    long g = gcd_long(f_hz, fs_hz);
    size_t p = (size_t)(fs_hz / g);
    size_t q = (m + p - 1) / p;   /* the multiple of p at or above m */
    if (q > n_max / p)            /* q*p > n_max, tested without overflow */
        return DSP_EINVAL;
    *n = q * p;
    *k = q * (size_t)(f_hz / g);
    return DSP_OK;
}
